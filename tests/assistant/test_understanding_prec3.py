"""Kinds of action-item false alarm fixed by the tuning helper "prec3" (issue 15), first seen on
the new sets ab and ac: a later sentence that only adds a detail to a task already found (it
opens by pointing back at the matter, or asks for an "also" the answer puts into the same
work). Every sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

# ---- a later sentence that adds a detail to a task already found ----------------------------


def test_a_sentence_pointing_back_at_a_task_adds_to_it_english() -> None:
    items = rule_items(
        [
            ("ana", "I'll draft the rollout plan and send it to you on Thursday."),
            ("ben", "Great, thanks."),
            ("cy", "Who else is joining the pilot?"),
            ("ben", "Only the Aarhus warehouse for now."),
            ("ana", "And about the rollout plan, I'll add a column for each shift."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    items = rule_items(
        [
            ("ana", "I'll send you the renewal quote tomorrow."),
            ("ben", "Good."),
            ("ben", "Regarding the quote, Ana, could you show the discount on its own line?"),
            ("ana", "Yes, it gets a line of its own."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-07")], items


def test_a_sentence_pointing_back_at_a_task_adds_to_it_danish() -> None:
    items = rule_items(
        [
            ("bo", "Jeg laver en oversigt over jeres licenser og sender den på fredag."),
            ("eva", "Tak, det bliver godt."),
            ("eva", "Og så skal vi tale om kurset."),
            ("bo", "Og om oversigten, Eva, jeg skriver også udløbsdatoerne på."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")], items


def test_pointing_back_does_not_hide_someone_elses_new_task() -> None:
    # Nobody has work on the kick-off yet: a sentence opening with "about" is an item of its own.
    items = rule_items(
        [
            ("ana", "I'll send the contract on Friday."),
            ("ben", "Fine."),
            ("ben", "And about the kick-off, I'll book the room for it."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("ben", None)], items


def test_an_also_answered_into_the_same_work_is_part_of_it() -> None:
    items = rule_items(
        [
            ("ana", "I'll mail you the onboarding checklist this afternoon."),
            ("ben", "Could you also attach the login guide?"),
            ("ana", "Sure, it will be in the same mail."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-06")], items
    items = rule_items(
        [
            ("bo", "Jeg sender jer et nyt tilbud i morgen."),
            ("eva", "Kan du også tage prisen på kurset med?"),
            ("bo", "Ja, den kommer med i samme tilbud."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items


def test_an_also_taken_on_as_more_work_stays_a_task() -> None:
    items = rule_items(
        [
            ("ana", "I'll mail you the onboarding checklist this afternoon."),
            ("ben", "Could you also book a training slot for the new starters?"),
            ("ana", "Sure, I'll book it for Friday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-09")], items


# ---- a later dated promise about "the" thing already promised --------------------------------


def test_a_later_dated_promise_about_the_same_thing_dates_the_first() -> None:
    items = rule_items(
        [
            ("ana", "I'll put together a migration plan for your three sites."),
            ("ana", "Ben, could you send me the list of site managers?"),
            ("ben", "Sure, you'll have it tomorrow."),
            ("ana", "Good, then I'll finish the plan by Friday."),
        ],
        language="en",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-09"), ("ben", "2026-10-07")], items


def test_a_later_dated_promise_about_other_work_stays_a_task() -> None:
    items = rule_items(
        [
            ("ana", "I'll put together a migration plan for your three sites."),
            ("ben", "Great, thanks."),
            ("ana", "And I'll book the training room by Friday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-09")], items


# ---- an offer the other side turns down without saying "no" ----------------------------------


def test_an_offer_turned_down_politely_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "I can send your team our onboarding videos before the kick-off."),
                ("ben", "I'd rather you didn't, they should hear it from us first."),
            ],
            "en",
        ),
        (
            [
                ("ana", "I can also send you a comparison with your current supplier."),
                ("ben", "Thanks, but we did that ourselves last spring."),
            ],
            "en",
        ),
        (
            [
                ("bo", "Jeg kan også sende jer en oversigt over vores kurser inden opstarten."),
                ("eva", "Tak, men den har vi fået fra Lis."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_an_offer_taken_up_with_thanks_is_a_task() -> None:
    items = rule_items(
        [
            ("bo", "Jeg kan sende jer en oversigt over vores kurser inden opstarten."),
            ("eva", "Tak, det vil være en stor hjælp."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", None)], items


# ---- a recap hands out no new work to others -------------------------------------------------


def test_a_recap_gives_no_new_task_to_someone_else() -> None:
    # A task named first in a recap was not agreed in the meeting: the recap only repeats.
    for turns, language in (
        (
            [
                ("ana", "I'll send the revised contract on Thursday."),
                ("ben", "Good."),
                (
                    "ana",
                    "So to sum up: the contract from me on Thursday, Cy does the training, and"
                    " Ben checks the invoices.",
                ),
            ],
            "en",
        ),
        (
            [
                ("bo", "Jeg sender kontrakten på torsdag."),
                ("eva", "Fint."),
                (
                    "bo",
                    "Så for at samle op: kontrakten fra mig på torsdag, Lis tager kurset, og Eva"
                    " sender listen.",
                ),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [item.owner for item in items] == [turns[0][0]], items


def test_the_recappers_own_new_work_in_a_recap_is_a_task() -> None:
    items = rule_items(
        [
            ("ana", "Could you check the invoice numbers, Ben?"),
            ("ben", "Sure, I'll do it on Thursday."),
            ("ana", "To sum up: Ben checks the invoices, and I'll send the minutes tomorrow."),
        ],
        language="en",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-07"), ("ben", "2026-10-08")], items
