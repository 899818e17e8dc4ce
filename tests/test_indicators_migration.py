"""Revision 0005_indicators on a database full of data: every row of the earlier schema kept,
the new tables usable at once, and down and up again without losing anything."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect

from pazos_desktop.db.database import (
    current_revision,
    downgrade,
    head_revision,
    known_revisions,
    make_engine,
    upgrade,
)
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators import values as indicator_values
from pazos_desktop.services.indicators.panel import load_panel
from tests.conftest import database_on
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.test_safety_migrations import _fill_from

# The revision is proved on SQLite files copied table by table (tests/test_safety_migrations.py).
pytestmark = pytest.mark.sqlite_only

REVISION = "0005_indicators"
NEW_TABLES = {
    "indicator",
    "indicator_value",
    "population",
    "indicator_component",
    "indicator_program",
    "indicator_commitment",
}


def _counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_revision_is_in_the_one_chain():
    assert REVISION in known_revisions() and _before(REVISION) in known_revisions()


def test_upgrade_of_a_full_database_keeps_every_row(sample_template, tmp_path):
    path = tmp_path / "pazos.sqlite"
    engine = make_engine(str(path))
    upgrade(engine, "0002")
    engine.dispose()
    _fill_from(path, sample_template)
    before = _counts(path)
    assert before["commitment"] >= 150 and before["meeting"] >= 5 and before["history_entry"] > 1000
    assert not NEW_TABLES & set(before)

    engine = make_engine(str(path))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    after = _counts(path)
    assert {t: after[t] for t in before} == before
    assert {t: after[t] for t in NEW_TABLES} == dict.fromkeys(NEW_TABLES, 0)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    # The new tables work at once on the old data: a sheet linked to existing commitments.
    db = database_on(path)
    year = db.run_context().today.year - 1
    with db.session() as s:
        sheet = indicators.save_indicator(
            s,
            indicators.IndicatorData(
                code="HOM-01",
                name="Tasa de homicidios",
                aggregation="ratio",
                scale=100_000,
                population_denominator=True,
                direction="lower",
                commitment_ids=[1, 2, 3],
            ),
        )
        indicators.save_population(s, indicators.PopulationData(year=year, population=350_000))
        indicator_values.record_value(
            s,
            indicator_values.ValueData(
                indicator_id=sheet.id, period_start=str(year), numerator=105
            ),
        )
    with db.session() as s:
        row = load_panel(s).row(sheet.id)
    assert row.latest.figure.value == pytest.approx(30.0) and row.linked.total == 3
    db.dispose()


def _before(revision: str) -> str:
    """The revision this one follows, from Alembic's own reading of the chain."""
    from alembic.script import ScriptDirectory

    from pazos_desktop.db.database import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_revision(revision).down_revision


def test_down_and_up_again(sample_template, tmp_path):
    """The revision alone, on a database full of data at it: later revisions (which may not
    go back over such data, e.g. numbering per series) are not involved."""
    path = tmp_path / "pazos.sqlite"
    engine = make_engine(str(path))
    upgrade(engine, REVISION)
    _fill_from(path, sample_template)
    before = _counts(path)
    assert before["indicator_value"] > 100  # the sample has indicators
    downgrade(engine, _before(REVISION))
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine, REVISION)
    assert current_revision(engine) == REVISION
    engine.dispose()
    after = _counts(path)
    kept = {t: n for t, n in before.items() if t not in NEW_TABLES}
    assert {t: after[t] for t in kept} == kept
    assert after["indicator_value"] == 0  # the downgrade dropped them, as it says
