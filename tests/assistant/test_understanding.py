"""Meeting understanding on kinds of failure seen on meetings the rules were not tuned on
(issue 15). Every sentence here is new: none is taken from the issue or the labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.config import IntelligenceSettings
from assistant.intelligence.action_items import ActionItem, extract_action_items, similar_tasks
from assistant.intelligence.action_items.learned import load_scorer
from assistant.intelligence.decisions import open_questions
from assistant.intelligence.signals import customer_signals
from assistant.transcript import MeetingInfo, Participant, Segment, Side, Transcript

# A Tuesday: Wednesday is the 7th, Thursday the 8th, Friday the 9th, next Monday the 12th.
DAY = dt.date(2026, 10, 6)


def meeting(
    turns: list[tuple[str, str]],
    *,
    people: dict[str, Side | None] | None = None,
    language: str | None = None,
) -> Transcript:
    """Turns of (speaker id, text), three seconds apart; ids double as names ("ana" is Ana)."""
    ids = people or {speaker: None for speaker, _ in turns}
    segments = tuple(
        Segment(speaker, 4.0 * i, 4.0 * i + 3.5, text, language)
        for i, (speaker, text) in enumerate(turns)
    )
    return Transcript(
        MeetingInfo("Test", DAY, 4.0 * len(turns), language),
        tuple(Participant(pid, pid.capitalize(), side) for pid, side in ids.items()),
        segments,
    )


def items_of(turns: list[tuple[str, str]], **options: object) -> list[ActionItem]:
    """The items a meeting gets by default: the rules', through the learned scorer when it is
    on by default (``IntelligenceSettings.action_scorer``)."""
    transcript = meeting(turns, **options)  # type: ignore[arg-type]
    if IntelligenceSettings().action_scorer:
        return list(extract_action_items(transcript, scorer=load_scorer()))
    return list(extract_action_items(transcript))


def rule_items(turns: list[tuple[str, str]], **options: object) -> list[ActionItem]:
    """The rules' items alone, for behaviour the learned scorer may still veto."""
    return list(extract_action_items(meeting(turns, **options)))  # type: ignore[arg-type]


def summary(items: list[ActionItem]) -> list[tuple[str | None, str | None]]:
    return [(item.owner, item.due.isoformat() if item.due else None) for item in items]


# ---- a reply that carries the commitment ---------------------------------------------------


def test_reply_with_its_own_date_merges_into_the_request_english() -> None:
    items = items_of(
        [
            ("ana", "Could you work out why the CSV import skips rows?"),
            ("ben", "Sure, I'll go through it on Thursday."),
            ("cy", "Thanks both."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert items[0].text == "Work out why the CSV import skips rows"


def test_danish_yes_with_a_date_in_the_same_sentence_keeps_the_date() -> None:
    items = items_of(
        [
            ("ana", "Ben, kan du lave et udkast til pressemeddelelsen?"),
            ("ben", "Klart, det klarer jeg på onsdag."),
        ],
        people={"ana": None, "ben": None, "cy": None},
    )
    assert summary(items) == [("ben", "2026-10-07")]


def test_date_agreed_across_turns_dates_the_offer_in_both_languages() -> None:
    danish = items_of(
        [("ana", "Jeg kan opdatere prislisten. Passer det på fredag?"), ("ben", "Mandag er bedre.")]
    )
    english = items_of(
        [("ana", "I can rework the onboarding slides. Does Wednesday work?"), ("ben", "Friday.")]
    )
    assert summary(danish) == [("ana", "2026-10-12")]
    assert summary(english) == [("ana", "2026-10-09")]


def test_a_dated_yes_without_a_task_of_its_own_dates_the_request() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None, "cy": None}
    replies = {
        "Sure thing, will do by Friday.": "2026-10-09",
        "Ja, det kan jeg godt i morgen.": "2026-10-07",
        "Det skal jeg nok gøre på fredag.": "2026-10-09",
        "Ja, det ordner jeg i løbet af ugen.": "2026-10-09",
    }
    for reply, due in replies.items():
        said = [("ana", "Can you send me the partner list?"), ("ben", reply)]
        assert summary(items_of(said, people=people)) == [("ben", due)], reply
    # A refusal with a date is not a yes.
    said = [("ana", "Kan du sende mig partnerlisten?"), ("ben", "Nej, ikke før fredag.")]
    assert summary(items_of(said, people=people)) == [("ben", None)]


def test_a_later_promise_that_only_dates_the_first_is_one_item() -> None:
    items = items_of(
        [
            ("ana", "Jeg skal have rabatten godkendt af vores salgschef."),
            ("ana", "Vi ses på torsdag, jeg vender tilbage til dig efter det."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_unpunctuated_lower_case_speech() -> None:
    people: dict[str, Side | None] = {"maria": None, "tom": None, "kim": None}
    items = items_of(
        [
            ("kim", "could you loop in your it team"),
            ("tom", "yes i will ask them tomorrow"),
            ("maria", "i will send the revised terms tomorrow and then we can talk on monday"),
            ("kim", "so action items maria sends the summary today and tom books the workshop"),
        ],
        people=people,
    )
    assert [(i.owner, i.due.isoformat() if i.due else None, i.text) for i in items] == [
        ("tom", "2026-10-07", "Loop in your it team"),  # "it" here is IT, not a pronoun
        ("maria", "2026-10-07", "Send the revised terms"),  # Monday is when "we" talk
        ("maria", "2026-10-06", "Send the summary"),
        ("tom", None, "Book the workshop"),
    ]


# ---- pronoun objects ---------------------------------------------------------------------------


def test_pronoun_object_takes_its_thing_from_the_turns_before_and_the_quote_stays() -> None:
    (item,) = items_of(
        [
            ("ana", "The auditors still need the signed expense policy."),
            ("ben", "I'll get it to them by Friday."),
        ]
    )
    assert item.text == "Send the signed expense policy to them"
    assert item.quote == "I'll get it to them by Friday."
    assert (item.owner, item.due) == ("ben", dt.date(2026, 10, 9))


def test_danish_fronted_pronoun_is_resolved() -> None:
    (item,) = items_of(
        [
            ("ana", "Kunden mangler stadig den reviderede prisliste."),
            ("ben", "Den sender jeg til dem i morgen."),
        ]
    )
    assert item.text == "Send den reviderede prisliste til dem"
    assert (item.owner, item.due) == ("ben", dt.date(2026, 10, 7))


def test_what_you_will_get_from_me_is_resolved_too() -> None:
    (item,) = items_of(
        [
            ("ana", "Vi venter stadig på den opdaterede leveringsplan."),
            ("ben", "Den får du i morgen."),
        ]
    )
    assert item.text == "Send den opdaterede leveringsplan"
    assert (item.owner, item.due) == ("ben", dt.date(2026, 10, 7))


def test_a_determiner_is_not_taken_for_a_pronoun() -> None:
    (item,) = items_of([("ana", "Noget helt andet."), ("ben", "Jeg sender det nye udkast i dag.")])
    assert item.text == "Send det nye udkast"


# ---- not items ---------------------------------------------------------------------------------


def test_standing_roles_are_not_tasks() -> None:
    people: dict[str, Side | None] = {"ana": None, "sofia": None, "mette": None}
    said = [
        ("ana", "Sofia takes care of our Benelux partners, so ask her."),
        ("ana", "Mette tager sig af de norske kunder."),
    ]
    assert items_of(said, people=people) == []
    # A one-off task said the same way still is one.
    dated = items_of([("ana", "Sofia handles the Benelux renewal by Friday.")], people=people)
    assert summary(dated) == [("sofia", "2026-10-09")]


def test_offers_that_hang_on_a_later_condition_are_not_promises() -> None:
    said = [
        ("ana", "I shared the recording on Tuesday, I can share it again if the link died."),
        ("ben", "Jeg sendte fakturaen i sidste uge, jeg sender den gerne igen, hvis den mangler."),
    ]
    assert items_of(said) == []
    # A courtesy ("if that works") is not such a condition.
    assert summary(items_of([("ana", "I'll call you tomorrow if that works.")])) == [
        ("ana", "2026-10-07")
    ]


def test_quoted_and_rhetorical_imperatives_are_not_orders() -> None:
    assert (
        items_of(
            [
                ("ana", 'Her sign said "book the room before you need it" and nobody did.'),
                ("ben", "As my old manager used to say, call the customer before they call you."),
            ]
        )
        == []
    )


def test_activity_on_the_spot_is_not_a_task() -> None:
    said = [
        ("ana", "Let me sketch the data flow for you."),
        ("ben", "Lad mig lige skifte over til dansk."),
        ("ana", "I'll just put the logo there."),
        ("ben", "Let me switch to the other tab."),
    ]
    assert items_of(said) == []
    # With a date it is a promise after all, and "draw up" is paperwork.
    later = items_of([("ana", "I'll draw up the rollout plan by Friday.")])
    assert summary(later) == [("ana", "2026-10-09")]


def test_agenda_read_out_at_the_start_is_not_a_list_of_tasks() -> None:
    said = [
        ("ana", "Today we'll review the renewal terms and then discuss onboarding."),
        ("ana", "Og så taler vi om budgettet til sidst, det er dagsordenen."),
    ]
    assert items_of(said) == []


def test_states_trips_and_thinking_aloud_are_not_tasks() -> None:
    said = [
        ("ana", "We will be using it in four regions."),
        ("ben", "I will be away the whole of next week."),
        ("ana", "Jeg skal på messe i Herning i morgen."),
        ("ben", "Jeg skal lige tænke over prisen."),
    ]
    assert items_of(said) == []
    # "skal til at" is about to do work.
    (item,) = items_of([("ana", "Jeg skal til at skrive referatet i morgen.")])
    assert (item.text, item.due) == ("Skriv referatet", dt.date(2026, 10, 7))


# ---- items that were missed --------------------------------------------------------------------


def test_first_person_obligations_are_items() -> None:
    items = items_of(
        [
            ("ana", "I have to confirm the headcount with HR before we order."),
            ("ben", "I will have to re-run the export tonight."),
            ("ana", "Jeg skal have budgettet godkendt af direktionen."),
        ]
    )
    assert summary(items) == [("ana", None), ("ben", "2026-10-06"), ("ana", None)]
    assert items[2].text == "Få budgettet godkendt af direktionen"


def test_plain_futures_are_items() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    items = items_of(
        [
            ("ben", "Tomorrow Ana will phone the supplier."),
            ("ana", "You will have the figures from me by Monday."),
            ("ben", "Du får kontrakten fra mig på fredag."),
        ],
        people=people,
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-12"), ("ben", "2026-10-09")]
    assert items[1].text == "Send the figures"


def test_a_chair_handing_work_over_makes_an_item_for_that_person() -> None:
    people: dict[str, Side | None] = {"ana": None, "priya": None, "jonas": None}
    items = items_of(
        [
            ("ana", "Priya, the onboarding checklist is yours."),
            ("ana", "The renewal quote is all yours, Jonas."),
            ("ana", "Jonas, kontrakten med Dansk Fragt er din, gerne inden fredag."),
        ],
        people=people,
    )
    assert summary(items) == [("priya", None), ("jonas", None), ("jonas", "2026-10-09")]
    assert "onboarding checklist" in items[0].text


def test_labelled_actions_and_a_call_for_someone_are_items() -> None:
    people: dict[str, Side | None] = {"ana": None, "nina": None, "ben": None}
    items = items_of(
        [
            ("ana", "Action for Nina: refresh the competitor slide by Friday."),
            ("ana", "Opgave til Ben: ring til revisoren i morgen."),
            ("ana", "We need someone to clean up the CRM duplicates."),
            ("ben", "I'll do it."),
            ("nina", "Nina, det er din tur."),
        ],
        people=people,
    )
    assert [(i.owner, i.text) for i in items] == [
        ("nina", "Refresh the competitor slide"),
        ("ben", "Ring til revisoren"),
        ("ben", "Clean up the CRM duplicates"),
    ]


def test_a_named_person_asked_or_obliged_owns_the_task() -> None:
    people: dict[str, Side | None] = {"ana": None, "nina": None, "ben": None}
    said = [
        ("ana", "Let's have Nina walk the auditors through the logs."),
        ("ana", "I'd like Ben to chase the missing invoices."),
        ("ana", "Nina should renew the SSL certificate this week."),
        ("ana", "Lad Ben tage mødet med revisoren."),
        ("ana", "Could Nina be there too?"),
    ]
    assert summary(items_of(said, people=people)) == [
        ("nina", None),
        ("ben", None),
        ("nina", "2026-10-09"),
        ("ben", None),
    ]


def test_an_answer_to_a_hand_off_with_a_date_dates_it() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None, "cy": None}
    said = [
        ("ana", "Ben, velkomstmailen til de nye kunder er din."),
        ("ben", "Den skriver jeg i morgen."),
    ]
    items = items_of(said, people=people)
    assert summary(items) == [("ben", "2026-10-07")]


# ---- Danish parity: signals and questions -----------------------------------------------------


def test_danish_price_comparison_gives_a_price_objection_and_the_competitor() -> None:
    transcript = meeting(
        [("ana", "Hvad tænker I om prisen?"), ("kim", "Jeres løsning er dyrere end DataNord.")],
        people={"ana": "internal", "kim": "external"},
    )
    signals = customer_signals(transcript, ())
    assert signals is not None
    assert {(o.topic, o.competitor) for o in signals.objections} == {
        ("competitor", "DataNord"),
        ("price", None),
    }
    assert [c.name for c in signals.competitors] == ["DataNord"]


def test_price_comparisons_in_both_languages_name_the_competitor() -> None:
    for line, rival in [
        ("Vi får det billigere hos Tidsbanken.", "Tidsbanken"),
        ("Prisen er højere end hos Lyngsoe.", "Lyngsoe"),
        ("It is too expensive compared to Fathom.", "Fathom"),
        ("Honestly, you cost more than what we pay at Tactiq.", "Tactiq"),
    ]:
        transcript = meeting(
            [("ana", "How does that sound?"), ("kim", line)],
            people={"ana": "internal", "kim": "external"},
        )
        signals = customer_signals(transcript, ())
        assert signals is not None
        assert {(o.topic, o.competitor) for o in signals.objections} == {
            ("competitor", rival),
            ("price", None),
        }, line


def test_an_answered_danish_question_is_not_deferred() -> None:
    transcript = meeting(
        [
            ("ana", "Hvornår vender I tilbage med jeres beslutning?"),
            ("kim", "Vi vender tilbage på fredag."),
            ("ana", "Kan integrationen køre på vores egne servere?"),
            ("kim", "Ja, men det kræver en ekstra licens."),
        ]
    )
    assert open_questions(transcript) == ()


def test_a_real_deferral_is_still_deferred() -> None:
    transcript = meeting(
        [("ana", "Hvor mange brugere skal have adgang?"), ("kim", "Det ved jeg ikke endnu.")]
    )
    assert [q.reason for q in open_questions(transcript)] == ["deferred"]


# ---- repeats -----------------------------------------------------------------------------------


def test_open_questions_differing_in_case_or_punctuation_are_one() -> None:
    transcript = meeting(
        [
            ("ana", "And the retention period for recordings?"),
            ("ana", "Any thoughts on that?"),
            ("ana", "the retention period for recordings??"),
        ]
    )
    texts = [q.text for q in open_questions(transcript)]
    assert len([t for t in texts if "retention period" in t.lower()]) == 1


def test_a_task_and_the_same_task_with_more_words_are_one_item() -> None:
    assert similar_tasks("Sketch", "Sketch one")
    items = items_of(
        [
            ("ana", "I'll update the roadmap."),
            ("ben", "Good."),
            ("ana", "I'll update the roadmap slide on Friday."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]
