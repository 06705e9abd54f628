"""Danish rules: cues that open a task, what may follow a cue without making one, hedges,
conditions, fillers, and the verbs and questions the other steps look up for Danish."""

from __future__ import annotations

import re

from assistant.intelligence.action_items.rules import _Cue, _cue, _Rules, _words_re

_DA_PRESENT = (
    *("sender", "ringer", "skriver", "tjekker", "checker", "laver", "booker", "opdaterer"),
    *("undersøger", "følger", "tager", "sætter", "kigger", "mailer", "forbereder"),
    *("indkalder", "deler", "finder", "retter", "fikser", "arrangerer", "bestiller"),
    *("snakker", "taler", "kontakter", "beder", "giver", "inviterer", "opretter", "sørger"),
    *("udarbejder", "afklarer", "koordinerer", "planlægger", "reserverer", "samler"),
    *("justerer", "videresender", "uploader", "gennemgår", "melder", "vender", "spørger"),
    *("skaffer", "tilføjer", "lægger", "hiver", "booker", "tegner", "bygger", "køber"),
    *("afleverer", "leverer", "henter", "printer", "udfylder", "underskriver", "godkender"),
    *("ordner", "klarer", "tester", "svarer", "besøger", "rydder", "indsender", "bekræfter"),
    *("tæller", "scanner", "beregner", "sammenligner", "vedhæfter", "flytter", "fjerner"),
    *("rykker", "purrer", "prikker", "skubber", "aftaler", "læser", "opsiger", "hjælper"),
    *("oversætter", "trækker", "sletter", "lukker", "løser", "klargør", "ændrer"),
    *("fornyer", "forlænger", "husker", "minder"),
    # recording, reporting
    *("optager", "anmelder"),
)
_DA_LOAN_VERB = r"\w{3,}(?<!inter)(?<!fung)(?<!foretr)erer"
"""Danish present tense of the loan verbs in -ere ("registrerer", "implementerer", "eskalerer",
"installerer"): a whole class of work verbs, so none has to be listed one by one."""
_DA_PRESENT_RE = "|".join((*_DA_PRESENT, _DA_LOAN_VERB))
_DA_ROLE_VERBS = ("tager sig af", "står for", "har ansvaret for", "har styr på", "leder", "ejer")
"""Verbs that state a standing role ("Karsten tager sig af indkøb"), not a task."""
_DA_FILLER = (
    r"(?:lige |også |godt |bare |hurtigt |så |nok |gerne |selv |straks |sagtens |virkelig "
    r"|selvfølgelig )*"
)

_DA_DONE = _DONE = (
    r"godkendt|afklaret|klar|sendt|lavet|tjekket|underskrevet|bekræftet|på plads|fundet"
    r"|opdateret|rettet|booket|vendt|kørt|afstemt|sat op|bestilt|betalt|ordnet|testet|læst"
    r"|gennemgået|snakket|talt|ryddet op|\w{3,}eret|lagt|lagt ind|svaret|besvaret|skrevet"
    r"|ringet|gjort|fikset|ændret|købt|afleveret|udfyldt|sagt op|opsagt|printet|hentet|lukket"
    r"|løst|bogført|oprettet|slettet|flyttet|fjernet|mailet|delt|aftalt|planlagt|indtastet"
    r"|valgt|skrevet under|ordnet|afsluttet|forlænget|fornyet|oversat|bygget|kigget|undersøgt"
    r"|regnet|samlet|skaffet|indhentet|klaret|fikset"
)
"""What an obligation "have … done" names: participles of work ("vendt", "kørt") and of every
loan verb in -ere ("installeret", "registreret"). Not any word in -t: "have jeres accept" is a
need, not work."""

_DA_OUT = r"ud|igennem"
"""Spoken Danish leaves the participle out after "have … ud/igennem": "Så skal vi have data ud
af det gamle system" (= have it taken out), "have alle igennem kurset" (= have them put
through it)."""

_DA_EVERYONE = r"\b(?:alle(?: sammen)?|allesammen|hver af jer|hver især)"
"""Everyone addressed: "alle", "hver af jer"."""
_DA_WHO_OF_US = r"(?:to|tre|begge|alle sammen|allesammen|alle|internt|selv|hver især)"
"""Who of "vi" is meant: "vi to", "vi alle sammen", "vi internt"."""

_DA = _Rules(
    cues=(
        _cue(
            "commitment",
            rf"jeg (?:skal nok|skal lige|skal|vil gerne|vil|kan godt|kan|må lige|må|"
            rf"må hellere|prøver at|sørger for at|tager mig af at)(?: {_DA_FILLER})?",
            0.85,
        ),
        _cue("commitment", rf"jeg {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.75, verb_follows=True),
        _cue(
            "commitment",
            rf"(?<!\bhvis )(?<!\bnår )(?=(?:{_DA_PRESENT_RE}) jeg\b)",
            0.75,
            verb_follows=True,
        ),
        # "Dem får jeg værkstedet til at montere": getting someone to do it, inverted.
        _cue(
            "commitment",
            r"(?<!\bhvis )(?<!\bnår )(?<=\w )(?=får jeg (?:[\w()-]+ ){1,3}?til at\b)",
            0.75,
            verb_follows=True,
        ),
        # Inverted after a fronted word: "Det skal jeg nok gøre", "I morgen vil jeg ringe".
        _cue(
            "commitment",
            rf"(?<!\bhvis )(?<!\bnår )(?<=\w )(?:skal|vil|kan|må) jeg(?: nok| godt| lige)?"
            rf"(?: {_DA_FILLER})?",
            0.75,
        ),
        _cue("commitment", r"lad mig(?: lige)?", 0.75),
        # "Jeg får lavet et udkast", "Det får jeg gjort i dag": "få" with a participle is
        # work the speaker sees done, read as "have … done" (see `cue_items`).
        _cue(
            "commitment",
            rf"(?:jeg (?P<get_done>får)|(?<=\w )(?P<get_done2>får) jeg)"
            rf"(?= {_DA_FILLER}(?:{_DONE})\b)",
            0.8,
        ),
        # Any verb in the present tense ("jeg bogfører", "jeg indhenter"): a promise only with
        # a date said (checked in `structure`), since it also says how things are done.
        _cue(
            "commitment",
            rf"jeg {_DA_FILLER}(?=[a-zæøå]{{1,}}(?:er|ør|år)\b(?! (?:at|jeg)\b))",
            0.65,
            verb_follows=True,
        ),
        _cue(
            "group",
            # "Vi vil gerne give dem…" is a wish, as "we'd like to give them…" is.
            rf"vi (?:skal nok|skal lige|skal|vil(?! gerne\b| rigtig gerne\b)|kan godt"
            rf"|sørger for at)(?: {_DA_FILLER})?",
            0.65,
        ),
        _cue("group", rf"vi {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.65, verb_follows=True),
        _cue("group", r"lad os(?: lige)?", 0.6),
        _cue(
            "group",
            rf"(?:vi (?P<get_done>får)|(?<=\w )(?P<get_done2>får) vi)"
            rf"(?= {_DA_FILLER}(?:{_DONE})\b)",
            0.65,
        ),
        # "Så skal vi to have et oplæg klar", "vi skal alle sammen her have læst den": the
        # perfect after "skal" names work to have done, by the people named.
        _cue(
            "group",
            rf"(?:(?<=\w )(?:skal|må) vi|vi (?:skal|må))(?P<who> {_DA_WHO_OF_US})?"
            rf"(?: [\w-]+){{0,4}}?(?= have (?:(?:[\w-]+ ){{0,6}}?(?:{_DONE})"
            rf"|(?:[\w-]+ ){{1,6}}?(?:{_DA_OUT}))\b)",
            0.65,
        ),
        _cue("group", rf"(?<=\bså )(?=(?:{_DA_PRESENT_RE}) vi\b)", 0.65, verb_follows=True),
        # The object put first, with a date: "Den lægger vi ud i aften" (without one it is
        # a yes: "Det klarer vi selv", "Den tager vi på mødet").
        _cue(
            "group",
            rf"(?:^|(?<=[,.:] )|(?<=\bog ))(?:(?:ja|jo|okay|nej)[,.]? )?"
            rf"(?P<fronted_group>den|det|dem) "
            rf"(?=(?:{_DA_PRESENT_RE}) vi\b)",
            0.65,
            verb_follows=True,
        ),
        _cue("group", rf"(?:{_DA_EVERYONE}) (?:skal|må)(?: {_DA_FILLER})?", 0.65),
        # "Hver af jer sender invitationen senest den 1.", "alle opdaterer deres forecast inden
        # torsdag": a chair's order to everyone, said in the present; a task when dated
        # (checked in `commitment_form`).
        _cue(
            "group",
            rf"(?:{_DA_EVERYONE})(?: {_DA_FILLER})? (?=(?:{_DA_PRESENT_RE})\b)",
            0.65,
            verb_follows=True,
        ),
        _cue("group", rf"vi kan(?: {_DA_FILLER})?", 0.55),
        # "CRM skal være opdateret inden mandag": a state to reach by a date, for the team.
        _cue(
            "group",
            rf"(?P<passive>(?:(?:den|det|de|alle|vores|jeres)\s+)?[\w-]+) (?:skal|må) være"
            rf"(?= (?:{_DONE})\b)",
            0.6,
        ),
        # "Du får tallene fra mig på mandag": the speaker's promise, not a request.
        _cue("commitment", r"du(?=\s+får\b.*\bfra mig\b)", 0.8),
        # "Du får listen i eftermiddag": handed over by the speaker, when a date says by when.
        _cue(
            "commitment",
            # also to several ("I får tallet inden den 15."; "I" upper case, not "i", in)
            r"(?:^|(?<=[,.] )|(?<=\bmen ))(?:du|(?-i:I))"
            r"(?=\s+får\s+(?!lov\b|ret\b|svar fra\b|det\b|den\b|dem\b))",
            0.75,
        ),
        _cue("commitment", r"(?P<thing>den|det|dem) får (?:du|(?-i:I))", 0.8),
        # "Du får den i morgen": the thing asked for, handed over by a date.
        _cue(
            "commitment",
            # also verb first after "så": "Så får du den i morgen"
            r"(?:^|(?<=[,.] ))(?:(?:og )?så får du|du får) (?P<thing>den|det|dem)"
            r"(?=\s+(?:i morgen|i overmorgen|i dag"
            r"|i aften|i eftermiddag|(?:(?:på|inden|senest|til) )?\w+dag\b"
            r"|(?:(?:inden|senest) )?den \d|om \w+ dage?))",
            0.8,
        ),
        # "Den har du i morgen", "Dem har I inden fredag": handed over by a date.
        _cue(
            "commitment",
            r"(?P<thing>den|det|dem) har (?:du|I)(?=\s+(?:i morgen|i overmorgen|i dag|i aften"
            r"|i eftermiddag|på \w+dag|inden|senest|til \w+dag|om \w+ dage?))",
            0.8,
        ),
        _cue("request", rf"(?:kan|kunne|vil|gider) du(?: ikke)?(?: {_DA_FILLER})?", 0.8),
        # "Kan I sende…": "I" (you, plural) is upper case, unlike "i" (in).
        _Cue(
            "request",
            re.compile(
                rf"(?i:\b(?:kan|kunne|vil|gider) )I(?i:(?: to| tre| begge| alle)?(?: ikke)?"
                rf"(?: {_DA_FILLER})?)\s+"
            ),
            0.75,
        ),
        # Verb first: "Det må du hellere få sagt op", "Den skal du lige sende".
        _cue("request", rf"(?<=\w )(?:skal|må|kan) du(?: hellere| nok)?(?: {_DA_FILLER})?", 0.75),
        _cue("request", r"(?:må jeg bede dig om at|jeg har brug for at du)", 0.8),
        # Asking for a thing: "Kan vi få listen i morgen, Annette?" - the one asked sends it.
        _cue("request", r"(?P<asks_for>(?:kan|kunne|må) (?:vi|jeg) (?:lige |godt )?få)", 0.7),
        # "Jeg vil gerne have, at du laver en liste": a wish that hands work over.
        _cue(
            "request",
            rf"(?:(?:jeg|vi) (?:vil|ville)|(?:vil|ville) (?:jeg|vi)) "
            rf"(?:gerne |godt |rigtig gerne )?have,? at (?:du|I(?: to| tre| begge| alle)?"
            rf"(?: fra [\w-]+)?) "
            rf"{_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)",
            0.8,
            verb_follows=True,
        ),
        _cue("request", rf"(?:husk|sørg for|sørg)(?: {_DA_FILLER})?(?: at)?", 0.75),
        _cue("request", rf"du (?:skal|må) {_DA_FILLER}", 0.7),
        # "I skal genstarte terminalerne": "I" (you, plural) opening a clause; "i skal" (in
        # shall) is no Danish, so upper-case transcripts are read too.
        _cue(
            "request",
            # not "Det er ikke noget, I skal gøre noget ved": nothing to do
            rf"(?:^|(?<=[,.:] )|(?<=\bså )|(?<=\bog )|(?<=\bøh )|(?<=\bøhm ))"
            rf"(?<!\bikke noget, )(?<!\bikke noget )I (?:skal|må)(?: {_DA_FILLER})?",
            0.7,
        ),
        # "…og så messen i skal alle sammen have lagt jeres visitkort ind": an order to all
        # said anywhere in a sentence, as speech recognisers run sentences together.
        _cue(
            "request",
            rf"(?<=\w )I (?:skal|må) (?:alle sammen|allesammen|alle)(?: {_DA_FILLER})?",
            0.7,
        ),
        # Verb first, work to have done: "Men så skal I have valgt butikkerne før jul".
        _Cue(
            "request",
            re.compile(
                rf"(?i:\b(?:skal|må) )I"
                rf"(?= (?:[\w-]+ ){{0,2}}?have (?:[\w-]+ ){{0,6}}?(?:{_DONE})\b)\s+"
            ),
            0.7,
        ),
        _cue("request", rf"du {_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)", 0.7, verb_follows=True),
        # The object put first: "Oskar, den skriver du, ikke?".
        _cue(
            "request",
            rf"(?:^|(?<=[,.:] ))(?P<fronted_group>den|det|dem) (?=(?:{_DA_PRESENT_RE}) du\b)",
            0.7,
            verb_follows=True,
        ),
        # "Kasper og Nadia, I ringer dem op i denne uge": "I" (you, plural) upper case.
        _cue(
            "request",
            rf"(?:^|(?<=[,.:] )|(?<=\bså )|(?<=\bog ))(?-i:I) {_DA_FILLER}"
            rf"(?=(?-i:{_DA_PRESENT_RE})\b)",
            0.7,
            verb_follows=True,
        ),
        # Verb first after "så": "Så tager du den i morgen", "og så ringer du til dem".
        _cue("request", rf"(?<=\bså )(?=(?:{_DA_PRESENT_RE}) du\b)", 0.7, verb_follows=True),
    ),
    non_actions=(
        *("sige", "tro", "mene", "høre", "se", "være", "have", "ikke", "indrømme", "spørge om"),
        *("holde det kort", "gøre det kort", "advare jer", "advare dig"),
        *("spørge jer", "spørge dig", "spørge ind"),
        # putting up with terms: "Det kan jeg leve med", an answer in a negotiation
        *("leve med", "acceptere det", "acceptere den"),
        # the same with a fronted "det" put back: "Det kan jeg leve med", "Det kan jeg godt lide"
        *("leve det med", "leve den med", "lide det", "lide den"),
        # holding back, not work: "Forstået, så venter jeg", "jeg lader som om, jeg ikke hørte det"
        *("holde igen", "holde lidt igen", "lade som om", "vente og se", "afvente", "vente på"),
        # a look at one's own calendar before saying yes to a time: no work
        *("tjekke min kalender", "tjekke kalenderen", "kigge i min kalender", "tjek min kalender"),
        *("vide", "forstå", "dele min skærm", "dele skærmen", "vise", "gå", "smutte"),
        *("gentage", "forklare", "starte", "begynde", "give ordet", "nå det", "komme videre"),
        *("gå videre", "snakke om", "tale om", "gå med", "køre med", "holde med", "lige sige"),
        *("håbe", "love", "lide", "prøve", "tage det", "tage den", "tage ordet", "opsummere"),
        *("runde af", "slutte", "afslutte", "hoppe", "kigge på det her", "præsentere"),
        *("bruge", "nævne", "tilføje at", "sige det sådan", "præcisere", "gå i gang"),
        *("tænke", "overveje", "sove på det", "fundere", "lide", "glæde mig", "forestille"),
        # a decision put off: "Det tager vi stilling til den 15."
        *("tag stilling", "tage stilling", "tag det stilling", "tag den stilling"),
        # moving on to something else: "jeg skal videre til et møde"
        *("videre til", "videre"),
        *("sætte pris på", "følge med", "parkere", "vente med", "finde ud af."),
        # the same with a fronted "det" put back: "Det vil jeg sætte pris på"
        *("sætte det pris på", "finde det ud af."),
        *("det", "den", "de", "at", "en", "et", "selv"),
        # said in the meeting itself: "Jeg kan fortælle, at …", "Det skal jeg hilse og sige",
        # "Det vil jeg holde dig op på"
        *("fortælle at", "fortælle, at", "hilse", "holde dig op på", "holde jer op på"),
        *("holde det dig op på", "holde det jer op på"),
        # taking over the meeting, not work: "Malene tager resten"
        *("tag resten", "tage resten", "tag over", "tage over", "tag den herfra"),
        # the question being asked now, not one to ask someone: "Jeg spørger om prisen"
        *("spørger om", "spørg om"),
        # opening the meeting: "Jeg vil gerne indlede med at takke…"
        *("indlede", "indled", "indleder"),
        # a question left for later: "det finder vi ud af senere"
        *("finde ud af senere", "finde det ud af senere", "finde ud af det senere"),
        *("finder ud af senere", "finder det ud af senere", "finder ud af det senere"),
        *("find ud af senere", "find det ud af senere", "find ud af det senere"),
        *("finde ud af en anden gang", "finde det ud af en anden gang"),
    ),
    request_non_actions=(
        *("høre", "se min", "se skærmen", "se det", "se mig", "se hvad", "huske", "forklare"),
        *("se os", "se den", "se dem"),
        *("gentage", "fortælle", "lide", "vente", "sige"),
        *("give mig et øjeblik", "dele din skærm", "dele skærmen", "uddybe", "beskrive"),
        *("gå tilbage", "tale højere", "slå lyden", "bekræfte at du", "tro", "forstå"),
        *("være", "have", "leve med", "acceptere", "mene", "følge med", "starte", "begynde"),
        # "tage den$": "tag den" alone, not "tage den demo" (a determiner)
        *("tage den$", "sige noget", "præsentere dig", "jeg", "vi", "de", "han", "hun", "det er"),
        # shown or told in the meeting itself: "vil du tage os igennem tallene", "her kan du se, at"
        *("tage os igennem", "tage mig igennem", "vise os", "fortælle os", "se, at", "se at"),
        *("følge med",),
        # shown in the meeting itself: "Kan du vise mig et eksempel?"
        *("vise mig", "vise dem", "vise jer", "vis mig", "vis os", "vis dem"),
        # time asked for: "Giv mig til torsdag", "Giv mig to dage" (the asker's own deadline)
        *("giv mig til", "giv mig indtil", "giv os til", "giv os indtil", "give mig til"),
        *("giv mig en dag", "giv mig et par dage", "giv mig en uge", "giv mig en uges tid"),
        *(
            f"giv {who} {n} {unit}"
            for who in ("mig", "os")
            for n in ("to", "tre", "fire", "fem")
            for unit in ("dage", "uger")
        ),
    ),
    # "vi skal nok snarere kigge på": a preference weighed aloud, not a promise.
    hedges=_words_re(
        *("måske", "eventuelt", "muligvis", "evt", "formentlig", "kunne", "snarere"),
    ),
    conditions=_words_re("hvis", "medmindre", "såfremt", "når vi får"),
    habits=_words_re(
        *("normalt", "altid", "tit", "ofte", "plejer", "nogle gange", "en gang imellem"),
        # "hver måned", "hver gang", not "for hver af dem"
        r"hver(?:t|e)? (?:eneste )?(?:dag|uge|måned|morgen|aften|gang|år|kvartal|mandag|tirsdag"
        r"|onsdag|torsdag|fredag|weekend)",
        # "hver januar og juli", "hver anden uge", "fire gange om året"
        r"hver(?:t|e)? (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober"
        r"|november|december)",
        r"hver(?:t|e)? (?:anden|andet|tredje) (?:dag|uge|måned|år|kvartal)",
        r"(?:en|et|én|to|tre|fire|fem|seks|\d+) gang(?:e)? (?:om|i|pr\.?|hver)"
        r" (?:dagen|ugen|måneden|året|kvartalet|dag|uge|måned|år|kvartal)",
        *("engang imellem", "af og til", "indimellem", "ind imellem"),
    ),
    leading_filler=re.compile(
        r"^(?:(?:lige|også|godt|bare|hurtigt|så|nok|gerne|selv|straks|til at|at|prøve at|sagtens|"
        r"huske at|huske på at|"
        r"virkelig|selvfølgelig|alle sammen|allesammen|alle|desværre|faktisk|jo)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for mig|for os|lige|også|så|ikke|ik'|ik|tak|når du får tid|hvis du kan"
        r"|hvis det er muligt|okay|ok|ikke også|ikke sandt|ja|øh|øhm|gerne))+$",
        re.IGNORECASE,
    ),
    clause_break=re.compile(
        r",\s*(?:og så|og|så|fordi|men|hvis|når|okay|ok|ikke|ja|ellers)\b|;"
        r"|\s+(?:så vi|fordi|så de|ellers)\s+"
        r"|\s+-\s+|\s+–\s+",
        re.IGNORECASE,
    ),
    anaphora=re.compile(
        r"^(?:gør|klar|ordn|tag|sørg for|tag mig af|kig på|følg op på)(?:e)? "
        r"(?:det|den|dem|dét)(?: her)?$"
        # "Det får jeg gjort", read as "få det gjort": a yes to what was just asked
        r"|^få (?:det|den|dem|dét)(?: her)? (?:gjort|ordnet|klaret|fikset|lavet)$",
        re.IGNORECASE,
    ),
    suggestion=re.compile(
        r"\b(?:nogen|vi|du|man)(?: bør| skal| må| burde)(?: lige| også)?\s+(?!bruge\b)"
        r"|\b(?:vi|jeg) (?:mangler|har brug for) (?:nogen|en) (?:til at|der kan)\s+",
        re.IGNORECASE,
    ),
)


_DA_HAVE_DONE = re.compile(
    rf"^have (?:(?P<what>(?:[\w-]+ ){{1,6}}?)(?P<done>{_DONE}|{_DA_OUT})\b"
    rf"|(?P<done_first>{_DONE}) (?P<object>.+))",
    re.IGNORECASE,
)
"""An obligation said with "have … done": "jeg skal have prisen godkendt" = "få prisen godkendt"."""
_DA_ANAPHORIC_ACCEPT = re.compile(
    r"^(?:(?:ja|jo|jep|jeps|okay|fint|super|klart),?\s*)?(?:det|den|dem|dét)"
    r" (?:tager|klarer|ordner|gør) jeg|^(?:(?:ja|jo|jep|jeps|okay),?\s*)?det sørger jeg for"
    # "Jamen det kigger jeg på", "Det regner jeg på": a yes that looks into what was raised
    # (not "Det kigger jeg på, og jeg giver dig besked": a promise the cues read)
    r"|^(?:(?:ja|jo|jamen|okay|fint),?\s*)?(?:det|den|dem) (?:kigger|regner) jeg på\b"
    r"(?!,?\s+og\b)",
    re.IGNORECASE,
)
_DA_OFFER = re.compile(
    r"\b(?:jeg kan(?: godt)?|jeg kunne(?: godt)?|skal jeg|vil du have at jeg)\s+", re.IGNORECASE
)
"""An offer ("I could put together two options") that a "please do" turns into a promise."""
_DA_WHO = re.compile(
    r"^(?:og\s+|så\s+)?hvem (?:skal |vil |kan )?(?:lige )?(?P<task>.+)", re.IGNORECASE
)
"""A "who does X?" question: the one who answers "I will" takes X."""
_DA_IMPERATIVE_VERBS = (
    *("send", "ring", "tjek", "book", "skriv", "læs", "opdater", "spørg", "inviter", "del"),
    *("forbered", "ret", "tilføj", "giv", "find", "lav", "kontakt", "videresend", "mail"),
    *("gennemgå", "kig", "følg op"),
)
_DA_LEADING_VERBS = (
    *_DA_IMPERATIVE_VERBS,
    *("booke", "sende", "sætte", "lave", "skrive", "ringe", "invitere", "forberede", "tage"),
    *("planlægge", "aftale", "finde", "sætte", "indkalde", "spørge", "tjekke"),
)
"""Verbs that make a "let's" / "lad os" a task rather than a move in the meeting."""
_DA_IRREGULAR = {
    **{"går": "gå", "får": "få", "ser": "se", "gør": "gør", "står": "stå"},
    **{"klargør": "klargør", "forgør": "forgør"},
}
