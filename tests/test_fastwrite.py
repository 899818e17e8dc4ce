"""Rows written at once (db/fastwrite.py) are stored as the ORM stores them, and found again by
the same queries: an import's history reads like the history of an edit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from pazos_desktop.db.fastwrite import insert_rows
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
