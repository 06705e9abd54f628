"""A battery of date phrases as Danish and English business speakers say them, each in a short
sentence, with the due date it means under the labelling conventions (see the docstring of
`assistant.intelligence.dates`). Written from knowledge of both languages, not from any
labelled meeting. Read as action items are: ``weeks=False``."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.intelligence.dates import resolve_due_date

WED = dt.date(2026, 11, 25)  # Thu 26, Fri 27, Mon 30 Nov; Tue 1, Wed 2, Thu 3, Fri 4 Dec
TUE = dt.date(2026, 10, 6)  # Wed 7, Thu 8, Fri 9, Mon 12, Wed 14 Oct
FRI = dt.date(2026, 12, 4)  # Sat 5, Mon 7, Wed 9, Fri 11 Dec
MON = dt.date(2026, 9, 14)  # Tue 15, Fri 18 Sep

ENGLISH: list[tuple[str, dt.date, str | None]] = [
    # weekdays: the next such day strictly after the meeting
    ("I'll send the deck on Friday.", WED, "2026-11-27"),
    ("I'll send the deck Friday.", WED, "2026-11-27"),
    ("I'll get it to you by Friday.", WED, "2026-11-27"),
    ("I'll have it ready this Friday.", WED, "2026-11-27"),
    ("We'll send the contract this coming Monday.", WED, "2026-11-30"),
    ("I'll call him next Monday.", WED, "2026-11-30"),
    ("I'll call him on Wednesday.", WED, "2026-12-02"),
    ("I'll send it by next Wednesday.", FRI, "2026-12-09"),
    ("Let me send it over Monday morning.", WED, "2026-11-30"),
    ("I'll confirm by Monday at the latest.", WED, "2026-11-30"),
    ("I'll send it no later than Thursday.", WED, "2026-11-26"),
    ("I'll send it Thursday at the latest.", WED, "2026-11-26"),
    ("I'll send the report Thursday the 3rd.", WED, "2026-12-03"),
    ("I'll get the quote over by Friday the 27th.", WED, "2026-11-27"),
    ("I'll send it Friday this week.", WED, "2026-11-27"),
    ("I'll send it on Monday the 30th.", WED, "2026-11-30"),
    ("I'll send it by Tuesday next week.", WED, "2026-12-01"),
    ("I'll send it next week, probably Tuesday.", WED, "2026-12-01"),
    ("I'll send it next week Tuesday.", WED, "2026-12-01"),
    ("I'll get it to you on Wednesday next week.", TUE, "2026-10-14"),
    # a week on from a day
    ("I'll have it done by Friday week.", WED, "2026-12-04"),
    ("I'll send it a week from Friday.", WED, "2026-12-04"),
    ("I'll have it for you Monday week.", WED, "2026-12-07"),
    ("I'll have the revised quote by this time next week.", WED, "2026-12-02"),
    # first thing, hours of a day
    ("I'll chase legal first thing Monday.", WED, "2026-11-30"),
    ("I'll do it first thing tomorrow.", WED, "2026-11-26"),
    ("I'll ping you first thing in the morning.", WED, "2026-11-26"),
    ("I'll have the numbers by tomorrow morning.", WED, "2026-11-26"),
    ("I'll call them tomorrow.", FRI, "2026-12-05"),
    ("I'll get it to you by the day after tomorrow.", WED, "2026-11-27"),
    ("I'll have it done by tomorrow lunchtime.", WED, "2026-11-26"),
    ("I'll send it before lunch tomorrow.", WED, "2026-11-26"),
    ("I'll do it by 3 pm tomorrow.", WED, "2026-11-26"),
    ("I'll send it by noon on Friday.", WED, "2026-11-27"),
    ("I'll send it by EOD.", WED, "2026-11-25"),
    ("I'll send it by the end of today.", WED, "2026-11-25"),
    ("I'll send it by Monday COB.", WED, "2026-11-30"),
    ("I'll send it end of play Friday.", WED, "2026-11-27"),
    ("I'll send it first thing next week.", WED, None),
    ("I'll send it by tomorrow.", WED, "2026-11-26"),
    ("I'll send it tomorrow at the latest.", WED, "2026-11-26"),
    ("I'll get back to you within the hour.", WED, "2026-11-25"),
    ("I'll send it over in half an hour.", WED, "2026-11-25"),
    ("I'll get back to you by close of business.", WED, "2026-11-25"),
    ("You'll have it by COB Friday.", WED, "2026-11-27"),
    ("I'll have it done by end of day Thursday.", WED, "2026-11-26"),
    ("I'll send it Thursday EOD.", WED, "2026-11-26"),
    ("I'll have it over by close of play tomorrow.", WED, "2026-11-26"),
    ("I'll sort it out tonight.", WED, "2026-11-25"),
    ("I'll finish it later today.", WED, "2026-11-25"),
    ("I'll send it right after this call.", WED, "2026-11-25"),
    # the week, the weekend
    ("I'll update the forecast later this week.", WED, "2026-11-27"),
    ("I'll send it by the end of the week.", MON, "2026-09-18"),
    ("I'll send it at the end of the week.", FRI, "2026-12-04"),
    ("I'll get it done before the weekend.", WED, "2026-11-27"),
    ("I'll finish the draft by the weekend.", WED, "2026-11-27"),
    ("I'll read through it over the weekend.", WED, "2026-11-29"),
    ("I'll read through it during the weekend.", WED, None),
    ("I'll have a look at it this weekend.", WED, None),
    ("I'll send the invoice by the end of next week.", WED, "2026-12-04"),
    ("I'll send it next week.", WED, None),
    ("I'll send the plan for next week by Friday.", WED, "2026-11-27"),
    ("I'll send the figures for this month by Friday.", WED, "2026-11-27"),
    ("I'll send the sales numbers for this week by Monday.", WED, "2026-11-30"),
    ("I'll finish it early next week.", WED, None),
    ("I'll ship it in week 49.", WED, None),
    ("I sent it last Friday, I'll chase them tomorrow.", WED, "2026-11-26"),
    # months, quarters, the year
    ("I'll finish the audit by the end of the month.", WED, "2026-11-30"),
    ("I'll pay it on the last working day of the month.", WED, "2026-11-30"),
    ("It goes out on the last Friday of the month.", WED, "2026-11-27"),
    ("I'll send it by January the 5th.", WED, "2027-01-05"),
    ("ill send it by the thirty first", FRI, "2026-12-31"),
    ("I'll send it by three pm.", WED, "2026-11-25"),
    ("We'll close it by the end of next month.", WED, "2026-12-31"),
    ("We need it signed by the end of the quarter.", MON, "2026-09-30"),
    ("We'll have it live by end of Q1.", WED, "2027-03-31"),
    ("I'll wrap it up by the end of the year.", WED, "2026-12-31"),
    ("I'll have it done by the end of January.", WED, "2027-01-31"),
    ("I'll send it by mid-December.", WED, "2026-12-15"),
    ("I'll send it by month-end.", WED, "2026-11-30"),
    ("I'll send it by the first week of December.", WED, None),
    ("I'll send it by the 5th of January.", WED, "2027-01-05"),
    ("I'll send it mid December.", WED, "2026-12-15"),
    ("We'll have it live by the end of Q4.", WED, "2026-12-31"),
    ("I'll send it by the 15th of next month.", TUE, "2026-11-15"),
    ("I'll send it next month.", WED, None),
    ("We'll pick this up in the new year.", WED, None),
    ("I'll follow up after the holidays.", WED, None),
    ("I'll send it before Christmas.", TUE, "2026-12-24"),
    ("I'll send it this side of Christmas.", TUE, "2026-12-24"),
    ("I'll send it by New Year's Eve.", WED, "2026-12-31"),
    # calendar dates
    ("I'll send it by Dec 3.", WED, "2026-12-03"),
    ("I'll send it by 3 December.", WED, "2026-12-03"),
    ("I'll send it by December 3rd.", WED, "2026-12-03"),
    ("I'll send it on the 3rd.", WED, "2026-12-03"),
    ("I'll have it to you by the fifth.", WED, "2026-12-05"),
    ("I'll send it by the twelfth of January.", WED, "2027-01-12"),
    ("Can you send the logs by the 30th?", FRI, "2026-12-30"),
    ("I'll send it by 12/3.", WED, "2027-03-12"),
    ("I'll send it by 1/12.", WED, "2026-12-01"),
    ("I'll send it by the first of December.", WED, "2026-12-01"),
    ("I'll send it by the 1st.", FRI, "2027-01-01"),
    # counted days and weeks
    ("I'll send it in two weeks.", WED, "2026-12-09"),
    ("I'll send it in a fortnight.", WED, "2026-12-09"),
    ("I'll send it within the next two weeks.", WED, "2026-12-09"),
    ("I'll get back to you within a week.", WED, "2026-12-02"),
    ("I'll get back to you within the next week.", WED, "2026-12-02"),
    ("I'll send it within the week.", WED, "2026-11-27"),
    ("I'll circle back with legal by Tuesday COB.", WED, "2026-12-01"),
    ("I'll send it in a week's time.", WED, "2026-12-02"),
    ("I'll have a draft in ten days.", WED, "2026-12-05"),
    ("I'll send it in a couple of days.", WED, None),
    ("I'll follow up over the next few days.", WED, None),
    ("I'll send it within 48 hours.", WED, "2026-11-27"),
    ("I'll fix it within two hours.", WED, "2026-11-25"),
    ("I'll send it the next business day.", FRI, "2026-12-07"),
    ("I'll send it within two business days.", FRI, "2026-12-08"),
    ("I'll send it by close of business on Friday.", WED, "2026-11-27"),
    ("I'll send it sometime this week.", WED, "2026-11-27"),
    ("I'll follow up in a few days.", WED, None),
    # corrected, negated, the day of an event
    ("I'll send it on Thursday, sorry, Friday.", WED, "2026-11-27"),
    ("I'll send it on Thursday, no, make it Friday.", WED, "2026-11-27"),
    # the day said instead: past a hesitation, a hedge, a sentence end and the reason
    (
        "I'll send the figures Monday. Oh, no, Monday I'm in Leeds all day, so Wednesday.",
        WED,
        "2026-12-02",
    ),
    ("Tuesday, I think. No wait, Thursday is better, I'm off on Tuesday.", WED, "2026-11-26"),
    ("FRIDAY UM ACTUALLY CAN WE SAY TUESDAY THE AUDIT ISN'T DONE BY THEN", WED, "2026-12-01"),
    (
        "I'll have the contract back Monday. Actually no, legal are closed Monday. Say Tuesday.",
        WED,
        "2026-12-01",
    ),
    ("You'll have the draft, let's say Thursday.", WED, "2026-11-26"),
    ("Shall we say Thursday?", WED, None),
    ("I'll book the two sessions. The first session could be on Monday.", WED, None),
    ("I can send it, just not on Friday.", WED, None),
    ("Friday doesn't work for me, so I'll send it Monday.", WED, "2026-11-30"),
    ("I'll send it not later than Friday.", WED, "2026-11-27"),
    ("I'll do it, but it won't be before Friday.", WED, "2026-11-27"),
    ("I can't get to it today, but I'll send it tomorrow.", WED, "2026-11-26"),
    ("I'll send it as soon as possible.", WED, None),
    ("I'll send an invite for the kickoff on the 10th.", WED, None),
    ("I'll send a calendar invite for Thursday afternoon.", WED, None),
    ("I'll raise it at Thursday's meeting.", WED, None),
    ("I'll set up a demo for next Tuesday.", WED, None),
    ("I'll send you the agenda before our call on Monday.", WED, "2026-11-30"),
    ("I'll have the slides ready for the call on Monday.", WED, "2026-11-30"),
    ("I'll send it before we speak on Monday.", WED, "2026-11-30"),
    # recogniser text: lower case without punctuation, upper case with fillers
    ("ill send it over by end of day tomorrow", WED, "2026-11-26"),
    ("ill get the numbers to you by the fifteenth", WED, "2026-12-15"),
    ("yeah ill do that on thursday no sorry friday", WED, "2026-11-27"),
    ("I'LL SEND IT BY FRIDAY", WED, "2026-11-27"),
    ("WE NEED IT BY THE END OF THE UH MONTH", WED, "2026-11-30"),
    ("WE'LL HAVE IT DONE BY UM THE END OF THE WEEK", WED, "2026-11-27"),
    ("I'LL EMAIL THEM FIRST THING TOMORROW", WED, "2026-11-26"),
    ("ill have it to you first thing monday", WED, "2026-11-30"),
    ("ill send it over in a couple of days", WED, None),
    ("ok ill get that done by the end of next week", WED, "2026-12-04"),
]

DANISH: list[tuple[str, dt.date, str | None]] = [
    # ugedage
    ("Jeg sender tilbuddet på fredag.", WED, "2026-11-27"),
    ("Jeg sender det fredag.", WED, "2026-11-27"),
    ("Du har det inden fredag.", WED, "2026-11-27"),
    ("Jeg sender det senest fredag.", WED, "2026-11-27"),
    ("Jeg sender det fredag senest.", WED, "2026-11-27"),
    ("Jeg sender det til på fredag.", WED, "2026-11-27"),
    ("Jeg sender det fredag eftermiddag.", WED, "2026-11-27"),
    ("Jeg sender den førstkommende fredag.", WED, "2026-11-27"),
    ("Jeg sender den kommende fredag.", WED, "2026-11-27"),
    ("Jeg ringer til dem næste mandag.", WED, "2026-11-30"),
    ("Jeg sender det på onsdag.", WED, "2026-12-02"),
    ("Jeg sender det på fredag.", FRI, "2026-12-11"),
    ("Jeg har et udkast klar til mandag.", FRI, "2026-12-07"),
    ("Jeg ringer til dem onsdag i næste uge.", TUE, "2026-10-14"),
    ("Jeg har det klar torsdag i næste uge.", WED, "2026-12-03"),
    ("Jeg ringer til dem på mandag i næste uge.", FRI, "2026-12-07"),
    ("Jeg sender den på mandag om en uge.", WED, "2026-12-07"),
    ("Jeg vender tilbage i dag om en uge.", WED, "2026-12-02"),
    ("Jeg sender det tirsdag d. 1. december.", WED, "2026-12-01"),
    ("Jeg har det klar senest torsdag den 3.", WED, "2026-12-03"),
    ("Jeg sender det fredag i denne uge.", WED, "2026-11-27"),
    ("Jeg sender det i næste uge på tirsdag.", WED, "2026-12-01"),
    ("Jeg sender den i næste uge, nok tirsdag.", WED, "2026-12-01"),
    ("Vi leverer i uge 50, lad os sige onsdag.", WED, "2026-12-09"),
    # dage og tider på dagen
    ("Jeg sender det i overmorgen.", WED, "2026-11-27"),
    ("Jeg sender det i morgen tidlig.", WED, "2026-11-26"),
    ("Jeg ringer i morgen formiddag.", WED, "2026-11-26"),
    ("Jeg ringer til ham i morgen eftermiddag.", WED, "2026-11-26"),
    ("Jeg sender det i morgen.", FRI, "2026-12-05"),
    ("Jeg ringer til dem allerede i morgen.", WED, "2026-11-26"),
    ("Jeg sender det senest i morgen.", WED, "2026-11-26"),
    ("Jeg sender det senest i overmorgen.", WED, "2026-11-27"),
    ("Jeg sender det i morgen, nej i overmorgen.", WED, "2026-11-27"),
    ("Jeg vender tilbage inden for en time.", WED, "2026-11-25"),
    ("Jeg sender det hurtigst muligt.", WED, None),
    ("Jeg kigger på det i aften.", WED, "2026-11-25"),
    ("Jeg sender det inden fyraften.", WED, "2026-11-25"),
    ("Jeg sender det inden fyraften i morgen.", WED, "2026-11-26"),
    ("Jeg sender det i morgen inden frokost.", WED, "2026-11-26"),
    ("Jeg sender det efter frokost i morgen.", WED, "2026-11-26"),
    ("Jeg sender det senest kl. 12 i morgen.", WED, "2026-11-26"),
    ("Jeg sender det til mandag kl. 10.", WED, "2026-11-30"),
    ("Jeg sender det inden frokost i morgen.", WED, "2026-11-26"),
    ("Jeg sender det inden kl. 12 på fredag.", WED, "2026-11-27"),
    ("Jeg sender kontrakten i løbet af dagen.", WED, "2026-11-25"),
    ("Jeg sender kontrakten sidst på dagen.", WED, "2026-11-25"),
    ("Jeg sender kontrakten inden dagen er omme.", WED, "2026-11-25"),
    ("Jeg sender fakturaen i løbet af i dag.", WED, "2026-11-25"),
    ("Jeg sender fakturaen i løbet af eftermiddagen.", WED, "2026-11-25"),
    # ugen og weekenden
    ("Jeg sender kontrakten i løbet af ugen.", WED, "2026-11-27"),
    ("Jeg sender kontrakten senere på ugen.", WED, "2026-11-27"),
    ("Jeg sender kontrakten sidst på ugen.", WED, "2026-11-27"),
    ("Jeg sender kontrakten i løbet af næste uge.", WED, None),
    ("Jeg sender det i denne uge.", WED, "2026-11-27"),
    ("Jeg sender det inden udgangen af ugen.", WED, "2026-11-27"),
    ("Jeg sender den inden weekenden.", WED, "2026-11-27"),
    ("Jeg giver besked inden weekend.", WED, "2026-11-27"),
    ("Jeg kigger på det i weekenden.", WED, None),
    ("Jeg gennemgår det over weekenden.", WED, "2026-11-29"),
    ("Jeg sender det efter weekenden.", WED, None),
    ("Jeg sender det i næste uge.", WED, None),
    ("Jeg sender planen for næste uge inden fredag.", WED, "2026-11-27"),
    ("Jeg sender tallene for december senest den 3.", WED, "2026-12-03"),
    ("Jeg sender det først i næste uge.", WED, None),
    ("Jeg sender det inden udgangen af næste uge.", WED, "2026-12-04"),
    ("Jeg leverer i uge 49.", WED, None),
    ("Jeg leverer i uge niogfyrre.", WED, None),
    ("Jeg sendte den forrige fredag, så jeg rykker dem i morgen.", WED, "2026-11-26"),
    # talte dage og uger
    ("Jeg sender det om en uge.", WED, "2026-12-02"),
    ("Jeg sender det om en uges tid.", WED, "2026-12-02"),
    ("Jeg sender det inden for en uge.", WED, "2026-12-02"),
    ("Jeg sender det inden for den næste uges tid.", WED, "2026-12-02"),
    ("Jeg sender det tirsdag inden fyraften.", WED, "2026-12-01"),
    ("Jeg sender det om 14 dage.", WED, "2026-12-09"),
    ("Jeg sender det om fjorten dage.", WED, "2026-12-09"),
    ("Jeg sender det inden for 14 dage.", WED, "2026-12-09"),
    ("Jeg sender det om to uger.", WED, "2026-12-09"),
    ("Jeg sender det om tre uger.", WED, "2026-12-16"),
    ("Jeg sender det om ti dage.", WED, "2026-12-05"),
    ("Jeg sender det om et par dage.", WED, None),
    ("Jeg følger op i løbet af de kommende dage.", WED, None),
    ("Jeg sender det inden for 48 timer.", WED, "2026-11-27"),
    ("Jeg sender det inden for to arbejdsdage.", FRI, "2026-12-08"),
    ("Jeg sender det næste hverdag.", FRI, "2026-12-07"),
    ("Jeg vender tilbage om nogle dage.", WED, None),
    ("Jeg sender det inden for de næste par dage.", WED, None),
    # måneden, året, ultimo, primo, medio
    ("Jeg sender det inden udgangen af måneden.", WED, "2026-11-30"),
    ("Jeg sender det i løbet af måneden.", WED, "2026-11-30"),
    ("Lønnen går ud den sidste hverdag i måneden.", MON, "2026-09-30"),
    ("Jeg sender det senest den sidste dag i måneden.", TUE, "2026-10-31"),
    ("Jeg sender det sidste fredag i måneden.", FRI, "2026-12-25"),
    ("Jeg sender det inden måneden er omme.", WED, "2026-11-30"),
    ("Jeg sender det ved udgangen af måneden.", WED, "2026-11-30"),
    ("Vi skal have det på plads inden året er omme.", WED, "2026-12-31"),
    ("Jeg sender det inden udgangen af næste måned.", WED, "2026-12-31"),
    ("Vi skal have det på plads inden udgangen af året.", WED, "2026-12-31"),
    ("Vi skal have det på plads inden årsskiftet.", WED, "2026-12-31"),
    ("Vi lukker det inden nytår.", WED, "2026-12-31"),
    ("Vi leverer ultimo december.", WED, "2026-12-31"),
    ("Vi leverer ultimo måneden.", WED, "2026-11-30"),
    ("Vi leverer medio januar.", WED, "2027-01-15"),
    ("Vi leverer primo januar.", WED, None),
    ("Vi leverer sidst i december.", WED, "2026-12-31"),
    ("Vi leverer først i december.", WED, None),
    ("Vi leverer i midten af december.", WED, None),
    ("Vi leverer inden midten af december.", WED, "2026-12-15"),
    ("Vi leverer inden udgangen af kvartalet.", MON, "2026-09-30"),
    ("Jeg sender det inden den første i næste måned.", TUE, "2026-11-01"),
    ("Jeg sender det den 10. i næste måned.", TUE, "2026-11-10"),
    ("Jeg sender det i næste måned.", WED, None),
    ("Jeg kigger på det i det nye år.", WED, None),
    # jul
    ("Jeg sender det inden jul.", TUE, "2026-12-24"),
    ("Jeg sender det før jul.", TUE, "2026-12-24"),
    ("Jeg tager fat på det efter jul.", TUE, None),
    ("Jeg laver det mellem jul og nytår.", TUE, None),
    # datoer
    ("Jeg sender det den 3.", WED, "2026-12-03"),
    ("Jeg sender det inden d. 15.", WED, "2026-12-15"),
    ("Jeg sender det inden den 20.", FRI, "2026-12-20"),
    ("Jeg sender det senest d. 3/12.", WED, "2026-12-03"),
    ("Jeg sender det inden 3/12.", WED, "2026-12-03"),
    ("Jeg sender det den 12/3.", WED, "2027-03-12"),
    ("Jeg sender det den 3. december.", WED, "2026-12-03"),
    ("Jeg sender det inden den tredje.", WED, "2026-12-03"),
    ("Jeg sender det senest den femtende december.", WED, "2026-12-15"),
    ("Jeg sender det til den første.", WED, "2026-12-01"),
    ("Jeg sender det til d. 10. dec.", WED, "2026-12-10"),
    ("Jeg sender det den 1. januar.", WED, "2027-01-01"),
    ("Jeg sender det mandag d. 30/11.", WED, "2026-11-30"),
    # rettet, nægtet, et mødes tidspunkt
    ("Jeg sender det på torsdag, nej fredag.", WED, "2026-11-27"),
    ("Jeg sender det på torsdag – hov, nej, fredag.", WED, "2026-11-27"),
    ("Onsdag. Nej vent, onsdag er jeg til konference, lad os sige torsdag.", WED, "2026-11-26"),
    ("Mandag, nej, vent, jeg er på kursus mandag. Tirsdag.", WED, "2026-12-01"),
    ("jeg ringer til dem på mandag nej lad os sige tirsdag", WED, "2026-12-01"),
    ("Du har den, øh, lad os sige på fredag.", WED, "2026-11-27"),
    ("Jeg sender det fredag. Nej, hun har fri på fredag, så det bliver mandag.", WED, "2026-11-30"),
    ("Så er hjemmesiden klar den tiende.", WED, "2026-12-10"),
    ("Jeg booker kurset. Den første dag kunne være den 14.", WED, None),
    ("Jeg kan godt sende det, bare ikke på fredag.", WED, None),
    ("Fredag passer ikke, så jeg sender den mandag.", WED, "2026-11-30"),
    ("Jeg sender det ikke senere end torsdag.", WED, "2026-11-26"),
    ("Jeg når det ikke i dag, men jeg sender det i morgen.", WED, "2026-11-26"),
    ("Jeg inviterer jer til workshoppen på torsdag.", WED, None),
    ("Jeg sender en invitation til onsdag eftermiddag.", WED, None),
    ("Jeg tager det op på ledergruppemødet på torsdag.", WED, None),
    ("Jeg booker et møde med jeres IT-chef på torsdag.", WED, None),
    ("Jeg sender oplægget inden mødet på tirsdag.", WED, "2026-12-01"),
    ("Jeg har det klar til mødet på torsdag.", WED, "2026-11-26"),
    ("Jeg sender det, inden vi ses på torsdag.", WED, "2026-11-26"),
    # talegenkendelse: små bogstaver uden tegn, store bogstaver med fyldord
    ("jeg sender den inden den femtende", WED, "2026-12-15"),
    ("jeg sender den den femtende", WED, "2026-12-15"),
    ("jeg sender det inden kl tolv", WED, "2026-11-25"),
    ("ja det gør jeg i morgen", WED, "2026-11-26"),
    ("jeg sender det på torsdag nej fredag", WED, "2026-11-27"),
    ("det har du senest mandag", WED, "2026-11-30"),
    ("jeg sender det om fjorten dage", WED, "2026-12-09"),
    ("ØH DEN HAR DU SENEST MANDAG", WED, "2026-11-30"),
    ("JEG RINGER TIL DEM PÅ TORSDAG NEJ FREDAG", WED, "2026-11-27"),
    ("JEG SENDER DET ØH I OVERMORGEN", WED, "2026-11-27"),
    ("VI LEVERER INDEN UDGANGEN AF MÅNEDEN", WED, "2026-11-30"),
    ("VI LEVERER INDEN UDGANGEN AF ØH MÅNEDEN", WED, "2026-11-30"),
    ("JEG RINGER ØHM I MORGEN TIDLIG", WED, "2026-11-26"),
    # "ugen efter": the week after this one (a week without a day), not this week's Friday
    ("Oversigten får I i løbet af ugen efter.", WED, None),
    ("Vi kigger på det i ugen efter.", WED, None),
    ("Jeg har tilbuddet klar i løbet af ugen efter messen.", WED, None),
    ("Jeg sender dem i slutningen af ugen efter.", WED, "2026-12-04"),
    ("I can only look at it the week after.", WED, None),
    # the day of an event set up, not a deadline (as "et møde på torsdag")
    ("Jeg indkalder til en workshop den 3. december.", WED, None),
    ("I'll book the webinar for December 3rd.", WED, None),
    ("I'll send the workshop agenda by Friday.", WED, "2026-11-27"),
]


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        (
            "I'll send over the signed order form by the end of next week.",
            "I'll send over the signed order form",
        ),
        (
            "We'll have the migration done before the end of the month.",
            "We'll have the migration done",
        ),
        ("I'll wrap up the pilot report at the end of January.", "I'll wrap up the pilot report"),
    ],
)
def test_a_deadline_leaves_no_preposition_behind_in_the_task(sentence: str, task: str) -> None:
    """ "by the end of next week": the phrase found is "end of next week"; "by the" goes with it."""
    said, rest = resolve_due_date(sentence, WED, weeks=False)
    assert said is not None
    assert rest.rstrip(" .") == task


@pytest.mark.parametrize(("sentence", "meeting", "due"), [*ENGLISH, *DANISH])
def test_due_date_of_a_phrase(sentence: str, meeting: dt.date, due: str | None) -> None:
    said, rest = resolve_due_date(sentence, meeting, weeks=False)
    assert said == (None if due is None else dt.date.fromisoformat(due))
    if due is not None:
        assert len(rest) < len(sentence)  # the phrase is taken out of the task's text


def test_a_farewell_names_a_meeting_not_a_deadline() -> None:
    day = dt.date(2026, 10, 6)
    assert resolve_due_date("tak for i dag, vi ses på torsdag", day)[0] is None
    assert resolve_due_date("Thanks everyone, see you on Friday.", day)[0] is None
    assert resolve_due_date("I'll send it Friday, see you Monday", day)[0] == dt.date(2026, 10, 9)


def test_an_invitation_to_a_longer_event_names_the_events_day() -> None:
    day = dt.date(2026, 10, 6)
    for said in (
        "I'll send an invite for a quick walkthrough of the new portal for the site leads on "
        "Thursday.",
        "Jeg sender en invitation til gennemgangen af budgettet, torsdag klokken ni.",
        "Jeg sender en kalenderinvitation til den 22.",
    ):
        assert resolve_due_date(said, day)[0] is None, said
    # the day it is sent is still a deadline
    assert resolve_due_date("I'll send the invitation to the whole team by Friday.", day)[
        0
    ] == dt.date(2026, 10, 9)
