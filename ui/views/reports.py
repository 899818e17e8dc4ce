"""Informes: where the reports (coordination report, Excel sheets...) will be offered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ReportsView(QWidget):
    """A placeholder: the report features replace this view (see ui/views/__init__.py)."""

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "<h2>Informes</h2><p>Aquí estarán los informes de coordinación y las hojas de "
                "compromisos para cada entidad. Llegan en una próxima versión.</p>"
                "<p>Mientras tanto, la línea de comandos ya ofrece lo disponible: "
                "<tt>main.py --help</tt>.</p>"
            )
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(label)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Nothing to load yet."""
