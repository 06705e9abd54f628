"""Replies that take on what someone else just said: a yes to a request or to an offer, and
"I'll do that" after a "who does X?" or a suggestion."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from assistant.intelligence.action_items.cues import _code, _cues_in, _has_cue, _rules_for
from assistant.intelligence.action_items.model import (
    ActionItem,
    _Acceptance,
    _Context,
    _Found,
    _made,
    _normal,
)
from assistant.intelligence.action_items.owners import _may_answer
from assistant.intelligence.action_items.restatements import _OFFER_TAKEN
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _CLAIM,
    _CONSULTS,
    _LIVE_VERBS,
    _ON_THE_SPOT,
    _OPENS_WITH_YES,
    _SHOW_HOW,
    _TAKE_ALONG,
    _WHEN,
    _Rules,
)
from assistant.intelligence.action_items.rules_da import _DA_OFFER, _DA_WHO
from assistant.intelligence.action_items.rules_en import _EN, _EN_OFFER, _EN_WHO
from assistant.intelligence.action_items.similarity import _stems
from assistant.intelligence.action_items.spans import _HANDS_OVER, _dating
from assistant.intelligence.action_items.structure import _TAKES_ON
from assistant.intelligence.action_items.tasks import (
    _clean,
    _due,
    _gerund,
    _imperative,
    _starts_with,
)
from assistant.intelligence.dates import find_date, find_deadline
from assistant.intelligence.sentences import Sentence

_OFFER = {"en": _EN_OFFER, "da": _DA_OFFER}
_WE = re.compile(r"\b(?:vi|we|we'll|we will)\b", re.IGNORECASE)
_NEED = re.compile(
    r"\b(?:(?:skal|må) (?:vi|jeg) (?:lige )?bruge|(?:vi|jeg) (?:skal (?:lige )?bruge|mangler"
    r"|har brug for|får brug for)|det ville hjælpe,? hvis (?:vi|jeg) (?:fik|havde|kunne få)"
    r"|it would help (?:to have|if (?:we|i) (?:had|got|could get))|(?:we|i)(?:'ll| will)? need"
    r"(?! to\b)|we(?:'re| are) missing)\s+(?P<thing>(?!nogen\b|someone\b|somebody\b).+)",
    re.IGNORECASE,
)
"""A need said aloud ("Til piloten skal vi bruge to holdledere", "It would help to have the
IDs"): a task for the one who answers "I'll take that"."""
_PROVIDE = {"en": "provide", "da": "skaf"}
_WHO = {"en": _EN_WHO, "da": _DA_WHO}


_WHO_OF = re.compile(r"^(?:fra|af|of|from) (?:jer|dem|os|you|them|us)\s+", re.IGNORECASE)
"""The group asked in "hvem fra jer …", "who of you …"."""
_ATTENDS = re.compile(
    r"(?:kommer|deltager|er med|bliver|sidder med|joins?|comes?|is coming|attends?|will be"
    r" (?:there|joining|coming)|is joining)\b",
    re.IGNORECASE,
)
"""Being at a meeting, said in a "who…?" question: no work to take on."""


_OWN_WORK = re.compile(r"(?:det|den|dem|it|them|that)\b", re.IGNORECASE)
"""A need that names by a pronoun the work just promised ("jeg skal bruge det inden …")."""


def _needs_or_takes_offer(reply: str) -> bool:
    """A reply that needs the speaker's promised work ("…inden den 22.") or takes their offer
    ("Ja, gør det."): the speaker's dated yes after it keeps that promise, no new work."""
    text = _normal(reply)
    return _NEED.search(text) is not None or (
        _OPENS_WITH_YES.match(text) is not None and _OFFER_TAKEN.search(text) is not None
    )


def _promised_before(index: int, context: _Context) -> bool:
    """Whether the speaker of sentence ``index`` made a promise in their previous turn."""
    sentence = context.sentences[index]
    earlier = [
        s
        for s in context.sentences[max(0, index - 6) : index]
        if s.speaker == sentence.speaker and s.segment != sentence.segment
    ]
    return (
        bool(earlier)
        and sentence.start - earlier[-1].start <= 60
        and any(
            cue[0] == "commitment"
            for rules in _rules_for(earlier[-1].language)
            for cue in _cues_in(_normal(earlier[-1].text), rules)
        )
    )


def _segment_of(item: ActionItem, context: _Context) -> int | None:
    """Index of the transcript segment the item was said in (None: not found)."""
    return next(
        (
            s.segment
            for s in context.sentences
            if s.start == item.start and item.quote.startswith(s.text)
        ),
        None,
    )


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
        # What was asked is read with its own language's rules: "Who can update the price
        # list?" - "Det gør jeg" (a request and its answer in two languages).
        asked = _asked_rules(previous, sentence, rules)
        who = _WHO[_code(asked)].match(text) if previous.speaker != sentence.speaker else None
        if who is not None and _ATTENDS.match(_WHO_OF.sub("", who["task"])):
            break  # "Hvem fra jer kommer til det?" - "Det gør jeg": being there, no task
        if who is not None:
            found_due, task, _ = _due(_WHO_OF.sub("", who["task"]), "", index, context)
            task = _imperative(_gerund(task), asked) if asked is _EN else _imperative(task, asked)
            cleaned = _clean(task, asked)
            if cleaned:
                return _made(cleaned, sentence.speaker, due or found_due, index, context, 0.8), (
                    "commitment"
                )
        need = _NEED.search(text) if previous.speaker != sentence.speaker else None
        if need is not None and _OWN_WORK.match(need["thing"]) and _promised_before(index, context):
            break  # "Jeg laver et tilbud." - "Jeg skal bruge det inden den 22." - "Det kan jeg nå"
        if need is not None and not _spelled_out_next(index, context):
            # "Til piloten skal vi bruge to holdledere" - "Den tager jeg": the one who takes it
            # on provides what is needed.
            found_due, thing, _ = _due(need["thing"], "", index, context)
            cleaned = _clean(f"{_PROVIDE[_code(asked)]} {thing}", asked)
            if cleaned:
                return _made(
                    cleaned, sentence.speaker, due or found_due, index, context, confidence
                ), "commitment"
        suggestion = asked.suggestion.search(text)
        if suggestion is not None:
            task = asked.leading_filler.sub("", text[suggestion.end() :])
            found_due, task, _ = _due(task, "", index, context)
            cleaned = _clean(task, asked)
            if cleaned and not _starts_with(cleaned, asked.non_actions):
                return _made(
                    cleaned, sentence.speaker, due or found_due, index, context, confidence
                ), "commitment"
    return _Acceptance(index, to_offer=False, due=due)


def _asked_rules(previous: Sentence, sentence: Sentence, rules: _Rules) -> _Rules:
    """The rules to read ``previous`` with when ``sentence`` answers it with ``rules``: its
    own language's, when both languages are known and differ."""
    if None in (previous.language, sentence.language) or previous.language == sentence.language:
        return rules
    own = _rules_for(previous.language)
    return own[0] if own else rules


def _spelled_out_next(index: int, context: _Context) -> bool:
    """Whether the turn goes on with a promise of its own ("Det kan jeg finde ud af. Jeg tæller
    dem og sender tallet fredag"): that promise, not the yes, is the task."""
    sentence = context.sentences[index]
    following = context.sentences[index + 1] if index + 1 < len(context.sentences) else None
    return (
        following is not None
        and following.segment == sentence.segment
        and _has_cue(following, context)
    )


def _offerer_promises_next(index: int, offer: ActionItem, context: _Context) -> bool:
    """Whether the one who offered says the promise in so many words right after the yes at
    ``index`` ("Skal jeg regne på det?" - "Ja, gør det." - "Then I'll work out a price for
    ninety-day retention."): that promise, not the offer's question, is the task."""
    following = context.sentences[index + 1] if index + 1 < len(context.sentences) else None
    return (
        following is not None
        and following.speaker == offer.speaker
        and _has_cue(following, context)
    )


def _date_later_in_turn(index: int, context: _Context) -> dt.date | None:
    """A date said after a yes in the same turn: "Ja, det ordner jeg. I får navnene på mandag"."""
    later = _later_in_turn(index, context)
    return later[0] if later else None


def _later_in_turn(index: int, context: _Context) -> tuple[dt.date, int] | None:
    """The date said after sentence ``index`` in the same turn (`_date_later_in_turn`), and
    the index of the sentence that says it."""
    sentence = context.sentences[index]
    for position in range(index + 1, min(index + 3, len(context.sentences))):
        later = context.sentences[position]
        if later.segment != sentence.segment:
            break
        if _has_cue(later, context):
            continue
        phrase = find_deadline(later.text, context.transcript.meeting.date, weeks=False)
        if phrase is not None:
            return (phrase.date, position) if phrase.date is not None else None
    return None


_CONSIDER_IT_DONE = re.compile(
    r"\b(?:consider it done|leave it with me|that's on me|betragt det som gjort|det ordner jeg"
    r"|det klarer jeg)\b",
    re.IGNORECASE,
)


def _taking_on_next(index: int, context: _Context) -> str | None:
    """The sentence right after a yes, in its turn, that takes the work on in so many words."""
    if index + 1 >= len(context.sentences):
        return None
    after = context.sentences[index + 1]
    if after.segment != context.sentences[index].segment:
        return None
    return after.text if _CONSIDER_IT_DONE.search(after.text) else None


_CLAIMS_IT = re.compile(
    r"\b(?:(?:den|det|dem|dét)(?: \w+)? tager jeg\b|jeg tager (?:den|det|dem)\b"
    r"|i'll take (?:it|that|this)\b|leave (?:it|that|this) with me|(?:that|this)(?: one)?'s on me"
    r"|lad (?:det|den) ligge hos mig|(?:det|den) (?:klarer|ordner) jeg|(?:den|det) er på mig"
    r"|consider (?:it|that) done|betragt det som gjort|jeg tager mig af)",
    re.IGNORECASE,
)
"""A yes that claims the work in so many words: someone other than the one asked may say it
("Mette, kan du sende …?" - "Den tager jeg, Mette.") and so takes the work over."""


def _claims_over(item: ActionItem, index: int, context: _Context) -> bool:
    """Whether the sentence claims a request just made of someone else, before anyone else
    took it (in the next turn, or the one after)."""
    sentence = context.sentences[index]
    asked = _segment_of(item, context)
    return (
        _CLAIMS_IT.search(sentence.text) is not None
        and asked is not None
        and 0 < sentence.segment - asked <= 2
        and item.owner != item.speaker
        and not any(
            s.speaker == item.owner
            for s in context.transcript.segments[asked + 1 : sentence.segment]
        )
    )


def _team_took_it_on(item: ActionItem, index: int, context: _Context) -> bool:
    """Someone else said "we" to the request ``item`` before sentence ``index``."""
    speaker = context.sentences[index].speaker
    for position in range(index - 1, -1, -1):
        previous = context.sentences[position]
        if previous.start <= item.start:
            return False
        if previous.speaker not in (speaker, item.speaker) and _WE.search(previous.text):
            return True
    return False


def _accept(found: list[_Found], acceptance: _Acceptance, context: _Context) -> None:
    sentence = context.sentences[acceptance.index]
    due = acceptance.due or _date_later_in_turn(acceptance.index, context)
    if due is None and _TAKE_ALONG.search(sentence.text):
        # "Ja, det tager jeg med": done together with the speaker's own latest promise.
        own = [
            i
            for i, _ in found
            if i.owner == i.speaker == sentence.speaker and sentence.start - i.start < 90
        ]
        due = own[-1].due if own else None
    said_here = _work_said_before_handoff(sentence.text, context)
    for position in range(len(found) - 1, -1, -1):
        item, kind = found[position]
        if sentence.start - item.start > 60 or said_here:
            break
        if acceptance.owner is not None:
            if _spelled_out_next(acceptance.index, context):
                break  # "Emil, den er din. Ring til dem i morgen.": the next words give it
            # "Kasper, den er din": the latest request, or the group's promise, goes to Kasper;
            # so does one just turned down by someone else ("Sorry, I'm full" - "Amira, så er
            # den din").
            if kind in ("request", "group", "declined") and item.speaker != acceptance.owner:
                kind = "request" if kind == "declined" else kind
                confirmed = _confirmed(item, due, acceptance.owner)
                if item.owner in context.name_ids.values() and item.owner != acceptance.owner:
                    # asked of one person, given to another: the hand-off is the quote
                    confirmed = replace(confirmed, quote=sentence.text, start=sentence.start)
                found[position] = (confirmed, kind)
                return
            continue
        if (
            kind == "assignment"
            and item.owner == sentence.speaker
            and item.speaker != sentence.speaker
            and not acceptance.to_offer
        ):
            # "Then Ewa can translate the guide." - "Okay, I take it, I translate it by the end
            # of the month": the one named takes it on; their turn is where it is promised.
            turn = context.transcript.segments[sentence.segment].text
            if due is None:
                # "Yeah, I can do that. Send me the output on Thursday and I'll go through it
                # the same day.": the day said in the turn that takes it on
                said = find_deadline(turn, context.transcript.meeting.date, weeks=False)
                due = said.date if said is not None else None
            found[position] = (
                replace(_confirmed(item, due, item.owner), quote=f"{item.quote} {turn}"),
                kind,
            )
            return
        if acceptance.to_offer:
            # "Please do that": confirms the promise the other person just offered.
            if kind == "commitment" and item.owner != sentence.speaker:
                offer = _offer_before(acceptance.index, context)
                if (
                    offer is not None
                    and offer.start > item.start
                    and offer.quote.rstrip().endswith("?")
                    and not _offerer_promises_next(acceptance.index, offer, context)
                ):
                    # "I'll send the deck tomorrow." ... "Do you want me to set up a call with
                    # our security team?" - "Yes, please do.": the yes answers the new offer's
                    # question and takes it (below); an offer said as a statement ("Jeg kan
                    # holde en halv time online for dem.") is often spelled out later instead
                    break
                found[position] = (_confirmed(item, due, item.owner), kind)
                return
        elif (
            kind == "group"
            and item.speaker != sentence.speaker
            and _addressed(item.quote, context) == sentence.speaker
        ):
            # "Sara, let's send them the minutes." - "Det gør jeg i dag.": the group's work,
            # handed to the one named, is hers once she takes it on.
            found[position] = (_confirmed(item, due, sentence.speaker), "request")
            return
        elif (
            kind == "request"
            # the request, or the answer merged into it that took it on
            and (item.speaker != sentence.speaker or item.owner == sentence.speaker)
            and (
                _may_answer(item.owner, sentence.speaker, context)
                or _claims_over(item, acceptance.index, context)
            )
        ):
            if _DONE_NOW.search(sentence.text):
                del found[position]  # "Det gør jeg lige nu": done in the meeting
                return
            # "Thomas og Nanna, kan I to…?" - "Ja, det kan jeg godt nå": still the pair's task.
            # "I skal have valgt butikkerne" - "Det gør vi": the team's, said by the team.
            owner = (
                item.owner
                if _asks_several(item, context)
                or ((item.owner or "").startswith("team") and _WE.search(sentence.text))
                # "Ja, det gør vi, Niels og jeg." - "Jep.": a bare yes after the team took it
                # on claims nothing for oneself.
                or (
                    (item.owner or "").startswith("team")
                    and _ACCEPTANCE.match(_normal(sentence.text)) is not None
                    and _CLAIM.search(sentence.text) is None
                    and _team_took_it_on(item, acceptance.index, context)
                )
                else sentence.speaker
            )
            confirmed = _confirmed(item, due, owner)
            taking_on = _taking_on_next(acceptance.index, context)
            if taking_on is not None:
                # "Kan I ikke bare oprette dem?" - "Sure. Send me the names, and consider it
                # done.": the turn that takes the work on is quoted with the request.
                confirmed = replace(confirmed, quote=f"{confirmed.quote} {taking_on}")
            elif _dated_here(sentence.text, context) and sentence.text not in confirmed.quote:
                # "Kan du opdatere flyeren?" - "Ja, det gør jeg inden fredag": the yes that
                # dates the work is where it is promised, quoted with the request.
                confirmed = replace(confirmed, quote=f"{confirmed.quote} {sentence.text}")
            found[position] = (confirmed, kind)
            return
    if acceptance.owner is not None:
        # "Dem skal de have inden udgangen af måneden … Julie, den tager du": the chair hands
        # over the work said just before in the same sentence, with its date.
        said = find_deadline(sentence.text, context.transcript.meeting.date, weeks=False)
        if said_here and said is not None and said.date is not None:
            rules = next(iter(_rules_for(sentence.language)), _EN)
            task = "tag dig af det" if rules is not _EN else "take care of it"
            item = _made(
                task.capitalize(), acceptance.owner, said.date, acceptance.index, context, 0.7
            )
            found.append((item, "request"))
        return
    if acceptance.to_offer:
        offer = _offer_before(acceptance.index, context)
        if offer is not None:
            found.append((replace(offer, due=offer.due or due), "commitment"))
        return
    wished = _wish_taken(acceptance.index, context, due)
    if wished is not None:
        found.append((wished, "commitment"))
        return
    if due is not None and found:
        # "Jeg skal have X godkendt. Det gør jeg i næste uge": the speaker dates their own promise.
        item, kind = found[-1]
        previous = context.sentences[acceptance.index - 1]
        if (
            item.speaker == item.owner == sentence.speaker
            and item.due is None
            and previous.segment == sentence.segment
            and item.quote == previous.text
        ):
            found[-1] = (replace(item, due=due), kind)
            return
    if due is not None and found:
        # "Jeg laver et tilbud." - "…inden den 22." - "Det kan jeg godt nå. Du har det på
        # fredag.": the day the speaker's own promise is kept by.
        item, kind = found[-1]
        if (
            item.speaker == item.owner == sentence.speaker
            and kind == "commitment"
            and sentence.start - item.start <= 60
            and (item.due is None or due <= item.due)
            and _promised_before(acceptance.index, context)
            and _needs_or_takes_offer(context.sentences[acceptance.index - 1].text)
            and context.sentences[acceptance.index - 1].speaker != sentence.speaker
        ):
            later = _later_in_turn(acceptance.index, context)
            dating = context.sentences[later[1]] if later and later[0] == due else sentence
            found[-1] = (replace(item, due=due, quote=f"{item.quote} {dating.text}"), kind)
            return
    dated = _dated_take_on(acceptance, due, context)
    if dated is not None:
        found.append((dated, "commitment"))
        return
    taken_to = _TAKEN_TO.match(_normal(sentence.text))
    if taken_to is not None:
        # "Den tager jeg med direktøren", "Det tager jeg med til vores ledelse": nothing asked
        # just before, the thing raised is brought to someone; the sentence says the work.
        task = f"tag {taken_to['what'].lower()} med {taken_to['to']}"
        found.append(
            (
                _made(task.capitalize(), sentence.speaker, due, acceptance.index, context, 0.7),
                "commitment",
            )
        )


_TAKEN_TO = re.compile(
    r"^(?:(?:ja|jo|okay|fint)[,.!]?\s+)?(?P<what>den|det|dem) tager jeg med "
    r"(?P<to>(?:til |i |på )?(?:min |mine |vores |jeres |den |det )?"
    r"(?!(?:godt|gerne|også|samme|lige|nu|da)\b)[\w-]{4,})",
    re.IGNORECASE,
)
"""A thing brought to someone or into a document: "Den tager jeg med direktøren"."""


_TAKES_IT_BY = re.compile(
    r"^(?:(?:ja|jo|okay|fint|jamen|så)[,.]?\s+)*(?P<object>det|den|dem) (?P<verb>\w+r) jeg\b",
    re.IGNORECASE,
)


def _dated_take_on(
    acceptance: _Acceptance, due: dt.date | None, context: _Context
) -> ActionItem | None:
    """ "Hvornår kan de sidste være klar?" - "Dem klarer jeg inden den 11.": a dated "I'll do
    it" that answers no request is a promise of its own about what was just talked about (its
    pronoun is resolved from the turns before)."""
    sentence = context.sentences[acceptance.index]
    said = _TAKES_IT_BY.match(_normal(sentence.text))
    if due is None or said is None or acceptance.to_offer or acceptance.owner is not None:
        return None
    rules = next(iter(_rules_for(sentence.language)), _EN)
    task = _imperative(f"{said['verb']} {said['object'].lower()}", rules)
    return _made(task[:1].upper() + task[1:], sentence.speaker, due, acceptance.index, context, 0.7)


_WISH = re.compile(
    r"\b(?:(?:jeg|vi) (?:vil|ville)|(?:vil|ville) (?:jeg|vi)) (?:også |gerne |godt |rigtig gerne )*"
    r"(?:(?:se|have|få) (?P<da>(?:en|et|nogle|noget)\b.+)"
    # "Så vil jeg gerne vide, hvad det betyder i kroner": an answer to find out
    r"|vide,? (?P<da_clause>(?:hvad|hvor|hvordan|hvornår|om)\b.+))"
    r"|\b(?:i|we)(?:'d| would) (?:really )?like (?:to (?:see|have|get) )?"
    r"(?P<en>(?:a|an|some|the)\b.+)",
    re.IGNORECASE,
)
"""A wish for a piece of work: "Jeg vil gerne se en beregning på det", "I'd like a summary"."""
_FRONTED_YES = re.compile(
    r"^(?:(?:ja|jo|okay|ok|fint|klart|det er fair|fair|sure|yes)[,.!]?\s+)*(?:den|det|dem)"
    r" (?P<verb>\w+er) jeg\b",
    re.IGNORECASE,
)
"""A yes that names its work by a verb: "Den laver jeg", "Ja, den skriver jeg"."""


def _wish_taken(index: int, context: _Context, due: dt.date | None) -> ActionItem | None:
    """ "Jeg vil gerne se en beregning på det" - "Den laver jeg": a wish for work, taken on by
    the one who answers with its verb; the task is that verb and the work wished for."""
    sentence = context.sentences[index]
    yes = _FRONTED_YES.match(_normal(sentence.text))
    if yes is None:
        return None
    for position in range(index - 1, max(-1, index - 3), -1):
        previous = context.sentences[position]
        if previous.speaker == sentence.speaker:
            continue
        if sentence.start - previous.start > 60:
            return None
        wish = _WISH.search(_normal(previous.text))
        if wish is None:
            return None
        rules = next(iter(_rules_for(sentence.language)), None)
        if rules is None:
            return None
        work = re.split(
            r"[,;]|\s+(?:før|inden|before|so that|så)\s+",
            wish["da"] or wish["da_clause"] or wish["en"],
        )[0]
        task = _clean(f"{_imperative(yes['verb'], rules)} {work}", rules)
        if not task:
            return None
        item = _made(task, sentence.speaker, due, index, context, 0.75)
        later = _later_in_turn(index, context)
        if later is not None and later[0] == due:
            # "Den laver jeg. Du får den inden den 4.": the date is part of what is quoted.
            item = replace(item, quote=f"{item.quote} {context.sentences[later[1]].text}")
        return item
    return None


def _asks_several(item: ActionItem, context: _Context) -> bool:
    """A request to a team that names two or more of its members ("Thomas og Nanna, kan I
    to…") or is made to everyone ("Everyone, please log your hours by Friday" - "Got it"):
    one of them answering does not make it theirs alone."""
    if item.owner is None or not item.owner.startswith("team:"):
        return False
    if _TO_EVERYONE.search(item.quote):
        return True
    if context.names is None:
        return False
    named = re.findall(rf"\b(?:{context.names})\b", item.quote, re.IGNORECASE)
    return len({context.name_ids.get(name.lower()) for name in named} - {None}) >= 2


_TO_EVERYONE = re.compile(
    r"\b(?:everyone|everybody|all of you|each of you|you all|alle sammen|allesammen"
    r"|hver især|hver og en)\b",
    re.IGNORECASE,
)


def _work_said_before_handoff(text: str, context: _Context) -> bool:
    """A hand-off by pronoun ("julie den tager du") after at least a clause of work in the same
    sentence with a date: that work is what is handed over, not an earlier request."""
    if context.names is None:
        return False
    name = re.search(rf"\b(?:{context.names})\b", text, re.IGNORECASE)
    if name is None or len(text[: name.start()].split()) < 4:
        return False
    return find_deadline(text[: name.start()], context.transcript.meeting.date) is not None


_DONE_NOW = re.compile(r"\b(?:right now|right away now|lige nu|as we speak|mens vi taler)\b", re.I)
"""A yes that does the work there and then: no task is left."""


def _addressed(quote: str, context: _Context) -> str | None:
    """The participant a sentence opens by naming ("Sara, let's …"), if any."""
    said = re.match(r"\s*([^\W\d_]+),", quote)
    return context.name_ids.get(said[1].lower()) if said else None


def _dated_here(text: str, context: _Context) -> bool:
    """Whether a yes names its day itself ("Ja, det gør jeg inden fredag"), not in a later
    sentence of the turn."""
    said = find_deadline(text, context.transcript.meeting.date, weeks=False)
    return said is not None and said.date is not None


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
    latest_turn: dict[str, int] = {}
    for position in range(index - 1, max(-1, index - 4), -1):
        previous = context.sentences[position]
        if previous.speaker == sentence.speaker or sentence.start - previous.start > 60:
            continue
        # "I could build a competitor sheet." - "We already have one." - "Then I'll ask
        # marketing." - "Please do.": the yes is for what the offerer said last, not the offer
        # they moved on from.
        if latest_turn.setdefault(previous.speaker, previous.segment) != previous.segment:
            continue
        for rules in _rules_for(previous.language):
            match = _OFFER[_code(rules)].search(_normal(previous.text))
            if match is None:
                continue
            task = rules.leading_filler.sub("", _normal(previous.text)[match.end() :])
            # "Skal jeg ikke bare dele min skærm?": the negation only asks; it is not the work
            task = re.sub(r"^(?:ikke\s+)(?:bare\s+|lige\s+)*", "", task, flags=re.IGNORECASE)
            due, task, _ = _due(task, "", position, context)
            cleaned = _clean(task, rules)
            if cleaned and not _starts_with(cleaned, rules.non_actions):
                if _TURN_IN_MEETING.match(task.strip()):
                    return None  # "Skal jeg starte med migreringen?" - "Ja tak": my turn now
                if _LIVE_VERBS.match(cleaned):
                    return None  # "Shall I share my screen?" - "Yes please": done there and then
                if _ON_THE_SPOT.search(cleaned) and due is None:
                    return None  # "Skal jeg slå det til nu?" - "Ja": done in the meeting
                if _SHOW_HOW.match(cleaned) and due is None:
                    return None  # "Skal jeg vise jer, hvordan den ser ud?" - "Ja": shown now
                return _made(cleaned, previous.speaker, due, position, context, 0.8)
    return None


_TURN_IN_MEETING = re.compile(
    r"(?:starte|begynde|start|begin|go first|kick off|tage ordet|take the floor)\b", re.I
)
"""An offer to take a turn in the meeting itself ("Skal jeg starte med status?")."""


_TIMING_QUESTION = re.compile(
    r"\b(?:when|what day|does \w+ work|would \w+ work|is \w+ (?:ok|okay|fine)|suit|hvornår"
    r"|passer det|passer \w+|er \w+ (?:ok|okay|fint)|hvilken dag)\b",
    re.IGNORECASE,
)


_EVENT_QUESTION = re.compile(
    r"\b(?:when|hvornår)\b[^?]*\b(?:they|he|she|their|his|her|the board|de|han|hun|deres|hans"
    r"|hendes|bestyrelsen|mødes|meets?|meeting|mødet|messen|the fair|konferencen|the conference)\b",
    re.IGNORECASE,
)
"""A question about when someone else's meeting or event takes place ("Hvornår mødes de?",
"When does the board meet?"): its answer dates the event, not the promise before it."""


_SETS_UP_EVENT = re.compile(
    r"(?:set up|schedule|book|arrange|organi[sz]e|plan|find a (?:time|date|slot) for"
    r"|sæt\w* op|book\w*|arranger\w*|planlæg\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:call|meeting|demo|session|training|workshop|visit|webinar|check-in|walkthrough"
    r"|\w*møde\w*|opkald\w*|demo\w*|session\w*|træning\w*|workshop\w*|besøg\w*|kursus\w*)\b",
    re.IGNORECASE,
)
"""A task that sets up an event ("Set up a call with your CFO", "Book et møde med dem"): a day
agreed for it after a "Shall we say Thursday?" is when the event is held, not a deadline."""


def _agreed_date(found: list[_Found], index: int, context: _Context) -> None:
    """ "I can rework the slides. Does Wednesday work?" - "Thursday is better": the date the
    other person answers with becomes the deadline of the asker's own promise."""
    if index < 2 or not found:
        return
    sentence, question = context.sentences[index], context.sentences[index - 1]
    offer = context.sentences[index - 2]
    item, kind = found[-1]
    if (
        question.speaker == sentence.speaker
        or not question.text.rstrip().endswith("?")
        or offer.segment != question.segment  # the question asks about the promise just made
        or not (item.speaker == item.owner == question.speaker and item.quote == offer.text)
    ):
        return
    if _EVENT_QUESTION.search(question.text):
        return  # "Hvornår mødes de?" - "Den 26.": the day of their meeting, not the deadline
    if _SETS_UP_EVENT.match(item.text):
        return  # "I'll book a walkthrough. Does Monday suit?" - "Monday's good": the event's day
    meeting_date = context.transcript.meeting.date
    if (
        not _TIMING_QUESTION.search(question.text)
        and find_date(question.text, meeting_date, weeks=False) is None
    ):
        return
    said = find_deadline(sentence.text, meeting_date, weeks=False)
    if said is not None and said.date is not None:
        found[-1] = (replace(item, due=said.date), kind)


_DECLINE = re.compile(r"^(?:no|nope|not|sorry|nej|ikke|desværre)\b", re.IGNORECASE)


def _dated_answer(found: list[_Found], index: int, context: _Context) -> bool:
    """A yes with a date that made no item of its own ("Sure thing, will do by Friday", "Ja, det
    kan jeg godt i morgen") dates the request it answers and gives it to the one answering."""
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    if text.endswith("?") or _DECLINE.match(text):
        return False
    if not (_OPENS_WITH_YES.match(text) or _TAKES_ON.search(text)):
        return False
    said = find_deadline(text, context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return False
    for position in range(len(found) - 1, -1, -1):
        item, kind = found[position]
        if sentence.start - item.start > 45:
            return False
        if kind != "request" or item.speaker == sentence.speaker:
            if item.speaker == item.owner == sentence.speaker:
                return False  # the speaker made a promise of their own since
            continue
        if not _may_answer(item.owner, sentence.speaker, context) or item.due is not None:
            return False
        asked = _segment_of(item, context)
        turns = context.transcript.segments[(asked or 0) + 1 : sentence.segment]
        if asked is None or any(s.speaker == sentence.speaker for s in turns):
            return False  # only the first answer to the request counts
        confirmed = _confirmed(item, said.date, sentence.speaker)
        # "Sure thing, will do by Friday": the yes that dates the work is quoted with it.
        confirmed = replace(confirmed, quote=f"{confirmed.quote} {sentence.text}")
        found[position] = (confirmed, kind)
        return True
    return False


_WISHED_DEADLINE = re.compile(
    r"\b(?:gerne|helst|senest|preferably|ideally|if possible|if you can|hvis (?:du|i) kan"
    r"|hvis det er muligt|(?:can|could|may) (?:i|we) (?:have|get|see)|kan (?:jeg|vi) få"
    r"|(?:i|we|they) (?:need|want|would need) (?:it|them|that|those|this|(?P<thing>the \w+))"
    r"|(?:jeg|vi|de) (?:skal bruge|har brug for|vil gerne have) (?:det|den|dem"
    r"|(?P<thing_da>\w+(?:en|et|ne)\b))"
    r"|(?:would|could|does|will) \w+ (?:work|be (?:ok|okay|fine|possible)))",
    re.IGNORECASE,
)
"""Words that ask for the work by a date: "Gerne inden onsdag", "Could we have the names by the
ninth?", "They need it by Friday"."""
_ONLY_YES = re.compile(
    r"(?:(?:yeah|yes|yep|fine|ok|okay|sure|great|good|perfect|that works|works|that's fine"
    r"|is fine|no problem|noted|ja|jo|fint|godt|perfekt|super|klart|noteret|det passer"
    r"|passer fint|er fint|det er fint|senest|latest|at the latest)[\s,.!]*)*",
    re.IGNORECASE,
)
"""What may be said with the date in a yes: "The sixth, yeah fine", "Ja, senest torsdag"."""
_OWN_DATED_YES = re.compile(
    r"^(?:(?:så|then|so),?\s+)?(?:(?:du|i|you)(?:'ll| will)? (?:får|har|have|get|hear|receive)\b"
    r"|(?:det|den|dem) (?:får|har|kan) (?:du|i)(?: godt)?(?: få)?\b"
    r"|(?:har|får) (?:du|i) (?:den|det|dem)\b"
    # the work itself said to be there: "Den ligger ude inden fredag", "It'll be with you by…"
    r"|(?:den|det|dem|\w+(?:et|en|ne)) (?:ligger|er|kommer) (?:klar|ude|på plads|i \w+"
    r"|hos (?:dig|jer))\b"
    r"|(?:it|they|that|the \w+)(?:'ll| will) be (?:ready|with you|in your inbox|out|done)\b)",
    re.IGNORECASE,
)
"""The one who promised hands it over with a date: "Du får den i morgen", "Så har I den i
overmorgen", "You'll have both by Thursday", "Rapporten ligger i mappen senest fredag"."""


def _open_promise(found: list[_Found], index: int, context: _Context) -> int | None:
    """The position in ``found`` of the latest item when it is an undated task of one person,
    said at most a minute before sentence ``index``."""
    if not found:
        return None
    item, _ = found[-1]
    sentence = context.sentences[index]
    if (
        item.due is not None
        or item.owner is None
        or item.owner.startswith("team")
        or not 0 <= sentence.start - item.start <= 60
    ):
        return None
    if len(found) > 1 and _CONSULTS.match(item.text):
        # "Så sender jeg et udkast. Det skal jeg lige vende med min chef først." - "Hvornår kan
        # vi se det?": the date is asked of the thing to be seen, not of the check before it.
        before, _ = found[-2]
        if before.owner == item.owner and before.due is None and before.start == item.start:
            return len(found) - 2
    return len(found) - 1


def _dated_across_turns(found: list[_Found], index: int, context: _Context) -> None:
    """A date said in the turns after an undated promise, by either side, dates it:
    - the other side asks for it by a date, in the next turn ("I'll send some examples." -
      "Gerne inden fredag"; "Could we have the names by the ninth?"), unless the one who
      promised then turns the date down;
    - the one who promised says the date in a short yes or hand-over ("Det gør jeg i dag",
      "Du får den senest i morgen", "The sixth of March, yeah fine")."""
    position = _open_promise(found, index, context)
    if position is None:
        return
    item, kind = found[position]
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    said = find_deadline(text, context.transcript.meeting.date, weeks=False)
    if said is None and index > 0 and _ASKED_WHEN.search(context.sentences[index - 1].text):
        # "Hvad betyder det i datoer?" - "Lad os sige den 8. januar": the day is the answer.
        said = find_deadline(_LETS_SAY.sub("", text), context.transcript.meeting.date, weeks=False)
    following = context.sentences[index + 1 : index + 2]
    if any(s.segment == sentence.segment and _TAKEN_BACK.match(_normal(s.text)) for s in following):
        return  # "Lad os sige torsdag. Nej vent, …": the day said after it counts
    if said is None or said.date is None:
        return
    promised_in = _segment_of(item, context)
    if promised_in is None:
        return
    # A request quoted with the answer that took it on: promised in the answer's turn.
    promised_in = max(
        [promised_in]
        + [
            s.segment
            for s in context.sentences
            if item.start < s.start < sentence.start and s.text in item.quote
        ]
    )
    turns = context.transcript.segments[promised_in + 1 : sentence.segment]
    if sentence.speaker == item.owner:
        # "Can you review it?" - "Yes." - "When would that be realistic?" - "Give me until
        # Wednesday": the owner's bare yes in between changes nothing.
        turns = tuple(
            t for t in turns if not (t.speaker == item.owner and _ACCEPTANCE.match(_normal(t.text)))
        )
        if 1 < len(turns) <= _HANDOVER_TURNS and not text.endswith("?"):
            # "Du får det inden næste bestyrelsesmøde. Hvornår er det?" - "Den 9." - "Så har
            # du det inden den 9.": a hand-over of the open promise, a few turns on.
            if _dating(sentence.text, context.transcript.meeting.date) is not None:
                found[position] = (replace(item, due=said.date), kind)
            return
        # The promise's turn, at most one reply, then the date.
        if len(turns) > 1 or text.endswith("?"):
            return
        if (
            turns
            and turns[0].speaker != item.owner
            and _ASKED_WHEN.search(turns[0].text)
            and not _asks_when_of_other(turns[0].text, item)
        ):
            # "Hvornår tror du, jeg kan få den?" - "Inden torsdag, det lover jeg": the answer
            # to a question for the date is the deadline (past an "if…," clause before it).
            main = _CONDITION_FIRST.sub("", text)
            if find_deadline(main, context.transcript.meeting.date, weeks=False) is None:
                main = _LETS_SAY.sub("", main)  # "Lad os sige den 8.": the day named in answer
            answer = find_deadline(main, context.transcript.meeting.date, weeks=False)
            if answer is not None and answer.date is not None and not _REFUSAL.match(text):
                found[position] = (replace(item, due=answer.date), kind)
            return
        rest = (text[: said.start] + text[said.end :]).strip(" ,.!?")
        # "…, og det har du også inden den 20.": handed over by a date (not "Den kan jeg ikke
        # give væk i dag").
        handover = (
            _dating(sentence.text, context.transcript.meeting.date) is not None
            and _HANDS_OVER.search(text) is not None
            and _NOT.search(text) is None
        )
        if (
            _ONLY_YES.fullmatch(rest)
            or _OPENS_WITH_YES.match(text)
            or _OWN_DATED_YES.match(text)
            or handover
        ):
            previous = context.sentences[index - 1]
            # Said right after the promise in the same turn, the date is part of the quote.
            follows = previous.segment == sentence.segment and item.quote == previous.text
            quote = f"{item.quote} {sentence.text}" if follows else item.quote
            if (
                handover
                and not follows
                and previous.segment == sentence.segment
                and _FIRM_YES.fullmatch(_normal(previous.text))
            ):
                # "Jeg kunne lave et tilbud på begge." - "Ja, gør det." - "Så gør jeg det.
                # Begge i samme dokument, og det har du inden den 20.": the firm promise is
                # the one quoted.
                quote = f"{previous.text} {sentence.text}"
            found[position] = (replace(item, due=said.date, quote=quote), kind)
        return
    if (
        kind == "request"
        and sentence.speaker == item.speaker
        and item.due is None
        and len(turns) == 1
        and turns[0].speaker == item.owner
        and not _REFUSAL.match(_normal(turns[0].text))
        and not text.endswith("?")
        and len(text.split()) <= 8
    ):
        # "Kan du sende listen?" - "Ja." - "Gerne inden torsdag.": the asker, answered with a
        # yes (or a "when?"), names the deadline in a short turn of their own.
        found[position] = (replace(item, due=said.date), kind)
        return
    # The other side: in the turn right after the promise, asking for a date.
    if any(s.speaker != sentence.speaker for s in turns):
        return
    wish = _WISHED_DEADLINE.search(text)
    if wish is None or (
        (thing := wish["thing"] or wish["thing_da"]) is not None
        and not _stems(thing) & _stems(item.text)
    ):
        return  # "I need the contract signed by the 30th": other work than the promise
    if sentence.speaker == item.speaker and kind == "request":
        return  # the asker adds a date to their own request: already read with it
    reply = next((s for s in context.sentences[index + 1 :] if s.speaker != sentence.speaker), None)
    if reply is not None and reply.speaker == item.owner and _REFUSAL.match(_normal(reply.text)):
        return
    found[position] = (replace(item, due=said.date), kind)


_FIRM_YES = re.compile(
    r"(?:(?:ja|jo|okay|ok|fint|godt|yes|sure|then)[,.!]?\s+)*(?:så\s+|then\s+)?"
    r"(?:gør jeg det|det gør jeg|i'll do (?:it|that)|will do|consider it done)[.!]*",
    re.IGNORECASE,
)
"""A sentence that only takes the work on, firmly ("Så gør jeg det.")."""
_NOT = re.compile(r"\b(?:ikke|not|never|aldrig|can't|won't|cannot)\b", re.IGNORECASE)
_HANDOVER_TURNS = 3
"""Turns at most between an open promise and the owner's hand-over that dates it."""
_ASKED_WHEN = re.compile(
    rf"\b(?:{_WHEN}|(?:i|in) (?:datoer|dates)|hvilken dato|what date|which date|hvilken dag"
    r"|which day|what day)\b",
    re.IGNORECASE,
)
"""A turn that asks for the date of work just promised."""
_WHEN_WORD = re.compile(r"\b(?:when|hvornår)\b", re.IGNORECASE)
_OF_THE_PROMISE = frozenset(
    (
        *("you", "i", "we", "it", "that", "this", "those", "these", "they", "them"),
        *("du", "dig", "jeg", "vi", "den", "det", "dem", "de", "man"),
    )
)
"""Words after a "when?" that ask about the work just promised ("When can you do it?")."""


def _asks_when_of_other(question: str, item: ActionItem) -> bool:
    """ "I'll ask them." - "When does the contract need to be signed?": a question that asks
    when something else is due, naming neither the work nor the one doing it, so its answer
    does not date the promise."""
    asked = _WHEN_WORD.search(question)
    if asked is None:
        return False
    tail = question[asked.end() :]
    if set(re.findall(r"\w+", tail.lower())) & _OF_THE_PROMISE or not _stems(tail):
        return False  # "When can you have it?", a bare "When?"
    return not _stems(tail) & _stems(item.text)


_TAKEN_BACK = re.compile(r"^(?:nej|no|vent|wait|actually|undskyld|sorry)\b", re.IGNORECASE)
_LETS_SAY = re.compile(r"\b(?:lad os sige|skal vi sige|let's say|shall we say)\b", re.IGNORECASE)
_CONDITION_FIRST = re.compile(
    r"^(?:hvis|if|når|once|as soon as|så snart)\b[^,]*,\s*(?:så\s+|then\s+)?", re.IGNORECASE
)
"""An "if…," clause opening an answer: its date is the condition's, not the deadline."""
_REFUSAL = re.compile(
    r"^(?:[^.,!?]{0,40},\s*)?(?:no(?! problem| worries)|nope|unfortunately|i'm afraid|nej"
    r"(?! tak)|desværre)\b"
    r"|^(?:[^.,!?]{0,40},\s*)?(?:i|we) (?:can't|cannot|won't|couldn't)\b"
    r"|^(?:[^.,!?]{0,40},\s*)?(?:jeg|vi) (?:kan|vil) (?:desværre )?ikke\b"
    r"|^(?:[^.,!?]{0,40},\s*)?det (?:kan|vil) (?:jeg|vi) (?:desværre )?ikke\b"
    r"|^(?:[^.,!?]{0,40},\s*)?(?:i'd|i would|we'd|we would) rather not\b"
    # not a yes either: the request stays open ("I'll keep it in mind")
    r"|^(?:[^.,!?]{0,40},\s*)?(?:i'll|i will|we'll|we will) (?:keep|bear) (?:it|that|this) in mind"
    r"|^(?:[^.,!?]{0,40},\s*)?det (?:skal|vil) (?:jeg|vi) (?:have|holde) (?:i tankerne|in mente)"
    # done before it was asked: "Det har jeg allerede gjort", "I've already sent it"
    r"|^(?:[^.,!?]{0,40},\s*)?(?:(?:det|den|de|dem) (?:har|er) (?:(?:jeg|vi) )?allerede"
    r"|(?:i've|i have|we've|we have|that's|it's|that is|it is) already)\b"
    r"|^(?:[^.,!?]{0,40},\s*)?(?:already done|allerede gjort|allerede klaret)\b",
    re.IGNORECASE,
)
"""A first answer that turns a request down: "No, I can't commit to that", "I can't promise a
credit on this call", "Det kan jeg desværre ikke", "I'd rather not promise that today", only
notes it ("I'll keep it in mind"), or says it is done already ("Det har jeg allerede gjort")."""
_ONLY_LATER = re.compile(
    r"\b(?:ikke (?:før|inden)|not (?:before|until|till)|først|no earlier than)\b", re.IGNORECASE
)
"""A no to the day, not to the work: "Nej, ikke før fredag" (unlike "I'm full until January")."""


def _refused(found: list[_Found], index: int, context: _Context) -> None:
    """A request turned down in the answer ("Could you waive the fee?" - "No, I can't do that")
    is no task: it is dropped."""
    sentence = context.sentences[index]
    if not found or _REFUSAL.match(_normal(sentence.text)) is None:
        return
    said = find_date(sentence.text, context.transcript.meeting.date, weeks=False)
    if said is not None and _ONLY_LATER.search(sentence.text[: said.end]):
        return  # "Nej, ikke før fredag": a no to the timing, not to the work
    if index > 0 and context.sentences[index - 1].segment == sentence.segment:
        return  # only the opening of a turn answers
    item, kind = found[-1]
    if (
        kind != "request"
        or item.speaker == sentence.speaker
        or not _may_answer(item.owner, sentence.speaker, context)
        or sentence.start - item.start > 30
    ):
        return
    asked = _segment_of(item, context)
    turns = context.transcript.segments[(asked or 0) + 1 : sentence.segment]
    if asked is None or any(s.speaker == sentence.speaker for s in turns):
        return
    if turns and turns[-1].speaker != item.speaker:
        return  # "Kan du ikke tage standen?" - "Nej, den uge er jeg på ferie": a no to another
    found[-1] = (item, "declined")
