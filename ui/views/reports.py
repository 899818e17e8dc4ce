"""Informes: the coordination report feature (`ui/reports/view.py`) inside the main window.

The report view takes the window's operations helper: report work queues with every other
database operation on the one worker thread (the job pipeline).
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class ReportsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        from ui.reports.view import ReportsView as CoordinationReports

        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reports = CoordinationReports(ctx.ops, self)
        layout.addWidget(self.reports)

    def refresh(self) -> None:
        """Re-read the filter lists (they may have changed), unless the user has ticked some;
        a preset period ("this month"...) moves with the date, a custom one stays."""
        if not any(self.reports.checked(key) for key in self.reports.lists):
            self.reports.load_choices()
        self.reports.apply_preset(self.reports.preset.currentIndex())
