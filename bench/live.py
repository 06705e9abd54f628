"""Live captions on real speech fed at 1x: latency, drift, and WER against ``analyze``.

    python -m bench.live [--minutes 5] [--fast] [--sets tuning,dialogues,phone,heldout,meeting]

Five inputs: the tuning clips (``TUNING_CLIPS``) and two sales calls spoken by espeak-ng
(``DIALOGUES``, continuous conversation), which the live defaults were chosen on; and, held
out from that choice, the phone call, the held-out clips that have a reference
(``HELDOUT_REFERENCED``: the phone call, two read sentences, a read paragraph; about 190
words, so a WER difference of a few points is more than one word) and a meeting of
``--minutes`` built from the other shared clips (its AMI clips have no text: no WER against a
reference). Report both kinds of figure; only the held-out ones say how it generalises.

Latency of a word: from the end of the word in the media (its time in ``analyze``'s transcript
of the same audio) to the ``emitted_at`` of the first final caption holding it (and, for
partials, of the first caption of either kind holding it). Each final caption's words are
matched (difflib) to ``analyze``'s words near the caption's own time span, so a word only the
live path heard, or only ``analyze``, is left out of the latency and counted by the WER.
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import difflib
import math
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.config import Settings, apply_thread_settings
from assistant.processing.analyze import analyze, load_speech_models
from assistant.processing.live import LiveEvent, follow_media
from assistant.processing.speech import SpeechModels
from pipelines.frames import Caption

from .common import (
    DIALOGUES,
    HELDOUT_REFERENCED,
    PYANNOTE_SAMPLE,
    TUNING_CLIPS,
    build_dialogue_wav,
    build_meeting_wav,
    build_voices_wav,
    heldout_reference,
    stm_reference,
    tuning_reference,
    word_error_rate,
)

_MATCH_SLACK_S = 5.0
"""A caption's words are looked for among the words ending this close (s) to its span."""


def normal_word(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    path: Path, settings: Settings, models: SpeechModels, *, realtime: bool, reference: str | None
) -> dict[str, float]:
    offline = analyze(path, settings, models=models).report
    timed = [
        (word["word"], float(word["end"]))
        for segment in offline["segments"]
        for word in segment["words"]
    ]
    timed.sort(key=lambda item: item[1])
    events: list[LiveEvent] = []
    live = asyncio.run(
        follow_media(path, settings, models, realtime=realtime, on_event=events.append)
    )
    captions = [e for e in events if isinstance(e, Caption)]
    finals = sorted((c for c in captions if c.kind == "final"), key=lambda c: c.emitted_at)
    final_latency: list[tuple[float, float]] = []  # (word end in media, latency)
    partial_latency: list[float] = []
    used: set[int] = set()
    ends = [end for _, end in timed]
    for caption in finals:
        # Words are matched near the caption's own media time only: the built meeting repeats
        # its clips, and a matcher over the whole text would pair words across repeats.
        lo = bisect.bisect_left(ends, caption.start_s - _MATCH_SLACK_S)
        hi = bisect.bisect_right(ends, caption.end_s + _MATCH_SLACK_S)
        window = [i for i in range(lo, hi) if i not in used]
        heard = caption.text.split()
        matcher = difflib.SequenceMatcher(
            None,
            [normal_word(timed[i][0]) for i in window],
            [normal_word(w) for w in heard],
            autojunk=False,
        )
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                index = window[block.a + offset]
                used.add(index)
                word, end_s = timed[index]
                final_latency.append((end_s, caption.emitted_at - end_s))
                seen = [
                    c.emitted_at
                    for c in captions
                    if c.participant_id == caption.participant_id
                    and end_s - 0.5 <= c.emitted_at <= caption.emitted_at
                    and normal_word(word) in {normal_word(w) for w in c.text.split()}
                ]
                partial_latency.append(min(seen, default=caption.emitted_at) - end_s)
    latencies = [latency for _, latency in final_latency]
    duration = float(offline["meeting"]["duration_s"])
    # Drift: the first and the last 5 minutes, when the input is long enough to have both.
    first = [lat for end, lat in final_latency if end < 300] if duration >= 600 else []
    last = [lat for end, lat in final_latency if end >= duration - 300] if duration >= 600 else []
    live_text = " ".join(c.text for c in finals)
    offline_text = " ".join(s["text"] for s in offline["segments"])
    row = {
        "duration_s": duration,
        "words matched": len(latencies),
        "final p50": percentile(latencies, 0.5),
        "final p95": percentile(latencies, 0.95),
        "partial p50": percentile(partial_latency, 0.5),
        "partial p95": percentile(partial_latency, 0.95),
        "first 5 min p50": percentile(first, 0.5),
        "first 5 min p95": percentile(first, 0.95),
        "last 5 min p50": percentile(last, 0.5),
        "last 5 min p95": percentile(last, 0.95),
        "live vs analyze WER": word_error_rate(offline_text, live_text),
        "report participants": len(live.report["participants"]),
        "analyze participants": len(offline["participants"]),
    }
    if reference is not None:
        row["WER live"] = word_error_rate(reference, live_text)
        # What the live meeting stores: its transcript from the timed decodes, not the captions.
        stored_text = " ".join(s["text"] for s in live.report["segments"])
        row["WER live transcript"] = word_error_rate(reference, stored_text)
        row["WER analyze"] = word_error_rate(reference, offline_text)
    return row


SETS = ("tuning", "dialogues", "phone", "heldout", "meeting")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live", description=__doc__)
    parser.add_argument("--minutes", type=float, default=5.0, help="Length of the built meeting.")
    parser.add_argument("--fast", action="store_true", help="Feed as fast as possible, not 1x.")
    parser.add_argument(
        "--sets",
        default=",".join(SETS),
        help=f"Comma-separated inputs to run, of {', '.join(SETS)} (default: all).",
    )
    args = parser.parse_args(argv)
    chosen = {name.strip() for name in args.sets.split(",") if name.strip()}
    if not chosen or chosen - set(SETS):
        parser.error(f"--sets takes names from {', '.join(SETS)}")
    settings = Settings()
    apply_thread_settings(settings)  # an entry point, as the CLI's live: torch's threads
    models = load_speech_models(settings, live=True)
    realtime = not args.fast
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        if "tuning" in chosen:
            tuning = Path(folder) / "tuning.wav"
            seconds = build_meeting_wav(tuning, 46.78, TUNING_CLIPS)
            rows["tuning clips (tuned on)"] = measure(
                tuning, settings, models, realtime=realtime, reference=tuning_reference(seconds)
            )
        if "dialogues" in chosen:
            for script in DIALOGUES:
                spoken = Path(folder) / f"{script.stem}.wav"
                _, reference = build_dialogue_wav(script, spoken)
                rows[f"{script.stem} (tuned on)"] = measure(
                    spoken, settings, models, realtime=realtime, reference=reference
                )
        if "phone" in chosen:
            rows["phone call (pyannote sample)"] = measure(
                PYANNOTE_SAMPLE,
                settings,
                models,
                realtime=realtime,
                reference=stm_reference(PYANNOTE_SAMPLE.with_suffix(".stm")),
            )
        if "heldout" in chosen:
            heldout = Path(folder) / "heldout.wav"
            build_voices_wav(heldout, HELDOUT_REFERENCED)
            rows["held-out clips with a reference"] = measure(
                heldout, settings, models, realtime=realtime, reference=heldout_reference()
            )
        if "meeting" in chosen:
            meeting = Path(folder) / "meeting.wav"
            build_meeting_wav(meeting, args.minutes * 60)
            rows[f"{args.minutes:g}-minute meeting of the other clips"] = measure(
                meeting, settings, models, realtime=realtime, reference=None
            )
    keys = list(next(iter(rows.values())).keys())
    keys += [key for row in rows.values() for key in row if key not in keys]
    print(f"| figure | {' | '.join(rows)} |")
    print(f"|---|{'---|' * len(rows)}")
    for key in keys:
        cells = []
        for row in rows.values():
            value = row.get(key)
            missing = value is None or (isinstance(value, float) and math.isnan(value))
            cells.append(
                "-" if missing else f"{value:.3g}" if isinstance(value, float) else str(value)
            )
        print(f"| {key} | {' | '.join(cells)} |")
    print("(one run each; latencies in s; WER as a fraction)")


if __name__ == "__main__":
    main()
