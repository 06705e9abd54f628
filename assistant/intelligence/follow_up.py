"""Follow-through across meetings: earlier promises, done or still open.

Given the report.json files of the team's earlier meetings, every action item they hold is
carried forward until a later meeting reports it done. In the current meeting an item counts as
done when someone says it happened ("I sent the quote on Monday", "Jeg har sendt tilbuddet",
"the contract went out") in a sentence that shares its key words with the item; a negation
("I haven't sent it yet") keeps it open. The rest stay open, and overdue when their due date is
before this meeting.

Items are identified across reports by the meeting they were first said in (date and title),
their text and owner, so a carried-over item keeps its identity in every later report.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.intelligence.dates import iso_date
from assistant.intelligence.sentences import Sentence, sentences_of, words
from assistant.transcript import Transcript
from models.errors import InputError

__all__ = ["FollowUpItem", "follow_up", "load_history"]

Status = Literal["open", "overdue", "done"]


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    text: str
    owner: str | None
    due: dt.date | None
    status: Status
    origin_title: str
    """Title of the meeting where the item was first said."""
    origin_date: dt.date | None
    evidence: str | None = None
    """For "done": the sentence that reported it."""
    evidence_start: float | None = None
    """For "done": when it was said (s from this meeting's start)."""


_DONE_EN = re.compile(
    r"\b(?:(?:i|we|she|he|they|you)(?:'ve| have| has| had)?\s+(?:already\s+|just\s+|finally\s+)?"
    r"(?:sent|shared|booked|done|did|finished|completed|called|emailed|updated|fixed|prepared"
    r"|drafted|written|wrote|set up|reached out|followed up|talked|spoke|spoken|checked|asked"
    r"|looped|signed|scheduled|delivered|submitted|reviewed|added|picked|made|got|ran|read"
    r"|found|ordered|invited|\w+ed)\b"
    r"|\b(?:is|was|are|were|has been|have been|got) (?:already )?(?:sent|done|booked|shared"
    r"|fixed|signed|ready|finished|out|sorted|handled)\b|\bwent out\b|\ball done\b)",
    re.IGNORECASE,
)
_DONE_DA = re.compile(
    r"\b(?:har|havde)\s+(?:allerede\s+|lige\s+|nu\s+)?(?:\w+\s+)?\w+(?:et|t|te)\b"
    r"|\b(?:er|blev)\s+(?:allerede\s+)?(?:sendt|booket|klaret|ordnet|lavet|færdig|gjort|rettet"
    r"|opdateret|delt|godkendt|afsendt)\b|\b\w+(?:ede|te) jeg\b|\bjeg \w+(?:ede|te)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:not|haven't|hasn't|didn't|hadn't|isn't|wasn't|yet|still need|ikke|endnu|mangler)\b",
    re.IGNORECASE,
)
_IRREGULAR = {
    **{"sent": "send", "wrote": "write", "written": "write", "made": "make", "spoke": "speak"},
    **{"spoken": "speak", "got": "get", "ran": "run", "found": "find", "did": "do", "done": "do"},
    **{"sendt": "send", "sendte": "send", "skrevet": "skriv", "skrev": "skriv", "lavet": "lav"},
    **{"lavede": "lav", "taget": "tag", "tog": "tag", "gjort": "gør", "gjorde": "gør"},
}
_STOP = frozenset(
    {
        *("the", "a", "an", "to", "of", "for", "with", "on", "in", "and", "it", "that", "this"),
        *("you", "your", "our", "us", "me", "them", "over", "out", "up", "some", "all", "i"),
        *("we", "have", "has", "had", "already", "just", "yesterday", "today", "monday"),
        *("tuesday", "wednesday", "thursday", "friday", "den", "det", "de", "en", "et", "til"),
        *("med", "på", "og", "dig", "os", "jer", "mig", "dem", "lige", "jeg", "vi", "har"),
        *("allerede", "i", "går", "dag", "er", "blev", "om", "fra", "about", "back"),
    }
)


def load_history(directory: Path) -> list[dict[str, Any]]:
    """The report.json files in ``directory`` (searched recursively), oldest meeting first.

    Raises ``InputError`` for a missing folder or a file that is not a report.
    """
    if not directory.is_dir():
        raise InputError("history folder not found", directory)
    reports: list[dict[str, Any]] = []
    for path in sorted(directory.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(f"not a readable report.json ({error})", path) from None
        if not isinstance(data, dict) or not isinstance(data.get("action_items"), list):
            raise InputError("not a report.json (no action_items list)", path)
        reports.append(data)
    return sorted(reports, key=lambda r: str((r.get("meeting") or {}).get("date") or ""))


def follow_up(
    history: Sequence[Mapping[str, Any]],
    transcript: Transcript,
    sentences: Sequence[Sentence] | None = None,
) -> tuple[FollowUpItem, ...]:
    """Every item still open before this meeting, with its status after it."""
    carried = _still_open(history)
    if not carried:
        return ()
    sentences = sentences if sentences is not None else sentences_of(transcript)
    today = transcript.meeting.date
    result = []
    for item in carried:
        evidence = _reported_done(item, sentences)
        if evidence is not None:
            status: Status = "done"
        elif item.due is not None and today is not None and item.due < today:
            status = "overdue"
        else:
            status = "open"
        result.append(
            FollowUpItem(
                text=item.text,
                owner=item.owner,
                due=item.due,
                status=status,
                origin_title=item.origin_title,
                origin_date=item.origin_date,
                evidence=evidence.text if evidence else None,
                evidence_start=evidence.start if evidence else None,
            )
        )
    return tuple(result)


def _key(item: FollowUpItem) -> tuple[str, str, str, str]:
    date = item.origin_date.isoformat() if item.origin_date else ""
    return (date, item.origin_title, item.text.lower(), item.owner or "")


def _still_open(history: Sequence[Mapping[str, Any]]) -> list[FollowUpItem]:
    open_items: dict[tuple[str, str, str, str], FollowUpItem] = {}
    for report in history:
        meeting = report.get("meeting")
        if not isinstance(meeting, Mapping):
            meeting = {}
        title = str(meeting.get("title") or "")
        date = iso_date(meeting.get("date"))
        for entry in report.get("follow_up") or ():
            if not isinstance(entry, Mapping):
                continue
            carried = _entry(
                entry, str(entry.get("origin_title") or ""), iso_date(entry.get("origin_date"))
            )
            if carried is None:
                continue
            if entry.get("status") == "done":
                open_items.pop(_key(carried), None)
            else:
                open_items.setdefault(_key(carried), carried)
        for entry in report.get("action_items") or ():
            if isinstance(entry, Mapping):
                item = _entry(entry, title, date)
                if item is not None:
                    open_items.setdefault(_key(item), item)
    return list(open_items.values())


def _entry(entry: Mapping[str, Any], title: str, date: dt.date | None) -> FollowUpItem | None:
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    owner = entry.get("owner")
    return FollowUpItem(
        text=text,
        owner=owner if isinstance(owner, str) else None,
        due=iso_date(entry.get("due")),
        status="open",
        origin_title=title,
        origin_date=date,
    )


def _stems(text: str) -> set[str]:
    result = set()
    for token in words(text):
        word = _IRREGULAR.get(token, token)
        if word in _STOP or len(word) < 3:
            continue
        result.add(word[:4])
    return result


def _reported_done(item: FollowUpItem, sentences: Sequence[Sentence]) -> Sentence | None:
    wanted = _stems(item.text)
    if not wanted:
        return None
    for sentence in sentences:
        text = sentence.text.replace("’", "'")
        if not (_DONE_EN.search(text) or _DONE_DA.search(text)) or _NOT_DONE.search(text):
            continue
        shared = wanted & _stems(text)
        by_owner = item.owner is not None and sentence.speaker == item.owner
        if len(shared) >= 2 or (shared and by_owner and len(wanted) <= 2):
            return sentence
    return None
