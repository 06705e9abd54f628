"""Who owns an action item: the one asked, the one who answers, or the group."""

from __future__ import annotations

from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, rule_items, summary

_SIDES = {"dan": "internal", "sara": "internal", "kim": "external"}
SIDES_ANA_EXTERNAL: dict[str, Side | None] = {
    "ana": "external",
    "ben": "internal",
    "cy": "internal",
}
SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
FOUR_WITH_SIDES: dict[str, str | None] = {**SIDES, "dan": "external"}

# ---- a question or suggestion answered in the other language --------------------------------


def test_who_asks_and_suggestions_answered_in_the_other_language_are_the_answerers() -> None:
    people = {"ana": "external", "ben": "internal"}
    for asked, answer, task in (
        ("Who can move the webinar to the new platform?", "Det gør jeg.", "Move the webinar"),
        ("Hvem kan flytte webinaret til den nye platform?", "I'll do that.", "Flyt webinaret"),
        ("Someone ought to reorder the spare scanners.", "Det klarer jeg.", "Reorder the spare"),
        ("Nogen bør bestille nye reservescannere.", "I'll do it.", "Bestil nye reservescannere"),
    ):
        items = rule_items([("ana", asked), ("ben", answer)], people=people)
        assert [i.owner for i in items] == ["ben"], (asked, answer)
        assert items[0].text.startswith(task), items[0].text


# ---- a task for everyone stays the group's --------------------------------------------------


def test_a_request_to_everyone_acknowledged_by_one_stays_the_teams() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    for request, reply in (
        ("Everyone, please log your overtime in the new tool by Friday.", "Got it."),
        ("Alle sammen, I skal registrere jeres overtid i det nye værktøj inden fredag.", "Ja."),
    ):
        items = rule_items([("ana", request), ("ben", reply)], people=people)
        assert summary(items) == [("team:internal", "2026-10-09")], request
    # One person asked by name is still the one who answers.
    named = rule_items(
        [("ana", "Ben, please log the overtime in the new tool by Friday."), ("ben", "Got it.")],
        people=people,
    )
    assert summary(named) == [("ben", "2026-10-09")]


def test_all_of_us_or_everyone_should_with_a_date_is_a_group_task() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    both = rule_items(
        [("ana", "All of us need to try the new ordering app by Wednesday."), ("cy", "Fine.")],
        people=people,
    )
    assert summary(both) == [("team:all", "2026-10-07")]
    ours = rule_items(
        [("ana", "Everyone should clean up their open quotes by Wednesday."), ("ben", "Okay.")],
        people=people,
    )
    assert summary(ours) == [("team:internal", "2026-10-07")]
    # Without a date an obligation of us all is talk, not a task.
    assert rule_items([("ana", "All of us need to be more careful with quotes.")]) == []


# ---- a request agreed across turns: the one named in it, dated by the answer ----------------


def test_a_name_before_kan_du_late_in_an_unpunctuated_turn_is_the_one_asked() -> None:
    items = rule_items(
        [
            (
                "per",
                "så messen i fredericia den gik fint og de vil gerne høre mere"
                " lone kan du ringe til dem",
            ),
            ("bo", "mm"),
            ("lone", "ja det kan jeg godt inden fredag"),
        ],
        language="da",
    )
    assert summary(items) == [("lone", "2026-10-09")], items


def test_group_tasks_said_as_everyone_verb_first_or_a_dated_we_can() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    items = items_of(
        [("ana", "Everyone has to update their forecast before Thursday.")],
        people=people,  # type: ignore[arg-type]
    )
    assert summary(items) == [("team:internal", "2026-10-08")]
    items = items_of(
        [("ana", "Okay, så bestiller vi hardwaren i morgen.")],
        people=people,  # type: ignore[arg-type]
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-07")]
    dated = items_of([("ana", "Vi kan have testmiljøet klar den 20.")], language="da")
    assert summary(dated) == [("team", "2026-10-20")]
    assert items_of([("ana", "We can run a workshop for your engineers.")]) == []


def test_then_we_with_a_present_is_a_task_of_the_team() -> None:
    items = rule_items(
        [("ana", "The nurses did not like the wording."), ("bo", "Then we adjust the texts.")],
        language="en",
    )
    assert summary(items) == [("team", None)]


# ---- a chair's order to everyone in the present, and "let us all" ---------------------------


def test_everyone_with_a_present_and_a_date_is_a_task_of_the_team() -> None:
    items = rule_items(
        [
            ("ana", "Great. Then everyone reads the proposal and sends comments by Thursday."),
            ("bo", "Got it."),
        ],
        language="en",
    )
    assert summary(items) == [("team", "2026-10-08")]


def test_everyone_with_a_present_and_no_date_is_no_task() -> None:
    turns = [("ana", "Everyone takes the train to Aarhus."), ("bo", "Okay.")]
    assert rule_items(turns, language="en") == []


def test_let_us_all_is_everyones_task_with_both_sides_present() -> None:
    items = rule_items(
        [
            (
                "ana",
                "One thing for all of us: let us all log every complaint in the sheet by Friday.",
            ),
            ("cy", "Okay."),
        ],
        people={"ana": "internal", "bo": "internal", "cy": "external"},
    )
    assert summary(items) == [("team:all", "2026-10-09")]


def test_a_bare_yes_after_the_team_took_it_on_leaves_it_the_teams() -> None:
    people = {"lo": "internal", "bj": "external", "nh": "external"}
    asked = ("lo", "Kan I nå at opdatere medlemslisten inden mandag?")
    items = rule_items(
        [asked, ("bj", "Ja, det gør vi i weekenden, Niels og jeg."), ("nh", "Jep.")], people=people
    )
    assert summary(items) == [("team:external", "2026-10-12")]
    # a yes from one of them, with no "we" before it, is still that person's
    assert summary(rule_items([asked, ("nh", "Ja.")], people=people)) == [("nh", "2026-10-12")]


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


# ---- groups, chairs and obligations ------------------------------------------------------------


def test_a_request_to_two_named_colleagues_stays_theirs_together() -> None:
    people = {"ana": "external", "ben": "external", "cy": "external", "dan": "internal"}
    items = items_of(
        [
            ("ana", "Ben og Cy, kan I to tjekke fakturaerne inden den 15.?"),
            ("ben", "Ja."),
            ("cy", "Ja, det kan jeg godt nå."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:external", "2026-10-15")]
    assert items[0].text == "Tjek fakturaerne"


def test_a_chair_hands_over_work_just_said_by_pronoun() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "internal"}
    items = items_of(
        [
            ("ana", "de sidste to kontrakter skal være fornyet inden fredag ben den tager du"),
            ("ben", "ja det når jeg"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]


def test_a_state_to_reach_by_a_date_is_the_teams_task() -> None:
    people = {"ana": "internal", "ben": "internal"}
    danish = items_of(
        [("ana", "Og alle sammen, tilbuddene skal være sendt inden fredag, ellers mister vi dem.")],
        people=people,
        language="da",
    )
    assert summary(danish) == [("team:internal", "2026-10-09")]
    english = items_of(
        [("ana", "Everyone, the forecast needs to be updated by Monday.")], people=people
    )
    assert summary(english) == [("team:internal", "2026-10-12")]
    # Without a date it says how things must be.
    assert items_of([("ana", "Prisen skal være låst i tre år.")], language="da") == []


# ---- Danish: work to have done ("skal vi to have … klar") ----------------------------------


def test_work_to_have_done_by_the_people_named_is_their_task() -> None:
    people = {"ana": "external", "ben": "external", "cy": "internal"}
    for sentence in (
        "Så skal vi to have skrevet høringssvaret færdigt inden fredag.",
        "Vi skal alle sammen her i afdelingen have gennemgået den nye instruks inden fredag.",
        "Og så skal vi internt have afklaret budgettet inden fredag.",
    ):
        items = items_of([("ana", sentence), ("cy", "Godt.")], people=people, language="da")
        assert len(items) == 1, sentence
        assert items[0].due is not None and items[0].due.isoformat() == "2026-10-09", sentence


# ---- the object put first, work handed to "I", obligations of the team with a date ----------


def test_a_fronted_object_with_a_date_is_the_teams_task() -> None:
    people = {"ana": "internal", "ben": "external"}
    items = items_of(
        [("ana", "Vi har fundet fejlen, og den retter vi i nat."), ("ben", "Godt.")],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-06")]
    # Without a date it is a yes about the team's own part.
    for reply in ("Det klarer vi selv.", "Den tager vi på næste møde."):
        assert items_of([("ben", "Hvem ringer til kunderne?"), ("ana", reply)], language="da") == []


def test_a_fronted_object_to_have_done_by_a_date() -> None:
    people = {"ana": "internal", "ben": "external"}
    items = items_of(
        [("ana", "Det skal vi have testet, inden opdateringen rulles ud den 20."), ("ben", "Ja.")],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-20")]
    assert items[0].text.lower().startswith("få det testet")


def test_work_to_have_done_handed_to_i_after_a_colon_or_verb_first() -> None:
    people = {"ana": "internal", "ben": "external", "cy": "external"}
    for sentence in (
        "En ting til jer: I skal have udfyldt skemaet inden fredag.",
        "Men så skal I have udfyldt skemaet inden fredag.",
    ):
        items = items_of([("ana", sentence), ("ben", "Det gør vi.")], people=people, language="da")
        assert summary(items) == [("team:external", "2026-10-09")], sentence


def test_an_obligation_of_the_team_with_a_date_is_a_task() -> None:
    people = {"ana": "internal", "ben": "external"}
    items = items_of(
        [
            ("ana", "We have to get the import fixed before the rollout on the 20th."),
            ("ben", "Ok."),
        ],
        people=people,
    )
    assert summary(items) == [("team:internal", "2026-10-20")]
    # Without a date it says what is needed, not who does what by when.
    assert items_of([("ana", "We have to think about pricing.")], people=people) == []


# ---- a chair's request taken on: "den er min", "Det gør vi gerne" ----------------------------


def test_a_request_claimed_with_its_mine_is_the_claimers_with_the_date_after() -> None:
    people = {"ana": "external", "ben": "external", "cy": "internal"}
    items = items_of(
        [
            ("ana", "Ben, du skriver til borgerne om de nye åbningstider, ik'?"),
            ("ben", "Jo, den er min. Den ligger ude inden fredag."),
            ("cy", "Godt."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert not items[0].text.endswith("ik'")


def test_a_wish_handed_to_the_other_side_and_taken_on_by_them_is_their_teams() -> None:
    people = {"ana": "external", "ben": "internal", "cy": "internal"}
    # The scorer keeps it whatever it scores (p about .25): the owning side takes it on in the
    # next turn (`Candidate.taken_on`).
    items = items_of(
        [
            ("ana", "Så vil jeg gerne have, at I to fra leverandøren laver en risikoanalyse."),
            ("ben", "Det gør vi gerne."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:internal", None)]
    # A question about what the product can do, answered yes, stays no task.
    asked = items_of(
        [("ana", "Kan I også lave noget med tyske vejafgifter?"), ("ben", "Ja, det kan vi.")],
        people=people,
        language="da",
    )
    assert asked == []


# ---- asking for a thing by a date; what the work makes possible for someone else -------------


def test_asking_someone_for_a_thing_by_a_date_is_their_task() -> None:
    items = items_of(
        [
            ("ana", "Kan vi få prislisten på fredag, Ben? Så kan Cy nå at regne på den."),
            ("ben", "Fint, på fredag."),
            ("cy", "Tak."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    # Without a date, or for terms and features, it is a question, not work handed over.
    for question in ("Kan vi få rapporten på engelsk?", "Kan vi få fri fragt på ordren?"):
        assert items_of([("ana", question), ("ben", "Ja.")], language="da") == [], question


# ---- found on sets h and i: Danish first ---------------------------------------------------


def test_two_people_named_and_told_with_a_plural_you_share_the_task() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "internal", "dora": "external"}
    items = items_of(
        [
            ("ana", "Ben og Cy, I deler kundelisten imellem jer og ringer dem op inden fredag."),
            ("ben", "Det gør vi."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-09")]


def test_all_of_some_things_is_not_everyone() -> None:
    people = {"ana": "internal", "ben": "external", "cy": "external"}
    items = items_of(
        [
            ("ana", "KAN I SENDE OS ALLE DE FAKTURAER I HAR FÅET"),
            ("ben", "JA DEM SENDER JEG I DAG"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-06")]


def test_a_chairs_hand_off_spelled_out_next_does_not_take_an_earlier_request() -> None:
    items = items_of(
        [
            ("ana", "Først Odense. Ben?"),
            ("ben", "De mangler en ny prisliste."),
            ("ana", "Kan du få den ud i dag?"),
            ("ben", "Ja, den sender jeg i eftermiddag."),
            ("ana", "Og Aalborg-leadet, hvem har det?"),
            ("ben", "Ingen endnu."),
            ("ana", "Cy, den er din. Ring til dem i morgen."),
            ("cy", "Okay, jeg ringer til dem i morgen tidlig."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-06"), ("cy", "2026-10-07")]
    assert items[0].quote == "Kan du få den ud i dag? Ja, den sender jeg i eftermiddag."


# ---- a suggestion is made as it is said ------------------------------------------------------


def test_a_suggestion_is_no_task_for_the_one_who_makes_it() -> None:
    for turns, language in (
        (
            [("ana", "Så vil jeg foreslå, at I lukker de gamle konti, før vi flytter data.")],
            "da",
        ),
        ([("ana", "Skal vi mødes igen?"), ("ben", "Jeg foreslår mandag klokken elleve.")], "da"),
        ([("ana", "Shall we meet again?"), ("ben", "I'd suggest Monday at eleven.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    items = items_of(
        [("ana", "Shall we meet again?"), ("ben", "I'd suggest Monday. I'll send the invite.")]
    )
    assert summary(items) == [("ben", None)]


# ---- a chair hands on what someone else turned down -------------------------------------------


def test_a_request_turned_down_and_handed_to_someone_else_is_theirs() -> None:
    for turns, language in (
        (
            [
                ("eva", "Daniel, kan du tage dig af bageriet?"),
                ("daniel", "Nej, jeg er booket op."),
                ("eva", "Amira, så er den din."),
                ("amira", "Fint, jeg tager den."),
            ],
            "da",
        ),
        (
            [
                ("eva", "Daniel, can you take the bakery lead?"),
                ("daniel", "Sorry, I'm full until January."),
                ("eva", "Amira, then it's yours."),
                ("amira", "Fine, I'll take it."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("amira", None)], (turns, items)
        assert "Amira" in items[0].quote


def test_a_lets_addressed_to_one_person_is_hers_once_she_takes_it_on() -> None:
    for turns, language in (
        (
            [
                ("dan", "Thanks, Kim. Sara, let's send them the minutes afterwards."),
                ("sara", "Det gør jeg i eftermiddag."),
            ],
            None,
        ),
        (
            [
                ("dan", "Thanks, Kim. Sara, let's send them the minutes afterwards."),
                ("sara", "Sure, I will do that this afternoon."),
            ],
            "en",
        ),
    ):
        items = rule_items(turns, language=language, people=_SIDES)
        assert summary(items) == [("sara", "2026-10-06")], items


def test_a_lets_to_nobody_in_particular_stays_with_the_team_until_someone_claims_it() -> None:
    items = rule_items(
        [
            ("dan", "Thanks, Kim. Let's send them the minutes afterwards."),
            ("kim", "Lovely, thank you."),
        ],
        language="en",
        people=_SIDES,
    )
    assert summary(items) == [("team:internal", None)], items


def test_a_request_to_the_other_side_is_a_task_once_someone_takes_it() -> None:
    items = items_of(
        [
            ("ana", "Kan I lave en oversigt over vores åbne sager?"),
            ("ben", "Ja, den laver jeg. Du får den på fredag."),
        ],
        people=SIDES_ANA_EXTERNAL,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    # Nobody takes it on: a question about the product, no task.
    items = items_of(
        [
            ("ana", "Kan I importere data fra vores gamle system?"),
            ("ben", "Ja, det understøtter vi fuldt ud."),
        ],
        people=SIDES_ANA_EXTERNAL,
        language="da",
    )
    assert items == []


def test_a_request_handed_over_by_a_pronoun_goes_to_the_one_named() -> None:
    items = items_of(
        [
            ("ana", "Kan I sende os en plan for udrulningen?"),
            ("ben", "Ja, det kan vi godt. Cy, den er din."),
            ("cy", "Det klarer jeg. I har den i morgen."),
        ],
        people=SIDES_ANA_EXTERNAL,
        language="da",
    )
    assert summary(items) == [("cy", "2026-10-07")]


def test_everyone_with_both_sides_present_is_team_all() -> None:
    items = items_of(
        [("ben", "Vi skal alle sammen have læst vejledningen inden fredag.")],
        people=SIDES_ANA_EXTERNAL,
        language="da",
    )
    assert summary(items) == [("team:all", "2026-10-09")]
    items = items_of(
        [("ben", "Vi skal alle sammen have læst vejledningen inden fredag.")],
        people={"ben": "internal", "cy": "internal"},
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-09")]


def test_an_order_to_everyone_that_the_other_side_answers_is_for_all() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    items = rule_items(
        [
            ("ana", "So everybody reviews the cutover checklist by Thursday."),
            ("cy", "Yes, we'll do it."),
        ],
        people=people,
    )
    assert summary(items) == [("team:all", "2026-10-08")]
    # Answered by the speaker's own colleague it stays an order to her team.
    items = rule_items(
        [
            ("ana", "So everybody reviews the cutover checklist by Thursday."),
            ("ben", "Sure."),
        ],
        people=people,
    )
    assert summary(items) == [("team:internal", "2026-10-08")]


def test_the_group_item_gives_way_when_one_of_the_group_takes_it_on() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "Fint. Og vi skal også selv skrive til forældrene."),
                ("dan", "Det gør jeg. Jeg sender en mail til dem i aften."),
            ],
            "da",
            "2026-10-06",
        ),
        (
            [
                ("cy", "Good. And we need to tell the warehouse staff by Friday."),
                ("dan", "I'll do that."),
            ],
            "en",
            "2026-10-09",
        ),
    ):
        items = items_of(turns, people=FOUR_WITH_SIDES, language=language)
        assert summary(items) == [("dan", due)], turns
        assert items[0].quote == turns[1][1], turns


def test_work_for_each_of_the_group_stays_the_groups() -> None:
    items = items_of(
        [
            ("cy", "Vi skal alle sammen have læst manualen inden fredag."),
            ("dan", "Ja. Jeg sørger for, at lageret også får manualen i morgen."),
        ],
        people=FOUR_WITH_SIDES,
        language="da",
    )
    assert summary(items) == [("team:all", "2026-10-09"), ("dan", "2026-10-07")]


# ---- the reason given with a request ------------------------------------------------------


def test_what_the_group_must_do_said_as_the_reason_for_a_request_is_no_item() -> None:
    for turns, language in (
        (
            [
                (
                    "cy",
                    "Ana, kan du trække en liste over de fejlede betalinger? Vi skal skrive til"
                    " medlemmerne.",
                ),
                ("ana", "Ja, den får du i morgen."),
            ],
            "da",
        ),
        (
            [
                ("cy", "Ana, could you pull the failed payments? We need to call those members."),
                ("ana", "Sure, you'll have it tomorrow."),
            ],
            "en",
        ),
    ):
        assert summary(items_of(turns, people=FOUR_WITH_SIDES, language=language)) == [
            ("ana", "2026-10-07")
        ]


def test_what_the_group_must_do_after_a_question_for_information_stays() -> None:
    # The rules' behaviour: the scorer retrained on sets a-w vetoes this lone group need with
    # no date (a known cost of the veto; its thresholds are chosen by cross-validation).
    items = rule_items(
        [
            ("cy", "Hvor langt er I med flytningen? Vi skal skrive til medlemmerne."),
            ("ana", "Det er næsten klar."),
        ],
        people=FOUR_WITH_SIDES,
        language="da",
    )
    assert summary(items) == [("team:external", None)]


# ---- someone away, named in a transcript in one case ---------------------------------------


def test_work_of_someone_away_in_an_upper_or_lower_case_transcript_has_no_owner() -> None:
    for text in (
        "DET ER MIN KOLLEGA MORTEN DER SKAL REGNE PÅ DET HAN ER PÅ FERIE I DAG MEN MORTEN SENDER"
        " JER TALLENE PÅ FREDAG",
        "our finance guy peter hes not on this call but peter will send you the invoice on friday",
        "our finance guy peter isnt on this call but peter is sending you the invoice by friday",
    ):
        items = items_of([("ana", text), ("cy", "ok")], people=FOUR_WITH_SIDES)
        assert summary(items) == [(None, "2026-10-09")], text


# ---- the work of someone away, dated by a clause about them --------------------------------


def test_the_work_of_someone_away_is_dated_by_the_clause_that_follows() -> None:
    for turns, language in (
        (
            [
                (
                    "ana",
                    "Our designer Lotte couldn't join today. But Lotte is redrawing the floor"
                    " plan, and she'll have it ready by Friday.",
                ),
                ("cy", "Great."),
            ],
            "en",
        ),
        (
            [
                (
                    "ana",
                    "Vores designer Lotte er her ikke i dag. Men Lotte tegner plantegningen om,"
                    " og hun har den klar på fredag.",
                ),
                ("cy", "Godt."),
            ],
            "da",
        ),
    ):
        assert summary(items_of(turns, people=FOUR_WITH_SIDES, language=language)) == [
            (None, "2026-10-09")
        ]


# ---- a tag question hands out or re-checks a task --------------------------------------------


def test_a_tag_question_answered_yes_is_the_answerers_task_quoted_with_the_yes() -> None:
    for turns, language, owner, due in (
        (
            [
                ("ana", "Ben, you'll have the budget sheet ready before Friday's board, right?"),
                ("ben", "Yep, it'll be there."),
            ],
            "en",
            "ben",
            "2026-10-09",
        ),
        (
            [
                ("ana", "Og Ben, du ringer vel til vognmanden, når priserne er på plads?"),
                ("ben", "Det gør jeg, jeg tager telefonen, så snart jeg har dem."),
            ],
            "da",
            "ben",
            None,
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [(owner, due)], turns
        assert items[0].quote == f"{turns[0][1]} {turns[1][1]}"
        assert " vel " not in items[0].text


def test_a_tag_question_is_taken_on_by_any_yes_that_opens_the_answer() -> None:
    # the yes words every rule reads (`rules._OPENS_WITH_YES`), and "I will" echoing the tag
    for question, answer, language in (
        ("Kim, you'll book the meeting room for the workshop, right?", "I will.", "en"),
        ("Kim, you'll book the meeting room for the workshop, right?", "Yup, today.", "en"),
        ("Kim, du booker vel mødelokalet til workshoppen?", "Det skal jeg nok.", "da"),
        ("Kim, you'll book the meeting room for the workshop, right?", "On it.", "en"),
        ("Kim, du booker vel mødelokalet til workshoppen?", "Det klarer jeg.", "da"),
    ):
        items = rule_items([("ana", question), ("kim", answer)], language=language)
        assert [item.owner for item in items] == ["kim"], (answer, items)
        assert items[0].quote == f"{question} {answer}", items


def test_a_tag_question_refused_is_no_task() -> None:
    turns = [
        ("ana", "Ben, du ringer vel til vognmanden i morgen?"),
        ("ben", "Nej, det når jeg ikke, jeg er på kursus."),
    ]
    assert rule_items(turns, language="da") == []


def test_a_tag_question_for_one_more_is_a_further_task_not_a_re_check() -> None:
    # "another", "en til": the words of `restatements._ALSO`, as for "also", "også"
    for turns, language in (
        (
            [
                ("ben", "I'll draft the rollout email for the sales team today."),
                ("ana", "Ben, you'll write another one for support, right?"),
                ("ben", "Yes, I will."),
            ],
            "en",
        ),
        (
            [
                ("ben", "Jeg sender tilbuddet til Helle i dag."),
                ("ana", "Ben, du laver vel en til til Søren?"),
                ("ben", "Det gør jeg."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [item.owner for item in items] == ["ben", "ben"], items
        assert items[1].quote == f"{turns[1][1]} {turns[2][1]}", items


def test_a_tag_question_re_checking_a_task_just_taken_on_dates_it_and_adds_none() -> None:
    for turns, language, text in (
        (
            [
                ("ben", "I can draw up a rough timeline for the migration."),
                ("ana", "Yes please."),
                ("ana", "Ben, you'll get that timeline over to us by Thursday, right?"),
                ("ben", "Yes, will do."),
            ],
            "en",
            "Draw up a rough timeline",
        ),
        (
            [
                ("ben", "Jeg kan godt lave en tidsplan for flytningen."),
                ("ana", "Ja tak."),
                ("ana", "Ben, du sender vel tidsplanen inden torsdag?"),
                ("ben", "Ja, det gør jeg."),
            ],
            "da",
            "Lav en tidsplan",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ben", "2026-10-08")], turns
        assert items[0].text.startswith(text)


HANDOVER: dict[str, Side | None] = {"ana": None, "bo": None, "cai": None}


def test_work_handed_to_another_who_takes_it_on_is_theirs_alone() -> None:
    # Handed over by a third person, taken on by a pronoun.
    handed = items_of(
        [
            ("ana", "I'll book the venue for the offsite tomorrow."),
            ("bo", "Actually, make that Cai, she has the supplier contacts."),
            ("cai", "Yes, that's right. I'll book it tomorrow."),
        ],
        people=HANDOVER,
    )
    assert summary(handed) == [("cai", "2026-10-07")], handed
    assert handed[0].text.startswith("Book the venue")
    # Taken from the one asked, who is named as busy.
    taget = items_of(
        [
            ("ana", "Bo, kan du opdatere prislisten til messen?"),
            ("cai", "Den tager jeg, Bo har travlt med flytningen. Jeg gør det på fredag."),
        ],
        people=HANDOVER,
        language="da",
    )
    assert summary(taget) == [("cai", "2026-10-09")], taget


def test_new_work_asked_of_someone_else_is_no_handover() -> None:
    items = items_of(
        [
            ("ana", "I'll send the minutes today."),
            ("bo", "Cai, can you check the figures in them?"),
            ("cai", "Yes, I'll check them tomorrow."),
        ],
        people=HANDOVER,
    )
    assert [i.owner for i in items] == ["ana", "cai"], items


def test_a_goal_both_sides_must_reach_by_a_date_is_everyones() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    for said, due, task in (
        ("We all need to agree the new delivery windows by the 20th.", "2026-10-20", "Agree the"),
        ("Both our teams must finish the data cleanup before the 16th.", "2026-10-16", "Finish"),
        ("We'll all need to approve the floor plans by Thursday.", "2026-10-08", "Approve the"),
        (
            "Between us, we need to agree on the launch budget by the end of the month.",
            "2026-10-31",
            "Agree on the launch budget",
        ),
        ("Let's all sit down and agree the rollout order by Friday.", "2026-10-09", "Agree the"),
    ):
        items = rule_items([("ana", said), ("cy", "Fine by me.")], people=people)
        assert summary(items) == [("team:all", due)], said
        assert items[0].text.startswith(task), items[0].text
    # Agreeing with someone, or a "let's agree" with no date, is said and done in the meeting.
    for said in ("I agree with you on the delivery windows.", "Let's agree on the next steps."):
        assert rule_items([("ana", said), ("cy", "Good.")], people=people) == [], said
    # "Just between us" is in confidence, not the two sides together.
    items = rule_items(
        [("ana", "Just between us, we need to update the price list by Friday."), ("ben", "Yes.")],
        people=people,
    )
    assert summary(items) == [("team:internal", "2026-10-09")]
