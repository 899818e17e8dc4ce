"""After a suppression: no old copy of the text left in the database file or its WAL, and no
restored backup bringing the person back."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from pazos_desktop.db.refusals import sqlite_problem
from pazos_desktop.db.urls import is_sqlite, sqlite_path
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _

log = logging.getLogger(__name__)


def purge_freed_pages(engine) -> None:
    """SQLite: move the WAL into the file, rewrite the file (VACUUM leaves no freed page with
    old content) and truncate the WAL to zero bytes. A server database is left to its
    administrator (PostgreSQL keeps old row versions until VACUUM FULL; see docs/instalacion.md)."""
    if not is_sqlite(engine):
        return
    raw = engine.raw_connection()  # autocommit: VACUUM cannot run inside a transaction
    try:
        cursor = raw.cursor()
        _checkpoint(cursor)
        cursor.execute("VACUUM")
        _checkpoint(cursor)
        cursor.close()
    except sqlite3.Error as exc:  # the raw connection is past the engine's translation
        unwritten = _(
            "los datos ya se suprimieron, pero el archivo no se pudo limpiar de sus copias "
            "antiguas (hace falta tanto espacio libre como ocupa la base de datos)"
        )
        problem = sqlite_problem(exc, sqlite_path(engine), unwritten)
        if problem is None:
            raise
        raise problem from exc
    finally:
        raw.close()


def _checkpoint(cursor) -> None:
    busy, _log, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise PazosError(
            _(
                "Otra conexión está leyendo la base de datos: cierre las demás copias del "
                "programa y repita la supresión para limpiar el archivo."
            )
        )


def suppressed_in(path: Path) -> dict[int, dt.datetime | None]:
    """Suppressed contact ids of a database file, with each contact's creation time (so a
    reused id in an older copy is not mistaken for the person); {} when there are none."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT s.contact_id, c.created_at FROM data_suppression s "
                "JOIN contact c ON c.id = s.contact_id"
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error:  # an older schema, or a damaged current database
        return {}
    return {cid: _moment(created) for cid, created in rows}


def _moment(text) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
