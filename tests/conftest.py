"""Shared fixtures: a database migrated by Alembic once per run (once per pytest-xdist worker),
copied for every test; the sample data of a day built once per run, whatever the workers.

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
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PAZOS_USER"] = "pytest"
# No test reads or writes the developer's own credential store (tests/test_window_people.py
# puts an in-memory one in its place).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
if os.environ.get("PAZOS_TEST_DATA_PID") != str(os.getpid()):
    # The user's data folder (drafts, cached dashboard figures, a server's automatic backups)
    # and log folder: a scratch one for the whole run of this process. Per process, not
    # inherited: pytest-xdist workers inherit the environment of the process that starts
    # them, and each removes its folder when it ends, while the other is still running.
    # (This file is imported twice in one process, as conftest and tests.conftest.)
    scratch = tempfile.mkdtemp(prefix="pazos-tests-data-")
    os.environ["PAZOS_TEST_DATA_HOME"] = os.environ["XDG_DATA_HOME"] = scratch
    os.environ["XDG_STATE_HOME"] = os.path.join(scratch, "state")  # platformdirs' user_log_dir
    os.environ["PAZOS_TEST_DATA_PID"] = str(os.getpid())

if "PYTEST_XDIST_WORKER" not in os.environ:
    # This run: the pytest process that started it, which xdist workers inherit. Server
    # databases every process of the run may copy (the samples) are named after it.
    os.environ["PAZOS_TEST_RUN"] = str(os.getpid())

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
    if "PYTEST_XDIST_WORKER" not in os.environ:  # the run's first process, which ends last
        server_db.drop_run_databases()
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


def copy_database(source: Path | str, target: Path, keep: bool = False) -> Path | str:
    """Copy with SQLite's backup API: a file copy can miss pages still in the -wal file.

    On a server, `source` is a database URL: the copy is a new database made from it as a
    template, and its URL is returned (`target` only names the SQLite file it stands for).
    `keep`: a module's or the run's copy, not dropped after each test but at the run's end.
    """
    if server_db.is_server_target(source):
        return server_db.servers().create(template=str(source), keep=keep)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def run_folder(tmp_path_factory) -> Path:
    """A folder every process of this run shares: with pytest-xdist, each worker's temporary
    folder is inside the run's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


@contextmanager
def run_lock(path: Path, wait: float = 900.0):
    """One process of the run at a time (xdist workers): the exclusive creation of `path`."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} still held after {wait:.0f} s") from None
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)


_samples: dict[object, Path | str] = {}


def sample_template_for(day, migrated_template: Path | str, tmp_path_factory) -> Path | str:
    """The Palmira sample data as of `day`, built once per run however many modules and xdist
    workers ask: the first to ask builds it and leaves its location in the run's folder."""
    if day not in _samples:
        found = run_folder(tmp_path_factory) / f"sample-{day}.txt"
        with run_lock(found.with_suffix(".lock")):
            if not found.exists():
                built = _build_sample(day, migrated_template, tmp_path_factory)
                found.write_text(str(built), encoding="utf-8")
        where = found.read_text(encoding="utf-8")
        _samples[day] = where if server_db.is_server_target(where) else Path(where)
    return _samples[day]


_templates: dict[tuple, tuple] = {}


def built_template(key: tuple, source, build, tmp_path_factory, day) -> tuple:
    """A database built once per run however many modules ask: `source` copied, then
    `build(session, day)` run in it; returns (its path or URL, what `build` returned)."""
    if key not in _templates:
        folder = tmp_path_factory.mktemp(str(key[0]))
        path = copy_database(source, folder / f"{key[0]}.sqlite")
        database = database_on(path, day)
        with database.session() as session:
            made = build(session, day)
        database.dispose()
        if server_db.is_server_target(path):
            server_db.servers().keep(path)  # a template for the whole run
        _templates[key] = (path, made)
    return _templates[key]


def _build_sample(day, migrated_template: Path | str, tmp_path_factory) -> Path | str:
    from pazos_desktop.sample import build_sample

    if server_db.is_server_target(migrated_template):
        # Named after the run, not this worker: dropped when the whole run ends.
        target = server_db.servers().create(template=str(migrated_template), for_run=True)
    else:
        target = copy_database(
            migrated_template, tmp_path_factory.mktemp("sample") / "sample.sqlite"
        )
    database = database_on(target, day)
    with database.session() as session:
        build_sample(session, day)
    database.dispose()
    return target


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
