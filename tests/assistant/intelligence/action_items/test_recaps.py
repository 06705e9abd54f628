"""Recaps near a meeting's end repeat tasks already found (`action_items.recaps`)."""

from __future__ import annotations

from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, meeting, rule_items, summary

TEAM4: dict[str, Side | None] = {"ana": None, "ben": None, "cy": None, "dea": None}
SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}

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


def test_a_recap_repeats_tasks_already_given() -> None:
    items = items_of(
        [
            ("ana", "I'll send the price list on Thursday."),
            ("ben", "And I'll book the demo room tomorrow."),
            ("ana", "So to sum up: I send the price list and Ben books the demo room."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ben", "2026-10-07")]


# ---- a summary or a translation asked for repeats the tasks ---------------------------------


def test_a_summary_asked_for_repeats_the_tasks_already_given() -> None:
    items = rule_items(
        [
            ("ana", "Okay, så installerer vi de sidste målere på fredag."),
            ("bo", "Sorry, could you sum that up in English for me?"),
            ("ana", "Sure. We install the last meters on Friday."),
        ],
        people={"ana": "internal", "bo": "external"},
    )
    assert summary(items) == [("team:internal", "2026-10-09")], items


def test_tasks_repeated_after_a_wrap_up_sentence_are_not_new() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Kan du ringe til leverandøren i morgen?"),
            ("ben", "Ja, det gør jeg."),
            ("ana", "Og jeg sender referatet på fredag."),
            (
                "ana",
                "Så lad os lige runde af. Du ringer til leverandøren, og jeg skriver referatet.",
            ),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07"), ("ana", "2026-10-09")]


# ---- a recap gives a day to tasks agreed without one ---------------------------------------


def test_a_recap_with_days_dates_each_owners_undated_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, could you tidy up the supplier list?"),
                ("ben", "Sure."),
                ("cy", "Next point, the FAQ on the website is out of date."),
                ("ana", "I'll rewrite it."),
                (
                    "cy",
                    "Good. To recap: Ben tidies up the supplier list by Thursday, and Ana"
                    " rewrites the FAQ by Friday.",
                ),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du rydde op i leverandørlisten?"),
                ("ben", "Ja."),
                ("cy", "Næste punkt, FAQ'en på hjemmesiden er forældet."),
                ("ana", "Den skriver jeg om."),
                (
                    "cy",
                    "Godt. Så for at opsummere: Ben rydder op i leverandørlisten inden"
                    " torsdag, og Ana skriver FAQ'en om til fredag.",
                ),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert sorted(summary(items)) == [("ana", "2026-10-09"), ("ben", "2026-10-08")], items


def test_a_recap_day_for_other_work_leaves_a_task_undated() -> None:
    items = rule_items(
        [
            ("ana", "Ben, could you tidy up the supplier list?"),
            ("ben", "Sure."),
            ("cy", "To recap: Ben books the venue by Thursday."),
        ],
        language="en",
    )
    assert ("ben", None) in summary(items), items


def test_an_unpunctuated_recap_dates_the_task_it_names() -> None:
    for turns, language in (
        (
            [
                ("ana", "bo can you renew the domain"),
                ("bo", "sure"),
                ("ana", "so to recap bo renews the domain by friday and i ring the bank tomorrow"),
            ],
            "en",
        ),
        (
            [
                ("ana", "bo kan du forny domænet"),
                ("bo", "ja"),
                (
                    "ana",
                    "så vi siger bo fornyer domænet på fredag og jeg ringer til banken i morgen",
                ),
            ],
            "da",
        ),
    ):
        assert ("bo", "2026-10-09") in summary(rule_items(turns, language=language)), turns


def test_a_danish_recap_repeats_the_tasks_already_given() -> None:
    items = items_of(
        [
            ("ana", "Jeg sender prislisten på fredag."),
            ("ben", "Og jeg ringer til revisoren i morgen."),
            (
                "ana",
                "Så for at samle op: jeg sender prislisten, og Ben ringer til revisoren.",
            ),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("ben", "2026-10-07")]


# ---- recaps and things done in the meeting itself --------------------------------------------


def test_a_sentence_handing_out_tasks_everyone_already_has_is_a_recap() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver budgettet færdigt på torsdag."),
            ("ben", "Og jeg ringer til banken i morgen."),
            ("ana", "Godt. Ben ringer til banken, jeg laver budgettet, og så ses vi igen."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ben", "2026-10-07")]


def test_a_new_task_in_a_sentence_with_two_owners_is_kept() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver budgettet færdigt på torsdag."),
            ("ana", "Ben ringer til banken i morgen, og jeg sender referatet i dag."),
        ],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert ("ben", "2026-10-07") in summary(items)


def test_a_recap_naming_others_tasks_without_verbs_repeats_the_speakers_task() -> None:
    items = items_of(
        [
            ("lars", "JEG VENDER TILBAGE OM PRISEN PÅ FREDAG"),
            ("bo", "JEG SENDER LOGGEN I MORGEN"),
            ("maja", "OG JEG RINGER TIL KUNDEN I DAG"),
            ("lars", "SÅ BO LOGGEN I MORGEN MAJA KUNDEN I DAG OG JEG SVARER PÅ PRISEN"),
        ],
        language="da",
    )
    assert summary(items) == [("lars", "2026-10-09"), ("bo", "2026-10-07"), ("maja", "2026-10-06")]


def test_a_summary_promised_as_a_thing_to_send_is_a_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg ringer til revisoren i morgen."),
            ("ben", "Godt."),
            ("ana", "Og jeg sender jer en opsummering af mødet i eftermiddag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-06")]


# ---- a recap at the close that hands tasks to three people at once -------------------------


def test_a_closing_handout_repeats_the_tasks_of_owners_who_have_one() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, can you pull the churn numbers for the board pack?"),
                ("ben", "Yes, you'll have them on Thursday."),
                ("ana", "Cy, the partner contract still needs a legal read."),
                ("cy", "I'll send the liability cap to our lawyer tomorrow."),
                ("dea", "And I will write the onboarding guide for the new resellers by Friday."),
                ("ana", "Good. Anything else on the agenda?"),
                ("ben", "Not from me."),
                (
                    "ana",
                    "So: Ben sends the churn numbers, Cy the liability cap, Dea does the guide.",
                ),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du trække churn-tallene til bestyrelsen?"),
                ("ben", "Ja, dem har du på torsdag."),
                ("ana", "Cy, partneraftalen mangler stadig en juridisk gennemlæsning."),
                ("cy", "Jeg sender ansvarsloftet til vores advokat i morgen."),
                ("dea", "Og jeg skriver vejledningen til de nye forhandlere på fredag."),
                ("ana", "Godt. Er der mere på dagsordenen?"),
                ("ben", "Ikke fra mig."),
                (
                    "ana",
                    "Så Ben sender churn-tallene, Cy ansvarsloftet, og Dea vejledningen.",
                ),
            ],
            "da",
        ),
    ):
        items = items_of(turns, people=TEAM4, language=language)
        # One item per owner, none quoting the recap, the date of the first promise kept.
        assert sorted(summary(items)) == [
            ("ben", "2026-10-08"),
            ("cy", "2026-10-07"),
            ("dea", "2026-10-09"),
        ], items
        assert not any(turns[-1][1] in item.quote for item in items), items


def test_a_closing_handout_still_gives_a_task_to_someone_new() -> None:
    turns = [
        ("ana", "Ben, can you pull the churn numbers for the board pack?"),
        ("ben", "Yes, you'll have them on Thursday."),
        ("cy", "I'll get our lawyer to look at the liability cap."),
        ("ana", "Fine. Nothing else from my side."),
        (
            "ana",
            "So: Dea books the venue, Ben sends the churn numbers, and Cy talks to the lawyer.",
        ),
    ]
    # The rules' items: the learned scorer may still veto a recap's new task.
    items = list(rule_action_items(meeting(turns, people=TEAM4, language="en")))
    owners = sorted(item.owner or "" for item in items)
    assert owners == ["ben", "cy", "dea"], items
    assert [item.text for item in items if item.owner == "dea"] == ["Book the venue"], items


# ---- "Så runder vi af." opens a recap --------------------------------------------------------


def test_a_recap_after_a_stated_wrap_up_adds_no_tasks() -> None:
    for wrap_up, turns, language in (
        (
            "Så runder vi af.",
            [
                ("ana", "Vi mangler en tjekliste. Ben, vil du lave et udkast til den?"),
                ("ben", "Ja, det tager jeg."),
                ("cy", "Jeg tjekker budgettet med vores økonomichef."),
            ],
            "da",
        ),
        (
            "Right, to wrap up.",
            [
                ("ana", "We need a checklist. Ben, could you draft one?"),
                ("ben", "Yes, I'll do that."),
                ("cy", "I'll check the budget with our CFO."),
            ],
            "en",
        ),
    ):
        recap = (
            "Ben laver tjeklisten, og Cy tjekker budgettet."
            if language == "da"
            else "Ben does the checklist and Cy checks the budget."
        )
        said = [*turns, ("ana", f"{wrap_up} {recap}")]
        items = items_of(said, people=SIDES, language=language)
        assert sorted(item.owner or "" for item in items) == ["ben", "cy"], (said, items)


# ---- a list announced by a bare "So:" hands out no work again ---------------------------------

PEOPLE3: dict[str, Side | None] = {"ana": None, "bo": None, "cai": None}


def test_a_list_after_a_bare_so_repeats_the_tasks_already_given() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "Bo, could you run the walkthrough for their planners?"),
                ("bo", "Sure, happy to."),
                ("cai", "And I'll send the floor plan on Thursday."),
                ("ana", "So: the floor plan from Cai on Thursday, Bo runs the walkthrough."),
                ("cai", "Sounds right."),
                ("bo", "Then the next topic is the parking at the venue."),
                ("cai", "There are forty spaces behind the hall."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Bo, kan du køre gennemgangen for deres planlæggere?"),
                ("bo", "Ja, det gør jeg gerne."),
                ("cai", "Og jeg sender plantegningen på torsdag."),
                ("ana", "Så: plantegningen fra Cai på torsdag, Bo kører gennemgangen."),
                ("cai", "Det lyder rigtigt."),
                ("bo", "Så er næste punkt parkeringen ved stedet."),
                ("cai", "Der er fyrre pladser bag hallen."),
            ],
        ),
    ):
        items = rule_items(turns, people=PEOPLE3, language=language)
        assert summary(items) == [("bo", None), ("cai", "2026-10-08")], items


def test_the_speakers_own_new_task_after_a_bare_so_stays() -> None:
    items = rule_items(
        [("ana", "So: I'll draft the agenda for the kickoff by Friday."), ("bo", "Great.")],
        people=PEOPLE3,
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-09")], items


# ---- one's own part added to another's recap repeats one's task ---------------------------


def test_own_part_added_to_a_recap_repeats_the_speakers_task() -> None:
    for recap in (
        "Så kort fortalt: Bo bestiller skiltene, og jeg sender tegningerne.",
        "Lad mig opsummere: Bo bestiller skiltene, og jeg sender tegningerne.",
    ):
        turns = [
            ("ana", "Jeg sender tegningerne til trykkeriet i morgen."),
            ("bo", "Og jeg bestiller skiltene på torsdag."),
            ("cy", "Jeg ringer til udlejeren om nøglerne på fredag."),
            ("ana", recap),
            ("cy", "Og jeg ringer til udlejeren."),
        ]
        items = rule_items(turns, language="da")
        owners = sorted(item.owner or "" for item in items)
        assert owners == ["ana", "bo", "cy"], (recap, items)


def test_new_work_added_after_a_recap_stays_a_task() -> None:
    for added in (
        "Og jeg ringer til udlejeren om nøglerne på fredag.",
        # other work than the speaker's own task so far
        "Og jeg mailer referatet ud efter mødet.",
    ):
        items = rule_items(
            [
                ("ana", "Jeg sender tegningerne til trykkeriet i morgen."),
                ("cy", "Og jeg bestiller skiltene på torsdag."),
                ("ana", "Så kort fortalt: Cy bestiller skiltene, og jeg sender tegningerne."),
                ("cy", added),
            ],
            language="da",
        )
        assert sorted(item.owner or "" for item in items) == ["ana", "cy", "cy"], (added, items)
