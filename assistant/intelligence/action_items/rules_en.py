"""English rules: cues that open a task, what may follow a cue without making one, hedges,
conditions, fillers, and the verbs and questions the other steps look up for English."""

from __future__ import annotations

import re

from assistant.intelligence.action_items.rules import _cue, _Rules, _words_re

_EN_VERBS_3RD = (
    *("takes", "handles", "owns", "sends", "books", "calls", "prepares", "drafts", "checks"),
    *("runs", "leads", "covers", "updates", "schedules", "writes", "shares", "sets up"),
    *("reaches out", "follows up", "looks into", "sorts out", "organises", "organizes"),
    *("emails", "contacts", "sets", "gets", "does", "manages", "looks after", "oversees"),
)
_EN_ROLE_VERBS = (
    *("handles", "runs", "owns", "leads", "covers", "manages", "looks after", "is responsible"),
    *("takes care of", "heads", "oversees"),
)
"""Third-person verbs that state a standing role ("Kasper handles the German accounts"), not a
task, unless a date is said with them."""
_EN_VERBS_BASE = (
    *("take", "handle", "own", "send", "book", "call", "prepare", "draft", "check", "run"),
    *("lead", "cover", "update", "schedule", "write", "share", "set up", "reach out"),
    *("follow up", "look into", "sort out", "grab", "email", "contact", "loop in", "chase"),
)

_EN_PRESENT_WORK = (
    *("call", "ring", "phone", "send", "resend", "email", "mail", "forward", "deploy", "check"),
    *("prepare", "write", "update", "fix", "book", "make", "take", "ask", "talk", "arrange"),
    *("organise", "organize", "schedule", "share", "review", "bring", "clean", "register"),
    *("install", "test", "adjust", "change", "contact", "invite", "finish", "deliver", "chase"),
    *("look into", "follow up", "draft", "order", "build", "configure", "translate", "calculate"),
)
"""Verbs of work a speaker of English as a second language says in the present for a plan
("I call them tomorrow", "then we adjust the templates"); not those whose past sounds the same
("put", "set", "read"): "I put it in the folder yesterday" is done."""

_EN_PRESENT_WORK_3RD = (
    *("calls", "rings", "sends", "emails", "mails", "forwards", "checks", "prepares", "writes"),
    *("updates", "fixes", "books", "makes", "takes", "asks", "reads", "reviews", "enters"),
    *("adds", "puts", "cleans", "registers", "tests", "fills in", "goes through", "looks at"),
    *("logs", "records", "submits", "signs", "shares", "drafts", "tidies", "deletes", "removes"),
)
"""Third-person verbs of work a chair gives everyone with "everyone reads the draft by Monday"."""

_EN = _Rules(
    cues=(
        # "Happy to set up a trial for you": an offer, a promise once taken up (see `structure`).
        _cue(
            "commitment",
            r"(?:^|(?<=[,.] ))(?:i'm |i am |i'd be )?(?:more than )?(?:happy|glad) to",
            0.7,
        ),
        _cue("commitment", r"i(?:'ll| will| shall)", 0.85),
        _cue("commitment", r"i(?:'m| am) (?:going to|gonna)", 0.85),
        # "I'm deploying a fix tonight": a present progressive with a near day is a plan of
        # the speaker's (not travel or being somewhere: "I'm flying to Oslo tomorrow").
        _cue(
            "commitment",
            r"i(?:'m| am)(?= (?:sending|deploying|rolling out|pushing|releasing|shipping|fixing"
            r"|patching|calling|ringing|emailing|updating|writing|preparing|setting up|running"
            r"|testing|uploading|booking|drafting|finishing|publishing|migrating|installing"
            r"|reviewing|checking|posting|filing|submitting)\b[^.?!]*\b"
            r"(?:tonight|today|tomorrow|this (?:afternoon|evening)|later today))",
            0.75,
        ),
        _cue("commitment", r"let me", 0.75),
        _cue("commitment", r"i can", 0.7),
        # Obligations: "I have to run this past legal", "I'll need to clear it with finance".
        _cue(
            "commitment",
            # not "I must have missed it": a guess about the past
            r"i(?:(?:'ll| will) (?:have|need) to| have to| need to|'ve got to"
            r"| must(?! have (?:been|done|made|sent|seen|read|lost|got|\w+ed|\w+en)\b))",
            0.75,
        ),
        _cue("commitment", r"i(?:'m| am) on it,? (?:i'll)", 0.85),
        # "I call them tomorrow", "Then we adjust the templates": the present for a plan, as
        # a speaker of English as a second language says it; a promise only when anchored in
        # time (a date, "then", an answer to someone: checked in `commitment_form`).
        _cue(
            "commitment",
            r"(?:^|(?<=[,.;] )|(?<=\bthen )|(?<=\bso )|(?<=\band ))i "
            r"(?=(?:" + "|".join(_EN_PRESENT_WORK) + r")\b)",
            0.7,
            verb_follows=True,
        ),
        _cue(
            "group",
            r"(?:^|(?<=[,.;] )|(?<=\bthen )|(?<=\bso )|(?<=\band ))we "
            r"(?=(?:" + "|".join(_EN_PRESENT_WORK) + r")\b)",
            0.6,
            verb_follows=True,
        ),
        _cue("group", r"we(?:'ll| will| shall)", 0.7),
        _cue("group", r"we(?:'re| are) (?:going to|gonna)", 0.7),
        # "Let's all sit down and agree the plan by Friday", "let us all write down…": the
        # meeting going and sitting down together is not the work, what they agree on is.
        _cue(
            "group",
            r"(?:let's|(?:^|(?<=[:,.] ))let us(?= all\b))(?: all(?: of us)?| both)?"
            r"(?: (?:sit down|get together|meet|come together) and)?",
            0.6,
        ),
        # "Then everyone reads the draft and sends comments by Monday": a chair's order to
        # the team, said in the present; a task when dated (checked in `commitment_form`).
        _cue(
            "group",
            r"(?:everyone|everybody|each of you|all of you)(?: here)?"
            r" (?=(?:" + "|".join(_EN_PRESENT_WORK_3RD) + r")\b)",
            0.65,
            verb_follows=True,
        ),
        # "The CRM needs to be updated by Monday": a state to reach by a date, for the team.
        _cue(
            "group",
            r"(?P<passive>(?:(?:the|our|your|all|all the)\s+)?[\w-]+) (?:needs to|has to|must)"
            r" be(?= \w+ed\b)",
            0.6,
        ),
        # "Everyone has to clean up their close dates": the speaker's whole team.
        _cue(
            "group",
            r"(?:everyone|everybody|all of you|you all)(?: (?!to\b)[\w-]+){0,4}? "
            r"(?:has to|have to|needs? to|must|should)",
            0.7,
        ),
        # "We have to get the label bug fixed before the 28th", "we all need to have our
        # comments in by the 10th", "all of us must…": an obligation of the team, a task when
        # a date is said.
        _cue(
            "group",
            r"(?P<obligation>we(?: all| both)?|we(?:'ll| will) all|all of us|both of us"
            r"|both (?:of )?our teams)"
            r" (?:have to|need to|must|'ve got to|have got to)",
            0.6,
        ),
        # "We can have it ready on the 3rd": an offer that names its date is a promise.
        _cue("group", r"we can", 0.55),
        # "You'll have the figures from me by Monday": the speaker's promise, not a request.
        _cue("commitment", r"you(?:'ll| will)(?=\s+(?:have|get|receive)\b.*\bfrom me\b)", 0.8),
        # "You'll have it by Monday", "you'll get the ID once it's in": handed over by the speaker.
        _cue(
            "commitment",
            r"you(?:'ll| will)(?=\s+(?:have|get|receive)\s+"
            r"(?:it|them|that|this|those|the|my|our)\b)",
            0.75,
        ),
        _cue("request", r"(?:can|could|would|will) you(?: please)?(?:,? \w+,)?", 0.8),
        _cue("request", r"(?:^|(?<=, ))please", 0.75),
        # Asking for a thing: "Could we get a test environment?" - provided by who takes it on.
        _cue(
            "request",
            r"(?P<asks_for>(?:can|could|may) (?:we|i) (?:please |also )?(?:get|have))",
            0.7,
        ),
        # Not "do you think you'll come?": a question about what will happen.
        _cue("request", r"(?<!\bthink )(?<!\bexpect )(?<!\bsure )you(?:'ll| will)", 0.7),
        _cue("request", r"(?:i need|i'd like|i want) you to", 0.8),
        # "Ben, you need to update the CRM": an obligation handed to the one addressed.
        _cue(
            "request",
            r"(?:^|(?<=, ))you(?: really| just| also)?"
            r" (?:need to|have to|must|(?:'ll|will) need to)",
            0.75,
        ),
        _cue("request", r"(?:make sure (?:to|you)|don't forget to|remember to)", 0.75),
        _cue("request", r"(?:^|(?<=, ))you (?=(?:" + "|".join(_EN_VERBS_BASE) + r")\b)", 0.75),
    ),
    non_actions=(
        # pleasantries and thinking aloud
        *("be", "tell you what", "say", "think", "see", "hear", "guess", "imagine", "admit"),
        *("bet", "wonder", "know", "understand", "believe", "like", "love", "mind", "repeat"),
        *("remind me", "tell me", "hope", "assume", "keep in mind", "keep that in mind"),
        *("keep it in mind", "keep them in mind", "bear it in mind", "bear that in mind"),
        *("keep you in mind", "keep you guys in mind", "keep you all in mind"),
        *("keep that in my back pocket", "keep it in my back pocket"),
        # an assurance, not work: "I'll make it work"; the meeting's own sound: "I'll mute"
        *("make it work", "make that work", "mute", "unmute", "go on mute"),
        # a question left for later: "We'll figure that out later"
        *(
            "figure that out later",
            "figure it out later",
            "figure out later",
            "sort that out later",
        ),
        *("sort it out later", "work that out later", "work it out later"),
        # how the speaker talks in the meeting itself: "Then I'll keep it tight.", "I'll warn you
        # now, …"
        *("keep it tight", "keep it short", "keep it brief", "keep this short", "warn you"),
        # states and predictions, not tasks
        *("need", "want", "get there", "have to see", "probably", "definitely not"),
        *("receive", "notice", "enjoy", "appreciate", "go with", "tell you"),
        *("stick with", "go ahead with", "move forward with"),
        # putting up with terms: "Okay, I'll live with it", an answer in a negotiation
        *("live with", "accept that", "accept it"),
        # a look at one's own calendar before saying yes to a time: no work
        *("check my calendar", "check my diary", "look at my calendar", "check the calendar"),
        # said in the meeting itself: "I'll hold you to that"
        *("hold you to", "ask it", "put it this way", "ask this", "rephrase"),
        # taking over the meeting: "Malene takes the rest"
        *("take over", "take the rest", "take it from here"),
        # turns and recaps in the meeting itself: "I'll go first", "I'll sum up what we said"
        *("go first", "go next", "go last", "summarise what", "summarize what", "sum up"),
        *("try to summarise what", "try to summarize what", "try to sum up", "recap what"),
        *("run through the next steps", "run through next steps", "run through the action items"),
        # done in the meeting itself
        *("give me a second", "give me a sec", "walk me through", "walk you through"),
        *("pull up", "note", "leave", "have to leave", "have to jump off", "have to drop off"),
        *("have to go", "have to run", "jump off", "drop off", "share my screen"),
        *("stop sharing", "get to", "get around to", "get round to", "cover", "talk about"),
        *(
            "discuss",
            "come back to that",
            "come back to it",
            "come back to this",
            "move on",
            "start",
            "begin",
            "get started",
            "kick off",
        ),
        *("dive in", "jump in", "recap", "wrap up", "go through", "continue", "focus on"),
        *("explain", "clarify", "elaborate", "describe", "introduce", "take a look at this"),
        *("show you", "quickly show", "answer", "ask you", "ask a", "ask about", "add to that"),
        *("put it this way", "help with that", "help with it", "help you with that"),
        *("hand over", "turn it over", "pass it", "do a quick round", "be quick", "be brief"),
        # deferred, not taken on: "let's park that", "we'll take that after go-live"
        *("park", "take that after", "take it after", "take that later", "table that"),
        *(
            "do that in the next meeting",
            "do it in the next meeting",
            "take that in the next meeting",
        ),
        # holding back, not work: "Understood, I'll hold off", "I'll pretend I didn't hear it"
        *("hold off", "hold back", "hold fire", "pretend", "wait and see", "wait for"),
        *("bring it up again", "bring that up again", "raise it again"),
        # a vague word to get back some day, with nothing to do: "We'll reach out when we're ready"
        *("reach out when we're ready", "reach out when we are ready"),
        *("get in touch when we're ready", "get in touch when we are ready"),
        *("be in touch when we're ready", "be in touch when we are ready"),
        # "I'm going to the office": a place, not a task
        *("the", "a", "an", "my", "your", "our", "that", "this"),
        # negations
        *("not", "never", "no longer"),
    ),
    request_non_actions=(
        *("hear", "see", "repeat", "tell me", "tell us", "remind me", "walk me through"),
        *("walk us through", "note", "explain", "clarify", "elaborate", "describe", "give me a"),
        *("give us a", "hold on", "hang on", "wait", "imagine", "believe", "say that again"),
        *("speak up", "mute", "unmute", "go back", "scroll", "zoom", "confirm that you"),
        *("remember", "recall", "like", "mind", "be", "need", "want", "get", "have", "receive"),
        *("find it", "find that", "notice", "love", "know", "see my screen", "share your screen"),
        "expand",
        *("talk about", "speak to", "go over", "say", "think", "guess", "start", "begin"),
        *("go first", "kick off", "go ahead", "introduce yourself", "hear me", "all see"),
        *("all hear",),
        # shown in the meeting itself: "Could you show me an example?"
        *("show me", "show us", "show them"),
        # what was just said, again: "Could you sum that up in English for me?"
        *("sum that up", "sum it up", "sum up", "summarise that", "summarize that"),
        *("summarise it", "summarize it", "translate that", "translate it", "translate this"),
    ),
    hedges=_words_re(
        *("maybe", "perhaps", "possibly", "might", "probably", "suppose"),
        r"(?:would|'d) rather",
    ),
    conditions=_words_re("if", "unless", "whether", "once we", "as soon as we", "when we get"),
    habits=_words_re(
        *("usually", "always", "normally", "typically", "every time", "often"),
        *("from time to time", "now and then", "once in a while"),
        r"(?:every|each) (?:day|week|month|morning|afternoon|evening|night|quarter|year|monday"
        r"|tuesday|wednesday|thursday|friday)",
        # "every January and July", "every other week", "four times a year"
        r"(?:every|each) (?:january|february|march|april|may|june|july|august|september"
        r"|october|november|december)",
        r"every (?:other|second|third|two|three) (?:days?|weeks?|months?|years?|quarters?)",
        r"(?:once|twice|(?:three|four|five|six|\d+) times) (?:a|per|every) (?:day|week|month|year"
        r"|quarter)",
    ),
    leading_filler=re.compile(
        r"^(?:(?:just|also|then|definitely|quickly|actually|please|go ahead and|maybe|"
        r"certainly|happily|gladly|make sure to|try to|try and|be sure to|have to|need to|"
        r"i'll|we'll|i will|we will)\s+)+",
        re.IGNORECASE,
    ),
    trailing_filler=re.compile(
        r"(?:[\s,]+(?:for me|for us|for you|please|then|as well|too|when you (?:get a chance|can)"
        r"|if (?:you can|possible)|ok(?:ay)?|right|yeah|alright|um|uh|erm|er))+$",
        re.IGNORECASE,
    ),
    clause_break=re.compile(
        r",\s*(?:and then|and|so|because|but|since|if|unless|okay|ok|right|yeah|that way)\b"
        r"|;|\s+(?:so that|because|and then we|and we can|and then you)\s+|\s+-\s+|\s+–\s+",
        re.IGNORECASE,
    ),
    anaphora=re.compile(
        r"^(?:do|handle|take|take care of|sort|own|grab|look into|follow up on|action|make sure of)"
        r" (?:that|it|this|so|those|them)(?: one| out)?$",
        re.IGNORECASE,
    ),
    suggestion=re.compile(
        r"\b(?:someone|somebody|we|you)(?: really| probably)? (?:should|need to|needs to|"
        r"ought to|have to|must)\s+"
        r"|\b(?:we|i)(?:'ll)? need (?:someone|somebody|a volunteer) to\s+",
        re.IGNORECASE,
    ),
)


_EN_OFFER = re.compile(
    r"\b(?:i could|i can|would you like me to|shall i|should i|do you want me to"
    r"|(?:i'm |i am |i'd be )?(?:more than )?(?:happy|glad) to)\s+",
    re.IGNORECASE,
)
"""An offer ("I could put together two options") that a "please do" turns into a promise."""
_EN_WHO = re.compile(
    r"^(?:so,?\s*|and\s+|by the way,?\s*)?who(?:'s| is| will| can| wants to)?\s+(?P<task>.+)",
    re.IGNORECASE,
)
"""A "who does X?" question: the one who answers "I will" takes X."""
_EN_IMPERATIVE_VERBS = (
    *("send", "book", "call", "check", "email", "share", "schedule", "update", "prepare"),
    *("draft", "write", "read", "review", "ask", "invite", "fix", "add", "set up"),
    *("reach out", "follow up", "loop in", "forward", "get back to", "update"),
)
_EN_LEADING_VERBS = (
    *(*_EN_VERBS_BASE, *_EN_IMPERATIVE_VERBS, "help", "organise", "organize", "plan", "agree"),
    "write down",
)
"""Verbs that make a "let's" / "lad os" a task rather than a move in the meeting."""
_EN_IRREGULAR = {"does": "do", "has": "have", "is": "be", "goes": "go"}
