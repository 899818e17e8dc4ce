"""Informes: the coordination report feature (`ui/reports/view.py`) inside the main window.

The report view takes a Database and a `runner(work, on_done, on_error, on_progress)`; here
the runner is the window's operations worker, so report work queues with every other
database operation on the one worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class _Progress(QObject):
    """Carries progress from the worker to the UI thread (a queued signal)."""

    changed = Signal(int)


def ops_runner(ops) -> Callable:
    """A `run_in_background` look-alike on the operations worker."""

    def run(work, on_done, on_error, on_progress=None):
        relay = _Progress()
        if on_progress is not None:
            relay.changed.connect(on_progress)
        ops.submit(lambda: work(relay.changed.emit), on_done, on_error)
        return relay  # the caller keeps it until done: the relay must outlive the work

    return run


class ReportsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        from ui.reports.view import ReportsView as CoordinationReports

        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reports = CoordinationReports(ctx.db, self, runner=ops_runner(ctx.ops))
        layout.addWidget(self.reports)

    def refresh(self) -> None:
        """Re-read the filter lists (they may have changed), unless the user has ticked some;
        a preset period ("this month"...) moves with the date, a custom one stays."""
        if not any(self.reports.checked(key) for key in self.reports.lists):
            self.reports.load_choices()
        self.reports.apply_preset(self.reports.preset.currentIndex())
