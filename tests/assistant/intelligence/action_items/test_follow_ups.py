"""Later sentences about a promise already found: they date it, add to it or report on it, and give
no second item (`action_items.follow_ups`)."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary

# ---- an answer to a new ask in between is new work, not the own promise again ---------------


def test_checking_a_new_question_does_not_date_the_promise_made_before() -> None:
    items = rule_items(
        [
            ("ana", "I'll send an invitation for the review."),
            ("bo", "One more thing, can we pay yearly?"),
            ("ana", "Let me check that and I'll get back to you tomorrow."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items
    items = rule_items(
        [
            ("ana", "så sender jeg en invitation til mødet"),
            ("bo", "og en ting mere kan vi betale årligt"),
            ("ana", "det må jeg lige undersøge og så vender jeg tilbage i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items


def test_a_dated_promise_after_a_plain_reply_still_dates_the_own_offer() -> None:
    items = rule_items(
        [
            ("ana", "I can pull the figures for you."),
            ("bo", "That would help."),
            ("ana", "Sure, I'll get them to you by Thursday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_a_pronoun_yes_to_a_request_for_more_work_is_a_task_of_its_own() -> None:
    items = rule_items(
        [
            ("ana", "jeg ringer til leverandøren i morgen med et par datoer"),
            ("bo", "godt kan du også kigge på om vi har en reference fra en anden kæde"),
            ("ana", "ja det kigger jeg på i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-07")], items
    assert "ja det kigger jeg på i morgen" in items[1].quote, items


def test_a_pronoun_promise_that_repeats_the_own_date_is_still_one_task() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan lave mødeplanen."),
            ("bo", "Så laver du den inden fredag."),
            ("ana", "Den har I inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items


# ---- a later "when?" about something else does not date a promise --------------------------


def test_a_question_about_when_something_else_is_due_does_not_date_the_promise() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll check with our lawyers."),
                ("ben", "When must the lease be renewed?"),
                ("ana", "By the 20th of November, ideally before that."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg spørger vores advokat."),
                ("ben", "Hvornår skal lejekontrakten være fornyet?"),
                ("ana", "Inden den 20. november, helst før."),
            ],
            "da",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", None)], turns
    # asked of the promise itself, the answer still dates it
    for question in ("When?", "When will the rollout plan be ready?", "When can I see it?"):
        items = items_of(
            [("ana", "I'll draft the rollout plan."), ("ben", question), ("ana", "Thursday.")]
        )
        assert summary(items) == [("ana", "2026-10-08")], question


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


# ---- reporting back on a promise is part of it, not a second item ---------------------------


def test_reporting_back_in_the_same_turn_is_part_of_the_promise() -> None:
    for said, language in (
        (
            "Lad mig lige spørge vores jurist, om klausulen holder. Så vender jeg tilbage.",
            "da",
        ),
        (
            "Let me check with our legal team whether the clause holds. I'll get back to you.",
            "en",
        ),
        ("I'll take it to our CFO this week and revert by Thursday.", "en"),
    ):
        items = rule_items(
            [("bo", "Is the liability clause acceptable to you?"), ("ana", said)],
            language=language,
        )
        assert [item.owner for item in items] == ["ana"], (said, items)
        assert items[0].quote == said, items


def test_asked_to_report_back_on_a_promise_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg skal lige have tjekket lagerbeholdningen med indkøb."),
            ("bo", "Kan du give mig besked, når du ved det?"),
            ("ana", "Ja, jeg vender tilbage på torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "lagerbeholdningen" in items[0].text, items
    items = rule_items(
        [
            ("ana", "I'll also check the stock levels with purchasing."),
            ("bo", "Great. Let me know what you find."),
            ("ana", "I will. I'll have an answer by Thursday."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "stock levels" in items[0].text, items


def test_an_answer_promised_in_the_next_turn_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Det må jeg lige undersøge med vores driftsfolk."),
            ("bo", "Det ville være godt at vide."),
            ("ana", "Det får du svar på. Jeg skriver til dig senest torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_someone_elses_report_back_is_not_merged_into_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg sender kontrakten til jeres jurist i morgen."),
            ("bo", "Godt. Jeg vender tilbage med vores kommentarer på fredag."),
        ],
        language="da",
    )
    assert ("ana", "2026-10-07") in summary(items), items
    assert all(item.owner == "bo" for item in items if "Godt." in item.quote), items


def test_asking_for_a_promised_thing_by_a_day_adds_no_task() -> None:
    items = rule_items(
        [
            ("emil", "I'll prepare two versions of the offer."),
            ("ana", "Can I have them before my board meeting on Thursday?"),
            ("emil", "Sure, no problem."),
        ],
        language="en",
    )
    assert [item.owner for item in items] == ["emil"], items
