"""Kinds of action-item failure fixed after tuning on the sets t and u (tests/data/intelligence-t,
-u: look-alikes of commitments, spoken Danish, mixed meetings), as general rules. Every sentence
here is new: none is taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

# ---- a recap announced in the first person repeats the tasks already given ------------------


def test_a_first_person_recap_gives_no_new_item_to_an_owner_with_work() -> None:
    for turns in (
        [
            ("ana", "Jeg sender prislisten til Bo i morgen."),
            ("bo", "Og jeg ringer til lageret på torsdag."),
            ("ana", "Så samler jeg lige op: Bo ringer til lageret, og jeg mailer prisarket."),
        ],
        [
            ("ana", "Jeg sender prislisten til Bo i morgen."),
            ("bo", "Og jeg ringer til lageret på torsdag."),
            ("ana", "Lad mig lige samle op: Bo kontakter lageret, og jeg mailer prisarket."),
        ],
    ):
        items = rule_items(turns, language="da")
        assert sorted(summary(items)) == [("ana", "2026-10-07"), ("bo", "2026-10-08")], items
        assert all(item.text.lower().split()[-1] != "op" for item in items), items


# ---- a statement that the other side can do it themselves ----------------------------------


def test_you_can_do_it_yourself_is_no_task() -> None:
    for said in (
        "Det kan I faktisk selv rette i portalen.",
        "Det kan du jo selv slette i appen, Bo.",
        "Dem kan I sagtens selv oprette.",
    ):
        turns = [("ana", "Hvordan gør vi med brugerne?"), ("bo", said)]
        assert rule_items(turns, language="da") == [], said


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


def test_sayings_that_sound_like_work_are_no_tasks() -> None:
    for turns, language in (
        (
            [("ana", "Vi kunne også åbne i Malmø."), ("bo", "Det skriver jeg mig lige bag øret.")],
            "da",
        ),
        (
            [
                ("ana", "Could we add Sweden?"),
                ("bo", "Maybe, but let's take it one step at a time."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_a_remark_announced_as_something_to_say_is_no_task() -> None:
    for turns, language in (
        ([("ana", "Jeg skal forresten sige, at vores lager flytter i marts.")], "da"),
        ([("ana", "I should also mention that our office moves in March.")], "en"),
    ):
        assert rule_items(turns, language=language) == [], turns
    # telling someone else is still work
    items = rule_items([("ana", "Jeg skal nok fortælle Peter det i morgen.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]


# ---- "let me" + telling those in the meeting; a guess with "nok"; a demand with "vil have" ----


def test_let_me_give_you_an_overview_is_said_in_the_meeting() -> None:
    for said, language in (
        ("Let me give you a short rundown of where we are.", "en"),
        ("Lad mig lige give jer et kort overblik over status.", "da"),
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language=language) == [], said
    # with a date it is a promise after all
    items = rule_items(
        [("ana", "Okay."), ("bo", "Let me give you an update on Thursday.")], language="en"
    )
    assert summary(items) == [("bo", "2026-10-08")]


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


# ---- a verb alone, with no object, no pronoun and no date, names no work -------------------


def test_an_undated_bare_verb_is_no_task() -> None:
    for said in (
        "Men I har et par punkter fra jeres mail, og dem vil jeg gerne svare.",
        "I sendte tre spørgsmål i går, og dem vil jeg gerne tage.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="da") == [], said
    # with a date the verb is still a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "I sendte tre spørgsmål, og dem svarer jeg på i morgen.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# ---- shown in the meeting; a topic brought to one's own meeting ------------------------------


def test_an_undated_request_to_show_how_is_done_in_the_meeting() -> None:
    items = rule_items(
        [("ana", "Bo, vil du lige vise, hvordan rapporten ser ud?"), ("bo", "Ja.")], language="da"
    )
    assert items == []
    # dated, it is work for later
    items = rule_items(
        [
            ("ana", "Bo, kan du vise holdet, hvordan man opretter en bruger, på fredag?"),
            ("bo", "Ja."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")]


def test_a_topic_taken_along_to_a_meeting_is_no_task() -> None:
    items = rule_items(
        [("ana", "Jeg skal alligevel have det med på et bestyrelsesmøde."), ("bo", "Fint.")],
        language="da",
    )
    assert items == []


# ---- help turned down with "ourselves"; pushing for something ------------------------------


def test_undated_work_done_ourselves_or_pushed_for_is_no_task() -> None:
    for said in (
        "No need, we'll print them ourselves.",
        "I can't promise extra staff, but I'll push for that.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="en") == [], said
    # a dated promise, or work the speaker does alone, stays a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "I'll write the summary myself by Friday.")], language="en"
    )
    assert summary(items) == [("bo", "2026-10-09")]


def test_a_spoken_recap_without_punctuation_repeats_the_tasks() -> None:
    items = rule_items(
        [
            ("ana", "jeg sender fakturaen til revisoren i morgen"),
            ("bo", "og jeg ringer til kunden på torsdag"),
            ("ana", "okay så vi siger bo ringer til kunden og jeg mailer regningen til revisor"),
        ],
        language="da",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-07"), ("bo", "2026-10-08")], items


def test_a_request_done_there_and_then_by_the_team_asked_is_no_task() -> None:
    items = rule_items(
        [
            ("ana", "Kan I ikke bare nulstille kontoen?"),
            ("bo", "Jo, det gør jeg nu, mens vi snakker."),
        ],
        language="da",
        people={"ana": "external", "bo": "internal"},
    )
    assert items == []
