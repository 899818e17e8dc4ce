"""Shared fixtures: a database migrated by Alembic once per run, copied for every test.

The suite's clock: `SUITE_TODAY` is read once, from the real clock (under `faketime`, the
faked one), and every database a test opens is given a clock on a day the test chose
(`clock_on`): test data, expectations and the program then agree on "today", even when the
suite runs across midnight. Tests never write calendar dates the program does not also see.
With `PAZOS_TEST_DB=postgresql+psycopg://…` the same fixtures give each test its own
database on that server instead of a SQLite file (tests/server_db.py); tests marked
`sqlite_only` are skipped there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PAZOS_USER"] = "pytest"
# No test reads or writes the developer's own credential store (tests/test_window_people.py
# puts an in-memory one in its place).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
if "PAZOS_TEST_DATA_HOME" not in os.environ:  # this file is imported twice (tests.conftest)
    # The user's data folder (drafts, cached dashboard figures, a server's automatic backups):
    # a scratch one for the whole run.
    scratch = tempfile.mkdtemp(prefix="pazos-tests-data-")
    os.environ["PAZOS_TEST_DATA_HOME"] = os.environ["XDG_DATA_HOME"] = scratch

from pazos_desktop import i18n  # noqa: E402
from pazos_desktop.clock import clock_on, system_clock  # noqa: E402
from pazos_desktop.db.database import Database
from pazos_desktop.safety.opening import open_database  # noqa: E402
from tests import server_db  # noqa: E402

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


def pytest_collection_modifyitems(config, items):
    on_server = server_db.on_server()
    skip_here = "sqlite_only" if on_server else "server_only"
    why = "SQLite only (PAZOS_TEST_DB is a server)" if on_server else "needs PAZOS_TEST_DB"
    for item in items:
        if item.get_closest_marker(skip_here):
            item.add_marker(pytest.mark.skip(reason=why))


def pytest_sessionfinish(session, exitstatus):
    server_db.close()
    shutil.rmtree(os.environ["PAZOS_TEST_DATA_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _server_databases():
    """On a server, the databases a test made are dropped when it ends."""
    yield
    if server_db.on_server():
        server_db.servers().drop_test_databases()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path | str:
    if server_db.on_server():
        url = server_db.servers().create(keep=True)
        open_database(url).dispose()
        return url
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(str(path)).dispose()
    return path


@pytest.fixture
def fresh_target(tmp_path) -> str:
    """Where a test may create a database from nothing: a new file, or an empty server one."""
    if server_db.on_server():
        return server_db.servers().create()
    return str(tmp_path / "nuevo.sqlite")


def copy_database(source: Path | str, target: Path) -> Path | str:
    """Copy with SQLite's backup API: a file copy can miss pages still in the -wal file.

    On a server, `source` is a database URL: the copy is a new database made from it as a
    template, and its URL is returned (`target` only names the SQLite file it stands for).
    """
    if server_db.is_server_target(source):
        return server_db.servers().create(template=str(source))
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
        if server_db.is_server_target(path):
            server_db.servers().keep(path)  # a template for the whole run
        _samples[day] = path
    return _samples[day]


@pytest.fixture
def db_path(migrated_template, tmp_path) -> Path | str:
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
