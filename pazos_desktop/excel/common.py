"""Excel files: partner commitment sheets, their return import, the full workbook, bulk import.

Writers receive plain data (see `data.py`, the only place that queries for them); importers
return a `Preview` the user confirms before `apply`. Long work takes a progress callback
`(done, total, text)` and a cancel check (a callable returning True to stop).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from pazos_desktop.errors import Cancelled, PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety import backup

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

# Written into every generated file's hidden metadata; the importers refuse other versions.
SCHEMA_VERSION = 1
META_SHEET = "_pazos"


def no_progress(done: int, total: int, text: str) -> None:
    """The default progress callback: report nothing."""


def never_cancel() -> bool:
    return False


def step(progress: ProgressFn, cancel: CancelFn, done: int, total: int, text: str) -> None:
    """Report progress, then stop with `Cancelled` if the user asked to."""
    progress(done, total, text)
    if cancel():
        raise Cancelled()


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def safe_file_stem(text: str, limit: int = 80) -> str:
    """A file-name part safe on Windows: "Fundación SIDOC" -> "Fundacion_SIDOC"."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = _UNSAFE.sub("_", bare).strip("_")[:limit].strip("_") or "entidad"
    return f"{stem}_" if stem.upper() in _RESERVED else stem


def backup_before_import(db, reason: str = "import") -> bool:
    """Back the database up before an import changes it (a file's or a server's)."""
    return backup.before(db, reason) is not None


def describe_issues(log) -> list[str]:
    """What writers/xlsx/cells.py had to change to write the text (a SafetyLog), as lines for the user."""
    messages = {
        "control_chars": _("{where}: se quitaron caracteres de control que Excel no admite."),
        "too_long": _("{where}: el texto pasa de 32.767 caracteres y se recortó."),
    }
    return [messages[i.problem].format(where=i.where) for i in log.issues]


# --- which import a file belongs to -----------------------------------------------------------


def file_kind(wb) -> str | None:
    """What our hidden metadata says a workbook is ("partner_sheet", "workbook",
    "bulk_template"), or None for a file without it."""
    if META_SHEET not in wb.sheetnames:
        return None
    for key, value, *_rest in wb[META_SHEET].iter_rows(max_col=2, values_only=True):
        if key == "kind":
            return None if value is None else str(value)
    return None


def belongs_elsewhere(path: Path, other_import: str) -> PazosError:
    """A file given to the wrong import; the message names the one it belongs to ("progress":
    a partner's returned sheet given to the bulk import; "bulk": the template or the full
    workbook given to the returned-sheet import)."""
    messages = {
        "progress": _(
            "El archivo {name} es la hoja de compromisos de una entidad (la que se devuelve con "
            "los avances): impórtelo con Excel › Importar hojas devueltas (en la línea de "
            "comandos, «import progress»), no con la carga masiva."
        ),
        "bulk": _(
            "El archivo {name} es un libro de carga masiva (la plantilla o el libro completo): "
            "impórtelo con Excel › Importar carga masiva (en la línea de comandos, «import "
            "bulk»), no como hoja devuelta."
        ),
    }
    return PazosError(messages[other_import].format(name=path.name))
