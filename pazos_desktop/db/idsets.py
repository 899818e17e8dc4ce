"""Rows for many ids at once without SQLAlchemy's cost per id.

SQLAlchemy renders each value of an `IN` list as a bound parameter of its own: for the 5,000
ids of an import's chunk, building the statement took longer than running it. A dense run of
ids (an import's commitments, numbered one after another) is asked for as a range instead.
"""

from __future__ import annotations

from collections.abc import Sequence

DENSE = 2  # a range at most this many times longer than the ids it covers is read whole


def among(column, ids: Sequence[int]):
    """The condition `column IN ids`, as `column BETWEEN first AND last` when the ids fill at
    least half of that range: callers keep the rows of the ids they asked for (a range may
    bring others, at most as many)."""
    if not ids:
        return column.in_([])
    low, high = min(ids), max(ids)
    if high - low + 1 <= DENSE * len(ids):
        return column.between(low, high)
    return column.in_(ids)
