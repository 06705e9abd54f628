"""Customer signals of a sales call: objections, competitors named, and next steps.

A call is a sales call when it has participants on both sides (``internal`` and ``external``);
other meetings get no signals. Objections are said by the customer side:

- **price**: "too expensive", "over budget", "more than we planned", "for dyrt", "prisstigningen";
- **timing**: "not a priority", "next quarter", "wouldn't sign before July", "ikke lige nu";
- **competitor**: the customer names a competitor ("we're also looking at Fireflies", "dyrere end
  RouteMaster"); a comparison on price gives a price objection too.

Competitors are the names in ``competitors`` (configuration) plus capitalised names right after
phrases such as "looking at", "talking to", "tried", "kigget på", "tilbud fra". Next steps are
the action items that move the deal (proposal, pilot, contract, demo, ...) and sentences that
say "next step".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.action_items import ActionItem
from assistant.intelligence.sentences import Sentence, sentences_of
from assistant.transcript import Transcript

__all__ = ["Competitor", "Objection", "Signals", "customer_signals", "is_sales_call"]


@dataclass(frozen=True, slots=True)
class Objection:
    topic: str
    """"price", "timing" or "competitor"."""
    quote: str
    speaker: str
    start: float
    """Start of the sentence (s from meeting start)."""
    competitor: str | None = None


@dataclass(frozen=True, slots=True)
class Competitor:
    name: str
    mentions: int
    first_quote: str
    first_start: float


@dataclass(frozen=True, slots=True)
class Signals:
    objections: tuple[Objection, ...]
    competitors: tuple[Competitor, ...]
    next_steps: tuple[str, ...]
    """Action item texts (and "next step" sentences) that move the deal forward."""


_PRICE = re.compile(
    r"\b(?:too expensive|(?:way|a bit|quite) expensive|price (?:increase|is (?:too )?high)"
    r"|pricey|over (?:our|the) budget|budget (?:was cut|is tight|for tools)|can't afford"
    r"|more than we (?:planned|budgeted)|had budgeted|cheaper|discount|cost too much"
    r"|for dyr[te]?|alt for dyre|prisstigning\w*|prisen er (?:for )?høj|over budget"
    r"|skåret i budgettet|har ikke budget|billigere|mest prisen|rabat|more expensive|costs? more"
    r"|dyrere|pris(?:en)? (?:er )?(?:\w+ )?højere|højere pris|koster mere)\b",
    re.IGNORECASE,
)
_PRICE_COMPARISON = re.compile(
    r"\b(?:dyrere|højere|koster mere|more expensive|pricier|costs? more|higher|billigere|cheaper"
    r"|lavere|lower|for dyrt|too expensive)\b.{0,40}?\b(?:end|than|hos|at|i forhold til"
    r"|compared to)\b",
    re.IGNORECASE,
)
"""Our price held against another vendor's: a price objection besides the competitor."""
_TIMING = re.compile(
    r"\b(?:not (?:the )?right time|not a priority|next quarter|next year|not until|too soon"
    r"|bad time|budget (?:for new tools )?opens|wouldn't sign before|not in a hurry|hold off"
    r"|wait until|fiscal year starts|ikke lige nu|næste kvartal|næste år|først efter"
    r"|dårligt tidspunkt|vente til|ikke før|efter sommerferien|udskyde|ingen hast)\b",
    re.IGNORECASE,
)
_COMPETITOR_CUE = re.compile(
    r"\b(?:looking at|looked at|talking to|evaluating|tried|using|went with|compared (?:to|with)"
    r"|switch(?:ing)? from"
    r"|offer from|quote from|kigget på|kigger (?:også )?på|snakker (?:også )?med|tilbud fra"
    r"|bruger|prøvede|skifte fra"
    # A comparison names the other vendor: "dyrere end RouteMaster", "cheaper than X".
    r"|(?:dyrere|billigere|bedre|højere|lavere|mere|cheaper|pricier|better|higher|lower|more)"
    r"(?:,? \w+)? (?:end|than)"
    r"(?: (?:den|det|the one|what) (?:vi|we) (?:får|har|get|pay) (?:hos|from|with|at))?"
    r"(?: (?:hos|at|with|from))?"
    r"|(?:får|fik|køber|har|betaler) (?:vi )?(?:\w+ )?(?:\w+ )?hos|get from|pay at"
    r"|i forhold til|sammenlignet med|versus|vs\.?)"
    r"\s+(?:also\s+|også\s+)?(?P<name>[A-Z][\w.&-]+(?:\s[A-Z][\w.&-]+)?)"
)
_NOT_COMPANIES = frozenset(
    {"I", "We", "The", "It", "Teams", "Zoom", "Excel", "Salesforce", "SharePoint", "Linux"}
    | {"Dynamics", "HubSpot", "Q1", "Q2", "Q3", "Q4", "Danish", "English", "Dansk", "Engelsk"}
)
"""Capitalised words after a cue that are tools or words, not competitors."""
_DEAL_WORDS = re.compile(
    r"\b(?:proposal|offer|quote|price|pricing|pilot|trial|contract|demo|order|agreement|approval"
    r"|business case|security|legal|procurement|tilbud|forslag|pilot|prøveperiode|kontrakt"
    r"|aftale|godkend\w*|demo\w*|pris\w*|options|invitation)\b",
    re.IGNORECASE,
)
_NEXT_STEP = re.compile(r"\b(?:next steps?|næste skridt)\b", re.IGNORECASE)


def is_sales_call(transcript: Transcript) -> bool:
    sides = {p.side for p in transcript.participants}
    return {"internal", "external"} <= sides


def customer_signals(
    transcript: Transcript,
    action_items: Sequence[ActionItem],
    *,
    competitors: Sequence[str] = (),
    sentences: Sequence[Sentence] | None = None,
) -> Signals | None:
    """The customer's objections, the competitors named and the next steps; None when the
    meeting is not a sales call."""
    if not is_sales_call(transcript):
        return None
    sentences = sentences if sentences is not None else sentences_of(transcript)
    external = {p.id for p in transcript.participants if p.side == "external"}
    own_names = {word for p in transcript.participants for word in p.name.split()}
    known = {name.lower(): name for name in competitors}
    for sentence in sentences:  # names found after a cue count wherever they are said
        for name in _competitors_in(sentence.text, known, own_names):
            known.setdefault(name.lower(), name)
    objections: list[Objection] = []
    mentions: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        named = _competitors_in(sentence.text, known, own_names)
        for name in named:
            mentions.setdefault(name, []).append(sentence)
        if sentence.speaker not in external:
            continue
        if named:
            objections.append(
                Objection("competitor", sentence.text, sentence.speaker, sentence.start, named[0])
            )
        if _PRICE.search(sentence.text) and (not named or _PRICE_COMPARISON.search(sentence.text)):
            # "Det er dyrere end RouteMaster": a price objection that also names a competitor.
            objections.append(Objection("price", sentence.text, sentence.speaker, sentence.start))
        elif not named and _TIMING.search(sentence.text):
            objections.append(Objection("timing", sentence.text, sentence.speaker, sentence.start))
    next_steps = [item.text for item in action_items if _DEAL_WORDS.search(item.text)]
    next_steps += [s.text for s in sentences if _NEXT_STEP.search(s.text)]
    return Signals(
        objections=tuple(objections),
        competitors=tuple(
            Competitor(name, len(said), said[0].text, said[0].start)
            for name, said in mentions.items()
        ),
        next_steps=tuple(dict.fromkeys(next_steps)),
    )


def _competitors_in(text: str, known: dict[str, str], own_names: set[str]) -> list[str]:
    found = [
        name
        for lowered, name in known.items()
        if re.search(rf"\b{re.escape(lowered)}\b", text, re.IGNORECASE)
    ]
    for match in _COMPETITOR_CUE.finditer(text):
        name = match["name"].rstrip(".,")
        first = name.split()[0]
        if (
            first not in _NOT_COMPANIES
            and first not in own_names
            and name.lower() not in {f.lower() for f in found}
        ):
            found.append(name)
    return found
