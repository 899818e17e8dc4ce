"""Before a PDF export: offer once to fill the empty header settings, then say which
characters the PDF cannot draw (which record, which field) and let the user go on or stop.

`prepare_export(run, parent, proceed, problems=None)` is what the exports call; `run(fn, done)`
runs `fn(session)` off the UI thread and hands its result to `done` (the window's job
pipeline, `ops.run`). Questions and the logo chooser go through the interaction seam
(`ui.interaction`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.i18n import _
from pazos_desktop.parsing import ParseError, parse_date
from ui import interaction
from ui.fit import FittedDialog
from ui.widgets import DateField

SAVE, SKIP = "save", "skip"
# Tests replace this to answer the dialog without showing it: runner(dialog) -> SAVE/SKIP/None.
runner = None


class DocumentSettingsDialog(FittedDialog):
    """The header of every document: organisation, logo, code, version, approval date.

    Build-only constructor; `exec()` shows it. `choice` is SAVE, SKIP or None (cancelled);
    `values()` the settings as stored (dates ISO), or None after showing an input error.
    """

    def __init__(self, parent: QWidget | None, values: dict[str, str]):
        super().__init__(parent)
        from pazos_desktop.services.settings import DOCUMENT_LABELS, missing_document_settings

        self.setWindowTitle(self.tr("Encabezado de los documentos"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Los documentos llevan en cada página el encabezado del sistema de calidad: "
                "nombre de la organización, logotipo, código, versión y fecha de aprobación. "
                "Faltan algunos datos; puede completarlos ahora (quedan en Configuración) o "
                "exportar sin ellos."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        missing = set(missing_document_settings(values))
        self.fields: dict[str, QLineEdit] = {}
        for key, label in DOCUMENT_LABELS.items():
            field = DateField() if key == "doc_approval_date" else QLineEdit()
            if key == "doc_approval_date":
                field.set_date(_iso(values.get(key, "")))
            else:
                field.setText(values.get(key, ""))
            field.setAccessibleName(_(label))
            self.fields[key] = field
            shown = _(label) + (" " + self.tr("(falta)") if key in missing else "")
            form.addRow(shown, self._with_logo_button(field) if key == "org_logo" else field)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(520)

    def _with_logo_button(self, field: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(self.tr("Elegir…"))
        button.clicked.connect(lambda _=False: self._choose_logo(field))
        row.addWidget(button)
        return box

    def _choose_logo(self, field: QLineEdit) -> None:
        path = interaction.open_file(
            self, self.tr("Logotipo"), field.text(), self.tr("Imágenes (*.png *.jpg *.jpeg)")
        )
        if path:
            field.setText(path)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        save = box.addButton(self.tr("Guardar y continuar"), QDialogButtonBox.ButtonRole.AcceptRole)
        skip = box.addButton(
            self.tr("Continuar sin completar"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(lambda _=False: self._finish(SAVE))
        skip.clicked.connect(lambda _=False: self._finish(SKIP))
        box.rejected.connect(self.reject)
        return box

    def _finish(self, choice: str) -> None:
        if choice == SAVE and self.values() is None:
            return
        self.choice = choice
        self.accept()

    def values(self) -> dict[str, str] | None:
        try:
            approval = parse_date(self.fields["doc_approval_date"].text())
        except ParseError as exc:  # the core's parser and message, as every date field
            self.error.setText(self.tr("Fecha de aprobación") + ": " + exc.message)
            return None
        self.error.clear()
        out = {k: f.text().strip() for k, f in self.fields.items() if k != "doc_approval_date"}
        out["doc_approval_date"] = approval.isoformat() if approval else ""
        if out["org_logo"] and not Path(out["org_logo"]).is_file():
            self.error.setText(self.tr("Logotipo: no se encuentra el archivo."))
            return None
        return out


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def prepare_export(
    run: Callable,
    parent: QWidget | None,
    proceed: Callable[[], None],
    problems: Callable | None = None,
) -> None:
    """The checks before a PDF export, then `proceed()` unless the user stops."""
    from pazos_desktop.services.settings import all_settings

    def check(session):
        return all_settings(session), (problems(session) if problems else [])

    run(check, lambda result: _offer(run, parent, proceed, *result))


def _offer(run, parent, proceed, values: dict, found: list) -> None:
    from pazos_desktop.services.settings import (
        save_document_settings,
        should_offer_document_settings,
    )

    if not should_offer_document_settings(values):
        confirm_glyphs(parent, found, proceed)
        return
    dialog = DocumentSettingsDialog(parent, values)
    choice = runner(dialog) if runner is not None else (dialog.exec() and dialog.choice)
    if choice not in (SAVE, SKIP):
        return
    chosen = dialog.values() if choice == SAVE else None

    def save(session):
        save_document_settings(session, chosen)

    run(save, lambda _result: confirm_glyphs(parent, found, proceed))


def confirm_glyphs(parent, found: list, proceed: Callable[[], None]) -> None:
    """Say which characters the PDF cannot draw, and go on only if the user agrees."""
    from pazos_desktop.writers.pdf.glyphs import describe

    if found:
        text = "\n".join(describe(found)) + "\n\n" + _("¿Exportar de todos modos?")
        title = _("Caracteres que el PDF no puede mostrar")
        if not interaction.confirm(parent, title, text, _("Exportar"), _("Cancelar")):
            return
    proceed()
