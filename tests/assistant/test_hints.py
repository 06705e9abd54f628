"""The hint engine with fake live events, to the millisecond: each rule fires just past its
threshold and not before, once per episode, only for people who opted in, at most one hint per
person per gap, and never to anyone but the person concerned."""

from __future__ import annotations

from dataclasses import replace

from assistant.hints import Hint, HintEngine, HintOptions
from pipelines.frames import Caption, SecondFeatures, VoiceActivity

ME, YOU, THEM = "me", "you", "them"


def _engine(options: HintOptions | None = None, *, host: str | None = None) -> HintEngine:
    engine = HintEngine(options, host=host)
    engine.join(ME, "Ada", 0.0)
    engine.join(YOU, "Customer side", 0.0)
    engine.opt_in(ME)
    return engine


def _speak(engine: HintEngine, pid: str, start_s: float, end_s: float | None) -> None:
    engine.voice(VoiceActivity(pid, start_s, True))
    if end_s is not None:
        engine.voice(VoiceActivity(pid, end_s, False))


def _final(pid: str, start_s: float, end_s: float, words: int) -> Caption:
    return Caption("final", pid, start_s, end_s, " ".join(["word"] * words), "en", end_s)


def _second(pid: str, second: int, *, camera: bool = True, facing: bool = True) -> SecondFeatures:
    return SecondFeatures(
        pid,
        second,
        frames=1,
        camera_on=camera,
        face_visible=camera and facing,
        facing_camera=camera and facing,
        gaze_on_screen=None,
        speaking=False,
        mouth_activity=0.0,
        expressiveness=0.0,
        moving=False,
        hands_visible=False,
        gesture=False,
        nod=False,
        upright=None,
        leaning_in=None,
        pitch_deg=None,
    )


def _kinds(hints: list[Hint]) -> list[tuple[str, str, str]]:
    return [(h.recipient, h.kind, h.subject) for h in hints]


def test_monologue_fires_just_past_two_minutes_of_talking_straight() -> None:
    engine = _engine()
    # Short pauses (1.5 s at most) do not break the run.
    _speak(engine, ME, 10.0, 40.0)
    _speak(engine, ME, 41.5, 80.0)
    _speak(engine, ME, 81.0, None)
    assert engine.poll(130.0) == []
    assert _kinds(engine.poll(130.001)) == [(ME, "monologue", ME)]  # the run began at 10.0


def test_monologue_threshold_is_exact_and_once_per_run() -> None:
    engine = _engine()
    _speak(engine, ME, 5.0, None)
    assert engine.poll(125.0) == []
    hints = engine.poll(125.001)
    assert _kinds(hints) == [(ME, "monologue", ME)]
    assert "2 minutes" in hints[0].message and hints[0].at_s == 125.001
    assert engine.poll(400.0) == []  # the same run: once


def test_a_longer_pause_or_someone_else_speaking_ends_the_run() -> None:
    engine = _engine()
    _speak(engine, ME, 0.0, 60.0)
    _speak(engine, ME, 61.501, None)  # a pause of 1.501 s: a new run
    assert engine.poll(181.5) == []
    assert engine.poll(181.502) != []

    engine = _engine()
    _speak(engine, ME, 0.0, 60.0)
    _speak(engine, YOU, 60.1, 61.1)  # the customer spoke 1 s while Ada was quiet
    _speak(engine, ME, 61.2, None)
    assert engine.poll(181.2) == []
    assert engine.poll(181.201) != []

    engine = _engine()
    _speak(engine, ME, 0.0, 60.0)
    _speak(engine, YOU, 60.1, 61.0)  # 0.9 s: a backchannel, the run goes on
    _speak(engine, ME, 61.2, None)
    assert engine.poll(120.001) != []


def test_talking_over_someone_does_not_end_ones_run() -> None:
    engine = _engine()
    _speak(engine, ME, 0.0, None)
    _speak(engine, YOU, 50.0, 55.0)
    assert _kinds(engine.poll(120.001)) == [(ME, "monologue", ME)]


def test_pace_fires_above_175_words_a_minute_of_own_speech() -> None:
    engine = _engine()
    # 35 words in 12 s of speech: exactly 175 per minute, not above.
    engine.caption(_final(ME, 10.0, 16.0, 17))
    engine.caption(_final(ME, 20.0, 26.0, 18))
    assert engine.pace_wpm(ME) == 175.0
    assert engine.poll(27.0) == []
    engine.caption(_final(ME, 30.0, 31.0, 3))  # 38 words in 13 s: 175.4
    hints = engine.poll(32.0)
    assert _kinds(hints) == [(ME, "pace", ME)] and "175" in hints[0].message


def test_pace_needs_enough_speech_and_a_rolling_window() -> None:
    engine = _engine()
    engine.caption(_final(ME, 0.0, 9.999, 60))  # very fast but under 10 s of speech
    assert engine.pace_wpm(ME) is None and engine.poll(11.0) == []
    engine.caption(_final(ME, 100.0, 110.0, 20))  # the first final left the window
    assert engine.pace_wpm(ME) == 120.0
    assert engine.poll(111.0) == []
    # Partials do not count.
    engine.caption(replace(_final(ME, 111.0, 121.0, 100), kind="partial"))
    assert engine.pace_wpm(ME) == 120.0


def test_camera_off_and_looking_away_for_over_a_minute() -> None:
    engine = _engine()
    for second in range(60):  # seconds 0..59 off: 60 s, not over a minute
        engine.second(_second(ME, second, camera=False))
    assert engine.poll(60.0) == []
    engine.second(_second(ME, 60, camera=False))
    assert _kinds(engine.poll(61.0)) == [(ME, "camera_off", ME)]

    engine = _engine()
    for second in range(100, 161):
        engine.second(_second(ME, second, facing=second != 130))  # facing again at 130
    assert engine.poll(161.0) == []  # away 100..129 and 131..160: 30 s each
    engine = _engine()
    for second in range(100, 161):
        engine.second(_second(ME, second, facing=False))
    assert _kinds(engine.poll(161.0)) == [(ME, "looking_away", ME)]


def test_the_host_hears_who_has_not_been_heard_for_ten_minutes() -> None:
    engine = _engine(host=ME)
    engine.join(THEM, "Carl", 30.0)
    _speak(engine, YOU, 0.0, 5.0)
    assert _kinds(engine.poll(605.0)) == []
    assert _kinds(engine.poll(605.001)) == [(ME, "not_heard", YOU)]
    # Carl, present since 30 s: due at 630.001, but the host had a hint 25 s before (gap 30).
    assert engine.poll(630.001) == []
    hints = engine.poll(636.0)
    assert _kinds(hints) == [(ME, "not_heard", THEM)] and "Carl" in hints[0].message


def test_only_the_host_hears_about_the_silent_and_only_when_opted_in() -> None:
    engine = _engine(host=ME)
    engine.join(THEM, "Carl", 0.0)
    engine.opt_in(YOU)
    engine.opt_out(ME)
    assert engine.poll(700.0) == []  # the host has not opted in; the others are not told
    engine.opt_in(ME)
    hints = engine.poll(701.0) + engine.poll(800.0) + engine.poll(900.0)
    assert _kinds(hints) == [(ME, "not_heard", YOU), (ME, "not_heard", THEM)]


def test_someone_speaking_is_heard_and_no_host_means_no_such_hint() -> None:
    engine = _engine(host=ME)
    _speak(engine, YOU, 0.0, None)  # speaking ever since
    assert engine.poll(1000.0) == []
    engine = _engine()  # no host
    assert engine.poll(1000.0) == []


def test_hints_are_opt_in_per_person() -> None:
    engine = _engine()
    engine.opt_out(ME)
    _speak(engine, ME, 0.0, None)
    _speak(engine, YOU, 0.0, None)  # talking over each other, both for long
    assert engine.poll(200.0) == []
    engine.opt_in(YOU)
    assert _kinds(engine.poll(201.0)) == [(YOU, "monologue", YOU)]
    engine.opt_in(ME)  # opting in during an episode: given then
    assert _kinds(engine.poll(232.0)) == [(ME, "monologue", ME)]


def test_rate_limit_one_hint_per_gap_and_no_repeat_within_five_minutes() -> None:
    engine = _engine()
    _speak(engine, ME, 0.0, None)
    for second in range(0, 70):
        engine.second(_second(ME, second, camera=False))
    engine.caption(_final(ME, 0.0, 12.0, 40))  # 200 words a minute
    first = engine.poll(121.0)  # three rules hold: one hint now
    assert _kinds(first) == [(ME, "monologue", ME)]
    # A new run from 140 s: a monologue again from 260 s, but not within 300 s of the first.
    engine.voice(VoiceActivity(ME, 130.0, False))
    _speak(engine, ME, 140.0, None)
    assert engine.poll(150.999) == []  # 30 s between two hints
    second = engine.poll(151.0)
    third = engine.poll(181.0)
    assert _kinds(second + third) == [(ME, "pace", ME), (ME, "camera_off", ME)]
    assert engine.poll(300.0) == []
    assert engine.poll(420.999) == []
    assert _kinds(engine.poll(421.0)) == [(ME, "monologue", ME)]


def test_every_hint_is_addressed_to_the_person_it_concerns() -> None:
    engine = _engine(host=ME)
    engine.opt_in(YOU)
    _speak(engine, YOU, 0.0, None)
    engine.caption(_final(YOU, 0.0, 12.0, 40))
    hints = engine.poll(121.0)
    assert _kinds(hints) == [(YOU, "monologue", YOU)]
    assert all(h.recipient == h.subject == YOU for h in hints)
    assert hints[0].to_event() == {
        "type": "hint",
        "kind": "monologue",
        "participant": YOU,
        "subject": YOU,
        "message": hints[0].message,
        "at": 121.0,
    }


def test_leavers_get_nothing_and_are_not_reported_unheard() -> None:
    engine = _engine(host=ME)
    engine.leave(YOU, 10.0)
    assert engine.poll(700.0) == []


def test_signals_before_the_join_count_and_the_join_names_them() -> None:
    engine = HintEngine(host=ME)
    engine.opt_in(ME)
    engine.voice(VoiceActivity(YOU, 2.0, True))  # the VAD's event came first
    engine.voice(VoiceActivity(YOU, 3.0, False))
    engine.join(ME, "Ada", 0.0)
    engine.join(YOU, "Customer side", 2.5)
    assert engine.poll(603.0) == []  # heard until 3.0 s
    hints = engine.poll(603.001)
    assert _kinds(hints) == [(ME, "not_heard", YOU)] and "Customer side" in hints[0].message
