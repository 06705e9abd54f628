"""What the assistant says in a room's chat (the consent notices, the summary at the end) and
how it hears that it must stop. Pure functions over plain values, so they are tested alone."""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "STOP_COMMAND",
    "consent_notice",
    "discarded_notice",
    "meeting_summary",
    "says_stop_recording",
    "welcome_notice",
]

STOP_COMMAND = "/stop"
_STOP_PHRASE = re.compile(r"\bstop (?:the )?recording\b")


def consent_notice(bot_display: str) -> str:
    """Posted when the assistant joins."""
    return (
        f"{bot_display} has joined: this meeting is transcribed and analysed (who says what, "
        "talk time, camera engagement, action items); a report is stored for the team. "
        f'Anyone can type {STOP_COMMAND} here, or say "stop recording", to make it leave and '
        "discard this meeting."
    )


def welcome_notice(name: str) -> str:
    """Posted whenever someone joins while the assistant follows the meeting."""
    return (
        f"Welcome, {name}: this meeting is transcribed and analysed by the assistant. Type "
        f'{STOP_COMMAND} or say "stop recording" to make it leave and discard the meeting.'
    )


def discarded_notice(how: str) -> str:
    """``how``: who asked, e.g. 'Ada typed /stop in the chat'."""
    return (
        f"Stopped by a participant ({how}): the assistant left; this meeting's recording, "
        "transcript and captions were discarded and no report is kept."
    )


def says_stop_recording(text: str) -> bool:
    """A final caption asks the assistant to stop ("Stop recording, please.")."""
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower())
    return _STOP_PHRASE.search(" ".join(words.split())) is not None


def meeting_summary(report: dict[str, Any]) -> str:
    """The action items with owners and dates, and the participation balance, as one chat
    message (plain text, one line each)."""
    names = {p["id"]: p["name"] for p in report.get("participants", [])}
    lines = ["Meeting summary."]
    items = report.get("action_items", [])
    if items:
        lines.append("Action items:")
        for item in items:
            owner = item.get("owner")
            owner = names.get(owner, owner) if owner else "owner not said"
            due = f", due {item['due']}" if item.get("due") else ""
            lines.append(f"- {item['text']} ({owner}{due})")
    else:
        lines.append("Action items: none heard.")
    speakers = sorted(
        report.get("participants", []), key=lambda p: p.get("talk_share", 0.0), reverse=True
    )
    if speakers:
        shares = ", ".join(
            f"{p['name']} {round(100 * p.get('talk_share', 0.0))}%"
            f" ({round(p.get('talk_time_s', 0.0))} s)"
            for p in speakers
        )
        lines.append(f"Participation: {shares}.")
    balance = report.get("balance") or {}
    if balance.get("silent"):
        silent = ", ".join(names.get(pid, pid) for pid in balance["silent"])
        lines.append(f"Not heard: {silent}.")
    if balance.get("dominant"):
        lines.append(f"Most of the talking: {names.get(balance['dominant'], balance['dominant'])}.")
    return "\n".join(lines)
