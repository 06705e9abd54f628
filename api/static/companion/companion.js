// The companion page: the seller's microphone (our side) and the meeting's sound (the customer
// side) to the service over WHIP, live captions of both sides, and the seller's private hints.
"use strict";

const API = "/api/v1";
const $ = (id) => document.getElementById(id);
const NO_PROCESSING = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
// What the page received, in order: shown below, and what an automated check can read.
window.companionLog = { events: [], hints: [], meetingId: null, resource: null };

let current = null; // { pc, resource, token, streams, sockets }

function setStatus(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.className = error ? "error" : "";
}

function wsUrl(path, token, extra = {}) {
  const url = new URL(path, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  for (const [key, value] of Object.entries({ ...extra, token })) url.searchParams.set(key, value);
  return url.href;
}

async function listDevices() {
  const select = $("device");
  select.textContent = "";
  for (const device of await navigator.mediaDevices.enumerateDevices()) {
    if (device.kind !== "audioinput") continue;
    const option = document.createElement("option");
    option.value = device.deviceId;
    option.textContent = device.label || `input ${select.length + 1}`;
    select.append(option);
  }
}

function showSourceRows() {
  const kind = $("second").value;
  $("device-row").hidden = kind !== "device";
  $("file-row").hidden = kind !== "file";
  if (kind === "device") listDevices();
}

async function secondSource(kind) {
  if (kind === "display") {
    if (!navigator.mediaDevices.getDisplayMedia) {
      throw new Error("this browser cannot share a tab's sound: pick a second input device");
    }
    // Chromium shares a tab's audio only with its picture; the picture is not sent.
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: NO_PROCESSING });
    if (!stream.getAudioTracks().length) {
      stream.getTracks().forEach((track) => track.stop());
      throw new Error("the shared tab or window has no sound: tick 'Share audio' when sharing");
    }
    return stream;
  }
  if (kind === "device") {
    const deviceId = $("device").value;
    if (!deviceId) throw new Error("pick the input device that carries the meeting's sound");
    return navigator.mediaDevices.getUserMedia({ audio: { ...NO_PROCESSING, deviceId: { exact: deviceId } } });
  }
  // An audio file, played in the page and captured from its <audio> element.
  const file = $("file").files[0];
  if (!file) throw new Error("choose an audio file for the customer side");
  const player = $("file-player");
  player.src = URL.createObjectURL(file);
  await player.play();
  const stream = player.captureStream();
  if (!stream.getAudioTracks().length) {
    await new Promise((resolve) => stream.addEventListener("addtrack", resolve, { once: true }));
  }
  return stream;
}

function gathered(pc) {
  // No trickle ICE: the offer goes with every candidate.
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") resolve();
    });
  });
}

async function start(event) {
  event.preventDefault();
  if (current) return;
  const token = $("token").value.trim();
  if (!token) return setStatus("enter your API token", true);
  localStorage.setItem("companion-token", token);
  $("start").disabled = true;
  const streams = [];
  try {
    setStatus("Opening your microphone…");
    const camera = $("camera").checked;
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true, video: camera });
    streams.push(mic);
    setStatus("Opening the customer side…");
    const other = await secondSource($("second").value);
    streams.push(other);
    const pc = new RTCPeerConnection({ iceServers: [] });
    // The order is the contract: our side's audio first, then the customer side's.
    pc.addTransceiver(mic.getAudioTracks()[0], { direction: "sendonly" });
    pc.addTransceiver(other.getAudioTracks()[0], { direction: "sendonly" });
    if (camera) pc.addTransceiver(mic.getVideoTracks()[0], { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    setStatus("Connecting…");
    const query = new URLSearchParams();
    if ($("name").value.trim()) query.set("name", $("name").value.trim());
    if ($("title").value.trim()) query.set("title", $("title").value.trim());
    const response = await fetch(`${API}/whip?${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/sdp" },
      body: pc.localDescription.sdp,
    });
    if (response.status !== 201) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.detail || `the service answered ${response.status}`);
    }
    const resource = new URL(response.headers.get("Location"), location.href).href;
    const meetingId = response.headers.get("X-Meeting-Id");
    await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
    current = { pc, resource, token, streams, sockets: [] };
    window.companionLog.meetingId = meetingId;
    window.companionLog.resource = resource;
    pc.addEventListener("connectionstatechange", () => {
      if (pc.connectionState === "connected") setStatus("Live: both sides are being transcribed.");
      if (pc.connectionState === "failed") setStatus("The connection to the service failed.", true);
    });
    watchCaptions(meetingId, token);
    if ($("hints-on").checked) watchHints(meetingId, token);
    $("stop").disabled = false;
  } catch (error) {
    streams.forEach((stream) => stream.getTracks().forEach((track) => track.stop()));
    setStatus(`Could not start: ${error.message}`, true);
    $("start").disabled = false;
  }
}

function captionLine(participant) {
  const box = $(participant === "me" ? "me-text" : "customer-text");
  let partial = box.querySelector(".partial");
  if (!partial) {
    partial = document.createElement("div");
    partial.className = "partial";
    box.append(partial);
  }
  return { box, partial };
}

function watchCaptions(meetingId, token) {
  const socket = new WebSocket(wsUrl(`${API}/meetings/${meetingId}/live`, token));
  current.sockets.push(socket);
  socket.addEventListener("message", (message) => {
    const event = JSON.parse(message.data);
    window.companionLog.events.push(event);
    if (event.type === "joined") {
      $(event.participant === "me" ? "me-name" : "customer-name").textContent =
        `${event.name} (${event.side === "internal" ? "our side" : "customer side"})`;
    } else if (event.type === "partial" || event.type === "final") {
      const { box, partial } = captionLine(event.participant);
      if (event.type === "partial") {
        partial.textContent = event.text;
      } else {
        partial.textContent = "";
        const line = document.createElement("div");
        line.className = "final";
        line.textContent = event.text;
        box.insertBefore(line, partial);
      }
    } else if (event.type === "talk_time") {
      $("talk").textContent = event.participants
        .map((p) => `${p.name}: ${Math.round(p.share * 100)} %`)
        .join(" · ");
    } else if (event.type === "ended") {
      setStatus(`The meeting has ended (${event.status}); its report is in the service.`);
    }
  });
}

function watchHints(meetingId, token) {
  const socket = new WebSocket(wsUrl(`${API}/meetings/${meetingId}/hints`, token, { participant: "me" }));
  current.sockets.push(socket);
  socket.addEventListener("message", (message) => {
    const event = JSON.parse(message.data);
    if (event.type !== "hint") return;
    window.companionLog.hints.push(event);
    const line = document.createElement("div");
    line.className = "hint";
    line.textContent = event.message;
    $("hints").prepend(line);
  });
}

async function stop() {
  if (!current) return;
  const { pc, resource, token, streams } = current;
  $("stop").disabled = true;
  setStatus("Stopping: the meeting is being analysed…");
  try {
    await fetch(resource, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
  } finally {
    pc.close();
    streams.forEach((stream) => stream.getTracks().forEach((track) => track.stop()));
    $("file-player").pause();
    current = null;
    $("start").disabled = false;
  }
}

$("token").value = localStorage.getItem("companion-token") || "";
$("second").addEventListener("change", showSourceRows);
$("setup").addEventListener("submit", start);
$("stop").addEventListener("click", stop);
showSourceRows();
