"""The database's refusals in the user's words: one mapping for every door.

A write can be refused by SQLite for reasons a user can act on: another program holds the
write lock past the busy timeout, the disk is full, the file or its folder is read-only, the
disk failed to read or write, or a row breaks a rule of the schema. Each becomes one
`WriteRefused` with a message in the user's language, naming the database and what to do;
the window (`ui/errors.py`) and the command line show it as they show any `PazosError`.

Where: `database.py` installs `translate_sqlite` as the SQLite engine's `handle_error` hook, so
a statement, a commit or a `BEGIN IMMEDIATE` refused anywhere arrives translated; constraint
errors are left to code that expects them (the numbering retries) and translated where a
session commits (`constraint_problem`, from `Database.session`). Backups and restores, which
talk to sqlite3 directly, call `sqlite_problem` themselves. A server's errors are
`server.py`'s.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pazos_desktop.errors import WriteRefused
from pazos_desktop.files import no_space_message
from pazos_desktop.i18n import _

# SQLite's primary result codes (https://sqlite.org/rescode.html).
BUSY, LOCKED, READONLY, IOERR, FULL, CONSTRAINT = 5, 6, 8, 10, 13, 19
_BY_TEXT = (  # a driver built without the numeric codes: the English message says it
    ("database is locked", BUSY),
    ("database table is locked", LOCKED),
    ("disk is full", FULL),
    ("readonly database", READONLY),
    ("disk i/o error", IOERR),
    ("constraint failed", CONSTRAINT),
)
# An I/O error with less than this left on the disk is a full disk that SQLite met while
# writing its journal (it then reports SQLITE_IOERR_WRITE, not SQLITE_FULL).
NEARLY_FULL_BYTES = 1024 * 1024


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((c for words, c in _BY_TEXT if words in text), None)


def sqlite_problem(
    exc: BaseException, path: Path | None, unwritten: str | None = None
) -> WriteRefused | None:
    """The user's message for a sqlite3 error met while writing the database `path`; None when
    it is not one a user can act on (a bug: left as it is, shown as unexpected and logged).
    `unwritten` says what a full disk left unwritten when it is not the database itself (a
    backup)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = primary_code(exc)
    where = str(path) if path else _("la base de datos")
    folder = Path(path).parent if path else None
    if code in (BUSY, LOCKED):
        return WriteRefused(busy_message(where))
    if code == FULL or (code == IOERR and folder is not None and _nearly_full(folder)):
        unwritten = unwritten or _(
            "no se guardó nada y la base de datos {path} quedó como estaba"
        ).format(path=where)
        return WriteRefused(no_space_message(folder or Path("."), unwritten))
    if code == READONLY:
        return WriteRefused(
            _(
                "No se puede escribir en la base de datos {path}: el archivo o su carpeta son de "
                "solo lectura. No se guardó nada. Pida permiso de escritura en esa carpeta o "
                "abra una copia guardada en una carpeta suya."
            ).format(path=where)
        )
    if code == IOERR:
        return WriteRefused(
            _(
                "El disco no pudo leer o escribir la base de datos {path} (error de entrada y "
                "salida); no se guardó nada. Si está en una memoria USB o un disco externo, "
                "compruebe que siga conectado; cierre el programa, vuelva a abrirlo e intente de "
                "nuevo."
            ).format(path=where)
        )
    if code == CONSTRAINT:
        return WriteRefused(constraint_message(exc))
    return None


def busy_message(where: str) -> str:
    return _(
        "Otro programa está guardando en la base de datos {path} y no terminó a tiempo; su "
        "acción no se guardó. Espere un momento e intente de nuevo."
    ).format(path=where)


def constraint_message(exc: BaseException) -> str:
    name = (getattr(exc, "sqlite_errorname", "") or "").upper()
    state = getattr(exc, "sqlstate", None) or ""  # a server's driver
    if "FOREIGNKEY" in name or state == "23503":
        what = _("hace referencia a un registro que ya no existe")
    elif "NOTNULL" in name or state == "23502":
        what = _("deja vacío un dato obligatorio")
    elif "UNIQUE" in name or "PRIMARYKEY" in name or state == "23505":
        what = _("repite un valor que ya tiene otro registro")
    else:
        what = _("no cumple una regla de la base de datos")
    return _(
        "No se guardó nada: el cambio {what}. Vuelva a abrir el registro para ver los datos "
        "actuales e intente de nuevo."
    ).format(what=what)


def constraint_problem(exc: BaseException) -> WriteRefused | None:
    """A constraint error that reached the commit of a session (SQLite or a server)."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.Error):
        return sqlite_problem(orig, None) if primary_code(orig) == CONSTRAINT else None
    if (getattr(orig, "sqlstate", None) or "").startswith("23"):
        return WriteRefused(constraint_message(orig))
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def translate_sqlite(path: Path | None):
    """The `handle_error` hook of a SQLite engine on `path` (constraints are left as they are:
    the numbering retries on them, and `Database.session` translates what escapes)."""

    def translate(context) -> None:
        exc = context.original_exception
        if primary_code(exc) == CONSTRAINT:
            return
        problem = sqlite_problem(exc, path)
        if problem is not None:
            raise problem

    return translate
