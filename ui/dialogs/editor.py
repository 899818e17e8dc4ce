"""The base of every editor: per-field errors from the core, nothing saved until valid.

A subclass adds its fields with `add_declared(field, widget)` (a field declared in
`pazos_desktop/records/`: its label, its key in `ValidationError.fields`) or `add_field(key,
label, widget)`, implements `collect()` (the dataclass to save; `typed(key)` reads a field's
text with its declared parser, and a refusal stops the save with the field's message) and
`save_call(data)` (a function of a session). A save the core doubts (`DoubtError`: a figure
going down, a closed commitment reopened) is asked about, and repeated with `accept_doubts`
when the user confirms.
Ctrl+S or Enter saves, Esc cancels and asks before discarding edits. The editor opens with the
focus on its first field; its fields sit in a scroll area, so it fits a small screen. Build-only:
the constructor never shows the dialog; `open_editor()` does (git-cola's pattern, for tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.fields import Field, FieldError
from pazos_desktop.errors import DoubtError, ValidationError
from ui import errors, interaction
from ui.fit import FitScrollArea, FittedDialog, grow_to_contents
from ui.jobs.operations import Operations
from ui.widgets import DateField, elide

ERROR_STYLE = "color: #b00020;"


class InputError(Exception):
    """Typed text that cannot even be given to the core (a date that is not a date)."""

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(fields.values()))
        self.fields = fields


class EditorDialog(FittedDialog):
    saved = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.ops = ops
        self.result_data: Any = None
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.mnemonics: dict[str, str] = {}
        self.declared: dict[str, Field] = {}
        self._input_errors: dict[str, str] = {}
        self._pending: Any = None
        self.error_labels: dict[str, QLabel] = {}
        self._initial: tuple | None = None
        self.saving = False
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        self.general_error = _error_label()
        outer.addWidget(self.general_error)
        body = QWidget()
        self.columns = QHBoxLayout(body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(24)
        self.scroll = FitScrollArea(body)
        outer.addWidget(self.scroll, 1)
        self.new_column()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Guardar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    # --- building -------------------------------------------------------------------------

    def new_column(self) -> QFormLayout:
        """Fields added from now on go in a new column (long records fit a 720 px screen)."""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Set explicitly: a layout without its own spacing inherits the parent's (24 px here).
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(10)
        if self.columns.count():
            self.setMinimumWidth(max(self.minimumWidth(), 800))
        column = QVBoxLayout()
        column.addLayout(self.form)
        column.addStretch(1)  # rows keep their height; spare room goes below the last one
        self.columns.addLayout(column, 1)
        return self.form

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """A labelled input with its error line underneath; `key` is the core's field name."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = _error_label()
        column.addWidget(error)
        self.form.addRow(label, box)
        if isinstance(widget, QComboBox):
            elide(widget)  # a 300-character partner name must not widen the editor
        buddy = self.form.labelForField(box)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.fields[key] = widget
        self.labels[key] = label.replace("&", "").rstrip(":")
        self.mnemonics[key] = label
        self.error_labels[key] = error
        return widget

    def add_declared(self, spec: Field, widget: QWidget, key: str | None = None) -> QWidget:
        """A field declared in the core: its label (with a free keyboard mnemonic) and key."""
        self.declared[key or spec.key] = spec
        return self.add_field(key or spec.key, self._mnemonic(spec.name) + ":", widget)

    def _mnemonic(self, label: str) -> str:
        """The label with "&" before its first letter not yet used by another label."""
        used = {ch.lower() for text in self.mnemonics.values() for ch in _accelerators(text)}
        for i, ch in enumerate(label):
            if ch.isalpha() and ch.lower() not in used and ch.isascii():
                return label[:i] + "&" + label[i:]
        return label

    def first_field(self) -> QWidget | None:
        return next((w for w in self.fields.values() if w.isEnabled()), None)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        first = self.first_field()
        if first is not None and not self._shown_once:
            self._shown_once = True  # later shows keep the focus where the user left it
            first.setFocus()

    _shown_once = False

    def mark_clean(self) -> None:
        """Call once the fields hold the record: edits are measured from here."""
        self._initial = self.state()

    # --- to implement ---------------------------------------------------------------------

    def collect(self) -> Any:
        raise NotImplementedError

    def save_call(self, data: Any) -> Callable[[Any], Any]:
        raise NotImplementedError

    # --- behaviour ------------------------------------------------------------------------

    def state(self) -> tuple:
        return tuple(_widget_state(w) for w in self.fields.values())

    def is_dirty(self) -> bool:
        return self._initial is not None and self.state() != self._initial

    def typed(self, key: str):
        """The field's text read by its declared parser (the core's, the same for every door);
        a refusal is kept to show under the field, and the save stops."""
        widget = self.fields[key]
        text = widget.text() if hasattr(widget, "text") else widget.toPlainText()
        try:
            return self.declared[key].parse(text)
        except FieldError as exc:
            self._input_errors[key] = exc.message
            return None

    def save(self) -> None:
        if self.saving:
            return
        self.show_errors({})
        self._input_errors = {}
        try:
            data = self.collect()
        except InputError as exc:
            self.show_errors(exc.fields)
            return
        if self._input_errors:
            self.show_errors(self._input_errors)
            return
        self._run_save(data, self.save_call(data))

    def _run_save(self, data: Any, call) -> None:
        self.saving = True
        self._pending = data
        self.ops.run(call, self._saved, self._failed, parent=self)

    def _saved(self, result: Any) -> None:
        self.saving = False
        self.result_data = result
        self._initial = self.state()
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        elif isinstance(exc, DoubtError):
            self._confirm_doubts(exc)
        else:
            errors.show_error(self, exc)

    def _confirm_doubts(self, exc: DoubtError) -> None:
        question = exc.message + "\n\n" + self.tr("¿Guardar de todos modos?")
        if interaction.confirm(self, self.tr("Revise antes de guardar"), question):
            self._run_save(self._pending, self.save_call(self._pending, accept_doubts=True))

    def show_errors(self, fields: dict[str, str]) -> None:
        unplaced = []
        for key, label in self.error_labels.items():
            label.setText(fields.get(key, ""))
            label.setVisible(key in fields)
        for key, message in fields.items():
            if key not in self.error_labels:
                unplaced.append(message)
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))
        if fields and self.isVisible():
            grow_to_contents(self)  # the messages take room: the dialog grows before it scrolls
        first = next((self.fields[k] for k in self.fields if k in fields), None)
        if first is not None:
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)

    def field_error(self, key: str) -> str:
        label = self.error_labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def reject(self) -> None:
        if self.is_dirty() and not interaction.confirm(
            self,
            self.tr("Descartar cambios"),
            self.tr("Hay cambios sin guardar. ¿Desea descartarlos?"),
            self.tr("Descartar"),
            self.tr("Seguir editando"),
        ):
            return
        super().reject()


def _accelerators(label: str) -> list[str]:
    return [label[i + 1] for i in range(len(label) - 1) if label[i] == "&" and label[i + 1] != "&"]


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _widget_state(w: QWidget):
    if isinstance(w, QLineEdit | DateField):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentData()
    if isinstance(w, QCheckBox | QAbstractButton):
        return w.isChecked()
    if isinstance(w, QListWidget):
        return tuple(w.item(i).checkState() == Qt.CheckState.Checked for i in range(w.count()))
    state = getattr(w, "state", None)
    return state() if callable(state) else None


def open_editor(dialog: EditorDialog, on_saved: Callable[[Any], None] | None = None) -> None:
    """Show an editor window-modally without blocking (tests drive it the same way)."""
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
