"""Opening a database for a run: checked, created when new, and migrated to the program's
schema with a backup taken first, so a failed upgrade leaves it exactly as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError

from pazos_desktop.clock import Clock
from pazos_desktop.db.database import (
    Database,
    current_revision,
    database_exists,
    ensure_not_newer,
    head_revision,
    needs_upgrade,
    probe_sqlite_file,
)
from pazos_desktop.db.server import PermissionProblem, prepare_for_migration
from pazos_desktop.db.urls import is_sqlite, to_url
from pazos_desktop.documents.actas import any_unfrozen, freeze_unfrozen
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety import backup

log = logging.getLogger(__name__)


def open_database(
    target: str,
    migrate: bool = True,
    probe: bool = True,
    clock: Clock | None = None,
    password: str | None = None,
) -> Database:
    """Open (creating and migrating when asked) the database at `target` (a path or a URL).

    On a server, `password` (when the URL has none) goes to the driver only, and the server
    is asked who signed in and what they may do (`Database.sign_in`)."""
    url = to_url(target)
    if probe and is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:":
            probe_sqlite_file(Path(path))
    db = Database(url, clock=clock, password=password)
    try:
        if migrate:  # `check` opens without: it reports an unreachable server itself
            _migrate_or_say_who(db)
            db.sign_in()
            freeze_approved(db)
    except SADatabaseError as exc:
        db.dispose()
        raise DatabaseProblem(
            _("No se pudo abrir la base de datos {path}: {detail}").format(
                path=db.describe(), detail=exc.orig
            )
        ) from exc
    except BaseException:
        db.dispose()
        raise
    return db


def _migrate_or_say_who(db: Database) -> None:
    """Migrate; a server's refusal to a person in no PAZOS group says that, not "permission"."""
    try:
        _migrate_with_backup(db)
    except PermissionProblem:
        if not is_sqlite(db.engine):
            db.sign_in()  # raises the "no PAZOS group" message when that is the reason
        raise


def _migrate_with_backup(db: Database) -> None:
    """Back up a database that is behind, then migrate it; any failure leaves it as it was."""
    if not needs_upgrade(db.engine):
        return  # the usual start: Alembic's machinery is not even loaded
    if not is_sqlite(db.engine):
        _prepare_server(db)
    if _holds_schema(db):
        ensure_not_newer(db.engine)
        backup.before(db, "migration")
    try:
        db.migrate()
    except (PazosError, SADatabaseError):
        raise
    except Exception as exc:  # a bug in a revision: the user needs words, the log the trace
        log.exception("migration failed")
        raise DatabaseProblem(
            _(
                "No se pudo actualizar la base de datos {path} ({detail}); quedó como estaba."
            ).format(path=db.describe(), detail=exc)
        ) from exc


def freeze_approved(db: Database) -> int:
    """Approved actas a version before freezing left unfrozen are frozen at the first start
    after the upgrade (documents/actas.py). A role that may not write (a read-only colleague on
    a shared server) still opens the database: the next start by one who may does it."""
    try:
        with db.session(read_only=True) as session:
            if not any_unfrozen(session):  # the usual start: no write lock asked for
                return 0
        with db.session() as session:
            frozen = freeze_unfrozen(session)
    except (SADatabaseError, PazosError) as exc:
        log.warning("approved actas not frozen: %s", exc)
        return 0
    if frozen:
        log.info("%d approved actas frozen after the upgrade", frozen)
    return frozen


def _holds_schema(db: Database) -> bool:
    if db.path is not None:
        return database_exists(str(db.path))
    return not is_sqlite(db.engine) and current_revision(db.engine) is not None


def _prepare_server(db: Database) -> None:
    """Schema, other applications' tables, the role's rights: before any backup or DDL."""
    with db.engine.begin() as conn:
        prepare_for_migration(conn, current_revision(db.engine), head_revision())
