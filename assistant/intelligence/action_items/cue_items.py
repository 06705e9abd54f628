"""The item one cue opens (`_from_cue`): the task after the cue, cut to its own clause, with
its owner and due date; an acceptance when the cue takes back work just asked for by a pronoun;
`_STOP` when the sentence holds no task at all; nothing when what follows is not a task. Holds
the cue parser's own patterns; the not-work checks it calls live in `not_work`, the
commitment form in `commitment_form`."""

from __future__ import annotations

import re

from assistant.intelligence.action_items.commitment_form import (
    _has_commitment_structure,
    _taken_on_in_reply,
)
from assistant.intelligence.action_items.cues import _Cand, _code, _has_cue
from assistant.intelligence.action_items.model import _Acceptance, _Context, _Found, _made, _normal
from assistant.intelligence.action_items.not_work import (
    _answers_how_today,
    _answers_what_if,
    _declined,
    _declines_help,
    _finds_what_was_sent,
    _not_needed,
    _on_the_spot,
    _routine_follows,
    _steps_out,
    _without_reason,
)
from assistant.intelligence.action_items.owners import (
    _addressed_team,
    _owner,
    _plural_addressee,
    _several_named,
    _strip_vocative,
)
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.replies import _answer
from assistant.intelligence.action_items.rules import (
    _AGENDA,
    _GOING_SOMEWHERE,
    _LEAVING,
    _MEETING_ACTIVITY,
    _NEGATION,
    _ON_THE_SPOT,
    _POLITE_CONDITION,
    _PURPOSE,
    _QUESTION_OPENING,
    _SHOW_HOW,
    _STATE_GERUND,
    _SUBORDINATE,
    _TRAILING_CONDITION,
    _WHEN,
    AGENDA_WINDOW_S,
    _Rules,
)
from assistant.intelligence.action_items.rules_da import (
    _DA,
    _DA_DONE,
    _DA_FILLER,
    _DA_HAVE_DONE,
    _DA_LEADING_VERBS,
    _DA_PRESENT_RE,
)
from assistant.intelligence.action_items.rules_en import _EN, _EN_LEADING_VERBS
from assistant.intelligence.action_items.structure import answered_with_assent
from assistant.intelligence.action_items.tasks import (
    _clean,
    _due,
    _gerund,
    _imperative,
    _starts_with,
)
from assistant.intelligence.dates import find_date, find_deadline
from assistant.intelligence.sentences import Sentence

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
_LAYOUT = re.compile(
    r"(?:(?:also|også|just|bare|lige)\s+)?(?:show|keep|put|add|list|price|split|break|have|vis"
    r"|hold|læg|sæt|skriv|få|tag)\b[^.?!]*?\b(?:as a separate line|separate(?:ly)?|on (?:one|a"
    r" single|the same) page|broken out|split out|side by side|som en (?:særskilt|separat|ekstra)"
    r" linje|hver for sig|på (?:en|én) side)\b",
    re.IGNORECASE,
)
"""How a document should show something ("Please show the door sensors as a separate line",
"Please put both options on one page"), unlike sending it ("Can you send me both options side
by side?")."""
_TELL_US_NOW = re.compile(
    r"(?:(?:lige|just|quickly|hurtigt)\s+)?(?:take|walk|talk|run|tage|tag) (?:us|os|me|mig)"
    r" (?:through|igennem)\b|(?:fill|bring) (?:us|me) (?:in\b|up to speed)"
    r"|(?:(?:lige|just|quickly|hurtigt)\s+)?(?:give|giv) (?:us |me |os |mig )?(?:the|a|an"
    r"|et|en|den) (?:short|quick|brief|kort|korte|hurtig|hurtige) (?:version|update|summary"
    r"|recap|overview|overblik|opsummering|status)\b",
    re.IGNORECASE,
)
"""Asked without a date, taking the others through it is a turn in the meeting ("Priya, can
you take us through what we know?", "Nina, can you give the short version?")."""
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


_RELATIVE_TO_COPULA = re.compile(
    r"\b(?:is|'s|are|was|were|er|var)\s+(?:the|all|den|det|de|alt)(?:\s+[\w-]+){0,2},?\s*$",
    re.IGNORECASE,
)
"""A cue in a relative clause without "that", after "is the …": "That's the number I'll show
our CFO", "Fifteen is the most I'll sign off on", "Det er den pris, vi kan give". Dated, it
still promises ("This is the version I'll send to legal tomorrow")."""


_GETS_A_THING = re.compile(
    r"get (?:me |us )?(?:a|an|the|your|our|their|some)\s+(?!sense\b|idea\b|picture\b|feel\b)",
    re.IGNORECASE,
)
"""A request to get a thing named ("Can you get a meeting with their CFO?", "could you get me
the logs", "get your old provider to send it"): work, unlike "Can you get in?"."""


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
    if (
        kind in ("commitment", "group")
        and _RELATIVE_TO_COPULA.search(before)
        and find_deadline(text, context.transcript.meeting.date, weeks=False) is None
    ):
        return None  # "Fifteen is the most I'll sign off on": what the thing is, no promise
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
    if kind == "commitment" and match.groupdict().get("thing") and text.rstrip().endswith("?"):
        return None  # "Den har I i overmorgen, ikke, Rob?": asks a colleague, promises nothing
    if _OPENS_ASKING_WHEN.match(text):
        return None  # "Hvornår skal du bruge den?", "WHEN CAN I HAVE IT": asks for a date
    if (
        _ASKS_FOR_IT_BY.match(text)
        and text.rstrip().endswith("?")
        # "Kan vi få den i morgen, Annette?": one named is asked for new work
        and not re.search(r",\s*[A-ZÆØÅ][\w-]*\s*\?$", text.rstrip())
        and find_date(text, context.transcript.meeting.date) is not None
    ):
        return None  # "Kan jeg få den inden torsdag?": a date asked for work given before
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
    if (
        kind == "request"
        and _LAYOUT.match(task)
        and find_date(text, context.transcript.meeting.date) is None
    ):
        # "Please show the door sensors as a separate line": how a document should look, said
        # to whoever writes it; the document is the task
        return None
    if (
        kind == "request"
        and _TELL_US_NOW.match(task)
        and find_date(text, context.transcript.meeting.date) is None
    ):
        # "Priya, can you take us through what we know?": told there and then (unlike "… at
        # the board meeting on Friday")
        return None
    if re.match(r"(?:try (?:to|and)|prøve at)\b", task, re.IGNORECASE):
        confidence -= 0.15
    task = rules.leading_filler.sub("", task)
    if kind == "commitment" and (
        re.match(r"you|du", match.group(0), re.IGNORECASE)
        or (rules is _DA and re.fullmatch(r"I\s*", match.group(0)))
    ):
        # "You'll have the figures from me", "Du får tallene fra mig", "I får tallet inden den
        # 15." (you, several): the speaker sends them.
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
        if _FEELS.fullmatch(left):
            return None  # "Det kan jeg godt lide", "Det kan jeg godt forstå": no yes to work
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
        rules is _DA
        and kind == "group"
        and _HAVE_IT_IN.match(task)
        and find_deadline(text, context.transcript.meeting.date, weeks=False) is not None
    ):
        task = f"få {task[5:]}"  # "alle skal have deres forecast i arket inden fredag"
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
    if (
        _starts_with(task, rules.request_non_actions if kind == "request" else rules.non_actions)
        and not _REVIEW_BY.match(task)
        and not (
            kind == "request"
            and _GETS_A_THING.match(task)
            # asked ("can you get a…?"), not "You'll get a report from us" (our promise)
            and re.search(r"\b(?:can|could|would|will) you\b", match.group(0), re.I)
        )
    ):
        if kind == "commitment" and _answers_with_pronoun(task, index, context, rules):
            # "Sure, I'll go through it on Thursday": the answer to a request, with its date.
            return _Acceptance(index, to_offer=False, due=_due(task, before, index, context)[0])
        return None
    if _ON_THE_SPOT.search(task) or _LEAVING.match(task.rstrip(".!?")):
        return None
    if kind == "commitment" and _finds_what_was_sent(task, index, context):
        return None  # "Den blev sendt i januar." - "Oh, then I'll find it."
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
        and (
            re.fullmatch(r"du", match.group(0).strip(), re.I)
            or (rules is _DA and match.group(0).strip() == "I")
        )
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
    if lets and not had_date and re.match(r"agree\b", cleaned, re.IGNORECASE):
        return None  # "Let's agree on the next steps": settled in the meeting, unless dated
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
_FEELS = re.compile(r"(?:også )?(?:lide|forstå|se|høre|mærke|huske|tro|genkende)", re.IGNORECASE)
"""What one says one can feel or see ("Det kan jeg godt lide", "Det kan jeg også se"): agreement
in the meeting, not a yes to what was asked."""
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
_HAVE_IT_IN = re.compile(
    r"have (?:deres|jeres|vores|sine|sin|sit|det|den|dem)\b(?: [\w'-]+){0,3}? (?:ind )?(?:i|på) "
    r"[\w'-]+(?:et|en|erne|ene)\b",
    re.IGNORECASE,
)
"""Spoken Danish leaves "lagt/sat" out of work to have done by a date: "alle skal have deres
forecast i arket inden fredag" (= have it put in the sheet)."""
_BY_WHEN = re.compile(r"\b(?:inden|før|senest)\b", re.IGNORECASE)
_THEIR_PART = re.compile(r"\b(?:hvis|if|når|once|when) (?:du|i|you)\b", re.IGNORECASE)
"""A condition that is the other side's part ("if you send them, …")."""


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
_OPENS_ASKING_WHEN = re.compile(
    rf"^(?:(?:og|and|så|so|okay|ok|super|godt|great|fint|øh|um|uh)[,.]?\s+)*{_WHEN}\b",
    re.IGNORECASE,
)
"""A question for the date of work: the work was given before, this names no task."""
_ASKS_FOR_IT_BY = re.compile(
    r"^(?:(?:og|and|så|so|okay|ok|super|godt|great|fint|perfekt|perfect|øh|um|uh)[,.]?\s+)*"
    r"(?:(?:kan|kunne|må) (?:jeg|vi) (?:(?:så|også|godt)\s+)?få (?:den|det|dem)"
    r"|(?:can|could|may) (?:i|we) (?:(?:also|then)\s+)?(?:have|get) (?:it|that|them))\b",
    re.IGNORECASE,
)
"""A date asked for what was just handed over, as a question ("Kan vi få den i morgen?", "Could
we have it by Friday?"): the work was given before, the question names no task of its own."""
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
    r"|(?:tag(?:e|er)?|take) (?:(?:noget|lidt|resten|meget|det meste) af "
    r"|(?:some|part|most|the rest) of )?(?:den|det|it|that|this) (?:på|in)"
    r" (?:engelsk|dansk|english|danish)\b"
    # "I'll run this one in English for your sake": the meeting's own language
    r"|(?:run|hold|do|take|keep|conduct|hold|kør|køre|holde|tage) (?:this|it|the meeting|this"
    r" meeting|mødet|den|det)(?: one)? (?:(?:mostly|mainly|mest|primært) )?(?:in|på)"
    r" (?:english|danish|engelsk|dansk)\b"
    # the language people speak in the meeting: "så vi tager mødet på engelsk", "jeg svarer
    # bare på dansk", "Ole taler engelsk", "I'll just answer in Danish"
    r"|(?:tag(?:e|er)?|hold(?:e|er)?|kør(?:e|er)?) mødet (?:på|in)"
    r" (?:engelsk|dansk|english|danish)\b"
    r"|(?:tal|tale|taler|snak|snakke|snakker|svar|svare|svarer|speak|speaks|talk|answer|reply)"
    r" (?:(?:bare|gerne|også|helst|lidt|just|also|only|mostly|mest|a bit|a little)\s+)*"
    r"(?:på |in )?(?:engelsk|dansk|english|danish)\b(?!\s+(?:to|til)\b)"
    # how the others should speak for one to follow: "Please go easy on the dialect"
    r"|(?:go easy on|take it easy with|skip|drop|spar\w* på) (?:the |my |your |jeres |din )?"
    r"(?:dialect|dialekt|accent|slang)\b"
    # how this meeting goes through its points: "Vi tager den korte runde", "så tager vi dem
    # oppefra", "let's take them from the top"
    r"|(?:tag(?:e|er)?|take|do) (?:den|en|a|the) (?:korte|hurtige|kort|hurtig|quick|short)"
    r" (?:runde|round)\b"
    r"|(?:tag(?:e|er)?|take) (?:den|det|dem|it|them|this|these) (?:oppefra|fra toppen"
    r"|from the top)\b"
    # the screen shown in the meeting, by whoever shares it: "Emil deler skærmen nu", "Skal jeg
    # dele CRM-visningen?"
    r"|(?:del|dele|deler|share|shares) (?:(?:lige|just) )?(?:min |din |sin |hans |hendes |my"
    r" |his |her |the )?(?:skærm|skærmen|screen|[\w-]*visningen)\b"
    # the meeting's round of news: "så tager vi lige status på uge to"
    r"|(?:tag|tage|tager|gør|gøre) (?:(?:lige|en|hurtigt|kort) )*status\b(?! på (?:lage|vare))"
    # notes kept as the meeting goes: "Jeg skriver lige op, hvad vi er nået frem til"
    r"|(?:skriv|skrive|skriver) (?:(?:det|den|dem) )?lige (?:op|ned)\b[^.?!]*\bhvad vi\b"
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
    r"|(?:tal|tale|snak|snakke) sammen\s*[.!]*$"
    # a topic put off until the others know more: "Så taler vi om det, når I ved mere", "Then
    # we'll plan for it once you know"
    r"|(?:tal|tale|snak|snakke|tag|tage|kig|kigge|se|planlæg|planlægge|talk|discuss|take|plan"
    r"|look|revisit|pick|deal)(?: (?:om|på|for|about|at|with|up|op))? (?:it|that|this|det|den"
    r"|dem)(?: (?:up|op))?\s*,?\s*(?:once|when|når|så snart) (?:you|i|du|we|vi) (?:know|ved)\b"
    r"(?: (?:more|mere|noget|something))?\s*[.!]*$"
    # an offer turned down: "No, we'll do that ourselves" (as "Det klarer vi selv")
    r"|(?:do|handle|sort|take care of|manage) (?:that|it|this|those|them)(?: one)?"
    r" (?:ourselves|myself|on our own)\b"
    # a call the one asked cannot join, run alone: "Okay, I'll take it on my own then"
    r"|(?:take|run|do) (?:it|that|the call|the meeting)(?: one)? (?:on my own|alone|by myself)\b"
    r"|(?:tag|tage|tager|kør|køre|kører|hold|holde|holder) (?:det|den|mødet|opkaldet)"
    r"(?: (?:så|bare))? alene\b"
    # a decision not taken today: "Jeg siger hverken ja eller nej i dag"
    r"|(?:sig|sige|siger|say) (?:hverken ja eller nej|neither yes nor no)\b"
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
