"""The one way the window talks to the user (git-cola's `Interaction` seam).

Every message, question and file chooser of `ui/` goes through the module functions below:
`inform`, `warn`, `open_path`, `confirm`, `confirm_dialog` (a question in a dialog of our own,
such as the suppression's), `ask_text`, `ask_person` (the user's name and position),
`save_file`, `open_file`, `open_files`, `choose_folder`, and `error` (what
`ui.errors.show_error` shows). They call `current`: an `Interaction` (Qt dialogs whose buttons
say what they do, in the program's language) that tests and the self-check replace with a
`Recorder`, which remembers what would have been shown and answers from a script. No other
module of `ui/` builds a QMessageBox, QInputDialog or
QFileDialog (tests/test_ui_layers.py fails otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Interaction", text)


class Interaction:
    """Qt's dialogs, as the program shows them."""

    def inform(self, parent, title: str, text: str, open_path: str | None = None) -> None:
        """A message; with `open_path`, buttons to open that file and its folder."""
        box = _box(parent, QMessageBox.Icon.Information, title, text)
        opened = {}
        if open_path and Path(open_path).is_file():
            opened[box.addButton(tr("Abrir"), QMessageBox.ButtonRole.ActionRole)] = open_path
            open_path = str(Path(open_path).parent)
        if open_path:
            button = box.addButton(tr("Abrir carpeta"), QMessageBox.ButtonRole.ActionRole)
            opened[button] = open_path
        box.setDefaultButton(box.addButton(tr("Aceptar"), QMessageBox.ButtonRole.AcceptRole))
        box.exec()
        target = opened.get(box.clickedButton())
        if target and not QDesktopServices.openUrl(QUrl.fromLocalFile(target)):
            self.warn(parent, title, tr("No se pudo abrir {path}.").format(path=target))

    def open_path(self, parent, path: str) -> None:
        """Open a file with the program the system gives its type (an evidence file)."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.warn(parent, tr("Abrir"), tr("No se pudo abrir {path}.").format(path=path))

    def warn(self, parent, title: str, text: str) -> None:
        box = _box(parent, QMessageBox.Icon.Warning, title, text)
        box.setDefaultButton(box.addButton(tr("Aceptar"), QMessageBox.ButtonRole.AcceptRole))
        box.exec()

    def confirm(
        self, parent, title: str, text: str, yes: str | None = None, no: str | None = None
    ) -> bool:
        """A question; the safe answer (`no`) is the default, Esc answers it too."""
        box = _box(parent, QMessageBox.Icon.Question, title, text)
        accept = box.addButton(yes or tr("Sí"), QMessageBox.ButtonRole.YesRole)
        refuse = box.addButton(no or tr("No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(refuse)
        box.setEscapeButton(refuse)
        box.exec()
        return box.clickedButton() is accept

    def confirm_dialog(self, dialog: QDialog, text: str) -> bool:
        """A question asked by a dialog of ours (`text`: what it asks); True when accepted."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def ask_text(self, parent, title: str, label: str, text: str = "") -> str | None:
        """A line of text, or None when cancelled."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setOkButtonText(tr("Aceptar"))
        dialog.setCancelButtonText(tr("Cancelar"))
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        value = dialog.textValue()
        dialog.deleteLater()
        return value if accepted else None

    def save_file(self, parent, caption: str, suggested: str, filters: str) -> str | None:
        return _choose(parent, caption, suggested, filters, _SAVE) or None

    def open_file(self, parent, caption: str, folder: str, filters: str) -> str | None:
        return _choose(parent, caption, folder, filters, _OPEN) or None

    def open_files(self, parent, caption: str, folder: str, filters: str) -> list[str]:
        return list(_choose(parent, caption, folder, filters, _OPEN_MANY) or [])

    def choose_folder(self, parent, caption: str, folder: str) -> str | None:
        return _choose(parent, caption, folder, "", _FOLDER) or None

    def choose_database(self, parent, caption: str, suggested: str, filters: str) -> str | None:
        """A database file to open or create (an existing one is opened, never replaced)."""
        return _choose(parent, caption, suggested, filters, _DATABASE) or None

    def ask_person(self, parent, name: str, position: str) -> tuple[str, str] | None:
        """The user's name and position (ui/dialogs/person.py), or None when cancelled."""
        from ui.dialogs.person import PersonDialog  # built only when asked

        dialog = PersonDialog(_live(parent), name, position)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        return values if accepted else None

    def error(self, parent, message: str, detail: str) -> None:
        from ui.dialogs.error import ErrorDialog  # built only when an error is shown

        dialog = ErrorDialog(_live(parent), message, detail)
        dialog.exec()
        dialog.deleteLater()


_SAVE, _OPEN, _OPEN_MANY, _FOLDER, _DATABASE = range(5)


def _choose(parent, caption: str, start: str, filters: str, kind: int):
    """A file dialog whose every label is in the program's language (Qt's own Spanish lacks
    "Look in" and "Files of type": the dialog spoke two languages); the path(s) chosen, or
    None when cancelled."""
    dialog = QFileDialog(_live(parent), caption, start, filters)
    mode = QFileDialog.FileMode
    dialog.setFileMode(
        {_OPEN: mode.ExistingFile, _OPEN_MANY: mode.ExistingFiles, _FOLDER: mode.Directory}.get(
            kind, mode.AnyFile
        )
    )
    saving = kind in (_SAVE, _DATABASE)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen
    )
    if kind == _FOLDER:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if kind == _DATABASE:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    label = QFileDialog.DialogLabel
    for which, text in (
        (label.LookIn, tr("Buscar en:")),
        (label.FileName, tr("Carpeta:") if kind == _FOLDER else tr("Nombre del archivo:")),
        (label.FileType, tr("Tipo de archivo:")),
        (
            label.Accept,
            tr("Guardar") if saving else tr("Elegir") if kind == _FOLDER else tr("Abrir"),
        ),
        (label.Reject, tr("Cancelar")),
    ):
        dialog.setLabelText(which, text)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles()
    dialog.deleteLater()
    if not accepted or not chosen:
        return None
    return chosen if kind == _OPEN_MANY else chosen[0]


class Folders:
    """Where file dialogs start: the folder of the last file chosen (kept in this user's
    preferences), instead of the home folder every time."""

    def __init__(self):
        self.prefs = None
        self.last: str | None = None

    def remember_in(self, prefs) -> None:
        self.prefs, self.last = prefs, prefs.last_folder()

    def start(self, suggested: str) -> str:
        """`suggested` moved to the last folder when it only names the home folder (or no
        folder at all); a folder chosen on purpose (the backups') stays."""
        if not self.last or not Path(self.last).is_dir():
            return suggested
        path = Path(suggested) if suggested else Path.home()
        name = "" if path.is_dir() or not path.suffix else path.name
        folder = path if not name else path.parent
        if folder in (Path(), Path.home()):
            return str(Path(self.last) / name) if name else self.last
        return suggested

    def note(self, chosen, folder: bool = False) -> None:
        first = chosen[0] if isinstance(chosen, list | tuple) and chosen else chosen
        if not first:
            return
        self.last = str(Path(first) if folder else Path(first).parent)
        if self.prefs is not None:
            self.prefs.set_last_folder(self.last)


folders = Folders()


def remember_folders(prefs) -> None:
    """File dialogs start where the user last chose a file (the window calls it once)."""
    folders.remember_in(prefs)


def _live(parent):
    """A parent still alive (a view rebuilt after a language switch may be gone)."""
    import shiboken6

    return parent if isinstance(parent, QWidget) and shiboken6.isValid(parent) else None


def _box(parent, icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(_live(parent))
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names typed by users are never markup
    box.setText(text)
    return box


@dataclass
class Recorder(Interaction):
    """Stands in for the dialogs: remembers what was said, answers from a script.

    `answer` is every confirmation's answer; `texts` and `files` are popped in order for
    `ask_text` and the file choosers (None, an empty list: the user cancelled).
    """

    answer: bool = True
    texts: list = field(default_factory=list)
    files: list = field(default_factory=list)
    told: list[tuple[str, str]] = field(default_factory=list)  # inform and warn: (title, text)
    opened: list[str] = field(default_factory=list)  # the files informs offered to open
    questions: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)  # error messages
    details: list[str] = field(default_factory=list)  # their tracebacks
    asked: list[str] = field(default_factory=list)  # captions of file choosers and text prompts
    # Who the user says they are when asked (None: the dialog was cancelled).
    person: tuple[str, str] | None = ("Luz Dary Ortiz Muñoz", "Secretaria técnica")
    folders: list[str] = field(default_factory=list)  # where each file chooser started

    def inform(self, parent, title, text, open_path=None) -> None:
        self.told.append((title, text))
        if open_path:
            self.opened.append(open_path)

    def warn(self, parent, title, text) -> None:
        self.told.append((title, text))

    def open_path(self, parent, path) -> None:
        self.opened.append(path)

    def confirm(self, parent, title, text, yes=None, no=None) -> bool:
        self.questions.append(text)
        return self.answer

    def confirm_dialog(self, dialog, text) -> bool:
        self.questions.append(text)
        dialog.deleteLater()
        return self.answer

    def ask_text(self, parent, title, label, text="") -> str | None:
        self.asked.append(label)
        return self.texts.pop(0) if self.texts else None

    def _file(self, caption, start):
        self.asked.append(caption)
        self.folders.append(start)
        return self.files.pop(0) if self.files else None

    def save_file(self, parent, caption, suggested, filters):
        return self._file(caption, suggested)

    def open_file(self, parent, caption, folder, filters):
        return self._file(caption, folder)

    def open_files(self, parent, caption, folder, filters) -> list[str]:
        chosen = self._file(caption, folder)
        return list(chosen) if isinstance(chosen, list | tuple) else [chosen] if chosen else []

    def choose_folder(self, parent, caption, folder):
        return self._file(caption, folder)

    def choose_database(self, parent, caption, suggested, filters):
        return self._file(caption, suggested)

    def ask_person(self, parent, name, position):
        self.asked.append("person")
        return self.person

    def error(self, parent, message, detail) -> None:
        self.shown.append(message)
        self.details.append(detail)


current: Interaction = Interaction()


def install(interaction: Interaction) -> Interaction:
    """Replace the seam (tests, the self-check); returns the one it replaced."""
    global current
    previous, current = current, interaction
    return previous


def inform(parent, title: str, text: str, open_path: str | None = None) -> None:
    current.inform(parent, title, text, open_path)


def warn(parent, title: str, text: str) -> None:
    current.warn(parent, title, text)


def open_path(parent, path: str) -> None:
    current.open_path(parent, path)


def confirm(parent, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
    return current.confirm(parent, title, text, yes, no)


def confirm_dialog(dialog: QDialog, text: str) -> bool:
    return current.confirm_dialog(dialog, text)


def ask_text(parent, title: str, label: str, text: str = "") -> str | None:
    return current.ask_text(parent, title, label, text)


def save_file(parent, caption: str, suggested: str, filters: str) -> str | None:
    chosen = current.save_file(parent, caption, folders.start(suggested), filters)
    folders.note(chosen)
    return chosen


def open_file(parent, caption: str, folder: str, filters: str) -> str | None:
    chosen = current.open_file(parent, caption, folders.start(folder), filters)
    folders.note(chosen)
    return chosen


def open_files(parent, caption: str, folder: str, filters: str) -> Sequence[str]:
    chosen = current.open_files(parent, caption, folders.start(folder), filters)
    folders.note(list(chosen))
    return chosen


def choose_folder(parent, caption: str, folder: str) -> str | None:
    chosen = current.choose_folder(parent, caption, folders.start(folder))
    folders.note(chosen, folder=True)
    return chosen


def choose_database(parent, caption: str, suggested: str, filters: str) -> str | None:
    return current.choose_database(parent, caption, suggested, filters)


def ask_person(parent, name: str = "", position: str = "") -> tuple[str, str] | None:
    return current.ask_person(parent, name, position)


def error(parent, message: str, detail: str) -> None:
    current.error(parent, message, detail)
