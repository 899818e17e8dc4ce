"""Sign an approved acta: the block, the certificate file (.p12 / .pfx) and its password.

The password field hides what is typed and is emptied as soon as the signature starts: a
wrong password is typed again, never shown back. The core does the checks (the file, the
password, the certificate's dates and use, the holder's name); its message appears here,
under the fields, and the dialog stays open to try again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.errors import PazosError
from ui import errors, interaction
from ui.fit import FittedDialog
from ui.widgets import add_labelled_rows

if TYPE_CHECKING:  # pyHanko and cryptography load when a signature is made, not at start
    from pazos_desktop.documents.signatures.listing import SignTarget


class SignDialog(FittedDialog):
    signed = Signal(object)  # the SignOutcome

    def __init__(self, ops, parent: QWidget | None, target: SignTarget):
        super().__init__(parent)
        self.ops, self.target = ops, target
        self.setWindowTitle(self.tr("Firmar el acta"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{acta}: firma digital con el certificado de quien firma (archivo .p12 o .pfx "
                "que entrega la entidad certificadora). La contraseña se usa una vez y no se "
                "guarda."
            ).replace("{acta}", target.label)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.block = QComboBox()
        for signer in target.blocks:
            self.block.addItem(f"{signer.label} — {signer.name}", signer.role)
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText(self.tr("Archivo .p12 o .pfx"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add_labelled_rows(
            form,
            [
                (self.tr("&Firma como:"), self.block, self.block),
                (self.tr("&Certificado:"), self._with_choose(), self.certificate),
                (self.tr("C&ontraseña:"), self.password, self.password),
            ],
        )
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.sign_button = buttons.addButton(
            self.tr("Firmar"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setDefault(True)
        self.sign_button.setEnabled(bool(target.blocks))
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not target.blocks:
            self.error.setText(self.tr("Todos los bloques de firma del acta ya están firmados."))
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def _with_choose(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.certificate, 1)
        choose = QPushButton(self.tr("Elegir…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(lambda _=False: self.choose_certificate())
        row.addWidget(choose)
        return box

    def choose_certificate(self) -> None:
        path = interaction.open_file(
            self,
            self.tr("Certificado de firma digital"),
            str(Path(self.certificate.text()).parent) if self.certificate.text() else "",
            self.tr("Certificados (*.p12 *.pfx);;Todos los archivos (*)"),
        )
        if path:
            self.certificate.setText(path)
            self.password.setFocus()

    def values(self) -> dict:
        """What was chosen and typed, as plain values (the core checks them)."""
        return {
            "role": self.block.currentData(),
            "certificate": self.certificate.text().strip(),
            "password": self.password.text(),
        }

    def sign(self) -> None:
        values = self.values()
        self.password.clear()  # used once: a second try types it again
        if not values["certificate"]:
            self.error.setText(self.tr("Certificado: elija el archivo .p12 o .pfx."))
            return
        self.error.clear()
        self.sign_button.setEnabled(False)
        meeting_id = self.target.meeting_id

        def work(job):
            from pazos_desktop.documents.signatures.credentials import read_certificate
            from pazos_desktop.documents.signatures.sign import sign_meeting

            data = read_certificate(values["certificate"])
            password = values.pop("password")
            return sign_meeting(job.in_session, meeting_id, values["role"], data, password)

        self.ops.job(self.tr("Firmando el acta"), work, self._signed, self._failed, parent=self)

    def _signed(self, outcome) -> None:
        self.signed.emit(outcome)
        if outcome.note:
            interaction.warn(self, self.tr("Firmar el acta"), outcome.note)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        if isinstance(exc, PazosError):
            self.error.setText(exc.message)
            self.password.setFocus()
        else:
            errors.show_error(self, exc)
