"""Rows written at once (db/fastwrite.py) are stored as the ORM stores them, and found again by
the same queries: an import's history reads like the history of an edit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from pazos_desktop.db.fastwrite import insert_rows
from pazos_desktop.db.idsets import among
from pazos_desktop.db.models.register import HistoryEntry

WHOLE_SECOND = dt.datetime(2026, 12, 7, 10, 39, 0)  # no microseconds: the case that differed
FRACTION = dt.datetime(2026, 12, 7, 10, 39, 0, 250_000)


def _row(at: dt.datetime, entity_id: int) -> dict:
    return {
        "at": at,
        "actor": "importación",
        "entity": "progress_update",
        "entity_id": entity_id,
        "action": "create",
        "field": None,
        "old_value": None,
        "new_value": None,
        "reason": "importación de Compromisos_SIDOC.xlsx",
    }


def test_times_are_stored_as_the_orm_stores_them(session):
    for n, at in enumerate((WHOLE_SECOND, FRACTION), start=1):
        session.add(HistoryEntry(**_row(at, n)))
    session.flush()
    insert_rows(session, HistoryEntry.__table__, [_row(WHOLE_SECOND, 11), _row(FRACTION, 12)])
    for at, ids in ((WHOLE_SECOND, {1, 11}), (FRACTION, {2, 12})):
        found = session.scalars(select(HistoryEntry.entity_id).where(HistoryEntry.at == at))
        assert set(found) == ids
    stored = dict(session.execute(text("SELECT entity_id, at FROM history_entry")).all())
    assert stored[11] == stored[1] and stored[12] == stored[2]


def test_many_rows_keep_their_values_and_order(session):
    rows = [_row(FRACTION, n) | {"new_value": f"valor {n} «ñ»"} for n in range(1, 2_001)]
    insert_rows(session, HistoryEntry.__table__, rows)
    query = select(HistoryEntry.entity_id, HistoryEntry.new_value, HistoryEntry.at)
    back = session.execute(query.order_by(HistoryEntry.id)).all()
    assert [(r.entity_id, r.new_value, r.at) for r in back] == [
        (n, f"valor {n} «ñ»", FRACTION) for n in range(1, 2_001)
    ]


def test_a_column_python_fills_is_never_left_empty(session):
    """Rows that leave out a column with a Python default (the history's `at`) go through
    SQLAlchemy's own insert, which fills it; the driver's executemany would leave it empty
    (and the database refuse the row)."""
    rows = [{k: v for k, v in _row(FRACTION, n).items() if k != "at"} for n in (41, 42)]
    insert_rows(session, HistoryEntry.__table__, rows)
    query = select(HistoryEntry.at).where(HistoryEntry.entity_id.in_([41, 42]))
    stamps = list(session.scalars(query))
    assert len(stamps) == 2 and all(isinstance(at, dt.datetime) for at in stamps)


def test_ids_in_a_dense_run_are_asked_for_as_a_range(session):
    dense, sparse = list(range(100, 300)), [5, 900, 4000]
    assert "BETWEEN" in str(among(HistoryEntry.entity_id, dense))
    assert "IN" in str(among(HistoryEntry.entity_id, sparse))
    insert_rows(session, HistoryEntry.__table__, [_row(FRACTION, n) for n in range(95, 305)])
    asked = dense[::2]  # half of the range: still read as one
    query = select(HistoryEntry.entity_id).where(among(HistoryEntry.entity_id, asked))
    found = set(session.scalars(query))
    assert set(asked) <= found <= set(range(asked[0], asked[-1] + 1))
