"""The acta's digital signatures, from the meeting editor's "Firmas…": who signed which block,
the certificate's issuer, when, and what verifying the stored file says now; sign (the dialog
of sign_dialog.py), add the signatures of a PDF signed in another program, verify again.

A dialog of its own rather than an eighth tab of the editor, or a button of the meeting list:
at 125 % on a laptop either would no longer fit (the tabs would scroll, the list's buttons
would push the window past the screen).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.meetings import SignatureState
from ui import interaction
from ui.fit import FittedDialog
from ui.models.rows import Column, RowsModel
from ui.widgets import setup_table


class SignaturesPanel(QWidget):
    changed = Signal()  # a signature was added

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.meeting_id: int | None = None
        self.state = None  # the ActaSignatures shown
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("sign", self.tr("Firmar…"), self.sign),
            ("attach", self.tr("Añadir PDF firmado en otro programa…"), self.attach),
            ("verify", self.tr("Verificar de nuevo"), self.refresh),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = RowsModel(self._columns(), self, alarm=lambda r: r.state != "valid")
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, self.tr("Firmas digitales del acta"))
        for column, width in enumerate((35, 130, 190, 230, 120)):
            self.table.horizontalHeader().resizeSection(column, width)
        layout.addWidget(self.table, 1)
        self._enable()

    def _columns(self) -> list[Column]:
        def when(r):
            if r.signed_at is None:
                return ""
            text = r.signed_at.astimezone().strftime("%d/%m/%Y %H:%M")
            return text + (" ⏱" if r.timestamped else "")

        return [
            Column(self.tr("No."), lambda r: r.seq, True),
            Column(self.tr("Firma como"), lambda r: r.role_label),
            Column(self.tr("Firmante"), lambda r: r.signer_name, tooltip=lambda r: r.signer_name),
            Column(self.tr("Estado"), lambda r: r.state_label, tooltip=lambda r: r.state_label),
            Column(
                self.tr("Fecha"),
                when,
                tooltip=lambda r: self.tr("Con sello de tiempo") if r.timestamped else None,
            ),
            Column(
                self.tr("Emisor del certificado"), lambda r: r.issuer, tooltip=lambda r: r.issuer
            ),
        ]

    def load(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        if self.meeting_id is None:
            self._show(None)
            return
        meeting_id = self.meeting_id

        def read(session):
            from pazos_desktop.documents.signatures.listing import acta_signatures

            return acta_signatures(session, meeting_id)

        self.ops.run(read, self._show, parent=self)

    def _show(self, state) -> None:
        self.state = state
        self.model.set_rows(state.rows if state else [])
        self.summary.setText(self._summary(state))
        self._enable()

    def _summary(self, state) -> str:
        if state is None or (not state.approved and not state.note):
            return self.tr("El acta se firma digitalmente una vez aprobada.")
        if not state.content_intact:
            return self.tr(
                "El PDF aprobado guardado no coincide con su huella SHA-256: la base de datos "
                "está dañada. Restaure una copia de seguridad."
            )
        parts = [state.note] if state.note else []
        valid = sum(1 for r in state.rows if r.state == SignatureState.VALID)
        parts.append(
            self.tr("Firmas: {n} de {total} bloques; válidas: {valid}.")
            .replace("{n}", str(len(state.rows)))
            .replace("{total}", str(len(state.signers)))
            .replace("{valid}", str(valid))
        )
        if state.rows:
            parts.append(self.tr("Cada exportación del acta aprobada entrega el PDF firmado."))
        return " ".join(parts)

    def _enable(self) -> None:
        approved = bool(self.state and self.state.approved and self.state.content_intact)
        self.buttons["sign"].setEnabled(approved and bool(self.state.unsigned()))
        self.buttons["attach"].setEnabled(approved)
        self.buttons["verify"].setEnabled(bool(self.state and self.state.rows))

    def sign(self) -> None:
        if self.meeting_id is not None:
            open_sign_dialog(self.ops, self, self.meeting_id, self._signed)

    def _signed(self, _outcome=None) -> None:
        self.refresh()
        self.changed.emit()

    def attach(self) -> None:
        path = interaction.open_file(
            self, self.tr("PDF firmado en otro programa"), "", self.tr("PDF (*.pdf)")
        )
        if not path or self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def work(job):
            from pazos_desktop.documents.signatures.attach import add_signed_file
            from pazos_desktop.files import read_limited

            data = read_limited(path, 200_000_000, self.tr("El archivo pesa {size:.0f} MB."))
            return job.in_session(lambda s: add_signed_file(s, meeting_id, data))

        title = self.tr("Añadir PDF firmado")
        self.ops.job(title, work, lambda added: self._attached(title, added), parent=self)

    def _attached(self, title: str, added) -> None:
        names = ", ".join(f"{a.signer_name} ({a.role_label})" for a in added)
        interaction.inform(
            self, title, self.tr("Firmas añadidas: {names}").replace("{names}", names)
        )
        self._signed()


def open_sign_dialog(ops, parent: QWidget, meeting_id: int, signed) -> None:
    """Read the acta's unsigned blocks, then open the signing dialog; `signed(outcome)` after."""

    def target(session):
        from pazos_desktop.documents.signatures.listing import sign_target

        return sign_target(session, meeting_id)

    def show(value) -> None:
        from ui.meetings.sign_dialog import SignDialog

        dialog = SignDialog(ops, parent, value)
        dialog.signed.connect(signed)
        dialog.open()

    ops.run(target, show, parent=parent)


class SignaturesDialog(FittedDialog):
    def __init__(self, ops, parent: QWidget | None, meeting_id: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Firmas digitales del acta"))
        layout = QVBoxLayout(self)
        self.panel = SignaturesPanel(ops, self)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().height() * 22)
        self.panel.load(meeting_id)


def open_signatures(ops, parent: QWidget, meeting_id: int) -> SignaturesDialog:
    dialog = SignaturesDialog(ops, parent, meeting_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
