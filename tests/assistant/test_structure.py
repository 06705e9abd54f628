"""Every action item needs a commitment structure (`action_items.structure`): an agent, a form
that commits, and work with an object. One test per structural rule, on sentences written for
these tests (none is taken from a labelled set)."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.action_items.structure import is_work
from assistant.intelligence.dates import resolve_due_date
from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.
PEOPLE: dict[str, Side | None] = {"ana": None, "ben": None, "cy": None}


def _items(turns: list[tuple[str, str]], language: str) -> list[tuple[str | None, str | None]]:
    return summary(items_of(turns, people=PEOPLE, language=language))


# ---- work: a verb of work with an object -----------------------------------------------------


def test_work_needs_a_verb_of_work_and_an_object() -> None:
    assert is_work("Send the signed order form", danish=False, firm=False)
    assert is_work("Ring til leverandøren", danish=True, firm=False)
    assert is_work("Implementer den nye flow", danish=True, firm=False)  # a loan verb in -er
    assert not is_work("Check", danish=False, firm=False)  # no object
    assert not is_work("Pass, thanks", danish=False, firm=True)  # the object is a courtesy
    assert not is_work("Be honest about the numbers", danish=False, firm=True)
    assert not is_work("Synes det er fint", danish=True, firm=True)
    # An unknown verb only after a firm form ("I will waive the fee"), never after an offer.
    assert is_work("Waive the onboarding fee", danish=False, firm=True)
    assert not is_work("Waive the onboarding fee", danish=False, firm=False)


def test_a_clause_or_a_fronted_noun_is_an_object() -> None:
    assert is_work("Tæl, hvor mange licenser der mangler", danish=True, firm=False)
    assert is_work("Tjek", danish=True, firm=False, fronted_object=True)
    assert len(items_of([("ana", "Kontrakterne tjekker jeg på torsdag.")], language="da")) == 1


def test_light_verbs_with_no_work_are_not_items() -> None:
    for lang, line in (
        ("en", "I'll grab a quick coffee."),
        ("en", "I'll take that as a no."),
        ("en", "We'll take a short break."),
        ("da", "Jeg tager den med hjem og sover på den."),
        ("da", "Jeg giver ordet videre til Søren."),
        ("da", "Vi skal nok finde en løsning på det."),
        ("en", "I'll make sure it's a smooth start for everyone."),
        ("en", "I'll keep you posted."),
        ("da", "Vi skal huske, at budgettet lukker i november."),
    ):
        assert _items([("ana", line), ("cy", "Mm.")], lang) == [], line


def test_keeping_someone_posted_with_a_date_stays_an_item() -> None:
    # Dated, it is a report back, not a courtesy.
    assert _items([("ana", "I'll update the steering group on Friday.")], "en") == [
        ("ana", "2026-10-09")
    ]


# ---- forms that commit ----------------------------------------------------------------------


def test_an_offer_commits_only_when_taken_up_dated_or_answering() -> None:
    offered = [("ana", "I can put together a short comparison."), ("ben", "Interesting.")]
    assert _items(offered, "en") == []
    taken = [("ana", "I can put together a short comparison."), ("ben", "Yes please.")]
    assert _items(taken, "en") == [("ana", None)]
    dated = [("ana", "Jeg kan lave en sammenligning til på fredag."), ("ben", "Hm.")]
    assert _items(dated, "da") == [("ana", "2026-10-09")]
    answering = [("ben", "Can someone price the extra seats?"), ("ana", "I can price them.")]
    assert _items(answering, "en") == [("ana", None)]
    # Ability, not an offer: "Vi kan sagtens integrere med jeres ERP".
    able = [("ana", "Jeg kan godt lave rapporter i systemet."), ("ben", "Okay.")]
    assert _items(able, "da") == []


def test_a_question_hands_work_over_only_when_answered_with_assent() -> None:
    for reply in ("Hmm, I'm not sure we're allowed to.", "What format do you need?"):
        said = [("ana", "Ben, could you send us the audit log?"), ("ben", reply)]
        assert _items(said, "en") == [], reply
    declined = [("ana", "Ben, kan du rydde op i kundelisten?"), ("ben", "Måske, vi får se.")]
    assert _items(declined, "da") == []
    agreed = [("ana", "Ben, kan du rydde op i kundelisten?"), ("ben", "Ja, det gør jeg.")]
    assert _items(agreed, "da") == [("ben", None)]
    dated = [("ana", "Ben, could you send us the audit log?"), ("ben", "Thursday at the latest.")]
    assert _items(dated, "en") == [("ben", "2026-10-08")]


def test_you_need_to_hands_work_to_the_one_addressed() -> None:
    said = [("ana", "Ben, you need to renew the SSL certificate before Friday."), ("ben", "Ok.")]
    assert _items(said, "en") == [("ben", "2026-10-09")]
    # Instructions in a demo are no task: clicking is not work.
    shown = [("ana", "Then you need to click save at the bottom."), ("ben", "Ok.")]
    assert _items(shown, "en") == []


def test_a_danish_present_tense_with_a_definite_object_and_no_time_is_a_routine() -> None:
    routine = [("ana", "Jeg scanner regningerne for hele koncernen."), ("cy", "Nå.")]
    assert _items(routine, "da") == []
    assert _items([("ana", "Jeg scanner regningerne i morgen.")], "da") == [("ana", "2026-10-07")]
    # Placed in time by "så" or answering a request, it is a promise.
    asked = [("ben", "Hvem tjekker leverancen?"), ("ana", "Så tjekker jeg leverancen.")]
    assert _items(asked, "da") == [("ana", None)]


def test_a_group_plan_needs_work_and_is_no_opinion() -> None:
    assert _items([("ana", "We're going to expand into Norway this year.")], "en") == []
    assert _items([("ana", "Jeg synes, vi skal sende den til revisoren.")], "da") == []
    assert _items([("ana", "We'll send the revised terms on Thursday.")], "en") == [
        ("team", "2026-10-08")
    ]


# ---- done on the spot -----------------------------------------------------------------------


def test_work_done_in_the_meeting_is_no_item_wherever_it_is_said() -> None:
    for lang, line in (
        ("en", "I'll put the forecast on the screen so we can all look at it."),
        ("en", "I'll come back to the pricing question in a minute."),
        ("da", "Jeg skriver linket i chatten til jer."),
        ("da", "Det vender jeg tilbage til senere i mødet."),
    ):
        assert _items([("ana", line), ("cy", "Mm.")], lang) == [], line


# ---- calendar forms of a deadline ------------------------------------------------------------


def test_week_numbers_numeric_dates_and_parts_of_next_week_resolve() -> None:
    day = dt.date(2026, 10, 6)  # a Tuesday, in ISO week 41
    for phrase, due in (
        ("jeg leverer skabelonen i uge 44", dt.date(2026, 10, 30)),  # the Friday of week 44
        ("we'll ship it by week 43", dt.date(2026, 10, 23)),
        ("send mig den senest d. 20/10", dt.date(2026, 10, 20)),
        ("I'll have it to you by 3/11", dt.date(2026, 11, 3)),  # day then month
        ("I'll file it by 11/30", dt.date(2026, 11, 30)),  # 30 cannot be a month
        ("I'll push the fix by EOD tomorrow", dt.date(2026, 10, 7)),
        ("we'll meet them mid next week", dt.date(2026, 10, 14)),
        ("jeg melder tilbage sidst i næste uge", dt.date(2026, 10, 16)),
        ("I'll confirm within 24 hours", dt.date(2026, 10, 7)),
        ("jeg ringer i løbet af dagen", day),
    ):
        assert resolve_due_date(phrase, day)[0] == due, phrase
    # A fraction is no date, and neither is a number after no preposition.
    assert resolve_due_date("about 2/3 of the users log in daily", day)[0] is None


def test_any_danish_present_tense_with_a_date_is_a_promise_without_one_it_is_not() -> None:
    # Verbs on no list: the date is what makes the present tense a promise.
    assert _items([("ana", "Jeg bogfører kreditnotaen i morgen.")], "da") == [("ana", "2026-10-07")]
    assert _items([("ana", "Jeg indhenter to tilbud inden fredag.")], "da") == [
        ("ana", "2026-10-09")
    ]
    assert _items([("ana", "Jeg bogfører alle bilag for afdelingen."), ("cy", "Nå.")], "da") == []
    # Expecting is no promise: "jeg regner med at…".
    expecting = [("ana", "Jeg regner med at have tallene klar i morgen."), ("cy", "Fint.")]
    assert _items(expecting, "da") == []


def test_must_is_a_commitment_form_in_danish_too() -> None:
    assert _items([("ana", "Det må jeg lige afklare med vores jurist.")], "da") == [("ana", None)]
    assert _items([("ana", "Jeg må ringe til banken i morgen.")], "da") == [("ana", "2026-10-07")]


def test_a_question_of_fact_answered_on_the_spot_hands_nothing_over() -> None:
    fact = [("ana", "Ben, kan du bekræfte antallet af licenser?"), ("ben", "Ja, det er tolv.")]
    assert _items(fact, "da") == []
    there = [("ana", "Could you check the sandbox URL?"), ("ben", "Yes, it's in the wiki.")]
    assert _items(there, "en") == []
    taken = [("ana", "Could you check the sandbox URL?"), ("ben", "Yes, I'll look it up.")]
    assert _items(taken, "en") == [("ben", None)]


def test_ones_own_standing_role_is_no_promise() -> None:
    role = [
        ("ana", "Jeg er projektleder, og jeg tager mig af alle vores leverandører."),
        ("cy", "Ok."),
    ]
    assert _items(role, "da") == []
    asked = [("ben", "Hvem tager sig af fakturaen?"), ("ana", "Det tager jeg mig af.")]
    assert _items(asked, "da") == [("ana", None)]


def test_a_danish_we_in_the_present_without_a_date_follows_on_and_is_no_task() -> None:
    said = [("ana", "Jeg ringer til dig i dag, så aftaler vi et tidspunkt."), ("cy", "Fint.")]
    assert _items(said, "da") == [("ana", "2026-10-06")]


def test_the_asker_dates_a_request_after_the_yes() -> None:
    said = [
        ("ana", "Kan du sende os kontaktlisten?"),
        ("ben", "Ja."),
        ("ana", "Gerne inden fredag."),
    ]
    assert _items(said, "da") == [("ben", "2026-10-09")]
    asked = [
        ("ana", "Could you send over the floor plans?"),
        ("ben", "Sure, when do you need them?"),
        ("ana", "Thursday would be great."),
    ]
    assert _items(asked, "en") == [("ben", "2026-10-08")]


def test_open_invitations_noting_and_watching_are_no_tasks() -> None:
    for lang, line in (
        ("da", "Skriv endelig til mig, hvis der opstår spørgsmål."),
        ("en", "Call me if anything breaks over the weekend."),
        ("en", "Send any feedback my way."),
        ("da", "Giv mig lige et sekund."),
        ("da", "Jeg noterer mig det."),
        ("en", "I'll jot that down."),
        ("en", "I'll keep an eye on the error rate."),
        ("da", "Kig lige på den her graf."),
        ("da", "Tjek det ud, det er ret smart."),
    ):
        said = [("ana", line), ("ben", "Okay."), ("cy", "Mm.")]
        assert _items(said, lang) == [], line
    # "if you can" only asks whether the other can: still a task once taken on.
    said = [("ana", "Ben, could you resend the invoice if you can?"), ("ben", "Sure, will do.")]
    assert _items(said, "en") == [("ben", None)]
