"""Analysis jobs on Celery with a Redis broker: ``meeting-assistant worker`` on N machines share
the load, with PostgreSQL as the store. The task runs the same ``AnalysisJob`` as the embedded
pool.

Delivery: a message is acknowledged only when the job has finished (``acks_late``), and one
whose worker died is given back (``reject_on_worker_lost``, or by Redis once the visibility
timeout, ``service.job_lease_s``, has passed without an acknowledgement). A job delivered twice
is harmless: a finished meeting is skipped, one whose analysis still beats elsewhere is left
alone, and outputs and action items are replaced, never added.
"""

from __future__ import annotations

from typing import Any

from celery import Celery

from assistant.config import Settings
from models.errors import ServiceUnavailableError

from .jobs import AnalysisJob
from .store.database import Database

__all__ = ["DELIVER_TASK", "QUEUE", "TASK", "CeleryJobs", "celery_app"]

TASK = "meeting_assistant.analyze"
DELIVER_TASK = "meeting_assistant.deliver"
"""A finished meeting's digests and posts: a task of its own, so the analysis is acknowledged
(and stored) whatever becomes of its delivery."""
QUEUE = "meeting-assistant.analysis"


def celery_app(settings: Settings) -> Celery:
    """The Celery app of ``settings`` (its broker URL must be set); its worker runs jobs."""
    service = settings.service
    if service.broker_url is None:
        raise ServiceUnavailableError("service.broker_url is not set: no job queue to use")
    app = Celery("meeting_assistant", broker=service.broker_url.get_secret_value())
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": service.job_lease_s},
        worker_hijack_root_logger=False,
    )
    job: AnalysisJob | None = None
    database: Database | None = None

    def worker_database() -> Database:
        nonlocal database
        if database is None:
            database = Database(service.sqlalchemy_url())
        return database

    def analysis_job() -> AnalysisJob:
        # Built on first use in the worker process, so the models load once per process and
        # never in the API process that only sends tasks.
        nonlocal job
        if job is None:
            from assistant.processing.analyze import load_speech_models

            models = load_speech_models(settings)
            job = AnalysisJob(
                worker_database(),
                settings,
                lambda: models,
                on_done=lambda meeting_id: app.send_task(DELIVER_TASK, args=[meeting_id]),
            )
        return job

    @app.task(  # type: ignore[untyped-decorator]
        name=TASK,
        autoretry_for=(ServiceUnavailableError,),
        retry_backoff=2,
        retry_backoff_max=60,
        max_retries=None,
    )
    def analyze(meeting_id: str) -> None:
        analysis_job().run(meeting_id)

    @app.task(name=DELIVER_TASK)  # type: ignore[untyped-decorator]
    def deliver(meeting_id: str) -> None:
        from .delivery import Delivery

        Delivery(worker_database(), settings).after_meeting(meeting_id)

    return app


class CeleryJobs:
    """Jobs sent to the Celery queue; the workers run them."""

    def __init__(self, app: Celery) -> None:
        self._app = app

    def start(self) -> None:
        return

    def submit(self, meeting_id: str) -> None:
        try:
            self._app.send_task(TASK, args=[meeting_id])
        except Exception as error:  # kombu raises many types for an unreachable broker
            raise ServiceUnavailableError(f"the job queue is unreachable ({error})") from error

    def deliver(self, meeting_id: str) -> None:
        try:
            self._app.send_task(DELIVER_TASK, args=[meeting_id])
        except Exception as error:  # kombu raises many types for an unreachable broker
            raise ServiceUnavailableError(f"the job queue is unreachable ({error})") from error

    @property
    def queued(self) -> int:
        """Jobs waiting in the broker's queue (not those being run)."""
        try:
            with self._app.connection_for_write() as connection:
                client: Any = connection.default_channel.client
                return int(client.llen(QUEUE))
        except Exception:  # a metric must not fail the request
            return -1

    def wait(self, timeout: float | None = None) -> None:
        raise NotImplementedError("Celery jobs run elsewhere; poll the meeting's status")

    def shutdown(self) -> None:
        self._app.close()
