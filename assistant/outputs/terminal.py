"""Figure tables for the terminal that never cut a header or a name.

Rich shrinks a table wider than the console by cutting cells ("Words/…", "Lars Østerg…"). A
table that does not fit is printed as several narrower tables instead, each repeating the name
column, so every header and every name is printed whole at 80 columns."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

__all__ = ["figure_tables"]


def figure_tables(
    console: Console, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> list[Table]:
    """``headers``/``rows`` (a name column, then figures) as tables that fit ``console``'s width:
    one table when it fits, else the figures split over as few tables as fit. The first table
    keeps ``title``; the others say "(continued)"."""
    width = console.options.max_width
    groups: list[list[int]] = [[]]
    for column in range(1, len(headers)):
        trial = [*groups[-1], column]
        if groups[-1] and _width(console, headers, rows, trial) > width:
            groups.append([column])
        else:
            groups[-1] = trial
    return [
        _table(title if number == 0 else f"{title} (continued)", headers, rows, columns)
        for number, columns in enumerate(groups)
    ]


def _width(
    console: Console, headers: Sequence[str], rows: Sequence[Sequence[str]], columns: list[int]
) -> int:
    table = _table("", headers, rows, columns)
    # Measured without the console's limit: Rich clamps a measurement to the width it is given.
    unbounded = console.options.update(width=10_000)
    return Measurement.get(console, unbounded, table).maximum


def _table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], columns: list[int]
) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(headers[0], justify="left", overflow="fold")
    for column in columns:
        table.add_column(headers[column], justify="right", no_wrap=True)
    for row in rows:
        # Text: names are not Rich markup.
        table.add_row(Text(row[0]), *(Text(row[column]) for column in columns))
    return table
