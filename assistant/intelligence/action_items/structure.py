"""Whether a cue's words have the structure of a commitment, whatever the phrase.

Phrase rules tuned meeting by meeting did not carry over to meetings written apart from them: a
cue ("I can", "jeg sender", "could you") is said far more often than a task is taken on. So
every task a cue opens must also have

- **work**: its first word is a verb of concrete work ("send", "book", "tjek", "ring"), not of
  being, knowing, liking or talking in the meeting ("be", "think", "se", "synes"), and it has an
  object or an adverb after it ("send the deck", not a bare "check");
- **a commitment form**, by kind of cue:
  - an offer or ability ("I can", "jeg kan", "kan jeg") commits only when a date is said, when
    it answers someone's question or request, or when the next speaker takes the offer up
    ("yes please", "ja tak"): "I can send you the deck" alone says what is possible;
  - a Danish present tense ("jeg sender", "sender jeg") is a promise only when anchored in time
    (a date, "så"/"lige"/"nok", an answer to a request): "jeg laver fakturaerne" alone says how
    things are done;
  - a question to someone ("could you…?", "kan du…?") hands work over only when answered with
    assent by another speaker: a no, a counter-question, a "maybe" or silence hands nothing.

The rejections the other modules make by phrase (past work, conditions, quotes, the agenda,
work done on the spot) stay where they are; this module only adds what every item must have.
"""

from __future__ import annotations

import re

from assistant.intelligence.action_items.model import _Context, _normal
from assistant.intelligence.dates import find_date

_EN_WORK = (
    *("send", "resend", "email", "e-mail", "mail", "forward", "share", "circulate", "post"),
    *("upload", "prepare", "draft", "redraft", "write", "rewrite", "put", "pull", "compile"),
    *("create", "make", "build", "set", "configure", "install", "deploy", "fix", "patch"),
    *("check", "double-check", "doublecheck", "verify", "confirm", "test", "validate", "review"),
    *("read", "look", "investigate", "dig", "find", "figure", "work", "sort", "clarify", "book"),
    *("schedule", "reschedule", "arrange", "organise", "organize", "plan", "move", "cancel"),
    *("invite", "call", "ring", "phone", "contact", "reach", "follow", "get", "circle", "report"),
    *("ping", "chase", "nudge", "remind", "ask", "tell", "inform", "notify", "let", "update"),
    *("change", "adjust", "edit", "revise", "amend", "correct", "add", "remove", "delete"),
    *("include", "attach", "export", "import", "migrate", "run", "rerun", "escalate", "raise"),
    *("flag", "log", "file", "submit", "sign", "approve", "order", "buy", "purchase", "grab"),
    *("collect", "gather", "fetch", "bring", "print", "scan", "translate", "summarise"),
    *("summarize", "document", "note", "record", "track", "monitor", "measure", "calculate"),
    *("compare", "estimate", "quote", "price", "invoice", "bill", "credit", "refund", "pay"),
    *("renew", "extend", "terminate", "close", "open", "introduce", "connect", "loop", "cc"),
    *("copy", "involve", "talk", "speak", "discuss", "clear", "check", "align", "sync"),
    *("coordinate", "hand", "deliver", "ship", "dispatch", "return", "go", "walk", "demo"),
    *("show", "present", "train", "onboard", "map", "design", "draw", "handle", "take", "deal"),
    *("own", "cover", "lead", "host", "join", "attend", "visit", "meet", "drop", "finish"),
    *("finalise", "finalize", "complete", "wrap", "start", "kick", "reply", "respond", "answer"),
    *("reconcile", "clean", "tidy", "reserve", "block", "hold", "keep", "recommend", "propose"),
    *("suggest", "source", "hire", "recruit", "assign", "allocate", "pass", "relay", "push"),
    *("merge", "release", "publish", "launch", "enable", "disable", "activate", "provision"),
    *("grant", "give", "provide", "supply", "enter", "fill", "register", "apply", "request"),
    *("do", "have", "brief", "float", "pick", "zip", "restore", "escalate", "help", "research"),
    *("sketch", "outline", "list", "set up", "prioritise", "prioritize", "split", "bundle"),
    *("rerun", "resolve", "solve", "reset", "replace", "upgrade", "downgrade", "rollout"),
    *("roll", "benchmark", "analyse", "analyze", "audit", "inspect", "survey", "interview"),
    *("contract", "negotiate", "cost", "budget", "forecast", "draw", "label", "tag", "rename"),
    *("print", "pencil", "slot", "lock", "secure", "double", "draft", "try", "see", "touch"),
    *("come", "bring", "chat", "catch", "sit", "swing", "stop", "loop", "clean", "write"),
)
"""Verbs of work an English task opens with (base form). Open-ended on purpose: the gate keeps
out being, knowing, liking and the meeting's own talk, not unlisted work."""
_EN_NOT_WORK = (
    *("be", "think", "know", "like", "love", "hope", "guess", "believe", "mean", "feel"),
    *("want", "wish", "need", "wonder", "assume", "expect", "suppose", "imagine", "agree"),
    *("understand", "remember", "forget", "stay", "wait", "say", "admit", "bet", "promise"),
    *("suggest", "propose", "recommend"),
)
"""Never work, whatever follows: a suggestion ("I'd suggest you clean the catalogue first",
"I propose Thursday at ten") is made as it is said; the work is whoever takes it up."""
_DA_WORK = (
    *("send", "gensend", "videresend", "mail", "del", "post", "upload", "forbered", "lav"),
    *("skriv", "udarbejd", "opret", "byg", "sæt", "konfigurer", "installer", "ret", "fiks"),
    *("tjek", "check", "dobbelttjek", "kontroller", "verificer", "bekræft", "test", "gennemgå"),
    *("læs", "kig", "se", "undersøg", "find", "afklar", "book", "planlæg", "arranger"),
    *("indkald", "flyt", "aflys", "inviter", "ring", "kontakt", "følg", "vend", "meld", "giv"),
    *("spørg", "hør", "fortæl", "informer", "opdater", "ændr", "juster", "tilføj", "fjern"),
    *("slet", "vedhæft", "eksporter", "importer", "kør", "eskaler", "bestil", "køb", "skaf"),
    *("hent", "saml", "print", "scan", "oversæt", "dokumenter", "noter", "skriv", "beregn"),
    *("sammenlign", "fakturer", "betal", "forny", "forlæng", "opsig", "luk", "åbn", "tal"),
    *("snak", "få", "tag", "hjælp", "sørg", "ordn", "klar", "lever", "aflever", "klargør"),
    *("ryd", "løs", "godkend", "underskriv", "udfyld", "besøg", "svar", "purr", "ryk", "prik"),
    *("skub", "aftal", "træn", "vis", "demo", "indsend", "registrer", "implementer", "bed"),
    *("udpeg", "pres", "gør", "hav", "start", "tæl", "integrer", "lav", "opstil", "beskriv"),
    *("tegn", "udregn", "estimer", "vurder", "analyser", "afstem", "tilpas", "nulstil"),
    *("genstart", "erstat", "opgrader", "rul", "lås", "reserver", "blok", "hold", "husk"),
    *("mind", "skyd", "træk", "markér", "marker", "prioriter", "fordel", "uddel"),
    *("introducer", "præsenter", "afhold", "deltag", "mød", "drop", "afslut", "færdiggør"),
    *("sæt op", "rykke", "flyt", "check", "ordne", "afsæt", "lån", "bag", "køre", "forsøg"),
    *("læg", "hiv", "pur", "sluk", "tænd", "træf", "orienter", "drøft", "optag", "anmeld"),
)
"""Verbs of work a Danish task opens with (imperative, as the tasks are written)."""
_DA_NOT_WORK = (
    *("vær", "være", "syn", "synes", "tro", "ved", "vid", "håb", "kan", "skal", "er", "mene"),
    *("men", "glæd", "elsk", "lid", "forstå", "vent", "bliv", "indrøm", "lov", "ønsk"),
    *("regn", "forvent", "antag", "gæt", "kend", "føl", "husk", "glem", "ved"),
    *("foreslå", "anbefal", "sid"),
)
_DA_LOAN = re.compile(r"^\w{4,}(?:er|ér)$")
"""The imperative of a Danish loan verb in -ere ("implementer", "eskaler", "kvalificer")."""
_WORD = re.compile(r"[\wæøåÆØÅ'-]+")

_INTRANSITIVE = re.compile(
    r"^(?:follow up|get back|circle back|report back|call back|ring back|check back|come back"
    r"|vend tilbage|meld tilbage|ring tilbage|følg op|svar|follow|reply|respond)\b",
    re.IGNORECASE,
)
"""Work that needs no object: "I'll follow up", "jeg vender tilbage"."""


_ADVERB = re.compile(
    r"^(?:(?:i hvert fald|altså|jo|da|nu|simpelthen|under alle omstændigheder|in any case"
    r"|anyway|definitely|really|also|just|then|first|still|both)\s+)+",
    re.IGNORECASE,
)
"""Adverbs that may come between a cue and its verb: "vi skal i hvert fald have lavet…"."""


def is_work(task: str, danish: bool, *, firm: bool, fronted_object: bool = False) -> bool:
    """The task opens with a verb of work and says what the work is done on (after the verb,
    or fronted before the cue: "Lønsedlerne tjekker jeg i morgen"). A ``firm`` commitment ("I
    will", a yes to a request) may name work by any verb but those of being, knowing and
    liking; a weaker form (an offer, a present tense, "let me") needs a verb known as work."""
    task = _ADVERB.sub("", task.strip())
    words = _WORD.findall(task.lower())
    if not words:
        return False
    verb = words[0]
    agrees_on = not danish and _AGREES_ON.match(task) is not None
    if verb in (_DA_NOT_WORK if danish else _EN_NOT_WORK) and not agrees_on:
        return False
    if _NOT_A_DELIVERABLE.match(task):
        return False
    known = (
        agrees_on
        or verb in _EN_WORK
        or verb in _DA_WORK
        or (danish and _DA_LOAN.match(verb) is not None)
        or verb.startswith("re-")
    )
    if not known and not firm:
        return False
    # The object is in the first clause: "I'll pass, thanks" names no work.
    head = _WORD.findall(task.split(",")[0].lower())
    return (
        len(head) > 1
        or fronted_object
        or _INTRANSITIVE.match(task.strip()) is not None
        or _CLAUSE_OBJECT.match(task) is not None
    )


_AGREES_ON = re.compile(
    r"^agree\s+(?:on\s+|upon\s+)?(?:the|a|an|our|their|new|final|joint|revised|next|both"
    r"|which)\s+\w",
    re.IGNORECASE,
)
"""Agreeing on a thing is work to do ("we all need to agree the new targets by the 10th",
"agree on the KPIs"), unlike agreeing with someone or that something is so ("I agree with
you", "I agree that it's late")."""


_CLAUSE_OBJECT = re.compile(
    r"^\S+,?\s+(?:how|what|who|whether|if|which|when|where|hvor|hvad|hvem|hvordan|om|hvilke"
    r"|hvornår|at)\b",
    re.IGNORECASE,
)
"""A clause as the object: "jeg tæller, hvor mange der mangler", "check whether it runs"."""


_NOT_A_DELIVERABLE = re.compile(
    # light verbs with what is no work: a break, the floor, a thing taken home to think over
    r"^(?:take|have|grab|get|tag|tage|hold|hav|giv|give)\s+(?:(?:a|an|en|et|lige|just|me|us"
    r"|mig|os)\s+)*"
    r"(?:(?:\w+ )?(?:break|pause|coffee|lunch|seat|breath|moment|second|minute|tår|kaffe"
    r"|frokost|ordet|the floor|øjeblik|sekund|minut)\b"
    r"|(?:it|that|this|den|det|dem) (?:home|med hjem|as|til efterretning)\b"
    r"|(?:that|it|det|den) as a\b|note\b)"
    # watching, noting and trying out there and then
    r"|^(?:keep|hold|holde)\s+(?:an |et )?(?:eye|øje)\b"
    r"|^(?:note|noter)\s+(?:mig\s+)?(?:that|it|this|det|den)(?:\s+(?:down|ned))?[.!]*$"
    r"|^(?:write|jot|skriv)\s+(?:that|it|this|det|den)\s+(?:lige\s+)?(?:down|ned)[.!]*$"
    r"|^(?:tjek|check)\s+(?:det|it|them|dem|den)\s+(?:ud|out)\b"
    # managing, understanding, talking again: "vi skal nok klare os", "make sure I understand",
    # "vi tager en runde mere på fredag"
    r"|^(?:klar|klare)\s+(?:os|mig|dig|sig|jer)\b"
    # conceding a point: "jeg giver dig ret i det", "I'll give you that"
    r"|^(?:giv|give)\s+(?:dig|jer|you|them|dem)\s+(?:ret\b|that\b(?!\s+(?:by|on|today|tomorrow)))"
    r"|^(?:make sure|check|sikre?|sørg for)\s+(?:that\s+|at\s+)?(?:i|we|jeg|vi)\s+(?:understand"
    r"|understood|have understood|got that|forstår|har forstået|are on the same page)"
    # (with someone outside the meeting it is work: "jeg tager en snak med økonomi")
    r"|^(?:tag|tage|take|have)\s+(?:en|den|the|a|another)\s+(?:runde|snak|drøftelse|diskussion"
    r"|round|conversation|discussion)\b(?!\s+(?:med|with)\s)"
    r"|^(?:tag|tage|take|catch)\s+(?:toget|bussen|flyet|færgen|en taxa|the train|the bus|a taxi"
    r"|a cab|the plane|a flight|the ferry)\b"
    r"|^(?:kig|tjek|se|check|look)\s+(?:lige\s+|just\s+)?(?:i|in|at)\s+(?:min\s+|my\s+|the\s+"
    r"|vores\s+|our\s+)?(?:kalender\w*|calendar)\b"
    # an open invitation: "send any questions my way"
    r"|^\w+\s+(?:(?:me|us|mig|os)\s+)?(?:any|eventuelle|evt\.)\s"
    # handing the floor over, refraining
    r"|^(?:giv|give|hand|pass)\s+(?:ordet|the floor|over|it over to|videre)\b"
    r"|^(?:lad være|undgå|avoid|stop|refrain|quit)\b"
    # an outcome hoped for, not work to do
    r"|^(?:find|come up with|finde|komme med)\s+(?:a|en|et)\s+(?:\w+\s+)?(?:solution|way"
    r"|løsning|vej|måde)\b"
    r"|^(?:make sure|sørg for|ensure)(?:,)?\s+(?:at\s+|that\s+)?(?:it|this|that|det|den|you"
    r"|everyone|alle|i|jeres|your)(?:'s|\s+(?:is|are|will be|bliver|er|går|goes|has|har))\s+"
    r"(?:a|an|en|et|godt|good|great|fine|ok|okay|nice|fint|rigtig|really|very|smooth\w*)\b"
    # keeping someone posted: no work until a date is said
    r"|^(?:keep|hold)\s+(?:you|them|us|jer|dig|dem|os|everyone|alle)\s+(?:posted|updated"
    r"|informed|in the loop|orienteret\w*|opdateret|informeret)\b"
    # remembering that something is so
    r"|^(?:huske|husk|remember|keep in mind)\s*,?\s+(?:at|that)\s+\w+\s+\w+"
    # proving a point: "show my management that we've pushed on price"
    r"|^(?:show|prove|demonstrate|vise|vis|bevise|bevis)\s+(?:[\w']+\s+){1,3}(?:that|at)\s"
    # choosing some of a group: "så tager vi tre af drengene", "we'll take two of them"
    r"|^(?:tag|tage|take|pick|vælg|vælge)\s+(?:en|et|to|tre|fire|fem|seks|et par|nogle|one|two"
    r"|three|four|five|a couple|some)\s+(?:af|of)\s",
    re.IGNORECASE,
)
"""What follows a work-like verb without being work: "take a break", "giv ordet videre",
"find en løsning", "make sure it's a great experience", "keep you posted", "husk, at…"."""


_ASSENT = re.compile(
    r"^(?:(?:ja|jo|jep|jeps|yes|yeah|yep|yup|sure|okay|ok|of course|absolutely|definitely|certainly"
    r"|no problem|no worries|will do|on it|sounds good|that works|perfect|great|fine|fint|klart"
    r"|selvfølgelig|helt sikkert|gerne|sagtens|super|den er god|det er fint|det kan jeg"
    r"|det gør jeg|det ordner jeg|det klarer jeg|det tager jeg|den tager jeg|dem tager jeg"
    r"|det gør vi|det ordner vi|det klarer vi|den tager vi|det tager vi"
    r"|(?:den|dem) kan (?:jeg|vi)(?!(?:\s+\w+)?\s+ikke)"
    r"|det sørger jeg for|det skal jeg nok|happy to|glad to|i can do that|can do|i'll|i will"
    r"|i'm on it|let me|jeg (?:skal|vil|kan|sender|tager|ringer|tjekker|laver|kigger|finder)"
    r"|i can|i'll do|we'll|we will|vi (?:skal|sender|tager|kigger|laver)|absolut|naturligvis"
    r"|yes please|ja tak|please do|do it|go ahead|gør det|that would|det ville|that'd"
    r"|lovely|excellent|brilliant|wonderful|dejligt|fremragende|godt|good|right|alright"
    r"|tak|thanks|thank you|good idea|god idé|en god idé|det er en god idé)\b)",
    re.IGNORECASE,
)
"""The opening of a reply that takes the request (or the offer) up."""
_DECLINE = re.compile(
    r"^(?:[^.,!?]{0,30},\s*)?(?:no\b(?! problem| worries)|nope|nej\b(?! tak)|not\b|ikke\b"
    r"|unfortunately|desværre|i'm afraid|i can't|i cannot|i won't|i don't|jeg kan ikke"
    r"|jeg vil ikke|det kan jeg ikke|maybe|perhaps|måske|hmm|i'm not sure|jeg er ikke sikker"
    r"|let me think|lad mig tænke|not (?:yet|now|really)|we'll see|vi får se|det ved jeg ikke"
    r"|i don't know)",
    re.IGNORECASE,
)
"""The opening of a reply that turns the request down or leaves it open."""


def _reply(index: int, context: _Context) -> int | None:
    """The first sentence after ``index`` said by someone else, within a minute."""
    sentence = context.sentences[index]
    for position in range(index + 1, min(index + 6, len(context.sentences))):
        later = context.sentences[position]
        if later.start - sentence.start > 60:
            return None
        if later.speaker != sentence.speaker:
            return position
    return None


def answered_with_assent(index: int, context: _Context) -> bool:
    """Someone else's next words take up what sentence ``index`` asked or offered."""
    position = _reply(index, context)
    if position is None:
        return False
    text = _normal(context.sentences[position].text).lower()
    if _DAY_REFUSED.search(text) is not None:
        return False  # "Not on Friday, sorry, I'm away": the day named is the reason for a no
    if find_date(
        text, context.transcript.meeting.date, weeks=False
    ) is not None and not text.endswith("?"):
        # "Thursday works", "Nej, ikke før fredag": the day is discussed, the work is taken.
        return True
    yes = _ASSENT.match(text)
    if _DECLINE.match(text) is not None:
        return False
    if yes is None:
        # "Det laver jeg.", "I'll do it": a reply that opens by taking the work on.
        return _TAKES_ON.match(text) is not None
    # "Yes, it's forty users": a question of fact answered there and then, nothing taken on.
    rest = text[yes.end() :].strip(" ,.!")
    return not rest or _TAKES_ON.search(text) is not None or _STATES.match(rest) is None


_SORRY = r"(?:sorry|desværre|beklager|i'm afraid|unfortunately)"
_NOT_THEN = (
    r"(?:not|ikke|can't|cannot|kan ikke|har ikke tid|don't have time|haven't got time)\b"
    r"(?!\s+(?:before|until|till|før|inden|indtil)\b)"
)
_DAY_REFUSED = re.compile(
    rf"^(?:(?:uh|um|er|øh|øhm|hmm|oh|well|no|nej)[,.]?\s+)*(?:i |jeg )?{_NOT_THEN}[^.?!]{{0,40}}?"
    rf"\b{_SORRY}\b(?![^.?!]*\b(?:but|men)\b)"
    rf"|^(?:(?:uh|um|øh|oh|no|nej)[,.]?\s+)*{_SORRY}\b[,.]?\s+(?:(?:i|jeg) )?{_NOT_THEN}"
    rf"(?![^.?!]*\b(?:but|men)\b)",
    re.IGNORECASE,
)
"""A reply that names a day only to turn the request down: "Not this week, sorry", "Desværre,
ikke på fredag"; "Nej, ikke før fredag" and "not Thursday, sorry, but Friday works" take it."""

_STATES = re.compile(
    r"^(?:(?:it|that|this|there|they|we|he|she)(?:'s| is| are|'re| was| were| has| have)"
    r"|(?:det|den|der|de|vi|han|hun) (?:er|var|har|havde)|(?:we|vi|they|de) (?:use|bruger)\b)",
    re.IGNORECASE,
)
"""A reply that states a fact ("it's on the wiki", "det er rigtigt", "vi har fyrre brugere")."""
_TAKES_ON = re.compile(
    r"\b(?:i'll|i will|i can|i'm going|we'll|we will|we can|let me|will do|on it|no problem"
    r"|happy to|glad to|of course|jeg (?:skal|vil|kan|må|sender|tager|ringer|tjekker|laver"
    r"|kigger|finder|ordner|klarer|gør)|(?:det|den|dem) (?:gør|klarer|ordner|tager|sender"
    r"|fikser|finder|laver|tjekker|kigger) (?:jeg|vi)|vi (?:skal|vil|kan)|selvfølgelig"
    r"|det kan jeg|det kan vi|(?:det|den|dem) får (?:du|i)"
    # "Den kan jeg godt trække": the thing asked for, by its pronoun
    r"|(?:den|dem) kan (?:jeg|vi)(?!(?:\s+\w+)?\s+ikke)"
    # claiming it: "Jo, den er min", "That one's mine"
    r"|(?:den|det) er (?:min|mit)|(?:that|it|this)(?: one)?(?:'s| is) (?:mine|on me))\b",
    re.IGNORECASE,
)
"""A reply that takes the work on, whatever it goes on to say."""


_REQUEST_OR_QUESTION = re.compile(
    r"\?\s*$|^(?:\w+,\s*)?(?:can|could|would|will|kan|kunne|vil|gider)\s+(?:you|du|i)\b"
    r"|\b(?:please|venligst)\b",
    re.IGNORECASE,
)


_QUESTION_WORD = re.compile(
    r"^(?:(?:og|and|så|so|men|but)\s+)?(?:hvornår|hvordan|hvad|hvem|hvorfor|hvor|when|how|what"
    r"|who|why|where)\b",
    re.IGNORECASE,
)


def answers_someone(index: int, context: _Context) -> bool:
    """Sentence ``index`` opens a turn that answers someone else's question or request."""
    sentence = context.sentences[index]
    for position in range(index - 1, max(-1, index - 4), -1):
        previous = context.sentences[position]
        if previous.speaker == sentence.speaker:
            if previous.segment != sentence.segment:
                return False
            continue  # earlier in the same turn
        return sentence.start - previous.start <= 60 and (
            _REQUEST_OR_QUESTION.search(_normal(previous.text)) is not None
            # an upper-case transcript has no question marks: "HVORNÅR"
            or _QUESTION_WORD.match(_normal(previous.text)) is not None
        )
    return False


_DA_TIME_ANCHOR = re.compile(
    r"^(?:(?:og\s+)?så|ja|jo|okay|ok|fint|godt|super)\b"
    r"|\b(?:lige|nok|straks|bagefter|senere|efter mødet|snarest|hurtigst muligt|med det samme)\b",
    re.IGNORECASE,
)
"""What makes a Danish present tense a promise without a date: "Så sender jeg den", "jeg
tjekker lige", "det gør jeg bagefter"."""


def danish_present_is_promise(index: int, context: _Context, had_date: bool) -> bool:
    """ "Jeg sender den i morgen", "Så ringer jeg til dem", "Jeg tjekker lige": promises; "Jeg
    laver fakturaerne i hånden": how things are done."""
    if had_date:
        return True
    text = _normal(context.sentences[index].text)
    return _DA_TIME_ANCHOR.search(text) is not None or answers_someone(index, context)


_TAKES_OFFER = re.compile(
    r"^(?:(?:yes|yeah|yep|ja|jo|jep|jeps)\b(?!\s*,?\s*(?:but|men)\b)|please|sure|great|perfect|lovely"
    r"|excellent|brilliant|that would|that'd|sounds good|go ahead|do it|super|gerne|fint"
    r"|fremragende|dejligt|det ville|det lyder|gør det|tak|thanks|thank you|good idea|god idé"
    r"|det er en god idé|absolutely|definitely|klart|helt sikkert|perfekt)\b",
    re.IGNORECASE,
)
"""A reply that takes an offer up; a bare "okay" or "right" only acknowledges it."""


def offer_is_taken(index: int, context: _Context, had_date: bool) -> bool:
    """ "I can send you the deck" commits when dated, when it answers someone's request, or
    when the next speaker takes the offer up; else it says what is possible. An offer the next
    speaker turns down ("Jeg kan lave den igen, hvis I vil." - "Nej, det behøver du ikke.") is
    none, even when it answers a question."""
    if _offer_declined(index, context):
        return False
    return (
        had_date
        or _TIMED.search(context.sentences[index].text) is not None
        or answers_someone(index, context)
        or _offer_taken_up(index, context)
    )


def _offer_declined(index: int, context: _Context) -> bool:
    position = _reply(index, context)
    if position is None:
        return False
    text = _normal(context.sentences[position].text)
    # "Nej, fredag er bedre": a no to the day, not to the work
    said = find_date(text, context.transcript.meeting.date, weeks=False)
    return said is None and _TURNED_DOWN.match(text) is not None


_TURNED_DOWN = re.compile(
    r"(?:no|nope|nej|nah)\b(?! tak| thanks)"
    # "I'd rather you didn't", "Thanks, but we have that", "Tak, men det har vi selv"
    r"|(?:i'd|i would|we'd|we would) rather (?:you )?(?:didn't|not|did not)\b"
    r"|(?:thanks|thank you|tak)[,.!]?\s+(?:but|men)\b"
    r"|(?:no need|ingen grund|det behøver (?:du|i) ikke|you don't (?:need|have) to)\b",
    re.IGNORECASE,
)


def _offer_taken_up(index: int, context: _Context) -> bool:
    position = _reply(index, context)
    if position is None:
        return False
    text = _normal(context.sentences[position].text)
    if find_date(
        text, context.transcript.meeting.date, weeks=False
    ) is not None and not text.endswith("?"):
        return True
    return _DECLINE.match(text) is None and _TAKES_OFFER.match(text) is not None


_TIMED = re.compile(
    r"\b(?:after|before|once|as soon as|efter|inden|før|så snart|når)\s+(?:the|this|that|our"
    r"|your|we|i|you|lunch|det|den|vi|jeg|du|frokost|mødet|\w+(?:en|et|erne))\b",
    re.IGNORECASE,
)
"""An offer placed in time ("I can look into it after the bug fix"): planned, not possible."""


_LIVE = re.compile(
    r"\b(?:on (?:the|my|your) (?:screen|whiteboard|board)|on screen|in the chat|right now"
    r"|in a (?:minute|moment|second|sec)|later (?:in|on in) (?:the|this) (?:meeting|call)"
    r"|om (?:lidt|et øjeblik|et minut)|senere i mødet|i dag i mødet"
    r"|(?:den|det|de) her (?:graf|slide|side|tabel|figur|skærm|billede|eksempel|kurve)\w*"
    r"|this (?:slide|graph|chart|table|figure|page|example|curve)"
    r"|as we speak|på (?:skærmen|tavlen|whiteboardet)|i chatten|lige nu|her og nu|mens vi)\b",
    re.IGNORECASE,
)
"""Work done in the meeting itself, wherever it is said in the task: "I'll put it on the
screen so everyone can see", "jeg skriver det i chatten til jer"."""


def done_on_the_spot(task: str, had_date: bool) -> bool:
    """The task is done there and then (no date said with it)."""
    return not had_date and _LIVE.search(task) is not None


_DEFINITE_OBJECT = re.compile(
    r"^\S+\s+(?:(?:alle|hele|de|den|det)\s+)?[a-zæøå]{3,}(?:erne|ene|rne|en|et|nen|net)"
    r"(?:\s+(?:for|til|i|på|hos|fra)\s+[^,.]*)?[.!]*$",
    re.IGNORECASE,
)
"""A task whose whole object is a definite noun ("lav lønnen for tre afdelinger", "kør
fakturaerne"): said in the present tense with no time, how the work is always done."""


_MANY = re.compile(
    r"^\S+\s+(?:(?:til|på|med|for|hos)\s+)?(?:(?:rigtig|utrolig|alt for|ret)\s+)?(?:mange"
    r"|masser af|en masse|flere og flere"
    r"|alle mulige|hundredvis af)\b",
    re.IGNORECASE,
)
"""A task whose object is counted as many ("jeg booker mange møder"): how things go, not work."""


def states_a_routine(task: str, index: int, context: _Context, had_date: bool) -> bool:
    """A Danish present tense with a definite object, or one counted as many, and nothing that
    places it in time: "Jeg laver lønnen for tre afdelinger", "jeg sender mange tilbud" say
    what the speaker does, not what they will do."""
    if had_date:
        return False
    if _MANY.match(task.strip()) is not None:
        return True
    if _DEFINITE_OBJECT.match(task.strip()) is None:
        return False
    text = _normal(context.sentences[index].text)
    if _DA_TIME_ANCHOR.search(text) is not None or answers_someone(index, context):
        return False
    # "Jeg opdaterer prislisten." - "Gerne inden mandag.": the other side dates it, a promise.
    reply = _reply(index, context)
    return reply is None or (
        find_date(context.sentences[reply].text, context.transcript.meeting.date, weeks=False)
        is None
    )
