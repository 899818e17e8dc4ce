"""Fixtures and helpers of the data-safety tests (imported by tests/test_safety_*.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import copy_database, sample_template_for

__all__ = ["sample_db", "sample_template"]

SAMPLE_DAY = dt.date(2026, 3, 15)
DATA_TABLES = (
    "partner",
    "contact",
    "cluster",
    "neighbourhood",
    "program",
    "commitment",
    "commitment_cluster",
    "progress_update",
    "history_entry",
    "app_setting",
    "component",
)


@pytest.fixture(scope="session")
def sample_template(migrated_template, tmp_path_factory) -> Path:
    return sample_template_for(SAMPLE_DAY, migrated_template, tmp_path_factory)


@pytest.fixture
def sample_db(sample_template, tmp_path) -> Path:
    """A migrated database holding the Palmira sample, in its own folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return copy_database(sample_template, folder / "pazos.sqlite")


def row_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}
    finally:
        con.close()


def page_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()


def dump(path: Path) -> list[str]:
    """The whole database as SQL text: equal dumps mean equal databases."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def execute(path: Path, sql: str, params=()) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(sql, params)
    finally:
        con.close()


def overwrite_page(path: Path, page: int, junk: bytes = b"\xa5") -> None:
    """Scribble over one whole page of the file, as a failing disk or a bad sync would."""
    con = sqlite3.connect(path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(junk * size)
