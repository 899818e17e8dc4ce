"""Revision 0004_personal_data on a database full of data (the Palmira sample copied into the
schema of the revision before it), then back down and up again."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from pazos_desktop.db.database import downgrade, make_engine, upgrade
from pazos_desktop.db.models.register import Contact
from pazos_desktop.safety.opening import open_database
from pazos_desktop.services.personal_data import authorisations as auth
from tests.conftest import database_on
from tests.safety_fixtures import *  # noqa: F403  (sample_template)
from tests.safety_fixtures import SAMPLE_DAY
from tests.test_safety_migrations import _fill_from, revisions_base_to_head

# The revision is proved on SQLite files copied table by table (tests/test_safety_migrations.py).
pytestmark = pytest.mark.sqlite_only

REVISION = "0004_personal_data"
NEW_TABLES = (
    "contact_authorisation",
    "data_policy",
    "data_purpose",
    "rights_request",
    "data_suppression",
)


def _before_revision() -> str:
    chain = revisions_base_to_head()
    return chain[chain.index(REVISION) - 1]


def _count(path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_the_revision_adds_personal_data_to_a_full_database(sample_template, tmp_path):
    path = tmp_path / "pazos.sqlite"
    engine = make_engine(str(path))
    upgrade(engine, _before_revision())
    engine.dispose()
    _fill_from(path, sample_template)
    contacts, hoods = _count(path, "contact"), _count(path, "neighbourhood")
    assert contacts > 50 and hoods > 10

    open_database(str(path)).dispose()  # migrates to the head, after a backup

    con = sqlite3.connect(path)
    codes = set(con.execute("SELECT department_code, municipality_code FROM neighbourhood"))
    assert codes == {("76", "76520")}  # text, Palmira's
    assert con.execute("SELECT typeof(municipality_code) FROM neighbourhood").fetchone() == (
        "text",
    )
    assert con.execute("SELECT count(*) FROM data_purpose WHERE active = 1").fetchone() == (4,)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    assert _count(path, "contact") == contacts and _count(path, "neighbourhood") == hoods

    db = database_on(path, SAMPLE_DAY)
    with db.session() as s:
        ids = list(s.scalars(select(Contact.id)))
        assert {st.state for st in auth.states_for(s, ids).values()} == {"none"}
        assert len(auth.list_contact_states(s, only_lacking=True)) == len(
            auth.list_contact_states(s)
        )
    db.dispose()


def test_down_and_up_again_keeps_the_older_data(sample_template, tmp_path):
    path = tmp_path / "pazos.sqlite"
    engine = make_engine(str(path))
    upgrade(engine, _before_revision())
    engine.dispose()
    _fill_from(path, sample_template)
    open_database(str(path)).dispose()
    engine = make_engine(str(path))
    downgrade(engine, _before_revision())
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in con.execute("PRAGMA table_info(neighbourhood)")}
    con.close()
    assert not tables & set(NEW_TABLES) and "municipality_code" not in columns
    upgrade(engine)
    engine.dispose()
    assert _count(path, "data_purpose") == 4
