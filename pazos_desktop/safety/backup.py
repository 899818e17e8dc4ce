"""Backups of the SQLite database: write, verify, rotate, inspect and restore.

A server database is backed up by the same functions (`before`, `daily`, `write_backup_of`,
`list_backups`, `folder_of`), into a SQLite file of the same kind: see `server_backup`.

Every copy goes through SQLite's online backup API (a file copy can miss pages still in the
`-wal` file) and is checked with `integrity_check` before it counts. Automatic copies live in a
`backups/` folder next to the database, named `pazos-AAAAMMDD-HHMMSS-<reason>.sqlite`, and are
thinned to the newest few plus 7 daily, 4 weekly and 12 monthly ones.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pazos_desktop.clock import RunContext
from pazos_desktop.db.database import current_revision
from pazos_desktop.db.refusals import sqlite_problem
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.files import atomic_write, make_folder
from pazos_desktop.i18n import _
from pazos_desktop.safety.server_backup import backups_folder
from pazos_desktop.safety.server_backup import write_backup as write_server_backup

log = logging.getLogger(__name__)

APP_MARKER = ("app", "pazos-coordinacion")
BACKUP_DIR_NAME = "backups"
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 4, 12
_NAME = re.compile(r"^pazos-(\d{8}-\d{6})(?:-\d+)?-([a-z-]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime | None
    reason: str


@dataclass(frozen=True)
class FileReport:
    """What a database file holds, read without changing it."""

    path: Path
    integrity: str
    ours: bool
    revision: str | None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.ours


# --- writing and checking copies --------------------------------------------------------------


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy `source` into `target` with the backup API (both plain SQLite files)."""
    src = _connect_ro(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # The copy is a standalone file: no -wal beside it, whatever mode the source used.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def integrity(path: Path, quick: bool = False) -> str:
    """'ok', or SQLite's description of what is wrong (also for a file that is no database)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "; ".join(str(r[0]) for r in rows[:5])


def inspect_file(path: Path, quick: bool = False) -> FileReport:
    """Integrity (quick_check when `quick`), whether it is a PAZOS database, its revision."""
    result = integrity(path, quick)
    ours, revision = False, None
    if result == "ok":
        con = _connect_ro(path)
        try:
            ours = _is_ours(con)
            revision = _revision(con)
        finally:
            con.close()
    return FileReport(path=path, integrity=result, ours=ours, revision=revision)


def _is_ours(con: sqlite3.Connection) -> bool:
    try:
        row = con.execute("SELECT value FROM app_setting WHERE key = ?", (APP_MARKER[0],))
        found = row.fetchone()
    except sqlite3.DatabaseError:
        return False
    return found is not None and found[0] == APP_MARKER[1]


def _revision(con: sqlite3.Connection) -> str | None:
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def write_backup(db_path: Path, out: Path) -> Path:
    """Copy the database to `out`, verified; a half-written or bad copy never takes the name."""
    if not db_path.exists():
        raise PazosError(_("No existe la base de datos {path}.").format(path=db_path))
    make_folder(out.parent)

    def write(partial: Path) -> None:
        copy_database(db_path, partial)
        result = integrity(partial)
        if result != "ok":
            raise DatabaseProblem(
                _("La copia de seguridad no pasó la verificación de integridad: {detail}").format(
                    detail=result
                )
            )

    try:
        atomic_write(out, write, private=True)  # the whole register: its owner only
    except sqlite3.Error as exc:
        unwritten = _("no se pudo escribir la copia de seguridad {name}").format(name=out.name)
        raise sqlite_problem(exc, out, unwritten) or PazosError(
            _("No se pudo escribir la copia de seguridad {path}: {detail}").format(
                path=out, detail=exc
            )
        ) from exc
    log.info("backup written: %s", out)
    return out


# --- the automatic backups folder -------------------------------------------------------------


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def folder_of(db_or_path) -> Path | None:
    """Where the automatic backups of a database file or a `Database` (server too) go."""
    if _is_server(db_or_path):
        return backups_folder(db_or_path)
    db_path = _as_path(db_or_path)
    return None if db_path is None else backups_dir(db_path)


def _is_server(db_or_path) -> bool:
    if isinstance(db_or_path, (str, Path)):
        return False
    return db_or_path.engine.url.get_backend_name() != "sqlite"


def write_backup_of(db_or_path, out: Path) -> Path:
    """A verified copy of a database file or of a `Database`, its server's included."""
    if _is_server(db_or_path):
        return write_server_backup(db_or_path, out)
    return write_backup(_as_path(db_or_path), out)


def list_backups(db_or_path) -> list[BackupInfo]:
    """The automatic backups of this database, newest first."""
    folder = folder_of(db_or_path)
    found = []
    for path in folder.glob("pazos-*.sqlite") if folder and folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), _STAMP)
            found.append(BackupInfo(path=path, taken_at=taken, reason=match.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def reason_slug(reason: str) -> str:
    """The reason as the file name holds it (`[a-z-]`), so listing and rotation find it."""
    return re.sub(r"[^a-z]+", "-", fold(reason)).strip("-")[:40].strip("-") or "manual"


def _new_name(folder: Path, reason: str, now: dt.datetime) -> Path:
    stem = f"pazos-{now.strftime(_STAMP)}"
    reason = reason_slug(reason)
    path, n = folder / f"{stem}-{reason}.sqlite", 1
    while path.exists():  # two backups in the same second
        path, n = folder / f"{stem}-{n}-{reason}.sqlite", n + 1
    return path


def before(db_or_path, reason: str, now: dt.datetime | None = None) -> Path | None:
    """Automatic backup before a risky action (import, restore, migration...), then rotate.

    Accepts a `Database` (a server's too) or a path; does nothing (returns None) for a
    database file that does not exist yet or a server database PAZOS has not created yet.
    """
    if not _exists(db_or_path):
        return None
    now = now or _local_now(db_or_path)
    folder = folder_of(db_or_path)
    out = write_backup_of(db_or_path, _new_name(folder, reason, now))
    rotate(db_or_path)
    return out


def _exists(db_or_path) -> bool:
    if _is_server(db_or_path):
        return current_revision(db_or_path.engine) is not None
    db_path = _as_path(db_or_path)
    return db_path is not None and db_path.exists() and db_path.stat().st_size > 0


def daily(db_or_path, now: dt.datetime | None = None) -> Path | None:
    """The start-up backup: at most one a day (any automatic backup today counts)."""
    if folder_of(db_or_path) is None:
        return None
    now = now or _local_now(db_or_path)
    if any(b.taken_at and b.taken_at.date() == now.date() for b in list_backups(db_or_path)):
        return None
    return before(db_or_path, "daily", now)


def _local_now(db_or_path) -> dt.datetime:
    """The time from the database's own clock when given one, else from the one clock."""
    run_context = getattr(db_or_path, "run_context", None)
    return (run_context() if run_context else RunContext.start()).local_now


def _as_path(db_or_path) -> Path | None:
    if isinstance(db_or_path, (str, Path)):
        return Path(db_or_path)
    return db_or_path.path  # a Database: None for a server


def backups_to_keep(backups: list[BackupInfo]) -> set[Path]:
    """Newest KEEP_RECENT, plus the newest of each of the last 7 days, 4 weeks and 12 months."""
    keep = {b.path for b in backups[:KEEP_RECENT]}
    buckets = [
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: tuple(t.isocalendar())[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ]
    for limit, bucket_of in buckets:
        seen: list[object] = []
        for b in backups:  # newest first: the first of a bucket is its newest
            bucket = bucket_of(b.taken_at)
            if bucket not in seen and len(seen) < limit:
                seen.append(bucket)
                keep.add(b.path)
    return keep


def rotate(db_or_path) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps; returns what was deleted."""
    backups = list_backups(db_or_path)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest automatic backup that passes integrity_check and is a PAZOS database."""
    for b in list_backups(db_path):
        if inspect_file(b.path).ok:
            return b.path
    return None
