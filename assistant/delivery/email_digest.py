"""The meeting digest as an email: HTML for mail clients and a plain-text part that stands
alone. Built for phones first: one column, no fixed widths, items stacked rather than set in
wide tables, styles inline (many clients drop ``<style>``), the chart an inline image
referenced by its Content-ID. Every piece of report text is escaped.

This is the email's own template; the digest page (``assistant.outputs.digest``) is a
different document with its own layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .chart import CHART_WIDTH_PX
from .content import ItemLine, MeetingDigest, PersonalFeedback

__all__ = [
    "EmailBody",
    "figure_table",
    "html_items",
    "page",
    "render_meeting_email",
    "section",
    "text_items",
    "text_section",
]

_INK, _MUTED, _LINE, _FLAG = "#1d2330", "#5b6472", "#d9dde3", "#b3261e"
_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"


@dataclass(frozen=True, slots=True)
class EmailBody:
    subject: str
    html: str
    text: str


def render_meeting_email(
    digest: MeetingDigest,
    *,
    chart_cid: str | None,
    feedback: PersonalFeedback | None,
    link: str | None = None,
) -> EmailBody:
    """The digest for one reader: the shared part, and ``feedback`` when the reader took part
    (their own, nobody else's). ``chart_cid`` is the Content-ID of the participation chart
    (without angle brackets); None leaves the chart out. ``link``: the digest page, if the
    reader can open it."""
    when = f" ({digest.date})" if digest.date else ""
    subject = f"Meeting digest: {digest.title}{when}"
    html_parts = [
        f'<h1 style="font-size:22px;line-height:1.25;margin:0 0 4px;">{escape(digest.title)}</h1>',
        f'<p style="margin:0;color:{_MUTED};">{escape(" · ".join(digest.facts))}</p>',
    ]
    text_parts = [digest.title, " · ".join(digest.facts)]
    if digest.summary:
        html_parts.append(section("Summary", f"<p>{escape(digest.summary)}</p>"))
        text_parts.append(text_section("Summary", [digest.summary]))
    html_parts.append(section("Participation", _participation_html(digest, chart_cid)))
    text_parts.append(text_section("Participation", _participation_text(digest)))
    html_parts.append(section("Action items", html_items(digest.action_items, "none found")))
    text_parts.append(text_section("Action items", text_items(digest.action_items)))
    html_parts.append(section("Decisions", _html_list(digest.decisions, "none recorded")))
    text_parts.append(text_section("Decisions", [f"- {d}" for d in digest.decisions]))
    html_parts.append(section("Open questions", _html_list(digest.open_questions, "none left")))
    text_parts.append(text_section("Open questions", [f"- {q}" for q in digest.open_questions]))
    if digest.carried_over:
        html_parts.append(
            section("Carried over from earlier meetings", html_items(digest.carried_over, ""))
        )
        text_parts.append(
            text_section("Carried over from earlier meetings", text_items(digest.carried_over))
        )
    if feedback is not None:
        html_parts.append(_feedback_html(feedback))
        text_parts.append(_feedback_text(feedback))
    if link:
        html_parts.append(
            f'<p style="margin:24px 0 0;"><a href="{escape(link, quote=True)}" '
            f'style="color:#2f6fb3;">Your feedback and its trends on the dashboard</a></p>'
        )
        text_parts.append(f"Your feedback and its trends on the dashboard: {link}")
    footer = (
        "Sent by meeting-assistant after the meeting. Your feedback section is private: only "
        "your copy has it."
        if feedback is not None
        else "Sent by meeting-assistant after the meeting."
    )
    html_parts.append(
        f'<p style="margin:28px 0 0;font-size:12px;color:{_MUTED};">{escape(footer)}</p>'
    )
    text_parts.append(footer)
    return EmailBody(
        subject=subject,
        html=page(subject, "\n".join(html_parts)),
        text="\n\n".join(part for part in text_parts if part) + "\n",
    )


def page(title: str, body: str) -> str:
    """A complete HTML email around ``body``: one fluid column up to 600 px wide."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n</head>\n"
        f'<body style="margin:0;padding:0;background:#f4f5f7;color:{_INK};{_FONT}">\n'
        '<div style="max-width:600px;margin:0 auto;padding:16px 14px 28px;background:#ffffff;'
        f"font-size:15px;line-height:1.45;overflow-wrap:break-word;word-wrap:break-word;"
        f'{_FONT}">\n{body}\n</div>\n</body>\n</html>\n'
    )


def section(title: str, body: str) -> str:
    return (
        f'<h2 style="font-size:17px;margin:24px 0 8px;padding-bottom:4px;'
        f'border-bottom:1px solid {_LINE};">{escape(title)}</h2>\n{body}'
    )


def html_items(items: Sequence[ItemLine], empty: str) -> str:
    """Items stacked one under another (no columns to run off a phone's screen)."""
    if not items:
        return f'<p style="color:{_MUTED};margin:0;">{escape(empty.capitalize())}.</p>'
    out = []
    for item in items:
        status = item.status
        colour = _FLAG if status == "overdue" else _MUTED
        weight = "font-weight:600;" if status == "overdue" else ""
        meta = [f"Owner: {item.owner}", f"Due: {item.due}"]
        origin = f" · from {escape(item.origin)}" if item.origin else ""
        out.append(
            f'<div style="padding:8px 0;border-bottom:1px solid {_LINE};">'
            f'<div style="font-weight:600;">{escape(item.text)}</div>'
            f'<div style="font-size:13px;color:{_MUTED};">{escape(" · ".join(meta))} · '
            f'<span style="color:{colour};{weight}">{escape(status.upper())}</span>'
            f"{origin}</div></div>"
        )
    return "\n".join(out)


def text_items(items: Sequence[ItemLine]) -> list[str]:
    lines = []
    for item in items:
        origin = f" (from {item.origin})" if item.origin else ""
        lines.append(
            f"- [{item.status.upper()}] {item.text}\n  Owner: {item.owner} · Due: {item.due}"
            f"{origin}"
        )
    return lines


def _participation_html(digest: MeetingDigest, chart_cid: str | None) -> str:
    parts = []
    if chart_cid and digest.shares:
        alt = "; ".join(f"{s.name} {round(s.share * 100)}%" for s in digest.shares)
        parts.append(
            f'<img src="cid:{escape(chart_cid, quote=True)}" width="{CHART_WIDTH_PX}" '
            f'alt="Share of talk time: {escape(alt, quote=True)}" '
            f'style="display:block;width:100%;max-width:{CHART_WIDTH_PX}px;height:auto;border:0;">'
        )
    parts.append(figure_table([(s.name, f"{round(s.share * 100)}%") for s in digest.shares]))
    if digest.balance:
        parts.append(f'<p style="margin:8px 0 0;">{escape(digest.balance)}</p>')
    return "\n".join(parts)


def _participation_text(digest: MeetingDigest) -> list[str]:
    lines = []
    for share in digest.shares:
        bar = "#" * round(share.share * 20)
        lines.append(f"{share.name}: {round(share.share * 100)}% {bar}")
    if digest.balance:
        lines.append(digest.balance)
    return lines


def figure_table(rows: Sequence[tuple[str, str]]) -> str:
    """Label and value per row: two columns that wrap, never wider than the screen."""
    if not rows:
        return ""
    cells = "".join(
        f'<tr><td style="padding:4px 8px 4px 0;border-bottom:1px solid {_LINE};">'
        f"{escape(label)}</td>"
        f'<td style="padding:4px 0;border-bottom:1px solid {_LINE};text-align:right;'
        f'white-space:nowrap;">{escape(value)}</td></tr>'
        for label, value in rows
    )
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        'style="width:100%;border-collapse:collapse;table-layout:auto;margin:8px 0 0;">'
        f"{cells}</table>"
    )


def _html_list(lines: Sequence[str], empty: str) -> str:
    if not lines:
        return f'<p style="color:{_MUTED};margin:0;">{escape(empty.capitalize())}.</p>'
    items = "".join(f'<li style="margin:0 0 6px;">{escape(line)}</li>' for line in lines)
    return f'<ul style="margin:0;padding:0 0 0 20px;">{items}</ul>'


def _feedback_html(feedback: PersonalFeedback) -> str:
    parts = [
        f'<p style="margin:0 0 8px;color:{_MUTED};font-size:13px;">Private: only your copy '
        "of this digest has this section.</p>",
        figure_table(feedback.figures),
    ]
    if feedback.engagement:
        parts.append('<h3 style="font-size:15px;margin:14px 0 4px;">Presence on video</h3>')
        parts.append(figure_table(feedback.engagement))
    if feedback.coaching:
        parts.append('<h3 style="font-size:15px;margin:14px 0 4px;">Coaching</h3>')
        items = "".join(
            f'<li style="margin:0 0 8px;">{escape(c.message)}<br>'
            f'<span style="color:{_MUTED};font-size:13px;">Benchmark: {escape(c.benchmark)}'
            "</span></li>"
            for c in feedback.coaching
        )
        parts.append(f'<ul style="margin:0;padding:0 0 0 20px;">{items}</ul>')
    else:
        parts.append('<p style="margin:12px 0 0;">No coaching tips this time: well done.</p>')
    return section(f"Your feedback, {feedback.name}", "\n".join(parts))


def _feedback_text(feedback: PersonalFeedback) -> str:
    lines = ["Private: only your copy of this digest has this section."]
    lines += [f"{label}: {value}" for label, value in feedback.figures]
    if feedback.engagement:
        lines.append("Presence on video:")
        lines += [f"  {label}: {value}" for label, value in feedback.engagement]
    if feedback.coaching:
        lines.append("Coaching:")
        lines += [f"- {c.message}\n  Benchmark: {c.benchmark}" for c in feedback.coaching]
    else:
        lines.append("No coaching tips this time: well done.")
    return text_section(f"Your feedback, {feedback.name}", lines)


def text_section(title: str, lines: Sequence[str]) -> str:
    body = "\n".join(lines) if lines else "(none)"
    return f"{title.upper()}\n{'-' * len(title)}\n{body}"
