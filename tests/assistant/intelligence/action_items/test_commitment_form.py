"""The form of a sentence that makes it a promise, a request, a demand or a guess
(`action_items.commitment_form`)."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary


def test_a_request_to_do_it_oneself_by_a_date_is_still_asked_as_a_question() -> None:
    items = rule_items(
        [("ana", "Bo, kan du sende kontrakten til advokaten i morgen?"), ("bo", "Ja.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# ---- a wish with the object first, a saying, a remark --------------------------------------


def test_a_fronted_wish_to_see_is_no_promise() -> None:
    items = rule_items(
        [("ana", "Vi har et udkast til kampagnen."), ("bo", "Det vil jeg rigtig gerne se.")],
        language="da",
    )
    assert items == []


def test_danish_nok_after_a_present_tense_is_a_guess() -> None:
    for said in (
        "Men Karin og jeg taler nok svensk til messen.",
        "Så bestiller vi nok de nye skilte i næste uge.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="da") == [], said
    # "skal nok" is a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "Jeg skal nok bestille skiltene i morgen.")], language="da"
    )
    assert summary(items) == [("bo", "2026-10-07")]


def test_an_undated_vil_have_done_is_a_demand() -> None:
    items = rule_items(
        [("ana", "Vi kan godt give den rabat."), ("bo", "Fint, men jeg vil have det på skrift.")],
        language="da",
    )
    assert items == []
    items = rule_items(
        [("ana", "Okay."), ("bo", "Men jeg vil have rabatten skrevet ind i kontrakten.")],
        language="da",
    )
    assert items == []
    # "skal have … done" is work taken on
    items = rule_items(
        [("ana", "Okay."), ("bo", "Jeg skal have rabatten skrevet ind i kontrakten i morgen.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]
