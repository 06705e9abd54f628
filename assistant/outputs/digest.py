"""The one-page meeting digest: a self-contained HTML page rendered from report.json.

The page has inline CSS and inline SVG only (no scripts, fonts or links to fetch), so it opens
offline, can be mailed as one file and prints on one or two pages. Every piece of report text
is HTML-escaped. ``summary_rows`` gives the terminal table the same figures, formatted the same.

Scales assumed from the report: shares are fractions in [0, 1]; the balance score is in [0, 1]
(1 = everyone spoke equally); an engagement ``score`` is 0-100 (``assistant.analytics.engagement``)
and is shown whole, next to the parts people can act on: camera on, facing the camera, gestures
while speaking. A participant whose ``engagement`` is null (no video) shows dashes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from assistant.intelligence.action_items import owner_name
from assistant.intelligence.coaching import (
    FILLERS_PER_100_MAX,
    TALK_SHARE_BENCHMARK,
    TALK_SHARE_WARNING,
    WORDS_PER_MINUTE_BAND,
)
from assistant.intelligence.dates import iso_date
from assistant.outputs.formatting import (
    MISSING,
    ONE_SPEAKER,
    as_list,
    as_mapping,
    as_number,
    as_text,
    format_clock,
    format_number,
    format_percent,
    read_balance,
)

__all__ = [
    "ENGAGEMENT_HEADERS",
    "FILLERS_PER_100_MAX",
    "NO_SPEECH",
    "ONE_SPEAKER",
    "SUMMARY_HEADERS",
    "TALK_SHARE_BENCHMARK",
    "TALK_SHARE_WARNING",
    "WORDS_PER_MINUTE_BAND",
    "engagement_rows",
    "render_digest_html",
    "summary_rows",
]

NO_SPEECH = "No speech was found in this recording."

SUMMARY_HEADERS = (
    "Name",
    "Talk time",
    "Share",
    "Turns",
    "Words/min",
    "Questions",
    "Fillers/100",
    "Interruptions",
)
"""Column titles of ``summary_rows``."""

ENGAGEMENT_HEADERS = ("Name", "Engagement", "Camera on", "Facing camera", "Gestures/min speaking")
"""Column titles of ``engagement_rows``."""

_LANGUAGES = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


def summary_rows(report: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """Per-person rows for the terminal table (``SUMMARY_HEADERS`` order), biggest talker first."""
    return [
        (
            _name(person),
            _clock(person.get("talk_time_s")),
            format_percent(as_number(person.get("talk_share"))),
            format_number(as_number(person.get("turns"))),
            format_number(as_number(person.get("words_per_minute"))),
            format_number(as_number(person.get("questions_asked"))),
            format_number(as_number(person.get("filler_words_per_100")), 1),
            format_number(as_number(person.get("interruptions_made"))),
        )
        for person in _speakers(report)
    ]


def engagement_rows(report: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """Per-person engagement rows (``ENGAGEMENT_HEADERS`` order, ``summary_rows`` order); []
    when nobody has video, so callers can leave the table out."""
    people = [p for p in _people(report) if _spoke(p) or _engagement(p) is not None]
    if all(_engagement(p) is None for p in people):
        return []
    rows: list[tuple[str, ...]] = []
    for person in people:
        e = _engagement(person) or {}
        rows.append(
            (
                _name(person),
                format_number(as_number(e.get("score"))),
                format_percent(as_number(e.get("camera_on_share"))),
                format_percent(as_number(e.get("facing_camera_share"))),
                format_number(as_number(e.get("gesture_rate_per_min_speaking")), 1),
            )
        )
    return rows


def render_digest_html(report: Mapping[str, Any]) -> str:
    """The digest page for a report.json dict (see the module docstring for the scales)."""
    meeting = as_mapping(report.get("meeting"))
    title = as_text(meeting.get("title")) or "Meeting"
    people = _people(report)
    names = {str(p.get("id")): _name(p) for p in people}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}: meeting digest</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        _header(title, meeting),
        _warnings(report),
        _participation(report, _speakers(report), names),
        _sides(report),
        _action_items(report, names),
        _outcomes(report, names),
        _follow_up(report, names),
        _figures(_speakers(report)),
        _presence(report),
        _coaching(report, names),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


# ---- sections ----------------------------------------------------------------------------


def _warnings(report: Mapping[str, Any]) -> str:
    """What to check before trusting the names and sides: above everything else."""
    notes = [as_text(note) for note in as_list(report.get("warnings"))]
    items = "".join(f"<li>{escape(note)}</li>" for note in notes if note)
    if not items:
        return ""
    return f'<section class="warning">\n<p>Check:</p>\n<ul>{items}</ul>\n</section>'


def _header(title: str, meeting: Mapping[str, Any]) -> str:
    facts = []
    date = as_text(meeting.get("date"))
    if date:
        facts.append(_long_date(date))
    duration = as_number(meeting.get("duration_s"))
    if duration is not None:
        facts.append(f"{format_clock(duration)} long")
    language = as_text(meeting.get("language"))
    if language:
        facts.append(_LANGUAGES.get(language.lower(), language))
    meta = f'<p class="meta">{" · ".join(escape(fact) for fact in facts)}</p>' if facts else ""
    return f"<header>\n<h1>{escape(title)}</h1>\n{meta}\n</header>"


def _participation(
    report: Mapping[str, Any], people: list[Mapping[str, Any]], names: Mapping[str, str]
) -> str:
    lines = ["<section>", "<h2>Participation</h2>"]
    if not people:
        lines += [f"<p>{escape(NO_SPEECH)}</p>", "</section>"]
        return "\n".join(lines)
    lines.append(_share_chart(people))
    if any(as_text(p.get("side")) in {"internal", "external"} for p in people):
        lines.append(
            '<p class="legend"><span class="swatch internal"></span>our side '
            '<span class="swatch external"></span>customer side '
            '<span class="swatch unknown"></span>side unknown</p>'
        )
    lines.append(_balance_reading(as_mapping(report.get("balance")), people, names))
    lines.append("</section>")
    return "\n".join(lines)


def _share_chart(people: list[Mapping[str, Any]]) -> str:
    """One row per person: the name, a bar and the percentage, as HTML text around an SVG bar.

    The SVG holds shapes only and stretches with the page (``preserveAspectRatio="none"``), so
    the text keeps its size on a phone instead of shrinking with a scaled drawing, and the
    percentages sit in their own column where the equal-share line cannot cross them."""
    shares = [as_number(p.get("talk_share")) or 0.0 for p in people]
    equal = 1 / len(people)
    # The biggest talker's bar spans the track; percentages are printed, so nothing is hidden.
    scale = 100 / max(*shares, equal, 0.01)
    rows = []
    for person, share in zip(people, shares, strict=True):
        name = _name(person)
        percent = format_percent(as_number(person.get("talk_share")))
        line = ""
        if len(people) > 1:
            x = equal * scale
            line = (
                f'<line class="equal" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="10" '
                'vector-effect="non-scaling-stroke"/>'
            )
        rows.append(
            f'<li><span class="who">{escape(name)}</span>'
            f'<svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" '
            f'aria-hidden="true" focusable="false">'
            f'<rect class="bar {_side_class(person)}" x="0" y="1" '
            f'width="{max(share * scale, 0.5):.1f}" height="8"/>{line}</svg>'
            f'<span class="value">{escape(percent)}</span></li>'
        )
    key = ""
    if len(people) > 1:
        key = (
            '<p class="key"><span class="dash" aria-hidden="true"></span>'
            f"equal share {escape(format_percent(equal))}</p>"
        )
    return (
        '<figure class="chart shares" aria-label="Share of talk time per person">'
        f'{key}<ul class="rows">{"".join(rows)}</ul></figure>'
    )


def _balance_reading(
    balance: Mapping[str, Any], people: list[Mapping[str, Any]], names: Mapping[str, str]
) -> str:
    reading = read_balance(balance, people, names)
    sentences = [escape(sentence) for sentence in reading.sentences()]
    if reading.score is not None:
        sentences[0] = (
            f"<strong>Balance {escape(format_number(reading.score, 2))}</strong> "
            f'<span class="muted">(0 = one person spoke, 1 = everyone equally)</span>: '
            f"{escape(reading.verdict or '')}."
        )
    return f'<p class="reading">{" ".join(sentences)}</p>' if sentences else ""


def _sides(report: Mapping[str, Any]) -> str:
    sides = report.get("sides")
    if not isinstance(sides, Mapping):
        return ""
    ours = as_number(sides.get("internal_share"))
    theirs = as_number(sides.get("external_share"))
    if ours is None:
        return ""
    theirs_text = format_percent(theirs) if theirs is not None else MISSING
    ours_w = min(max(ours, 0.0), 1.0) * 100
    theirs_w = min(max(theirs or 0.0, 0.0), 1.0 - min(max(ours, 0.0), 1.0)) * 100
    mark = TALK_SHARE_BENCHMARK * 100
    chart = (
        '<figure class="chart sides" aria-label="Talk share of our side against the benchmark">'
        '<p class="key"><span class="dash" aria-hidden="true"></span>'
        f"benchmark {escape(format_percent(TALK_SHARE_BENCHMARK))}</p>"
        '<ul class="rows"><li><span class="who">Talk share</span>'
        '<svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><rect class="rail" x="0" y="1" width="100" height="8"/>'
        f'<rect class="bar internal" x="0" y="1" width="{ours_w:.1f}" height="8"/>'
        f'<rect class="bar external" x="{ours_w:.1f}" y="1" width="{theirs_w:.1f}" height="8"/>'
        f'<line class="benchmark" x1="{mark:.1f}" y1="0" x2="{mark:.1f}" y2="10" '
        'vector-effect="non-scaling-stroke"/></svg>'
        f'<span class="value">{escape(format_percent(ours))}</span></li></ul></figure>'
    )
    lines = [
        "<section>",
        "<h2>Our side and the customer</h2>",
        chart,
        f"<p>Our side talked <strong>{escape(format_percent(ours))}</strong> of the time, "
        f"the customer side {escape(theirs_text)}. In successful sales calls the seller "
        f"talks about {escape(format_percent(TALK_SHARE_BENCHMARK))} and listens about "
        f"{escape(format_percent(1 - TALK_SHARE_BENCHMARK))}.</p>",
    ]
    if ours > TALK_SHARE_WARNING:
        lines.append(
            f'<p class="warning"><strong>Warning:</strong> our side talked more than '
            f"{escape(format_percent(TALK_SHARE_WARNING))} of the time. Ask more questions and "
            "leave room for the customer to speak.</p>"
        )
    lines.append("</section>")
    return "\n".join(lines)


def _action_items(report: Mapping[str, Any], names: Mapping[str, str]) -> str:
    items = [as_mapping(item) for item in as_list(report.get("action_items"))]
    lines = ["<section>", "<h2>Action items</h2>"]
    if not items:
        lines += ["<p>No action items were found.</p>", "</section>"]
        return "\n".join(lines)
    lines.append(
        '<table class="stack">\n<thead><tr><th>What</th><th>Owner</th><th>Due</th>'
        "<th>Said at</th></tr></thead>"
    )
    lines.append("<tbody>")
    for item in items:
        text = as_text(item.get("text")) or MISSING
        quote = as_text(item.get("quote"))
        what = escape(text)
        if quote and quote.strip() != text.strip():
            what += f'<br><q class="muted">{escape(quote)}</q>'
        start = as_number(item.get("start"))
        speaker = as_text(item.get("speaker"))
        said = format_clock(start) if start is not None else MISSING
        if speaker:
            said += f" by {names.get(speaker, speaker)}"
        lines.append(
            f'<tr><td data-label="What">{what}</td>{_owner_and_due(item, names)}'
            f'<td class="nowrap" data-label="Said at">{escape(said)}</td></tr>'
        )
    lines += ["</tbody>", "</table>", "</section>"]
    return "\n".join(lines)


def _owner_and_due(item: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The Owner and Due cells of an action-item or follow-up row."""
    owner = as_text(item.get("owner"))
    return (
        f'<td data-label="Owner">{escape(owner_name(owner, dict(names)) if owner else MISSING)}'
        "</td>"
        f'<td class="nowrap" data-label="Due">{escape(_short_date(as_text(item.get("due"))))}</td>'
    )


def _outcomes(report: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Decisions, open questions and the next meeting (issue #5); nothing when none."""
    decisions = [as_mapping(d) for d in as_list(report.get("decisions"))]
    questions = [as_mapping(q) for q in as_list(report.get("questions"))]
    next_meeting = as_mapping(report.get("next_meeting"))
    if not decisions and not questions and not next_meeting:
        return ""
    lines = ["<section>", "<h2>Decisions and open questions</h2>"]
    if decisions:
        lines.append("<h3>Decided</h3>\n<ul>")
        lines += [f"<li>{escape(as_text(d.get('text')) or MISSING)}</li>" for d in decisions]
        lines.append("</ul>")
    if questions:
        lines.append("<h3>Still open</h3>\n<ul>")
        for q in questions:
            who = names.get(str(q.get("speaker")), str(q.get("speaker")))
            reason = "put off" if q.get("reason") == "deferred" else "not answered"
            lines.append(
                f"<li>{escape(as_text(q.get('text')) or MISSING)} "
                f'<span class="muted">({escape(who)}; {reason})</span></li>'
            )
        lines.append("</ul>")
    if next_meeting:
        date = as_text(next_meeting.get("date"))
        when = _long_date(date) if date else "date not set"
        lines.append(f"<p><strong>Next meeting:</strong> {escape(when)}</p>")
    lines.append("</section>")
    return "\n".join(lines)


def _follow_up(report: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Items carried over from earlier meetings, with their status."""
    items = [as_mapping(i) for i in as_list(report.get("follow_up"))]
    if not items:
        return ""
    lines = [
        "<section>",
        "<h2>Follow-up from earlier meetings</h2>",
        '<table class="stack">\n<thead><tr><th>What</th><th>Owner</th><th>Due</th><th>Status</th>'
        "<th>From</th></tr></thead>",
        "<tbody>",
    ]
    for item in items:
        status = as_text(item.get("status")) or MISSING
        flag = ' class="flag"' if status == "overdue" else ""
        origin = as_text(item.get("origin_title")) or MISSING
        lines.append(
            f'<tr><td data-label="What">{escape(as_text(item.get("text")) or MISSING)}</td>'
            f"{_owner_and_due(item, names)}"
            f'<td{flag} data-label="Status">{escape(status)}</td>'
            f'<td data-label="From">{escape(origin)}</td></tr>'
        )
    lines += ["</tbody>", "</table>", "</section>"]
    return "\n".join(lines)


def _coaching(report: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Private coaching, one block per person: each reads only their own block."""
    people = [
        as_mapping(c)
        for c in as_list(report.get("coaching"))
        if as_list(as_mapping(c).get("items"))
    ]
    if not people:
        return ""
    lines = [
        '<section class="coaching">',
        "<h2>Coaching (private: for each person only)</h2>",
    ]
    for person in people:
        pid = str(person.get("participant"))
        lines.append(f'<div class="coach"><h3>For {escape(names.get(pid, pid))} only</h3>\n<ul>')
        for item in as_list(person.get("items")):
            entry = as_mapping(item)
            benchmark = as_text(entry.get("benchmark")) or MISSING
            lines.append(
                f"<li>{escape(as_text(entry.get('message')) or MISSING)} "
                f'<span class="muted">(benchmark: {escape(benchmark)})'
                "</span></li>"
            )
        lines.append("</ul></div>")
    lines.append("</section>")
    return "\n".join(lines)


def _figures(people: list[Mapping[str, Any]]) -> str:
    if not people:
        return ""
    headers = [
        "Name",
        "Talk time",
        "Share",
        "Turns",
        "Longest monologue",
        "Words/min",
        "Questions",
        "Fillers/100",
        "Interruptions",
    ]
    low, high = WORDS_PER_MINUTE_BAND
    lines = [
        "<section>",
        "<h2>Per person</h2>",
        '<table class="stack figures">',
        _numeric_head(headers),
        "<tbody>",
    ]
    for person in people:
        wpm = as_number(person.get("words_per_minute"))
        wpm_flag = "slow" if wpm is not None and wpm < low else ""
        wpm_flag = "fast" if wpm is not None and wpm > high else wpm_flag
        fillers = as_number(person.get("filler_words_per_100"))
        fillers_flag = "high" if fillers is not None and fillers >= FILLERS_PER_100_MAX else ""
        cells = [
            f'<td class="name"><span class="swatch {_side_class(person)}"></span>'
            f"{escape(_name(person))}</td>",
            _cell(_clock(person.get("talk_time_s"))),
            _cell(format_percent(as_number(person.get("talk_share")))),
            _cell(format_number(as_number(person.get("turns")))),
            _cell(_clock(person.get("longest_monologue_s"))),
            _cell(format_number(wpm), wpm_flag),
            _cell(format_number(as_number(person.get("questions_asked")))),
            _cell(format_number(fillers, 1), fillers_flag),
            _cell(format_number(as_number(person.get("interruptions_made")))),
        ]
        cells[1:] = [
            cell.replace("<td ", f'<td data-label="{escape(header)}" ', 1)
            for cell, header in zip(cells[1:], headers[1:], strict=True)
        ]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines += [
        "</tbody>",
        "</table>",
        f'<p class="note">A comfortable pace is {low:.0f}–{high:.0f} words per minute; '
        f"fewer than {FILLERS_PER_100_MAX:.0f} filler words per 100 words sounds fluent. "
        "Figures outside these ranges are marked.</p>",
        "</section>",
    ]
    return "\n".join(lines)


def _presence(report: Mapping[str, Any]) -> str:
    rows = engagement_rows(report)
    if not rows:
        return ""
    lines = [
        "<section>",
        "<h2>Presence on video</h2>",
        '<table class="stack figures">',
        _numeric_head(ENGAGEMENT_HEADERS),
        "<tbody>",
    ]
    for name, *figures in rows:
        cells = "".join(
            _cell(figure).replace("<td ", f'<td data-label="{escape(header)}" ', 1)
            for figure, header in zip(figures, ENGAGEMENT_HEADERS[1:], strict=True)
        )
        lines.append(f'<tr><td class="name">{escape(name)}</td>{cells}</tr>')
    lines += [
        "</tbody>",
        "</table>",
        '<p class="note">Engagement is 0–100 from the video: camera on, face visible and facing '
        "the camera, expressiveness, gestures while speaking, nods while listening, movement "
        "and posture. Camera on is a share of the video; facing the camera a share of the "
        "time the face was visible. — means no video of that person.</p>",
        "</section>",
    ]
    return "\n".join(lines)


def _numeric_head(headers: Sequence[str]) -> str:
    """A table head: the first column is the name, the others are right-aligned figures."""
    return (
        f"<thead><tr><th>{escape(headers[0])}</th>"
        + "".join(f'<th class="num">{escape(h)}</th>' for h in headers[1:])
        + "</tr></thead>"
    )


def _cell(text: str, flag: str = "") -> str:
    if flag:
        return f'<td class="num flag">{escape(text)} <span class="tag">{escape(flag)}</span></td>'
    return f'<td class="num">{escape(text)}</td>'


# ---- reading the report defensively: a missing or odd figure shows as a dash ---------------


def _spoke(person: Mapping[str, Any]) -> bool:
    talk = as_number(person.get("talk_time_s"))
    return talk is None or talk > 0


def _speakers(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The people who spoke: someone with 0 s of talk (an older report, or someone seen on video
    only) gets no bar, no figures row and no balance reading."""
    return [p for p in _people(report) if _spoke(p)]


def _people(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    people = [as_mapping(p) for p in as_list(report.get("participants"))]
    return sorted(people, key=lambda p: -(as_number(p.get("talk_share")) or 0.0))


def _engagement(person: Mapping[str, Any]) -> Mapping[str, Any] | None:
    engagement = person.get("engagement")
    return engagement if isinstance(engagement, Mapping) else None


def _name(person: Mapping[str, Any]) -> str:
    return as_text(person.get("name")) or as_text(person.get("id")) or "Unknown"


def _side_class(person: Mapping[str, Any]) -> str:
    side = as_text(person.get("side"))
    return side if side in {"internal", "external"} else "unknown"


def _clock(value: object) -> str:
    seconds = as_number(value)
    return format_clock(seconds) if seconds is not None else MISSING


def _short_date(value: str | None) -> str:
    return MISSING if value is None else _date(value, "%a", "%b %Y")


def _long_date(value: str) -> str:
    return _date(value, "%A", "%B %Y")


def _date(value: str, weekday: str, month_year: str) -> str:
    """A YYYY-MM-DD date as "<weekday> <day> <month year>"; anything else as it is."""
    date = iso_date(value)
    if date is None:
        return value
    return f"{date.strftime(weekday)} {date.day} {date.strftime(month_year)}"


_CSS = """
:root { --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --internal: #2f6fb3;
  --external: #d9822b; --unknown: #8a8f98; --flag: #fff1c2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  overflow-wrap: anywhere; }
main { max-width: 880px; margin: 0 auto; padding: 28px 24px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
.meta, .muted, .note, .legend, .key { color: var(--muted); }
.meta { margin: 0; }
.note, .legend, .key { font-size: 13px; }
figure.chart { margin: 0 0 8px; }
.chart .rows { list-style: none; margin: 0; padding: 0; }
.chart .rows li { display: grid; grid-template-columns: minmax(5em, 12em) minmax(60px, 1fr) 3.5em;
  gap: 10px; align-items: center; min-height: 26px; font-size: 14px; }
.chart .who { text-align: right; }
.chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
.chart .key { margin: 0 0 4px; }
.chart svg.track { display: block; width: 100%; height: 20px; overflow: visible; }
.dash { display: inline-block; width: 0; height: 12px; margin-right: 6px;
  border-left: 2px dashed var(--ink); vertical-align: middle; }
.bar.internal, .swatch.internal { fill: var(--internal); background: var(--internal); }
.bar.external, .swatch.external { fill: var(--external); background: var(--external); }
.bar.unknown, .swatch.unknown { fill: var(--unknown); background: var(--unknown); }
.rail { fill: #eef0f3; }
.equal, .benchmark { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 4 3; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin: 0 5px 0 10px; vertical-align: baseline; }
td .swatch { margin-left: 0; }
.legend .swatch:first-child { margin-left: 0; }
.warning { background: #fde8e6; border-left: 4px solid #c0392b; padding: 8px 12px; }
.warning p, .warning ul { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: .02em; color: var(--muted);
     vertical-align: bottom; }
th.num { white-space: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.flag { background: var(--flag); }
.tag { font-size: 11px; text-transform: uppercase; color: #7a5a00; }
q { font-style: italic; font-size: 13px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
.coach { border-left: 3px solid var(--line); padding-left: 12px; margin-bottom: 12px; }
/* A phone: each table row becomes a block whose cells carry their column's name, so no
   column is pushed off screen; figures sit two to a line. */
@media (max-width: 640px) {
  main { padding: 18px 14px 28px; }
  h1 { font-size: 22px; }
  .chart .rows li { grid-template-columns: minmax(4em, 8em) minmax(60px, 1fr) 3em; gap: 8px; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  table.stack, table.stack tbody, table.stack tr { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.stack td { display: block; border: 0; padding: 2px 0; text-align: left;
    white-space: normal; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted);
    font-size: 12px; }
  table.figures tr { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12px; }
  table.figures td.name { grid-column: 1 / -1; font-weight: 600; }
}
@media print {
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, figure, .coach, .warning { break-inside: avoid; page-break-inside: avoid; }
}
@page { margin: 14mm; }
"""
