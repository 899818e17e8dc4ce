"""The test suite on a PostgreSQL server: `PAZOS_TEST_DB=postgresql+psycopg://…` switches it.

The URL names a role that may create databases, and a database to connect to for that (the
maintenance database `postgres` will do). The migrated database and each sample are built
once per run as template databases; every test gets its own `CREATE DATABASE … TEMPLATE …`
copy (tens of milliseconds), dropped when the test ends. Tests that are about SQLite itself
(files, pragmas, WAL, file copies) carry the `sqlite_only` marker and are skipped here.
"""

from __future__ import annotations

import itertools
import os

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SERVER_URL = os.environ.get("PAZOS_TEST_DB", "")
PREFIX = f"pazos_t{os.getpid()}_"


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

    def create(self, template: str | None = None, keep: bool = False) -> str:
        """A new database (a copy of the `template` URL's database when given); its URL."""
        name = next(self._names)
        if keep:
            self.kept.add(name)
        clause = f' TEMPLATE "{make_url(template).database}"' if template else ""
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
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


_servers: ServerDatabases | None = None


def servers() -> ServerDatabases:
    global _servers
    if _servers is None:
        _servers = ServerDatabases(SERVER_URL)
    return _servers


def close() -> None:
    if _servers is not None:
        _servers.drop_all()
