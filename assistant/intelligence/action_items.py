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

from assistant.intelligence.dates import find_date, resolve_due_date
from assistant.intelligence.sentences import Sentence, sentences_of, words
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
        *(
            "discuss",
            "come back to that",
            "come back to it",
            "come back to this",
            "move on",
            "start",
            "begin",
            "get started",
            "kick off",
        ),
        *("dive in", "jump in", "recap", "wrap up", "go through", "continue", "focus on"),
        *("explain", "clarify", "elaborate", "describe", "introduce", "take a look at this"),
        *("show you", "quickly show", "answer", "ask you", "ask a", "ask about", "add to that"),
        *("put it this way", "help with that", "help with it", "help you with that"),
        *("hand over", "turn it over", "pass it", "do a quick round", "be quick", "be brief"),
        # "I'm going to the office": a place, not a task
        *("the", "a", "an", "my", "your", "our", "that", "this"),
        # negations
        *("not", "never", "no longer"),
    ),
    request_non_actions=(
        *("hear", "see", "repeat", "tell me", "tell us", "remind me", "walk me through"),
        *("walk us through", "note", "explain", "clarify", "elaborate", "describe", "give me a"),
        *("give us a", "hold on", "hang on", "wait", "imagine", "believe", "say that again"),
        *("speak up", "mute", "unmute", "go back", "scroll", "zoom", "confirm that you"),
        *("remember", "recall", "like", "mind", "be", "need", "want", "get", "have", "receive"),
        *("find", "notice", "love", "know", "see my screen", "share your screen", "expand"),
        *("talk about", "speak to", "go over", "say", "think", "guess", "start", "begin"),
        *("go first", "kick off", "go ahead", "introduce yourself", "hear me"),
    ),
    hedges=_words_re("maybe", "perhaps", "possibly", "might", "probably", "suppose"),
    conditions=_words_re("if", "unless", "whether", "once we", "as soon as we", "when we get"),
    habits=_words_re("usually", "always", "normally", "typically", "every time", "often"),
    leading_filler=re.compile(
        r"^(?:(?:just|also|then|definitely|quickly|actually|please|go ahead and|maybe|"
        r"certainly|happily|gladly|make sure to|try to|try and|be sure to|have to|need to|"
        r"i'll|we'll|i will|we will)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for me|for us|for you|please|then|as well|too|when you (?:get a chance|can)"
        r"|if (?:you can|possible)|ok(?:ay)?|right|yeah|alright|um|uh|erm|er))+$",
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
_DA_FILLER = (
    r"(?:lige |også |godt |bare |hurtigt |så |nok |gerne |selv |straks |sagtens |virkelig "
    r"|selvfølgelig )*"
)

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
        *("sige", "tro", "mene", "høre", "se", "være", "have", "ikke", "indrømme", "spørge om"),
        *("spørge jer", "spørge dig", "spørge ind"),
        *("vide", "forstå", "dele min skærm", "dele skærmen", "vise", "gå", "smutte"),
        *("gentage", "forklare", "starte", "begynde", "give ordet", "nå det", "komme videre"),
        *("gå videre", "snakke om", "tale om", "gå med", "køre med", "holde med", "lige sige"),
        *("håbe", "love", "lide", "prøve", "tage det", "tage den", "tage ordet", "opsummere"),
        *("runde af", "slutte", "afslutte", "hoppe", "kigge på det her", "præsentere"),
        *("bruge", "nævne", "tilføje at", "sige det sådan", "præcisere", "gå i gang"),
        *("det", "den", "de", "at", "en", "et", "selv"),
    ),
    request_non_actions=(
        *("høre", "se min", "se skærmen", "se det", "se mig", "se hvad", "huske", "forklare"),
        *("gentage", "fortælle", "lide", "vente", "sige"),
        *("give mig et øjeblik", "dele din skærm", "dele skærmen", "uddybe", "beskrive"),
        *("gå tilbage", "tale højere", "slå lyden", "bekræfte at du", "tro", "forstå"),
        *("være", "have", "leve med", "acceptere", "mene", "følge med", "starte", "begynde"),
        *("tage den", "sige noget", "præsentere dig", "jeg", "vi", "de", "han", "hun", "det er"),
    ),
    hedges=_words_re("måske", "eventuelt", "muligvis", "evt", "formentlig", "kunne"),
    conditions=_words_re("hvis", "medmindre", "såfremt", "når vi får"),
    habits=_words_re("normalt", "altid", "tit", "ofte", "plejer", "nogle gange", "hver"),
    leading_filler=re.compile(
        r"^(?:(?:lige|også|godt|bare|hurtigt|så|nok|gerne|selv|straks|at|prøve at|sagtens|"
        r"virkelig|selvfølgelig)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for mig|for os|lige|også|så|ikke|tak|når du får tid|hvis du kan"
        r"|hvis det er muligt|okay|ok|ikke også|ikke sandt|ja|øh|øhm))+$",
        re.IGNORECASE,
    ),
    clause_break=re.compile(
        r",\s*(?:og så|og|så|fordi|men|hvis|når|okay|ok|ikke|ja)\b|;|\s+(?:så vi|fordi|så de)\s+"
        r"|\s+-\s+|\s+–\s+",
        re.IGNORECASE,
    ),
    anaphora=re.compile(
        r"^(?:gør|klar|ordn|tag|sørg for|tag mig af|kig på|følg op på)(?:e)? "
        r"(?:det|den|dem|dét)(?: her)?$",
        re.IGNORECASE,
    ),
    suggestion=re.compile(
        r"\b(?:nogen|vi|du|man)(?: bør| skal| må| burde)(?: lige| også)?\s+",
        re.IGNORECASE,
    ),
)

_ACCEPTANCE = re.compile(
    r"^(?:(?:sure|yes|yeah|yep|okay|ok|absolutely|of course|no problem|will do|on it|got it|"
    r"ja|jo|fint|selvfølgelig|klart|helt sikkert|det gør jeg|den tager jeg|det tager jeg|"
    r"det sørger jeg for|det klarer jeg|det ordner jeg|i'm on it|i'll do (?:it|that))"
    r"[\s,.!]*)+$",
    re.IGNORECASE,
)
"""A whole sentence that only says yes to what was just asked."""
_DA_ANAPHORIC_ACCEPT = re.compile(
    r"^(?:(?:ja|jo|okay|fint|super|klart),?\s*)?(?:det|den|dem|dét) (?:tager|klarer|ordner|gør)"
    r" jeg|^(?:(?:ja|jo|okay),?\s*)?det sørger jeg for",
    re.IGNORECASE,
)
_OFFER_ACCEPTANCE = re.compile(
    r"^(?:(?:yes|yeah|ja|jo|okay|ok|great|super|perfect|fint|then|så)[,!.]?\s*)*"
    r"(?:please do(?: that| it)?|do (?:it|that)|go for it|let's do (?:it|that)|gør det"
    r"|lad os gøre det)[\s,.!]*$",
    re.IGNORECASE,
)
"""A whole sentence that says yes to what someone offered ("Yes, please do that")."""
_TAKE_ALONG = re.compile(
    r"\b(?:tager (?:det|den|dem) med|add (?:those|that|it|them)|include (?:it|that|those|them))\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\b(?:i'll|i will|i'm|will do|jeg)\b", re.IGNORECASE)
"""An acceptance that takes the work on ("I'll do that", "Det gør jeg"), not a bare "yes"."""
_OPENS_WITH_YES = re.compile(
    r"^(?:sure|yes|yeah|yep|okay|ok|absolutely|of course|no problem|will do|definitely|"
    r"ja|jo|fint|selvfølgelig|klart|helt sikkert|det kan jeg godt|super|sounds|that works|"
    r"perfect|great|gerne|det lyder|det passer)\b",
    re.IGNORECASE,
)
_OFFER = {
    "en": re.compile(
        r"\b(?:i could|i can|would you like me to|shall i|should i|do you want me to)\s+",
        re.IGNORECASE,
    ),
    "da": re.compile(
        r"\b(?:jeg kan(?: godt)?|jeg kunne(?: godt)?|skal jeg|vil du have at jeg)\s+", re.IGNORECASE
    ),
}
"""An offer ("I could put together two options") that a "please do" turns into a promise."""
_WHO = {
    "en": re.compile(
        r"^(?:so,?\s*|and\s+|by the way,?\s*)?who(?:'s| is| will| can| wants to)?\s+(?P<task>.+)",
        re.IGNORECASE,
    ),
    "da": re.compile(
        r"^(?:og\s+|så\s+)?hvem (?:skal |vil |kan )?(?:lige )?(?P<task>.+)", re.IGNORECASE
    ),
}
"""A "who does X?" question: the one who answers "I will" takes X."""
_POLITE_CONDITION = re.compile(
    r"\bif (?:it helps|that helps|you like|you want|you'd like|needed|necessary|that works)\b"
    r"|\bhvis det hjælper\b|\bhvis du vil\b|\bhvis i vil\b|\bhvis det passer\b",
    re.IGNORECASE,
)
"""Courtesy, not a condition: "If it helps, I can join the call"."""
_SUBORDINATE = re.compile(
    r"\b(?:before|after|when|once|until|that|før|inden|når|efter|at|indtil)\s*$", re.IGNORECASE
)
"""A cue right after these is inside a subordinate clause ("before we sign", "at vi laver")."""
_QUESTION_OPENING = re.compile(
    r"^(?:so,?\s+|and\s+|og\s+|så\s+)?(?:shall|should|can|could|would|will|do|does|did|is|are|"
    r"what|how|when|who|why|where|skal|kan|kunne|vil|ville|hvad|hvordan|hvornår|hvem|hvorfor|"
    r"hvor|er|har)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"^(?:\S+\s+)?(?:not|never|no longer|ikke|aldrig)\b", re.IGNORECASE)
_THEN = re.compile(
    r"\s*\b(?:(?:well |long )?before (?:that|then)|by then|until then|after (?:that|then)"
    r"|inden da|til den tid|før da|efter det|efter da)\b",
    re.IGNORECASE,
)
"""A deadline that points back at a date just said ("I'll send it before that")."""
_PRONOUN_OBJECT = re.compile(
    r"\b(?:it|that|them|those|him|her|this|det|den|dem|ham|hende)\b", re.IGNORECASE
)
_PLURAL_YOU = re.compile(
    r"(?i:\b(?:everyone|everybody|all of you|you all|you guys|y'all|alle sammen|alle|jeres)\b)"
    r"|\bI (?:skal|må|bedes)\b",
)
_IMPERATIVE_VERBS = {
    "en": (
        *("send", "book", "call", "check", "email", "share", "schedule", "update", "prepare"),
        *("draft", "write", "read", "review", "ask", "invite", "fix", "add", "set up"),
        *("reach out", "follow up", "loop in", "forward", "get back to", "update"),
    ),
    "da": (
        *("send", "ring", "tjek", "book", "skriv", "læs", "opdater", "spørg", "inviter", "del"),
        *("forbered", "ret", "tilføj", "giv", "find", "lav", "kontakt", "videresend", "mail"),
        *("gennemgå", "kig", "følg op"),
    ),
}
_LEADING_VERBS = {
    "en": (*_EN_VERBS_BASE, *_IMPERATIVE_VERBS["en"], "help", "organise", "organize", "plan"),
    "da": (
        *_IMPERATIVE_VERBS["da"],
        *("booke", "sende", "sætte", "lave", "skrive", "ringe", "invitere", "forberede", "tage"),
        *("planlægge", "aftale", "finde", "sætte", "indkalde", "spørge", "tjekke"),
    ),
}
"""Verbs that make a "let's" / "lad os" a task rather than a move in the meeting."""
_JOKE = re.compile(
    r"\bhaha|\(laughs?\)|\[laughter\]|\(laughter\)|\bjust kidding\b|\bkidding\b|\bjoking\b"
    r"|\blol\b|\beat my hat\b|\bfor sjov\b|\bpjat\b|\(griner\)|\bspøg\b|^ha[,!. ]",
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


@dataclass(frozen=True, slots=True)
class _Acceptance:
    """A yes without its own task: to a request ("I'll do that", "Det gør jeg") or to someone's
    offer ("Yes, please do that", "Ja, gør det")."""

    index: int
    """The sentence."""
    to_offer: bool
    due: dt.date | None


_Found = tuple[ActionItem, Kind]
_Cand = tuple[Kind, re.Match[str], float, bool, str | None]
"""A cue found in a sentence: kind, match, confidence, whether a verb follows, named owner."""


def extract_action_items(transcript: Transcript) -> tuple[ActionItem, ...]:
    """Action items said in the meeting, in order of time, duplicates merged."""
    sentences = sentences_of(transcript)
    context = _context(transcript, sentences)
    found: list[_Found] = []
    for index in range(len(sentences)):
        if _is_joke(sentences, index):
            continue
        outcome = _item(index, context)
        if outcome is None:
            continue
        if isinstance(outcome, _Acceptance):
            _accept(found, outcome, context)
            continue
        for item, kind in outcome:
            if kind in ("commitment", "group") and _laughed_at(sentences, index):
                continue
            if kind == "commitment" and _merge_into_request(found, item, index, context):
                continue
            found.append((item, kind))
    return tuple(_merge_duplicates([item for item, _ in found]))


def _context(transcript: Transcript, sentences: Sequence[Sentence]) -> _Context:
    name_ids: dict[str, str] = {}
    for participant in transcript.participants:
        for name in _names_of(participant):
            name_ids.setdefault(name.lower(), participant.id)
    alternation = "|".join(re.escape(n) for n in sorted(name_ids, key=len, reverse=True))
    punctuated = any(_SENTENCE_PUNCTUATION.search(s.text) for s in transcript.segments)
    return _Context(transcript, sentences, alternation or None, name_ids, punctuated)


def _names_of(participant: Participant) -> set[str]:
    name = participant.name.strip()
    if not name or (name == participant.id and not name.isalpha()):
        return set()
    return {name, name.split()[0]}


def _rules_for(language: str | None) -> tuple[_Rules, ...]:
    # The other language's rules come second: code-switching happens inside sentences too.
    if language == "da":
        return (_DA, _EN)
    if language == "en":
        return (_EN, _DA)
    if language is None:
        return (_EN, _DA)
    return ()


def _code(rules: _Rules) -> str:
    return "da" if rules is _DA else "en"


def _item(index: int, context: _Context) -> list[_Found] | _Acceptance | None:
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    for rules in _rules_for(sentence.language):
        if _OFFER_ACCEPTANCE.match(text):
            return _Acceptance(index, to_offer=True, due=None)
        if _ACCEPTANCE.match(text) or (rules is _DA and _DA_ANAPHORIC_ACCEPT.search(text)):
            claims = _CLAIM.search(text) is not None
            answer = _answer(index, context, rules, 0.8, None, claims=claims)
            return answer if isinstance(answer, _Acceptance) else [answer]
        offer = _accepted_offer_question(index, context)
        if offer is not None:
            return [(offer, "commitment")]
        candidates = sorted(_candidates(text, context, rules), key=lambda f: f[1].start())
        results: list[_Found] = []
        end = len(text)
        for candidate in candidates:
            if results and candidate[1].start() < end:
                continue
            following = _NEXT_CLAUSE.search(text, candidate[1].end())
            limit = following.start() if following else len(text)
            outcome = _from_cue(index, context, rules, candidate, (end if results else 0, limit))
            if isinstance(outcome, _Stop):
                break
            if isinstance(outcome, _Acceptance):
                return results or outcome
            if outcome is None:
                continue
            if results and _continues(outcome[0]):
                first, kind = results[-1]
                results[-1] = (replace(first, due=first.due or outcome[0].due), kind)
            else:
                results.append(outcome)
            if following is None:
                break
            end = following.end()
        if results:
            return results
    return None


def _candidates(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    return (
        _assignment(text, context, rules)
        + _imperatives(text, context, rules)
        + _cues_in(text, rules)
    )


def _has_cue(sentence: Sentence, context: _Context) -> bool:
    text = _normal(sentence.text)
    return any(_candidates(text, context, rules) for rules in _rules_for(sentence.language))


def _continues(item: ActionItem) -> bool:
    """A second clause that only adds a date to the first: "…, I'll have names for you by
    Monday", "…, I'll get back to you by Thursday"."""
    return (
        _PRONOUN_OBJECT.search(item.text) is not None
        or re.match(
            r"(?:have|get back|come back|let you know|vend tilbage|have \w+ klar)", item.text, re.I
        )
        is not None
    )


_NEXT_CLAUSE = re.compile(
    r",\s*(?:og så|og|and then|and|så|then)?\s*"
    rf"(?=(?:jeg|i'll|i will|i'm|i can|we'll|vi)\b|(?:{_DA_PRESENT_RE}) (?:jeg|vi)\b)|;\s*",
    re.IGNORECASE,
)
"""Where a second task may start in one sentence: "I'll book the stand today, and then I'll…"."""


class _Stop:
    """Marker: the sentence holds no task at all (e.g. a condition precedes the cue)."""


_STOP = _Stop()


def _normal(text: str) -> str:
    return text.replace("’", "'").strip()


def _from_cue(
    index: int, context: _Context, rules: _Rules, candidate: _Cand, clause: tuple[int, int]
) -> _Found | _Acceptance | _Stop | None:
    """The task a cue opens, within ``clause`` (offsets in the sentence)."""
    kind, match, confidence, verb_follows, named = candidate
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    before, task = text[clause[0] : match.start()], text[match.end() : clause[1]]
    if rules.conditions.search(_POLITE_CONDITION.sub("", before)) or rules.habits.search(text):
        return _STOP
    if _SUBORDINATE.search(before):
        return None
    if kind in ("commitment", "group") and text.endswith("?") and _QUESTION_OPENING.match(text):
        return None
    if kind != "request" and (rules.hedges.search(before) or rules.hedges.match(task)):
        return None
    if re.match(r"(?:try (?:to|and)|prøve at)\b", task, re.IGNORECASE):
        confidence -= 0.15
    task = rules.leading_filler.sub("", task)
    if verb_follows:
        task = _imperative(task, rules)
    elif rules is _EN and re.match(r"be \w+ing\b", task, re.IGNORECASE):
        task = _gerund(task[3:])  # "we'll be working on the requirements": a promise
    if _NEGATION.match(task):
        return None
    if _starts_with(task, rules.request_non_actions if kind == "request" else rules.non_actions):
        return None
    if _ON_THE_SPOT.search(task):
        return None
    due, task, had_date = _due(task, before, index, context)
    cleaned = _clean(_strip_vocative(task, context), rules)
    if not cleaned:
        return None
    lets = re.match(r"let's|lad os", match.group(0), re.IGNORECASE) is not None
    if rules.anaphora.match(cleaned) or re.fullmatch(r"do|gør det", cleaned, re.IGNORECASE):
        if kind == "commitment":
            return _answer(index, context, rules, confidence, due)
        if kind == "request" or lets:
            return _Acceptance(index, to_offer=True, due=due)
        return None
    if lets and not _starts_with(cleaned, _LEADING_VERBS[_code(rules)]):
        return None
    owner, by_name = _owner(kind, named, text, index, context)
    if kind == "request" and not by_name and _plural_addressee(index, context):
        owner = _team_of(sentence.speaker, context)
    confidence += 0.1 if had_date else 0.0
    confidence += 0.05 if by_name else 0.0
    if kind == "request" and not by_name and len(context.transcript.participants) > 2:
        confidence -= 0.1
    return _made(cleaned, owner, due, index, context, confidence), kind


def _made(
    text: str,
    owner: str | None,
    due: dt.date | None,
    index: int,
    context: _Context,
    confidence: float,
) -> ActionItem:
    sentence = context.sentences[index]
    return ActionItem(
        text=text,
        owner=owner,
        due=due,
        speaker=sentence.speaker,
        start=sentence.start,
        quote=sentence.text,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        language=sentence.language,
    )


def _due(task: str, before: str, index: int, context: _Context) -> tuple[dt.date | None, str, bool]:
    """The deadline said in the task (else before the cue), the task without it, and whether a
    date phrase was found. "Before then" takes the latest date said in the sentences before."""
    meeting_date = context.transcript.meeting.date
    then = _THEN.search(task)
    if then:
        task = task[: then.start()] + task[then.end() :]
        for previous in reversed(context.sentences[max(0, index - 4) : index]):
            phrase = find_date(previous.text, meeting_date)
            if phrase is not None:
                return phrase.date, task, True
    due, rest = resolve_due_date(task, meeting_date)
    if rest != task:
        # "I'll talk to finance today and get back to you by Thursday": the later date is the
        # deadline of the whole task.
        second, rest_two = resolve_due_date(rest, meeting_date)
        if rest_two != rest:
            rest = rest_two
            if second is not None and (due is None or second > due):
                due = second
        return due, rest, True
    due, rest = resolve_due_date(before, meeting_date)
    return due, task, rest != before


def _cues_in(text: str, rules: _Rules) -> list[_Cand]:
    return [
        (cue.kind, m, cue.confidence, cue.verb_follows, None)
        for cue in rules.cues
        for m in cue.pattern.finditer(text)
    ]


def _assignment(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """ "Maria takes the demo", "Peter skal nok ringe": the named participant's task."""
    if context.names is None:
        return []
    if rules is _EN:
        modal = (
            r"(?:'ll|\s+will|\s+is going to|'s going to|\s+is gonna|\s+to|\s+can)\s+"
            r"(?!you\b|we\b|i\b)"
        )
        third = r"\s+(?=(?:" + "|".join(_EN_VERBS_3RD) + r")\b)"
    else:
        modal = rf",?\s+(?:skal nok|skal|vil|kan) (?!du\b|i\b|vi\b|jeg\b){_DA_FILLER}"
        third = rf",?\s+{_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)"
    opener = r"(?:^|(?<=[,;:]\s)|\b(?:so|and|then|okay|ok|så|og|okay så)\s+)"
    found: list[_Cand] = []
    for tail, verb_follows in ((modal, False), (third, True)):
        pattern = re.compile(opener + r"(?P<name>" + context.names + r")" + tail, re.IGNORECASE)
        for m in pattern.finditer(text):
            pid = context.name_ids.get(m["name"].lower())
            if pid is not None:
                found.append(("assignment", m, 0.85, verb_follows, pid))
    return found


def _imperatives(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """An order opening the sentence, maybe after a name: "Leo, send me two dates",
    "Så læs den inden fredag"."""
    if text.endswith("?"):
        return []
    verbs = "|".join(_IMPERATIVE_VERBS[_code(rules)])
    name = rf"(?:(?:{context.names}),\s+)?" if context.names else ""
    pattern = re.compile(
        r"^(?:(?:so|and|then|okay|ok|great|good|så|og|ja|godt)[,.]?\s+)*"
        + r"(?:(?:everyone|everybody|all of you|alle sammen|alle)[,]?\s+)?"
        + name
        + rf"(?:please\s+|just\s+|lige\s+)?(?=(?:{verbs})\b)",
        re.IGNORECASE,
    )
    m = pattern.match(text)
    return [("request", m, 0.7, False, None)] if m else []


def _strip_vocative(task: str, context: _Context) -> str:
    if context.names is None:
        return task
    return re.sub(rf",\s*(?:{context.names})\s*([.?!]*)$", r"\1", task, flags=re.IGNORECASE)


def _team_of(speaker: str, context: _Context) -> str:
    try:
        return team_owner(context.transcript.participant(speaker).side)
    except KeyError:
        return team_owner(None)


def _plural_addressee(index: int, context: _Context) -> bool:
    sentence = context.sentences[index]
    following = context.sentences[index : index + 2]
    return any(
        s.segment == sentence.segment and _PLURAL_YOU.search(s.text) is not None for s in following
    )


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
        return _team_of(sentence.speaker, context), False
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
    for segment in context.transcript.segments[sentence.segment + 1 :]:
        if segment.speaker != sentence.speaker:
            return segment.speaker, False
    return None, False


def _vocative(text: str, context: _Context) -> str | None:
    if context.names is None:
        return None
    names = context.names
    patterns: tuple[str, ...] = (
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


def _answer(
    index: int,
    context: _Context,
    rules: _Rules,
    confidence: float,
    due: dt.date | None,
    *,
    claims: bool = True,
) -> _Found | _Acceptance:
    """ "I'll do that" / "Det gør jeg": takes the task of a "who does X?" or of a suggestion
    ("someone should update the FAQ") just made, else it accepts a request."""
    sentence = context.sentences[index]
    due = due or _date_later_in_turn(index, context)
    for previous in reversed(context.sentences[max(0, index - 3) : index] if claims else ()):
        if sentence.start - previous.start > 60:
            break
        text = _normal(previous.text)
        who = _WHO[_code(rules)].match(text) if previous.speaker != sentence.speaker else None
        if who is not None:
            found_due, task, _ = _due(who["task"], "", index, context)
            task = _imperative(_gerund(task), rules) if rules is _EN else _imperative(task, rules)
            cleaned = _clean(task, rules)
            if cleaned:
                return _made(cleaned, sentence.speaker, due or found_due, index, context, 0.8), (
                    "commitment"
                )
        suggestion = rules.suggestion.search(text)
        if suggestion is not None:
            task = rules.leading_filler.sub("", text[suggestion.end() :])
            found_due, task, _ = _due(task, "", index, context)
            cleaned = _clean(task, rules)
            if cleaned and not _starts_with(cleaned, rules.non_actions):
                return _made(
                    cleaned, sentence.speaker, due or found_due, index, context, confidence
                ), "commitment"
    return _Acceptance(index, to_offer=False, due=due)


def _gerund(task: str) -> str:
    first, _, rest = task.partition(" ")
    if first.lower().endswith("ing") and len(first) > 5:
        stem = first[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stem = stem[:-1]
        first = stem + ("e" if stem.lower().endswith(("at", "ov", "ar", "iz", "ak", "ur")) else "")
    return f"{first} {rest}".strip()


def _date_later_in_turn(index: int, context: _Context) -> dt.date | None:
    """A date said after a yes in the same turn: "Ja, det ordner jeg. I får navnene på mandag"."""
    sentence = context.sentences[index]
    for later in context.sentences[index + 1 : index + 3]:
        if later.segment != sentence.segment:
            break
        if _has_cue(later, context):
            continue
        phrase = find_date(later.text, context.transcript.meeting.date)
        if phrase is not None:
            return phrase.date
    return None


def _accept(found: list[_Found], acceptance: _Acceptance, context: _Context) -> None:
    sentence = context.sentences[acceptance.index]
    due = acceptance.due or _date_later_in_turn(acceptance.index, context)
    if due is None and _TAKE_ALONG.search(sentence.text):
        # "Ja, det tager jeg med": done together with the speaker's own latest promise.
        own = [i for i, _ in found if i.owner == sentence.speaker and sentence.start - i.start < 90]
        due = own[-1].due if own else None
    for position in range(len(found) - 1, -1, -1):
        item, kind = found[position]
        if sentence.start - item.start > 60:
            break
        if acceptance.to_offer:
            # "Please do that": confirms the promise the other person just offered.
            if kind == "commitment" and item.owner != sentence.speaker:
                found[position] = (_confirmed(item, due, item.owner), kind)
                return
        elif (
            kind == "request"
            and item.speaker != sentence.speaker
            and item.owner in (sentence.speaker, None)
        ):
            found[position] = (_confirmed(item, due, sentence.speaker), kind)
            return
    if acceptance.to_offer:
        offer = _offer_before(acceptance.index, context)
        if offer is not None:
            found.append((replace(offer, due=offer.due or due), "commitment"))


def _confirmed(item: ActionItem, due: dt.date | None, owner: str | None) -> ActionItem:
    return replace(
        item,
        owner=owner,
        due=due or item.due,
        confidence=round(min(0.99, item.confidence + 0.1), 2),
    )


def _accepted_offer_question(index: int, context: _Context) -> ActionItem | None:
    """ "Shall I check in again in September?" - "September sounds about right": the offer
    becomes a promise of the one who made it."""
    sentence = context.sentences[index]
    if index == 0 or (
        not _OPENS_WITH_YES.match(_normal(sentence.text))
        and not re.search(
            r"\b(?:sounds (?:good|great|right|about right)|works for (?:me|us)|lyder godt"
            r"|passer fint)\b",
            sentence.text,
            re.IGNORECASE,
        )
    ):
        return None
    previous = context.sentences[index - 1]
    text = _normal(previous.text)
    if previous.speaker == sentence.speaker or not text.endswith("?"):
        return None
    if not re.match(r"(?:\w+,?\s+)?(?:shall i|should i|skal jeg)\b", text, re.IGNORECASE):
        return None
    return _offer_before(index, context)


def _offer_before(index: int, context: _Context) -> ActionItem | None:
    """The offer ("I could put together two options") that the sentence at ``index`` accepts."""
    sentence = context.sentences[index]
    for position in range(index - 1, max(-1, index - 4), -1):
        previous = context.sentences[position]
        if previous.speaker == sentence.speaker or sentence.start - previous.start > 60:
            continue
        for rules in _rules_for(previous.language):
            match = _OFFER[_code(rules)].search(_normal(previous.text))
            if match is None:
                continue
            task = rules.leading_filler.sub("", _normal(previous.text)[match.end() :])
            due, task, _ = _due(task, "", position, context)
            cleaned = _clean(task, rules)
            if cleaned and not _starts_with(cleaned, rules.non_actions):
                return _made(cleaned, previous.speaker, due, position, context, 0.8)
    return None


def _merge_into_request(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Could you send the deck?" - "Sure, I'll send it tomorrow": one task, the answer's date."""
    sentence = context.sentences[index]
    segment = context.transcript.segments[sentence.segment]
    for position in range(len(found) - 1, -1, -1):
        request, kind = found[position]
        if item.start - request.start > 45:
            return False
        if request.speaker == item.speaker or kind != "request":
            if request.owner == item.speaker:
                return False  # the speaker already said something of their own since
            continue
        if request.owner not in (item.speaker, None):
            return False
        between = context.transcript.segments[_segment_of(request, context) + 1 : sentence.segment]
        if any(s.speaker == item.speaker for s in between):
            return False  # not the answer to the request: the speaker had a turn since
        answers = _OPENS_WITH_YES.match(_normal(segment.text)) is not None
        pronoun = _PRONOUN_OBJECT.search(item.text) is not None
        if not (answers or pronoun or similar_tasks(request.text, item.text)):
            return False
        found[position] = (
            replace(
                request,
                owner=item.speaker,
                due=item.due or request.due or _date_later_in_turn(index, context),
                confidence=round(min(0.99, max(request.confidence, item.confidence) + 0.1), 2),
            ),
            kind,
        )
        return True
    return False


def _segment_of(item: ActionItem, context: _Context) -> int:
    for sentence in context.sentences:
        if sentence.start == item.start and sentence.speaker == item.speaker:
            return sentence.segment
    return len(context.transcript.segments)


def _is_joke(sentences: Sequence[Sentence], index: int) -> bool:
    return _JOKE.search(sentences[index].text) is not None


def _laughed_at(sentences: Sequence[Sentence], index: int) -> bool:
    """The reply laughs: a promise of one's own ("I'll eat my hat") was a joke."""
    sentence = sentences[index]
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
