"""The items the rules found on each labelled set BEFORE they were tuned on it, from git history.

    python -m bench.pretuning_items      # rewrites bench/data/action-scorer-pretuning.json

The rules of today were tuned on all the labelled sets, so on those sets their items are nearly all
right, and a scorer trained on them alone never sees the false alarms the rules make on a new
meeting. Each set except the first was measured before any tuning on it (its README); the
rules of that commit, run on the set as it is today, give the items a new user would have got.
Those items are training data for `bench.train_action_scorer` (next to today's), and the honest
test of `bench.action_cv`. The first set was written with the rules, so it has no such commit.

Needs git and the repository's history; the output is committed so training does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from bench.intelligence import ALL_LABELLED

__all__ = ["PRETUNING", "PRETUNING_PATH", "main"]

ROOT = Path(__file__).resolve().parents[1]
PRETUNING_PATH = ROOT / "bench" / "data" / "action-scorer-pretuning.json"
PRETUNING = {
    "intelligence-b": "4ead4f9^",  # the commit adding set b also tuned on it
    "intelligence-c": "e97b196",  # merge of set c, before b0b5781 tuned on it
    "intelligence-d": "0991a12",  # merge of set d, before 45298e7 tuned on it
    "intelligence-e": "4af2aad",  # README of set e: "Rules of main 4af2aad"
    "intelligence-f": "4af2aad",  # README of set f: likewise
    "intelligence-g": "e75eabd",  # README of set g: "at e75eabd"
    "intelligence-h": "692639f",  # merge of sets h and i, measured before tuning on them
    "intelligence-i": "692639f",  # likewise (README of each)
    "intelligence-j": "4d3b777",  # merge of sets j and k, measured before tuning on them
    "intelligence-k": "4d3b777",  # likewise (README of each)
    "intelligence-l": "e6f6861",  # merge of sets l and m, measured before tuning on them
    "intelligence-m": "e6f6861",  # likewise (README of each)
    "intelligence-n": "32c0ca8",  # held out until 2026-12-06: main when it became a tuning set
    "intelligence-o": "32c0ca8",  # likewise (README of each)
    "intelligence-p": "32c0ca8",  # likewise
    "intelligence-q": "32c0ca8",  # likewise
    "intelligence-r": "eb51b37",  # written 2026-12-06 from the brief, measured before tuning
    "intelligence-s": "eb51b37",  # likewise (README of each)
    "intelligence-t": "eb51b37",  # likewise; the rules were not tuned on t and u
    "intelligence-u": "eb51b37",  # likewise
    "intelligence-v": "5a5a5e3",  # written 2026-12-06 from the brief, measured before tuning
    "intelligence-w": "5a5a5e3",  # likewise (README of each)
    "intelligence-x": "154f2cc",  # written 2026-12-06 from the brief, measured before tuning
    "intelligence-y": "154f2cc",  # likewise (README of each)
    "intelligence-z": "5e0e76d",  # written 2026-12-06 from the brief, measured before tuning
    "intelligence-aa": "5e0e76d",  # likewise (README of each)
    "intelligence-ab": "63cb0e2",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-ac": "63cb0e2",  # likewise (README of each)
    "intelligence-ad": "ae59c28",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-ae": "ae59c28",  # likewise (README of each)
    "intelligence-af": "cf43cea",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-ag": "cf43cea",  # likewise (README of each)
    "intelligence-ah": "aa71ff0",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-ai": "aa71ff0",  # likewise (README of each)
    "intelligence-aj": "b426105",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-ak": "b426105",  # likewise (README of each)
    "intelligence-al": "71aaf34",  # written 2026-12-07 from the brief, measured before tuning
    "intelligence-am": "71aaf34",  # likewise (README of each)
    "intelligence-an": "c3aed62",  # held-out set 5 until 2026-12-07: main when it became tuning
    "intelligence-ao": "c3aed62",  # likewise, set 6 (README of each)
    "intelligence-ap": "c3aed62",  # likewise, set 7
    "intelligence-aq": "c3aed62",  # likewise, set 8
    "intelligence-ar": "08818da",  # held-out set 9 until 2026-12-07: main when it became tuning
    "intelligence-as": "08818da",  # likewise, set 10
    "intelligence-at": "08818da",  # likewise, set 11
    "intelligence-au": "08818da",  # likewise, set 12
    "intelligence-av": "08818da",  # likewise, set 13
    "intelligence-aw": "08818da",  # likewise, set 14
    "intelligence-ax": "08818da",  # likewise, set 15
    "intelligence-ay": "08818da",  # likewise, set 16
}
"""Per set, the commit whose rules had never been tuned on it."""

_RUN = """
import json, sys
from pathlib import Path
from assistant.inputs.transcript_json import transcript_from_json
from assistant.intelligence.action_items import extract_action_items
out = {}
for name in sys.argv[1:]:
    path = Path(name)
    data = json.loads(path.read_text(encoding="utf-8"))
    transcript = transcript_from_json(data, source=path, default_title=path.stem)
    out[path.stem] = [
        {"text": i.text, "owner": i.owner, "due": i.due.isoformat() if i.due else None,
         "speaker": i.speaker, "start": i.start, "quote": i.quote,
         "confidence": i.confidence, "language": i.language}
        for i in extract_action_items(transcript)
    ]
print(json.dumps(out, ensure_ascii=False))
"""


def _items_at(commit: str, files: list[Path]) -> dict[str, object]:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "assistant"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as tree:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        run = subprocess.run(
            [sys.executable, "-c", _RUN, *map(str, files)],
            check=True,
            capture_output=True,
            text=True,
            env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"},
            cwd=tree,
        )
    result: dict[str, object] = json.loads(run.stdout)
    return result


def main() -> None:
    out: dict[str, dict[str, object]] = {}
    for folder in ALL_LABELLED:
        commit = PRETUNING.get(folder.name)
        if commit is None:
            continue
        out[folder.name] = {
            "commit": commit,
            "items": _items_at(commit, sorted(folder.glob("*.json"))),
        }
        print(f"{folder.name}: rules of {commit}", file=sys.stderr)
    PRETUNING_PATH.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {PRETUNING_PATH}")


if __name__ == "__main__":
    main()
