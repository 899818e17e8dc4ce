"""Starts the Qt application on a database (placeholder until the window issue lands)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def run(db_target: str, lang: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("PAZOS Coordinación")
    from pazos_desktop.database import open_database

    db = open_database(db_target)
    window.setCentralWidget(QLabel(db.describe()))
    window.resize(900, 600)
    window.show()
    try:
        return app.exec()
    finally:
        db.dispose()
