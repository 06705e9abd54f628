"""Which participant a received track carries, and frames turned into ours: no network."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import av
import numpy as np

from assistant.bot.media import FrameClock, Handover, VideoSampler, audio_pcm
from assistant.bot.roster import Roster, parse_publishers, parse_subscription

# As Janus 1.1 sends them: a ``publishers`` event, then the subscription's stream lists.
ADA = {
    "id": 111,
    "display": "Ada Lovelace",
    "streams": [
        {"type": "audio", "mindex": 0, "mid": "0", "codec": "opus"},
        {"type": "video", "mindex": 1, "mid": "1", "codec": "vp8"},
        {"type": "video", "mindex": 2, "mid": "2", "codec": "vp8", "description": "screen"},
        {"type": "data", "mindex": 3, "mid": "3"},
    ],
}
CARL = {"id": 222, "display": "Carl", "streams": [{"type": "audio", "mid": "0", "codec": "pcmu"}]}
DAN = {"id": 333, "display": "Carl", "streams": [{"type": "audio", "mid": "a", "codec": "opus"}]}


def _stream(mid: str, kind: str, feed: int, feed_mid: str, active: bool = True) -> dict[str, Any]:
    item: dict[str, Any] = {"type": kind, "mid": mid, "active": active, "mindex": int(mid)}
    if active:
        item.update(feed_id=feed, feed_mid=feed_mid, feed_display=str(feed), send=True)
    return item


def test_publishers_become_participants_and_tracks_find_their_owner() -> None:
    roster = Roster()
    ada, carl = parse_publishers([ADA, CARL])
    assert [s.mid for s in ada.followed()] == ["0", "1"]  # first audio and video only
    joined_ada, joined_carl = roster.join(ada), roster.join(carl)
    assert joined_ada is not None and joined_carl is not None
    assert (joined_ada.participant.id, joined_ada.participant.name) == (
        "ada-lovelace",
        "Ada Lovelace",
    )
    assert (joined_ada.audio_rate, joined_ada.video) == (48_000, True)
    assert (joined_carl.audio_rate, joined_carl.video) == (8_000, False)
    assert roster.join(ada) is None  # the same feed again (it reconfigured)

    roster.route(
        parse_subscription(
            [
                _stream("0", "audio", 111, "0"),
                _stream("1", "video", 111, "1"),
                _stream("2", "audio", 222, "0"),
                {"type": "data", "mid": "3", "active": True},
            ]
        )
    )
    assert [roster.owner(mid) for mid in ("0", "1", "2")] == [joined_ada, joined_ada, joined_carl]
    assert roster.owner("3") is None

    # Carl leaves: his m-line carries nobody, then Janus hands it to Dan, a later joiner.
    assert roster.leave(222) == joined_carl
    assert roster.owner("2") is None
    roster.route(parse_subscription([_stream("2", "audio", 222, "0", active=False)]))
    assert roster.owner("2") is None
    dan = roster.join(parse_publishers([DAN])[0])
    assert dan is not None and dan.participant.id == "carl-2"  # same name, own participant
    roster.route(parse_subscription([_stream("2", "audio", 333, "a")]))
    assert roster.owner("2") == dan
    assert [p.feed_id for p in roster.present] == [111, 333]


def test_publishers_without_media_or_names() -> None:
    roster = Roster()
    listener, nameless = parse_publishers(
        [
            {"id": 1, "display": "Another bot", "streams": []},
            {"id": 2, "streams": [{"type": "audio", "mid": "0", "codec": "opus"}]},
            {"id": 3, "dummy": True, "streams": [{"type": "audio", "mid": "0"}]},
        ]
    )
    assert roster.join(listener) is None
    joined = roster.join(nameless)
    assert joined is not None
    assert (joined.participant.name, joined.participant.name_source) == (
        "Participant 1",
        "placeholder",
    )


def _audio(pts: int, samples: int = 960) -> av.AudioFrame:
    frame = av.AudioFrame.from_ndarray(
        np.arange(samples * 2, dtype=np.int16)[None, :], format="s16", layout="stereo"
    )
    frame.sample_rate, frame.pts, frame.time_base = 48_000, pts, Fraction(1, 48_000)
    return frame


def test_frame_times_keep_gaps_and_restart_after_a_jump() -> None:
    now = [10.0]
    clock = FrameClock(lambda: now[0])
    assert clock.start_s(_audio(0)) == 10.0  # placed at its arrival
    now[0] = 10.5  # arrives late (a busy loop): still timed by its pts
    assert clock.start_s(_audio(960)) == 10.02
    now[0] = 13.0
    assert clock.start_s(_audio(960 + 3 * 48_000)) == 13.02  # 3 s sent nothing: a gap
    now[0] = 13.1
    assert clock.start_s(_audio(960 + 10 * 48_000)) == 13.1  # 7 s ahead of arrival: a jump
    assert clock.start_s(_audio(960 + 10 * 48_000 + 960)) == 13.12


def test_a_leavers_last_packets_are_not_the_newcomers() -> None:
    # Carl's frames up to pts 157 440; the jitter buffer releases his last four only when
    # Dan's first arrives, 1.75 s on (as measured on Janus 1.1.2 with aiortc 1.16).
    handover = Handover()
    handover.seen(_audio(157_440))
    late = [_audio(157_440 + 960 * n) for n in range(1, 5)]
    assert [handover.leftover(frame) for frame in late] == [True] * 4
    assert not handover.leftover(_audio(245_294))
    # A newcomer whose timestamps carry on seamlessly loses at most half a second.
    handover.seen(_audio(0))
    dropped = [handover.leftover(_audio(960 * n)) for n in range(1, 40)]
    assert dropped[:24] == [True] * 24 and not any(dropped[25:])  # 0.5 s of 20 ms frames


def test_audio_frames_become_samples_by_channel() -> None:
    pcm = audio_pcm(_audio(0))
    assert pcm.shape == (960, 2)
    assert pcm.dtype == np.int16
    assert list(pcm[1]) == [2, 3]  # interleaved left, right


def test_only_the_frames_the_live_rate_keeps_are_converted() -> None:
    sampler = VideoSampler(fps=1.0, max_width=640)
    picture = av.VideoFrame.from_ndarray(np.full((720, 1280, 3), 90, np.uint8), format="rgb24")
    kept = [sampler.take(picture, t / 30) for t in range(90)]  # 3 s at 30 frames/s
    images = [image for image in kept if image is not None]
    assert [i for i, image in enumerate(kept) if image is not None] == [0, 30, 60]
    assert images[0].shape == (360, 640, 3)
    assert abs(int(images[0][100, 100, 0]) - 90) <= 2
