"""Restore the database from a backup: check it, migrate it aside, keep the current one, swap.

Order matters so that no step can lose data: the chosen file is checked and copied to a
staging file next to the database; an older schema is migrated there (a failure leaves the
live database untouched); only then is the current database backed up (or, when damaged,
moved aside under a name rotation never deletes) and replaced.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pazos_desktop.clock import RunContext
from pazos_desktop.db import roles, tablecopy
from pazos_desktop.db.database import (
    Database,
    check,
    current_revision,
    head_revision,
    known_revisions,
)
from pazos_desktop.documents.suppression import reapply_suppressions
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety import backup

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    revision_before: str | None
    revision_after: str | None


def check_restorable(source: Path) -> backup.FileReport:
    """Refuse a file that is damaged, not ours, or from a newer version of the program."""
    if not source.is_file():
        raise PazosError(_("No existe el archivo {path}.").format(path=source))
    report = backup.inspect_file(source)
    if report.integrity != "ok":
        raise DatabaseProblem(
            _("La copia {path} está dañada o no es una base de datos ({detail}).").format(
                path=source, detail=report.integrity
            )
        )
    if not report.ours:
        raise DatabaseProblem(
            _("El archivo {path} no es una base de datos de PAZOS Coordinación.").format(
                path=source
            )
        )
    if report.revision is not None and report.revision not in known_revisions():
        raise DatabaseProblem(
            _(
                "La copia {path} fue hecha por una versión más reciente del programa "
                "(revisión {rev}). Actualice PAZOS Coordinación para restaurarla."
            ).format(path=source, rev=report.revision)
        )
    return report


def restore_into(db_or_path, source: Path, now: dt.datetime | None = None) -> RestoreResult:
    """`restore` for a database file or a `Database`, a server's included (server_backup)."""
    if isinstance(db_or_path, (str, Path)):
        return restore(Path(db_or_path), source, now)
    if db_or_path.path is not None:
        return restore(db_or_path.path, source, now)
    return restore_onto(db_or_path, source, now)


def restore(db_path: Path, source: Path, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source` (see the module's notes)."""
    report = check_restorable(source)
    staging = db_path.with_name(db_path.name + ".restoring")
    _remove_with_journals(staging)
    try:
        backup.copy_database(source, staging)
        revision_after = _migrate_staging(staging)
        _reapply_suppressions(staging, db_path)
        safety = _keep_current(db_path, now or RunContext.start().local_now)
        _install(staging, db_path)
    except (sqlite3.Error, OSError) as exc:
        raise PazosError(
            _("No se pudo restaurar la copia {path}: {detail}").format(path=source, detail=exc)
        ) from exc
    finally:
        _remove_with_journals(staging)
    log.info("restored %s from %s (safety copy %s)", db_path, source, safety)
    return RestoreResult(source, safety, report.revision, revision_after)


def migrate_staging(staging: Path) -> str | None:
    """A checked copy brought to the latest schema; also what a server's restore loads."""
    return _migrate_staging(staging)


def _migrate_staging(staging: Path) -> str | None:
    db = Database(str(staging))
    try:
        db.migrate()
        result = check(db.engine)
        if result.integrity != "ok" or result.foreign_key_problems:
            raise DatabaseProblem(
                _("La copia restaurada no pasó la verificación: {detail}").format(
                    detail=result.integrity
                )
            )
        # Standalone again: the staging file must carry no -wal when it is swapped in.
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return current_revision(db.engine)
    finally:
        db.dispose()


def _reapply_suppressions(staging: Path, db_path: Path) -> None:
    """A backup older than a suppression (Ley 1581) must not bring the person back."""
    reapply_suppressions(staging, db_path)


def _keep_current(db_path: Path, now: dt.datetime) -> Path | None:
    """A verified backup of the current database; a damaged one is moved aside instead."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if backup.integrity(db_path) == "ok":
        return backup.before(db_path, "restore", now)
    aside = backup.backups_dir(db_path) / f"damaged-{now:%Y%m%d-%H%M%S}-{db_path.name}"
    aside.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            os.replace(part, Path(str(aside) + suffix))
    return aside


def _install(staging: Path, db_path: Path) -> None:
    if db_path.exists():
        # Through SQLite, not the file system: other connections (a window left open) then
        # see the restored data instead of reading a file swapped under their feet.
        src, dst = sqlite3.connect(staging), sqlite3.connect(db_path, timeout=10)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    else:
        os.replace(staging, db_path)


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def restore_onto(db, source: Path, now: dt.datetime | None = None):
    """Replace every row of the server by the backup `source`, in one transaction.

    The file is checked, copied and migrated aside first; then the server is backed up
    (reason "restore"); then its tables are emptied and filled and the copy is proved inside
    the same transaction, so a failure at any point leaves the server as it was.
    """
    roles.require(db.access, "restore", db.describe())  # before the server's safety copy
    report = check_restorable(source)
    if current_revision(db.engine) != head_revision():
        raise DatabaseProblem(
            _("Actualice primero la base de datos del servidor (init) y restaure después.")
        )
    with tempfile.TemporaryDirectory(prefix="pazos-restore-") as tmp:
        staging = Path(tmp) / "staging.sqlite"
        backup.copy_database(source, staging)
        revision_after = migrate_staging(staging)
        safety = backup.before(db, "restore", now)
        copy = Database(str(staging))
        try:
            with copy.engine.connect() as src, db.engine.begin() as target:
                tablecopy.copy_database(src, target)
        finally:
            copy.dispose()
    log.info("restored server %s from %s (safety copy %s)", db.describe(), source, safety)
    return RestoreResult(source, safety, report.revision, revision_after)
