from __future__ import annotations

import datetime as dt

import numpy as np

from assistant.analytics.names import (
    addressed_names,
    resolve_names,
    self_introductions,
    speaking_order,
    user_names_warning,
)
from assistant.transcript import MeetingInfo, NameSource, Participant, Segment, Transcript


def _meeting(segments: list[Segment], count: int = 3) -> Transcript:
    placeholder: NameSource = "placeholder"
    return Transcript(
        MeetingInfo("t", dt.date(2026, 11, 25), 60.0, "en"),
        tuple(
            Participant(f"speaker-{i}", f"Speaker {i}", name_source=placeholder)
            for i in range(1, count + 1)
        ),
        tuple(segments),
    )


def _names(transcript: Transcript) -> dict[str, tuple[str, str]]:
    return {p.id: (p.name, p.name_source) for p in transcript.participants}


def test_english_self_introductions() -> None:
    transcript = _meeting(
        [
            Segment("speaker-1", 0, 3, "Hi, this is Diane in New Jersey."),
            Segment("speaker-2", 3, 6, "And I'm Sheila in Texas, originally from Chicago."),
            Segment("speaker-3", 6, 9, "I'm sorry, I'm late. I'm just listening in."),
        ]
    )
    assert _names(resolve_names(transcript)) == {
        "speaker-1": ("Diane", "self_introduction"),
        "speaker-2": ("Sheila", "self_introduction"),
        "speaker-3": ("Speaker 3", "placeholder"),  # "sorry", "just" are not names
    }


def test_danish_self_introductions_and_addressing() -> None:
    transcript = _meeting(
        [
            Segment("speaker-1", 0, 3, "Hej alle sammen, jeg hedder Mette og er salgschef."),
            Segment("speaker-2", 3, 6, "Mit navn er Lars Holm fra indkøb."),
            Segment("speaker-1", 6, 9, "Velkommen, Peter. Hvad tænker du om prisen?"),
            Segment("speaker-3", 9.5, 12, "Den er lidt høj for os."),
        ]
    )
    assert _names(resolve_names(transcript)) == {
        "speaker-1": ("Mette", "self_introduction"),
        "speaker-2": ("Lars Holm", "self_introduction"),
        "speaker-3": ("Peter", "addressed"),
    }


def test_addressed_only_when_the_reply_follows_soon() -> None:
    segments = [
        Segment("speaker-1", 0, 3, "Over to you, Anna."),
        Segment("speaker-2", 10, 12, "Thanks."),  # 7 s later: too late to be sure
        Segment("speaker-1", 12, 14, "What do you think, Bob?"),
        Segment("speaker-3", 14.5, 16, "Looks good to me."),
    ]
    assert addressed_names(segments) == {"speaker-3": {"Bob": 1}}


def test_words_cut_off_at_a_speaker_change_are_not_names() -> None:
    # From the AMI meeting tst00: a sentence cut where the next voice starts.
    segments = [
        Segment("speaker-3", 23.9, 24.7, "Well, I'm"),
        Segment("speaker-1", 24.7, 24.9, "sorry."),
        Segment("speaker-2", 25.0, 26.0, "So, you’re"),
        Segment("speaker-1", 26.4, 27.6, "Okay, sounds like you've done something."),
        Segment("speaker-2", 28.0, 29.0, "Thanks, everyone."),
        Segment("speaker-3", 29.5, 30.0, "Sure."),
    ]
    assert addressed_names(segments) == {}


def test_self_introduction_beats_being_addressed_and_names_are_not_reused() -> None:
    transcript = _meeting(
        [
            Segment("speaker-1", 0, 2, "Hi Tom, go ahead."),
            Segment("speaker-2", 2.5, 5, "Thanks. Actually I'm Thomas, Tom is my colleague."),
            Segment("speaker-3", 5, 7, "This is Thomas too, funny enough."),
        ]
    )
    names = _names(resolve_names(transcript))
    assert names["speaker-2"] == ("Thomas", "self_introduction")
    assert names["speaker-3"] == ("Speaker 3", "placeholder")  # "Thomas" is taken


def test_user_names_by_order_of_first_speech_override_everything() -> None:
    transcript = _meeting(
        [
            Segment("speaker-2", 0, 2, "I'm Sheila."),
            Segment("speaker-1", 2, 4, "This is Diane."),
        ],
        count=2,
    )
    renamed = resolve_names(transcript, user_names=["Sheila Smith", "Diane Jones"])
    assert _names(renamed) == {
        "speaker-1": ("Diane Jones", "user"),
        "speaker-2": ("Sheila Smith", "user"),
    }


def test_voice_samples_match_by_similarity() -> None:
    transcript = _meeting([Segment("speaker-1", 0, 2, "hi"), Segment("speaker-2", 2, 4, "hey")], 2)
    diane, sheila = np.eye(4, dtype=np.float32)[:2]
    voices = {"speaker-1": sheila, "speaker-2": (0.9 * diane + 0.1 * sheila)}
    voices["speaker-2"] /= np.linalg.norm(voices["speaker-2"])
    renamed = resolve_names(
        transcript,
        user_names=["Diane", "Sheila"],
        voice_samples={"Diane": diane, "Sheila": sheila},
        voices=voices,
    )
    assert _names(renamed) == {
        "speaker-1": ("Sheila", "voice_sample"),
        "speaker-2": ("Diane", "voice_sample"),
    }


def test_intro_finder_keeps_counts() -> None:
    segments = [
        Segment("a", 0, 1, "I'm Mette."),
        Segment("a", 1, 2, "Som sagt, jeg hedder Mette."),
        Segment("b", 2, 3, "I am going to share my screen."),
    ]
    assert self_introductions(segments) == {"a": {"Mette": 2}}


def test_order_of_first_speech_is_anchored_on_substantial_speech() -> None:
    # speaker-2's one-word "Hello." at 0 s (perhaps speaker-1's, misattributed) comes first,
    # but speaker-1 is the first to say anything substantial (5 words).
    transcript = _meeting(
        [
            Segment("speaker-2", 0.0, 0.5, "Hello."),
            Segment("speaker-1", 1.0, 2.5, "Good morning, thanks for joining."),
            Segment("speaker-2", 3.0, 6.0, "Happy to be here, let us start."),
            Segment("speaker-3", 6.5, 7.0, "Yes."),
        ],
    )
    assert speaking_order(transcript) == ["speaker-1", "speaker-2", "speaker-3"]
    renamed = resolve_names(transcript, user_names=["Anna", "Ben", "Cleo"])
    assert _names(renamed) == {
        "speaker-1": ("Anna", "user"),
        "speaker-2": ("Ben", "user"),
        "speaker-3": ("Cleo", "user"),
    }
    assert user_names_warning(renamed, ["Anna", "Ben", "Cleo"]) is None


def test_a_wrong_number_of_names_is_warned_about() -> None:
    transcript = _meeting(
        [
            Segment("speaker-1", 0.0, 3.0, "Good morning, thanks for joining."),
            Segment("speaker-2", 3.0, 6.0, "Happy to be here, let us start."),
        ],
        count=2,
    )
    names = ["Anna", "Ben", "Cleo"]
    too_many = user_names_warning(resolve_names(transcript, user_names=names), names)
    assert too_many == (
        "--participants: 3 names for 2 speakers heard: Anna and Ben were given by order of "
        "first speech, Cleo to nobody"
    )
    too_few = user_names_warning(resolve_names(transcript, user_names=["Anna"]), ["Anna"])
    assert too_few == (
        "--participants: 1 name for 2 speakers heard: Anna was given by order of first speech, "
        "Speaker 2 kept its name"
    )
