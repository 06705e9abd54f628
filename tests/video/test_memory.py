"""Video decode streams: a long recording is analysed in bounded memory."""

from __future__ import annotations

from pathlib import Path

from bench.vision_memory import measure, write_long_video


def test_twenty_minutes_of_video_in_bounded_memory(tmp_path: Path) -> None:
    # 20 minutes, the face on screen for 3 s of each minute (the models run then), camera off
    # otherwise; bench/vision_memory.py runs 3 hours at 640 px.
    path = write_long_video(tmp_path / "long.mp4", minutes=20, width=256, height=144, face_s=3)
    figures = measure(path)
    assert figures["seconds"] == 20 * 60
    assert figures["frames_analysed"] >= 20 * 3 * 4  # the face was analysed every minute
    # After the first minute the models are loaded; 19 more minutes must not add to the peak.
    assert figures["peak_rss_mib"] - figures["rss_after_first_minute_mib"] < 40, figures
    assert figures["peak_rss_mib"] < 700, figures
