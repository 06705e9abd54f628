"""Action items found by rules, in English and Danish.

Four kinds of sentence make a task:

- **commitments** by the speaker: "I'll send the revised quote by Friday", "Jeg sender tilbuddet
  i morgen", "I morgen ringer jeg til dem";
- **group commitments**: "we'll set up a pilot", "lad os booke et møde": the owner is the
  speaker's team (``team:internal``, ``team:external``, or ``team`` when sides are unknown);
- **requests** to the person addressed: "Could you loop in legal before the 15th?", "Kan du
  tjekke prisen med Peter?": the owner is the participant named as addressee ("Maria, can
  you…", "…, Maria?"), else the only other participant, else the next different speaker;
- **assignments**: "Maria takes the demo", "Peter skal nok ringe til dem": the named
  participant.

The rules are small tables per language (`rules_en`, `rules_da`): cues that open a task, what
may follow a cue without making one (`non_actions`: "I'll be honest", "kan du høre mig"), hedges,
conditions and fillers. Not tasks: past work (no cue matches "I sent", "jeg har sendt"),
hypotheticals and hedges ("we could maybe", "jeg kan måske"), conditions ("if we get budget,
I'll…"), questions about facts ("can you tell me…", "kan du huske…"), jokes (laughter in the
sentence or the reply), work done on the spot ("let me share my screen", "I'll send it right
now").

A sentence yields at most one item, from its first cue that opens a task. "I'll do that" takes
its task from the request or suggestion just before it; repeats of one task by one owner are
merged, keeping the most specific (a due date, then the longer text).

``confidence`` (0-1) is a score of how sure the rules are, not a calibrated probability: an
explicit "I'll" with a date and a named owner scores high, a Danish present tense without a
date or a "let's" lower.

Modules, from the tables up:

- `rules`: the shape of a rule table, and the patterns written for both languages at once;
  `rules_en`, `rules_da`: one language's tables;
- `model`: `ActionItem` and the state the rules read a meeting with;
- `cues`: the cues in a sentence that may open a task;
- `tasks`: the words after a cue made into a clean imperative task with its due date;
- `owners`: who owns an item, and how an owner is shown;
- `replies`: a yes or an "I'll do that" that takes on what someone else just said;
- `similarity`: whether two task texts name the same work;
- `merging`: one task said twice becomes one item;
- `cue_items`: the item one cue opens, with `commitment_form` (the form that commits) and
  `not_work` (what a cue opens that is no work to do);
- `located`, `restatements`, `follow_ups`, `recaps`: an item checked against those already
  found (said again, dated or amended later, summed up in a recap);
- `extraction`: the sentence-by-sentence reading that ties these together.
"""

from __future__ import annotations

from assistant.intelligence.action_items.learned import extract_action_items
from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.owners import TEAM, owner_name, team_owner
from assistant.intelligence.action_items.similarity import similar_tasks
from assistant.intelligence.dates import resolve_due_date

__all__ = [
    "TEAM",
    "ActionItem",
    "extract_action_items",
    "owner_name",
    "resolve_due_date",
    "similar_tasks",
    "team_owner",
]
