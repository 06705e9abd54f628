"""When two wordings name the same work (`action_items.similarity`)."""

from __future__ import annotations

from assistant.intelligence.action_items import similar_tasks

# ---- a Danish compound names the same work as its head noun ---------------------------------


def test_a_compound_and_its_head_noun_name_the_same_work() -> None:
    assert similar_tasks("Send en oversigt over priserne", "Send prisoversigten til dig")
    assert similar_tasks("Lav en plan for udrulningen", "Lav udrulningsplanen færdig")
    # another verb is other work, and a short word inside a long one is no head noun
    assert not similar_tasks("Send en oversigt over priserne", "Ret prisoversigten")
    assert not similar_tasks("Send en liste", "Send kontrakten til Bo")


# ---- a Danish definite form names the same thing as the bare noun -------------------------


def test_definite_and_bare_nouns_name_the_same_work() -> None:
    assert similar_tasks("Send planen", "Send en plan for uge tre")
    assert similar_tasks("Ret tallene i arket", "Ret tallet for Aarhus i arket")
    assert not similar_tasks("Send listen over brugere", "Ring til brugerne")
    assert not similar_tasks("Send planen", "Send fakturaen")
