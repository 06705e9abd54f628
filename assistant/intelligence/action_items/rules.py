"""The shape of a language's rule table, and the patterns written for both languages at once.

People switch language inside a sentence, so these patterns hold the English and the Danish
wording side by side; each language's own tables are in `rules_en` and `rules_da`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["commitment", "group", "request", "assignment", "declined"]
"""What a sentence does with a task; "declined" is a request turned down, kept only until the
meeting ends in case the chair hands it to someone else."""


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: Kind
    pattern: re.Pattern[str]
    """Matches the cue; the task follows the match."""
    confidence: float
    verb_follows: bool = False
    """The task starts with a conjugated verb ("sender", "takes") to turn into an imperative."""


@dataclass(frozen=True, slots=True)
class _Rules:
    cues: tuple[_Cue, ...]
    non_actions: tuple[str, ...]
    request_non_actions: tuple[str, ...]
    hedges: re.Pattern[str]
    conditions: re.Pattern[str]
    habits: re.Pattern[str]
    leading_filler: re.Pattern[str]
    trailing_filler: re.Pattern[str]
    clause_break: re.Pattern[str]
    anaphora: re.Pattern[str]
    suggestion: re.Pattern[str]


def _cue(kind: Kind, phrase: str, confidence: float, *, verb_follows: bool = False) -> _Cue:
    # Whitespace after the phrase keeps "I can" from matching "I can't".
    tail = r"(?=\S)" if verb_follows else r"\s+"
    return _Cue(kind, re.compile(rf"\b{phrase}{tail}", re.IGNORECASE), confidence, verb_follows)


def _words_re(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


_ACCEPTANCE = re.compile(
    r"^(?:(?:sure|yes|yeah|yep|okay|ok|absolutely|of course|no problem|will do|on it|got it|"
    r"ja|jo|jep|jeps|fint|selvfølgelig|klart|helt sikkert|det gør jeg|den tager jeg|det tager jeg|"
    r"det sørger jeg for|det klarer jeg|det ordner jeg|i'm on it|i'll do (?:it|that))"
    r"[\s,.!]*)+$",
    re.IGNORECASE,
)
"""A whole sentence that only says yes to what was just asked."""
_OFFER_ACCEPTANCE = re.compile(
    r"^(?:(?:yes|yeah|ja|jo|okay|ok|great|super|perfect|fint|then|så)[,!.]?\s*)*"
    r"(?:please do(?: that| it)?|do (?:it|that)|go for it|let's do (?:it|that)|gør det"
    r"|lad os gøre det)[\s,.!]*"
    # a reason after the yes: "Ja, gør det, så slipper vi for en runde mere"
    r"(?:[,;]\s*(?:så|so|then|for|fordi|because|that way)\b[^?]*)?$",
    re.IGNORECASE,
)
"""A whole sentence that says yes to what someone offered ("Yes, please do that")."""
_TAKE_ALONG = re.compile(
    r"\b(?:tager (?:det|den|dem) med|(?:det|den|dem) tager jeg med|add (?:those|that|it|them)"
    r"|include (?:it|that|those|them))\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\b(?:i'll|i will|i'm|will do|jeg)\b", re.IGNORECASE)
"""An acceptance that takes the work on ("I'll do that", "Det gør jeg"), not a bare "yes"."""
_OPENS_WITH_YES = re.compile(
    r"^(?:sure|yes|yeah|yep|yup|okay|ok|absolutely|of course|no problem|will do|definitely|"
    r"ja|jo|jep|jeps|fint|selvfølgelig|klart|helt sikkert|det kan jeg godt|super|sounds|that works|"
    r"perfect|great|gerne|det lyder|det passer|det gør jeg|det klarer jeg|det ordner jeg"
    r"|det tager jeg|jeg tager (?:den|det)|i'll take (?:it|that)|det sørger jeg for"
    r"|det skal jeg nok|on it|i'm on it)\b",
    re.IGNORECASE,
)
"""How a turn that says yes, or takes the work on, opens ("Yes, ...", "Det gør jeg, ...")."""
_TAKING_IT_ON = (
    r"(?:leave (?:it|that|this|them) (?:to|with) (?:me|us)|consider (?:it|that|this)(?: one)? done"
    r"|(?:i|we)(?:'ll| will) (?:do|take|handle|sort) (?:it|that|this|care of (?:it|that))"
    r"|will do|no problem|(?:i'm|i am|we're|we are) on it"
    r"|(?:that|that one|this one|this|it|the \w+)(?:'s| is) (?:on me|on us|mine)|that one's mine"
    r"|(?:det|den|dem) (?:gør|tager|klarer|ordner|fikser|laver) (?:jeg|vi)"
    r"|(?:det|den|dem) sørger (?:jeg|vi) for|(?:det|den|dem) kigger (?:jeg|vi) på"
    r"|jeg tager mig af (?:det|den|dem)|(?:det|den|dem) tager (?:jeg|vi) os af"
    r"|(?:det|den|dem) tager jeg mig af|(?:den|det) er på (?:mig|os)|betragt det som gjort"
    r"|(?:lad (?:det|den|dem) ligge hos|overlad det til) (?:mig|os)|lad mig tage den"
    r"|den er min|det er mit bord)"
)
"""Taking on the work just asked for in so many words, without naming it ("Leave it with me",
"Consider it done", "Det ordner vi", "Den er på mig"); not a bare yes, which may answer a
question's tag."""
_YES_BEFORE = (
    r"(?:(?:yes|yeah|yep|sure|okay|ok|fine|right|then|absolutely|of course|ja|jo|jep|jamen|fint"
    r"|klart|selvfølgelig|gerne|så)\b[\s,.!]*)*"
)
"""The yes words that may open a sentence taking the work on ("Ja, det ordner jeg")."""
_POLITE_CONDITION = re.compile(
    r"\bif (?:it helps|that helps|you like|you want|you'd like|needed|necessary|that works)\b"
    r"|\bhvis det hjælper\b|\bhvis du vil\b|\bhvis i vil\b|\bhvis det passer\b"
    r"|\bhvis (?:du|i) har lyst\b|\bif you feel like it\b"
    # The speaker's own start is a plan, not a condition: "If I start today, I can…".
    r"|\bif i (?:start|begin|get going)(?: on it)?(?: today| now| tomorrow| this week)?\b"
    r"|\bhvis jeg (?:starter|begynder|går i gang)(?: i dag| nu| i morgen)?\b",
    re.IGNORECASE,
)
"""Courtesy, not a condition: "If it helps, I can join the call"."""
_SUBORDINATE = re.compile(
    r"\b(?:before|after|when|once|until|that|because|før|inden|når|efter|at|indtil|fordi"
    r"|something|anything|nothing|everything|what|which|noget|intet|alt|hvad|som"
    # an indirect question: "så jeg ved, hvem jeg skal give adgang", "how we'll roll it out"
    r"|who|whom|how|why|hvem|hvordan|hvorfor"
    # whether: "Jeg ved ikke, om vi skal gøre det nu", "not sure whether we should"
    r"|om|whether)\s*$"
    # a cleft: "Så det er nok lige der, vi skal sætte ind"
    r"|\bdet er\b[^,.;?!]*\bder,?\s*$",
    re.IGNORECASE,
)
"""A cue right after these is inside a subordinate clause ("before we sign", "at vi laver",
"fordi vi skal snakke pris"), a relative one ("something I can tell finance") or an indirect
question ("hvem jeg skal give adgang")."""
_PURPOSE = re.compile(r"\b(?:så|so|so that)\s*$", re.IGNORECASE)
"""Before "jeg kan" / "we can", "så" / "so" opens a purpose clause ("… inden torsdag, så jeg kan
rapportere", "so we can book the sessions"); spoken "så jeg giver jer besked" is a promise."""
_QUESTION_OPENING = re.compile(
    r"^(?:(?:so|and|og|så|altså|well|men|but|jamen|nå)[,]?\s+)*(?:shall|should|can|could|would|will|do|does|did|is|are|"
    r"what|how|when|who|why|where|skal|kan|kunne|vil|ville|hvad|hvordan|hvornår|hvem|hvorfor|"
    r"hvor|er|har)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"^(?:\S+\s+)?(?:(?:alligevel|heller|egentlig|faktisk|jo|bare|slet|really|actually)\s+)?"
    r"(?:not|never|no longer|ikke|aldrig)\b"
    # Danish object before the negation: "godkender det ikke, før jeg har tallene" (unlike
    # "sender den ikke før mandag", a day: when it comes)
    r"|^\S+\s+(?:det|den|dem)\s+(?:(?:alligevel|heller|egentlig|faktisk|jo|bare|slet)\s+)?"
    r"(?:ikke|aldrig)\b(?!\s+(?:før|inden|senere end)\s+(?!jeg\b|vi\b|du\b|i\b|de\b|han\b|hun\b))",
    re.IGNORECASE,
)
"""A task said in the negative ("læser alligevel ikke den slags", "actually never use it")."""
_THEN = re.compile(
    r"\s*\b(?:(?:well |long )?before (?:that|then)|by then|until then|after (?:that|then)"
    r"|inden da|til den tid|før da|efter det|efter da)\b",
    re.IGNORECASE,
)
"""A deadline that points back at a date just said ("I'll send it before that")."""
_CONSULTS = re.compile(
    r"(?:vend|tjek|check|clear|run|afklar|spørg|ask|discuss|drøft)\w*\s+(?:den|det|dem|it|them"
    r"|that)\s+(?:\w+\s+)?(?:med|with|past|by)\b",
    re.IGNORECASE,
)
"""Taking the work to someone ("vende det med min chef", "clear it with legal")."""
_THING_PRONOUNS = r"it|that|this|them|those|det|dét|den(?! \d)|dem"
"""The pronouns that name a thing said before ("I'll run it", "det gør jeg"); "den 3." is a day."""
_POINTS_BACK = re.compile(
    # not the first part of a compound: "deres IT-chef", "det-team"
    rf"\b(?:{_THING_PRONOUNS})\b(?!-)",
    re.IGNORECASE,
)
"""Work named only by a pronoun pointing back at it ("send it to you", "Det retter jeg")."""
_PRONOUN_OBJECT = re.compile(rf"\b(?:{_THING_PRONOUNS}|him|her|ham|hende)\b(?!-)", re.IGNORECASE)
"""`_POINTS_BACK`, or the one the work is for ("ring til hende")."""
_PLURAL_YOU = re.compile(
    r"(?i:\b(?:everyone|everybody|all of you|you all|you guys|y'all|alle sammen|alle|jeres)\b)"
    r"|\bI (?:skal|må|bedes)\b|(?i:\b(?:kan|kunne|vil|gider|skal|må|at) )I\b",
)
_EVERYONE = re.compile(
    r"\b(?:vi (?:\w+ )?(?:alle sammen|allesammen|alle)|we (?:\w+ )?all|we(?:'ll|'ve) all"
    r"|all of us|let(?:'s| us) all|lad os alle|both (?:of )?our (?:teams|sides|companies)"
    r"|(?<!just )between us(?=, we\b)|begge (?:vores )?(?:hold|parter|teams|sider))\b",
    re.IGNORECASE,
)
"""We all, the speaker among them ("vi skal alle sammen…", "we all need to…", "both our teams
must…", "between us, we need to…"): with both sides present, a task for everyone
(``team:all``). "Everyone has to…" from a chair stays the chair's team."""
_JOKE = re.compile(
    r"\bhaha|\(laughs?\)|\[laughter\]|\(laughter\)|\bjust kidding\b|\bkidding\b|\bjoking\b"
    r"|\blol\b|\beat my hat\b|\bfor sjov\b|\bpjat\b|\(griner\)|\bspøg\b|^ha[,!. ]",
    re.IGNORECASE,
)
_ON_THE_SPOT = re.compile(
    r"\b(?:right now|right away now|now|in the chat|lige nu|nu|i chatten|her i mødet|undervejs"
    r"|as we go(?: along)?|along the way|as we speak|here and now|her og nu)"
    r"(?:,?\s+(?:while|mens) (?:we're|we are|vi|jeg|i|i'm|i am)(?: \w+){1,3})?"
    r"(?:,?\s+(?:actually|faktisk))?[.!?]*$"
    r"|\b(?:while we're talking|while we talk|mens vi (?:snakker|taler))[.!?]*$",
    re.IGNORECASE,
)
"""Work done in the meeting itself: "I'll paste it in the chat", "så oversætter jeg undervejs",
"let me take a look now while we're talking"."""
_SHOW_HOW = re.compile(
    r"(?:(?:lige|just|quickly|hurtigt)\s+)?(?:vise|vis|show)(?:\s+(?:os|jer|mig|us|me|them|dem))?"
    r"(?:\s+(?:lige|just|quickly|hurtigt))?,?\s+(?:hvordan|how|what|hvad|where|hvor)\b",
    re.IGNORECASE,
)
"""Asked without a date, showing how something works or looks is done in the meeting."""
_SENTENCE_PUNCTUATION = re.compile(r"[.?!,;:]")

_AGENDA = re.compile(
    r"\b(?:agenda|dagsorden\w*|first (?:up|item)|first,? we(?:'ll| will)|today,? we(?:'ll| will)"
    r"|plan for today|punkter i dag|i dag skal vi|vi skal i dag|today we(?:'ll| will| need to"
    r"| have to| should)|we(?:'ll| will| need to| have to) today\b(?! by)"
    r"|først (?:kigger|ser|tager|taler|gennemgår) vi"
    r"|(?:we(?:'ll)?|let's|vi|lad os) (?:start|starte|starter|begin|begynde|begynder) (?:with|med)"
    r"|today is about|i dag handler det om)\b"
    r"|\b(?:først|first)\b[^.?!]{0,60}\b(?:til sidst|lastly|last of all|at the end)\b"
    # "Vi skal snakke fornyelse i dag", "we'll go over the numbers today": this meeting's topic
    r"|\b(?:vi skal|we(?:'ll| will| are going to| need to)) (?:\w+ )?(?:snakke|tale|drøfte"
    r"|gennemgå|kigge på|talk|discuss|go over|go through|cover)\b[^.?!]{0,60}\b(?:i dag|today)\b",
    re.IGNORECASE,
)
"""The agenda read out at the start: "first we'll recap the pilot, then go over pricing"."""
AGENDA_WINDOW_S = 120.0
"""An agenda is read out in the first two minutes (s); later "today we'll…" is a promise."""
_TRAILING_CONDITION = re.compile(
    # "even if it's just fifteen minutes", "selv hvis det kun bliver kort": no condition
    r"(?<!\beven)(?<!\bselv)(?:,\s*|\s+)(?:if|unless|hvis|medmindre)\s+"
    r"(?!(?:it helps|that helps|you like|you want|you'd like|needed|necessary|that works"
    r"|possible|det hjælper|du vil|i vil|det passer|(?:du|i) har lyst|you feel like"
    r"|det er muligt|det er(?=\s*[.!?]*$)"
    # "I'll follow up on Friday if I haven't heard back": still a promise.
    r"|(?:i|we) (?:haven't|have not|don't|do not) hear\w*|(?:jeg|vi) ikke (?:har )?(?:hørt|hører)"
    r"|there's no (?:answer|reply)|der ikke er svar"
    # "…, hvis du giver mig hendes mail", "if you send me the login": the other side's input
    # the work waits for, not a condition that makes it an offer.
    r"|(?:du|I|you) (?:\w+ )?(?:giver|sender|mailer|skaffer|finder|give|send|forward|get)"
    r" (?:mig|os|me|us)\b)\b)"
    # "Den laver jeg, men først når vi ved, at I skifter": only once something still open is
    # settled
    r"|,?\s+(?:men|but)\s+(?:først|only)\s+(?:når|once|when|if|hvis)\b",
    re.IGNORECASE,
)
"""An offer that hangs on a condition after it: "happy to resend it if it got lost", "I'll
do it, but only once we know you are switching"."""
_LIVE_VERBS = re.compile(
    r"^(?:draw(?! up)|sketch(?! out a plan)|switch|scroll|click|zoom|tegne|tegn|skifte|skift"
    r"|use|try out|test out|borrow|bruge|brug|låne|lån)\b"
    # closing what was just shown: "jeg lukker den lige ned igen", "I'll close it again"
    r"|^(?:luk|lukke|close)\b(?:\s+[\w-]+){0,4}?\s+(?:ned\s+|down\s+)?(?:igen|again)[.!]*$"
    r"|^(?:share|del|dele)\b(?:\s+(?:lige|just|now|nu))*(?:\s+(?:(?:my|the|min)\s+)?"
    # a view shown on the screen: "Skal jeg dele CRM-visningen?"
    r"(?:screen|skærm|[\w-]*visning)\w*|\s*[.!]*$)"
    # "jeg deler lige tidsplanen": sharing it with those in the meeting, there and then
    r"|^(?:del|dele)\s+lige\b"
    # the language of the meeting itself: "I'll stick to English", "jeg snakker dansk"
    r"|^(?:stick (?:to|with)|speak|talk|keep (?:it )?to|snak|snakke|tal|tale|hold mig til"
    r"|holde mig til)\s+(?:in\s+|på\s+)?(?:english|engelsk|danish|dansk|swedish|svensk"
    r"|german|tysk|norwegian|norsk)\b"
    # a note made as it is said: "jeg skriver lige ned, at …", "I'll just note that down"
    r"|^(?:skriv|skrive|noter|notere)\s+(?:lige\s+)?(?:det\s+|den\s+)?(?:lige\s+)?ned\b"
    r"|^(?:note|write|jot) (?:that|it|this) down\b",
    re.IGNORECASE,
)
"""Work done there and then in the meeting ("I'll draw one", "lad mig skifte til engelsk",
"jeg deler lige skærmen", "we're gonna try out our whiteboard", "I'll use the spare one"),
unless a date is said with it."""
_LET_ME_LIVE = re.compile(
    r"^(?:show|open|pull|share|type|move|write (?:it|that|this) (?:up|down)|vise|vis|åbne|åbn"
    r"|dele|skrive det op)\b"
    # telling those in the meeting: "let me give you a quick overview", "lad mig give jer et
    # overblik" (a date said with it makes it a promise after all)
    r"|^(?:give|giv|giver) (?:you|you all|us|jer|dig|os) (?:[\w-]+ ){0,4}?(?:overview|picture"
    r"|background|context|rundown|summary|update|idea|sense|introduction|tour|overblik|billede"
    r"|baggrund|introduktion|rundtur|opdatering)\b",
    re.IGNORECASE,
)
"""What "let me" / "lad mig" does on the spot besides the `_LIVE_VERBS`: "let me show you"."""
_CAN_YOU_SEE = re.compile(
    r"\b(?:can you (?:all )?see|do you see|can everyone see|kan (?:i|du) (?:alle )?se|ser i)\b",
    re.IGNORECASE,
)
"""Asked right after a promise in the same turn, it shows the work was done on the spot:
"I'll pull up the plan. Can you all see it?"."""
_FOR_ALL_TO_SEE = re.compile(
    r"\b(?:så (?:vi|i|du|alle) har (?:den|det|dem) (?:\w+ )?foran (?:os|jer|dig)"
    r"|så kan (?:vi|i|du|alle) (?:(?:alle|også) )?se (?:den|det|dem)(?: (?:også|alle sammen))?"
    r"|so (?:that )?(?:we|you|everyone) (?:all )?(?:can )?(?:see|have) (?:it|them|this)"
    r" (?:in front of us|on (?:the|your) screens?))[.!?]*$",
    re.IGNORECASE,
)
"""A purpose that puts the work before those in the meeting now: "…, så vi har den foran os",
"…, så kan du se den også" (unlike "så I kan se det": so that you will see it)."""
_LIVE_PLACE = re.compile(
    # not "om det her" (about this): "orientere bestyrelsen om det her" is no place
    r"\b(?:here|there|on the (?:white)?board|on (?:the|my) screen|på tavlen"
    r"|(?<!\bom det )(?<!\bom den )(?<!\bom dem )(?<!\bom de )her|der)[.!]*$",
    re.IGNORECASE,
)
_MEETING_ACTIVITY = re.compile(
    r"\b(?:discuss|go over|run through|talk about|look at|cover|recap|walk through|introduce"
    r"|hear from"
    r"|diskutere|gennemgå|snakke om|tale om|kigge på|høre fra|fortælle|præsentere|vise (?:jer|os)"
    r"|tell (?:you|us)|present|show (?:you|us))\b",
    re.IGNORECASE,
)
"""What a group does in the meeting itself; said in the opening minutes, an agenda."""
_LEAVING = re.compile(
    r"^(?:(?:desværre|lige|bare|nok|unfortunately|just|really|i øvrigt|forresten|også|by the way"
    r"|anyway|actually|also),?\s+)*"
    r"(?:run|go|leave|jump|hop off|drop off|head out|get going|smutte|gå|løbe|videre|move on"
    # a polite closing: "I'll let you get back to your day", "så skal jeg ikke holde jer"
    r"|let (?:you|you all|you both) (?:get back to|go|get on with)\b.*"
    r"|lade (?:jer|dig) (?:komme videre|gå)\b.*)\b"
    r"(?:\s+(?:now|soon|early|in \w+ minutes?|to (?:another|a|my next|the next) (?:call|meeting)"
    r"|nu|snart|om \w+ minutter|(?:til|over til) (?:et andet|mit næste|næste|et nyt|et) \w*møde))*"
    r"(?:$|\s*[,;]\s*(?!(?:and|og)\b))",
    re.IGNORECASE,
)
"""Leaving the meeting is not a task: "I have to run", "jeg skal smutte", "I need to hop off,
my next call is starting", "jeg må desværre gå nu", "jeg skal videre til næste møde", "I also
have to run now, a delivery is coming"."""
_QUOTING = re.compile(
    r"\b(?:as (?:they|people|he|she|my \w+) (?:say|said|used to say)|the (?:old )?(?:saying|slogan"
    r"|motto|line)|saying goes|som man siger|som (?:de|han|hun) siger|ordsproget|mottoet)\b"
    r"|[\"“”„«»]",
    re.IGNORECASE,
)
"""Words said as a quotation ("as the saying goes", quotation marks), not as an order."""
_GOING_SOMEWHERE = re.compile(
    r"^(?:på|til(?! at\b)|hjem|ud|ned|op|afsted|ind|over til)\b", re.IGNORECASE
)
"""Danish "jeg skal på ferie", "vi skal til Aarhus": going somewhere, not a task."""
_STATE_GERUND = re.compile(
    r"^be (?:using|having|going|getting|seeing|expecting|hoping|living|staying|paying|running"
    r"|looking forward|based|in|on|out|away|there|here|around|available)\b",
    re.IGNORECASE,
)
""""We'll be using it in three countries", "I'll be away": a state, not work."""


_WHEN = (
    r"(?:when|hvornår|how soon|how long|by when|until when|til hvornår|what time|hvor hurtigt"
    r"|hvor snart)"
)
"""Words that ask for the date of work ("When can I have it?", "Hvor hurtigt kan I?")."""
_ASKS_WHEN = re.compile(rf"\b{_WHEN}\b", re.IGNORECASE)
"""A question for the date of work."""
