"""Reading a meeting sentence by sentence: the cues that open a task, the item each one
yields, replies linked to what they answer, repeats merged."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.absent import absent_names
from assistant.intelligence.action_items.cues import (
    _Cand,
    _candidates,
    _code,
    _has_cue,
    _rules_for,
    hands_on,
)
from assistant.intelligence.action_items.events import dated_by_event, dated_with_task
from assistant.intelligence.action_items.later_dates import dated_later
from assistant.intelligence.action_items.merging import (
    _SOMETHING_ELSE,
    _merge_duplicates,
    _merge_into_request,
    _takes_on_group,
)
from assistant.intelligence.action_items.model import (
    ActionItem,
    _Acceptance,
    _Context,
    _Found,
    _made,
    _normal,
)
from assistant.intelligence.action_items.owners import (
    TEAM,
    _addressed_team,
    _owner,
    _plural_addressee,
    _several_named,
    _strip_vocative,
    _team_of,
)
from assistant.intelligence.action_items.pronouns import has_object_pronoun, resolve_pronoun
from assistant.intelligence.action_items.replies import (
    _OWN_DATED_YES,
    _REFUSAL,
    _accept,
    _accepted_offer_question,
    _agreed_date,
    _answer,
    _dated_across_turns,
    _dated_answer,
    _refused,
)
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _AGENDA,
    _CAN_YOU_SEE,
    _CLAIM,
    _CONSULTS,
    _FOR_ALL_TO_SEE,
    _GOING_SOMEWHERE,
    _JOKE,
    _LEAVING,
    _LET_ME_LIVE,
    _LIVE_PLACE,
    _LIVE_VERBS,
    _MEETING_ACTIVITY,
    _NEGATION,
    _OFFER_ACCEPTANCE,
    _ON_THE_SPOT,
    _OPENS_WITH_YES,
    _POLITE_CONDITION,
    _PRONOUN_OBJECT,
    _PURPOSE,
    _QUESTION_OPENING,
    _SENTENCE_PUNCTUATION,
    _STATE_GERUND,
    _SUBORDINATE,
    _TRAILING_CONDITION,
    AGENDA_WINDOW_S,
    _Rules,
)
from assistant.intelligence.action_items.rules_da import (
    _DA,
    _DA_ANAPHORIC_ACCEPT,
    _DA_DONE,
    _DA_FILLER,
    _DA_HAVE_DONE,
    _DA_LEADING_VERBS,
    _DA_PRESENT_RE,
)
from assistant.intelligence.action_items.rules_en import _EN, _EN_LEADING_VERBS
from assistant.intelligence.action_items.similarity import _same_stem, _stems, _verb, similar_tasks
from assistant.intelligence.action_items.spans import span_quotes
from assistant.intelligence.action_items.structure import (
    _DECLINE,
    _TAKES_ON,
    _reply,
    answered_with_assent,
    danish_present_is_promise,
    done_on_the_spot,
    is_work,
    offer_is_taken,
    states_a_routine,
)
from assistant.intelligence.action_items.tasks import (
    _clean,
    _due,
    _gerund,
    _imperative,
    _starts_with,
)
from assistant.intelligence.dates import find_date, find_deadline, resolve_due_date
from assistant.intelligence.sentences import Sentence, sentences_of, words
from assistant.transcript import Participant, Transcript


def rule_action_items(transcript: Transcript) -> tuple[ActionItem, ...]:
    """Action items the rules find in the meeting, in order of time, duplicates merged."""
    return rule_items_in(_context(transcript, action_sentences(transcript)))


_TAKES_DAY_BACK = re.compile(
    r"^(?:(?:øh\w*|ah|oh|um|uh|åh)[,.!]?\s+)*"
    r"(?:nej|no|sorry|undskyld|vent|wait|hov|i mean|jeg mener|actually|faktisk)\b",
    re.IGNORECASE,
)


def action_sentences(transcript: Transcript) -> list[Sentence]:
    """The meeting's sentences, a day said and taken back in the next sentence of the same turn
    read as one ("I morgen. Nej, torsdag.", "Tuesday. Sorry, Wednesday, I'm out Tuesday."): the
    day that stands is the corrected one, wherever the first was said."""
    sentences = sentences_of(transcript)
    meeting_date = transcript.meeting.date
    joined: list[Sentence] = []
    for sentence in sentences:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.segment == sentence.segment
            and _TAKES_DAY_BACK.match(sentence.text)
            and find_date(sentence.text, meeting_date, weeks=False) is not None
        ):
            both = f"{previous.text} {sentence.text}"
            first = find_deadline(previous.text, meeting_date, weeks=False)
            said = find_deadline(both, meeting_date, weeks=False)
            if first is not None and said is not None and said.date != first.date:
                joined[-1] = replace(previous, text=both)
                continue
        joined.append(sentence)
    return joined


def rule_items_in(context: _Context) -> tuple[ActionItem, ...]:
    """`rule_action_items` on a meeting already read into a context."""
    transcript, sentences = context.transcript, context.sentences
    found: list[_Found] = []
    for index in range(len(sentences)):
        if _is_joke(sentences, index) or _KEPT_PROMISE.search(sentences[index].text):
            continue
        _agreed_date(found, index, context)
        _refused(found, index, context)
        if _in_recap(index, context):
            _dated_by_recap(found, index, context)
        outcome = _item(index, context)
        if outcome is None:
            if _done_now(found, index, context):
                continue
            if _redated(found, index, context):
                continue
            if not _dated_answer(found, index, context):
                _dated_across_turns(found, index, context)
            continue
        if isinstance(outcome, _Acceptance):
            _accept(found, outcome, context)
            continue
        refusing = _refuses_all(_normal(sentences[index].text))
        if _sums_up(outcome, found, index, context):
            continue
        outcome = _new_in_handout(outcome, found, index, context)
        answered_when = False
        for said, kind in outcome:
            item = said
            if refusing:
                continue  # "No, that isn't something I can offer": turns work down
            if answered_when and kind == "commitment":
                continue  # the rest of an answer to "when?": the same work, said out
            if kind in ("commitment", "group") and _laughed_at(sentences, index):
                continue
            if kind == "commitment" and _dates_own_open_promise(found, item, index, context):
                continue
            if kind == "commitment" and _repeats_own_date(found, item):
                continue
            if kind == "request" and _asks_promise_by_date(found, item):
                continue
            if kind == "request" and _asks_another_day(found, item):
                continue
            if kind == "request" and _condition_of_own_yes(found, item, index, context):
                continue
            if kind == "commitment" and _instead_of_help(item, index, context):
                continue
            if kind == "commitment" and _takes_another_day(found, item, index, context):
                continue
            if kind == "request" and _amends_promise(found, item):
                continue
            if kind == "request" and _asks_report_on_promise(found, item):
                continue
            if _adds_to_promise(found, item):
                continue
            if kind == "commitment" and _answers_on_own_promise(found, item, index, context):
                continue
            if kind == "group" and _reason_for_request(item, index, context):
                continue
            if kind == "commitment" and _what_it_lets_me_do(item, index, context):
                continue
            if kind in ("commitment", "group") and _ongoing_activity(item, sentences[index]):
                continue
            if kind in ("commitment", "group") and _precondition(item, sentences[index]):
                continue
            if kind == "commitment":
                item = _takes_on_group(found, item, index, context)
            if kind == "commitment" and _merge_into_request(found, item, index, context):
                continue
            if kind == "commitment" and _dates_own_promise(found, item, context):
                continue
            if kind == "commitment" and _reports_back_on_own(found, item, context):
                continue
            if kind == "commitment" and _dates_offer_after_reply(found, item, index, context):
                continue
            if kind == "commitment" and _answers_when(found, item, index, context):
                answered_when = True
                continue
            if kind == "commitment" and _restates(found, item, index, context):
                continue
            if kind == "commitment" and _spells_out(found, item, index, context):
                continue
            if kind == "commitment" and _elaborates(found, item, index, context):
                continue
            if kind == "commitment" and _translates(found, item, index, context):
                continue
            if _in_recap(index, context) and (
                item.owner is None or any(i.owner == item.owner for i, _ in found)
            ):
                continue  # a recap repeats tasks already given, in other words
            found.append((item, kind))
    found = [(item, kind) for item, kind in found if kind != "declined"]
    found = [
        (item, kind)
        for item, kind in found
        if not (
            kind == "request"
            and (_answered_by_doing(item, found, context) or _done_there_and_then(item, context))
        )
    ]
    # A request to the other side as a group ("Kan I integrere med Dynamics?") is mostly a
    # question about the product: a task only once someone takes it on.
    found = [
        (item, kind)
        for item, kind in found
        if not (
            kind == "request"
            and item.owner is not None
            and item.owner.startswith(TEAM)
            and item.owner not in (f"{TEAM}:all", _team_of(item.speaker, context))
            # "I skal have udfyldt skemaet inden fredag": an order, not a question
            and not (_ORDER_TO_GROUP.search(item.quote) and not item.quote.rstrip().endswith("?"))
            # "…, at I to laver en prognose" - "Det gør vi gerne": taken on
            and not _taken_on(item, sentences, context)
        )
    ]
    items = [_resolved(item, _sentence_of(item, sentences), context) for item, _ in found]
    spanned = span_quotes(_merge_duplicates(items), sentences, transcript.meeting.date)
    dated = dated_with_task(
        [dated_by_event(item, sentences, transcript.meeting.date) for item in spanned]
    )
    return tuple(dated_later(dated, sentences, transcript.meeting.date))


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
    return (
        asks
        or _OFFER_TAKEN.search(previous.text) is not None
        or _HELPS.search(previous.text) is not None
    )


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
    first": what must happen before a decision or a step, said undated, is a condition of the
    talk, not a promise (with a day it is one: "…, jeg skal lige have lavet en kopi først")."""
    return (
        item.due is None
        and _FIRST_OF_ALL.search(item.text) is not None
        # "…først, men det ordner jeg": a promise after all
        and _FIRST_OF_ALL.search(sentence.text) is not None
        and _MUST.search(sentence.text) is not None
    )


_FIRST_OF_ALL = re.compile(r"\b(?:først|first)[.!]*$", re.IGNORECASE)
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


_POINTS_BACK = re.compile(r"\b(?:it|them|that|den|det|dem)\b", re.IGNORECASE)


def _is_dated(sentence: Sentence, context: _Context) -> bool:
    return find_date(sentence.text, context.transcript.meeting.date, weeks=False) is not None


_TAKES_BACK = re.compile(
    r"^(?:actually|no|wait|sorry|or rather|hmm|nej|vent|undskyld|eller rettere)\b[,.!]?"
    r"(?:\s*(?:no|wait|nej|vent)\b[,.!]?)?",
    re.IGNORECASE,
)
_NAMES_THE_DAY = re.compile(
    r"^(?:(?:so|then|okay|så|okay så)[,]?\s+)?(?:let's say|lad os sige|make it|say|så bliver"
    r" det|det bliver)\b",
    re.IGNORECASE,
)


def _redated(found: list[_Found], index: int, context: _Context) -> bool:
    """ "I'll come back to you by Wednesday. Actually, no, she's travelling Wednesday. Let's
    say Tuesday.": a date taken back in the same turn, and the day named instead, re-dates the
    promise just made (at most two sentences after it)."""
    if not found:
        return False
    item, kind = found[-1]
    sentence = context.sentences[index]
    made = _sentence_of(item, context.sentences)
    if (
        made is None
        or item.due is None
        or item.owner != sentence.speaker
        or not 0 < index - made <= 2
        or any(s.segment != sentence.segment for s in context.sentences[made : index + 1])
    ):
        return False
    text = _normal(sentence.text)
    previous = _normal(context.sentences[index - 1].text)
    taken_back = _TAKES_BACK.match(text) or (index - made == 2 and _TAKES_BACK.match(previous))
    if not taken_back or not (_NAMES_THE_DAY.match(text) or _TAKES_BACK.match(text)):
        return False
    # Any day named here is the new deadline ("let's say" would read as booking a meeting).
    said = find_date(text, context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return False
    found[-1] = (replace(item, due=said.date), kind)
    return True


def _taken_on(item: ActionItem, sentences: Sequence[Sentence], context: _Context) -> bool:
    """Whether the other side's next words take the request ``item`` was made from on as work
    ("Det gør vi gerne"); a yes about the product ("Ja, det kan vi") does not."""
    index = _sentence_of(item, sentences)
    reply = _reply(index, context) if index is not None else None
    return reply is not None and _WE_TAKE_IT.match(_normal(sentences[reply].text)) is not None


_WE_TAKE_IT = re.compile(
    r"^(?:(?:ja|jo|yes|sure|okay|ok|fint|klart)[,.!]?\s+)*(?:(?:det|den|dem) (?:gør|klarer|ordner"
    r"|tager|laver|sender) (?:vi|jeg)\b(?! (?:\w+ )?(?:ikke|aldrig)\b)"
    r"|we(?:'ll| will) (?:do|handle|take) (?:it|that)\b)",
    re.IGNORECASE,
)
"""Not "Det gør vi desværre ikke længere": a no."""


def _sentence_of(item: ActionItem, sentences: Sequence[Sentence]) -> int | None:
    """The index of the sentence an item was found in (its quote may run on into the next)."""
    return next(
        (
            i
            for i, s in enumerate(sentences)
            if s.start == item.start and s.speaker == item.speaker and item.quote.startswith(s.text)
        ),
        None,
    )


def _resolved(item: ActionItem, index: int | None, context: _Context) -> ActionItem:
    """The item with an object pronoun ("it", "den") replaced by what it points at. Done after
    the replies are merged, which read the pronoun as the sign of an answer."""
    if index is None:
        return item
    text = resolve_pronoun(item.text, index, context.sentences)
    return item if text == item.text else replace(item, text=text[:1].upper() + text[1:])


def _context(transcript: Transcript, sentences: Sequence[Sentence]) -> _Context:
    name_ids: dict[str, str] = {}
    for participant in transcript.participants:
        for name in _names_of(participant):
            name_ids.setdefault(name.lower(), participant.id)
    alternation = "|".join(re.escape(n) for n in sorted(name_ids, key=len, reverse=True))
    punctuated = any(_SENTENCE_PUNCTUATION.search(s.text) for s in transcript.segments)
    absent = "|".join(re.escape(n) for n in sorted(absent_names(transcript, name_ids)))
    return _Context(
        transcript, sentences, alternation or None, name_ids, punctuated, absent or None
    )


def _names_of(participant: Participant) -> set[str]:
    name = participant.name.strip()
    if not name or (name == participant.id and not name.isalpha()):
        return set()
    return {name, name.split()[0]}


def _item(index: int, context: _Context) -> list[_Found] | _Acceptance | None:
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    for rules in _rules_for(sentence.language):
        if _OFFER_ACCEPTANCE.match(text):
            return _Acceptance(index, to_offer=True, due=None)
        if _ACCEPTANCE.match(text) or (rules is _DA and _DA_ANAPHORIC_ACCEPT.search(text)):
            if rules.habits.search(_without_reason(text)) and not _ACCEPTANCE.match(text):
                return None  # "Det gør jeg normalt hver fredag": a habit, not a yes
            if _done_for_years_next(index, context):
                return None  # "Hvem tager imod ordrerne?" - "Det gør jeg. Har gjort i ti år."
            claims = _CLAIM.search(text) is not None
            # "Jo, det ordner jeg på torsdag": the date said with the yes is the deadline.
            said = find_deadline(text, context.transcript.meeting.date, weeks=False)
            due = said.date if said is not None else None
            answer = _answer(index, context, rules, 0.8, due, claims=claims)
            return answer if isinstance(answer, _Acceptance) else [answer]
        offer = _accepted_offer_question(index, context)
        if offer is not None:
            return [(offer, "commitment")]
        claimed = _claim_spelled_next(index, context)
        if claimed is not None:
            return [(claimed, "commitment")]
        candidates = sorted(_candidates(text, context, rules), key=lambda f: f[1].start())
        results: list[_Found] = []
        end = len(text)
        for candidate in candidates:
            if results and candidate[1].start() < end:
                continue
            match_end = candidate[1].end()
            following = _NEXT_CLAUSE.search(text, match_end)
            limit, resume = (following.start(), following.end()) if following else (len(text), None)
            # "maria sends the deck tomorrow and tom books the demo": the next named task
            # ends this one, with or without a comma.
            named = [c[1].start() for c in candidates if c[0] == "assignment"]
            after = min((n for n in named if n > candidate[1].end()), default=None)
            if after is not None and after < limit:
                limit, resume = after, after
            if (
                candidate[0] == "request"
                and following is not None
                and (
                    following["then"]
                    or (
                        (following["so"] or following["then_comma"])
                        and _TO_SPEAKER.search(text, match_end, following.start())
                    )
                )
            ):
                # "Send me the logs and I'll look at them", "Send den til mig, så læser jeg den":
                # the order is the condition of the speaker's promise, not a task of its own.
                end = following.end()
                continue
            second = (
                _second_dated_task(text, candidate[1].end(), limit, context)
                if candidate[0] in ("commitment", "group")
                else None
            )
            if second is not None:
                limit = second[0]
            outcome = _from_cue(index, context, rules, candidate, (end if results else 0, limit))
            if second is not None and isinstance(outcome, tuple):
                # "I'll escalate it today and get you a root cause by Friday": two tasks.
                due, rest, _ = _due(second[1], "", index, context)
                cleaned = _clean(rest, rules)
                if cleaned:
                    results += [outcome, (replace(outcome[0], text=cleaned, due=due), outcome[1])]
                    break
            if isinstance(outcome, _Stop):
                break
            if isinstance(outcome, _Acceptance):
                return results or outcome
            if outcome is None:
                continue
            if results and _continues(outcome[0]):
                first, kind = results[-1]
                due = first.due or outcome[0].due
                if _REPORTS_BACK.match(outcome[0].text) and outcome[0].due and due:
                    # "Let me check with them after the call and I'll confirm by Thursday":
                    # the answer the other side waits for is the deadline.
                    due = max(due, outcome[0].due)
                results[-1] = (replace(first, due=due), kind)
            else:
                results.append(outcome)
            if resume is None:
                break
            end = resume
        if results:
            return [
                _dated_at_the_end(_dated_by_their_clause(found, text, context), text, context)
                for found in results
            ]
    return None


_THEIR_CLAUSE = re.compile(
    r"[,;]?\s+(?:and|og|så)\s+(?:she|he|they|hun|han|de)(?:'ll|'s| will| is| har| skal| får"
    r"| vil)?\s+(?:have|get|har|få)?\s*(?:it|that|them|det|den|dem)\b(?P<rest>[^.?!]*)",
    re.IGNORECASE,
)
"""A clause that dates the work of someone else just named: "…, and she'll have it done by the
11th", "…, og han har det klar på fredag"."""


def _dated_by_their_clause(found: _Found, text: str, context: _Context) -> _Found:
    """An undated task of someone other than the speaker (a participant named, or someone
    away) dated by a following clause about them: "Sanne is translating the one-pager, and
    she'll have it done by the 11th"."""
    item, kind = found
    if item.due is not None or item.owner == item.speaker or (item.owner or "").startswith(TEAM):
        return found
    clause = _THEIR_CLAUSE.search(text)
    if clause is None:
        return found
    said = find_deadline(clause["rest"], context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return found
    return (replace(item, due=said.date), kind)


_LAST_WORDS = re.compile(r",\s*(?P<when>[^,]{2,30}?)[\s.!]*$")


def _dated_at_the_end(found: _Found, text: str, context: _Context) -> _Found:
    """An undated promise whose sentence ends in a day said alone after a comma, past a
    relative clause: "Jeg får sendt jer listen over de aftaler, vi skal have registreret, i
    morgen"."""
    item, kind = found
    if item.due is not None or kind not in ("commitment", "group"):
        return found
    last = _LAST_WORDS.search(text)
    if last is None:
        return found
    said = find_deadline(last["when"], context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return found
    if last["when"][: said.start].strip() or last["when"][said.end :].strip():
        return found  # "…, and then we can meet on Friday": a clause of its own
    return (replace(item, due=said.date), kind)


_CLAIM_ALONE = re.compile(
    r"^(?:(?:yes|yeah|sure|okay|ok|ja|jo|fint|godt)[,.!]?\s+)*(?:consider (?:it|that) done"
    r"|betragt det som gjort|(?:that|this|the \w+)(?: one)?(?:'s| is) on me|(?:den|det) er på mig"
    r"|leave (?:it|that) with me|lad det ligge hos mig)[\s,.!]*$",
    re.IGNORECASE,
)
_NAMED_THEN_CLAIMED = re.compile(
    r"^(?:(?:and|og|so|så)\s+)?(?P<work>(?:the|den|det|\w+en|\w+et)\b[^,.?!]{2,60}),\s*"
    r"(?:consider it done|betragt det som gjort|(?:that|this)(?: one)?'s on me"
    r"|(?:den|det) er på mig)\b",
    re.IGNORECASE,
)
_DONE_BY = re.compile(
    r"\b(?:er|bliver|is|will be|'ll be)\s+(?:\w+\s+){0,2}?(?:sat op|set up|klar|ready|done|fixed"
    r"|rettet|løst|på plads|in place|\w+(?:et|ed|t))\b"
    # "It'll be on your test environment tomorrow", "It goes out tonight"
    r"|\b(?:'ll be|will be|bliver|kommer)\s+(?:on|in|live|ude|på)\b"
    r"|\b(?:goes|går) (?:out|live|ud)\b",
    re.IGNORECASE,
)


def _see_to(work: str, language: str | None) -> str:
    """The work a claim names, as a task: "Sørg for at adgangen er sat op", "Make sure the
    labels are done"."""
    work = work[:1].lower() + work[1:] if not work[:2].isupper() else work
    return f"Sørg for at {work}" if language == "da" else f"See to {work}"


def _claim_spelled_next(index: int, context: _Context) -> ActionItem | None:
    """ "Betragt det som gjort. Single sign-on er sat op inden den 4.": work claimed in so many
    words, then said done by a day in the next sentence of the turn: the speaker's promise."""
    sentence = context.sentences[index]
    named = _NAMED_THEN_CLAIMED.match(_normal(sentence.text))
    if named is not None:
        # "The historical import, consider it done by the end of next week."
        said = find_deadline(sentence.text, context.transcript.meeting.date, weeks=False)
        if said is not None and said.date is not None:
            task = _see_to(named["work"], sentence.language)
            return _made(task, sentence.speaker, said.date, index, context, 0.75)
    following = context.sentences[index + 1] if index + 1 < len(context.sentences) else None
    if (
        following is None
        or following.segment != sentence.segment
        or _CLAIM_ALONE.match(_normal(sentence.text)) is None
        or _has_cue(following, context)
        or _DONE_BY.search(following.text) is None
    ):
        return None
    said = find_deadline(following.text, context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return None
    task = following.text[: said.start].strip(" ,.") or following.text.strip(" .")
    item = _made(
        _see_to(task, sentence.language), sentence.speaker, said.date, index, context, 0.75
    )
    return replace(item, quote=f"{sentence.text} {following.text}")


_ORDER_TO_GROUP = re.compile(r"(?i:\b(?:skal|må) )I\b|\bI(?i: (?:skal|må)\b)|(?i:\byou all must\b)")
"""An order to the other side as a group ("I skal have valgt butikkerne før jul")."""
_TO_SPEAKER = re.compile(r"\b(?:me|us|mig|os)\b", re.IGNORECASE)
"""An order that hands something to the speaker ("send it to me"): the condition of a promise."""
_AND_VERB = re.compile(r"\s+(?:and|og)\s+(?!then\b|så\b|I\b|jeg\b|we\b|vi\b)(?=[a-zæøå])", re.I)
_REPORTS_BACK = re.compile(
    r"(?:get back|come back|report back|let (?:you|us|me) know|follow up|circle back"
    r"|vend\w* tilbage|lad (?:os|mig) (?:det )?vide"
    r"|giv\w* (?:dig|jer|os|dem|mig) (?:et )?(?:besked|svar)|meld\w* tilbage|confirm|bekræft\w*"
    r"|(?:give|get) (?:you|them|us) (?:an )?answer|revert|skriv\w* til (?:dig|jer)"
    r"|write (?:to )?you)\b",
    re.IGNORECASE,
)
_ONLY_REPORTS_BACK = re.compile(
    rf"(?:{_REPORTS_BACK.pattern})(?:\s+(?:to|til|med|på|om|on|about)?\s*"
    r"(?:you|them|us|dig|jer|dem|os|it|that|det|den|dem)?)?"
    # on what the promise finds: "let us know what you find", "når du ved det"
    r"(?:,?\s+(?:what you find|what you hear|how it goes|when you know|once you know"
    r"|hvad du finder ud af|når du ved (?:det|mere)|når du har det|hvordan det går))?[\s,.!?]*",
    re.IGNORECASE,
)
"""A task that is nothing but reporting back: "Vend tilbage", "Get back to you"."""
_ANSWER_PROMISED = re.compile(
    r"^(?:(?:ja|jo|yes|okay|ok)[,.]?\s+)?(?:(?:det|den|dem) )?(?:får (?:du|i) (?:et )?svar"
    r"|(?:you'll|you will) (?:get|have) (?:an |your )?answer|(?:you'll|you will) hear from"
    r"|(?:i'll|i will) have (?:an|the|your) answer|(?:jeg|vi) har (?:et )?svar)\b",
    re.IGNORECASE,
)
"""A promise of an answer, said as what the other side gets: "Det får du svar på"."""


def _only_reports_back(item: ActionItem) -> bool:
    """Whether the item's work is only to report back ("Vend tilbage", "Det får du svar på")."""
    return (
        _ONLY_REPORTS_BACK.fullmatch(item.text) is not None
        or _ANSWER_PROMISED.match(_normal(item.quote)) is not None
    )


_PROBABLY = re.compile(
    r"\b(?:(?:jeg|vi|du|i|de|han|hun)\s+\w+er|\w+er\s+(?:jeg|vi|du|i|de|han|hun))\s+nok\b"
    r"(?!\s+(?:en|et|én|ét|engang|gang)\b)",
    re.IGNORECASE,
)
"""Danish "nok" after a person's present tense ("vi svarer nok på dansk", "jeg sender nok
tilbuddet"): probably, a guess; unlike "skal nok" (surely), "nok en" (another) and a date
guessed in a clause of its own ("… BAGEFTER DET BLIVER NOK I MORGEN")."""
_OURSELVES = re.compile(
    r"^[\w-]+\s+(?:(?:it|that|this|them)\s+)?ourselves\b"
    r"|^(?:push|fight|lobby|argue|kæmpe|slås|presse på) for (?:it|that|this|den|det|dem)\b",
    re.IGNORECASE,
)
"""Undated work the speaker's side does alone ("we'll translate it ourselves") turns help down;
pushing for something promises no result. ("Jeg orienterer selv bestyrelsen", "I'll write it
myself" are promises.)"""
_SHOW_HOW = re.compile(
    r"(?:(?:lige|just|quickly|hurtigt)\s+)?(?:vise|vis|show)(?:\s+(?:os|jer|mig|us|me|them|dem))?"
    r"(?:\s+(?:lige|just|quickly|hurtigt))?,?\s+(?:hvordan|how|what|hvad|where|hvor)\b",
    re.IGNORECASE,
)
"""Asked without a date, showing how something works or looks is done in the meeting."""
_DO_IT_YOURSELF = re.compile(
    r"(?:(?:faktisk|også|bare|godt|sagtens|jo|altså|nemt|sådan set|actually|also|just|easily)"
    r",?\s+)*selv\b",
    re.IGNORECASE,
)
"""A statement that the other side can do it themselves ("Det kan du selv gøre i appen")."""
_WISH = re.compile(
    # "Den vil jeg meget gerne se": the subject after the verb, "meget" before "gerne"
    r"\b(?:vil|ville)\s+(?:(?:jeg|vi|i|de)\s+)?(?:(?:meget|rigtig|rigtigt|også|bare|helst)\s+)*"
    r"gerne\s+(?:betale|købe|have(?!,?\s+at\b)|se|vide|høre|prøve|få|kunne"
    r"|slippe)\b",
    re.IGNORECASE,
)
"""A wish said with "vil gerne": to pay, buy, have, see, know, hear, try, get ("vil gerne have,
at du …" hands work over: a request)."""


def _last_clause(before: str, rules: _Rules) -> str:
    """The clause of ``before`` that leads into a cue: a hedge in an earlier clause of a long
    turn ("I think it's the same lawyer maybe, and I'll get legal to …") is not the promise's."""
    breaks = list(rules.clause_break.finditer(before))
    return before[breaks[-1].start() :] if breaks else before


def _own_clause(text: str, cue: int, limit: int, rules: _Rules) -> str:
    """The sentence up to the end of the cue's clause (no further than ``limit``): a clause
    after it ("…, de spørger altid til det", "…, og så kan vi altid aflyse") is not the
    cue's, while one before it may frame it ("Vi plejer at mødes, så vi samler dem der")."""
    ends = [
        m.start()
        for m in (_OTHER_SUBJECT.search(text, cue), rules.clause_break.search(text, cue))
        if m
    ]
    return text[: min([limit, *ends])]


_OTHER_SUBJECT = re.compile(
    r"[,;]\s*(?:og |men |and |but )?(?:så |then )?(?:(?:kan|vil|skal|må|can|will|could) )?"
    r"(?:de|han|hun|man|vi|they|he|she|we)(?:'s|'re|'ll)?\s",
    re.IGNORECASE,
)
"""A clause break followed by another subject: what follows is said of someone else."""


def _second_dated_task(
    text: str, start: int, limit: int, context: _Context
) -> tuple[int, str] | None:
    """Where a second task with its own deadline starts in one promise ("escalate it today and
    get you a root cause by Friday", "have it tested by Thursday and run it on Friday"), and its
    words; None when the second part only reports back on the first ("…and get back to you
    by Thursday": one task, the later date)."""
    meeting_date = context.transcript.meeting.date
    for joint in _AND_VERB.finditer(text, start, limit):
        left, right = text[start : joint.start()], text[joint.end() : limit]
        if (
            resolve_due_date(left, meeting_date, weeks=False)[1] != left
            and resolve_due_date(right, meeting_date, weeks=False)[1] != right
            and _REPORTS_BACK.match(right) is None
        ):
            return joint.start(), right
    return None


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
_TO_THE_ASKER = re.compile(r"\b(?:dig|jer|you)\b", re.IGNORECASE)
_HOW_TODAY_TURNS = 2
"""Turns after such a question that answer it."""


def _answers_how_today(index: int, context: _Context) -> bool:
    """A present tense with no date in the answer to someone's "how do you do it today?" tells
    how things are done ("Og så ringer jeg rundt til kunderne"), not what will be done."""
    sentence = context.sentences[index]
    if find_date(sentence.text, context.transcript.meeting.date, weeks=False) is not None:
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
        if _HOW_TODAY.search(turn.text):
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


def _refuses_all(text: str) -> bool:
    """A refusal with no other work in it: "No, that isn't something I can offer", not "I
    can't say now, I have to clear it with finance first"."""
    refusal = _REFUSAL.match(text)
    if refusal is None:
        return False
    rest = text[refusal.end() :]
    return (
        re.search(r"\b(?:but|instead|men|i stedet)\b", text, re.IGNORECASE) is None
        and re.search(r"[,;]\s*(?:and |og |so |så )?(?:i|jeg|we|vi)\b", rest, re.I) is None
    )


_ANSWER_HANDED = re.compile(
    r"^\S+(?:'ll| will)? (?:får|har|have|get|hear|receive)\s+(?:(?:et|an|my|mit)\s+)?"
    r"(?:svar|besked|answer|word|news|from me|fra mig)\b",
    re.IGNORECASE,
)
"""Handing over an answer ("Du får svar i morgen", "You'll hear from me on Friday")."""
_HANDED_BY_PRONOUN = re.compile(r"^(?:(?:ja|jo|fint)[,.]?\s+)?du får (?:den|det|dem)\b", re.I)
"""Handing over what was just named ("Du får det i overmorgen"): the date of a promise still
open, if there is one; else a task of its own."""


def _dates_own_open_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Du får svar senest i morgen", said by one who just promised something undated: the
    date of that promise, not a second task."""
    text = _normal(context.sentences[index].text)
    if item.due is None or not _OWN_DATED_YES.match(text):
        return False
    if not _ANSWER_HANDED.search(text) and not _HANDED_BY_PRONOUN.match(text):
        return False  # "Du får listen i eftermiddag": a thing of its own, a task of its own
    before = list(found)
    _dated_across_turns(found, index, context)
    return found != before


def _asks_promise_by_date(found: list[_Found], item: ActionItem) -> bool:
    """ "Så finder vi en dato og melder tilbage." - "Could you let us know by Friday?": a
    request for the same work by a date dates the promise just made, no second task."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    if (
        kind not in ("commitment", "group")
        or previous.due is not None
        or previous.speaker == item.speaker
        or not 0 <= item.start - previous.start <= 30
    ):
        return False
    both_teams = (
        item.owner is not None
        and previous.owner is not None
        and item.owner.startswith(TEAM)
        and previous.owner.startswith(TEAM)
    )
    if item.owner not in (previous.owner, previous.speaker) and not both_teams:
        return False
    same_work = (
        _REPORTS_BACK.match(item.text) is not None
        and _REPORTS_BACK.search(previous.text) is not None
    ) or has_object_pronoun(item.text)
    if not same_work:
        return False
    found[-1] = (replace(previous, due=item.due), kind)
    return True


_JUST_SEND_ME = re.compile(
    r"^(?:(?:so|then|og|så)[,]?\s+)?(?:just|bare|blot)\s+(?:send|e-?mail|mail|forward|give)"
    r" (?:me|us)\b|^(?:(?:og|så)[,]?\s+)?(?:send|mail|giv) (?:mig|os) (?:bare|blot)\b",
    re.IGNORECASE,
)
_GLAD_TO = re.compile(
    r"^(?:(?:sure|yes|yeah|ok|okay|ja|jo|fint)[,.!]?\s+)*(?:happy to|glad to|gladly|gerne"
    r"|med glæde|det vil jeg gerne)\b",
    re.IGNORECASE,
)


def _condition_of_own_yes(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll set up access for both of them. Just send me their addresses." / "Gerne. Send
    mig bare invitationen.": what the speaker needs to do the work they just took on is its
    condition, as in "Just send me the ID and I'll approve it"; a day makes it a task of its
    own ("Just send me the invite by Friday")."""
    if item.due is not None or index == 0:
        return False
    sentence, previous = context.sentences[index], context.sentences[index - 1]
    if previous.segment != sentence.segment or not _JUST_SEND_ME.match(_normal(sentence.text)):
        return False
    own_promise = any(
        earlier.speaker == sentence.speaker and earlier.start == previous.start
        for earlier, kind in found
        if kind in ("commitment", "group")
    )
    yes = _OPENS_WITH_YES.match(_normal(previous.text)) or _GLAD_TO.match(_normal(previous.text))
    return own_promise or yes is not None


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


_ANOTHER_DAY_TAKEN = re.compile(
    # "Tuesday's fine, I'll turn it on on Tuesday then", "Yes, okay, I'll get it to you before
    # the 1st then", "Torsdag er fint, så sender jeg den der"
    r"\bthen[.!]*$|\bi så fald[.!]*$"
    r"|^(?:(?:yes|yeah|okay|ok|fine|ja|jo|fint)[,.!]?\s+)*(?:\w+day|tomorrow|i morgen|\w+dag"
    r"|the \w+|den \w+)(?:'s| is| er| passer| går| works| it is)?"
    r" (?:fine|okay|ok|good|works|is fine|it is|fint|godt|passer|går fint)\b",
    re.IGNORECASE,
)
"""A promise said as taking the day the other side asked for."""


def _takes_another_day(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll enable it for both sites on Thursday." - "Can we say Tuesday instead?" -
    "Tuesday's fine, I'll switch them on Tuesday then.": a dated promise that takes the day
    the other side asked for is the speaker's task of a minute ago, re-dated; it is no second
    task, whatever verb it uses ("switch on" after "enable")."""
    if item.due is None or item.owner != item.speaker:
        return False
    if not _ANOTHER_DAY_TAKEN.search(_normal(context.sentences[index].text)):
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 90:
            return False
        if previous.owner != item.speaker or kind not in ("commitment", "request"):
            continue
        between = [s for s in context.sentences if previous.start < s.start < item.start]
        # the other side named a day in between ("He's back Monday, so I'll call him then"
        # takes no day asked for)
        if not any(s.speaker != item.speaker and _is_dated(s, context) for s in between):
            return False
        found[position] = (replace(previous, due=item.due), kind)
        return True
    return False


def _asks_another_day(found: list[_Found], item: ActionItem) -> bool:
    """ "I'll import the addresses tomorrow." - "Could you do it on Thursday instead?" / "Kan
    du ikke nå det til torsdag?": asking the owner of a dated task for another day for "it" is
    no new task; the day holds once the owner takes it ("Thursday's fine, then")."""
    if item.due is None or not has_object_pronoun(item.text):
        return False
    for previous, kind in reversed(found):
        if item.start - previous.start > 60:
            return False
        if previous.owner is None or previous.owner == item.speaker:
            continue
        # an owner still to be found (the one who answers) is the one just asked about it
        if item.owner in (None, previous.owner):
            return (
                kind == "commitment"
                and previous.speaker == previous.owner
                and previous.due is not None
            )
    return False


def _amends_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "Jeg laver en ny prisoversigt." - "Godt, send den til mig først.": an undated request
    about the work just promised ("it"), to the one who promised it, says how that work is
    done; it is no task of its own."""
    if not found or item.due is not None or not has_object_pronoun(item.text):
        return False
    previous, kind = found[-1]
    return (
        kind == "commitment"
        and previous.owner == previous.speaker != item.speaker
        and item.owner in (None, previous.owner)
        and 0 <= item.start - previous.start <= 30
    )


_ADDS = re.compile(r"(?:include|add|tilføj|medtag)\b", re.IGNORECASE)
"""Work that adds to a thing already promised: "include the range", "tilføj prisen"."""


def _adds_to_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "I'll put together a proposal by Friday." - "Can you include the seat count as a
    range?" - "Will do, I'll include the range.": something added to the work the owner just
    promised is part of that task, asked or promised."""
    if item.due is not None or not _ADDS.match(item.text):
        return False
    owner = item.owner if item.owner is not None else item.speaker
    return any(
        kind == "commitment"
        and previous.owner == previous.speaker == owner
        and 0 <= item.start - previous.start <= 60
        for previous, kind in found[-2:]
    )


def _answers_on_own_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll work out a price for the longer retention." - "Could that be part of the revised
    offer?" - "Ja, så giver jeg Lasse tallene i morgen": a yes to a question about the promise
    just made, with a date, dates that promise; it is no second task."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    sentence = context.sentences[index]
    if not (
        kind == "commitment"
        and previous.owner == previous.speaker == item.speaker
        and previous.due is None
        and 0 <= item.start - previous.start <= 45
        and _OPENS_WITH_YES.match(_normal(sentence.text))
    ):
        return False
    between = [s for s in context.sentences if previous.start < s.start < sentence.start]
    if (
        not between
        or any(s.speaker == item.speaker for s in between)
        or len({s.segment for s in between}) != 1
        or not any(s.text.rstrip().endswith("?") for s in between)
        or _ALSO.search(sentence.text) is not None
    ):
        return False
    found[-1] = (replace(previous, due=item.due), kind)
    return True


def _repeats_own_date(found: list[_Found], item: ActionItem) -> bool:
    """ "Jeg kan lave vagtplanen." - "Så laver du den inden den første." - "Den har I inden den
    første.": a pronoun promise that only says again the date the speaker's own task already
    carries is that task, whose quote stays where the work is named."""
    if item.due is None or not has_object_pronoun(item.text):
        return False
    for previous, kind in reversed(found):
        if item.start - previous.start > 45:
            return False
        if previous.owner == item.speaker:
            return kind == "commitment" and previous.due == item.due
    return False


def _dates_own_promise(found: list[_Found], item: ActionItem, context: _Context) -> bool:
    """ "I have to clear it with our CFO. I'll get back to you after that, on the 21st": the
    second promise only dates the first."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    if _takes_request_on(previous, kind, item, context):
        found[-1] = (replace(previous, due=item.due, quote=f"{previous.quote} {item.quote}"), kind)
        return True
    if not _continues(item):
        return False
    handed = _OWN_DATED_YES.match(_normal(item.quote)) is not None
    if not (
        previous.owner == item.speaker
        and (previous.speaker == item.speaker or kind == "request")
        # "Jeg laver et tilbud." - "…inden den 22." - "Du har det på fredag": the day promised
        and (previous.due is None or (handed and item.due <= previous.due))
        and item.start - previous.start <= (30 if previous.speaker == item.speaker else 60)
    ):
        return False
    # The later sentence is where the work is firmly promised: it is quoted, after the first
    # when it follows it in the same turn ("I'll rework it. You'll have it by Thursday.").
    if _same_turn_next(previous, item, context):
        found[-1] = (replace(previous, due=item.due, quote=f"{previous.quote} {item.quote}"), kind)
        return True
    found[-1] = (replace(previous, due=item.due, start=item.start, quote=item.quote), kind)
    return True


_HANDS_OVER = re.compile(
    r"(?:send|get|give|have|share|mail|e-?mail|forward|pass|sende|send|giv\w*|del\w*|smid\w*"
    r"|mail\w*|skriv\w*|ring\w*|call|write)\b",
    re.IGNORECASE,
)
"""The verbs that hand a result over ("get you the breakdown", "sende den"): a dated promise
made with them after an undated offer of the same speaker says when the offer arrives."""


def _dates_offer_after_reply(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I can pull the numbers for you." - "That would help." - "Sure, I'll get you them by
    Thursday.": a dated promise of the speaker right after the other side's reply to their own
    undated offer dates that offer; it is no second task. Only the reply may lie between (no
    turn of the speaker, no new business), and the promise hands over or names the same work."""
    if item.due is None or item.owner != item.speaker:
        return False
    sentence = context.sentences[index]
    if _ALSO.search(sentence.text) or _SOMETHING_ELSE.match(_normal(sentence.text)):
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 45:
            return False
        if previous.owner != item.speaker:
            continue
        if kind != "commitment" or previous.speaker != item.speaker or previous.due is not None:
            return False
        asked = _sentence_of(previous, context.sentences)
        if asked is None or asked >= index - 1:
            return False
        between = context.sentences[asked + 1 : index]
        if any(s.speaker == item.speaker for s in between) or len(between) > 4:
            return False
        if any(s.text.rstrip().endswith("?") for s in between):
            return False  # "When can I have it?" - "I'll send a new offer Friday": new work
        if not (
            _PRONOUN_OBJECT.search(item.text)
            or _continues(item)
            or _HANDS_OVER.match(item.text)
            or similar_tasks(previous.text, item.text)
        ):
            return False
        repeat = similar_tasks(previous.text, item.text) and not has_object_pronoun(item.text)
        if repeat or (has_object_pronoun(previous.text) and not has_object_pronoun(item.text)):
            # The later, dated sentence names the work again: it is where the work is firmly
            # promised, and quoted ("…then I'll send it through." - "I'll send the report today").
            confidence = max(item.confidence, previous.confidence)
            found[position] = (replace(item, confidence=confidence), kind)
        else:
            found[position] = (replace(previous, due=item.due), kind)  # the offer names it
        return True
    return False


def _asks_report_on_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "Jeg skal have tallet bekræftet med HR." - "Kan du give mig besked, når du har det?":
    asked to report back on a promise just made, the one asked gets no new task."""
    if not _only_reports_back(item):
        return False
    return any(
        previous.owner == previous.speaker == item.owner and 0 < item.start - previous.start <= 60
        for previous, kind in found[-2:]
        if kind == "commitment"
    )


def _reports_back_on_own(found: list[_Found], item: ActionItem, context: _Context) -> bool:
    """ "Lad mig høre produktfolkene om prisen. Så vender jeg tilbage i næste uge.": reporting
    back, said right after the speaker's own promise in the same turn, is part of that task."""
    if not found or not _only_reports_back(item):
        return False
    previous, kind = found[-1]
    if previous.owner != item.speaker or not (
        _same_turn_next(previous, item, context) or _next_own_turn(previous, item, context)
    ):
        return False
    merged = replace(previous, due=previous.due or item.due, quote=f"{previous.quote} {item.quote}")
    found[-1] = (merged, kind)
    return True


def _next_own_turn(promise: ActionItem, item: ActionItem, context: _Context) -> bool:
    """ "Det må jeg tjekke med integrationsfolkene." - "Det ville være rart at vide." - "Jeg
    skriver til dig senest fredag.": ``item`` is said in the promiser's next turn, a reply later."""
    made = _sentence_of(promise, context.sentences)
    said = _sentence_of(item, context.sentences)
    if made is None or said is None or promise.speaker != item.speaker:
        return False
    first, second = context.sentences[made].segment, context.sentences[said].segment
    between = context.transcript.segments[first + 1 : second]
    return (
        len(between) == 1
        and between[0].speaker != item.speaker
        and item.start - promise.start <= 60
    )


def _takes_request_on(previous: ActionItem, kind: str, item: ActionItem, context: _Context) -> bool:
    """ "Ben, could you set up a call with them?" - "Yes, I'll arrange that. I'll email their
    manager today": the dated promise right after the yes says how and by when the request is
    done, not a task of its own."""
    index = _sentence_of(item, context.sentences)
    if kind != "request" or previous.due is not None or previous.owner != item.speaker:
        return False
    if index is None or index == 0 or _ALSO.search(context.sentences[index].text):
        return False
    yes = context.sentences[index - 1]
    return (
        yes.segment == context.sentences[index].segment
        and yes.speaker == item.speaker != previous.speaker
        and previous.quote.endswith(yes.text)
    )


def _answers_when(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """ "…, men jeg skal nok få samlet dem." - "Hvornår tror du, du kan have dem?" - "…, så lad
    os sige inden den 13., så kan jeg sende dig en samlet liste": a dated promise in answer to
    "when?" about the speaker's own undated one dates that one; the answer is quoted."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    sentence = context.sentences[index]
    if not (
        kind == "commitment"
        and previous.speaker == previous.owner == item.speaker
        and previous.due is None
        and 0 < item.start - previous.start <= 60
    ):
        return False
    made = _sentence_of(previous, context.sentences)
    if made is None:
        return False
    promised_in = context.sentences[made].segment
    between = context.transcript.segments[promised_in + 1 : sentence.segment]
    if (
        len(between) != 1
        or between[0].speaker == item.speaker
        or not _ASKED_WHEN_OWN.search(between[0].text)
        # the same work named again ("få samlet dem" … "en samlet liste"), not other work
        or not _stems(sentence.text) & (_stems(previous.text) - {"få", "have", "get", "gør", "do"})
    ):
        return False
    found[-1] = (replace(previous, due=item.due, start=item.start, quote=item.quote), kind)
    return True


_ASKED_WHEN_OWN = re.compile(r"\b(?:hvornår|when|how soon|by when|hvor hurtigt)\b", re.I)
"""A question for the date of the work just promised."""


def _same_turn_next(first: ActionItem, second: ActionItem, context: _Context) -> bool:
    """Whether ``second`` is said in the sentence right after ``first``'s, in the same turn."""
    index = _sentence_of(first, context.sentences)
    if index is None or index + 1 >= len(context.sentences):
        return False
    following = context.sentences[index + 1]
    return (
        following.segment == context.sentences[index].segment
        and following.start == second.start
        and second.quote.startswith(following.text)
        and first.quote == context.sentences[index].text
    )


_RECAP = re.compile(
    # not the summary as a thing to send: "Jeg sender jer en opsummering", "I'll send a recap"
    r"(?<!\ba )(?<!\ben )(?<!\bthe )(?<!\bmy )(?<!\bour )(?<!\bmin )"
    r"\b(?:recap|to sum up|summing up|in summary|to summari[sz]e|so on our side|opsummer\w*"
    r"|for at opsummere|kort sagt|(?:for at |lige )samle op|to recap"
    # said in the first person: "Så samler jeg lige op: …", "Let me just sum up: …"
    r"|samler (?:jeg|vi) (?:lige )?op|(?:let me|lad mig) (?:just |lige )?(?:sum up|samle op)"
    # spoken, unpunctuated: "så vi siger morten kører turene ind og jeg skriver forklaringen"
    r"|^(?:(?:okay|ok|godt|fint|ja)\s+)?så vi siger|^(?:(?:okay|ok|good|fine)\s+)?so we say)\b",
    re.IGNORECASE,
)
"""A sentence that sums up what was agreed: its tasks are repeats of earlier ones."""


_ASKS_RECAP = re.compile(
    r"\b(?:summari[sz]e|sum (?:it|that|this) up|recap|translate|oversætte|opsummere)\b[^.!]*\?"
    r"|\b(?:in english|på engelsk|på dansk)\b[^.!]*\?"
    r"|\b(?:in english|på engelsk|på dansk),? please\b",
    re.IGNORECASE,
)
"""A turn that asks to have what was said summed up or translated: the answer repeats it."""


def _in_recap(index: int, context: _Context) -> bool:
    """The sentence sums up, or follows a sentence of its own that opens a recap in the same
    turn ("Så lad os lige runde af. Du laver listen, og jeg…")."""
    sentence = context.sentences[index]
    previous = context.sentences[index - 1] if index > 0 else None
    if sentence.segment > 0:
        asked = context.transcript.segments[sentence.segment - 1]
        if asked.speaker != sentence.speaker and _ASKS_RECAP.search(asked.text):
            return True  # "Can someone summarise that for me?" - "Of course. We install…"
    return _RECAP.search(sentence.text) is not None or (
        previous is not None
        and previous.segment == sentence.segment
        and (
            _RECAP.search(previous.text) is not None
            or _WRAP_UP.fullmatch(_normal(previous.text)) is not None
        )
    )


_RECAP_OWNER = r"\s*(?:(?:and|og|then|så|plus)\s+)?"
_RECAP_LEAD = re.compile(
    # with the subject of an inverted recap verb: "Så opsummerer jeg det her i en mail" names
    # no owner of its own
    r"^.*?\b(?:recap|sum up|summing up|in summary|to summari[sz]e|opsummer\w*(?: jeg| vi)?"
    r"|samle op|samler (?:jeg|vi) (?:lige )?op|så vi siger|so we say)\b[\s,:.]*",
    re.IGNORECASE,
)
"""The words that open a recap, before its first owner ("So to recap: Ben …")."""


def _dated_by_recap(found: list[_Found], index: int, context: _Context) -> None:
    """A recap that gives a day to tasks agreed without one ("Ben, could you update the
    checklist?" - "Sure." … "To recap: Ben updates the checklist by Thursday, and I send the
    invoice on Monday"): each clause that names an owner, a day and the thing dates that
    owner's one undated task on the same thing."""
    sentence = context.sentences[index]
    names = context.names or r"(?!x)x"
    me = "jeg" if sentence.language == "da" else "(?:i|jeg)"  # Danish "I" is "you"
    # unpunctuated, a clause opens at "and"/"og" before an owner ("…by friday and i call…")
    clauses = re.split(
        rf"[,;:]\s*|\s+(?:and|og|then|så)\s+(?=(?:{names}|{me})\b)",
        _RECAP_LEAD.sub("", sentence.text, count=1),
        flags=re.IGNORECASE,
    )
    for clause in clauses:
        named = re.match(rf"{_RECAP_OWNER}(?P<name>{names})\b", clause, re.IGNORECASE)
        if named is not None:
            owner = context.name_ids.get(named["name"].lower())
        elif (named := re.match(rf"{_RECAP_OWNER}{me}\b", clause, re.IGNORECASE)) is not None:
            owner = sentence.speaker
        else:
            continue
        said = find_deadline(clause, context.transcript.meeting.date, weeks=False)
        if owner is None or said is None or said.date is None:
            continue
        work = clause[named.end() : said.start]
        things = _stems(" ".join(words(work)[1:]))  # past the verb: the thing worked on
        alike = [
            position
            for position, (earlier, _) in enumerate(found)
            if earlier.owner == owner
            and earlier.due is None
            and any(_same_stem(a, b) for a in things for b in _stems(_about(earlier, context)))
        ]
        if len(alike) == 1:
            earlier, kind = found[alike[0]]
            found[alike[0]] = (replace(earlier, due=said.date), kind)


def _about(item: ActionItem, context: _Context) -> str:
    """The item's text with the two sentences said before it: what "I'll rewrite it" is about."""
    before = [s.text for s in context.sentences if s.start < item.start][-2:]
    return " ".join([*before, item.text])


def _sums_up(outcome: list[_Found], found: list[_Found], index: int, context: _Context) -> bool:
    """One sentence that hands tasks to two or more people who each have one on the same
    thing already ("Signe sender eksemplet, jeg sender forslaget, og så tager vi en snak"): a
    recap of what was agreed, even without a word that says so."""
    owners = {item.owner for item, _ in outcome}
    # "BO RAPPORT I MORGEN MAJA LISTEN I DAG OG JEG VENDER TILBAGE OM KOMPENSATION": others'
    # tasks named without a verb of their own count as handed out too.
    said = _normal(context.sentences[index].text).lower()
    named = {
        pid
        for name, pid in context.name_ids.items()
        if re.search(rf"\b{re.escape(name)}\b", said) and pid != context.sentences[index].speaker
    }
    return (
        len(owners | named) >= 3 - (len(owners) >= 2)
        and None not in owners
        and all(
            any(
                earlier.owner == item.owner
                and _objects(_named(earlier, context)) & _objects(item.text)
                for earlier, _ in found
            )
            for item, _ in outcome
        )
    )


def _new_in_handout(
    outcome: list[_Found], found: list[_Found], index: int, context: _Context
) -> list[_Found]:
    """A sentence near the end that hands tasks to three or more people at once ("So: Magnus
    sends the case, Cecilie calls Viborg, and I chase marketing"; "Så Emil retter påmindelserne,
    Nanna sender listen"): a recap. Each of its tasks whose owner has work already repeats that
    work in other words; only a group, or an owner new to the meeting's tasks, gets a new item."""
    if not outcome or index < _CLOSING_SHARE * len(context.sentences):
        return outcome
    sentence = context.sentences[index]
    said = _normal(sentence.text).lower()
    named = {
        pid
        for name, pid in context.name_ids.items()
        if re.search(rf"\b{re.escape(name)}\b", said) and pid != sentence.speaker
    }
    owners = {item.owner for item, _ in outcome}
    if len(owners | named) < 3 - (len(owners) >= 2):
        return outcome
    # "…and everyone fills in the forecast": a group's task is often new at the close.
    return [
        (item, kind)
        for item, kind in outcome
        if (item.owner or "").startswith(TEAM) or not _repeats_owners_work(item, found, context)
    ]


def _repeats_owners_work(item: ActionItem, found: list[_Found], context: _Context) -> bool:
    """Whether a recap's task is work its owner has already: one of their items names the
    same thing, or points at its work by a pronoun ("Få det rettet": the recap may name it)."""
    own = [earlier for earlier, _ in found if earlier.owner == item.owner]
    objects = _objects(item.text)
    return any(
        has_object_pronoun(earlier.text)
        or _GET_IT_DONE.match(earlier.text) is not None
        or not objects
        or any(_same_stem(a, b) for a in _objects(_named(earlier, context)) for b in objects)
        for earlier in own
    )


_GET_IT_DONE = re.compile(r"(?:få|have|get)\s+(?:det|den|dem|it|them)\s+\w+$", re.IGNORECASE)
"""Work named by a pronoun and a participle: "Få det rettet", "get it fixed"."""
_CLOSING_SHARE = 0.75
"""Where a meeting's closing part starts, as a share of its sentences."""


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


def _named(item: ActionItem, context: _Context) -> str:
    """An item's task with its pronoun object ("lav det") replaced by what it points at."""
    return _resolved(item, _sentence_of(item, context.sentences), context).text


def _objects(task: str) -> set[str]:
    """The stems of a task's words after its verb: what a recap names again ("eksemplet" for
    "lav et eksempel"), whatever verb it uses."""
    return {w[:5] for w in words(task)[1:] if len(w) > 3}


_WRAP_UP = re.compile(
    r"(?:(?:så|so|okay|ok|godt|good|great|fint|fine|right)[,.]?\s+)*"
    r"(?:(?:lad os|let's|let us|let me|vi skal lige)\s+(?:lige\s+|just\s+)?"
    r"(?:runde af|wrap up|sum up|opsummere|samle op)"
    # the announcement said as a statement: "Så runder vi af.", "Then we'll wrap up."
    r"|(?:runder vi (?:lige )?af|samler vi (?:lige )?op|(?:then )?we(?:'ll| will) wrap up"
    r"|to wrap up|wrapping up))[.!:]*",
    re.IGNORECASE,
)
"""A sentence that only announces the recap: "Så lad os lige runde af.", "Let's wrap up."."""


_RESTATING = re.compile(
    r"^(?:sorry,?\s*|undskyld,?\s*)?(?:i said|what i said|i mean|in english|jeg sagde|jeg mener"
    r"|på engelsk)\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:also|too|as well|another|og også|også|desuden|en til)\b", re.IGNORECASE)


def _restates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's promise said again in other words, which replaces the first wording:
    - after an offer the other side took ("I can send some samples." - "That would help." -
      "Okay, I'll zip up this week's ones and upload them"), unless it adds work ("also");
    - in a correction or translation ("Sorry, I said I'll have a draft ready by Friday")."""
    position = next(
        (
            p
            for p in range(len(found) - 1, -1, -1)
            if found[p][0].owner == found[p][0].speaker == item.speaker
        ),
        None,
    )
    if position is None:
        return False
    previous, kind = found[position]
    sentence = context.sentences[index]
    if not (
        kind == "commitment"
        and previous.owner == previous.speaker == item.speaker
        and item.start - previous.start <= 45
    ):
        return False
    restating = _RESTATING.match(_normal(sentence.text)) is not None
    if not restating:
        between = [
            s
            for s in context.sentences
            if previous.start < s.start < sentence.start and s.speaker != item.speaker
        ]
        took_offer = (
            len(between) >= 1
            # the offer's one reply, not a later turn of the talk
            and len({s.segment for s in between}) == 1
            and (
                _OPENS_WITH_YES.match(_normal(between[0].text))
                or _OFFER_TAKEN.search(between[0].text)
            )
            and not any(s.text.rstrip().endswith("?") for s in between)
            and _ALSO.search(sentence.text) is None
            # the same work: named by a pronoun ("email it to you") or by a word of the offer
            and (
                _PRONOUN_OBJECT.search(item.text) is not None
                or re.search(r"\bones?\b", item.text) is not None
                or bool(_stems(item.text) & _stems(previous.text) - {_verb(item.text)})
                # "Skal jeg sende den?": the offer named the work by a pronoun only
                or _OFFERS_IT.search(previous.quote) is not None
            )
            and re.search(
                r"\b(?:i can|i could|jeg kan|jeg kunne|shall i|should i|want me to|skal jeg"
                r"|vil (?:du|i) have,? at jeg)\b",
                previous.quote,
                re.I,
            )
        )
        if not took_offer:
            return False
    found[position] = (replace(item, due=item.due or previous.due), kind)
    return True


_OFFERS_IT = re.compile(
    r"\b(?:shall i|should i|want me to|skal jeg|vil (?:du|i) have,? at jeg)\s+\w+"
    r"\s+(?:(?:you|dig|jer)\s+)?(?:it|that|this|them|those|den|det|dem|dét)\s*\?",
    re.IGNORECASE,
)


_RELAYING = re.compile(
    r"^(?:sorry|undskyld|in english|på dansk|på engelsk)\b|\b(?:asked|said|is saying|was saying"
    r"|mentioned|spurgte|sagde|siger|nævnte)\b",
    re.IGNORECASE,
)
"""A turn that relays what someone said to a colleague ("Sorry Emma, Morten asked about…")."""


def _translates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's own promise said again in the other language for a colleague ("…det
    finder jeg ud af." - "Sorry Emma, Morten asked about hosting. I'll check with our platform
    team."): one task, the first wording, dated by either."""
    sentence = context.sentences[index]
    if not _RELAYING.search(context.transcript.segments[sentence.segment].text):
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 30:
            return False
        if (
            kind == "commitment"
            and previous.owner == previous.speaker == item.speaker
            and None not in (previous.language, item.language)
            and previous.language != item.language
        ):
            found[position] = (replace(previous, due=previous.due or item.due), kind)
            return True
    return False


def _spells_out(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's short yes or "<verb> it" followed, in the same turn, by what they will do:
    "Ja, den ordner jeg. Jeg ringer til dem i morgen og …" is one task, the second wording."""
    if not found or index == 0:
        return False
    previous, kind = found[-1]
    before = context.sentences[index - 1]
    if not (
        kind == "commitment"
        and previous.owner == previous.speaker == item.speaker
        and previous.quote == before.text
        and before.segment == context.sentences[index].segment
        and (
            has_object_pronoun(previous.text)
            or len(words(previous.text)) <= 2
            # "Det gør jeg." taking on what was just said, then the work in the speaker's words
            or _ACCEPTANCE.match(_normal(previous.quote)) is not None
        )
        and not has_object_pronoun(item.text)
        and _ALSO.search(context.sentences[index].text) is None
    ):
        return False
    found[-1] = (replace(item, due=item.due or previous.due), kind)
    return True


_IT_AFTER_VERB = re.compile(
    # "find ud af det", "look into it": a verb with its particle before the pronoun
    r"^\S+\s+(?:(?:ud af|ud|op|ind|igennem|out|up|into|through|over)\s+)?"
    r"(?:den|det|dem|it|them|that|those)\b",
    re.IGNORECASE,
)


def _elaborates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """An undated "<verb> it" right after the speaker's own promise in the same turn says how
    that work is done ("Den har du i morgen. Jeg kan trække den pr. ejendom."): one task, the
    sentence quoted with it."""
    if not found or index == 0 or item.due is not None or not _IT_AFTER_VERB.match(item.text):
        return False
    if _CONSULTS.match(item.text):
        return False  # "Det skal jeg lige vende med min chef først": other work, a task too
    previous, kind = found[-1]
    before = context.sentences[index - 1]
    if not (
        previous.owner == item.speaker
        and previous.quote.endswith(before.text)
        and before.segment == context.sentences[index].segment
        and _ALSO.search(context.sentences[index].text) is None
    ):
        return False
    found[-1] = (replace(previous, quote=f"{previous.quote} {item.quote}"), kind)
    return True


_OFFER_TAKEN = re.compile(
    r"\b(?:please do|yes please|ja tak|that would (?:help|be great)|gør det|det vil jeg gerne"
    # "Det ville være fint, men kun hvis han har lyst": taken, with a reservation
    r"|(?:det|that|it)(?:'d| would| ville| vil)(?: really| virkelig)? (?:be |være )?(?:fint"
    r"|godt|dejligt|super|perfekt|en hjælp|rart|great|good|fine|helpful|perfect|nice|lovely"
    r"|useful|brilliant))\b",
    re.IGNORECASE,
)


def _continues(item: ActionItem) -> bool:
    """A second clause that only adds a date to the first: "…, I'll have names for you by
    Monday", "…, I'll get back to you by Thursday"."""
    return (
        _PRONOUN_OBJECT.search(item.text) is not None
        or _REPORTS_BACK.match(item.text) is not None
        or re.match(
            r"(?:have|get back|come back|let you know|vend tilbage|have \w+ klar)", item.text, re.I
        )
        is not None
    )


_NEXT_CLAUSE = re.compile(
    r",\s*(?P<so>(?:og )?så|(?:and )?then)\s+"
    rf"(?=(?:{_DA_PRESENT_RE}|skal|vil|kan) jeg\b|i'll\b|i will\b)"
    r"|,\s*(?P<then_comma>and|og)\s+(?=(?:i'll|i will|jeg)\b)"
    r"|,\s*(?:og så|og|and then|and|så|then)?\s*"
    rf"(?=(?:jeg|i'll|i will|i'm|i can|we'll|vi)\b|(?:{_DA_PRESENT_RE}) (?:jeg|vi)\b)|;\s*"
    r"|\s+(?P<then>and|og)\s+(?=(?:i'll|i will|jeg)\b)",
    re.IGNORECASE,
)
"""Where a second task may start in one sentence: "I'll book the stand today, and then I'll…"."""


_NEW_SUBJECT = re.compile(
    r",?\s+(?:and|but|so|og|men)\s+(?:then\s+|så\s+)?(?:we|you|they|vi|du|de)\s+(?=\w)",
    re.IGNORECASE,
)
"""Where a clause with another subject starts: its date is not this task's deadline."""


_HANDED_OVER = re.compile(
    r"\b(?:du|you|i)\s+(?:har|får|will have|'ll have|get|have)\s+(?:det|den|dem|it|them|that)\b",
    re.IGNORECASE,
)
"""A clause that hands the task's result over ("og du har den senest fredag")."""


_WHETHER = re.compile(
    r"\b((?:find out|check|see|ask|confirm|verify|know|look into|tell \w+|let \w+ know)"
    r"(?: (?!if\b)[\w'-]+){0,5}) if\b",
    re.I,
)
"""After these, "if" asks whether ("find out if it's on the roadmap", "ask their IT lead if
they'd join"): no condition."""


class _Stop:
    """Marker: the sentence holds no task at all (e.g. a condition precedes the cue)."""


_STOP = _Stop()


_LEADING_VERBS = {"en": _EN_LEADING_VERBS, "da": _DA_LEADING_VERBS}


_WHAT_BEFORE = re.compile(r"\bwhat\s*$", re.IGNORECASE)
_CLEFT = re.compile(r"\s*do\s+is\s+(?:to\s+|that\s+)?", re.IGNORECASE)


def _from_cue(
    index: int, context: _Context, rules: _Rules, candidate: _Cand, clause: tuple[int, int]
) -> _Found | _Acceptance | _Stop | None:
    """The task a cue opens, within ``clause`` (offsets in the sentence)."""
    kind, match, confidence, verb_follows, named = candidate
    sentence = context.sentences[index]
    text = _normal(sentence.text)
    # An assignment's match takes its opener along ("Tomorrow Ann will…"): a date said there
    # belongs to what comes before the name.
    opened = match.start("name") if kind == "assignment" else match.start()
    before, task = text[clause[0] : max(clause[0], opened)], text[match.end() : clause[1]]
    what_i = _WHAT_BEFORE.search(before)
    cleft = _CLEFT.match(task) if what_i is not None else None
    if what_i is not None and cleft is not None:
        # "so what I'll do is call their finance office tomorrow": the promise after "is"
        before, task = before[: what_i.start()], task[cleft.end() :]
    if rules is not _DA and (
        re.fullmatch(r"i(?:'m| am)\s*", match.group(0), re.IGNORECASE)
        or (kind == "assignment" and re.search(r"\bis\s+$", match.group(0)))
    ):
        task = _gerund(task.strip())  # "I'm deploying a fix tonight": "Deploy a fix"
    if match.groupdict().get("x") or match.groupdict().get("x2"):
        # A hand-off ("Nina, the reference call is yours"): the work named is the task; named
        # by a pronoun ("Kasper, den er din") it is the request just made.
        handed = (match["x"] or match["x2"]).strip()
        if re.fullmatch(r"(?:den|det|dem|dét|it|that|this|that one|this one)", handed, re.I):
            return _Acceptance(index, to_offer=False, due=None, owner=named)
        task = (f"tag dig af {handed} " if rules is _DA else f"take on {handed} ") + task
    if match.groupdict().get("passive"):
        # "crm skal være opdateret …" -> "få crm opdateret …", "get the CRM updated …"
        task = f"{'få' if rules is _DA else 'get'} {match['passive']} {task}"
    if match.groupdict().get("get_done") or match.groupdict().get("get_done2"):
        # "jeg får lavet et udkast" -> "have lavet et udkast", as "jeg skal have lavet…"
        task = rules.leading_filler.sub("", task.lstrip())
        said_first = re.search(r"\b(det|den|dem|dét)\s*$", before, re.IGNORECASE)
        if match.groupdict().get("get_done2") and said_first and kind == "group":
            # "Det får vi ordnet i aften": the fronted object goes back ("have det ordnet").
            task = f"{said_first[1].lower()} {task}"
        task = f"have {task}"
    if match.groupdict().get("asks_for") and rules is _EN:
        # "Could we get a test environment?" - "I'll take care of it": the one who takes it on
        # provides it; a bare "sure" answers a question about what is possible.
        if (
            not _taken_on_in_reply(index, context)
            or find_date(text, context.transcript.meeting.date, weeks=False) is not None
        ):
            # "Could we have the export by Monday?": the day is asked for; the answer ("Yes,
            # I'll run it over the weekend") is the promise, dated by the day agreed.
            return None
        task = f"provide {task}"
    elif match.groupdict().get("asks_for"):
        task = f"send {task}"  # "Kan vi få listen i morgen, Anna?": Anna sends it
    if match.groupdict().get("thing"):
        task = f"send {match['thing'].lower()} {task}"  # "Den får du i morgen": sent by me
    # "Jeg orienterer selv bestyrelsen, de spørger altid til det", "…, og så kan vi altid
    # aflyse, hvis…": a clause with a subject of its own is not the task, and its habit or
    # condition leaves the promise a promise.
    aside = _OTHER_SUBJECT.search(task)
    if aside is not None:
        task = task[: aside.start()]
    if rules.habits.search(_without_reason(_own_clause(text, match.start(), clause[1], rules))):
        return _STOP
    if _OTHERWISE.search(before):
        return None  # "ring til ham igen, ellers lukker vi den": only if the first fails
    if _REPORTED.search(before):
        return None  # "Their CFO said, and I quote, we'll come back to you": their words
    if kind == "request" and re.search(r"\b(?:hvis|if)\s*$", before, re.IGNORECASE):
        return None  # "Hvis du sender dem, …": the condition itself; what follows may promise
    if rules.conditions.search(_POLITE_CONDITION.sub("", before)) and not (
        # "Hvis du sender dem, lægger jeg dem ind" - "Ja, så gør vi det": the condition is
        # the other side's part, settled by their yes.
        (
            kind in ("commitment", "group")
            and _THEIR_PART.search(before) is not None
            and answered_with_assent(index, context)
        )
        # "Hvis du sender mig filen bagefter, retter jeg dem samme dag": the other side's
        # input the work waits for, not a condition that makes it an offer.
        or (
            kind == "commitment"
            and _THEIR_INPUT.search(before) is not None
            and not _declined(index, context)
        )
        # "I'll export the list tomorrow." - "Once we have that, I'll put together a
        # proposal": the condition is what someone else has just promised.
        or (kind in ("commitment", "group") and _settled_before(before, index, context))
    ):
        return _STOP
    if kind in ("commitment", "group") and _not_needed(index, context):
        return _STOP  # "Jeg kan tage ud til bestyrelsen." - "Det bliver ikke nødvendigt."
    if kind in ("group", "request", "assignment") and _is_agenda(sentence, text, task):
        return _STOP
    if (
        kind == "commitment"
        and sentence.start <= AGENDA_WINDOW_S
        and _AGENDA.search(text) is not None
        and _RUN_THROUGH.match(task.strip()) is not None
        and find_date(text, context.transcript.meeting.date, weeks=False) is None
    ):
        return _STOP  # "I'll run through the agenda quickly: …": the meeting's own plan
    if (
        rules is _DA
        and kind == "group"
        and re.match(r"vi (?:skal|vil)|(?:skal|må) vi", match.group(0), re.IGNORECASE)
        and re.match(r"(?:(?:altså|simpelthen|jo|bare|gerne|også)\s+)*have\b", task, re.I)
        # "Så skal vi to have et oplæg klar inden mødet": work to have done ("have … klar"),
        # given to the people named or by a deadline.
        and not (
            "who" in match.re.groupindex and (match["who"] or _BY_WHEN.search(task) is not None)
        )
    ):
        return None  # "Vi skal altså have lønnen kørt i maj": a goal, not someone's task
    if kind in ("commitment", "group") and _TRAILING_CONDITION.search(
        _WHETHER.sub(r"\1 whether", task)
    ):
        first = _dated_before_conditioned(task, context)
        if first is None:
            return _STOP  # "happy to resend it if it didn't arrive": an offer, not a promise
        # "Jeg tester det i morgen og giver Anders besked, hvis noget driller": the condition
        # is the second task's; the first, dated, is a promise
        task = first
    if _SUBORDINATE.search(before) and not _JUST_THAT.fullmatch(before.strip(" ,")):
        return None
    if _PURPOSE.search(text[: match.start()]) and re.match(
        r"(?:jeg|vi|i|we) (?:kan|kunne|can|could)\b|(?:kan|kunne) (?!du\b|I\b|jeg\b|vi\b)\w+",
        match.group(0),
        re.IGNORECASE,
    ):
        # "…, så jeg kan rapportere til ledelsen", "so we can book the sessions", "Så kan
        # Signe nå at sætte dem op": what the work makes possible, not a task
        return None
    if _BECAUSE_THEN.search(before) and re.search(
        r"\b(?:kan|kunne|can|could)\b", match.group(0), re.IGNORECASE
    ):
        # "…, for så kan jeg følge dem hele vejen", "because then we can plan the crews": why
        # something is asked for, not a task
        return None
    if kind in ("commitment", "group") and text.endswith("?") and _QUESTION_OPENING.match(text):
        return None
    if _ASKS_WHEN.match(text):
        return None  # "Hvornår skal du bruge den?", "WHEN CAN I HAVE IT": asks for a date
    if kind != "request" and (
        rules.hedges.search(_last_clause(before, rules)) or rules.hedges.match(task)
    ):
        return None
    if _WISH.search(f"{match.group(0)} {task.lstrip()}"):
        return None  # "Vi vil gerne betale kvartalsvis": what they want, not work they take on
    if re.search(r"\b(?:vil|ville|would)\s*$", match.group(0), re.I) and _RATHER.match(task):
        return None  # "Jeg vil hellere se, om det virker først": a preference, not a promise
    if (
        kind == "request"
        and not text.rstrip().endswith("?")
        and (_DO_IT_YOURSELF.match(task) or re.search(r"\byoursel(?:f|ves)\b", task, re.I))
    ):
        return None  # "Det kan I faktisk selv ændre": how they can do it, not work handed out
    if (
        rules is _DA
        and kind in ("commitment", "group")
        and _PROBABLY.search(text[clause[0] : clause[1]])
    ):
        return None  # "Ellen og jeg svarer nok på dansk": what will probably happen, a guess
    if (
        kind in ("commitment", "group")
        and _OURSELVES.search(task)
        and find_deadline(text, context.transcript.meeting.date, weeks=False) is None
    ):
        return None  # "English is fine, we'll translate it ourselves": help not needed, no task
    if (
        kind == "request"
        and _SHOW_HOW.match(task)
        and find_deadline(text, context.transcript.meeting.date, weeks=False) is None
    ):
        return None  # "Jonas, vil du vise, hvordan den ser ud?": shown there and then
    if re.match(r"(?:try (?:to|and)|prøve at)\b", task, re.IGNORECASE):
        confidence -= 0.15
    task = rules.leading_filler.sub("", task)
    if kind == "commitment" and re.match(r"you|du", match.group(0), re.IGNORECASE):
        # "You'll have the figures from me", "Du får tallene fra mig": the speaker sends them.
        task = re.sub(r"^(?:have|get|receive|får)\s+", "send ", task, flags=re.IGNORECASE)
        task = re.sub(r"\s+(?:from me|fra mig)\b", "", task, flags=re.IGNORECASE)
        if re.fullmatch(r"send (?:it|that|them|this)[.!]*", task.strip(), re.IGNORECASE):
            # "You'll get it.": a yes, dated by what is said next, or by nothing.
            return _answer(index, context, rules, confidence, None)
    fronted = re.fullmatch(r"(?:\w+,?\s+){0,2}(det|den|dem)\s*", before, re.IGNORECASE)
    if (
        kind == "request"
        and fronted
        and re.fullmatch(r"(?:få|have|get)", _due(task, "", index, context)[1].strip(" .!?"), re.I)
    ):
        return None  # "Den kan I få i næste uge": handed over by the speaker, said again
    if _NEGATION.match(task) or (fronted and _NEGATION.match(_ADVERBS.sub("", task))):
        return None  # "Det kan jeg faktisk ikke huske": negated, nothing promised
    if verb_follows:
        task = _imperative(task, rules)
    if match.groupdict().get("fronted_group"):
        # "Den retter vi i nat": the object goes back after the verb ("ret den i nat").
        verb, _, rest = task.partition(" ")
        rest = re.sub(r"^(?:vi|we|du)\b\s*", "", rest, flags=re.IGNORECASE)
        task = f"{verb} {match['fronted_group'].lower()} {rest}".strip()
    if rules is _DA and fronted and kind == "commitment":
        said_due, bare, _ = _due(task, "", index, context)
        if re.fullmatch(r"(?:meget |rigtig |rigtigt )?gerne(?: have)?[.!]*", bare.strip(), re.I):
            # "Ja tak, det vil jeg meget gerne": a yes to an offer.
            return _Acceptance(index, to_offer=True, due=said_due)
        left = re.sub(r"\b(?:godt|gerne|sagtens|nok|lige)\b", "", bare).strip(" .!,")
        if not left:
            # "Ja, det kan jeg godt i morgen": a yes with a date, to what was just asked.
            return _answer(index, context, rules, confidence, said_due)
        if said_due is None and re.fullmatch(r"[\w-]+(?: ud af| op| ind| igennem)?", left):
            # "Det kan jeg sagtens nå", "Det kan jeg godt arrangere": a yes in one verb.
            return _answer(index, context, rules, confidence, None)
        task = task.rstrip(" .!?")
        # "Den sender jeg til dig", "Det skal jeg nok gøre": the fronted object goes back
        # after the verb.
        verb, _, rest = task.partition(" ")
        task = f"{verb} {fronted[1].lower()} {rest}".strip()
    elif rules is _EN and _STATE_GERUND.match(task):
        return None
    elif rules is _EN and re.match(r"be \w+ing\b", task, re.IGNORECASE):
        task = _gerund(task[3:])  # "we'll be working on the requirements": a promise
    if rules is _DA:
        # "Jeg går det igennem med værkstedet": going through something is reviewing it.
        task = _GO_THROUGH.sub(r"gennemgå \g<what>", task)
    if rules is _DA and _GOING_SOMEWHERE.match(task):
        return None
    if _NEGATION.match(task):
        return None
    have_done = _DA_HAVE_DONE.match(task) if rules is _DA else None
    done_alone = _HAVE_IT_DONE.match(task) if rules is _DA and fronted else None
    if (
        (have_done is not None or done_alone is not None)
        and kind == "commitment"
        and re.search(r"\bvil\b", match.group(0), re.IGNORECASE)
        and find_deadline(text, context.transcript.meeting.date, weeks=False) is None
    ):
        return None  # "Men jeg vil have det skrevet ind i aftalen": a demand, not work taken on
    if have_done is None and done_alone is not None and fronted is not None:
        # "Det skal vi have rettet, inden…": the fronted object is what is to be done.
        task = f"få {fronted[1].lower()} {done_alone['done']}{task[done_alone.end() :]}"
    elif have_done is not None and have_done["done"]:
        task = f"få {have_done['what']}{have_done['done']}{task[have_done.end() :]}"
    elif have_done is not None:
        # "have godkendt installationen hos X": the object goes before the participle.
        what, tail = _split_object(have_done["object"])
        task = f"få {what} {have_done['done_first']}{tail}"
    elif rules is _DA and (get := _HAVE_SOMEONE.match(task)) is not None:
        task = f"få {get['who']}til at {task[get.end() :]}"  # "have juridisk til at kigge på"
    elif (
        rules is _DA and kind != "request" and re.match(r"(?:først )?have\b(?! fat\b)", task, re.I)
    ):
        return None  # "Jeg skal bare have jeres accept": a need, not work
    if rules is _DA and (asks := _ASK_SOMEONE.match(task)) is not None:
        task = f"spørg {task[asks.end() :]}"  # "jeg skal lige høre vores økonomiafdeling"
    if (
        kind in ("commitment", "group")
        and verb_follows
        and (_routine_follows(index, context) or _answers_how_today(index, context))
    ):
        return None
    if _starts_with(
        task, rules.request_non_actions if kind == "request" else rules.non_actions
    ) and not _REVIEW_BY.match(task):
        if kind == "commitment" and _answers_with_pronoun(task, index, context, rules):
            # "Sure, I'll go through it on Thursday": the answer to a request, with its date.
            return _Acceptance(index, to_offer=False, due=_due(task, before, index, context)[0])
        return None
    if _ON_THE_SPOT.search(task) or _LEAVING.match(task.rstrip(".!?")):
        return None
    if _steps_out(task, index, context):
        return None
    if _NOT_WORK.match(task):
        return None  # "tager den derfra", "tager den på mødet med direktøren", "gerne have"
    if kind == "group" and _NEXT_MEETING.match(task):
        return None  # "Let's book the next check-in": when to meet again, agreed on the spot
    if kind in ("commitment", "group") and _answers_what_if(index, context):
        return None  # "Og hvis det sker igen?" - "Så ringer vi til jer": a hypothetical
    if kind == "commitment" and _declines_help(text, task, index, context):
        return None  # "Jeg kan vise dig det nu" - "Nej, jeg skal nok finde det"
    if kind in ("commitment", "group") and _on_the_spot(task, match, index, context):
        return None
    handed_due = None
    other = _NEW_SUBJECT.search(task)
    if other is not None:
        # "…, and then we can talk on Monday": another subject's date is not this task's, but
        # "…, og du har den senest fredag" hands this task over by then.
        if _HANDED_OVER.search(task, other.start()):
            said = find_deadline(
                task[other.start() :], context.transcript.meeting.date, weeks=False
            )
            handed_due = said.date if said is not None else None
        task = task[: other.start()]
    due, task, had_date = _due(task, before, index, context)
    if due is None and handed_due is not None:
        due, had_date = handed_due, True
    if (
        kind == "commitment"
        and not had_date
        and re.fullmatch(r"du", match.group(0).strip(), re.I)
        and not re.search(r"\bfra mig\b", text, re.I)
    ):
        return None  # "Du får en mail fra systemet": no promise without a date or "fra mig"
    if (
        kind == "group"
        and match.groupdict().get("passive")
        and (not had_date or _TO_EVERYONE.search(text) is None)
    ):
        # "Prisen skal være låst", "The contract must be signed by the 30th": how it must be;
        # a task when a chair tells everyone by when ("alle sammen, crm skal være opdateret…").
        return None
    if (
        kind == "group"
        and due is None
        and (match.groupdict().get("fronted_group") or match.groupdict().get("obligation"))
    ):
        return None  # "Det klarer vi selv": a yes about the team's own part, no task by a date
    if (
        match.groupdict().get("asks_for")
        and rules is _DA
        and (due is None or not re.match(r"send (?:den|det|dem|\w+(?:en|et|ne))\b", task, re.I))
    ):
        return None  # "Kan vi få chatten på tysk?": a question about the product or the terms
    if kind == "group" and not had_date and re.match(r"we can|vi kan", match.group(0), re.I):
        return None  # "we can do a pilot": an idea until a date is named
    if (
        kind == "group"
        and verb_follows
        and not had_date
        and rules is _DA
        and re.match(r"vi\b", match.group(0), re.IGNORECASE)
    ):
        # "Vi flytter til Azure", "så vi deler mikrofon": how things are, not a task; unlike
        # "Så sender vi den" (verb first: what happens next).
        return None
    cleaned = _clean(_strip_vocative(task, context), rules)
    if not cleaned or _ON_THE_SPOT.search(cleaned):
        return None  # "Jeg opretter lige en bruger nu, så kan du se…": done in the meeting
    if (
        not had_date
        and re.fullmatch(r"[\w-]+[.!?]*", cleaned.strip())
        and not match.groupdict().get("thing")
        and not has_object_pronoun(task)
        # "Den liste kan jeg godt lave": the object said before the cue
        and not re.match(r"\s*(?:\w+,?\s+){0,2}?(?:det|den|dem|dét|that|this)\b", before, re.I)
    ):
        return (
            None  # "… so Erik can follow?", "… and try for next week": a verb alone names no work
        )
    lets = kind != "assignment" and re.match(r"let's|lad os", match.group(0), re.I) is not None
    anaphoric = rules.anaphora.match(cleaned) or re.fullmatch(r"do|gør det", cleaned, re.I)
    # "Så tager du den i dag": a request whose object is a pronoun, not a yes to an offer.
    if anaphoric and not (kind == "request" and verb_follows):
        if kind == "commitment":
            answer = _answer(index, context, rules, confidence, due)
            if isinstance(answer, _Acceptance) and had_date:
                # "Jeg kigger på det i dag": a dated promise of its own, which the merging
                # steps tie to a request or an earlier promise when there is one.
                return _made(cleaned, sentence.speaker, due, index, context, confidence), kind
            return answer
        if kind == "request" or lets:
            return _Acceptance(index, to_offer=True, due=due)
        return None
    if lets and not _starts_with(cleaned, _LEADING_VERBS[_code(rules)]):
        return None
    if not _has_commitment_structure(
        kind, match, verb_follows, cleaned, had_date, named is not None, index, context
    ):
        return None
    owner, by_name = _owner(kind, named, text, index, context)
    plural = _plural_addressee(index, context) or (
        rules is _DA and _DA_PLURAL_ORDER.search(text) is not None
    )
    # "Kasper og Nadia, I tager to hver": two people named together are a team.
    if kind == "request" and (not by_name or _several_named(text, context)) and plural:
        owner = _addressed_team(index, context)
    confidence += 0.1 if had_date else 0.0
    confidence += 0.05 if by_name else 0.0
    if kind == "request" and not by_name and len(context.transcript.participants) > 2:
        confidence -= 0.1
    return _made(cleaned, owner, due, index, context, confidence), kind


_GO_THROUGH = re.compile(
    r"^(?:lige )?gå(?:r)? (?P<what>(?:[\w-]+ ){0,3}?[\w-]+) (?:igennem|gennem)\b", re.IGNORECASE
)
"""Danish "gå X igennem" (go through X), said as "gennemgå X"."""
_DA_PLURAL_ORDER = re.compile(
    rf"(?:^|(?<=[,.:] )|(?<=\bså )|(?<=\bog ))I {_DA_FILLER}(?:{_DA_PRESENT_RE})\b"
)
"""An order to you in the plural, "I" upper case: "…, I ringer dem op i denne uge"."""


_RATHER = re.compile(r"(?:(?:\w+|egentlig) )?(?:hellere|helst|rather)\b", re.IGNORECASE)

_TO_EVERYONE = re.compile(
    r"\b(?:alle sammen|allesammen|alle|everyone|everybody|all of you|you all|team)\b", re.I
)
_HAVE_IT_DONE = re.compile(rf"have (?P<done>{_DA_DONE})\b(?! \w)", re.IGNORECASE)
"""Danish "have" + participle with the object put first ("Det skal vi have rettet, …")."""
_REVIEW_BY = re.compile(
    r"(?:go through|go over)\b.*\b(?:by|before|no later than)\s+(?:the\s+)?\w", re.IGNORECASE
)
"""Going through something by a deadline is reviewing it afterwards, not a walk-through in
the meeting: "I will go through it properly and come back with questions by the 5th"."""
_ONCE_WE_HAVE_IT = re.compile(
    r"\b(?:once|when|as soon as|når|så snart|hvis) (?:we|vi|i) (?:have|get|receive|har|får)"
    r" (?:that|it|those|them|this|det|den|dem)\b",
    re.IGNORECASE,
)


def _settled_before(before: str, index: int, context: _Context) -> bool:
    """The condition before the cue waits for something ("once we have that") that another
    speaker promised in the turn just before."""
    if _ONCE_WE_HAVE_IT.search(before) is None:
        return False
    sentence = context.sentences[index]
    earlier = [
        s
        for s in context.sentences[max(0, index - 3) : index]
        if s.speaker != sentence.speaker and sentence.start - s.start <= 60
    ]
    return any(_has_cue(s, context) for s in earlier)


_BECAUSE_THEN = re.compile(r"\b(?:for|fordi|because|'cause|cause)\s+(?:så|then)\s*$", re.I)
"""Before "kan jeg" / "I can": "because then" opens the reason for what was just asked."""


def _dated_before_conditioned(task: str, context: _Context) -> str | None:
    """The part of ``task`` before an "and" that opens the clause a trailing condition belongs
    to, when that part names a day; else None."""
    condition = _TRAILING_CONDITION.search(task)
    if condition is None:
        return None
    ands = list(re.finditer(r"\s+(?:og|and)\s+", task[: condition.start()], re.IGNORECASE))
    if not ands:
        return None
    first = task[: ands[-1].start()]
    said = find_deadline(first, context.transcript.meeting.date, weeks=False)
    return first if said is not None and said.date is not None else None


_REPORTED = re.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\bjeg )(?<!\bvi )(?<!\byou )(?<!\bdu )"
    r"\b(?:said|says|told (?:us|me|them)|wrote|sagde|siger|skrev)"
    r"(?:,? (?:and i quote|og jeg citerer|quote|citat))?[,:]?\s*(?:that\s+|at\s+)?$",
    re.IGNORECASE,
)
"""Words reported from someone else, before the cue: "their head of ops said, and I quote,
we'll …", "hun skrev, at vi …"; not the speaker's own "as I said, I'll …"."""

_OTHERWISE = re.compile(r"\b(?:ellers|otherwise|or else)(?:\s+(?:så|then))?\s*$", re.IGNORECASE)
"""Before a cue: the task is the fallback of what was said before it, not a task yet."""
_BY_WHEN = re.compile(r"\b(?:inden|før|senest)\b", re.IGNORECASE)
_THEIR_PART = re.compile(r"\b(?:hvis|if|når|once|when) (?:du|i|you)\b", re.IGNORECASE)
"""A condition that is the other side's part ("if you send them, …")."""


def _declined(index: int, context: _Context) -> bool:
    """Whether the other side's next words turn what sentence ``index`` said down."""
    reply = _reply(index, context)
    return reply is not None and _DECLINE.match(_normal(context.sentences[reply].text)) is not None


_NOT_NEEDED = re.compile(
    r"^[^.?!]{0,40}?\b(?:ikke|not|won't|isn't)\b[^.?!]{0,20}?\b(?:nødvendigt|necessary|needed)"
    r"(?=\s*(?:[,.!;]|$))"
    r"|^(?:(?:nej|no|ah|oh)[,.!]?\s+)*(?:(?:tak|thanks)[,.!]?\s+)?(?:no need|ingen grund"
    r"|det behøver (?:du|i) ikke|you don't (?:need|have) to|lad (?:bare )?være)\b",
    re.IGNORECASE,
)
"""A reply that says the work offered is not wanted: "Det tror jeg ikke bliver nødvendigt",
"No need, we have it", "Det behøver du ikke"."""


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


_THEIR_INPUT = re.compile(
    r"\b(?:hvis|if|når|once|when|så snart|as soon as) (?:du|i|you) (?:\w+ )?(?:giver|sender"
    r"|mailer|skaffer|give|send|forward|get|email)(?:er|s)? (?:mig|os|me|us)\b",
    re.IGNORECASE,
)
"""A condition that is the other side's input to the work ("if you send me the file, …")."""
_HAVE_SOMEONE = re.compile(r"have (?P<who>(?:[\w-]+ ){1,4}?)til at ", re.IGNORECASE)
""" "have juridisk til at kigge på det": get someone to do it."""
_ASK_SOMEONE = re.compile(
    r"(?:høre|hør|høre med|hør med|høre hos|hør hos) (?=(?:vores|min|mit|mine|deres|jeres"
    r"|[A-ZÆØÅ]\w+)\b)",
)
""" "høre vores økonomiafdeling", "høre Peter": asking someone, not hearing."""
_ASKS_WHEN = re.compile(
    r"^(?:(?:og|and|så|so|okay|ok|super|godt|great|fint|øh|um|uh)[,.]?\s+)*(?:hvornår|when"
    r"|how soon|by when|what time|hvor hurtigt|hvor snart)\b",
    re.IGNORECASE,
)
"""A question for the date of work: the work was given before, this names no task."""
_JUST_THAT = re.compile(r"(?:just|only|bare|kun|og|and)?\s*(?:that|at)", re.IGNORECASE)
"""A turn opened by "Just that I'll…" ("anything else?" - "Just that I'll send the slides"):
the promise is the main clause."""
_RUN_THROUGH = re.compile(
    r"(?:(?:lige|just|quickly|hurtigt)\s+)*(?:run|go|walk|take|took|tag|gennemgå|løb|læs|read"
    r"|start|begin|begynd)\w*\b",
    re.IGNORECASE,
)
"""Going through the agenda in the meeting ("I'll run through the agenda", "jeg tager den
lige"), unlike drafting or sending it."""
_ADVERBS = re.compile(
    r"^(?:(?:faktisk|desværre|altså|jo|nok|vist|heller|lige|bare|godt|actually|really|just"
    r"|unfortunately|probably)\s+)+",
    re.IGNORECASE,
)
"""Adverbs that may stand before a negation: "Det kan jeg faktisk ikke huske"."""
_NOT_WORK = re.compile(
    r"(?:tag(?:e|er)?|take) (?:den|det|it|that) (?:(?:lige|just) )?(?:derfra|videre derfra"
    r"|from there|from here|herfra)\b"
    # a topic left for a later meeting: "Så tager vi den på mødet med jeres direktør"
    r"|(?:tag(?:e|er)?|take) (?:den |det |it |that |[\w-]+ )?(?:up |op )?(?:igen |again )?"
    r"(?:på|til|at|in|on) (?:\w+ ){0,3}(?:mødet|møde|meeting|call|session)\b"
    # a topic raised again later: "vi tager Kolding op igen næste mandag"
    r"|(?:tag(?:e|er)?|take|bring) (?:[\w-]+ ){1,3}?(?:op|up) (?:igen|again)\b"
    # a topic brought to a meeting of one's own: "Jeg skal alligevel have det med på et møde"
    r"|(?:\w+ )?(?:have|har) (?:den|det|dem) med (?:på|til) (?:\w+ ){0,3}?\w*møde\b"
    # a topic left for a later phase, or the meeting's language: "Så tager vi den i fase to",
    # "Vi tager den på engelsk i dag"
    r"|(?:tag(?:e|er)?|take) (?:den|det|it|that) (?:i|in|til|to) (?:fase|phase|runde|round)\b"
    r"|(?:tag(?:e|er)?|take) (?:den|det|it|that) (?:på|in) (?:engelsk|dansk|english|danish)\b"
    # "I'll run this one in English for your sake": the meeting's own language
    r"|(?:run|hold|do|take|keep|conduct|hold|kør|køre|holde|tage) (?:this|it|the meeting|this"
    r" meeting|mødet|den|det)(?: one)? (?:in|på) (?:english|danish|engelsk|dansk)\b"
    # the language people speak in the meeting: "så vi tager mødet på engelsk", "jeg svarer
    # bare på dansk", "Ole taler engelsk", "I'll just answer in Danish"
    r"|(?:tag(?:e|er)?|hold(?:e|er)?|kør(?:e|er)?) mødet (?:på|in)"
    r" (?:engelsk|dansk|english|danish)\b"
    r"|(?:tal|tale|taler|svar|svare|svarer|speak|speaks|talk|answer|reply)"
    r" (?:(?:bare|gerne|også|helst|just|also|only|mostly|mest)\s+)*(?:på |in )?"
    r"(?:engelsk|dansk|english|danish)\b(?!\s+(?:to|til)\b)"
    # the order of this meeting's points: "Rasmus, vil du tage den første?", "jeg kan tage
    # min først", "så vi tager det hurtigt", "but we'll come to that"
    r"|(?:tag(?:e|er)?|take) (?:den|det|dem|min|mit|mine|din|dit|dine|it|that|this|mine|yours)"
    r"(?: one)? (?:først|første|first|hurtigt|quickly|next|næste|sidst|last)(?=\s*(?:[,.;:!?]|$"
    r"|for\b|fordi\b|because\b|since\b|så\b|so\b))"
    r"|(?:come|get) (?:on )?to (?:that|it|this)(?: one)?(?: (?:later|in a (?:bit|minute|moment)))?"
    r"(?=\s*[,.;:!?]|$)"
    # meeting again some day, no task: "we'll speak again once the patch is out", "vi tales ved"
    r"|(?:speak|talk|catch up|touch base) again\b(?!\s+(?:on|by|next|tomorrow|this)\b)"
    r"|(?:tales|høres|ses) (?:ved )?(?:igen|snart|senere)?(?=\s*(?:[,.!?]|$|når|once|when))"
    # an offer turned down: "No, we'll do that ourselves" (as "Det klarer vi selv")
    r"|(?:do|handle|sort|take care of|manage) (?:that|it|this|those|them)(?: one)?"
    r" (?:ourselves|myself|on our own)\b"
    # a call the one asked cannot join, run alone: "Okay, I'll take it on my own then"
    r"|(?:take|run|do) (?:it|that|the call|the meeting)(?: one)? (?:on my own|alone|by myself)\b"
    # thanks: "Det sætter jeg stor pris på"
    r"|(?:sæt|sætte|sætter) (?:(?:det|den|dem) )?(?:\w+ )?pris på\b"
    # a wish: "Vi vil rigtig gerne have en app"
    r"|(?:(?:rigtig|meget|så|virkelig|really|very much)\s+)*(?:gerne have|like to have)\b"
    # sayings that sound like work: "Det skriver jeg mig bag øret", "let's take one step at a
    # time", "så tager vi et skridt ad gangen"
    r"|(?:skriv|skrive|skriver) (?:\w+ ){0,3}bag øret\b"
    r"|(?:take|taking) (?:(?:it|things|this) )?one (?:step|day|thing) at a time\b"
    r"|(?:tag|tage|tager) (?:(?:det|den) )?(?:et|ét) (?:skridt|trin|ting) ad gangen\b"
    # something said in the meeting, not work: "Jeg skal i øvrigt sige, at jeg går på barsel"
    r"|(?:(?:i øvrigt|forresten|lige|bare|også|lige have)\s+)*(?:sige|fortælle|nævne),? at\b"
    r"|(?:(?:also|just|by the way)\s+)*(?:say|mention|tell you),? that\b(?! to\b)"
    # the recap's own announcement: "Så samler jeg lige op: …"
    r"|(?:saml|samle|samler|sum|summari[sz]e) (?:lige |just )?(?:op|up)?\s*(?:[:.!]|$)",
    re.IGNORECASE,
)
"""What follows a cue without being work: taking it from there, a topic left for a meeting, a
wish, a saying, a remark, the recap announced."""
_NEXT_MEETING = re.compile(
    r"(?:book|books|schedule|set up|plan|put in|find a (?:time|date) for|lock in|book(?:e|er)"
    r"|planlæg(?:ge|ger)?|aftal(?:e|er)|sæt(?:te|ter)? (?:et|en)?\s*(?:tid|dato) (?:af )?til"
    r"|find(?:e|er)? (?:en )?(?:tid|dato) til) "
    r"(?:(?:the|our|a|det|vores|et|en)\s+)?(?:next|næste)\s+"
    r"(?:check[- ]?in|meeting|call|session|catch[- ]?up|sync|review|status"
    r"|møde|opfølgning|statusmøde|opfølgningsmøde)",
    re.IGNORECASE,
)
"""The next meeting, booked by all ("let's book the next check-in same time next week", "lad
os booke næste møde"): when to meet again, agreed in the meeting; the invitation someone
promises to send is the task."""
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


def _answers_with_pronoun(task: str, index: int, context: _Context, rules: _Rules) -> bool:
    """A short "<verb> it" right after someone else spoke: an answer, whatever the verb."""
    _, rest, _ = _due(task, "", index, context)
    pronoun = r"(?:it|that|this|det|den|dem)" if rules is _DA else r"(?:it|that|this|them)"
    previous = context.sentences[index - 1] if index > 0 else None
    return (
        previous is not None
        and previous.speaker != context.sentences[index].speaker
        and re.fullmatch(rf"\w+(?: \w+)? {pronoun}\s*[.!]*", rest.strip(), re.IGNORECASE)
        is not None
    )


def _split_object(words: str) -> tuple[str, str]:
    """ "installationen hos vores sikkerhedsfolk" -> ("installationen", " hos vores …")."""
    cut = re.search(r"\s+(?:hos|af|med|inden|før|til|på|i)\s+", words, re.IGNORECASE)
    return (words[: cut.start()], words[cut.start() :]) if cut else (words, "")


def _is_agenda(sentence: Sentence, text: str, task: str) -> bool:
    """The agenda read out at the start ("first we'll recap the pilot, then go over pricing")."""
    return sentence.start <= AGENDA_WINDOW_S and (
        _AGENDA.search(text) is not None or _MEETING_ACTIVITY.search(task) is not None
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


_OFFER_CUE = re.compile(
    r"^(?:i can|jeg kan(?: godt)?|(?:kan) jeg|(?:i'm |i am |i'd be )?(?:more than )?(?:happy|glad)"
    r" to)\b",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"^(?:[\w']+,\s*)?(?:(?:so|and|og|så)\s+)?(?:can|could|would|will|kan|kunne|vil|gider)\s+"
    r"(?:you|du|I)\b"
    # an upper-case transcript has neither question marks nor commas: "UM TOM COULD YOU …"
    r"|^(?:(?:UM|UH|ER|ØH|ØHM|OKAY|SO|AND|OG|SÅ)\s+)*(?:[A-ZÆØÅ']+\s+)?"
    r"(?:CAN|COULD|WOULD|WILL|KAN|KUNNE|VIL|GIDER)\s+(?:YOU|DU|I)\b",
)


def _has_commitment_structure(
    kind: str,
    cue: re.Match[str],
    verb_follows: bool,
    task: str,
    had_date: bool,
    named: bool,
    index: int,
    context: _Context,
) -> bool:
    """The structure every task must have beyond its cue (see `structure`): work with an
    object, and a form that commits: an offer taken up, a Danish present tense anchored in
    time, a question answered with a yes."""
    sentence = context.sentences[index]
    danish = sentence.language == "da"
    said = cue.group(0).strip()
    text = _normal(sentence.text)
    # Danish puts the object first and the verb after it: "Lønsedlerne tjekker jeg".
    clause_start = max((m.end() for m in re.finditer(r"[,;:.!?]", text[: cue.start()])), default=0)
    opening = text[clause_start : cue.start()]
    fronted = re.fullmatch(r"\s*(?:(?:og|and|men|but|so|then)\s+)*", opening, re.I) is None
    if done_on_the_spot(task, had_date):
        return False
    if kind == "request" and _OPEN_INVITATION.search(text[cue.end() :]):
        return False  # "Ring endelig, hvis der er noget": an open offer to help, no task
    if (
        kind in ("commitment", "group")
        and verb_follows
        and danish
        and states_a_routine(task, index, context, had_date)
    ):
        return False
    if (
        kind == "commitment"
        and verb_follows
        and danish
        and not had_date
        and not _KNOWN_PRESENT.match(text, cue.end())
    ):
        return False  # "jeg bogfører bilagene": any verb in the present needs a date
    if (
        kind in ("commitment", "group")
        and verb_follows
        and danish
        and had_date
        and not _KNOWN_PRESENT.match(text, cue.end())
        and _GOES_SOMEWHERE.match(task) is not None
        and _VISITS.search(task) is None
        and not has_object_pronoun(task)
        and not danish_present_is_promise(index, context, had_date=False)
    ):
        # "Jeg flyver til Oslo i morgen", "jeg holder fri på fredag": the speaker's calendar,
        # a verb not known as work with no object; a promise when it answers someone or
        # follows a "så".
        return False
    if (
        kind in ("commitment", "group")
        and verb_follows
        and not danish
        and not had_date
        and _EN_THEN.search(text[: cue.start()]) is None
        and not _answers_request(index, context)
    ):
        return False  # "I call them when they order": how it goes, not a plan
    if kind in ("commitment", "group") and verb_follows and not danish and _NAMING.match(task):
        return False  # "I call it the green list": a name, not a call
    if kind == "group" and verb_follows and danish and not had_date and clause_start > 0:
        return False  # "…, så finder vi en dag": what follows, not a task of its own
    if kind == "commitment" and not had_date and _OWN_ROLE.match(task) and not fronted:
        return False  # "jeg tager mig af alle kunderne i Jylland": the speaker's role
    if kind == "commitment" and _OFFER_CUE.match(said):
        taken = offer_is_taken(index, context, had_date)
        return taken and is_work(task, danish, firm=True, fronted_object=fronted)
    if kind == "assignment" and _CAN.search(said) and not offer_is_taken(index, context, had_date):
        return False  # "Sofie kan også sende jer en liste" - "Det behøver I ikke": an offer
    if kind == "request" and _SEEN_HERE.match(task):
        return False  # "Her kan I se forbruget time for time": shown in the meeting
    if kind == "request" and (text.rstrip().endswith("?") or _ASKED.match(text)):
        answered = answered_with_assent(index, context) or _handed_on(index, context)
        return answered and is_work(task, danish, firm=True, fronted_object=fronted)
    if kind == "group" and _OPINION.search(text[: cue.start()]):
        return False  # "Jeg tror, vi skal sende den til Peter": what should happen
    # A group promise ("we'll…") needs work known as such: "we're going to grow 40 %" is a plan
    # of the company, not a task.
    firm = (
        kind == "assignment"
        or (kind == "request" and named)
        or (kind == "commitment" and not verb_follows and _FIRM.match(said) is not None)
        or (kind == "commitment" and had_date)
    )
    return is_work(task, danish, firm=firm, fronted_object=fronted)


def _taken_on_in_reply(index: int, context: _Context) -> bool:
    """Someone else's reply to sentence ``index`` takes the work on, in either language ("I'll
    take care of it", "Jeg tager mig af det") or names a day for it."""
    position = _reply(index, context)
    if position is None:
        return False
    text = _normal(context.sentences[position].text)
    if _DECLINE.match(text) is not None:
        return False
    return (
        _TAKES_ON.search(text) is not None
        or find_date(text, context.transcript.meeting.date, weeks=False) is not None
    )


_EN_THEN = re.compile(
    r"(?:^|[,.;]\s*)(?:(?:yes|yeah|okay|ok|fine|sure|good)[,.]?\s+)*(?:and\s+)?(?:then|so)\s*,?\s*$",
    re.IGNORECASE,
)
"""What anchors an English present in what happens next: "Then I take it to my director"."""


_NAMING = re.compile(r"call (?:it|that|this|them)\s+(?!back\b|up\b|again\b|on\b|about\b)\w", re.I)
_EN_ASKED = re.compile(
    r"\b(?:can|could|would|will) (?:you|somebody|someone|anyone|one of you)\b|\bplease\b"
    r"|^(?:\w+,\s*)?(?:so\s+|and\s+)?who\b",
    re.IGNORECASE,
)
"""A request or a "who does it?" that an English present may answer ("I send it tonight")."""


def _answers_request(index: int, context: _Context) -> bool:
    """Sentence ``index`` answers, in its turn, a request or a "who?" said in the turns just
    before: not a question of how things are done ("How do you handle returns?")."""
    sentence = context.sentences[index]
    turns = 0
    for position in range(index - 1, max(-1, index - 6), -1):
        previous = context.sentences[position]
        if sentence.start - previous.start > 60:
            return False
        if previous.speaker == sentence.speaker:
            if previous.segment != sentence.segment:
                return False
            continue  # earlier in the same turn
        if _EN_ASKED.search(_normal(previous.text)):
            return True
        turns += previous.segment != context.sentences[position + 1].segment
        if turns >= 2:
            return False
    return False


def _handed_on(index: int, context: _Context) -> bool:
    """A question turned down, then handed by the one who asked to someone else: "Daniel, kan
    du tage bageriet?" - "Nej, jeg er booket op." - "Amira, så er den din." """
    asked = context.sentences[index]
    for later in context.sentences[index + 1 : index + 5]:
        if later.start - asked.start > 60:
            return False
        if later.speaker == asked.speaker and any(
            hands_on(_normal(later.text), context, rules) for rules in _rules_for(later.language)
        ):
            return True
    return False


_CAN = re.compile(r"\b(?:can|could|kan|kunne)\b", re.IGNORECASE)
_SEEN_HERE = re.compile(
    r"(?:se|see)\b(?!\s+(?:på|efter|til|om|over|igennem|to|about|if|whether|into)\b)", re.I
)
"""Seeing, not looking into: "her kan I se forbruget" shows; "kan du se på tilbuddet" is work."""
_GOES_SOMEWHERE = re.compile(
    r"\S+\s+(?:til|i|på|hjem|fri|ud|ind|over|hos|fra|ned|op|afsted|væk|syg|ferie|orlov|barsel"
    r"|pause|weekend)\b",
    re.IGNORECASE,
)
"""A verb followed straight by a place or a state, no object: "flyver til Oslo", "holder fri"."""
_VISITS = re.compile(
    rf"\b(?:til|hos) (?:jer|dig|dem|os|ham|hende|kunden|kunderne)\b|\bog (?:{_DA_PRESENT_RE})\b",
    re.IGNORECASE,
)
"""Going to the other side ("kører ud til jer"), or going to do work there ("… og installerer
routeren"): a visit that is a task."""
_OPEN_INVITATION = re.compile(
    r"(?:,\s*|\s+)(?:if|hvis)\s+(?!(?:you can|possible|du kan|det er muligt|i kan"
    r"|(?:vi|we) (?:skal|are to|are going to) (?:nå|make|kunne|hit)|we(?:'re| are) to)\b)",
    re.IGNORECASE,
)
"""A request that hangs on "if…" is an open invitation ("Skriv til mig, hvis noget er
uklart"), unless it only asks whether the other can ("if you can") or says what it is for
("…, hvis vi skal nå at installere i januar")."""
_OWN_ROLE = re.compile(
    r"(?:tag mig af|stå for|hav ansvaret for|har ansvaret for|står for|handle|look after"
    r"|take care of|am responsible for|be responsible for)\s+(?!(?:det|den|dem|it|that|this"
    r"|them)\b)(?:alle|all|hele|the whole|vores|our|most|de fleste)\b",
    re.IGNORECASE,
)
"""A standing role said of oneself: "jeg tager mig af alle vores kunder i Jylland"."""
_KNOWN_PRESENT = re.compile(rf"(?:{_DA_PRESENT_RE})\b", re.IGNORECASE)
_OPINION = re.compile(
    r"\b(?:i think|i guess|i suppose|i believe|i feel|jeg tror|jeg synes|jeg mener|jeg tænker"
    # the plan for the meeting itself: "jeg tænkte, vi kigger på ordrer og oplæring"
    r"|jeg tænkte|i thought|i was thinking|maybe|perhaps|måske)\b[^.?!]*$",
    re.IGNORECASE,
)
_FIRM = re.compile(
    r"(?:i|we|jeg|vi)\b(?!\s+kan\b)|(?:i|we)(?:'ll|'m|'re)|(?:\w+ )?(?:skal|vil) (?:jeg|vi)\b",
    re.IGNORECASE,
)
"""A firm form of promise ("I'll", "I have to", "jeg skal", "vi vil"), which may name work with
any verb; not an offer ("jeg kan"), a present tense or a "let me"."""
