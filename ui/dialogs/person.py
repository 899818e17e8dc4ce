"""Who is using the program, as actas and the history name them: name and position.

Asked once (at the first approval of an acta, or typed in Configuración) through the message
seam (`ui.interaction.ask_person`) and kept in this user's preferences (`ui.prefs`); the window
gives it to every action's run context (`Database.person`). The login name of the computer is
never printed on a document: an approval names this person.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.clock import PERSON_MAX, make_person
from ui.fit import FittedDialog


class PersonDialog(FittedDialog):
    def __init__(self, parent: QWidget | None, name: str = "", position: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Su nombre y cargo"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Las actas que apruebe y el historial de cambios lo nombrarán así (nunca con el "
                "usuario del computador). Se guarda en sus preferencias; puede cambiarlo en "
                "Configuración."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name, self.position = QLineEdit(name), QLineEdit(position)
        for label, field in ((self.tr("&Nombre:"), self.name), (self.tr("&Cargo:"), self.position)):
            field.setMaxLength(PERSON_MAX)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Guardar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _accept(self) -> None:
        if make_person(self.name.text()) is None:
            self.error.setText(self.tr("Nombre: escriba su nombre completo."))
            self.error.setVisible(True)
            self.name.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.position.text().strip()
