"""Action items in Danish and in meetings that mix Danish and English."""

from __future__ import annotations

from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, meeting, rule_items, summary

SIDES_ANA_EXTERNAL: dict[str, Side | None] = {
    "ana": "external",
    "ben": "internal",
    "cy": "internal",
}


def test_a_need_taken_on_in_the_other_language_is_worded_in_the_needs_language() -> None:
    people = {"ana": "external", "ben": "internal"}
    for need, answer, text in (
        ("We'll need the wiring diagrams for both boilers.", "Den tager jeg.", "Provide the"),
        ("Vi skal bruge el-tegningerne til begge kedler.", "I'll take that.", "Skaf el-"),
    ):
        items = rule_items([("ana", need), ("ben", answer)], people=people)
        assert [i.owner for i in items] == ["ben"]
        assert items[0].text.startswith(text), items[0].text


# ---- task phrasings ----------------------------------------------------------------------------


def test_danish_loan_verbs_in_ere_are_work_verbs() -> None:
    items = items_of([("ana", "Jeg installerer agenten på deres server i morgen.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text.startswith("Installer")


def test_danish_verb_first_request_after_saa() -> None:
    items = items_of(
        [
            ("ana", "Så ringer du til leverandøren på torsdag, ikke?"),
            ("ben", "Jo, det gør jeg."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]


def test_danish_have_a_thing_is_a_need_have_it_done_is_work() -> None:
    assert items_of([("ana", "Jeg skal bare have jeres underskrift.")], language="da") == []
    items = items_of([("ana", "Jeg skal have licenserne installeret inden fredag.")], language="da")
    assert summary(items) == [("ana", "2026-10-09")]
    assert items[0].text.startswith("Få licenserne installeret")


# ---- Danish "få" with a participle: work the speaker sees done -----------------------------


def test_have_it_out_or_through_leaves_the_participle_out_and_is_still_work() -> None:
    # Spoken Danish: "have kundelisten ud af CRM" = have it taken out; "have alle igennem
    # kurset" = have them put through it. Dated, it is the group's work.
    for need, text, due in (
        (
            "Så skal vi have kundelisten ud af det gamle CRM inden den tiende.",
            "Få kundelisten ud af det gamle CRM",
            "2026-10-10",
        ),
        (
            "Vi skal have alle chaufførerne igennem det nye kursus inden udgangen af måneden.",
            "Få alle chaufførerne igennem det nye kursus",
            "2026-10-31",
        ),
    ):
        (item,) = rule_items([("ana", need)])
        assert (item.owner or "").startswith("team") and item.text == text, item
        assert summary([item])[0][1] == due
    # "have en ny printer ud på lageret" with no date says how things should be, no task
    assert rule_items([("ana", "Vi skal have en ny printer ud på lageret.")]) == []


def test_det_kan_jeg_leve_med_or_godt_lide_is_agreement_not_a_yes_to_work() -> None:
    # A fronted "det" with a verb of putting up with or liking says how the speaker feels
    # about what was just said; it takes no work on, whatever the turn before was.
    for before, reply in (
        ("Vi foreslår den 12. Det giver jer to uger mere til oplæring.", "Det kan jeg leve med."),
        ("Vi kunne starte med to afdelinger og vente med resten.", "Det kan jeg godt lide."),
        ("Man skal ikke skifte system, før det giver mening.", "Det kan jeg godt lide."),
        ("Vi ringer hellere en gang for meget end en gang for lidt.", "Det kan jeg godt forstå."),
    ):
        assert rule_items([("ana", before), ("ben", reply)]) == [], (before, reply)


def test_saa_faar_du_den_with_a_day_hands_over_what_was_asked_for() -> None:
    # Verb first after "så": "Så får du den i morgen" is the speaker's promise, dated.
    items = rule_items(
        [
            ("ana", "Kan I sende mig manualen til scannerne?"),
            ("ben", "Ja, den har vi."),
            ("ana", "Ja tak, send den."),
            ("ben", "Så får du den i morgen."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-07")], items
    assert "Så får du den i morgen." in items[0].quote


def test_jeg_faar_with_a_participle_is_a_promise() -> None:
    items = rule_items(
        [("ana", "Hvad med prislisten?"), ("bo", "Jeg får lavet en ny prisliste inden fredag.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")]
    assert "prisliste" in items[0].text, items


def test_det_faar_jeg_gjort_says_yes_to_the_request_with_its_date() -> None:
    items = rule_items(
        [
            ("ana", "Bo, du skal lige have opdateret kontaktlisten."),
            ("bo", "Ja, det får jeg gjort i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert "kontaktlisten" in items[0].text, items


def test_faar_without_a_participle_is_no_new_cue() -> None:
    items = rule_items(
        [("ana", "Hvordan kører det?"), ("bo", "Vi får sendt fakturaerne hver måned.")],
        language="da",
    )
    assert items == []


# ---- Danish: asking someone, getting someone to, a wish taken on, a recap ----------------------


def test_hoere_someone_is_asking_them() -> None:
    items = items_of(
        [("ana", "Det er muligt, men jeg skal lige høre vores indkøbschef.")], language="da"
    )
    assert summary(items) == [("ana", None)]
    assert items[0].text == "Spørg vores indkøbschef"


def test_have_someone_til_at_is_getting_them_to_do_it() -> None:
    items = items_of(
        [("ana", "Jeg skal lige have revisoren til at godkende tallene.")], language="da"
    )
    assert [item.text for item in items] == ["Få revisoren til at godkende tallene"]
    # A need is still no work.
    assert items_of([("ana", "Jeg skal bare have jeres underskrift.")], language="da") == []


def test_plural_i_skal_in_an_upper_case_transcript_is_a_request() -> None:
    people = {"ana": "external", "ben": "internal", "cy": "external"}
    items = items_of(
        [
            ("ana", "SKAL VI GØRE NOGET PÅ VORES SIDE"),
            ("ben", "ØHM I SKAL SLUKKE ROUTEREN I AFTEN FØR I GÅR HJEM"),
            ("ana", "OKAY DET SØRGER JEG FOR"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-06")]
    assert items[0].text.startswith("SLUK ROUTEREN")


def test_den_kan_i_faa_dates_the_speakers_promise() -> None:
    items = items_of(
        [("ana", "Så laver jeg en testplan. Den kan I få på torsdag."), ("ben", "Fint.")],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]


# ---- hand-overs, elaborations, talks with others, a dated "I'll do those" ---------------------


def test_danish_abbreviations_do_not_end_a_sentence() -> None:
    from assistant.intelligence.sentences import split_sentences

    assert split_sentences("Prisen er tolv kroner pr. stk. inkl. moms, og vi sender den.") == [
        "Prisen er tolv kroner pr. stk. inkl. moms, og vi sender den."
    ]


# ---- obligations in Danish: "jeg skal orientere …", "vi skal træffe …" ------------------------


def test_a_danish_obligation_about_this_matter_is_a_task() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "bo": "external"}
    items = items_of(
        [("bo", "Jeg skal orientere vores ejerkreds om det her."), ("ana", "Fint.")],
        language="da",
        people=people,
    )
    assert summary(items) == [("bo", None)]
    items = items_of(
        [("bo", "Vi skal træffe et valg inden den 23. oktober."), ("ana", "Forstået.")],
        language="da",
        people=people,
    )
    assert summary(items) == [("team:external", "2026-10-23")]


# ---- Jutlandic speech written down --------------------------------------------------------


def test_jutlandic_promises_read_as_standard_danish() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for turns, due in (
        (
            [("ana", "Hvem ringer til smeden?"), ("ben", "A ringer til ham på fredag.")],
            "2026-10-09",
        ),
        (
            [("ana", "Ka' do sende æ tegning?"), ("ben", "Det gør a. Do får den i morgen.")],
            "2026-10-07",
        ),
        (
            [("ana", "Og fakturaen?"), ("ben", "Den ska' a nok få sendt inden torsdag.")],
            "2026-10-08",
        ),
    ):
        # The rules' items (the learned scorer reads the words as said).
        items = list(rule_action_items(meeting(turns, people=people, language="da")))
        assert summary(items) == [("ben", due)], (turns, items)
        assert items[0].quote in turns[1][1] or turns[1][1] in items[0].quote, items  # as said


def test_an_english_a_stays_an_article() -> None:
    from assistant.intelligence.action_items.model import _normal

    assert _normal("I'll send a copy on Friday.") == "I'll send a copy on Friday."
    assert _normal("Vi betaler a conto.") == "Vi betaler a conto."


# ---- how things are, said in the Danish present tense of "vi" -----------------------------


def test_we_do_in_the_danish_present_without_a_date_is_a_state() -> None:
    for sentence in (
        "Vi kører på den gamle version, så vi deler licens med søsterselskabet.",
        "Vi skifter til et nyt lønsystem.",
    ):
        assert items_of([("ana", sentence)], language="da") == [], sentence
    # With a date, or verb first after "så", it is a promise.
    assert len(items_of([("ana", "Vi sender kontrakten på fredag.")], language="da")) == 1
    assert len(items_of([("ana", "Så sender vi kontrakten.")], language="da")) == 1


def test_a_danish_request_with_the_verb_first_is_a_request() -> None:
    items = items_of(
        [("ana", "Ben, den aftale må du hellere få forlænget."), ("ben", "Ja, det gør jeg.")],
        people=SIDES_ANA_EXTERNAL,
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_danish_have_with_a_participle_is_work_to_get_done() -> None:
    for sentence in (
        "I dag skal jeg have svaret på kundens klage.",
        "Vi skal alle sammen have lagt vores timer ind inden fredag.",
        "Jeg skal have opsagt abonnementet.",
    ):
        items = items_of([("ana", sentence)], language="da")
        assert len(items) == 1, sentence
        assert items[0].text.startswith("Få "), items[0].text
    # A need is no work: "jeg skal have jeres accept".
    assert items_of([("ana", "Jeg skal bare have jeres accept.")], language="da") == []


def test_you_get_it_with_a_date_is_the_speakers_promise_in_danish() -> None:
    items = items_of(
        [("ana", "Du får prisoversigten i morgen formiddag.")],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]
    assert items_of([("ana", "Du får en kvittering fra systemet.")], language="da") == []


def test_a_danish_request_to_take_that_thing_is_a_task() -> None:
    items = items_of(
        [("ana", "Ben, kan du tage den workshop med kunden?"), ("ben", "Ja, det kan jeg godt.")],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_a_dated_order_to_everyone_in_the_present_is_the_teams_task() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "internal"}
    for order, due in (
        ("Alle lægger deres mødenoter ind i CRM inden torsdag.", "2026-10-08"),
        ("Så hver af jer ringer til to gamle kunder senest fredag.", "2026-10-09"),
        ("okay så alle retter deres kontaktlister til inden torsdag", "2026-10-08"),
    ):
        items = rule_items([("ana", order), ("ben", "Okay.")], language="da", people=people)
        assert summary(items) == [("team:internal", due)], (order, items)


def test_everyone_in_the_present_without_a_date_is_how_things_are() -> None:
    for said in ("Alle bruger appen på lageret.", "Hver af jer sender normalt rapporten selv."):
        assert rule_items([("ana", said), ("ben", "Ja.")], language="da") == [], said


def test_getting_someone_to_do_the_work_is_the_speakers_task_with_or_without_a_date() -> None:
    for said, due in (
        ("Jeg får Rikke fra økonomi til at sende jer fakturakopierne.", None),
        ("De to gamle scannere, dem får jeg lageret til at pakke ned på fredag.", "2026-10-09"),
    ):
        items = rule_items([("ana", said), ("cy", "Tak.")], language="da")
        assert summary(items) == [("ana", due)], (said, items)
        assert items[0].text.startswith("Få "), items


def test_getting_the_urge_or_leave_to_do_something_is_no_task() -> None:
    for said in ("Jeg får tit lyst til at ringe til dem.", "Jeg får lov til at bruge lokalet."):
        assert rule_items([("ana", said), ("cy", "Nå.")], language="da") == [], said


def test_an_order_to_all_run_into_the_sentence_before_is_still_read() -> None:
    # a speech recogniser's sentence: no full stop before "i skal alle sammen"
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "internal"}
    said = "okay og så kunderne i skal alle sammen have ringet til jeres kunder inden fredag"
    items = rule_items([("ana", said), ("ben", "ja")], language="da", people=people)
    assert summary(items) == [("team:internal", "2026-10-09")], items
    what = "det er noget i skal alle sammen kende til"
    assert rule_items([("ana", what), ("ben", "ja")], language="da", people=people) == []


def test_a_no_to_someone_elses_question_does_not_turn_down_the_order_before_it() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "internal"}
    turns = [
        ("ana", "I skal alle sammen have opdateret jeres kontakter i CRM inden fredag."),
        ("ben", "Kan du ikke tage messen i Odense, Cy?"),
        ("cy", "Nej, den uge er jeg på ferie."),
    ]
    items = rule_items(turns, language="da", people=people)
    assert summary(items) == [("team:internal", "2026-10-09")], items


def test_nothing_you_need_to_do_is_no_order() -> None:
    said = "Det er ikke noget, I skal gøre noget ved."
    assert rule_items([("ana", said), ("ben", "Godt.")], language="da") == []


# ---- a yes with its own verb to a wish or a question: "Det regner jeg på" -------------------


def test_a_yes_that_looks_into_what_was_raised_is_a_promise() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "cy": "external"}
    for turns in (
        [("cy", "Jeg vil gerne se en beregning på strømforbruget."), ("ana", "Det regner jeg på.")],
        [
            ("cy", "Vi vil gerne have et overslag på flytningen."),
            ("ana", "Det kigger jeg på."),
        ],
    ):
        items = items_of(turns, people=people, language="da")
        assert summary(items) == [("ana", None)], (turns, items)
        assert turns[1][1] in items[0].quote, (turns, items)
    # Going on with a promise of its own, the cues read the sentence as before.
    items = items_of(
        [
            ("cy", "Appen logger os ud hver morgen."),
            ("ana", "Det kigger jeg på, og jeg skriver til dig, når jeg ved mere."),
        ],
        people=people,
        language="da",
    )
    assert [item.owner for item in items] == ["ana"]


def test_a_wish_to_know_or_for_the_thing_is_taken_on_by_a_fronted_yes() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "cy": "external"}
    items = items_of(
        [
            ("cy", "Så vil jeg gerne vide, hvor meget vi sparer med to års binding."),
            ("ana", "Det tager jeg med til min chef og vender tilbage med et svar."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", None)]
    items = items_of(
        [
            ("cy", "I would like to see the figures for the Aalborg warehouse."),
            ("ana", "Den laver jeg."),
        ],
        people=people,
    )
    assert summary(items) == [("ana", None)]
    assert items[0].quote == "Den laver jeg."


def test_a_thing_raised_and_taken_to_someone_is_a_promise() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "cy": "external"}
    for said in (
        "Det forstår jeg. Den tager jeg med til vores økonomichef.",
        "Det tager jeg med i referatet.",
    ):
        items = items_of(
            [("cy", "Vi kan højst gå op med tre procent i år."), ("ana", said)],
            people=people,
            language="da",
        )
        assert summary(items) == [("ana", None)], (said, items)
        assert said.split(". ")[-1] in items[0].quote


def test_recording_and_reporting_are_danish_work_verbs() -> None:
    for said, due, text in (
        ("Så anmelder jeg skaden til forsikringen i morgen.", "2026-10-07", "Anmeld skaden"),
        ("Så optager jeg en kort gennemgang af rapporten til jer.", None, "Optag en kort"),
        ("Jeg anmelder bruddet til Datatilsynet på fredag.", "2026-10-09", "Anmeld bruddet"),
    ):
        items = rule_items([("ana", said)], language="da")
        assert summary(items) == [("ana", due)], said
        assert items[0].text.startswith(text), items[0].text


# ---- "I" (you, several): not a repeat of "i" (in) -----------------------------------------


def test_det_har_i_i_morgen_is_a_hand_over_not_a_repeated_word() -> None:
    # "I i" is "you in", two words: read as one stutter it loses the date.
    items = rule_items(
        [
            ("ana", "Kan vi få referatet fra workshoppen?"),
            ("ben", "Det har I i morgen, når jeg har renskrevet det."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")], items


def test_i_faar_a_thing_by_a_date_is_the_speakers_promise_to_several() -> None:
    items = rule_items(
        [("ben", "Jeg skal lige tale med lageret først, men I får en opgørelse inden fredag.")],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")], items
    items = rule_items([("ben", "I får en opgørelse inden fredag.")], language="da")
    assert summary(items) == [("ben", "2026-10-09")], items
    assert items[0].text.startswith("Send en opgørelse"), items
    # without a date it is no promise ("I får en mail fra systemet")
    assert rule_items([("ben", "I får en mail fra systemet.")], language="da") == []


# ---- everyone told to do work --------------------------------------------------------------


def test_hver_af_jer_skal_is_an_order_to_everyone() -> None:
    items = rule_items(
        [("ana", "Hver af jer skal skrive to spørgsmål til workshoppen inden fredag.")],
        language="da",
    )
    assert [(i.owner, str(i.due)) for i in items] == [("team", "2026-10-09")], items


def test_alle_skal_have_their_thing_in_a_place_by_a_date_is_work() -> None:
    # "have … i arket": the participle ("lagt", "sat") left out, as spoken Danish does.
    items = rule_items(
        [("ana", "Alle skal have deres timer i regnearket inden fredag.")], language="da"
    )
    assert [(i.owner, str(i.due)) for i in items] == [("team", "2026-10-09")], items
    assert items[0].text.startswith("Få deres timer i regnearket"), items
    # undated it is how things should be, not work handed out
    assert rule_items([("ana", "Alle skal have deres timer i regnearket.")], language="da") == []


def test_den_har_i_asked_of_a_colleague_is_no_promise_of_the_speaker() -> None:
    items = rule_items(
        [("ana", "Den har I i morgen, ikke, Bo?")],
        language="da",
    )
    assert all(i.owner != "ana" for i in items), items
