"""Opening the database from the window: one copy only, and a way out of every problem.

`open_database_interactively(target)` is what the window calls before building itself: it
takes the single-instance lock, runs the core's start-up checks (`prepare_database`) and, on
a problem, shows `RecoveryDialog` with the core's options (restore the latest good backup,
choose another location, open anyway, quit) until the database opens or the user quits.
The dialog and the file chooser are parameters, so tests drive the loop without clicking.

A window that opens the database on a worker thread uses the pieces instead: `claim(target)`
first (on the UI thread, before anything is written), `prepare_database(attempt.target,
allow_network=attempt.allow_network)` on the worker, and on a `StartupProblem`
`resolve_problem(problem, attempt, window)` back on the UI thread, retrying with the attempt it
returns (None: quit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.db.database import Database
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety.startup import (
    CHOOSE_FILE_CAPTION,
    DIALOG_TITLE,
    FILE_FILTER,
    RESTORED_MESSAGE,
    SECOND_COPY_TITLE,
    Recovery,
    StartupProblem,
    option_label,
    prepare_database,
    restore_latest,
)
from ui import interaction
from ui.fit import FittedDialog
from ui.single_instance import SingleInstance, guard_for


class RecoveryDialog(FittedDialog):
    """The problem in words and one button per way out; `choice` is what was clicked."""

    def __init__(self, problem: StartupProblem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_(DIALOG_TITLE))
        self.choice = Recovery.QUIT
        self.buttons: dict[Recovery, QPushButton] = {}
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.SP_MessageBoxWarning).pixmap(48, 48))
        text = QLabel(problem.message)
        text.setWordWrap(True)
        text.setMinimumWidth(460)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addWidget(text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for option in problem.options:
            button = QPushButton(option_label(option))
            # A bound method, not a lambda: a lambda holding `self` makes a reference cycle
            # that Python frees only at exit, after QApplication (a crash at exit).
            button.setProperty("recovery", option.value)
            button.clicked.connect(self._clicked)
            self.buttons[option] = button
            row.addWidget(button)
        self.buttons[problem.options[0]].setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addLayout(row)

    def _clicked(self) -> None:
        self.choice = Recovery(self.sender().property("recovery"))
        self.accept()


def ask_recovery(problem: StartupProblem, parent: QWidget | None = None) -> Recovery:
    dialog = RecoveryDialog(problem, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice


def choose_database_file(parent: QWidget | None = None) -> str | None:
    # An existing database is opened, not replaced: no "overwrite?" question.
    return interaction.choose_database(
        parent, _(CHOOSE_FILE_CAPTION), str(Path.home() / "pazos.sqlite"), _(FILE_FILTER)
    )


def inform(parent: QWidget | None, title: str, message: str) -> None:
    interaction.warn(parent, title, message)


@dataclass
class OpenedDatabase:
    db: Database
    guard: SingleInstance | None  # release() it when the window closes
    target: str  # may differ from the one asked for: remember it for the next start


@dataclass
class Attempt:
    """What to open next: the target, whether a network folder was accepted, and its lock."""

    target: str
    guard: SingleInstance | None
    allow_network: bool = False


def claim(target: str, parent: QWidget | None = None, tell=inform) -> Attempt | None:
    """Take the database's lock; None (after telling the user) when another copy has it."""
    guard = guard_for(target)
    if guard is not None and not guard.acquire():
        tell(parent, _(SECOND_COPY_TITLE), guard.message())
        return None
    return Attempt(target, guard)


def resolve_problem(
    problem: StartupProblem,
    attempt: Attempt,
    parent: QWidget | None = None,
    ask: Callable[[StartupProblem, QWidget | None], Recovery] = ask_recovery,
    choose_file: Callable[[QWidget | None], str | None] = choose_database_file,
    tell: Callable[[QWidget | None, str, str], None] = inform,
) -> Attempt | None:
    """Ask the way out of `problem` and take it; the attempt to retry, or None to quit."""
    choice = ask(problem, parent)
    if choice == Recovery.RESTORE_LATEST:
        _restore(attempt.target, parent, tell)
    elif choice == Recovery.OPEN_ANYWAY:
        attempt.allow_network = True
    elif choice == Recovery.RETRY:
        pass  # the same attempt again: the server may answer now
    elif choice == Recovery.CHOOSE_LOCATION:
        chosen = choose_file(parent)
        if chosen and chosen != attempt.target:
            _release(attempt.guard)
            return claim(chosen, parent, tell)
    else:
        _release(attempt.guard)
        return None
    return attempt


def open_database_interactively(
    target: str,
    parent: QWidget | None = None,
    ask: Callable[[StartupProblem, QWidget | None], Recovery] = ask_recovery,
    choose_file: Callable[[QWidget | None], str | None] = choose_database_file,
    tell: Callable[[QWidget | None, str, str], None] = inform,
) -> OpenedDatabase | None:
    """The database ready for the window, or None when the user quit (nothing was written).

    Synchronous: `claim` + `prepare_database` + `resolve_problem` in a loop. A window that
    opens the database on a worker thread calls the three itself (see the module notes).
    """
    attempt = claim(target, parent, tell)
    while attempt is not None:
        try:
            db = prepare_database(attempt.target, allow_network=attempt.allow_network)
            return OpenedDatabase(db, attempt.guard, attempt.target)
        except StartupProblem as problem:
            attempt = resolve_problem(problem, attempt, parent, ask, choose_file, tell)
    return None


def _restore(target: str, parent, tell) -> None:
    try:
        result = restore_latest(target)
    except PazosError as exc:
        tell(parent, _(DIALOG_TITLE), exc.message)
        return
    tell(
        parent,
        _(DIALOG_TITLE),
        _(RESTORED_MESSAGE).format(path=result.restored_from, kept=result.safety_copy),
    )


def _release(guard: SingleInstance | None) -> None:
    if guard is not None:
        guard.release()
