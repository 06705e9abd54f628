"""The analysis job: one uploaded meeting in, its report, subtitles, digest and action items
out. The same code runs in the API's embedded pool and (later) in a Celery worker.

A job is idempotent: a finished meeting is left alone, and a meeting found ``processing`` (its
worker died) is simply analysed again from its upload, whose outputs replace any partial ones.
Every failure ends as ``failed`` with a one-line reason, never a stuck ``processing``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import threading
import time
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, select

from assistant.config import Settings
from assistant.intelligence.dates import iso_date
from assistant.processing.analyze import analyze, write_outputs
from assistant.processing.speech import SpeechModels
from models.errors import MeetingAssistantError

from .store.database import Database
from .store.scope import TeamScope
from .store.tables import ActionItemRow, MeetingRow, utc_now

__all__ = [
    "AnalysisJob",
    "EmbeddedJobs",
    "JobQueue",
    "earlier_reports",
    "meeting_folder",
    "store_analysis",
    "sweep_retention",
]

log = logging.getLogger(__name__)
_PROGRESS_EVERY_S = 2.0


def meeting_folder(settings: Settings, team_id: int, meeting_id: str) -> Path:
    """Where a meeting's upload and derived files live: made of ids we chose, never of input."""
    return settings.service.data_dir / "meetings" / str(team_id) / meeting_id


class AnalysisJob:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        models: Callable[[], SpeechModels],
        *,
        respect_leases: bool = True,
        on_done: Callable[[str], None] | None = None,
    ) -> None:
        """``respect_leases``: leave a meeting alone while another worker's analysis of it
        still beats (Celery may deliver a job twice); the embedded pool, the only worker of
        its store, turns it off to take over what its previous process left. ``on_done``
        gets each meeting stored as done (its delivery is handed on from there)."""
        self._database = database
        self.settings = settings
        self._models = models
        self._respect_leases = respect_leases
        self.on_done = on_done

    def run(self, meeting_id: str) -> None:
        with self._database.session() as session:
            meeting = session.get(MeetingRow, meeting_id, with_for_update=True)
            if meeting is None or meeting.status in ("done", "failed"):
                return  # deleted meanwhile, or delivered twice
            if self._respect_leases and self._alive(meeting):
                return  # another worker is on it; if it dies, the job comes back
            now = utc_now()
            meeting.status, meeting.progress, meeting.error = "processing", 0.0, None
            meeting.attempts += 1
            meeting.started_at = meeting.heartbeat_at = now
            folder = meeting_folder(self.settings, meeting.team_id, meeting.id)
            upload = folder / meeting.upload_name
            title, date = meeting.title, meeting.date
            names, language, duration = meeting.participants, meeting.language, meeting.duration_s
            history = [
                report
                for earlier in TeamScope(session, meeting.team_id).earlier_meetings(meeting)
                if (report := _read_report(self.settings, earlier)) is not None
            ]
        try:
            settings = self.settings
            if language:
                asr = settings.asr.model_copy(update={"language": language})
                settings = settings.model_copy(update={"asr": asr})
            analysis = analyze(
                upload,
                settings,
                models=self._models() if upload.suffix != ".json" else None,
                title=title,
                date=date,
                participants=names,
                history=history,
                progress=_Progress(self._database, meeting_id, duration),
            )
            write_outputs(analysis, folder)
        except MeetingAssistantError as error:
            self._fail(meeting_id, error.problem)
            return
        except Exception as error:  # a bug: kept as the meeting's reason, logged in full
            log.exception("analysis of meeting %s failed", meeting_id)
            self._fail(meeting_id, f"internal error: {type(error).__name__}: {error}")
            return
        self._succeed(meeting_id, analysis.report, folder)

    def _alive(self, meeting: MeetingRow) -> bool:
        if meeting.status != "processing" or meeting.heartbeat_at is None:
            return False
        beat = meeting.heartbeat_at
        if beat.tzinfo is None:  # SQLite hands back naive UTC
            beat = beat.replace(tzinfo=dt.UTC)
        return (utc_now() - beat).total_seconds() < self.settings.service.job_lease_s

    def _succeed(self, meeting_id: str, report: dict[str, Any], folder: Path) -> None:
        store_analysis(self._database, meeting_id, report, folder)
        if self.on_done is not None and self.settings.delivery.auto_send:
            try:
                self.on_done(meeting_id)
            except Exception:  # the meeting is stored; handing on its delivery must not fail it
                log.exception("could not hand on the delivery of meeting %s", meeting_id)

    def _fail(self, meeting_id: str, reason: str) -> None:
        with self._database.session() as session:
            meeting = session.get(MeetingRow, meeting_id)
            if meeting is not None:
                meeting.status, meeting.finished_at = "failed", utc_now()
                meeting.error = " ".join(reason.split())


def store_analysis(
    database: Database, meeting_id: str, report: dict[str, Any], folder: Path
) -> None:
    """A finished analysis into the meeting's row (done, duration, participants) and its
    action items; its files are already in ``folder``."""
    with database.session() as session:
        meeting = session.get(MeetingRow, meeting_id)
        if meeting is None:
            # Deleted while it was analysed: what the analysis wrote goes too.
            shutil.rmtree(folder, ignore_errors=True)
            return
        meeting.status, meeting.progress, meeting.finished_at = "done", 1.0, utc_now()
        meeting.duration_s = float(report["meeting"]["duration_s"])
        meeting.participants = [p["name"] for p in report["participants"]]
        # Replace, never add: a job delivered twice must not duplicate the items.
        session.execute(delete(ActionItemRow).where(ActionItemRow.meeting_id == meeting_id))
        names = {p["id"]: p["name"] for p in report["participants"]}
        for item in report.get("action_items", []):
            session.add(
                ActionItemRow(
                    team_id=meeting.team_id,
                    meeting_id=meeting_id,
                    text=item["text"],
                    owner=names.get(item.get("owner"), item.get("owner")),
                    due=iso_date(item.get("due")),
                    status="open",
                )
            )


def earlier_reports(
    database: Database, settings: Settings, meeting_id: str
) -> list[dict[str, Any]]:
    """The reports of the team's meetings finished before this one (for follow-through)."""
    with database.session() as session:
        meeting = session.get(MeetingRow, meeting_id)
        if meeting is None:
            return []
        earlier = TeamScope(session, meeting.team_id).earlier_meetings(meeting)
        return [report for row in earlier if (report := _read_report(settings, row)) is not None]


class _Progress:
    """Analysis progress into the meeting's row, with a heartbeat, at most every few seconds."""

    def __init__(self, database: Database, meeting_id: str, duration_s: float | None) -> None:
        self._database = database
        self._meeting_id = meeting_id
        self._duration_s = duration_s
        self._written_at = 0.0

    def decoded(self, seconds: float) -> None:
        self._write(None)

    def transcribed(self, seconds: float) -> None:
        # Speech is most of the work; the last tenth is speakers, video and the report.
        share = min(0.9, 0.9 * seconds / self._duration_s) if self._duration_s else None
        self._write(share)

    def watched(self, seconds: float) -> None:
        self._write(None)

    def _write(self, progress: float | None) -> None:
        if time.monotonic() - self._written_at < _PROGRESS_EVERY_S:
            return
        self._written_at = time.monotonic()
        with self._database.session() as session:
            meeting = session.get(MeetingRow, self._meeting_id)
            if meeting is not None and meeting.status == "processing":
                meeting.heartbeat_at = utc_now()
                if progress is not None:
                    meeting.progress = round(max(meeting.progress, progress), 3)


class JobQueue(Protocol):
    """Where the API hands jobs: the embedded pool, or Celery (``api.worker.CeleryJobs``)."""

    def start(self) -> None: ...

    def submit(self, meeting_id: str) -> None: ...

    def deliver(self, meeting_id: str) -> None:
        """Hand a meeting stored as done to delivery (digests, chat posts)."""

    @property
    def queued(self) -> int: ...

    def wait(self, timeout: float | None = None) -> None: ...

    def shutdown(self) -> None: ...


class EmbeddedJobs:
    """Jobs run by threads of the API process: the one-machine setup, nothing else to start.
    On start, meetings left ``queued`` or ``processing`` by a previous process run again.
    Finished meetings are delivered by a thread of their own, so a slow mail server never
    holds up an analysis."""

    def __init__(
        self,
        job: AnalysisJob,
        database: Database,
        workers: int,
        *,
        delivery: Callable[[str], None] | None = None,
    ) -> None:
        """``delivery`` delivers one finished meeting (``api.delivery.Delivery.after_meeting``);
        None delivers nothing."""
        self._job = job
        self._database = database
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="analysis")
        self._running: set[Future[None]] = set()
        self._lock = threading.Lock()
        self._delivery = delivery
        self._delivering: set[Future[None]] = set()
        self._delivery_executor = ThreadPoolExecutor(1, thread_name_prefix="delivery")
        job.on_done = self.deliver

    def start(self) -> None:
        sweep_retention(self._database, self._job.settings)
        with self._database.session() as session:
            waiting = session.scalars(
                select(MeetingRow.id)
                .where(MeetingRow.status.in_(("queued", "processing")))
                .order_by(MeetingRow.created_at)
            ).all()
        for meeting_id in waiting:
            self.submit(meeting_id)

    def submit(self, meeting_id: str) -> None:
        future = self._executor.submit(self._job.run, meeting_id)
        with self._lock:
            self._running.add(future)
        future.add_done_callback(self._forget)

    def deliver(self, meeting_id: str) -> None:
        if self._delivery is None:
            return
        future = self._delivery_executor.submit(self._delivery, meeting_id)
        with self._lock:
            self._delivering.add(future)
        future.add_done_callback(self._delivered)

    @property
    def queued(self) -> int:
        """Jobs submitted and not finished."""
        with self._lock:
            return len(self._running)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the jobs submitted so far have finished, and the deliveries they
        handed on (tests, shutdown)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                running = [f for f in (*self._running, *self._delivering) if not f.done()]
            if not running:
                return
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            _, pending = futures.wait(running, left)
            if pending:
                raise TimeoutError(f"{len(pending)} analysis or delivery jobs still running")

    def shutdown(self) -> None:
        # A running analysis cannot be interrupted; it is left to finish or, if the process
        # ends first, found 'processing' and run again on the next start.
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._delivery_executor.shutdown(wait=False, cancel_futures=True)

    def _delivered(self, future: Future[None]) -> None:
        with self._lock:
            self._delivering.discard(future)

    def _forget(self, future: Future[None]) -> None:
        sweep_retention(self._database, self._job.settings)
        with self._lock:
            self._running.discard(future)


def sweep_retention(database: Database, settings: Settings, now: dt.datetime | None = None) -> int:
    """Delete the recordings of finished meetings older than ``retention_days``, keeping their
    report, subtitles and digest; returns how many. A system task across every team, so it
    reads the table itself rather than through a team's scope."""
    days = settings.service.retention_days
    if days is None:
        return 0
    now = now or utc_now()
    with database.session() as session:
        old = session.scalars(
            select(MeetingRow).where(
                MeetingRow.media_deleted_at.is_(None),
                MeetingRow.status.in_(("done", "failed")),
                MeetingRow.created_at < now - dt.timedelta(days=days),
            )
        ).all()
        for meeting in old:
            folder = meeting_folder(settings, meeting.team_id, meeting.id)
            (folder / meeting.upload_name).unlink(missing_ok=True)
            meeting.media_deleted_at = now
        return len(old)


def _read_report(settings: Settings, meeting: MeetingRow) -> dict[str, Any] | None:
    path = meeting_folder(settings, meeting.team_id, meeting.id) / "report.json"
    try:
        report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report
