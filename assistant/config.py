"""The one source of configuration. Environment variables use the prefix ``MA_`` and ``__`` for
sections, e.g. ``MA_ASR__MODEL=/models/whisper-small`` or ``MA_VAD__THRESHOLD=0.6``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = [
    "AsrSettings",
    "AudioSettings",
    "BotSettings",
    "DashboardSettings",
    "DeliverySettings",
    "DiarizationSettings",
    "LiveSettings",
    "LlmSettings",
    "RoomsSettings",
    "ServiceSettings",
    "Settings",
    "ThreadSettings",
    "VadSettings",
    "apply_thread_settings",
    "get_settings",
    "torch_threads",
]


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "meeting-assistant"


class AsrSettings(BaseModel):
    engine: Literal["faster-whisper", "openai-whisper"] = "faster-whisper"
    model: str = "packaged-base"
    """``packaged-base`` (the offline Whisper base weights installed with us, for either engine:
    openai-whisper gets them converted once into ``cache_dir``), a folder holding a
    faster-whisper (CTranslate2) model, or a model name already in the local Hugging Face cache.
    For openai-whisper: ``packaged-base`` or a checkpoint file (.pt); nothing is downloaded."""
    compute_type: str = "int8"
    """CTranslate2 precision on CPU; ``int8`` is fastest at the same accuracy for base."""
    device: str = "cpu"
    cpu_threads: int = Field(default=0, ge=0)
    """Threads for inference, per worker; 0 = the cores split among the workers: in a live
    process two decodes at once with all cores each oversubscribe them (bench.live_capacity,
    6 people two at once, 2 cores: final p95 3.85 s with 2 threads per worker, 2.42 s with 1);
    analysis cuts each batch into one part per core, decoded at once by single-threaded
    workers, except audio shorter than half a 30 s window per core with diarization off: one
    worker on all cores (``assistant.processing.loading``). Set, analysis loads one worker
    with this many threads."""
    workers: int = Field(default=2, ge=1, le=8)
    """Decodes faster-whisper runs at once when called from several threads (CTranslate2
    workers; the weights are shared: 235 MB loaded with 1 or 2), in processes that follow
    live meetings (serve, live, bot); analysis-only processes (analyze, Celery workers)
    load one per core (at most ``batch_size``) for the parts of each batch; an upload that
    serve analyses cuts its batches among these workers as well (twice as fast on 2 cores;
    a caption decode meanwhile waits for a part). With one, a live caption's
    decode waits for a whole transcript decode (3 s); with two, it runs beside it (0.44 s
    alone, 0.8 s beside it, 2 cores)."""
    beam_size: int = Field(default=3, ge=1, le=10)
    """Beam width. 3 reads our clips as well as 5 (pyannote sample WER 16.0 % vs 18.5 %,
    jfk 0 % both) with about a third less decoding."""
    batch_size: int = Field(default=4, ge=1, le=64)
    """Speech chunks decoded together. 4 keeps a 60-minute meeting's whole analysis under
    1.4 GiB peak (1387 MiB); 8 is about 5 % faster and peaks at 1918 MiB."""
    language: str | None = None
    """Force one language (ISO 639-1) for the whole meeting; None detects it per chunk."""
    no_repeat_ngram_size: int = Field(default=12, ge=0, le=64)
    """Tokens in a row the transcript's decoder may not say twice in a chunk (0: no limit): cuts
    Whisper's loops short (``models.asr.RecognitionOptions``). The speech a loop covered with
    invented words then shows as unheard and is read again: on the 10-minute recording of the
    shared clips 97.8 % of the clips' words kept instead of 95.6 %, same phone-call WER."""


class VadSettings(BaseModel):
    threshold: float = Field(default=0.5, gt=0, lt=1)
    """Speech probability above which a 32 ms window counts as speech."""
    min_speech_s: float = Field(default=0.0, ge=0)
    """Shorter blips (s) are dropped; short answers ("yes") are kept."""
    min_silence_s: float = Field(default=0.6, ge=0)
    """Silence shorter than this does not end a speech region (s)."""
    speech_pad_s: float = Field(default=0.2, ge=0)
    """Audio kept on each side of a region (s), so first and last syllables survive."""
    max_region_s: float = Field(default=10.0, gt=1, le=30)
    """Longer speech is split at its quietest moment (s), so chunks can be packed full."""
    max_chunk_s: float = Field(default=30.0, gt=1, le=30)
    """Longest recogniser input (s); Whisper reads 30 s windows."""


class AudioSettings(BaseModel):
    min_duration_s: float = Field(default=1.0, ge=0)
    """Shorter recordings are refused: nothing meaningful can be said about them."""
    decode_block_s: float = Field(default=10.0, gt=0)
    """Decoded audio handed downstream at a time (s); bounds memory on long files."""
    stereo_mix_correlation: float = Field(default=0.8, ge=0, le=1)
    """Two channels correlated above this are one mix, not one person each."""
    allow_truncated: bool = False
    """Analyse the readable part of a file that was cut short, instead of refusing it."""


class DiarizationSettings(BaseModel):
    enabled: bool = True
    """Split a mixed track (one microphone, a phone call) into speakers."""
    threshold: float = Field(default=0.3, gt=0, lt=2)
    """Cosine distance at which voice clusters stop merging; lower finds more speakers."""
    min_speaker_s: float = Field(default=2.0, ge=0)
    """Less speech than this (s) is not a speaker of its own (a cough, a laugh)."""
    num_speakers: int | None = Field(default=None, ge=1, le=50)
    """The number of speakers when known."""
    voiceprints: bool = True
    """Join the voice clusters of one person across the whole recording by voiceprints (a few
    seconds of each cluster through CAM++), so a voice that returns is the same participant."""
    voiceprint_similarity: float = Field(default=0.6, gt=0, le=1)
    """Cosine similarity of voiceprints from which two clusters are one person; higher
    finds more speakers."""
    vad_threshold: float = Field(default=0.35, gt=0, lt=1)
    """Speech probability for diarization's own VAD: lower than transcription's, so quiet
    far-field voices still get their turns."""
    window_step_s: float = Field(default=0.25, gt=0, le=1.6)
    """Hop between 1.6 s voice-embedding windows (s); their CPU is proportional to 1 / hop
    (10-minute meeting: 6.7 s at 0.25, 4.6 s at 0.375, embedded region by region; 4.3 s at
    0.25 since regions are batched, ``SpeakerWindowStream``). Longer hops cluster worse: at 0.375
    (segmentation hop 2.5) the 10-minute recording of the clips finds 10 of its 12 voices
    and gives 82 % of words to the right voice (96 % at 0.25); at 0.5 the phone call's DER is
    7.9 % (6.7 % at 0.25)."""
    overlap_share: float = Field(default=0.45, gt=0, le=1)
    """Share of a frame's windows that makes a second speaker count as talking over it."""
    resegment: bool = True
    """Refine the voice clusters' turns with the local segmentation model: overlapped speech
    (two people at once) and quiet voices the VAD missed."""
    segmentation_step_s: float = Field(default=2.0, gt=0, le=10)
    """Hop between the segmentation model's 10 s windows (s); its CPU is proportional to
    1 / hop (60-minute meeting: about 75 s at 2, 54 s since the LSTM reads 8 windows at once;
    the whole analysis 408 -> 351 CPU s at 5, before that).
    AMI clips' mean DER 24.6 % at 2, 23.9 % at 2.5, 25.3 % at 3.33 (three windows a frame,
    two needed for speech: dev01 24 % against 17 %), 28.4 % at 4, 22.9 % at 5 (two windows,
    one enough); the phone call 6.7 % at 2, 2.5 and 5. But the 10-minute recording of the
    clips finds 12 of its 12 voices at 2, 13 at 2.5 and 11 at 5 (reported turns' DER 12.2,
    11.9, 13.7 %; fewer windows, fewer of them hear two voice clusters as two people).
    Letting a voice window count where a segmentation window hears half of it
    (``VoiceprintOptions.min_heard_s`` 0.8) does not bring the 12th voice back at 5."""
    speech_margin: float = Field(default=0.6, ge=0, lt=1)
    """A frame is speech once the segmentation windows covering it hear 1 - margin speakers
    on average; above 0.5 keeps quiet voices only some windows hear."""
    overlap_margin: float = Field(default=0.5, ge=0, lt=1)
    """A frame holds n >= 2 speakers once the windows hear n - margin on average."""


class VideoSettings(BaseModel):
    enabled: bool = True
    """Analyse the video tracks for engagement; off: every participant gets ``engagement: null``."""
    fps: float = Field(default=5.0, gt=0, le=30)
    """Frames sampled per second per person; still pictures reuse detections (cost control)."""
    max_width: int = Field(default=640, ge=64)
    """Frames are scaled down to this width (px) before analysis."""
    gallery_min_track_share: float = Field(default=0.25, ge=0, le=1)
    """In a gallery view, faces seen in fewer of the frames are passers-by and are dropped."""


class ThreadSettings(BaseModel):
    """Inference threads per runtime (CTranslate2's are ``asr.cpu_threads``)."""

    torch: int = Field(default=0, ge=0)
    """Torch intra-op threads (speaker voices, segmentation, and all of the openai-whisper
    engine). 0 = automatic: in a process that loads the speech models, 1 with the
    faster-whisper engine, whose decoding runs beside the voice models (they run on a thread
    of their own, a core each: with two threads per op beside Whisper's, the voice windows
    of a 2-core machine under load took 6x longer), otherwise torch's default (all cores);
    with diarization off and faster-whisper, no model uses torch and it is left alone.
    Process-wide: only the application's entry point applies it (``apply_thread_settings``)."""
    onnx_intra_op: int = Field(default=1, ge=0)
    """ONNX Runtime threads within one Silero VAD call; 0 = all cores."""
    onnx_inter_op: int = Field(default=1, ge=0)
    """ONNX Runtime threads across Silero VAD graph nodes; 0 = ONNX Runtime's default."""
    one_heap: bool = True
    """glibc only, in a process that loads the speech models: all threads allocate from one
    heap that keeps what is freed (up to 256 MB spare) instead of mapping fresh pages for
    every large buffer. Whisper's encoder allocates some 70 MB of attention scores per layer
    and window; mapped afresh each time, the kernel faulted in and zeroed 3.3 million pages
    per 10 minutes of meeting (7 s of system time, a tenth of the analysis' CPU); kept,
    0.2 million (0.7 s), for 30 MB more peak memory. Process-wide, set with the threads."""


class LiveSettings(BaseModel):
    """Following a meeting as it happens (``meeting-assistant live``, the bot)."""

    step_s: float = Field(default=0.35, ge=0.1, le=5)
    """New speech (s) after which the current utterance is decoded again for captions."""
    partial_window_s: float = Field(default=10.0, ge=5, le=30)
    """Encoder window (s) of those decodes: the audio padded with silence to this length (or
    to its own length and 2 s), not to Whisper's 30 s. On 2 cores with the packaged base model
    a decode costs about 0.85 s at 30 s, 0.35 s at 15 s and two thirds of that at 10 s (30 =
    as trained, slowest and most accurate)."""
    trim_s: float = Field(default=8.0, ge=2, le=28)
    """Speech without a pause longer than this (s) is handed on at its last confirmed sentence
    end, so each decode stays short (cheaper, and agrees sooner)."""
    confirm_margin_s: float = Field(default=0.6, ge=0, le=3)
    """A word two decodes agree on turns final only once this much audio (s) follows it in
    the decode: Whisper's reading of a word the buffer's end cuts off is a guess that two
    decodes often share. 0 confirms at once (more wrong finals, a little sooner)."""
    unsure_probability: float = Field(default=0.4, ge=0, le=1)
    """A word two decodes agree on that the decoder gives a lower probability than this waits
    for ``unsure_margin_s`` of audio after it instead of ``confirm_margin_s`` (0: off)."""
    unsure_margin_s: float = Field(default=1.2, ge=0, le=10)
    """Audio (s) that must follow an unsure word in the decode before it turns final."""
    end_window_s: float = Field(default=0.0, ge=0, le=30)
    """When an utterance ends, its words not yet final come from one more decode of it in
    this encoder window (s) with the transcript's beam (0: from the last partial decode, no
    extra decode); 30 reads as ``analyze`` does, for about 0.85 s on 2 cores."""
    context_chars: int = Field(default=200, ge=0, le=1000)
    """After such a hand-on, this much of the speech before (characters) is given to the next
    decodes as Whisper's previous-text context (0: none)."""
    max_buffer_s: float = Field(default=15.0, ge=3, le=28)
    """A longer utterance (s) with no confirmed sentence end is cut at its last confirmed
    word (Whisper reads 30 s)."""
    behind_s: float = Field(default=2.0, ge=0, le=30)
    """When the words not yet final start this long (s) before the decoded audio's end, a
    buffer past ``trim_s`` with no confirmed sentence end is cut at its last confirmed word
    (not only past ``max_buffer_s``), so slow decodes do not also decode ever more audio that
    is already final (0: off)."""
    sure_probability: float = Field(default=0.8, ge=0, le=1)
    """A word the decoder gives at least this probability turns final from one decode, once
    ``sure_margin_s`` of audio follows it there, without waiting for the next decode to agree
    (0: off)."""
    sure_margin_s: float = Field(default=0.3, ge=0, le=10)
    """Audio (s) that must follow a sure word in the decode before it turns final alone."""
    settle_s: float = Field(default=1.4, ge=0, le=10)
    """A word this much audio (s) follows in a decode turns final from that decode, whether
    or not the decode before read it the same: decodes that keep rewording a word no longer
    hold it back for seconds (0: off)."""
    settle_probability: float = Field(default=0.6, ge=0, le=1)
    """``settle_s`` makes final only words the decoder gives at least this probability; the
    others wait for two decodes to agree (or for the utterance's end) (0: any word)."""
    reread_margin_s: float = Field(default=0.3, ge=0, le=5)
    """Words a decode reads after the final ones but hears start more than this (s) before
    the final words end, mostly final words again, are Whisper repeating itself (telephone
    audio): skipped, never final twice (0: off)."""
    min_silence_s: float = Field(default=0.5, ge=0.1, le=3)
    """Silence (s) that ends an utterance and makes its words final; shorter is quicker but
    cuts sentences at pauses. Longer gives Whisper more of a speaker's words in one buffer, but
    did not read better (issue 9, 2026-12-07, ``bench.live_errors --cost 0.35,0.01 --as-1x
    --window-cost --vad min_silence_s=…``, tuning clips and dialogues): 0.5 -> 0.8/1.0/1.2
    read 0.183 -> 0.177 (one dialogue better, the other worse) and as a telephone line carries
    them 0.364 -> 0.374/0.375/0.373, finals' p95 1.85 -> 2.00 s (telephone 2.35 -> 2.94 s)."""
    video_fps: float = Field(default=1.0, gt=0, le=30)
    """Camera frames analysed per second per participant, live. One a second is enough for
    per-second presence, and keeps six cameras from slowing the captions on 2 cores (bench:
    six people in turn, final p95 3.5 s at 1 frame/s against 5.7 s at 2)."""


class BotSettings(BaseModel):
    """The meeting bot (``meeting-assistant bot join``): joins a Janus VideoRoom and follows
    everyone in it live."""

    display: str = Field(default="Meeting assistant (recording)", min_length=1, max_length=200)
    """The name the bot shows in the room; it says that it records, so everyone knows."""
    idle_timeout_s: float = Field(default=60.0, ge=1)
    """The bot leaves once the room has had nobody publishing for this long (s)."""
    request_timeout_s: float = Field(default=10.0, gt=0)
    """Longest wait for the meeting server to answer one request (s)."""
    connect_timeout_s: float = Field(default=15.0, gt=0)
    """Longest wait for the media connection (ICE and DTLS) after an offer is answered (s)."""
    allowed_hosts: list[str] = Field(default_factory=list)
    """Meeting servers the service's bots may join besides loopback: host names, addresses or
    networks (``janus.example.org``, ``10.0.0.5``, ``10.0.0.0/24``). Anything else is refused,
    so a token cannot point the service at internal addresses."""
    max_bots: int = Field(default=2, ge=1, le=64)
    """Bots one API process runs at once; each decodes its room's speech live (2 cores follow
    about one busy room in real time). More are refused with 503."""


class RoomsSettings(BaseModel):
    """Rooms of our own (``/rooms/{id}``): meetings in a Janus VideoRoom that people join from a
    browser, with captions and chat from the service."""

    janus_url: str | None = None
    """The Janus HTTP API the service creates rooms on and sends their bots to, e.g.
    ``http://127.0.0.1:8088/janus``; None: no rooms (``POST /rooms`` answers 503)."""
    public_janus_url: str | None = None
    """The same server as browsers reach it (behind a proxy, say); None: ``janus_url``."""
    janus_js: Path = Path("/usr/share/javascript/janus-gateway/janus.js")
    """Debian's ``libjs-janus-gateway``: served by the room page itself, no CDN."""
    adapter_js: Path = Path("/usr/share/javascript/webrtc-adapter/adapter.js")
    """Debian's ``libjs-webrtc-adapter``."""
    max_people: int = Field(default=10, ge=2, le=50)
    """People who may send camera and microphone in one room at once."""
    video_width: int = Field(default=320, ge=64, le=1920)
    """Camera width asked of each browser (px); small, so six people fit on one machine."""
    video_height: int = Field(default=240, ge=48, le=1080)
    video_fps: int = Field(default=15, ge=1, le=30)
    """Camera frames per second asked of each browser."""
    bitrate_kbps: int = Field(default=256, ge=32, le=4000)
    """Most a browser's video may send (kbit/s); Janus tells senders through REMB."""
    chat_history: int = Field(default=200, ge=0, le=5000)
    """Chat messages kept in memory per room and sent to someone joining later."""


class CompanionSettings(BaseModel):
    """The companion page's WHIP endpoint (``POST /api/v1/whip``): the seller's microphone and
    the meeting's sound, for meetings the bot cannot join."""

    max_sessions: int = Field(default=2, ge=1, le=64)
    """Companion sessions one API process follows at once (each decodes two voices live); more
    are refused with 429."""
    max_offer_kb: int = Field(default=64, ge=1, le=1024)
    """Largest SDP offer taken (KB); a browser's offer with three tracks is about 10 KB."""
    connect_timeout_s: float = Field(default=15.0, gt=0)
    """Longest wait for the client's media to connect after the answer (s)."""
    customer_name: str = Field(default="Customer side", min_length=1, max_length=200)
    """The name the meeting's sound goes by in captions and the report (side external)."""


class HintSettings(BaseModel):
    """Private live hints (``/meetings/{id}/hints``); see ``assistant.hints.engine``."""

    monologue_s: float = Field(default=120.0, gt=0)
    """Talking straight for more than this (s) gives a hint."""
    pause_s: float = Field(default=1.5, ge=0)
    """A pause longer than this (s) ends a run of talking."""
    interrupt_s: float = Field(default=1.0, ge=0)
    """Someone else speaking this long (s) ends a quiet speaker's run."""
    pace_wpm: float = Field(default=175.0, gt=0)
    """Words per minute of one's own speech above which a hint is given."""
    pace_window_s: float = Field(default=60.0, gt=0)
    """Rolling window of one's own final captions the pace is measured over (s)."""
    pace_min_speech_s: float = Field(default=10.0, ge=0)
    """Speech (s) in the window before a pace is judged."""
    away_s: float = Field(default=60.0, gt=0)
    """Camera off or looking away for more than this (s) gives a hint."""
    unheard_s: float = Field(default=600.0, gt=0)
    """Someone not heard for more than this (s) gives the host a hint."""
    min_gap_s: float = Field(default=30.0, ge=0)
    """At most one hint per person in this long (s)."""
    repeat_s: float = Field(default=300.0, ge=0)
    """The same hint about the same person not again within this long (s)."""


class IntelligenceSettings(BaseModel):
    """Meeting understanding."""

    action_scorer: bool = True
    """Let the learned scorer (``action_items/learned.py``) veto the rules' action items that do
    not look like work taken on. On by default: it raises strict precision on meetings the
    rules were not tuned on, at the same recall. Under leave-one-set-out cross-validation
    (``python -m bench.action_cv``, sets a-y as the rules were before tuning on each) pooled
    .64/.67 to .67/.66 (Danish .58/.62 to .62/.62); on the held-out sets 5-10 (never trained or
    tuned on) pooled .73/.79 to .75/.79 (Danish .71/.77 to .73/.77). It keeps
    the clear promises the behaviour tests expect (short turns and dated first-person promises
    are never vetoed)."""


class LlmSettings(BaseModel):
    """Optional OpenAI-compatible endpoint for summaries and action items; off while
    ``base_url`` is unset (the offline rules are the default)."""

    base_url: str | None = None
    """E.g. ``http://127.0.0.1:8080/v1``; ``/chat/completions`` is appended."""
    model: str = ""
    api_key: SecretStr | None = None
    timeout: float = Field(default=30.0, gt=0)
    """Per request (s)."""


class DeliverySettings(BaseModel):
    """After a meeting: the email digest over SMTP (off while ``smtp_host`` is unset) and posts
    to the team's chat and webhook destinations."""

    smtp_host: str | None = None
    """The mail server; None: no email is sent."""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    """``starttls`` (upgrade a plain connection, usually port 587), ``tls`` (implicit TLS,
    usually 465) or ``none`` (a relay on this machine only)."""
    smtp_username: str | None = None
    """Log in with this name and ``smtp_password`` when set."""
    smtp_password: SecretStr | None = None
    smtp_ca_file: Path | None = None
    """Certificates (PEM) to trust for the mail server besides the system's, e.g. a company CA."""
    sender: str = "meeting-assistant@localhost"
    """The From address of every digest."""
    timeout_s: float = Field(default=20.0, gt=0)
    """Longest wait for the mail server or a webhook receiver to answer one step (s)."""
    attempts: int = Field(default=4, ge=1, le=10)
    """Tries per message and destination before giving up."""
    backoff_s: float = Field(default=2.0, ge=0, le=300)
    """Wait before the second try (s); doubled before each further one."""
    auto_send: bool = True
    """Send a meeting's digest and posts when the service finishes analysing it."""
    sign_in_link_hours: int = Field(default=72, ge=1, le=7 * 24)
    """Life of the one-time dashboard link in each participant's copy (when
    ``dashboard.public_url`` is set): long enough to be opened from a mailbox later."""
    allowed_hosts: list[str] = Field(default_factory=list)
    """Webhook hosts the service may call although they are (or resolve to) internal
    addresses: host names, addresses or networks (``hooks.internal``, ``10.0.0.0/24``).
    Everything public is allowed; everything internal is refused unless named here."""

    @model_validator(mode="after")
    def _no_password_in_the_clear(self) -> DeliverySettings:
        local = self.smtp_host in ("localhost", "127.0.0.1", "::1")
        if self.smtp_security == "none" and self.smtp_username and not local:
            raise ValueError(
                "delivery.smtp_username is set with smtp_security 'none': the password would "
                "cross the network in the clear; use starttls or tls"
            )
        return self


_PLACEHOLDERS = ("changeme", "change-me", "password", "secret", "example", "xxx")


class ServiceSettings(BaseModel):
    """The shared service (``meeting-assistant serve`` and ``worker``)."""

    environment: Literal["development", "production"] = "development"
    """In production, placeholder passwords in ``database_url``/``broker_url`` are refused."""
    data_dir: Path = Path("data")
    """Media, derived files and (by default) the SQLite database live here."""
    database_url: SecretStr | None = None
    """SQLAlchemy URL, e.g. ``postgresql+psycopg://user:pass@db:5432/meetings``; None keeps an
    SQLite file in ``data_dir``."""
    broker_url: SecretStr | None = None
    """Celery broker, e.g. ``redis://127.0.0.1:6379/0``: jobs go to ``meeting-assistant
    worker`` processes; None runs them in the API process."""
    max_upload_mb: float = Field(default=2048.0, gt=0)
    """Largest recording accepted (MB); larger uploads are refused with 413 as they stream."""
    retention_days: int | None = Field(default=None, ge=1)
    """Media older than this is deleted, the report and transcript kept; None keeps media."""
    workers: int = Field(default=1, ge=1, le=16)
    """Analyses run at once by the embedded pool (or by each ``meeting-assistant worker``)."""
    job_lease_s: float = Field(default=300.0, ge=5)
    """A job whose worker gave no sign of life for this long (s) is taken to be dead: its
    message is delivered again (the broker's visibility timeout) and another worker takes it
    over. Analyses beat every few seconds, so this only bounds how long a dead worker's job
    waits."""
    cors_origins: list[str] = Field(default_factory=list)
    """Browser origins allowed to call the API; none by default (CORS closed)."""
    rate_limit_per_minute: int = Field(default=600, ge=1)
    """Requests per minute per token (or per client address without one)."""
    max_request_kb: int = Field(default=256, ge=1)
    """Largest request body (KB) other than an upload."""

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> ServiceSettings:
        if self.environment != "production":
            return self
        for name in ("database_url", "broker_url"):
            value = getattr(self, name)
            if value is not None and any(
                word in value.get_secret_value().lower() for word in _PLACEHOLDERS
            ):
                raise ValueError(
                    f"service.{name} holds a placeholder password; set a real one in production"
                )
        return self

    def sqlalchemy_url(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite:///{(self.data_dir / 'meetings.db').resolve()}"


class DashboardSettings(BaseModel):
    """The speaker-feedback dashboard that ``serve`` shows under ``/dashboard``."""

    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    """A browser stays signed in this long (h)."""
    link_minutes: int = Field(default=60, ge=1, le=7 * 24 * 60)
    """A sign-in link works once, within this many minutes of being made."""
    public_url: str | None = Field(default=None, max_length=500)
    """The address people open the service at, e.g. ``https://meetings.example.org``, for the
    links in emails; None takes it from the request that makes the link."""
    session_secret: SecretStr | None = None
    """Key signing the dashboard's session cookies; None draws one when the service starts (a
    restart then signs everyone out). Set it when several API processes serve one address."""
    cadence_gap_days: int = Field(default=14, ge=1)
    """Meetings of a team further apart than this are flagged on the Team page."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MA_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    cache_dir: Path = Field(default_factory=_default_cache_dir)
    """Where joined model weights and other derived files are kept."""
    asr: AsrSettings = AsrSettings()
    vad: VadSettings = VadSettings()
    audio: AudioSettings = AudioSettings()
    video: VideoSettings = VideoSettings()
    diarization: DiarizationSettings = DiarizationSettings()
    threads: ThreadSettings = ThreadSettings()
    intelligence: IntelligenceSettings = IntelligenceSettings()
    llm: LlmSettings = LlmSettings()
    live: LiveSettings = LiveSettings()
    bot: BotSettings = BotSettings()
    delivery: DeliverySettings = DeliverySettings()
    rooms: RoomsSettings = RoomsSettings()
    companion: CompanionSettings = CompanionSettings()
    hints: HintSettings = HintSettings()
    service: ServiceSettings = ServiceSettings()
    dashboard: DashboardSettings = DashboardSettings()


@lru_cache
def get_settings() -> Settings:
    return Settings()


def torch_threads(settings: Settings, *, speech_models: bool = True) -> int:
    """Torch's intra-op thread count for a process (0: leave torch's default); see
    ``ThreadSettings.torch``. ``speech_models``: the process loads them."""
    if settings.threads.torch or not speech_models:
        return settings.threads.torch
    if settings.asr.engine != "faster-whisper":
        return 0
    # Beside faster-whisper only the voice models use torch: without diarization none loads,
    # and importing torch just to set its threads cost a second of every short file's run.
    return 1 if settings.diarization.enabled else 0


def apply_thread_settings(settings: Settings, *, speech_models: bool = True) -> None:
    """Apply the process-wide thread settings; for entry points that own the process (the CLI),
    never library code. ``speech_models``: the process loads them (the automatic torch count
    applies). Torch is only imported when a count is to be set."""
    threads = torch_threads(settings, speech_models=speech_models)
    if threads:
        import torch

        torch.set_num_threads(threads)
    if speech_models and settings.threads.one_heap:
        _reuse_freed_memory()


_MALLOPT = {"M_TRIM_THRESHOLD": -1, "M_TOP_PAD": -2, "M_MMAP_MAX": -4, "M_ARENA_MAX": -8}
"""glibc's ``mallopt`` parameter numbers (malloc.h)."""


def _reuse_freed_memory() -> None:
    """One malloc arena, no ``mmap`` per large block, and freed memory kept up to 256 MB
    spare (see ``ThreadSettings.one_heap``); nothing off glibc. Before the models' threads
    start: a thread keeps the arena it first allocated from."""
    import ctypes
    import platform

    if platform.libc_ver()[0] != "glibc":
        return
    mallopt = ctypes.CDLL(None).mallopt
    mallopt(_MALLOPT["M_ARENA_MAX"], 1)
    mallopt(_MALLOPT["M_MMAP_MAX"], 0)
    mallopt(_MALLOPT["M_TRIM_THRESHOLD"], 256 << 20)
    mallopt(_MALLOPT["M_TOP_PAD"], 64 << 20)
