"""Backups of a server database: each one a portable, verified PAZOS SQLite file.

A copy of the server is a new SQLite file migrated to the server's revision and filled from
one consistent snapshot (a read-only REPEATABLE READ transaction), then proved table by table
(`tablecopy.verify`) and checked with `integrity_check` before it takes its name. The file
opens like any PAZOS database (`--db copia.sqlite`), restores onto a SQLite PC or back onto the
server. Automatic copies of a server (daily, before a migration, an import or a restore) go to
this user's data folder, one folder per server, named and rotated like a file's.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from pazos_desktop.db import tablecopy
from pazos_desktop.db.database import Database, current_revision, upgrade
from pazos_desktop.db.server import target_of
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.i18n import _
from pazos_desktop.paths import data_dir

log = logging.getLogger(__name__)


def backups_folder(db) -> Path:
    """`<data folder>/backups/<host>-<port>-<database>[-<schema>]`: one folder per server."""
    target = target_of(db.engine)
    url = target.url
    parts = [url.host or "localhost", str(url.port or 5432), url.database or "", target.schema]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", "-".join(p for p in parts if p)).strip("_")
    return data_dir() / "backups" / (slug or "servidor")


@contextmanager
def snapshot(engine: Engine):
    """A connection that sees the server as it was at one instant, and changes nothing."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn


def write_backup(db, out: Path) -> Path:
    """The server's data as a verified SQLite file at `out` (never half a file)."""
    revision = current_revision(db.engine)
    if revision is None:
        raise PazosError(_("La base de datos {server} está vacía.").format(server=db.describe()))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    _remove(partial)
    try:
        copy = Database(str(partial))
        try:
            upgrade(copy.engine, revision)
            with snapshot(db.engine) as source, copy.engine.begin() as target:
                proofs = tablecopy.copy_database(source, target)
        finally:
            copy.dispose()
        _seal(partial)
        partial.replace(out)
    except (sqlite3.Error, OSError) as exc:
        raise PazosError(
            _("No se pudo escribir la copia de seguridad {path}: {detail}").format(
                path=out, detail=exc
            )
        ) from exc
    finally:
        _remove(partial)
    log.info("server backup written: %s (%d rows)", out, sum(p.rows for p in proofs))
    return out


def _seal(path: Path) -> None:
    """Standalone (no -wal beside it) and checked, as every backup of a file is."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if result != "ok":
        raise DatabaseProblem(
            _("La copia de seguridad no pasó la verificación de integridad: {detail}").format(
                detail=result
            )
        )


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
