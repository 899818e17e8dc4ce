"""Revision 0002 (meetings): the models match the migrated DDL, and it goes down and up again
without losing the data of revision 0001."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from pytest_alembic.tests import (  # noqa: F401  (pytest-alembic's built-in tests, run here)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import inspect, text

from pazos_desktop.db.database import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    upgrade,
)
from pazos_desktop.db.models import register as models
from pazos_desktop.paths import migrations_dir
from pazos_desktop.services.meetings import editing as meetings
from tests.meetings_fixtures import meeting_data, world  # noqa: F401


@pytest.fixture
def alembic_config():
    return {"script_location": str(migrations_dir())}


@pytest.fixture
def alembic_engine(fresh_target):
    engine = make_engine(fresh_target)  # an empty file, or an empty server database
    yield engine
    engine.dispose()


def test_models_match_migrated_schema(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(context, models.Base.metadata)
    assert diff == []


def test_meeting_tables_and_origin_column_exist(db):
    inspector = inspect(db.engine)
    tables = set(inspector.get_table_names())
    assert {
        "meeting",
        "meeting_attendee",
        "meeting_agenda_item",
        "meeting_decision",
        "meeting_followup",
        "meeting_cluster",
    } <= tables
    fks = {fk["name"] for fk in inspector.get_foreign_keys("commitment")}
    assert "fk_commitment_origin_meeting_id_meeting" in fks
    uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("meeting")}
    assert uniques["uq_meeting_series"] == ["series", "year", "number"]


def test_downgrade_and_upgrade_keep_commitments(db, session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, dt.date(2026, 5, 1)))
    session.commit()
    assert made.number == 1
    downgrade(db.engine, "0001")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM commitment")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM progress_update")).scalar() == 0
        assert "meeting" not in inspect(conn).get_table_names()
    upgrade(db.engine)
    assert current_revision(db.engine) == head_revision()  # later revisions follow 0002
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM commitment_cluster")).scalar() == 2
        if conn.dialect.name == "sqlite":  # a server never lets a reference break
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
