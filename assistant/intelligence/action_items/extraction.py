"""Reading a meeting sentence by sentence: the cues that open a task, the item each one
yields, replies linked to what they answer, repeats merged.

The orchestrator: `rule_items_in` reads each sentence's items (`_item`, from the cues by
`cue_items`) and checks each against the items found so far, with the rules of `not_work`,
`recaps`, `follow_ups` and `restatements`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.absent import absent_names
from assistant.intelligence.action_items.cue_items import _from_cue, _Stop
from assistant.intelligence.action_items.cues import _candidates, _has_cue, _rules_for
from assistant.intelligence.action_items.events import dated_by_event, dated_with_task
from assistant.intelligence.action_items.follow_ups import (
    _adds_to_promise,
    _amends_promise,
    _answers_on_own_promise,
    _answers_when,
    _asked_into_promise,
    _asks_another_day,
    _asks_promise_by_date,
    _asks_report_on_promise,
    _condition_of_own_yes,
    _dates_named_promise,
    _dates_offer_after_reply,
    _dates_open_task,
    _dates_own_open_promise,
    _dates_own_promise,
    _dates_work_taken_on,
    _moves_open_day,
    _moves_own_day,
    _redated,
    _repeats_own_date,
    _reports_back_on_own,
    _step_before_own_task,
    _takes_another_day,
)
from assistant.intelligence.action_items.later_dates import dated_later
from assistant.intelligence.action_items.located import _resolved, _sentence_of
from assistant.intelligence.action_items.merging import (
    _merge_duplicates,
    _merge_into_request,
    _own_part_of_group,
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
from assistant.intelligence.action_items.not_work import (
    _KEPT_PROMISE,
    _answered_by_doing,
    _done_for_years_next,
    _done_now,
    _done_there_and_then,
    _instead_of_help,
    _is_joke,
    _laughed_at,
    _names_whom,
    _ongoing_activity,
    _own_sides_process,
    _precondition,
    _reason_for_request,
    _refuses_all,
    _what_it_lets_me_do,
    _without_reason,
)
from assistant.intelligence.action_items.owners import TEAM, _team_of, first_name
from assistant.intelligence.action_items.recaps import (
    _dated_by_recap,
    _in_recap,
    _new_in_handout,
    _own_part_again,
    _sums_up,
)
from assistant.intelligence.action_items.replies import (
    _accept,
    _accepted_offer_question,
    _agreed_date,
    _answer,
    _dated_across_turns,
    _dated_answer,
    _refused,
)
from assistant.intelligence.action_items.restatements import (
    _REPORTS_BACK,
    _about_a_task_found,
    _continues,
    _elaborates,
    _restates,
    _spells_out,
    _translates,
)
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _CLAIM,
    _OFFER_ACCEPTANCE,
    _SENTENCE_PUNCTUATION,
)
from assistant.intelligence.action_items.rules_da import _DA, _DA_ANAPHORIC_ACCEPT, _DA_PRESENT_RE
from assistant.intelligence.action_items.spans import span_quotes
from assistant.intelligence.action_items.structure import _reply
from assistant.intelligence.action_items.tasks import _clean, _due
from assistant.intelligence.dates import find_date, find_deadline, resolve_due_date
from assistant.intelligence.sentences import Sentence, sentences_of
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
            if _redated(found, index, context) or _moves_open_day(found, index, context):
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
            if kind == "commitment" and _repeats_own_date(found, item, context):
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
            if kind == "commitment" and _moves_own_day(found, item, context):
                continue
            if kind == "request" and _amends_promise(found, item):
                continue
            if kind == "request" and _asks_report_on_promise(found, item):
                continue
            if _adds_to_promise(found, item):
                continue
            if _about_a_task_found(found, item, index, context):
                continue
            if kind == "request" and _asked_into_promise(found, item, index, context):
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
            if _names_whom(item, sentences[index]):
                continue
            if kind in ("commitment", "group") and _own_sides_process(
                item, sentences[index], context
            ):
                continue
            if kind == "commitment":
                item = _own_part_of_group(found, _takes_on_group(found, item, index, context))
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
            if kind == "commitment" and _dates_named_promise(found, item, index, context):
                continue
            if kind == "commitment" and _dates_open_task(found, item, index, context):
                continue
            if kind == "commitment" and _restates(found, item, index, context):
                continue
            if kind == "commitment" and _spells_out(found, item, index, context):
                continue
            if kind == "commitment" and _elaborates(found, item, index, context):
                continue
            if kind == "commitment" and _translates(found, item, index, context):
                continue
            if kind == "commitment" and _dates_work_taken_on(found, item, index, context):
                continue
            if kind == "commitment" and _step_before_own_task(found, item, index, context):
                continue
            if _own_part_again(item, found, index, context):
                continue
            if _in_recap(index, context) and not (
                item.owner == item.speaker and all(i.owner != item.owner for i, _ in found)
            ):
                # a recap repeats tasks already given, in other words; only the recapper's own
                # work not heard before ("…, og jeg sender en opsummering") is new
                continue
            found.append((item, kind))
    found = [(item, kind) for item, kind in found if kind != "declined"]
    found = _invitation_joined(_steps_joined(found, context))
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


_STEP = re.compile(
    r"^(?:(?:okay|ok|right|so|well|then|and|but|in that case|fair enough)[,.]?\s+)*"
    r"(?:let me|i must|i need to|i have to|i(?:'ll| will) (?:need|have) to|lad mig)\b",
    re.IGNORECASE,
)
"""A step the speaker takes on the way to their work: "Let me check with our CFO.", "I must
ask our IT for the export."."""


def _steps_joined(found: list[_Found], context: _Context) -> list[_Found]:
    """An undated step ("Let me figure out where we land") said next to the same speaker's dated
    promise in one turn ("I'll get you the number by the end of the month"): one task, the
    promise's, quoting both sentences."""
    sentences = context.sentences
    joined = list(found)
    for step, kind in found:
        if (
            kind != "commitment"
            or step.due is not None
            or step.owner != step.speaker
            or _STEP.match(_normal(step.quote)) is None
        ):
            continue
        index = _sentence_of(step, sentences)
        if index is None or step.quote != sentences[index].text:
            continue
        for position, (promise, promise_kind) in enumerate(joined):
            if (
                promise_kind != "commitment"
                or promise.due is None
                or promise.owner != promise.speaker
                or promise.speaker != step.speaker
                or abs(promise.start - step.start) > _STEP_WINDOW_S
            ):
                continue
            other = _sentence_of(promise, sentences)
            if (
                other is None
                or abs(other - index) != 1
                or sentences[other].segment != sentences[index].segment
                or promise.quote != sentences[other].text
            ):
                continue
            first, second = (step, promise) if index < other else (promise, step)
            joined[position] = (
                replace(promise, start=first.start, quote=f"{first.quote} {second.quote}"),
                promise_kind,
            )
            joined = [(i, k) for i, k in joined if i is not step]
            break
    return joined


_STEP_WINDOW_S = 60.0
"""Sentences of one turn lie this close in time at most (s): farther ones are not looked up."""


_HOLDS_EVENT = re.compile(
    r"^(?:book|arrange|organi[sz]e|set up|schedule|plan|run|hold|do|lav|lave|holde|booke"
    r"|arranger|arrangere|planlæg|planlægge)\b[^,.;]*?\b(?:session|workshop|training|meeting|webinar"
    r"|demo|walkthrough|course|\w*session\w*|workshop\w*|træning\w*|træningsdag\w*|møde\w*"
    r"|kursus\w*|kurset|demo\w*)\b",
    re.IGNORECASE,
)
"""Work that is an event the speaker holds or sets up: "Book en workshop", "Run the training"."""
_SENDS_INVITATION = re.compile(
    r"^(?:send|sende|sender|email|mail)\b[^,.;]*?\b(?:invite|invitation|indkaldelse|calendar"
    r" invite|mødeindkaldelse)\w*\b",
    re.IGNORECASE,
)
_INVITATION_WINDOW_S = 30.0
"""How soon after setting up an event its invitation is still the same task (s)."""


def _invitation_joined(found: list[_Found]) -> list[_Found]:
    """An event the speaker sets up and the invitation they promise for it ("Og så booker jeg en
    workshop … Jeg sender en invitation til torsdag", "I'll run the training on Tuesday and send
    the updated invitation today"): one task, the invitation's, due when it goes out (the
    event's own day is no deadline)."""
    events = [
        event
        for event, kind in found
        if kind == "commitment"
        and event.owner == event.speaker
        and _HOLDS_EVENT.match(event.text) is not None
        and any(
            item_kind == "commitment"
            and item is not event
            and item.owner == item.speaker == event.speaker
            and 0 <= item.start - event.start <= _INVITATION_WINDOW_S
            and _SENDS_INVITATION.match(item.text) is not None
            for item, item_kind in found
        )
    ]
    return [(item, kind) for item, kind in found if not any(item is e for e in events)]


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
    """The names a turn may call a participant by: their full name and first name."""
    name = participant.name.strip()
    first = first_name(participant)
    if first is None or (name == participant.id and not name.isalpha()):
        return set()  # a placeholder, or an id standing in for a name ("S1")
    return {name, first}


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
            and not (_ASKS_SOMEONE.match(left) and _HANDS_RESULT.match(right))
        ):
            return joint.start(), right
    return None


_ASKS_SOMEONE = re.compile(
    r"\s*(?:ask|speak to|talk to|check with|e-?mail|call|spørg\w*|snak\w* med|tal\w* med"
    r"|ring\w* til|mail\w*|skriv\w* til)\s+(?:him|her|them|ham|hende|dem)\b",
    re.IGNORECASE,
)
_HANDS_RESULT = re.compile(
    r"(?:send|get|give|mail|e-?mail|sende|send\w*|giv\w*)\s+(?:you|dig|jer)\b", re.IGNORECASE
)
"""Asking someone, then handing the answer on ("ask him this week and send you a price by
Tuesday", "email them tonight and send you the contact tomorrow"): one task, done by the later
day."""


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
