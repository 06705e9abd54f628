"""Prometheus metrics of the caller's team and this process: queue depth, meetings by state,
analysis durations and the real-time factor (analysis time over recording length)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric, SummaryMetricFamily
from prometheus_client.registry import Collector

from models.errors import PermissionDeniedError

from ..deps import CallerDep, ScopeDep, StateDep
from ..store.scope import TeamScope

router = APIRouter(tags=["health"])

STATUSES = ("live", "queued", "processing", "done", "failed")


class _Snapshot(Collector):
    def __init__(self, scope: TeamScope, queue_depth: int) -> None:
        self._scope = scope
        self._queue_depth = queue_depth

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "meeting_assistant_queue_depth",
            "Analysis jobs submitted to this process and not finished.",
            value=self._queue_depth,
        )
        meetings = GaugeMetricFamily(
            "meeting_assistant_meetings", "Meetings of the team by status.", labels=["status"]
        )
        counts = self._scope.status_counts()
        for status in STATUSES:
            meetings.add_metric([status], counts.get(status, 0))
        yield meetings
        times = self._scope.job_times()
        analysis_s = sum(elapsed for elapsed, _ in times)
        audio_s = sum(length for _, length in times)
        yield SummaryMetricFamily(
            "meeting_assistant_job_duration_seconds",
            "Analysis time of finished meetings (latest attempt).",
            count_value=len(times),
            sum_value=analysis_s,
        )
        yield GaugeMetricFamily(
            "meeting_assistant_real_time_factor",
            "Analysis time over recording length, over finished meetings (below 1: faster "
            "than real time).",
            value=analysis_s / audio_s if audio_s > 0 else 0.0,
        )


@router.get("/metrics", response_class=Response)
def metrics(scope: ScopeDep, caller: CallerDep, state: StateDep) -> Response:
    """Prometheus text format; admin tokens only."""
    if not caller.admin:
        raise PermissionDeniedError("metrics need an admin token")
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Snapshot(scope, state.jobs.queued))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
