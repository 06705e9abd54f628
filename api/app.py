"""The FastAPI app. Everything heavy is set up in the lifespan, never at import: the database
(migrated to the newest schema), and either the embedded job pool with the speech models or,
with ``service.broker_url`` set, the Celery queue that ``meeting-assistant worker``s serve."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.middleware.base import RequestResponseEndpoint

from assistant.config import Settings
from assistant.processing.speech import SpeechModels

from .bots import LIVE_LEASE_S, BotManager, bot_settings, recover_live_meetings
from .delivery import Delivery
from .deps import ServiceState
from .errors import install_error_handlers
from .jobs import AnalysisJob, EmbeddedJobs, JobQueue
from .limits import RateLimiter
from .pages import install as install_dashboard
from .rooms import RoomManager
from .routers import (
    action_items,
    bots,
    companion,
    contacts,
    destinations,
    health,
    hints,
    live,
    meetings,
    metrics,
    people,
    rooms,
    whip,
)
from .store.database import Database, upgrade_database

__all__ = ["API_PREFIX", "create_app"]

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None, *, models: SpeechModels | None = None) -> FastAPI:
    """The app for ``settings`` (default: from the environment). ``models`` are shared speech
    models already loaded (tests); otherwise they are loaded in the lifespan."""
    settings = settings or Settings()
    service = settings.service

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = service.sqlalchemy_url()
        await anyio.to_thread.run_sync(lambda: service.data_dir.mkdir(parents=True, exist_ok=True))
        await anyio.to_thread.run_sync(upgrade_database, url)
        database = Database(url)
        jobs: JobQueue
        if service.broker_url is not None:
            from .worker import CeleryJobs, celery_app

            jobs = CeleryJobs(celery_app(settings))  # the workers load the models
            # Bots need them here: loaded in a thread when the first bot starts.
            shared = _SharedModels(bot_settings(settings), models)
        else:
            shared = _SharedModels(settings, models)
            await anyio.to_thread.run_sync(shared.get)
            job = AnalysisJob(database, settings, shared.get, respect_leases=False)
            delivery = Delivery(database, settings)
            jobs = EmbeddedJobs(job, database, service.workers, delivery=delivery.after_meeting)
        await anyio.to_thread.run_sync(jobs.start)
        # Live meetings whose bot died with its process: stored from their saved transcript.
        silent_s = LIVE_LEASE_S if service.broker_url is not None else 0.0
        await anyio.to_thread.run_sync(
            lambda: recover_live_meetings(database, settings, jobs, silent_s=silent_s)
        )
        bot_manager = BotManager(settings, database, shared.get, on_stored=jobs.deliver)
        room_manager = RoomManager(settings, database, bot_manager)
        app.state.service = ServiceState(settings, database, jobs, bot_manager, room_manager)
        try:
            yield
        finally:
            await bot_manager.aclose()  # their meetings are stored before the store goes
            await room_manager.aclose()
            jobs.shutdown()
            database.dispose()

    app = FastAPI(
        title="meeting-assistant",
        summary="Self-hosted meeting analysis: transcripts, talk balance, action items, coaching.",
        version="1",
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    install_error_handlers(app)
    if service.cors_origins:  # closed unless origins are named
        app.add_middleware(
            CORSMiddleware,
            allow_origins=service.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    limit = service.max_request_kb * 1024
    rates = RateLimiter(service.rate_limit_per_minute)

    @app.middleware("http")
    async def request_limits(request: Request, call_next: RequestResponseEndpoint) -> Response:
        """Bodies other than uploads are small (a large one is refused before it is read), and
        each caller gets ``rate_limit_per_minute`` requests; health checks are exempt."""
        if request.url.path == f"{API_PREFIX}/health":
            return await call_next(request)
        is_upload = request.method == "POST" and request.url.path == f"{API_PREFIX}/meetings"
        length = request.headers.get("content-length")
        if not is_upload and length is not None and length.isdigit() and int(length) > limit:
            return JSONResponse(
                {"detail": f"the request body is larger than {service.max_request_kb} KB"},
                status_code=413,
            )
        wait = rates.retry_after(_caller_key(request))
        if wait > 0:
            return JSONResponse(
                {"detail": f"more than {service.rate_limit_per_minute} requests a minute"},
                status_code=429,
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        return await call_next(request)

    app.include_router(health.router, prefix=API_PREFIX)
    app.include_router(metrics.router, prefix=API_PREFIX)
    app.include_router(meetings.router, prefix=API_PREFIX)
    app.include_router(live.router, prefix=API_PREFIX)
    app.include_router(bots.router, prefix=API_PREFIX)
    app.include_router(action_items.router, prefix=API_PREFIX)
    app.include_router(people.router, prefix=API_PREFIX)
    app.include_router(whip.router, prefix=API_PREFIX)
    app.include_router(hints.router, prefix=API_PREFIX)
    app.include_router(companion.router)
    install_dashboard(app, settings, API_PREFIX)
    app.include_router(contacts.router, prefix=API_PREFIX)
    app.include_router(destinations.router, prefix=API_PREFIX)
    app.include_router(rooms.api_router, prefix=API_PREFIX)
    app.include_router(rooms.page_router)
    return app


def _caller_key(request: Request) -> str:
    """The token's id (not its secret), or the client's address without one."""
    authorization = request.headers.get("authorization", "")
    token = authorization.partition(" ")[2].strip()
    token_id = token.split("_")[1] if token.count("_") >= 2 else ""
    if token_id:
        return f"token:{token_id}"
    return f"address:{request.client.host if request.client else 'unknown'}"


class _SharedModels:
    """The speech models, loaded once for every job of this process."""

    def __init__(self, settings: Settings, models: SpeechModels | None) -> None:
        self._settings = settings
        self._models = models
        self._lock = threading.Lock()

    def get(self) -> SpeechModels:
        with self._lock:
            if self._models is None:
                from assistant.processing.analyze import load_speech_models

                self._models = load_speech_models(self._settings, live=True)
            return self._models
