"""MediaPipe's native notices (absl "W0000 ...", TFLite "INFO: Created ...", at start-up and at the
first face found) stay off the terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys
import numpy as np
import skimage.data
from models.vision import VisionModels
stream = VisionModels.load().stream()
black = np.zeros((240, 320, 3), np.uint8)
person = np.ascontiguousarray(skimage.data.astronaut())
for image in (black, person):
    stream.face(image), stream.pose(image), stream.hands(image), stream.detect_faces(image)
stream.close()
print("still here", file=sys.stderr)
"""


def test_model_start_up_prints_nothing_on_stderr() -> None:
    # A clean environment: models loaded earlier in this test process set GLOG variables,
    # and the check is about what a fresh command-line run prints.
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GLOG_", "TF_"))}
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    notices = [
        line
        for line in run.stderr.splitlines()
        if re.match(r"[IWEF]\d{4} |INFO: |WARNING: All log messages", line)
    ]
    assert notices == [], run.stderr
    assert run.stderr.endswith("still here\n")
