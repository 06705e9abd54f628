"""The pydantic models of report.json: they read old reports, match the published JSON Schema
and carry a built report through unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.analytics.engagement import engagement_report, summarize_engagement
from assistant.analytics.metrics import compute_metrics
from assistant.intelligence.coaching import coach
from assistant.intelligence.meeting import analyse_meeting
from assistant.outputs.report import build_report
from assistant.outputs.report_models import SCHEMA_PATH, Report, write_schema
from bench.intelligence import load_labelled
from pipelines.frames import SecondFeatures

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "report_sample.json"


def _contains(whole: Any, part: Any) -> bool:
    """``whole`` has every key and value of ``part`` (recursively), maybe more keys."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and _contains(whole[key], value) for key, value in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(whole) == len(part)
            and all(_contains(w, p) for w, p in zip(whole, part, strict=True))
        )
    return bool(whole == part and type(whole) is type(part))


def test_an_older_report_validates() -> None:
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))

    report = Report.model_validate(sample)

    # Written before name_source, engagement, confidence and the intelligence keys existed:
    # those take their defaults, and nothing the file says is lost.
    assert report.participants[0].name_source == "given"
    assert report.participants[0].engagement is None
    assert report.action_items[1].due is None and report.action_items[0].confidence == 1.0
    assert report.decisions == [] and report.signals is None and report.summary is None
    assert _contains(report.model_dump(mode="json"), sample)


def test_published_schema_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "report.schema.json"
    write_schema(fresh)

    assert SCHEMA_PATH.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "docs/report.schema.json is stale: run python -m assistant.outputs.report_models"
    )


def _second(t: int, **flags: object) -> SecondFeatures:
    values: dict[str, object] = {
        "participant_id": "p",
        "second": t,
        "frames": 5,
        "camera_on": True,
        "face_visible": True,
        "facing_camera": t % 4 != 0,
        "gaze_on_screen": None,
        "speaking": False,
        "mouth_activity": 0.1,
        "expressiveness": 0.51234,
        "moving": t % 5 == 0,
        "hands_visible": False,
        "gesture": t in (7, 9),
        "nod": t == 20,
        "upright": None if t < 3 else True,
        "leaning_in": None,
        "pitch_deg": 0.0,
    }
    values.update(flags)
    return SecondFeatures(**values)  # type: ignore[arg-type]


def test_built_reports_round_trip_unchanged() -> None:
    # Every labelled meeting, each with the earlier ones as history (so follow-up is filled)
    # and the first participant seen on video: together they fill every part of the model.
    history: list[dict[str, Any]] = []
    filled: set[str] = set()
    for _, transcript, _ in load_labelled():
        metrics = compute_metrics(transcript)
        intelligence = analyse_meeting(transcript, history=history)
        timeline = [_second(t, camera_on=t > 3) for t in range(30)]
        first, *others = [m.participant_id for m in metrics.participants]
        engagement = {first: engagement_report(summarize_engagement(timeline, set(range(5, 15))))}
        engagement |= {pid: None for pid in others}
        coaching = coach(transcript, metrics, engagement)
        names = [m.participant_id for m in metrics.participants][:1]
        report = build_report(
            transcript,
            metrics,
            intelligence.action_items,
            coaching,
            engagement,
            intelligence,
            warnings=[f"--participants: 1 name ({names}) for {len(metrics.participants)} speakers"],
        )

        again = Report.model_validate(report).model_dump(mode="json")

        # Compared as JSON text: same keys, same order, and 1.0 stays 1.0 (not 1).
        assert json.dumps(again, ensure_ascii=False) == json.dumps(report, ensure_ascii=False)
        history.append(report)
        filled |= {key for key, value in report.items() if value}
    assert filled == set(Report.model_fields) - {"summary"}  # summary: LLM backend only
