"""Per-person files (issue #2's folder layout): alice.mpg carries Alice's video and voice."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import Settings
from assistant.processing.analyze import analyze
from assistant.processing.speech import SpeechModels


def test_each_file_is_its_own_person_and_audio_only_gets_null(
    data_dir: Path, speech_models: SpeechModels, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "call"
    folder.mkdir()
    shutil.copy(data_dir / "grid-talking" / "bbaf2n.mpg", folder / "alice.mpg")
    shutil.copy(data_dir / "grid-talking" / "swiz3n.mpg", folder / "bob.mpg")
    shutil.copy(data_dir / "whisper-clips" / "jfk.flac", folder / "carol.flac")
    report = analyze(folder, settings, models=speech_models).report
    people = {p["name"]: p for p in report["participants"]}
    assert set(people) == {"Alice", "Bob", "Carol"}
    for name in ("Alice", "Bob"):
        engagement = people[name]["engagement"]
        assert engagement is not None, name
        assert engagement["face_visible_share"] >= 0.9
        assert engagement["facing_camera_share"] >= 0.9
        assert 0 <= engagement["score"] <= 100
    assert people["Carol"]["engagement"] is None  # audio only: no video, never zeros
