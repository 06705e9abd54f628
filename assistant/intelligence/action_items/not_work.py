"""Sentences with a cue that are not work to do: work done on the spot or now (`_done_now`,
`_on_the_spot`, `_answered_by_doing`, `_done_there_and_then`), stepping out of the meeting
(`_steps_out`), routines and how things are done today (`_routine_follows`,
`_answers_how_today`), refusals and help declined (`_refuses_all`, `_declined`,
`_declines_help`, `_instead_of_help`, `_not_needed`), what a request lets the speaker do,
ongoing activity, preconditions, and jokes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.intelligence.action_items.cues import _rules_for
from assistant.intelligence.action_items.located import _is_dated, _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _Context, _Found, _normal
from assistant.intelligence.action_items.owners import TEAM, _team_of
from assistant.intelligence.action_items.replies import _REFUSAL
from assistant.intelligence.action_items.restatements import _OFFER_TAKEN
from assistant.intelligence.action_items.rules import (
    _CAN_YOU_SEE,
    _FOR_ALL_TO_SEE,
    _JOKE,
    _LET_ME_LIVE,
    _LIVE_PLACE,
    _LIVE_VERBS,
    _ON_THE_SPOT,
    _OPENS_WITH_YES,
    _POINTS_BACK,
)
from assistant.intelligence.action_items.structure import _DECLINE, _reply
from assistant.intelligence.dates import find_date, find_deadline
from assistant.intelligence.sentences import Sentence, words

_HELPS = re.compile(
    r"\b(?:det|that|it)(?:'d| would| ville| vil)(?: (?:really|virkelig|klart|meget))?"
    r" (?:help|hjælpe)\b",
    re.IGNORECASE,
)
_THEN_I_CAN = re.compile(r"^(?:så|then|that way|so)\s+(?:kan jeg|i can)\b", re.IGNORECASE)


def _what_it_lets_me_do(item: ActionItem, index: int, context: _Context) -> bool:
    """ "Kan du sende mig listen? Så kan jeg planlægge besøgene." / "Det ville hjælpe. Så kan
    jeg vurdere det.": what the speaker can do once they get what they ask for or welcome is
    the reason for it, not a task of its own (with no date said)."""
    sentence = context.sentences[index]
    if index == 0 or item.due is not None or not _THEN_I_CAN.match(_normal(sentence.text)):
        return False
    previous = context.sentences[index - 1]
    if previous.segment != sentence.segment:
        return False
    asks = previous.text.rstrip().endswith("?") and _ASKS_YOU.search(previous.text) is not None
    # "Det lyder godt. Så kan jeg lege med det": what the speaker can do with what the other
    # side just offered or promised, unless a time is said for it ("i løbet af næste uge")
    welcomed = (
        _WELCOMED.match(_normal(previous.text)) is not None
        and find_date(sentence.text, context.transcript.meeting.date) is None
    )
    return (
        asks
        or welcomed
        or _OFFER_TAKEN.search(previous.text) is not None
        or _HELPS.search(previous.text) is not None
    )


_WELCOMED = re.compile(
    r"^(?:(?:ja|okay|ok|yes),?\s+)?(?:det lyder (?:rigtig |virkelig )?(?:godt|fint|perfekt)|fint"
    r"|super|perfekt|dejligt|godt|great|perfect|fine|lovely|(?:that )?sounds (?:good|great"
    r"|perfect))[.!]*$",
    re.IGNORECASE,
)
"""A bare welcome of what the other side said ("Det lyder godt.", "Fint.", "Great.")."""


def _reason_for_request(item: ActionItem, index: int, context: _Context) -> bool:
    """ "Kan du sende os listen over ordrerne? Vi skal ringe til kunderne.": what the group
    says it must do, right after asking someone else for something, is the reason for the
    request, not a task of its own."""
    if index == 0 or item.due is not None:
        return False
    previous = context.sentences[index - 1]
    return (
        previous.segment == context.sentences[index].segment
        and previous.text.rstrip().endswith("?")
        and _ASKS_YOU.search(previous.text) is not None
    )


def _ongoing_activity(item: ActionItem, sentence: Sentence) -> bool:
    """ "I'll be carrying chairs around all day": the speaker's future in progress describes
    what they will be busy with, not a promise; only a date ("I'll be sending it on Monday")
    makes it one. A chair's "so we'll be working on the requirements" at the close hands out
    the next phase's work, and stays."""
    if item.due is not None:
        return False
    doing = _WILL_BE_DOING.search(sentence.text)
    first = next(iter(words(item.text)), "")
    return doing is not None and first[:4] == doing.group("verb").lower()[:4]


def _precondition(item: ActionItem, sentence: Sentence) -> bool:
    """ "Jeg skal have budgettet godkendt først", "vi skal teste den først", "we need the list
    first", "vi skal tale med banken, før vi beslutter os": what must happen before a decision
    or a step, said undated, is a condition of the talk, not a promise (with a day it is one:
    "…, jeg skal lige have lavet en kopi først")."""
    if item.due is not None or _MUST.search(sentence.text) is None:
        return False
    # "…først, men det ordner jeg": a promise after all
    first = _FIRST_OF_ALL.search(item.text) is not None
    first = first and _FIRST_OF_ALL.search(sentence.text) is not None
    return first or _BEFORE_WE_DECIDE.search(sentence.text) is not None


def _own_sides_process(item: ActionItem, sentence: Sentence, context: _Context) -> bool:
    """ "Vi skal lave en rapport til bestyrelsen", "Så skal vi selv have opdateret vores interne
    vejledning", "Vi har ledelsesmøde på torsdag, hvor jeg skal fremlægge det": the other side's
    duty, as a side, inside its own organisation, said undated, tells how they work and decide,
    not work agreed in the meeting. One person's "jeg skal orientere vores bestyrelse" is their
    promise, and getting an approval or an answer back ("Jeg skal have prisen godkendt af vores
    direktør", "det skal vi internt blive enige om") is work that comes back: both stay."""
    if item.due is not None or item.owner is None:
        return False
    as_a_side = item.owner == f"{TEAM}:external"
    at_their_meeting = (
        _team_of(item.owner, context) == f"{TEAM}:external"
        and _AT_THEIR_MEETING.search(sentence.text) is not None
    )
    return (
        (as_a_side or at_their_meeting)
        and _MUST.search(sentence.text) is not None
        and _OWN_BODY.search(sentence.text) is not None
        and _ANSWER_BACK.search(sentence.text) is None
    )


def _names_whom(item: ActionItem, sentence: Sentence) -> bool:
    """ "Så er det jo hende, jeg skal snakke med", "det er mig, I skal sende alting til": a cleft
    that puts a person first and leaves the verb's preposition at the end names whom to turn
    to, not work (undated). "Det er dig, der skal ringe" (the doer put first) stays a task."""
    return item.due is None and _CLEFT_OBJECT.search(sentence.text) is not None


_CLEFT_OBJECT = re.compile(
    r"\b(?:det (?:er|var)|(?:er|var) det)(?: (?:jo|så|nok|altså|faktisk))*"
    r" (?:mig|dig|ham|hende|os|jer|dem),? (?:som )?(?:jeg|a|du|vi|I|man|de|han|hun)"
    r" (?:(?:skal|må|kan|vil)\b|ska')[^,.?!]*\b(?:til|med|hos|ved|for|om)[.!]?$",
    re.IGNORECASE,
)
"""The person put first, the verb's preposition left at the end ("… sende alting til")."""


_OWN_BODY = re.compile(
    r"\b(?:bestyrelse\w*|ledelsesmøde\w*|direktion\w*|(?:vores|min) (?:direktør|ledelse|chef)\w*"
    r"|vores interne|internt)\b",
    re.IGNORECASE,
)
"""A body of the speaker's own organisation: the board, the management, "internt"."""
_AT_THEIR_MEETING = re.compile(
    r"møde\w*(?:\s+[\w.]+){0,4},?\s+hvor (?:jeg|vi) skal\b", re.IGNORECASE
)
"""A meeting of theirs where the speaker has a part: "…ledelsesmøde på torsdag, hvor jeg skal"."""
_ANSWER_BACK = re.compile(
    r"\b(?:godkend\w*|afklar\w*|bekræft\w*|vend\w*|enige|på plads|svar\w*|besked|tilbage"
    r"|forbi)\b",
    re.IGNORECASE,
)
"""What brings the matter back to the meeting: an approval ("have det forbi vores direktør"),
an answer, an agreement."""


_FIRST_OF_ALL = re.compile(r"\b(?:først|first)[.!]*$", re.IGNORECASE)
_BEFORE_WE_DECIDE = re.compile(
    r"\b(?:før|inden) (?:vi|jeg|de|man) (?:kan |må |skal |tør )?(?:beslut\w*|bestem\w*|vælge"
    r"|vælger|træffe (?:en )?beslutning|slippe|slipper|sætte \w+ i drift|går live|gå live)\b"
    r"|\bbefore (?:we|i|they) (?:can |could )?(?:decide|choose|make a decision|go live"
    r"|roll it out|let it loose)\b",
    re.IGNORECASE,
)
"""A step named as what must come before a decision ("vi skal ringe til dem, før vi kan
beslutte noget", "vi skal teste hele lønkørslen, før vi slipper den løs"): a condition of the
talk, the rule by which the speaker decides, not a promise. Not a signature: "jeg skal have
prisen godkendt, før vi skriver under" is work the speaker takes on (the labelled sets)."""
_MUST = re.compile(r"\b(?:skal|må|need to|needs to|have to|has to|must|got to)\b", re.IGNORECASE)


_WILL_BE_DOING = re.compile(
    r"\bi(?:'ll| will| am going to|'m going to)"
    r" be (?P<verb>\w+)ing\b",
    re.IGNORECASE,
)


_ASKS_YOU = re.compile(
    r"\b(?:kan|vil|gider|kunne|could|can|would|will) (?:du|i|you)\b", re.IGNORECASE
)
"""A question that asks the one addressed (or their side) to do something."""


_DOING_NOW = re.compile(
    r"^(?:(?:yes|yeah|ok|okay|sure|ja|jo|fint|actually|in fact|faktisk|egentlig)[,.!]?\s+)*"
    r"(?:(?:jeg|i) (?:gør|do|'ll do|will do)"
    r" (?:det|den|it|that)|det gør jeg|gør jeg (?:det|den)"
    r"|(?:i'm|i am|jeg er) (?:on it|doing it|(?P<verb>\w+)ing\b"
    r"[^.?!]*)"
    r"|jeg er i gang(?: med \w+)?)\s+(?:lige\s+)?(?:nu|now|right now|straks|right away)\b",
    re.IGNORECASE,
)
"""The one who has the task doing it there and then: "Jeg gør det nu", "Yes, I'm watching the
dashboard now"."""


def _done_now(found: list[_Found], index: int, context: _Context) -> bool:
    """ "Men jeg kan slå den fra." - "Gør det." - "Jeg gør det nu.": the work is done in the
    meeting, so the task just given to the speaker is no item."""
    if not found:
        return False
    sentence = context.sentences[index]
    item, _ = found[-1]
    doing = _DOING_NOW.match(_normal(sentence.text))
    if (
        doing is None
        and item.speaker != sentence.speaker
        and _ON_THE_SPOT.search(sentence.text)
        and _POINTS_BACK.search(sentence.text)
        and not _is_dated(sentence, context)
    ):
        # "Send me the list." - "Dropping it in the chat now.": handed over in the meeting
        doing = _DOING_NOW.match("I do it now")
    if (
        item.owner != sentence.speaker
        or not 0 <= sentence.start - item.start <= 30
        or doing is None
        # "I'm watching the dashboard now" does the task "watch it", not another one
        or (doing["verb"] is not None and not item.text.lower().startswith(doing["verb"].lower()))
    ):
        return False
    del found[-1]
    return True


_GO_AND = re.compile(r"^(?:go|run|pop|nip|gå|løbe|smutte)\s+(?:and|og|ud og|over og)\s+\w+", re.I)
_MOMENT = re.compile(
    r"^(?:(?:sorry|undskyld|okay|ok)[,.!]?\s+)?(?:(?:just\s+)?(?:one|a|et|ét|to|two)"
    r" (?:sec|second|seconds|moment|minute|minutes|sekund|sekunder|øjeblik|minut|minutter)"
    r"|bear with me|giv mig (?:lige )?(?:et|to) \w+|vent (?:lige )?(?:et|to) \w+)\b",
    re.IGNORECASE,
)
_GOODBYE = re.compile(
    r"\b(?:thanks|thank you|cheers|bye|goodbye|see you|tak|farvel|hej hej|vi ses|vi høres)\b",
    re.IGNORECASE,
)
_WHILE_I_REMEMBER = re.compile(
    r"\b(?:mens jeg husker (?:det|på det)|while I (?:remember|think of it)|before I forget"
    r"|inden jeg glemmer det)\b",
    re.IGNORECASE,
)
_SPEECH_ACT = re.compile(
    r"^(?:correct myself|rephrase(?: that)?|put (?:it|that) (?:another way|differently)"
    r"|rette mig selv|omformulere (?:det|mig))\b",
    re.IGNORECASE,
)


def _steps_out(task: str, index: int, context: _Context) -> bool:
    """Stepping out of the meeting, for good or for a moment, and what is done in it there and
    then: "Right, I need to go and check on a delivery. Thanks both." (the last words of the
    speaker, or said with a goodbye), "Undskyld, jeg skal lige svare på en mail. Et øjeblik.",
    "jeg skriver lige en note i CRM, mens jeg husker det", "let me correct myself". Not "I need
    to go and check the server room tomorrow": a day makes it work for later."""
    sentence = context.sentences[index]
    if _SPEECH_ACT.match(task) or _WHILE_I_REMEMBER.search(sentence.text):
        return True
    nxt = context.sentences[index + 1 : index + 2]
    same_turn = [s for s in nxt if s.segment == sentence.segment]
    if any(_MOMENT.match(_normal(s.text)) for s in same_turn):
        return True
    if not _GO_AND.match(task) or _is_dated(sentence, context):
        return False
    last_words = not any(s.speaker == sentence.speaker for s in context.sentences[index + 1 :])
    return last_words or any(_GOODBYE.search(s.text) for s in same_turn)


_LOOK_FOR_IT = re.compile(
    r"(?:find|look for|search for|look (?:in|through) (?:my|our) (?:inbox|e-?mails?|mail)"
    r"|check (?:my|our) (?:inbox|e-?mails?|mail|spam)|finde|finder|kigge i (?:min|vores) indbakke)"
    r"(?: (?:it|that|them|den|det|dem))?(?: (?:again|igen))?[\s.!]*",
    re.IGNORECASE,
)
_SENT_ALREADY = re.compile(
    r"\b(?:sent|was sent|went out|sendte|blev sendt|er sendt|har sendt|already|allerede)\b",
    re.IGNORECASE,
)


def _finds_what_was_sent(task: str, index: int, context: _Context) -> bool:
    """ "Den kreditnota sendte jeg faktisk i går." - "Oh, I must have missed it. Let me look in my
    inbox.": looking up what the other side says was sent already is one's own errand, no task
    for the meeting (unlike "I'll dig it out and send it over")."""
    if _LOOK_FOR_IT.fullmatch(task.strip()) is None:
        return False
    sentence = context.sentences[index]
    said_before = [
        s
        for s in context.sentences[max(0, index - 3) : index]
        if s.speaker != sentence.speaker and sentence.segment - s.segment <= 2
    ]
    return any(_SENT_ALREADY.search(s.text) for s in said_before)


_DONE_FOR_YEARS = re.compile(
    r"\b(?:har (?:jeg|vi|han|hun|de|i) (?:\w+ )?gjort(?: det)?(?: sådan| på den måde)?"
    r" i (?:\w+ )?(?:år|årevis|måneder)"
    r"|(?:i|we|they|he|she|you)(?:'ve| have|'s| has) (?:\w+ )?(?:been doing|done) (?:it|that|this)"
    r"(?: \w+)?(?: that way| like that)? for (?:\w+ )?(?:years|months|ages|decades))\b",
    re.IGNORECASE,
)
"""How long the speaker has done something: "Det har jeg gjort i otte år", "We've done it that
way for twenty years"."""


def _done_for_years_next(index: int, context: _Context) -> bool:
    """The next sentence of the same turn says the speaker has done it for years: what they
    just said ("Jeg printer den ud hver aften.", "Mandag morgen ringer jeg rundt til holdene.",
    "Det gør jeg.") describes how they work, even with a day in it, not a promise."""
    sentence = context.sentences[index]
    following = context.sentences[index + 1 : index + 2]
    return any(
        s.segment == sentence.segment and _DONE_FOR_YEARS.search(s.text) is not None
        for s in following
    )


def _routine_follows(index: int, context: _Context) -> bool:
    """A present tense followed in the same turn by how often it happens describes a routine:
    "Fakturaerne laver jeg i hånden. Det tager mig to dage hver måned"."""
    sentence = context.sentences[index]
    if _done_for_years_next(index, context):
        return True
    if find_date(sentence.text, context.transcript.meeting.date, weeks=False) is not None:
        return False
    following = context.sentences[index + 1 : index + 2]
    return any(
        s.segment == sentence.segment
        and any(
            r.habits.search(_without_reason(s.text))
            for r in _rules_for(s.language or sentence.language)
        )
        # "Det plejer de gerne at ville": how others usually answer, not the speaker's routine.
        and _THEIR_HABIT.search(s.text) is None
        for s in following
    )


_HOW_TODAY = re.compile(
    r"\b(?:how|hvordan)\b[^?]*\b(?:today|now|at the moment|currently|normally|usually|these days"
    r"|i dag|nu|for tiden|normalt|til daglig|i øjeblikket)\b[^?]*\?",
    re.IGNORECASE,
)
"""A question about how things are done today: "Hvordan planlægger I ruterne i dag?"."""
_HOW_TODAY_AGENDA = re.compile(
    r"\b(?:hvordan|how) (?:I|you) (?!(?:vil|skal|kan|bør|gerne|will|want|would|'d|should|can"
    r"|plan|intend)\b)[^.?!:;]{0,60}?\b(?:i dag|today|nu|now|til daglig|for tiden"
    r"|normalt|normally|currently|at the moment|these days)\b",
    re.IGNORECASE,
)
"""The same asked in the agenda a chair reads out: "Jeg tænkte, vi starter med, hvordan I gør i
dag, så viser Jonas lidt", "you tell us how you do things today and where it hurts"."""
_HABITUAL_DAY = re.compile(
    r"^(?:(?:og|and|men|but|altså|so)\s+)?(?:i dag|today)\b,?"
    r"|(?<!\bpå )(?<!\bnæste )(?<!\btil )(?<!\binden )(?<!\bsenest )(?<!\bfør )(?<!\bden )"
    r"\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
    r" (?:morgen|formiddag|middag|eftermiddag|aften|nat)\b",
    re.IGNORECASE,
)
"""When a day in an answer to "how do you do it today?" is a habit, not a deadline: "I dag"
put first (as things are now: "I dag skriver jeg alle tilbud i Word") and a bare weekday with
its part of the day ("Jeg laver planen søndag aften, og så hænger jeg den op mandag morgen"),
unlike "på søndag", "i morgen" or "inden fredag"."""
_TO_THE_ASKER = re.compile(r"\b(?:dig|jer|you)\b", re.IGNORECASE)
_HOW_TODAY_TURNS = 2
"""Turns after such a question that answer it."""


def _answers_how_today(index: int, context: _Context) -> bool:
    """A present tense with no date in the answer to someone's "how do you do it today?" tells
    how things are done ("Og så ringer jeg rundt til kunderne"), not what will be done."""
    sentence = context.sentences[index]
    said = _HABITUAL_DAY.sub(" ", _normal(sentence.text))
    if find_date(said, context.transcript.meeting.date, weeks=False) is not None:
        return False
    if _TO_THE_ASKER.search(sentence.text):
        return False  # "Det sender jeg dig en beskrivelse af": work for the one asking
    segments = context.transcript.segments
    for back in range(1, _HOW_TODAY_TURNS + 1):
        asked = sentence.segment - back
        if asked < 0:
            return False
        turn = segments[asked]
        if turn.speaker == sentence.speaker:
            continue
        if _HOW_TODAY.search(turn.text) or _HOW_TODAY_AGENDA.search(turn.text):
            return True
        if turn.text.rstrip().endswith("?"):
            return False  # another question asked since
    return False


_REASON = re.compile(
    r"(?:,\s*(?:for|fordi|da|because|since|as)|\s(?:fordi|because))\s.*$", re.IGNORECASE | re.DOTALL
)
"""A reason given after the clause ("…, for vi plejer ikke at lave betalte piloter",
"…, because we usually batch them"): its habit explains the promise, it does not make the
promise a routine."""


def _without_reason(text: str) -> str:
    return _REASON.sub("", text)


_THEIR_HABIT = re.compile(
    r"^(?:\w+\s+)?(?:plejer|gør|vil|er)?\s*(?:de|they|han|hun|he|she)\b", re.IGNORECASE
)
"""A habit sentence whose subject is someone else ("Det plejer de gerne", "They usually do")."""


_NOT_YET_THEN = re.compile(
    r"^(?:nej|no)[,.]?\s+(?:ikke(?: helt)? endnu|not yet)[,.]?\s+(?:jeg|vi|i|we)\b"
    r"(?!'m waiting|'re waiting|\s+(?:mangler|venter|need|am waiting|are waiting)\b)",
    re.IGNORECASE,
)
""""nej ikke endnu jeg sender den i dag": a no to "have you done it?" that goes on with the
speaker's work still to do, no refusal of it (unlike "nej ikke endnu jeg mangler prisen":
what it waits for)."""


def _refuses_all(text: str) -> bool:
    """A refusal with no other work in it: "No, that isn't something I can offer", not "I
    can't say now, I have to clear it with finance first"."""
    refusal = _REFUSAL.match(text)
    if refusal is None or _NOT_YET_THEN.match(text):
        return False
    rest = text[refusal.end() :]
    return (
        re.search(r"\b(?:but|instead|men|i stedet)\b", text, re.IGNORECASE) is None
        and re.search(r"[,;]\s*(?:and |og |so |så )?(?:i|jeg|we|vi)\b", rest, re.I) is None
    )


_NO_THANKS = re.compile(
    r"^(?:nej|no|nah)\b[,.!]?\s*(?:tak|thanks|thank you|det er fint|det behøver (?:du|i|vi)"
    r" ikke|det er ikke nødvendigt|that's fine|it's fine|no need|not necessary|don't worry)\b"
    r"|^(?:no need|det behøver (?:du|i|vi) ikke)\b",
    re.IGNORECASE,
)
_ON_MY_OWN = re.compile(r"\b(?:selv|bare|myself|ourselves|just)\b", re.IGNORECASE)


def _instead_of_help(item: ActionItem, index: int, context: _Context) -> bool:
    """ "I can send you an overview, if you like?" - "No, that's fine. I'll just look in the
    system myself." / "Nej, det er fint. Jeg kigger selv i systemet.": help turned down, and how
    the speaker gets by without it, is no task (with a day it is one)."""
    if item.due is not None or index == 0:
        return False
    sentence, previous = context.sentences[index], context.sentences[index - 1]
    return (
        previous.segment == sentence.segment
        and _NO_THANKS.match(_normal(previous.text)) is not None
        and _ON_MY_OWN.search(sentence.text) is not None
    )


def _reply_to(item: ActionItem, context: _Context) -> list[Sentence]:
    """The sentences of the turn right after the one that asks for ``item`` (none if the
    item's sentence is not found)."""
    asked = _sentence_of(item, context.sentences)
    if asked is None:
        return []
    turn = context.sentences[asked].segment + 1
    return [s for s in context.sentences if s.segment == turn]


def _answered_by_doing(item: ActionItem, found: list[_Found], context: _Context) -> bool:
    """ "Nina, can you give the short version?" - "Yes. So, the loggers stop when…"; "Kan du
    vise portalen?" - "Gerne. Her ser I…": an undated request the one asked answers at once
    with a bare yes and then does it, in the next turn, promising nothing: done in the
    meeting."""
    if item.due is not None or item.owner is None or not _PRESENTS.match(item.text):
        return False
    reply = _reply_to(item, context)
    if (
        len(reply) < 2
        or reply[0].speaker != item.owner
        or len(words(reply[0].text)) > 2
        or _OPENS_WITH_YES.match(_normal(reply[0].text)) is None
    ):
        return False
    if any(_WILL_DO.search(s.text) or find_date(s.text, None) for s in reply[1:]):
        return False
    start, end = reply[0].start, reply[-1].start
    return not any(start <= other.start <= end for other, _ in found if other is not item)


def _done_there_and_then(item: ActionItem, context: _Context) -> bool:
    """ "Kan I ikke bare rulle den tilbage?" - "Jo, det gør jeg nu, mens vi snakker.": an undated
    request the one asked (or one of the team asked) answers by doing it now, in the meeting."""
    if item.due is not None or item.owner is None:
        return False
    reply = _reply_to(item, context)[:2]
    return (
        bool(reply)
        and (reply[0].speaker == item.owner or _team_of(reply[0].speaker, context) == item.owner)
        and any(_ON_THE_SPOT.search(_normal(s.text)) for s in reply)
    )


_PRESENTS = re.compile(
    r"(?:vis|show|demo|demonstrer|filter|walk|præsenter|present|fortæl|tell|forklar|explain"
    r"|gennemgå|go through|go over|run through|take us|tag os|tag (?:\w+ )?(?:tal|status|ordet)"
    r"|give (?:us |me )?(?:the |a )?(?:short|quick|brief|status|update|overview|summary)"
    r"|giv (?:os |mig )?(?:en |et )?(?:kort|hurtig|status|overblik))",
    re.IGNORECASE,
)
"""What one asked can do in the meeting itself: show, present, walk through, give the short
version."""
_WILL_DO = re.compile(
    r"\b(?:i'll|i will|we'll|we will|i'm going to|going to|i can|we can|let me|jeg skal|vi skal"
    r"|jeg vil|vi vil|jeg kan|vi kan|lad mig|kommer til at|after|later|efter|senere)\b",
    re.IGNORECASE,
)
"""A promise or a later time in a reply: the work is still to come."""


def _declined(index: int, context: _Context) -> bool:
    """Whether the other side's next words turn what sentence ``index`` said down."""
    reply = _reply(index, context)
    return reply is not None and _DECLINE.match(_normal(context.sentences[reply].text)) is not None


_NOT_NEEDED = re.compile(
    r"^[^.?!]{0,40}?\b(?:ikke|not|won't|isn't)\b[^.?!]{0,20}?\b(?:nødvendigt|necessary|needed)"
    r"(?=\s*(?:[,.!;]|$))"
    r"|^(?:(?:nej|no|ah|oh)[,.!]?\s+)*(?:(?:tak|thanks)[,.!]?\s+)?(?:no need|ingen grund"
    r"|det behøver (?:du|i)(?: (?:faktisk|egentlig|slet|altså))? ikke"
    r"|you (?:really |actually )?(?:don't|do not) (?:really )?(?:need|have) to"
    r"|lad (?:bare )?være)\b"
    # "Honestly, we don't need a sandbox yet", "We already have one from last year"
    r"|^(?:[^.?!,]{0,20},\s*)?(?:we|i) (?:really |actually |honestly )?(?:don't|do not)"
    r" (?:really )?need (?:a|an|the|it|that|this|one|those|them)\b"
    r"|^(?:[^.?!,]{0,20},\s*)?we (?:already|actually) have (?:one|it|that|this|those|them)\b",
    re.IGNORECASE,
)
"""A reply that says the work offered is not wanted: "Det tror jeg ikke bliver nødvendigt",
"No need, we have it", "Det behøver du faktisk ikke", "You really do not need to", "We
already have one"."""


def _not_needed(index: int, context: _Context) -> bool:
    """Whether the other side's next words say the work is not needed (with no day named)."""
    reply = _reply(index, context)
    if reply is None:
        return False
    text = _normal(context.sentences[reply].text)
    return (
        _NOT_NEEDED.match(text) is not None
        and find_date(text, context.transcript.meeting.date, weeks=False) is None
    )


_WHAT_IF = re.compile(
    r"^(?:(?:og|and|but|men)\s+)?(?:hvis|if|what if|hvad hvis)\b"
    r"|^(?:(?:og|and|but|men)\s+)?(?:hvad|what)\s+(?:sker der|gør \w+|happens|do \w+ do)"
    r"\b[^?]*\b(?:hvis|if)\b",
    re.I,
)
"""A hypothetical question: "Og hvis det sker igen?", "Hvad sker der, hvis vi vokser?"."""


def _answers_what_if(index: int, context: _Context) -> bool:
    """The answer to someone's "and if it happens again?" ("Så ringer vi til jer, før…"): what
    would happen then, not a task."""
    sentence = context.sentences[index]
    if index == 0 or not re.match(r"(?:så|then)\b", _normal(sentence.text), re.IGNORECASE):
        return False
    question = context.sentences[index - 1]
    return (
        question.speaker != sentence.speaker
        and question.text.rstrip().endswith("?")
        and _WHAT_IF.match(_normal(question.text)) is not None
    )


def _declines_help(text: str, task: str, index: int, context: _Context) -> bool:
    """ "No, I'll find it": turning down an offer to be shown, with nothing to do by a date."""
    if not re.match(r"(?:no|nej|nah)\b", text, re.IGNORECASE) or index == 0:
        return False
    if find_deadline(text, context.transcript.meeting.date, weeks=False) is not None:
        return False
    previous = context.sentences[index - 1]
    offered = any(r is not None for r in (_OFFER_RE.search(previous.text),))
    return (
        previous.speaker != context.sentences[index].speaker
        and offered
        and re.fullmatch(r"\w+(?: \w+)? (?:it|that|det|den|dem)(?: \w+)?[.!]*", task.strip(), re.I)
        is not None
    )


_OFFER_RE = re.compile(
    r"\b(?:i can|i could|shall i|should i|want me to|jeg kan|jeg kunne|skal jeg|vil du have)\b",
    re.IGNORECASE,
)


_KEEPS_THE_MEETING = re.compile(
    r"^(?:try to |prøve at |prøv at )?(?:keep|hold|holde)\s+(?:this|it|things|the meeting|us|det"
    r"|mødet|os)(?:\s+\w+)?\s+(?:tight|short|brief|quick|to time|on time|on track|kort"
    r"|kortfattet|til tiden|inden for tiden|informal|simple|casual|uformelt|enkelt)\b",
    re.IGNORECASE,
)
"""How this meeting is run: "I'll keep this short", "jeg prøver at holde det kort"."""


def _on_the_spot(task: str, cue: re.Match[str], index: int, context: _Context) -> bool:
    """Work done there and then: "let me draw one", "I'll put it there", "lad mig skifte til
    engelsk"; with a date said it is a promise after all."""
    if _KEEPS_THE_MEETING.match(task):
        return True  # "so I'll try to keep this tight": how this meeting is run, whatever day
    let_me = re.match(r"let me|lad mig", cue.group(0), re.IGNORECASE) is not None
    following = context.sentences[index + 1 : index + 2]
    sentence = context.sentences[index]
    shown = [
        s for s in context.sentences[max(0, index - 1) : index] if s.segment == sentence.segment
    ]
    live = (
        _LIVE_VERBS.match(task) is not None
        # "Ja, se her. Jeg trækker den over i næste kolonne": shown as it is said
        or any(_SHOWING.match(s.text) for s in shown)
        or _SHOWING.match(sentence.text) is not None
        or any(
            s.segment == context.sentences[index].segment and _CAN_YOU_SEE.search(s.text)
            for s in following
        )
        or _LIVE_PLACE.search(task.rstrip(".!?")) is not None
        # "jeg sender lige en testmail, så I kan se den": done while the others wait
        or (
            _DA_JUST_DOING.match(task) is not None
            and _DA_PRESENT_JUST.search(sentence.text) is not None
        )
        or _SHARES_IT_NOW.search(sentence.text) is not None
        or _FOR_ALL_TO_SEE.search(sentence.text) is not None
        or (let_me and _LET_ME_LIVE.match(task) is not None)
        or (
            _LOOK_UP.match(task) is not None
            and any(
                s.segment == context.sentences[index].segment and _FOUND_IT.match(s.text)
                for s in following
            )
        )
    )
    if not live:
        return False
    # only a deadline makes it a promise: "so you can see the log from Thursday" names no day
    # the work is due
    return (
        find_deadline(context.sentences[index].text, context.transcript.meeting.date, weeks=False)
        is None
    )


_DA_PRESENT_JUST = re.compile(
    r"\b(?:jeg|vi)\s+(?!(?:skal|vil|kan|må|bør|tør|gider|plejer|har|er|får|havde|var)\b)"
    r"[\w-]+e?r\s+(?:bare\s+)?lige\b"
    # inverted after "så", not after a fronted object ("Den sag vender jeg lige med chefen")
    r"|\bså\s+(?!(?:skal|vil|kan|må|bør|tør|gider|plejer|har|er|får|havde|var)\b)[\w-]+e?r\s+"
    r"(?:jeg|vi)\s+(?:bare\s+)?lige\b",
    re.IGNORECASE,
)
_DA_JUST_DOING = re.compile(
    r"^[\w-]+\s+(?:bare\s+)?lige\b(?!\s+(?:efter|når|så snart|inden|før|bagefter|om lidt)\b)",
    re.IGNORECASE,
)
"""A Danish present tense with "lige" and the object after it, no modal and no time: "jeg
sender lige en testmail", "så flytter jeg lige sagen til tabt" - done while the others wait,
unlike "Det kigger jeg lige på" (an answer, the object fronted), "jeg skal lige tale med X"
or "jeg ringer lige til dem i morgen"."""


_SHARES_IT_NOW = re.compile(
    r"\b(?:deler|share|show)\s+(?:den|det|dem|it|this|that|them)\s+(?:lige|right now|now|nu)\b",
    re.IGNORECASE,
)
"""Sharing what is at hand there and then: "jeg deler den lige", "I'll share it now"."""


_SHOWING = re.compile(
    r"^(?:(?:ja|jo|yes|yeah|sure|okay|ok|klart|sure thing)[,.!]?\s+)?(?:se,? her|kig,? her"
    r"|se lige her|look,? here|see,? here|watch this|watch|look)\b",
    re.IGNORECASE,
)
"""A demonstration in the meeting: "Se her.", "Sure, look here." before what is done."""


_LOOK_UP = re.compile(
    r"(?:slå (?:det|den|dem|\w+) op|look (?:it|that|them) up|check|tjek(?:ke)?|se efter)\b",
    re.IGNORECASE,
)
_FOUND_IT = re.compile(
    r"(?:ja|jo|yes|yeah|okay|ok|right|so|der|her|here|there)\b[,.!:]?\s+\S", re.IGNORECASE
)
"""Looking something up, with the answer said next in the same turn ("Jeg kan lige slå det
op. Ja, VetImage version syv."): done in the meeting."""


_KEPT_PROMISE = re.compile(
    r"\b(?:lovede|lovet|promised|said (?:i|we)(?:'d| would))\b[^.?!]*"
    r"\b(?:og (?:den|det|de|dem|han|hun) (?:kom|fik|holdt|var)|and (?:it|they|you|he|she) (?:came"
    r"|was|were|did|arrived|got)|og det (?:gjorde|holdt) (?:jeg|vi|de|du))\b",
    re.IGNORECASE,
)
"""A promise told as kept: "sidst lovede jeg jer en rettelse, og den kom", "last quarter I
promised you the sheet and it was in your inbox a day early"."""


def _is_joke(sentences: Sequence[Sentence], index: int) -> bool:
    return _JOKE.search(sentences[index].text) is not None


def _laughed_at(sentences: Sequence[Sentence], index: int) -> bool:
    """The reply laughs: a promise of one's own ("I'll eat my hat") was a joke."""
    sentence = sentences[index]
    for reply in sentences[index + 1 : index + 3]:
        if reply.speaker != sentence.speaker and reply.start - sentence.start < 15:
            return bool(_JOKE.search(reply.text))
    return False
