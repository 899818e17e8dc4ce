"""Revision 0010_reporting_cycle on a seeded database (the Palmira sample, reports, evidence
and a closed period included): down to its parent and up again, on SQLite and on a server.
New tables only: going down drops exactly them and keeps every other row; going up again
gives them back, empty, and the program works on the result."""

from __future__ import annotations

from sqlalchemy import func, inspect, select, text

from pazos_desktop.db import database
from pazos_desktop.db.database import Database, current_revision
from pazos_desktop.db.models.register import Base
from pazos_desktop.services.reporting import states
from tests.conftest import copy_database, database_on
from tests.excel_support import TODAY, sample_template

__all__ = ["sample_template"]

REVISION, PARENT = "0010_reporting_cycle", "0009_invisible_characters"
NEW_TABLES = {
    "reporting_period",
    "partner_report",
    "partner_report_remark",
    "stored_file",
    "stored_file_chunk",
    "evidence",
    "period_closure",
    "period_closure_cluster",
}


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names()) - {"alembic_version"}
        return {
            name: conn.execute(
                select(func.count()).select_from(Base.metadata.tables[name])
            ).scalar()
            for name in sorted(names)
            if name in Base.metadata.tables
        }


def test_the_revision_goes_down_and_up_on_a_seeded_database(sample_template, tmp_path):
    db = database_on(copy_database(sample_template, tmp_path / "pazos.sqlite"), TODAY)
    try:
        database.downgrade(db.engine, REVISION)  # the revisions after it set aside first
        before = _counts(db)
        assert all(before[t] > 0 for t in ("partner_report", "evidence", "stored_file_chunk"))
        database.downgrade(db.engine, PARENT)
        assert current_revision(db.engine) == PARENT
        down = _counts(db)
        assert set(before) - set(down) == NEW_TABLES
        assert {t: n for t, n in before.items() if t not in NEW_TABLES} == down
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        database.upgrade(db.engine, REVISION)
        up = _counts(db)
        assert current_revision(db.engine) == REVISION
        assert {t: up[t] for t in NEW_TABLES} == dict.fromkeys(NEW_TABLES, 0)
        assert {t: n for t, n in up.items() if t not in NEW_TABLES} == down
        database.upgrade(db.engine)  # the program's schema again
        with db.session() as s:  # the program works on it: no reports yet, all pending
            grid = states.grid(s, TODAY)
            assert grid.cells and set(grid.cells.values()) <= {"pending", "overdue"}
    finally:
        db.dispose()
