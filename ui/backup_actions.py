"""The window's "Back up now…" and "Restore from a backup…" actions (menu Archivo).

Both ask with Qt dialogs and do the work in the core (`backup.write_backup_of`,
`restore.check_restorable` + `restore.restore_into`), for a database file or a server's
`Database` alike. The dialogs are parameters so tests can drive them. `restore_from_backup`
needs the window to let go of the database while the file is replaced and to reload
afterwards: it calls `close_database()` before and returns the result, and the window reopens
its `Database` and refreshes its views.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pazos_desktop import backup
from pazos_desktop.clock import RunContext
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.restore import RestoreResult, check_restorable, restore_into
from pazos_desktop.startup import (
    BACKUP_DONE,
    BACKUP_NOW_LABEL,  # noqa: F401  (menu texts for the window: _(BACKUP_NOW_LABEL))
    BACKUP_TITLE,
    FILE_FILTER,
    NO_PREVIOUS_DATABASE,
    OPEN_BACKUP_CAPTION,
    RESTORE_LABEL,
    RESTORE_QUESTION,
    RESTORED_MESSAGE,
    SAVE_BACKUP_CAPTION,
)


def ask_save_path(parent: QWidget | None, suggested: Path) -> str | None:
    path, _f = QFileDialog.getSaveFileName(
        parent, _(SAVE_BACKUP_CAPTION), str(suggested), _(FILE_FILTER)
    )
    return path or None


def ask_open_path(parent: QWidget | None, folder: Path) -> str | None:
    path, _f = QFileDialog.getOpenFileName(
        parent, _(OPEN_BACKUP_CAPTION), str(folder), _(FILE_FILTER)
    )
    return path or None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent, title, question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No
    )
    return answer == QMessageBox.Yes


def tell(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def back_up_now(
    parent: QWidget | None,
    db_path,  # the database file, or a server's Database
    ask: Callable = ask_save_path,
    show: Callable = tell,
) -> Path | None:
    """Save a verified copy where the user chooses; returns it, or None when cancelled."""
    suggested = Path.home() / f"pazos-copia-{RunContext.start().today:%Y-%m-%d}.sqlite"
    chosen = ask(parent, suggested)
    if not chosen:
        return None
    try:
        written = backup.write_backup_of(db_path, Path(chosen))
    except PazosError as exc:
        show(parent, _(BACKUP_TITLE), exc.message)
        return None
    show(parent, _(BACKUP_TITLE), _(BACKUP_DONE).format(path=written))
    return written


def restore_from_backup(
    parent: QWidget | None,
    db_path,  # the database file, or a server's Database
    close_database: Callable[[], None] = lambda: None,
    ask: Callable = ask_open_path,
    sure: Callable = confirm,
    show: Callable = tell,
) -> RestoreResult | None:
    """Check the chosen backup, confirm, keep the current database, restore; None if not done."""
    chosen = ask(parent, backup.folder_of(db_path))
    if not chosen:
        return None
    title = _(RESTORE_LABEL).rstrip("…")
    try:
        check_restorable(Path(chosen))
        where = db_path if isinstance(db_path, Path) else db_path.describe()
        question = _(RESTORE_QUESTION).format(db=where, src=chosen)
        if not sure(parent, title, question):
            return None
        close_database()
        result = restore_into(db_path, Path(chosen))
    except PazosError as exc:
        show(parent, title, exc.message)
        return None
    kept = result.safety_copy or _(NO_PREVIOUS_DATABASE)
    show(parent, title, _(RESTORED_MESSAGE).format(path=chosen, kept=kept))
    return result
