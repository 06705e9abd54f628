"""Action items found by rules, in English and Danish.

Four kinds of sentence make a task:

- **commitments** by the speaker: "I'll send the revised quote by Friday", "Jeg sender tilbuddet
  i morgen", "I morgen ringer jeg til dem";
- **group commitments**: "we'll set up a pilot", "lad os booke et møde": the owner is the
  speaker's team (``team:internal``, ``team:external``, or ``team`` when sides are unknown);
- **requests** to the person addressed: "Could you loop in legal before the 15th?", "Kan du
  tjekke prisen med Peter?": the owner is the participant named as addressee ("Maria, can
  you…", "…, Maria?"), else the only other participant, else the next different speaker;
- **assignments**: "Maria takes the demo", "Peter skal nok ringe til dem": the named
  participant.

The rules are small tables per language (`_EN`, `_DA`): cues that open a task, what may follow a
cue without making one (`non_actions`: "I'll be honest", "kan du høre mig"), hedges, conditions
and fillers. Not tasks: past work (no cue matches "I sent", "jeg har sendt"), hypotheticals and
hedges ("we could maybe", "jeg kan måske"), conditions ("if we get budget, I'll…"), questions
about facts ("can you tell me…", "kan du huske…"), jokes (laughter in the sentence or the reply),
work done on the spot ("let me share my screen", "I'll send it right now").

A sentence yields at most one item, from its first cue that opens a task. "I'll do that" takes
its task from the request or suggestion just before it; repeats of one task by one owner are
merged, keeping the most specific (a due date, then the longer text).

``confidence`` (0-1) is a score of how sure the rules are, not a calibrated probability: an
explicit "I'll" with a date and a named owner scores high, a Danish present tense without a
date or a "let's" lower.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal

from assistant.dates import resolve_due_date
from assistant.sentences import Sentence, sentences_of, words
from assistant.transcript import Participant, Transcript

__all__ = [
    "TEAM",
    "ActionItem",
    "extract_action_items",
    "owner_name",
    "resolve_due_date",
    "similar_tasks",
    "team_owner",
]

Kind = Literal["commitment", "group", "request", "assignment"]

TEAM = "team"
"""Owner of a group commitment when sides are unknown; ``team:internal`` / ``team:external``
when the speaker's side is known."""


@dataclass(frozen=True, slots=True)
class ActionItem:
    text: str
    """The task as a clean imperative, e.g. "Send the proposal"."""
    owner: str | None
    """Participant id of who should do it, a team (``team``, ``team:internal``,
    ``team:external``) for a group commitment, or None when it cannot be told."""
    due: dt.date | None
    """Deadline, when one was said and could be resolved to a date."""
    speaker: str
    """Participant id of who said it."""
    start: float
    """Start of the sentence (s from meeting start); the segment start when word times are
    missing."""
    quote: str
    """The sentence it was found in, as transcribed."""
    confidence: float = 1.0
    """How sure the rules are, 0-1 (a score, not a calibrated probability)."""
    language: str | None = None
    """Language of the sentence (ISO 639-1)."""


def team_owner(side: str | None) -> str:
    return f"{TEAM}:{side}" if side else TEAM


def owner_name(owner: str | None, names: dict[str, str], language: str | None = "en") -> str:
    """How to show an owner to people: a participant's name, the team, or "—"."""
    if owner is None:
        return "—"
    if owner.startswith(TEAM):
        danish = language == "da"
        if owner == f"{TEAM}:internal":
            return "vores team" if danish else "our team"
        if owner == f"{TEAM}:external":
            return "kunden" if danish else "the customer"
        return "teamet" if danish else "the team"
    return names.get(owner, owner)


# ---- rule tables --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: Kind
    pattern: re.Pattern[str]
    """Matches the cue; the task follows the match."""
    confidence: float
    verb_follows: bool = False
    """The task starts with a conjugated verb ("sender", "takes") to turn into an imperative."""


@dataclass(frozen=True, slots=True)
class _Rules:
    cues: tuple[_Cue, ...]
    non_actions: tuple[str, ...]
    request_non_actions: tuple[str, ...]
    hedges: re.Pattern[str]
    conditions: re.Pattern[str]
    habits: re.Pattern[str]
    leading_filler: re.Pattern[str]
    trailing_filler: re.Pattern[str]
    clause_break: re.Pattern[str]
    anaphora: re.Pattern[str]
    suggestion: re.Pattern[str]


def _cue(kind: Kind, phrase: str, confidence: float, *, verb_follows: bool = False) -> _Cue:
    # Whitespace after the phrase keeps "I can" from matching "I can't".
    tail = r"(?=\S)" if verb_follows else r"\s+"
    return _Cue(kind, re.compile(rf"\b{phrase}{tail}", re.IGNORECASE), confidence, verb_follows)


def _words_re(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


_EN_VERBS_3RD = (
    *("takes", "handles", "owns", "sends", "books", "calls", "prepares", "drafts", "checks"),
    *("runs", "leads", "covers", "updates", "schedules", "writes", "shares", "sets up"),
    *("reaches out", "follows up", "looks into", "sorts out", "organises", "organizes"),
    *("emails", "contacts", "sets", "gets", "does"),
)
_EN_VERBS_BASE = (
    *("take", "handle", "own", "send", "book", "call", "prepare", "draft", "check", "run"),
    *("lead", "cover", "update", "schedule", "write", "share", "set up", "reach out"),
    *("follow up", "look into", "sort out", "grab", "email", "contact", "loop in", "chase"),
)

_EN = _Rules(
    cues=(
        _cue("commitment", r"i(?:'ll| will| shall)", 0.85),
        _cue("commitment", r"i(?:'m| am) (?:going to|gonna)", 0.85),
        _cue("commitment", r"let me", 0.75),
        _cue("commitment", r"i can", 0.7),
        _cue("commitment", r"i(?:'m| am) on it,? (?:i'll)", 0.85),
        _cue("group", r"we(?:'ll| will| shall)", 0.7),
        _cue("group", r"we(?:'re| are) (?:going to|gonna)", 0.7),
        _cue("group", r"let's", 0.6),
        _cue("request", r"(?:can|could|would|will) you(?: please)?(?:,? \w+,)?", 0.8),
        _cue("request", r"(?:^|(?<=, ))please", 0.75),
        _cue("request", r"you(?:'ll| will)", 0.7),
        _cue("request", r"(?:i need|i'd like|i want) you to", 0.8),
        _cue("request", r"(?:make sure (?:to|you)|don't forget to|remember to)", 0.75),
        _cue("request", r"(?:^|(?<=, ))you (?=(?:" + "|".join(_EN_VERBS_BASE) + r")\b)", 0.75),
    ),
    non_actions=(
        # pleasantries and thinking aloud
        *("be", "tell you what", "say", "think", "see", "hear", "guess", "imagine", "admit"),
        *("bet", "wonder", "know", "understand", "believe", "like", "love", "mind", "repeat"),
        *("remind me", "tell me", "hope", "assume", "keep in mind", "keep that in mind"),
        # states and predictions, not tasks
        *("need", "want", "get there", "have to see", "probably", "definitely not"),
        *("receive", "notice", "enjoy", "appreciate", "go with", "tell you"),
        *("stick with", "go ahead with", "move forward with"),
        # done in the meeting itself
        *("give me a second", "give me a sec", "walk me through", "walk you through"),
        *("pull up", "note", "leave", "have to leave", "have to jump off", "have to drop off"),
        *("have to go", "have to run", "jump off", "drop off", "share my screen"),
        *("stop sharing", "get to", "get around to", "get round to", "cover", "talk about"),
        *("discuss", "come back to", "move on", "start", "begin", "get started", "kick off"),
        *("dive in", "jump in", "recap", "wrap up", "go through", "continue", "focus on"),
        *("explain", "clarify", "elaborate", "describe", "introduce", "take a look at this"),
        *("show you", "quickly show", "answer", "ask", "add to that", "put it this way"),
        *("hand over", "turn it over", "pass it", "do a quick round", "be quick", "be brief"),
        # "I'm going to the office": a place, not a task
        *("the", "a", "an", "my", "your", "our", "that", "this"),
        # negations
        *("not", "never", "no longer"),
    ),
    request_non_actions=(
        *("hear", "see", "repeat", "tell me", "tell us", "remind me", "walk me through"),
        *("walk us through", "explain", "clarify", "elaborate", "describe", "give me a"),
        *("give us a", "hold on", "hang on", "wait", "imagine", "believe", "say that again"),
        *("speak up", "mute", "unmute", "go back", "scroll", "zoom", "confirm that you"),
        *("remember", "recall", "like", "mind", "be", "need", "want", "get", "have", "receive"),
        *("find", "notice", "love", "know", "see my screen", "share your screen", "expand"),
        *("talk about", "speak to", "go over", "say", "think", "guess"),
    ),
    hedges=_words_re("maybe", "perhaps", "possibly", "might", "probably"),
    conditions=_words_re("if", "unless", "whether", "once we", "as soon as we", "when we get"),
    habits=_words_re("usually", "always", "normally", "typically", "every time", "often"),
    leading_filler=re.compile(
        r"^(?:(?:just|also|then|definitely|quickly|actually|please|go ahead and|maybe|"
        r"certainly|happily|gladly|make sure to|try to|try and|be sure to|have to|need to)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for me|for us|please|then|as well|too|when you (?:get a chance|can)"
        r"|if (?:you can|possible)|ok(?:ay)?|right|yeah|alright))+$",
        re.IGNORECASE,
    ),
    clause_break=re.compile(
        r",\s*(?:and then|and|so|because|but|since|if|unless|okay|ok|right|yeah|that way)\b"
        r"|;|\s+(?:so that|because|and then we|and we can|and then you)\s+|\s+-\s+|\s+–\s+",
        re.IGNORECASE,
    ),
    anaphora=re.compile(
        r"^(?:do|handle|take|take care of|sort|own|grab|look into|follow up on|action)"
        r" (?:that|it|this|so|those|them)(?: one)?$",
        re.IGNORECASE,
    ),
    suggestion=re.compile(
        r"\b(?:someone|somebody|we|you)(?: really| probably)? (?:should|need to|needs to|"
        r"ought to|have to|must)\s+",
        re.IGNORECASE,
    ),
)

_DA_PRESENT = (
    *("sender", "ringer", "skriver", "tjekker", "checker", "laver", "booker", "opdaterer"),
    *("undersøger", "følger", "tager", "sætter", "kigger", "mailer", "forbereder"),
    *("indkalder", "deler", "finder", "retter", "fikser", "arrangerer", "bestiller"),
    *("snakker", "taler", "kontakter", "beder", "giver", "inviterer", "opretter", "sørger"),
    *("udarbejder", "afklarer", "koordinerer", "planlægger", "reserverer", "samler"),
    *("justerer", "videresender", "uploader", "gennemgår", "melder", "vender", "spørger"),
    *("skaffer", "tilføjer", "lægger", "hiver", "booker", "tegner", "bygger", "køber"),
)
_DA_PRESENT_RE = "|".join(_DA_PRESENT)
_DA_FILLER = r"(?:lige |også |godt |bare |hurtigt |så |nok |gerne |selv |straks )*"

_DA = _Rules(
    cues=(
        _cue(
            "commitment",
            rf"jeg (?:skal nok|skal lige|skal|vil gerne|vil|kan godt|kan|"
            rf"må hellere|prøver at|sørger for at|tager mig af at)(?: {_DA_FILLER})?",
            0.85,
        ),
        _cue("commitment", rf"jeg {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.75, verb_follows=True),
        _cue(
            "commitment",
            rf"(?<!\bhvis )(?<!\bnår )(?=(?:{_DA_PRESENT_RE}) jeg\b)",
            0.75,
            verb_follows=True,
        ),
        _cue("commitment", r"lad mig(?: lige)?", 0.75),
        _cue(
            "group",
            rf"vi (?:skal nok|skal lige|skal|vil|kan godt|sørger for at)"
            rf"(?: {_DA_FILLER})?",
            0.65,
        ),
        _cue("group", rf"vi {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.65, verb_follows=True),
        _cue("group", r"lad os(?: lige)?", 0.6),
        _cue("request", rf"(?:kan|kunne|vil|gider) du(?: ikke)?(?: {_DA_FILLER})?", 0.8),
        _cue("request", r"(?:må jeg bede dig om at|jeg har brug for at du)", 0.8),
        _cue("request", rf"(?:husk|sørg for|sørg)(?: {_DA_FILLER})?(?: at)?", 0.75),
        _cue("request", rf"du (?:skal|må) {_DA_FILLER}", 0.7),
        _cue("request", rf"du {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.7, verb_follows=True),
    ),
    non_actions=(
        *("sige", "tro", "mene", "høre", "se", "være", "have", "ikke", "indrømme", "spørge"),
        *("vide", "forstå", "dele min skærm", "dele skærmen", "vise", "gå", "smutte"),
        *("gentage", "forklare", "starte", "begynde", "give ordet", "nå det", "komme videre"),
        *("gå videre", "snakke om", "tale om", "gå med", "køre med", "holde med", "lige sige"),
        *("håbe", "love", "lide", "prøve", "tage det", "tage den", "tage ordet", "opsummere"),
        *("runde af", "slutte", "afslutte", "hoppe", "kigge på det her", "præsentere"),
        *("bruge", "nævne", "tilføje at", "sige det sådan", "præcisere", "gå i gang"),
        *("det", "den", "de", "at", "en", "et", "selv"),
    ),
    request_non_actions=(
        *("høre", "se", "huske", "forklare", "gentage", "fortælle", "lide", "vente", "sige"),
        *("give mig et øjeblik", "dele din skærm", "dele skærmen", "uddybe", "beskrive"),
        *("gå tilbage", "tale højere", "slå lyden", "bekræfte at du", "tro", "forstå"),
        *("være", "have", "leve med", "acceptere", "mene", "følge med"),
    ),
    hedges=_words_re("måske", "eventuelt", "muligvis", "evt", "formentlig", "kunne"),
    conditions=_words_re("hvis", "medmindre", "såfremt", "når vi får"),
    habits=_words_re("normalt", "altid", "tit", "ofte", "plejer", "nogle gange", "hver"),
    leading_filler=re.compile(
        r"^(?:(?:lige|også|godt|bare|hurtigt|så|nok|gerne|selv|straks|at|prøve at)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for mig|for os|lige|også|så|ikke|tak|når du får tid|hvis du kan"
        r"|hvis det er muligt|okay|ok|ikke også|ikke sandt|ja))+$",
        re.IGNORECASE,
    ),
    clause_break=re.compile(
        r",\s*(?:og så|og|så|fordi|men|hvis|okay|ok|ikke|ja)\b|;|\s+(?:så vi|fordi|så de)\s+"
        r"|\s+-\s+|\s+–\s+",
        re.IGNORECASE,
    ),
    anaphora=re.compile(
        r"^(?:gør|klar|ordn|tag|sørg for|tag mig af|kig på|følg op på)(?:e)? "
        r"(?:det|den|dem|dét)(?: her)?$",
        re.IGNORECASE,
    ),
    suggestion=re.compile(
        r"\b(?:nogen|vi|du|man)(?: bør| skal| må| burde| skulle)(?: lige| også)?\s+",
        re.IGNORECASE,
    ),
)

_ACCEPTANCE = re.compile(
    r"^(?:(?:sure|yes|yeah|okay|ok|absolutely|of course|no problem|will do|on it|got it|"
    r"ja|jo|fint|selvfølgelig|klart|det gør jeg|den tager jeg|det tager jeg|"
    r"det sørger jeg for|det klarer jeg|det ordner jeg|i'm on it|i'll do (?:it|that))"
    r"[\s,.!]*)+$",
    re.IGNORECASE,
)
_DA_ANAPHORIC_ACCEPT = re.compile(
    r"^(?:ja,?\s*|jo,?\s*|okay,?\s*|fint,?\s*)?(?:det|den|dét) (?:tager|klarer|ordner|gør) jeg"
    r"|^(?:ja,?\s*)?det sørger jeg for",
    re.IGNORECASE,
)
_JOKE = re.compile(
    r"\bhaha|\(laughs?\)|\[laughter\]|\(laughter\)|\bjust kidding\b|\bkidding\b|\bjoking\b"
    r"|\blol\b|\beat my hat\b|\bfor sjov\b|\bpjat\b|\(griner\)|\bspøg\b",
    re.IGNORECASE,
)
_ON_THE_SPOT = re.compile(
    r"\b(?:right now|right away now|now|in the chat|lige nu|nu|i chatten|her i mødet)[.!?]*$",
    re.IGNORECASE,
)
_SENTENCE_PUNCTUATION = re.compile(r"[.?!,;:]")


# ---- extraction ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    transcript: Transcript
    sentences: Sequence[Sentence]
    names: str | None
    """Alternation of the participants' names (regex), or None when nobody has a name."""
    name_ids: dict[str, str]
    punctuated: bool


def extract_action_items(transcript: Transcript) -> tuple[ActionItem, ...]:
    """Action items said in the meeting, in order of time, duplicates merged."""
    sentences = sentences_of(transcript)
    context = _context(transcript, sentences)
    items: list[ActionItem] = []
    for index, sentence in enumerate(sentences):
        if _is_joke(sentences, index):
            continue
        item = _item(index, context)
        if item is None:
            continue
        if item.text == "":  # an acceptance: it confirms the request just made
            _confirm(items, item)
            continue
        items.append(item)
    return tuple(_merge_duplicates(items))


def _context(transcript: Transcript, sentences: Sequence[Sentence]) -> _Context:
    name_ids: dict[str, str] = {}
    for participant in transcript.participants:
        for name in _names_of(participant):
            name_ids.setdefault(name.lower(), participant.id)
    alternation = "|".join(re.escape(n) for n in sorted(name_ids, key=len, reverse=True))
    names = alternation or None
    punctuated = any(_SENTENCE_PUNCTUATION.search(s.text) for s in transcript.segments)
    return _Context(transcript, sentences, names, name_ids, punctuated)


def _names_of(participant: Participant) -> set[str]:
    name = participant.name.strip()
    if not name or name == participant.id and not name.isalpha():
        return set()
    return {name, name.split()[0]}


def _rules_for(language: str | None) -> tuple[_Rules, ...]:
    if language == "da":
        return (_DA,)
    if language == "en":
        return (_EN,)
    if language is None:
        return (_EN, _DA)
    return ()


def _item(index: int, context: _Context) -> ActionItem | None:
    sentence = context.sentences[index]
    text = sentence.text.replace("’", "'").strip()
    for rules in _rules_for(sentence.language):
        if rules is _DA and _DA_ANAPHORIC_ACCEPT.search(text):
            return _anaphoric(index, context, rules, 0.8)
        found = _assignment(text, context, rules) + _cues_in(text, rules)
        for kind, match, cue_confidence, verb_follows, named in sorted(
            found, key=lambda f: f[1].start()
        ):
            item = _from_cue(
                index, context, rules, kind, match, cue_confidence, verb_follows, named
            )
            if item is _STOP:
                return None
            if item is not None:
                return item
    return None


_STOP = ActionItem("", None, None, "", 0.0, "")
"""Marker: the sentence holds no task at all (e.g. a condition precedes the cue)."""


def _from_cue(
    index: int,
    context: _Context,
    rules: _Rules,
    kind: Kind,
    match: re.Match[str],
    confidence: float,
    verb_follows: bool,
    named: str | None,
) -> ActionItem | None:
    sentence = context.sentences[index]
    text = sentence.text.replace("’", "'").strip()
    before, task = text[: match.start()], text[match.end() :]
    if rules.conditions.search(before):
        return _STOP
    if rules.habits.search(text):
        return _STOP
    if kind in ("commitment", "group") and (
        rules.hedges.search(before) or rules.hedges.match(task)
    ):
        return None
    if re.match(r"try (?:to|and)\b|prøve at\b", task, re.IGNORECASE):
        confidence -= 0.15
    task = rules.leading_filler.sub("", task)
    if verb_follows:
        task = _imperative(task, rules)
    non_actions = rules.request_non_actions if kind == "request" else rules.non_actions
    if _starts_with(task, non_actions):
        return None
    if _ON_THE_SPOT.search(task):
        return None
    meeting_date = context.transcript.meeting.date
    due, rest = resolve_due_date(task, meeting_date)
    had_date = rest != task
    task = rest
    if not had_date:
        due, rest = resolve_due_date(before, meeting_date)
        had_date = rest != before.strip()
    cleaned = _clean(task, rules)
    if not cleaned:
        return None
    if rules.anaphora.match(cleaned) or _ACCEPTANCE.match(text):
        if kind == "commitment":
            return _anaphoric(index, context, rules, confidence, due)
        if kind != "request":
            return None
    owner, by_name = _owner(kind, named, text, index, context)
    if had_date:
        confidence += 0.1
    if by_name:
        confidence += 0.05
    if kind == "request" and not by_name and len(context.transcript.participants) > 2:
        confidence -= 0.1
    return ActionItem(
        text=cleaned,
        owner=owner,
        due=due,
        speaker=sentence.speaker,
        start=sentence.start,
        quote=sentence.text,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        language=sentence.language,
    )


def _cues_in(text: str, rules: _Rules) -> list[tuple[Kind, re.Match[str], float, bool, str | None]]:
    return [
        (cue.kind, m, cue.confidence, cue.verb_follows, None)
        for cue in rules.cues
        for m in cue.pattern.finditer(text)
    ]


def _assignment(
    text: str, context: _Context, rules: _Rules
) -> list[tuple[Kind, re.Match[str], float, bool, str | None]]:
    """ "Maria takes the demo", "Peter skal nok ringe": the named participant's task."""
    if context.names is None:
        return []
    found: list[tuple[Kind, re.Match[str], float, bool, str | None]] = []
    if rules is _EN:
        modal = r"(?:'ll|\s+will|\s+is going to|'s going to|\s+is gonna|\s+to|\s+can take)\s+"
        third = r"\s+(?=(?:" + "|".join(_EN_VERBS_3RD) + r")\b)"
    else:
        modal = rf",?\s+(?:skal nok|skal|vil|kan) (?!du\b|i\b|vi\b){_DA_FILLER}"
        third = rf",?\s+{_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)"
    opener = r"(?:^|(?<=[,;:]\s)|\b(?:so|and|then|okay|ok|så|og|okay så)\s+)"
    for tail, verb_follows in ((modal, False), (third, True)):
        pattern = re.compile(
            opener + r"(?P<name>" + context.names + r")" + tail, re.IGNORECASE
        )
        for m in pattern.finditer(text):
            pid = context.name_ids.get(m["name"].lower())
            if pid is not None:
                found.append(("assignment", m, 0.85, verb_follows, pid))
    return found


def _owner(
    kind: Kind, named: str | None, text: str, index: int, context: _Context
) -> tuple[str | None, bool]:
    """The owner and whether a name decided it."""
    sentence = context.sentences[index]
    if kind == "commitment":
        return sentence.speaker, False
    if kind == "assignment":
        return named, True
    if kind == "group":
        try:
            side = context.transcript.participant(sentence.speaker).side
        except KeyError:
            side = None
        return team_owner(side), False
    return _addressee(text, index, context)


def _addressee(text: str, index: int, context: _Context) -> tuple[str | None, bool]:
    """The participant addressed by name ("Maria, can you…", "…, Maria?"), else the only other
    participant, else the next different speaker, else None."""
    sentence = context.sentences[index]
    vocative = _vocative(text, context)
    if vocative is None and index > 0:
        previous = context.sentences[index - 1]
        if previous.segment == sentence.segment and len(words(previous.text)) <= 3:
            vocative = _vocative(previous.text, context)  # "Maria? Could you…"
    if vocative is not None and vocative != sentence.speaker:
        return vocative, True
    others = [p.id for p in context.transcript.participants if p.id != sentence.speaker]
    if len(others) == 1:
        return others[0], False
    segments = context.transcript.segments
    for segment in segments[sentence.segment + 1 :]:
        if segment.speaker != sentence.speaker:
            return segment.speaker, False
    return None, False


def _vocative(text: str, context: _Context) -> str | None:
    if context.names is None:
        return None
    names = context.names
    patterns = (
        rf"^(?:\w+,?\s+)?(?P<name>{names})\s*[,:?!]",
        rf",\s*(?P<name>{names})\s*[?.!]*$",
        rf"\b(?:you|du)\s*,\s*(?P<name>{names})\s*,",
    )
    if not context.punctuated:
        patterns = (
            rf"^(?P<name>{names})\s+(?:CAN|COULD|WOULD|WILL|KAN|VIL)\b",
            rf"(?P<name>{names})$",
        )
    for pattern in patterns:
        match = re.search(pattern, text.strip(), re.IGNORECASE)
        if match:
            return context.name_ids.get(match["name"].lower())
    return None


def _anaphoric(
    index: int,
    context: _Context,
    rules: _Rules,
    confidence: float,
    due: dt.date | None = None,
) -> ActionItem | None:
    """ "I'll do that": an acceptance of a request (returned with empty text, to confirm it), or
    the task of a suggestion just made ("someone should update the FAQ")."""
    sentence = context.sentences[index]
    for previous in reversed(context.sentences[max(0, index - 3) : index]):
        if sentence.start - previous.start > 60:
            break
        suggestion = rules.suggestion.search(previous.text.replace("’", "'"))
        if suggestion is not None:
            task = rules.leading_filler.sub("", previous.text[suggestion.end() :])
            found_due, task = resolve_due_date(task, context.transcript.meeting.date)
            cleaned = _clean(task, rules)
            if cleaned and not _starts_with(cleaned, rules.non_actions):
                return ActionItem(
                    text=cleaned,
                    owner=sentence.speaker,
                    due=due or found_due,
                    speaker=sentence.speaker,
                    start=sentence.start,
                    quote=sentence.text,
                    confidence=round(min(0.99, confidence), 2),
                    language=sentence.language,
                )
        if previous.speaker != sentence.speaker:
            break
    # An acceptance: extract_action_items confirms the latest request to this speaker.
    return ActionItem(
        "", sentence.speaker, due, sentence.speaker, sentence.start, sentence.text, confidence
    )


def _confirm(items: list[ActionItem], acceptance: ActionItem) -> None:
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if acceptance.start - item.start > 60:
            return
        if item.speaker != acceptance.speaker:
            owner = acceptance.owner if item.owner != acceptance.owner else item.owner
            items[i] = replace(
                item,
                owner=owner,
                due=item.due or acceptance.due,
                confidence=round(min(0.99, item.confidence + 0.1), 2),
            )
            return


def _is_joke(sentences: Sequence[Sentence], index: int) -> bool:
    sentence = sentences[index]
    if _JOKE.search(sentence.text):
        return True
    for reply in sentences[index + 1 : index + 3]:
        if reply.speaker != sentence.speaker and reply.start - sentence.start < 15:
            return bool(_JOKE.search(reply.text))
    return False


def _starts_with(task: str, phrases: Sequence[str]) -> bool:
    lowered = task.lower()
    return any(
        lowered == phrase
        or lowered.startswith(phrase + " ")
        or re.match(rf"{re.escape(phrase)}\b", lowered)
        for phrase in phrases
    )


_DA_IRREGULAR = {"går": "gå", "får": "få", "ser": "se", "gør": "gør", "står": "stå"}
_EN_IRREGULAR = {"does": "do", "has": "have", "is": "be", "goes": "go"}


def _imperative(task: str, rules: _Rules) -> str:
    """The task's first word, a conjugated verb, as an imperative: "sender" -> "send",
    "tjekker" -> "tjek", "takes" -> "take"."""
    task = re.sub(r"^(?:jeg|vi|du)\s+", "", task, flags=re.IGNORECASE)
    first, _, rest = task.partition(" ")
    lowered = first.lower()
    if rules is _DA:
        rest = re.sub(r"^(?:jeg|vi)\b\s*", "", rest, flags=re.IGNORECASE)
        verb = _DA_IRREGULAR.get(lowered) or _danish_stem(
            lowered[:-1] if lowered.endswith("r") else lowered
        )
    else:
        verb = _EN_IRREGULAR.get(lowered, "")
        if not verb:
            if lowered.endswith(("ches", "shes", "sses", "xes")):
                verb = lowered[:-2]
            elif lowered.endswith("s"):
                verb = lowered[:-1]
            else:
                verb = lowered
    if first.isupper() and len(first) > 1:
        verb = verb.upper()
    return f"{verb} {rest}".strip()


def _danish_stem(infinitive: str) -> str:
    """Danish infinitive to imperative: drop the final -e and a doubled consonant."""
    if len(infinitive) > 3 and infinitive.endswith("e"):
        stem = infinitive[:-1]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
            stem = stem[:-1]
        return stem
    return infinitive


def _clean(task: str, rules: _Rules) -> str:
    clause = rules.clause_break.search(task)
    if clause:
        task = task[: clause.start()]
    task = task.strip().rstrip(".?!,;:").strip()
    task = rules.trailing_filler.sub("", task).strip().rstrip(",")
    task = re.sub(r"\s{2,}", " ", task)
    if rules is _DA and task[:1].islower():
        first, _, rest = task.partition(" ")
        # A Danish infinitive after a modal ("sende tilbuddet") reads as an order: "Send …".
        task = f"{_danish_stem(first)} {rest}".strip()
    return task[:1].upper() + task[1:]


# ---- duplicates ---------------------------------------------------------------------------

_STOPWORDS = frozenset(
    {
        *("the", "a", "an", "to", "of", "for", "with", "on", "in", "and", "it", "that", "this"),
        *("you", "your", "our", "us", "me", "them", "over", "out", "up", "some", "all", "new"),
        *("den", "det", "de", "en", "et", "til", "med", "på", "i", "og", "dig", "os", "jer"),
        *("mig", "dem", "lige", "over", "ud", "op", "nogle", "alle", "ny", "nye", "om"),
    }
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in words(text) if w not in _STOPWORDS}


def similar_tasks(a: str, b: str) -> bool:
    """Two task texts that name the same work ("Send the proposal" / "Send the pricing
    proposal"); compares word stems, so word order and small additions do not matter."""
    if SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8:
        return True
    first, second = _stems(a), _stems(b)
    if not first or not second:
        return False
    shared = len(first & second)
    return shared >= 2 and shared >= 0.6 * min(len(first), len(second))


def _merge_duplicates(items: list[ActionItem]) -> list[ActionItem]:
    """One item per owner and task: the most specific (a due date, then the longer text) is
    kept, with the highest confidence of the group."""
    kept: list[ActionItem] = []
    for item in items:
        for i, other in enumerate(kept):
            if other.owner == item.owner and similar_tasks(other.text, item.text):
                better = item if _specificity(item) > _specificity(other) else other
                kept[i] = replace(
                    better,
                    due=better.due or other.due or item.due,
                    confidence=max(item.confidence, other.confidence),
                )
                break
        else:
            kept.append(item)
    return sorted(kept, key=lambda item: item.start)


def _specificity(item: ActionItem) -> tuple[bool, int]:
    return (item.due is not None, len(item.text))
