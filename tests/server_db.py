"""The test suite on a PostgreSQL server: `PAZOS_TEST_DB=postgresql+psycopg://…` switches it.

The URL names a role that may create databases, and a database to connect to for that (the
maintenance database `postgres` will do). The migrated database is built once per process
(each pytest-xdist worker has its own) and each sample once per run, as template databases;
every test gets its own `CREATE DATABASE … TEMPLATE …` copy (tens of milliseconds), dropped
when the test ends. Tests that are about SQLite itself
(files, pragmas, WAL, file copies) carry the `sqlite_only` marker and are skipped here.
"""

from __future__ import annotations

import itertools
import os

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SERVER_URL = os.environ.get("PAZOS_TEST_DB", "")
PREFIX = f"pazos_t{os.getpid()}_"
# Databases of the whole run (every xdist worker may copy them): named after the run's first
# process (tests/conftest.py sets PAZOS_TEST_RUN), dropped by it when the run ends.
RUN_PREFIX = f"pazos_r{os.environ.get('PAZOS_TEST_RUN', os.getpid())}_"


def on_server() -> bool:
    return SERVER_URL.startswith("postgresql")


def is_server_target(target) -> bool:
    return isinstance(target, str) and target.startswith("postgresql")


class ServerDatabases:
    """Creates and drops this run's databases through one autocommit connection."""

    def __init__(self, url: str):
        self.base = make_url(url)
        self.engine = create_engine(self.base, isolation_level="AUTOCOMMIT", pool_size=1)
        self._names = (f"{PREFIX}{n}" for n in itertools.count(1))
        self.created: list[str] = []
        self.kept: set[str] = set()  # templates, dropped only at the end of the run

    def url_of(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None, keep: bool = False, for_run=False) -> str:
        """A new database (a copy of the `template` URL's database when given); its URL.

        `for_run`: a database of the whole run, left to `drop_run_databases` (not this
        process's to drop: another xdist worker may still copy it)."""
        name = next(self._names)
        if for_run:
            name = name.replace(PREFIX, RUN_PREFIX + PREFIX, 1)
        if keep:
            self.kept.add(name)
        clause = f' TEMPLATE "{make_url(template).database}"' if template else ""
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
        if not for_run:
            self.created.append(name)
        return self.url_of(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.engine.connect() as conn:
            # FORCE: a test may leave a connection open (a window, a second "office").
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.created:
            self.created.remove(name)

    def keep(self, url: str) -> None:
        self.kept.add(make_url(url).database)

    def drop_test_databases(self) -> None:
        for name in [n for n in self.created if n not in self.kept]:
            self.drop(self.url_of(name))

    def drop_all(self) -> None:
        for name in list(self.created):
            self.drop(self.url_of(name))
        self.engine.dispose()

    def execute_rows(self, url: str, sql: str, **params) -> list:
        """One statement (or several, without parameters) as the test role; its rows."""
        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=None)
        with engine.connect() as conn:
            if params:
                result = conn.execute(text(sql), params)
            else:  # sent as it is: a password verifier's ":" is not a parameter
                result = conn.exec_driver_sql(sql.replace("%", "%%"))
            rows = [tuple(r) for r in result] if result.returns_rows else []
        engine.dispose()
        return rows

    def execute(self, url: str, sql: str) -> None:
        """One statement in the database at `url`, as the test role (autocommit)."""
        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=None)
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()

    def drop_run_databases(self) -> None:
        with self.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT datname FROM pg_database").scalars().all()
        for name in [n for n in names if n.startswith(RUN_PREFIX)]:
            self.drop(self.url_of(name))


_servers: ServerDatabases | None = None


def servers() -> ServerDatabases:
    global _servers
    if _servers is None:
        _servers = ServerDatabases(SERVER_URL)
    return _servers


def close() -> None:
    if _servers is not None:
        _servers.drop_all()


def drop_run_databases() -> None:
    """At the end of the run, by its first process: the databases every worker shared."""
    if on_server():
        servers().drop_run_databases()
        servers().engine.dispose()
