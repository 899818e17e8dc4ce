"""The window's "Back up now…" and "Restore from a backup…" actions (menu Archivo).

Both ask through the interaction seam (`ui.interaction`) and do the work in the core
(`backup.write_backup_of`, `restore.check_restorable` + `restore.restore_into`), for a database
file or a server's `Database` alike. The dialogs are parameters so tests can drive them. With
`pipeline` (the window's `Operations`) the work runs off the UI thread with a progress dialog (a
verified backup takes ~0.4 s at 10x data) and the functions return None at once, the outcome
going to `then`; without it they work inline and return the outcome (scripts, tests).
`restore_from_backup` needs the window to let go of the database while the file is replaced: it
calls `close_database()` first, and the window reopens its `Database` and rebuilds its views from
`then(result)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pazos_desktop.clock import RunContext
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety import backup
from pazos_desktop.safety.restore import RestoreResult, check_restorable, restore_into
from pazos_desktop.safety.startup import (
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
from ui import errors, interaction


def ask_save_path(parent: QWidget | None, suggested: Path) -> str | None:
    return interaction.save_file(parent, _(SAVE_BACKUP_CAPTION), str(suggested), _(FILE_FILTER))


def ask_open_path(parent: QWidget | None, folder: Path) -> str | None:
    return interaction.open_file(parent, _(OPEN_BACKUP_CAPTION), str(folder), _(FILE_FILTER))


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    return interaction.confirm(parent, title, question, _("Restaurar"), _("Cancelar"))


def tell(parent: QWidget | None, title: str, message: str) -> None:
    interaction.inform(parent, title, message)


def _in_steps(pipeline, parent, title: str, work: Callable, done: Callable, show: Callable):
    """`done(work())`, or `show` the user error; through the pipeline when there is one."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, PazosError):
            show(parent, title, exc.message)
        else:
            errors.show_error(parent, exc)

    if pipeline is not None:
        pipeline.job(title, lambda _job: work(), done, failed, parent=parent)
        return None
    try:
        result = work()
    except PazosError as exc:
        show(parent, title, exc.message)
        return None
    return done(result)


def back_up_now(
    parent: QWidget | None,
    db_path,  # the database file, or a server's Database
    ask: Callable = ask_save_path,
    show: Callable = tell,
    pipeline=None,
    then: Callable[[Path], None] | None = None,
) -> Path | None:
    """Save a verified copy where the user chooses; returns it (None: cancelled, or later)."""
    suggested = Path.home() / f"pazos-copia-{RunContext.start().today:%Y-%m-%d}.sqlite"
    chosen = ask(parent, suggested)
    if not chosen:
        return None

    def done(written: Path) -> Path:
        show(parent, _(BACKUP_TITLE), _(BACKUP_DONE).format(path=written))
        if then is not None:
            then(written)
        return written

    work = lambda: backup.write_backup_of(db_path, Path(chosen))  # noqa: E731
    return _in_steps(pipeline, parent, _(BACKUP_TITLE), work, done, show)


def restore_from_backup(
    parent: QWidget | None,
    db_path,  # the database file, or a server's Database
    close_database: Callable[[], None] = lambda: None,
    ask: Callable = ask_open_path,
    sure: Callable = confirm,
    show: Callable = tell,
    pipeline=None,
    then: Callable[[RestoreResult], None] | None = None,
) -> RestoreResult | None:
    """Check the chosen backup, confirm, keep the current database, restore; None if not done
    (or, with a pipeline, not yet: `then(result)` follows)."""
    chosen = ask(parent, backup.folder_of(db_path))
    if not chosen:
        return None
    title = _(RESTORE_LABEL).rstrip("…")

    def restored(result: RestoreResult) -> RestoreResult:
        kept = result.safety_copy or _(NO_PREVIOUS_DATABASE)
        show(parent, title, _(RESTORED_MESSAGE).format(path=chosen, kept=kept))
        if then is not None:
            then(result)
        return result

    def checked(_checked) -> RestoreResult | None:
        where = db_path if isinstance(db_path, Path) else db_path.describe()
        question = _(RESTORE_QUESTION).format(db=where, src=chosen)
        if not sure(parent, title, question):
            return None
        close_database()
        work = lambda: restore_into(db_path, Path(chosen))  # noqa: E731
        return _in_steps(pipeline, parent, title, work, restored, show)

    work = lambda: check_restorable(Path(chosen))  # noqa: E731
    return _in_steps(pipeline, parent, title, work, checked, show)
