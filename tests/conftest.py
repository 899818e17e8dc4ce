"""Shared fixtures: a database migrated by Alembic once per run, copied for every test.

The suite's clock: `SUITE_TODAY` is read once, from the real clock (under `faketime`, the
faked one), and every database a test opens is given a clock on a day the test chose
(`clock_on`): test data, expectations and the program then agree on "today", even when the
suite runs across midnight. Tests never write calendar dates the program does not also see.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PAZOS_USER"] = "pytest"
# The user's data folder (drafts, cached dashboard figures): a scratch one for the whole run.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="pazos-tests-data-")

from pazos_desktop import i18n  # noqa: E402
from pazos_desktop.clock import clock_on, system_clock  # noqa: E402
from pazos_desktop.database import Database, open_database  # noqa: E402

SUITE_TODAY = system_clock().astimezone().date()


def database_on(path: Path, day=None, actor: str = "pytest") -> Database:
    """A Database whose clock says it is `day` (default: the suite's today)."""
    return Database(str(path), actor=actor, clock=clock_on(day or SUITE_TODAY))


ARTIFACTS = Path(__file__).parent / "_artifacts"


@pytest.fixture(autouse=True)
def spanish():
    """Every test starts in the default language."""
    i18n.set_language("es")
    yield
    i18n.set_language("es")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(str(path)).dispose()
    return path


def copy_database(source: Path, target: Path) -> Path:
    """Copy with SQLite's backup API: a file copy can miss pages still in the -wal file."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


_samples: dict[object, Path] = {}


def sample_template_for(day, migrated_template: Path, tmp_path_factory) -> Path:
    """The Palmira sample data as of `day`, built once per run however many modules ask."""
    if day not in _samples:
        from pazos_desktop.sample import build_sample

        folder = tmp_path_factory.mktemp("sample")
        path = copy_database(migrated_template, folder / "sample.sqlite")
        database = database_on(path, day)
        with database.session() as session:
            build_sample(session, day)
        database.dispose()
        _samples[day] = path
    return _samples[day]


@pytest.fixture
def db_path(migrated_template, tmp_path) -> Path:
    return copy_database(migrated_template, tmp_path / "pazos.sqlite")


@pytest.fixture
def db(db_path) -> Database:
    database = database_on(db_path)
    yield database
    database.dispose()


@pytest.fixture
def session(db):
    """One unit of work, committed at the end of the test (rolled back on error)."""
    with db.session() as s:
        yield s


@pytest.fixture
def artifacts() -> Path:
    """Where tests leave PNGs and files for a person to look at (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
