"""First start with no database: an empty database, or Palmira's sample data to try it out."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.fit import FittedDialog

EMPTY, SAMPLE = "empty", "sample"


class WelcomeDialog(FittedDialog):
    def __init__(self, parent: QWidget | None, db_description: str):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Bienvenido a PAZOS Coordinación"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<h3>Bienvenido</h3><p>No hay todavía una base de datos. Se creará en:</p>"
                "<p><tt>{path}</tt></p><p>¿Cómo desea empezar?</p>"
            ).format(path=html.escape(db_description))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        self.empty_button = QPushButton(self.tr("Base de datos vacía, para mis datos reales"))
        self.sample_button = QPushButton(
            self.tr("Datos de ejemplo de Palmira, para conocer el programa")
        )
        for button, choice in ((self.empty_button, EMPTY), (self.sample_button, SAMPLE)):
            button.setMinimumHeight(button.sizeHint().height() + 12)
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            layout.addWidget(button)
        self.empty_button.setDefault(True)
        self.setMinimumWidth(480)

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
