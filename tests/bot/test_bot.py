"""The bot in a real Janus VideoRoom, with real people's recordings published by aiortc and the
real models: ``tests/bot/scenario.py`` runs the meeting in a network namespace it sets up itself
(Janus cannot do ICE over loopback), and these tests check what it printed.

Needs root (``unshare --net``), as sessions and CI have, and Debian's ``janus`` (.ci/run
installs it).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bench.common import GRID_CLIPS, JFK_REFERENCE, grid_sentence, normalize_text
from bench.common import word_error_rate as _wer
from tests.bot.namespace import run_scenario

REFERENCES = {
    "Ada Lovelace": JFK_REFERENCE,
    "Grace Hopper": grid_sentence(next(c for c in GRID_CLIPS if c.stem == "pwij3p")),
    "Dan Bernoulli": grid_sentence(next(c for c in GRID_CLIPS if c.stem == "sbwe5n")),
}
CARL_SAYS = "He began a confused complaint against the wizard, who had vanished behind the curtain"


def split_digits(text: str) -> str:
    """Whisper writes GRID's letter and digit as one token ("J3"); the reference says two."""
    return re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", normalize_text(text))


def word_error_rate(reference: str, hypothesis: str) -> float:
    return _wer(split_digits(reference), split_digits(hypothesis))


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    result = run_scenario("tests.bot.scenario", tmp_path_factory.mktemp("room"))
    assert result["bot"]["code"] == 0, "\n".join(result["bot"]["stderr"][-30:])
    return result


def _names(meeting: dict[str, Any]) -> dict[str, str]:
    return {e["participant"]: e["name"] for e in meeting["events"] if e["type"] == "joined"}


def _finals(meeting: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    names = _names(meeting)
    finals: dict[str, list[dict[str, Any]]] = {name: [] for name in names.values()}
    for event in meeting["events"]:
        if event["type"] == "final" and event["text"].strip():
            finals[names[event["participant"]]].append(event)
    return finals


def _said(meeting: dict[str, Any]) -> dict[str, str]:
    """Each person's words in the report (re-decoded per utterance), by display name."""
    names = {p["id"]: p["name"] for p in meeting["report"]["participants"]}
    said = dict.fromkeys(names.values(), "")
    for segment in meeting["report"]["segments"]:
        said[names[segment["speaker"]]] += " " + segment["text"]
    return said


def test_each_person_is_captioned_under_their_own_name(meeting: dict[str, Any]) -> None:
    finals = _finals(meeting)
    said = _said(meeting)
    assert set(finals) == {"Ada Lovelace", "Carl Gauss", "Grace Hopper", "Dan Bernoulli"}
    assert set(said) == set(finals)
    for name, reference in REFERENCES.items():
        live = " ".join(event["text"] for event in finals[name])
        assert word_error_rate(reference, live) <= 0.2, (name, live)
        assert word_error_rate(reference, said[name]) <= 0.2, (name, said[name])
    assert normalize_text(said["Ada Lovelace"]) == normalize_text(JFK_REFERENCE)
    # Each caption was printed as it came, with the speaker's display name.
    printed = meeting["bot"]["stdout"]
    for name, events in finals.items():
        for event in events:
            assert any(line.endswith(f" {name}: {event['text']}") for line in printed), event


def test_late_joiners_are_picked_up(meeting: dict[str, Any]) -> None:
    joined = {e["name"]: e for e in meeting["events"] if e["type"] == "joined"}
    assert joined["Ada Lovelace"]["at"] < 0.5 and joined["Carl Gauss"]["at"] < 0.5
    speakers = meeting["speakers"]
    for name in ("Grace Hopper", "Dan Bernoulli"):
        assert joined[name]["at"] > 1.5
        # Timed right, though Dan's audio came on the m-line Carl freed (a jump in its pts).
        first = min(event["start"] for event in _finals(meeting)[name])
        # Placed where they spoke, not where the m-line's old pts would put them (seconds
        # earlier); the upper bound leaves room for a loaded machine's late packets.
        assert 0.0 <= first - speakers[name]["spoke_at"] < 3.0, (name, first, speakers[name])
    assert joined["Grace Hopper"]["video"] is True
    grace = next(p for p in meeting["report"]["participants"] if p["name"] == "Grace Hopper")
    assert grace["engagement"] is not None and grace["engagement"]["face_visible_share"] > 0.3


def test_a_leaver_is_ended_while_the_others_go_on(meeting: dict[str, Any]) -> None:
    left = {e["name"]: e for e in meeting["events"] if e["type"] == "left"}
    carl_left = meeting["speakers"]["Carl Gauss"]["left_at"]
    # Seen leaving once he had left (how soon is the bot's latency: not asserted here).
    assert left["Carl Gauss"]["at"] >= carl_left - 0.5
    assert left["Carl Gauss"]["at"] < min(e["at"] for n, e in left.items() if n != "Carl Gauss")
    # He left mid-sentence: his stream was finished with what he said until then.
    carl = normalize_text(" ".join(e["text"] for e in _finals(meeting)["Carl Gauss"])).split()
    reference = normalize_text(CARL_SAYS).split()
    assert carl[:3] == ["he", "began", "a"]
    assert carl[:-1] == reference[: len(carl) - 1]  # the last word may be cut off
    assert "curtain" not in carl and "vanished" not in carl
    # Ada went on speaking, and was captioned, after he had gone.
    assert any(event["start"] > carl_left + 1.0 for event in _finals(meeting)["Ada Lovelace"])


def test_a_sender_that_goes_quiet_gets_its_last_words_final_while_present(
    meeting: dict[str, Any],
) -> None:
    """Ada's client stops sending right after her last word (no silence frames) and she stays:
    the bot hears the missing audio as silence, so her utterance ends and turns final well
    before she leaves, instead of when she leaves."""
    stopped = meeting["ada_stopped_sending_s"]
    left = meeting["speakers"]["Ada Lovelace"]["left_at"]
    assert left - stopped >= 4.5
    last_final = max(e["seen_at"] for e in _finals(meeting)["Ada Lovelace"])
    assert last_final < left - 1.0


def test_the_meeting_ends_with_the_outputs_of_live(meeting: dict[str, Any]) -> None:
    assert meeting["outputs"] == [
        "captions.jsonl",
        "digest.html",
        "report.json",
        "transcript.rttm",
        "transcript.srt",
        "transcript.vtt",
    ]
    report = meeting["report"]
    assert report["meeting"]["title"] == "Room 4242"
    assert {p["name"] for p in report["participants"]} == {*REFERENCES, "Carl Gauss"}
    # It left on its own: the room had been empty for the idle timeout (2 s).
    last_left = max(s["left_at"] for s in meeting["speakers"].values())
    assert any("Following room 4242" in line for line in meeting["bot"]["stderr"])
    assert meeting["stop_s"] > last_left + 2.0


def test_sigterm_stops_the_bot_with_its_outputs(meeting: dict[str, Any]) -> None:
    stopped = meeting["sigterm"]
    assert stopped["code"] == 0, stopped["stderr"]
    assert {"report.json", "captions.jsonl", "digest.html"} <= set(stopped["outputs"])
    assert not any("Traceback" in line for line in stopped["stderr"])


def test_bad_input_gives_one_clear_line(meeting: dict[str, Any]) -> None:
    expected = {
        "unreachable": "http://127.0.0.1:9/janus: cannot reach the meeting server",
        "no_room": "no room 999999 on this server",
        "wrong_pin": "wrong pin for room 4242",
    }
    for case, words in expected.items():
        answer = meeting["errors"][case]
        assert answer["code"] == 2, answer
        lines = [line for line in answer["stderr"].splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), answer
        assert words in lines[0], answer
        assert answer["stdout"] == ""
    refused = meeting["refused"]
    assert refused["not_janus"]["error"] == "MeetingServerError"
    assert "not a Janus server (HTTP 404)" in refused["not_janus"]["message"]
    assert refused["no_pin"] == {
        "error": "PermissionDeniedError",
        "message": "http://127.0.0.1:8088/janus: room 4242 needs a pin",
    }
    assert refused["not_a_url"]["error"] == "InputError"
