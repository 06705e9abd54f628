"""A meeting's shared digest as chat messages and a JSON event: Slack's incoming-webhook
format (Block Kit with a text fallback), Microsoft Teams' (an Adaptive Card in a message, as
both Teams workflows and the older connectors take it) and our own JSON for any receiver.

A channel is shared, so no private feedback ever goes into these: the shared part only
(participation, action items, decisions, open questions, carried-over items).
"""

from __future__ import annotations

from typing import Any, Literal

from .content import ItemLine, MeetingDigest

__all__ = [
    "WEBHOOK_EVENT",
    "ChannelKind",
    "payload_for",
    "slack_payload",
    "teams_payload",
    "webhook_payload",
]

ChannelKind = Literal["slack", "teams", "webhook"]
WEBHOOK_EVENT = "meeting.digest"
_MAX_ITEMS = 20
"""Items listed per section in chat; the rest are counted (Slack caps a section's text)."""


def payload_for(kind: ChannelKind, digest: MeetingDigest, meeting_id: str | None) -> dict[str, Any]:
    if kind == "slack":
        return slack_payload(digest)
    if kind == "teams":
        return teams_payload(digest)
    return webhook_payload(digest, meeting_id)


def slack_payload(digest: MeetingDigest) -> dict[str, Any]:
    """Slack incoming-webhook body: ``text`` (notifications, clients without blocks) and
    ``blocks``. Slack's mrkdwn treats ``& < >`` as markup, so report text is escaped."""
    when = f" ({digest.date})" if digest.date else ""
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _cut(f"{digest.title}{when}", 150)},
        },
        _slack_section(
            "*Participation*\n"
            + "\n".join(f"• {_slack(s.name)}: {round(s.share * 100)}%" for s in digest.shares)
            + (f"\n{_slack(digest.balance)}" if digest.balance else "")
        ),
        _slack_section("*Action items*\n" + _slack_items(digest.action_items)),
    ]
    if digest.decisions:
        blocks.append(_slack_section("*Decisions*\n" + _slack_lines(digest.decisions)))
    if digest.open_questions:
        blocks.append(_slack_section("*Open questions*\n" + _slack_lines(digest.open_questions)))
    if digest.carried_over:
        blocks.append(
            _slack_section(
                "*Carried over from earlier meetings*\n" + _slack_items(digest.carried_over)
            )
        )
    open_items = sum(1 for item in digest.action_items if item.status != "done")
    text = f"Meeting digest: {digest.title}{when}: {open_items} open action items"
    return {"text": _slack(text), "blocks": blocks}


def teams_payload(digest: MeetingDigest) -> dict[str, Any]:
    """Microsoft Teams webhook body: a message holding one Adaptive Card (plain text blocks,
    so nothing in the report is read as markup)."""
    when = f" ({digest.date})" if digest.date else ""
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": f"{digest.title}{when}",
            "size": "Large",
            "weight": "Bolder",
            "wrap": True,
        },
        {"type": "TextBlock", "text": " · ".join(digest.facts), "isSubtle": True, "wrap": True},
        _teams_heading("Participation"),
        {
            "type": "FactSet",
            "facts": [
                {"title": s.name, "value": f"{round(s.share * 100)}%"} for s in digest.shares
            ],
        },
    ]
    if digest.balance:
        body.append({"type": "TextBlock", "text": digest.balance, "wrap": True})
    body.append(_teams_heading("Action items"))
    body += _teams_items(digest.action_items) or [_teams_text("None found.")]
    if digest.decisions:
        body.append(_teams_heading("Decisions"))
        body += [_teams_text(f"- {d}") for d in digest.decisions[:_MAX_ITEMS]]
    if digest.open_questions:
        body.append(_teams_heading("Open questions"))
        body += [_teams_text(f"- {q}") for q in digest.open_questions[:_MAX_ITEMS]]
    if digest.carried_over:
        body.append(_teams_heading("Carried over from earlier meetings"))
        body += _teams_items(digest.carried_over)
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    return {
        "type": "message",
        "summary": f"Meeting digest: {digest.title}",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


def webhook_payload(digest: MeetingDigest, meeting_id: str | None) -> dict[str, Any]:
    """Our JSON event for any receiver (signed when sent, see ``assistant.delivery.webhook``)."""

    def items(lines: tuple[ItemLine, ...]) -> list[dict[str, Any]]:
        return [
            {
                "text": i.text,
                "owner": None if i.owner == "—" else i.owner,
                "due": None if i.due == "—" else i.due,
                "status": i.status,
                **({"origin": i.origin} if i.origin is not None else {}),
            }
            for i in lines
        ]

    return {
        "event": WEBHOOK_EVENT,
        "meeting": {"id": meeting_id, "title": digest.title, "date": digest.date},
        "participants": [
            {"name": s.name, "talk_share": round(s.share, 4), "side": s.side} for s in digest.shares
        ],
        "balance": digest.balance,
        "action_items": items(digest.action_items),
        "decisions": list(digest.decisions),
        "open_questions": list(digest.open_questions),
        "carried_over": items(digest.carried_over),
    }


def _slack(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, 3000)}}


def _slack_items(items: tuple[ItemLine, ...]) -> str:
    if not items:
        return "None found."
    lines = []
    for item in items[:_MAX_ITEMS]:
        flag = " *OVERDUE*" if item.status == "overdue" else f" ({item.status})"
        origin = f" — from {_slack(item.origin)}" if item.origin else ""
        lines.append(
            f"• {_slack(item.text)} — {_slack(item.owner)}, due {_slack(item.due)}{flag}{origin}"
        )
    if len(items) > _MAX_ITEMS:
        lines.append(f"… and {len(items) - _MAX_ITEMS} more")
    return "\n".join(lines)


def _slack_lines(lines: tuple[str, ...]) -> str:
    shown = [f"• {_slack(line)}" for line in lines[:_MAX_ITEMS]]
    if len(lines) > _MAX_ITEMS:
        shown.append(f"… and {len(lines) - _MAX_ITEMS} more")
    return "\n".join(shown)


def _teams_heading(text: str) -> dict[str, Any]:
    return {
        "type": "TextBlock",
        "text": text,
        "weight": "Bolder",
        "spacing": "Medium",
        "wrap": True,
    }


def _teams_text(text: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True}


def _teams_items(items: tuple[ItemLine, ...]) -> list[dict[str, Any]]:
    out = []
    for item in items[:_MAX_ITEMS]:
        origin = f" · from {item.origin}" if item.origin else ""
        out.append(
            {
                "type": "TextBlock",
                "text": f"- {item.text} — {item.owner}, due {item.due} "
                f"({item.status.upper()}){origin}",
                "wrap": True,
                **({"color": "Attention"} if item.status == "overdue" else {}),
            }
        )
    return out


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
