"""Revision 0011_people_roles down and up on the seeded Palmira sample, on a file database (the
server's own run is in tests/test_server_people.py): every row kept, `person_profile` gone and
back, the server-only rules never created on SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from pazos_desktop.db.database import Database, current_revision, downgrade, head_revision
from tests.conftest import SUITE_TODAY, copy_database, sample_template_for

COUNTED = ("partner", "contact", "commitment", "meeting", "history_entry", "meeting_snapshot")


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in COUNTED}


@pytest.mark.sqlite_only
def test_people_roles_goes_down_and_up_on_the_sample(migrated_template, tmp_path_factory, tmp_path):
    sample = sample_template_for(SUITE_TODAY, migrated_template, tmp_path_factory)
    db = Database(str(copy_database(sample, tmp_path / "s.sqlite")))
    try:
        before = _counts(db)
        assert before["partner"] > 0 and before["meeting"] > 0
        downgrade(db.engine, "0010_reporting_cycle")
        assert current_revision(db.engine) == "0010_reporting_cycle"
        assert not inspect(db.engine).has_table("person_profile")
        assert _counts(db) == before
        db.migrate()
        assert current_revision(db.engine) == head_revision()
        assert inspect(db.engine).has_table("person_profile") and _counts(db) == before
    finally:
        db.dispose()
