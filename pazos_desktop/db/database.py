"""Engines, sessions and migrations. The only module that knows SQLite's particulars."""

from __future__ import annotations

import io
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from pazos_desktop.clock import Clock, Person, RunContext, default_actor, system_clock
from pazos_desktop.db import history, roles
from pazos_desktop.db.refusals import constraint_problem, translate_sqlite
from pazos_desktop.db.server import (
    busy_message,
    check_server,
    label_of,
    make_server_engine,  # timeouts and error messages of a server
)
from pazos_desktop.db.urls import is_sqlite, sqlite_path, to_url
from pazos_desktop.errors import ConflictError, DatabaseProblem
from pazos_desktop.i18n import _
from pazos_desktop.paths import migrations_dir

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    # A plain cursor: the docs' recipe reads `dbapi_connection.autocommit`, absent before 3.12.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged commit survives a power cut, not only a crash.
    cursor.execute("PRAGMA synchronous=FULL")
    # The pragma is silently ignored inside a transaction or by a build without FK support.
    enabled = cursor.execute("PRAGMA foreign_keys").fetchone()[0]
    cursor.close()
    if enabled != 1:
        raise DatabaseProblem(_("No se pudieron activar las claves foráneas de SQLite."))


# The execution option of the connections that will write: every session but a read-only
# one, and the migrations.
WRITES = "pazos_writes"


def _on_sqlite_begin(conn) -> None:
    # pysqlite does not wrap DDL in its transactions; emitting BEGIN ourselves makes a failed
    # migration roll back completely (SQLAlchemy's documented pysqlite recipe).
    # A transaction that will write takes the write lock before it reads (IMMEDIATE, waiting
    # up to the busy timeout): a deferred one that read first is refused at once, whatever the
    # timeout, when another program commits in between (SQLITE_BUSY_SNAPSHOT).
    writes = conn.get_execution_options().get(WRITES, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def writing(engine: Engine) -> Engine:
    """The same engine for connections that will write: SQLite's write lock first."""
    return engine.execution_options(**{WRITES: True})


def make_engine(target: str, password: str | None = None) -> Engine:
    url = to_url(target)
    if not is_sqlite(url):
        return make_server_engine(url, password)
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"isolation_level": None})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    event.listen(engine, "handle_error", translate_sqlite(Path(path) if path else None))
    return engine


def foreign_keys_enabled(engine: Engine) -> bool:
    if not is_sqlite(engine):
        return True
    with engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# --- migrations -------------------------------------------------------------------------------


def alembic_config(connection=None):
    # Alembic is imported only when a migration is due: it costs ~130 ms at every start.
    from alembic.config import Config

    # stdout to a buffer: a windowed frozen app has sys.stdout = None.
    config = Config(stdout=io.StringIO())
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*(.+)$", re.M)


def _revision_graph() -> dict[str, str | None]:
    return _read_revision_graph(migrations_dir())


@cache
def _read_revision_graph(folder: Path) -> dict[str, str | None]:
    """revision -> down_revision, read from the revision files without importing Alembic
    (a test checks it against Alembic's own ScriptDirectory)."""
    graph: dict[str, str | None] = {}
    for path in sorted((folder / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            graph[_literal(found["revision"])] = _literal(found.get("down_revision", "None"))
    return graph


def _literal(text: str) -> str | None:
    text = text.split("#")[0].strip()
    return None if text == "None" else text.strip("\"'")


def known_revisions() -> set[str]:
    return set(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    parents = set(graph.values())
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise DatabaseProblem(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def ensure_not_newer(engine: Engine) -> None:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseProblem(
            _(
                "La base de datos fue creada por una versión más reciente del programa "
                "(revisión {rev}). Actualice PAZOS Coordinación para abrirla."
            ).format(rev=current)
        )


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision` from code; foreign keys are off during the batch copies.

    All pending revisions run in one transaction (env.py), and env.py runs
    `PRAGMA foreign_key_check` before committing it: a failure anywhere leaves the database
    exactly as it was.
    """
    ensure_not_newer(engine)
    with writing(engine).connect() as conn:
        raw = conn.connection.dbapi_connection
        sqlite = is_sqlite(engine)
        if sqlite:
            # A batch copy of a parent table with FKs on would cascade-delete its children.
            # Issued on the raw connection: a PRAGMA inside a transaction is ignored.
            raw.execute("PRAGMA foreign_keys=OFF")
        else:
            # On a server: the group roles exist, and the tables keep one owner whoever of
            # its members migrates (an administrator's new tables are not theirs alone).
            roles.ensure_groups(conn)
            roles.become(conn, roles.owner_to_become(conn))
        try:
            from alembic import command

            command.upgrade(alembic_config(conn), revision)
            if not sqlite:
                roles.apply_rights(conn)  # new tables included, in the same transaction
            # Alembic reads the version table before its own BEGIN, so under SQLAlchemy 2 the
            # connection may still hold that transaction: commit it, or the version row and
            # the PRAGMA below would be lost.
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
            else:
                roles.back_to_self(conn)  # the pooled connection goes back as its person


def downgrade(engine: Engine, revision: str) -> None:
    with writing(engine).connect() as conn:
        raw = conn.connection.dbapi_connection
        if is_sqlite(engine):
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            from alembic import command

            command.downgrade(alembic_config(conn), revision)
            conn.commit()
        finally:
            if is_sqlite(engine):
                raw.execute("PRAGMA foreign_keys=ON")


def raise_on_foreign_key_violations(connection) -> None:
    """Called by env.py inside the migration's transaction, so a violation rolls it back."""
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if rows:
        raise DatabaseProblem(
            _("La migración dejó referencias rotas en la tabla {table}.").format(table=rows[0][0])
        )


# --- checks -----------------------------------------------------------------------------------


@dataclass
class CheckReport:
    current: str | None
    head: str
    integrity: str
    foreign_key_problems: int
    foreign_keys_on: bool

    @property
    def ok(self) -> bool:
        return (
            self.current == self.head
            and self.integrity == "ok"
            and self.foreign_key_problems == 0
            and self.foreign_keys_on
        )


def check(engine: Engine, quick: bool = False) -> CheckReport:
    integrity, fk_problems = "ok", 0
    if not is_sqlite(engine):
        integrity, fk_problems = check_server(engine)
    else:
        pragma = "quick_check" if quick else "integrity_check"
        with engine.connect() as conn:
            try:
                rows = conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()
                integrity = "; ".join(str(r[0]) for r in rows[:5])
                fk_problems = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            except SADatabaseError as exc:
                integrity = str(exc.orig)
    return CheckReport(
        current=current_revision_or_none(engine),
        head=head_revision(),
        integrity=integrity,
        foreign_key_problems=fk_problems,
        foreign_keys_on=foreign_keys_enabled(engine),
    )


def current_revision_or_none(engine: Engine) -> str | None:
    try:
        return current_revision(engine)
    except SADatabaseError:
        return None


def probe_sqlite_file(path: Path) -> None:
    """Raise a user message when `path` exists but is not a usable SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(_damaged_message(path, str(exc))) from exc
    if result != "ok":
        raise DatabaseProblem(_damaged_message(path, result))


def _damaged_message(path: Path, detail: str) -> str:
    if "not a database" in detail:
        return _("El archivo {path} no es una base de datos de PAZOS Coordinación.").format(
            path=path
        )
    return _(
        "La base de datos {path} está dañada ({detail}). Restaure la copia de seguridad más "
        "reciente o elija otra ubicación."
    ).format(path=path, detail=detail)


# --- the database a run works on --------------------------------------------------------------


class Database:
    """An engine and its session factory; `session()` is one unit of work.

    `clock` is where every action on this database reads the time (tests pass their own).
    """

    # What the signed-in person may do (a server answers at sign-in: `sign_in`); a file
    # database has one user, who may do everything.
    access: roles.Access = roles.FULL
    person: Person | None = None  # the profile (server) or the preferences (file)

    def __init__(
        self,
        target: str,
        actor: str | None = None,
        clock: Clock | None = None,
        password: str | None = None,
    ):
        self.url = to_url(target)
        # The password goes to the driver only: never into the URL, a log or a backup's name.
        self.engine = make_engine(self.url, password)
        # On a server, who works is the login (the server writes it into the history itself).
        self._named = bool(actor or make_url(self.url).username)
        self.actor = actor or make_url(self.url).username or default_actor()
        self.clock = clock or system_clock
        # Sessions write unless told they only read (`session(read_only=True)`).
        self._sessions = sessionmaker(writing(self.engine), expire_on_commit=False)
        history.install(self._sessions)
        event.listen(self._sessions, "before_flush", _refuse_writes_when_reading)

    def run_context(self, lang: str | None = None) -> RunContext:
        """A new action's context: the time read once, now."""
        return RunContext.start(self.clock, self.actor, lang, self.person)

    def sign_in(self) -> roles.Access:
        """On a server: ask it who this is and what they may do; a login with no PAZOS
        group is refused with a message. A file database: everything, as before."""
        if is_sqlite(self.engine):
            return self.access
        with self.engine.connect() as conn:
            self.access = roles.read_access(conn)
            if not (self.access.groups or self.access.owner):
                raise DatabaseProblem(roles.no_group_message(self.access.login, self.describe()))
            self.person = read_person(conn, self.access.login)
        if not self._named:  # the driver's default user (PGUSER, the system's user name)
            self.actor = self.access.login
        return self.access

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.engine)

    def describe(self) -> str:
        if self.path:
            return str(self.path)
        if is_sqlite(self.engine):
            return self.engine.url.render_as_string(hide_password=True)

        return label_of(self.engine)

    @contextmanager
    def session(
        self, reason: str | None = None, run: RunContext | None = None, read_only: bool = False
    ) -> Iterator[Session]:
        """Commit on success, roll back on any exception: nothing is ever half-saved.

        One session is one action: it carries that action's run context (`clock.run_of`).
        A session that may write takes SQLite's write lock at its first statement; one that
        only reads (`read_only`: the window's reads, reports, exports, previews) does not, so
        it never waits for a writer nor makes one wait. What the driver refuses arrives as a
        `WriteRefused` (refusals.py) or a `ConflictError`.
        """
        session = self.new_session(run, read_only)
        if reason:
            session.info["reason"] = reason
        try:
            yield session
            session.commit()
        except (StaleDataError, IntegrityError) as exc:
            session.rollback()
            problem = _collision(exc) or constraint_problem(exc)
            if problem is None:
                raise
            raise problem from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def new_session(self, run: RunContext | None = None, read_only: bool = False) -> Session:
        run = run or self.run_context()
        if read_only:
            return self._sessions(bind=self.engine, info={"run": run, READ_ONLY: True})
        return self._sessions(info={"run": run})

    def migrate(self) -> None:
        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


READ_ONLY = "read_only"  # in a session's info


def _refuse_writes_when_reading(session: Session, _context, _instances) -> None:
    # A read-only session holds no write lock: a write there could meet the race that
    # BEGIN IMMEDIATE prevents. A bug, caught in tests, never a user's situation.
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise RuntimeError("a read-only session was asked to write")


def _collision(exc: Exception):
    """Two saves of one record at the same instant: the later one is refused as a conflict.

    A server lets both transactions read the same version; the second UPDATE then matches no
    row (StaleDataError), or the second INSERT of one unique key fails (unique_violation).
    """
    if isinstance(exc, StaleDataError):
        return ConflictError(busy_message())
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == "23505":
        return ConflictError(busy_message())
    return None


def read_person(connection, login: str) -> Person | None:
    """The signed-in person's profile (full name, position); None when there is none yet."""
    if not inspect(connection).has_table("person_profile"):
        return None
    row = connection.execute(
        text("SELECT full_name, position FROM person_profile WHERE login = :login"),
        {"login": login},
    ).first()
    return Person(row[0], row[1] or "", login) if row else None


def database_exists(target: str) -> bool:
    url = to_url(target)
    if not is_sqlite(url):
        return True
    path = make_url(url).database
    return bool(path) and os.path.exists(path) and os.path.getsize(path) > 0
