"""Private live hints for the people in a meeting (see ``engine``)."""

from assistant.hints.engine import Hint, HintEngine, HintKind, HintOptions

__all__ = ["Hint", "HintEngine", "HintKind", "HintOptions"]
