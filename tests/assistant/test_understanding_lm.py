"""Kinds of action-item failure found on the twelfth and thirteenth tuning sets
(tests/data/intelligence-l, -m), fixed as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a deadline counted from another dated event ------------------------------------------


def test_a_day_counted_from_an_event_dated_in_the_same_sentence() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll circulate the agenda two days before the steering group on the 22nd.")],
            "en",
            "2026-10-20",
        ),
        (
            [("ana", "Jeg sender dagsordenen dagen før styregruppemødet den 15.")],
            "da",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender prislisten tre dage før messen den tyvende.")], "da", "2026-10-17"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_day_counted_from_an_event_dated_earlier_in_the_meeting() -> None:
    for turns, language, due in (
        (
            [
                ("ben", "The hackathon is on Thursday the 15th, in the big room."),
                ("cy", "Sounds fun."),
                ("ana", "I'll write up the results the day after the hackathon."),
            ],
            "en",
            "2026-10-16",
        ),
        (
            [
                ("ben", "Hvornår er kurset? Jeg tror, det er fredag den 16."),
                ("ana", "Så bestiller jeg forplejning to dage før kurset."),
            ],
            "da",
            "2026-10-14",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_an_event_without_a_date_gives_no_deadline() -> None:
    items = items_of([("ana", "I'll send the slides the day after the offsite.")])
    assert summary(items) == [("ana", None)]


# ---- two owners who name themselves -------------------------------------------------------


def test_a_speaker_and_a_colleague_own_the_work_as_a_team() -> None:
    people: dict[str, Side | None] = {
        "ana": "internal",
        "ben": "internal",
        "cy": "external",
        "dan": "external",
    }
    for turns, language, owner in (
        ([("ana", "Ben and I will draft the rollout plan by Friday.")], "en", "team:internal"),
        ([("cy", "Så Dan og jeg tester importen på torsdag.")], "da", "team:external"),
        ([("cy", "OKAY DAN AND I WILL CHECK THE PRINTERS ON FRIDAY")], "en", "team:external"),
        # with someone from the other side: both sides own it
        ([("ana", "Cy and I will walk through the data model on Thursday.")], "en", "team:all"),
    ):
        items = items_of(turns, people=people, language=language)
        assert [item.owner for item in items] == [owner], turns
    # "Ben and I are" says who someone is, and "I" alone is the speaker
    items = items_of(
        [("ana", "Ben and I are the admins. I'll send the login list today.")], people=people
    )
    assert summary(items) == [("ana", "2026-10-06")]


# ---- work of someone said not to be in the meeting ----------------------------------------


def test_work_of_someone_away_is_a_task_without_an_owner_in_the_room() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Who has the supplier contract?"),
                (
                    "ben",
                    "That's Oskar in legal, he isn't on the call. "
                    "But Oskar will review it by Friday.",
                ),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("ana", "Hvem har nøglerne til lageret?"),
                (
                    "ben",
                    "Det har Birgit, og hun er her ikke i dag. Men Birgit sender koderne i morgen.",
                ),
            ],
            "da",
            "2026-10-07",
        ),
        (
            [
                (
                    "ben",
                    "Vores regnskabschef Aksel kunne ikke være med i dag. "
                    "Så må Aksel godkende budgettet inden fredag.",
                )
            ],
            "da",
            "2026-10-09",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [(None, due)], turns


def test_someone_away_who_only_holds_a_role_has_no_task() -> None:
    turns = [("ben", "That's Oskar, he isn't on the call. Oskar handles the supplier contracts.")]
    assert items_of(turns, language="en") == []
    # Someone named but never said to be away is not given work this way.
    assert items_of([("ben", "Oskar will review the contract by Friday.")], language="en") == []


# ---- a commitment said indirectly, and taken by someone other than the one asked ----------


def test_work_taken_on_in_so_many_words_is_quoted_with_the_promise() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "The pilot sites still need their badges."),
                ("ben", "Consider it done. I'll order the badges for the pilot sites on Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("ana", "Vi mangler stadig en plan for uddannelsen."),
                ("ben", "Jeg tager mig af det. Jeg laver en plan for uddannelsen inden fredag."),
            ],
            "da",
            "2026-10-09",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", due)], turns
        assert items[0].quote == turns[1][1]


def test_a_claim_whose_work_is_named_before_it_or_said_done_after_it_is_a_promise() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "Den nye afdeling skal kunne logge ind med deres egne konti."),
                ("ben", "Betragt det som gjort. Adgangen til Vejle er sat op inden den 9."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("cy", "We still need the pallet labels reprinted."),
                ("ben", "The pallet labels, consider it done by Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", due)], turns
        assert items[0].quote == turns[1][1]
    items = items_of(
        [
            ("cy", "When will the rounding bug be fixed?"),
            ("ben", "The patch is on me. It'll be on your staging server on Friday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-09")]
    # a claim with no day and nothing said done after it is left to the replies
    items = items_of([("ben", "Consider it done. Thanks for the coffee.")])
    assert items == []


def test_a_request_claimed_by_a_colleague_of_the_one_asked_is_the_colleagues() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Cy, could you pull the churn numbers for the board pack?"),
                ("ben", "That one's on me, Cy is off tomorrow. I'll have them to you by Friday."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("ana", "Cy, kan du finde kontrakten fra sidste år frem?"),
                ("ben", "Den tager jeg, Cy har nok at se til. Du har den på torsdag."),
            ],
            "da",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, people={"ana": None, "ben": None, "cy": None}, language=language)
        assert summary(items) == [("ben", due)], turns


def test_a_claim_after_the_one_asked_has_answered_takes_nothing_over() -> None:
    items = items_of(
        [
            ("ana", "Cy, kan du finde kontrakten frem?"),
            ("cy", "Ja, det gør jeg i morgen."),
            ("ben", "Og jeg sender tilbuddet. Det klarer jeg."),
        ],
        language="da",
    )
    assert ("cy", "2026-10-07") in summary(items)


# ---- not tasks: habits, promises already kept, the meeting's own language, notes made
# ---- as they are said, polite closings -----------------------------------------------------


def test_a_yes_that_describes_a_habit_is_no_task() -> None:
    turns = [
        ("ana", "Har alle ryddet op i deres gamle tilbud?"),
        ("ben", "Det gør jeg altid hver mandag, så mine er ryddet."),
    ]
    assert items_of(turns, language="da") == []


def test_a_promise_told_as_kept_is_no_task() -> None:
    for turns, language in (
        ([("ana", "Sidste år lovede jeg jer et nyt modul inden sommer, og det kom.")], "da"),
        (
            [("ana", "In spring I promised you the export fix within a week, and it arrived.")],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns
    # A past promise not said to be kept leaves a promise made now a promise.
    items = items_of(
        [
            (
                "ana",
                "Last year I promised you a new module, and this time I'll ship the fix by Friday.",
            )
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]


def test_the_meeting_language_and_notes_made_on_the_spot_are_no_tasks() -> None:
    for turns, language in (
        ([("ana", "My Swedish is rusty, so I'll stick to English if that's okay.")], "en"),
        ([("ana", "Jeg snakker bare dansk, og Tom siger til, hvis han falder af.")], "da"),
        ([("ana", "Godt, jeg skriver lige ned, at prisen er foreløbig.")], "da"),
        ([("ana", "Good point, I'll just note that down.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns


def test_a_polite_closing_is_no_task() -> None:
    turns = [
        ("ana", "I'll send the summary tomorrow."),
        ("ben", "Great, thanks."),
        ("ana", "Thanks both, I'll let you get back to your afternoon."),
    ]
    assert summary(items_of(turns)) == [("ana", "2026-10-07")]


def test_an_event_named_as_the_deadline_dates_the_work() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll get the slides approved before the sales kickoff on the 14th.")],
            "en",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender tallene inden workshoppen på torsdag.")], "da", "2026-10-08"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_pair_that_answers_a_request_owns_it_as_a_team() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "internal"}
    items = items_of(
        [
            ("ana", "Ben, could you two prepare the renewal deck?"),
            ("ben", "Sure. Cy and I will put the renewal deck together by Thursday."),
        ],
        people=people,
    )
    assert summary(items) == [("team:internal", "2026-10-08")]


# ---- a request to the other side that they turn down ------------------------------------


def test_a_request_to_the_other_side_turned_down_with_we_do_not_is_no_task() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
    turns = [
        ("cy", "Kunne I ikke holde kurset ude hos os i Vejle?"),
        ("ana", "Det gør vi desværre ikke mere, alt kører online nu."),
    ]
    assert items_of(turns, people=people, language="da") == []
    turns = [("cy", "Kunne I ikke holde kurset ude hos os i Vejle?"), ("ana", "Det gør vi gerne.")]
    assert [item.owner for item in items_of(turns, people=people, language="da")] == [
        "team:internal"
    ]


# ---- a commitment in the middle of a long turn ---------------------------------------------


def test_a_promise_in_the_middle_of_a_long_turn_is_found() -> None:
    for turns, language, due in (
        (
            [
                (
                    "ana",
                    "So the pilot went fine, the warehouse people liked it, I think the night "
                    "shift found it slow maybe, and I'll ask our developers to profile the scanner "
                    "screen before the 20th, but overall it was a good week.",
                )
            ],
            "en",
            "2026-10-20",
        ),
        (
            [
                (
                    "ana",
                    "Altså, Hedensted er i hus, de skrev under i går efter meget frem og tilbage "
                    "om opsigelsen, og så skal jeg huske at sende velkomstpakken i morgen, ellers "
                    "går det i glemmebogen, og så er der Juelsminde, som stadig tøver.",
                )
            ],
            "da",
            "2026-10-07",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_hedge_in_the_promise_s_own_clause_still_makes_it_an_offer() -> None:
    turns = [("ana", "The numbers look odd, and maybe I'll ask the developers about it.")]
    assert items_of(turns, language="en") == []


# ---- a wish is no task ----------------------------------------------------------------------


def test_a_wish_said_with_vil_gerne_is_no_task() -> None:
    for text in (
        "Vi vil gerne betale månedsvis i stedet for forud.",
        "Jeg vil gerne se et regneeksempel, før vi går videre.",
    ):
        assert items_of([("cy", text)], language="da") == [], text
    # work the group says it will do is still work ("vil gerne sende" is a wish too, as "we'd
    # like to send" is: intelligence/action_items/test_not_work.py)
    items = items_of([("cy", "Vi vil sende jer brugerlisten i morgen.")], language="da")
    assert summary(items) == [("team", "2026-10-07")]
