"""CAM++ voiceprints on a real recording: the same with the pieces spread over several threads
as on one (each piece is embedded on its own)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.voiceprint import VOICEPRINT_DIMENSIONS, VoiceprintEncoder
from tests.media import read_audio


def test_voiceprints_are_the_same_on_two_threads_as_on_one(data_dir: Path) -> None:
    audio = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    # Pieces of 1 to 4 s, as the clustering cuts them, and one shorter than the network's frames.
    pieces = [audio[start : start + length] for start, length in ((0, 16_000), (48_000, 64_000))]
    pieces += [audio[160_000 + i * 40_000 : 160_000 + i * 40_000 + 24_000] for i in range(5)]
    pieces.append(audio[400_000:401_000])

    alone = VoiceprintEncoder(workers=1).embed(pieces)
    spread = VoiceprintEncoder(workers=2).embed(pieces)

    assert alone.shape == (len(pieces), VOICEPRINT_DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(alone, axis=1), 1.0, rtol=1e-5)
    assert np.array_equal(alone, spread)
    assert len({row.tobytes() for row in alone}) == len(pieces)  # each piece its own print
