// A room of our own: join the room's Janus VideoRoom with camera and microphone (janus.js),
// see everyone else, and follow the room's chat and captions over the service's websocket.
"use strict";
(function () {
  const VIDEOROOM = "janus.plugin.videoroom";
  const roomId = location.pathname.split("/").filter(Boolean)[1];
  // The host's key rides in the fragment: browsers never send it to a server with the page.
  const hostKey = new URLSearchParams(location.hash.slice(1)).get("host");
  const $ = (id) => document.getElementById(id);
  const opaqueId = "room-" + Math.random().toString(36).slice(2);
  const feeds = new Map(); // Janus feed id -> {handle, tile}
  const partials = new Map(); // participant id -> caption element
  let config = null;
  let janus = null;
  let publisher = null;
  let privateId = null;
  let socket = null;
  let pending = []; // what the person sent before the chat's socket opened, sent once it does
  let myName = null;
  let inCall = false;
  // Private hints: this page's ticket (from the room's websocket), who the assistant heard us
  // join as, and the hints socket while the box is ticked (unticked by default: opting in).
  let ticket = null;
  let me = null; // {participant, meeting_id}
  let hintSocket = null;

  function problem(text) {
    $("problem").textContent = text;
    $("problem").hidden = false;
  }

  if (typeof Janus === "undefined") {
    problem("janus.js did not load from this server: the room cannot open.");
    return;
  }

  fetch(`/rooms/${roomId}/config`)
    .then((r) => r.json().then((body) => (r.ok ? body : Promise.reject(new Error(body.detail)))))
    .then((c) => {
      config = c;
      $("title").textContent = c.title;
      document.title = c.title;
      document.body.dataset.ready = "true";
    })
    .catch((error) => problem(`This room cannot open: ${error.message}`));

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    myName = $("name").value.trim();
    if (!myName || !config) return;
    $("join").hidden = true;
    $("room").hidden = false;
    $("invite").hidden = config.require_host_invite && !hostKey;
    openChat();
    startCall();
  });

  $("say").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value.trim();
    if (!text || !socket) return;
    send({ type: "chat", text });
    $("message").value = "";
  });

  $("invite").addEventListener("click", () => {
    if (socket) send({ type: "invite" });
  });

  $("leave").addEventListener("click", leaveCall);

  // The chat and captions: the service's websocket.

  // A click while the socket still connects is kept, never dropped without a word.
  function send(message) {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else if (socket.readyState === WebSocket.CONNECTING) pending.push(message);
    else note("The chat is closed: reload the page to send.");
  }

  function openChat() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}/rooms/${roomId}/ws`);
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: "hello", name: myName, host_key: hostKey }));
      pending.forEach((message) => socket.send(JSON.stringify(message)));
      pending = [];
    };
    socket.onmessage = (message) => onEvent(JSON.parse(message.data));
    socket.onclose = (event) => {
      if (event.code !== 1000) note(`The chat closed (${event.reason || event.code}).`);
    };
  }

  function onEvent(event) {
    switch (event.type) {
      case "welcome":
        if (event.host) document.body.dataset.host = "true";
        document.body.dataset.chat = "open";
        ticket = event.ticket;
        event.chat.forEach(addMessage);
        event.captions.forEach(onEvent);
        setAssistant(event.bot);
        break;
      case "chat":
        addMessage(event);
        break;
      case "bot":
        setAssistant(event);
        break;
      case "partial":
        showPartial(event);
        break;
      case "final":
        addFinal(event);
        break;
      case "discarded":
        $("captions").replaceChildren();
        partials.clear();
        closeHints();
        break;
      case "you":
        me = { participant: event.participant, meeting_id: event.meeting_id };
        if ($("hints-on").checked) openHints();
        break;
      case "error":
        note(event.detail);
        break;
      default:
        break; // joined, left, talk_time, engagement, ended: not shown here
    }
  }

  function setAssistant(status) {
    const label = $("assistant");
    label.dataset.status = status.status;
    label.textContent =
      status.status === "live"
        ? `${status.display}: this meeting is transcribed and analysed`
        : status.status === "starting"
          ? "Assistant: joining…"
          : "Assistant: not in the meeting";
  }

  function addMessage(message) {
    const line = document.createElement("p");
    line.className = "message";
    line.dataset.from = message.from;
    line.dataset.bot = String(Boolean(message.bot));
    line.dataset.system = String(Boolean(message.system));
    const who = document.createElement("b");
    who.textContent = message.from + ": ";
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.text;
    line.append(who, text);
    $("chat").append(line);
    $("chat").scrollTop = $("chat").scrollHeight;
  }

  function note(text) {
    addMessage({ from: "Room", text, system: true });
  }

  function caption(event, kind) {
    const line = document.createElement("p");
    line.className = `caption ${kind}`;
    line.dataset.name = event.name;
    line.dataset.participant = event.participant;
    const who = document.createElement("b");
    who.textContent = event.name + ": ";
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = event.text;
    line.append(who, text);
    return line;
  }

  function showPartial(event) {
    const old = partials.get(event.participant);
    const line = caption(event, "partial");
    if (old) old.replaceWith(line);
    else $("captions").append(line);
    partials.set(event.participant, line);
  }

  function addFinal(event) {
    if (!event.text.trim()) return;
    const line = caption(event, "final");
    const partial = partials.get(event.participant);
    if (partial) {
      partial.before(line);
      partial.remove();
      partials.delete(event.participant);
    } else {
      $("captions").append(line);
    }
    $("captions").scrollTop = $("captions").scrollHeight;
  }

  // Private hints: only this page asks for them, with its own ticket, and only when ticked.

  $("hints-on").addEventListener("change", () => {
    if ($("hints-on").checked) openHints();
    else closeHints();
  });

  function openHints() {
    closeHints();
    if (!me || !ticket) {
      showHint({ message: "Hints start once the assistant has heard you join." });
      return;
    }
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = new URLSearchParams({ participant: me.participant, ticket });
    const path = `/api/v1/meetings/${encodeURIComponent(me.meeting_id)}/hints?${query}`;
    const opened = new WebSocket(`${scheme}://${location.host}${path}`);
    opened.onmessage = (message) => {
      const event = JSON.parse(message.data);
      if (event.type === "hint") showHint(event);
    };
    opened.onclose = (event) => {
      if (hintSocket === opened) hintSocket = null;
      if (event.code !== 1000 && event.code !== 1005 && $("hints-on").checked)
        showHint({ message: `Hints stopped (${event.reason || event.code}).` });
    };
    hintSocket = opened;
  }

  function closeHints() {
    if (hintSocket) {
      const old = hintSocket;
      hintSocket = null;
      old.close(1000);
    }
  }

  function showHint(hint) {
    const box = $("hints");
    const line = document.createElement("p");
    line.className = "private-hint";
    if (hint.kind) line.dataset.kind = hint.kind;
    line.textContent = hint.message;
    box.append(line);
    while (box.children.length > 5) box.firstChild.remove();
    box.hidden = false;
  }

  // The call: janus.js against the room's VideoRoom.

  function startCall() {
    Janus.init({
      debug: false,
      callback: () => {
        janus = new Janus({
          server: config.janus_url,
          iceServers: [], // no STUN: janus.js would otherwise ask a public one
          success: attachPublisher,
          error: (error) => problem(`The meeting server cannot be reached: ${error}`),
        });
      },
    });
  }

  function attachPublisher() {
    janus.attach({
      plugin: VIDEOROOM,
      opaqueId,
      success: (handle) => {
        publisher = handle;
        handle.send({
          message: {
            request: "join",
            room: config.janus_room,
            ptype: "publisher",
            display: myName,
            pin: config.pin,
          },
        });
      },
      error: (error) => problem(`Cannot join the meeting: ${error}`),
      onmessage: (message, jsep) => {
        if (message.error) problem(message.error);
        if (message.videoroom === "joined") {
          inCall = true;
          privateId = message.private_id;
          publishOwn();
        }
        (message.publishers || []).forEach(subscribe);
        if (message.leaving) dropFeed(message.leaving);
        if (message.unpublished && message.unpublished !== "ok") dropFeed(message.unpublished);
        if (jsep) publisher.handleRemoteJsep({ jsep });
      },
      onlocaltrack: (track, on) => {
        if (track.kind !== "video") return;
        const tile = ownTile();
        tile.querySelector("video").srcObject = on ? new MediaStream([track]) : null;
      },
      onremotetrack: () => {},
    });
  }

  function publishOwn() {
    const video = config.video;
    publisher.createOffer({
      tracks: [
        { type: "audio", capture: true, recv: false },
        {
          type: "video",
          capture: {
            width: { ideal: video.width },
            height: { ideal: video.height },
            frameRate: { ideal: video.fps, max: video.fps },
          },
          recv: false,
        },
      ],
      success: (jsep) =>
        publisher.send({ message: { request: "configure", audio: true, video: true }, jsep }),
      error: (error) => problem(`Camera or microphone unavailable: ${error.message || error}`),
    });
  }

  function subscribe(feed) {
    if (feed.dummy || feeds.has(feed.id)) return;
    const entry = { handle: null, tile: tile(feed.id, feed.display || "Someone") };
    feeds.set(feed.id, entry);
    janus.attach({
      plugin: VIDEOROOM,
      opaqueId,
      success: (handle) => {
        entry.handle = handle;
        handle.send({
          message: {
            request: "join",
            room: config.janus_room,
            ptype: "subscriber",
            streams: [{ feed: feed.id }],
            private_id: privateId,
            pin: config.pin,
          },
        });
      },
      error: (error) => note(`Cannot see ${feed.display}: ${error}`),
      onmessage: (message, jsep) => {
        if (!jsep) return;
        entry.handle.createAnswer({
          jsep,
          tracks: [{ type: "data" }], // receive only
          success: (answer) =>
            entry.handle.send({ message: { request: "start", room: config.janus_room }, jsep: answer }),
          error: (error) => note(`Cannot see ${feed.display}: ${error.message || error}`),
        });
      },
      onremotetrack: (track, mid, on) => {
        if (!on) return;
        const shown = entry.tile.querySelector("video");
        if (track.kind === "video") {
          // Janus may announce the same track again (a renegotiation): keep what plays.
          const playing = shown.srcObject && shown.srcObject.getVideoTracks()[0];
          if (playing !== track) shown.srcObject = new MediaStream([track]);
        } else if (!hasAudio(entry.tile, track)) {
          const audio = document.createElement("audio");
          audio.autoplay = true;
          audio.srcObject = new MediaStream([track]);
          entry.tile.append(audio);
        }
      },
    });
  }

  function hasAudio(figure, track) {
    return [...figure.querySelectorAll("audio")].some((a) => a.srcObject.getAudioTracks()[0] === track);
  }

  function tile(feedId, name) {
    const figure = document.createElement("figure");
    figure.className = "tile";
    figure.dataset.feed = String(feedId);
    figure.dataset.name = name;
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true; // the sound plays from its own element
    const label = document.createElement("figcaption");
    label.textContent = name;
    figure.append(video, label);
    $("videos").append(figure);
    return figure;
  }

  function ownTile() {
    let own = document.querySelector(".tile[data-own]");
    if (!own) {
      own = tile("me", `${myName} (you)`);
      own.dataset.own = "true";
    }
    return own;
  }

  function dropFeed(feedId) {
    const entry = feeds.get(feedId);
    if (!entry) return;
    feeds.delete(feedId);
    entry.tile.remove();
    if (entry.handle) entry.handle.detach();
  }

  function leaveCall() {
    if (!inCall) return;
    inCall = false;
    publisher.send({ message: { request: "leave" } });
    for (const id of [...feeds.keys()]) dropFeed(id);
    const own = document.querySelector(".tile[data-own]");
    if (own) own.remove();
    janus.destroy({ cleanupHandles: true });
    $("leave").disabled = true;
    note("You left the call; the chat stays open (the assistant's summary comes here).");
  }
})();
