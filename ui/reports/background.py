"""Runs a function off the UI thread and hands its result, error or progress back to it.

Small on purpose: the main window may pass its own runner to the view instead (same call).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int)


class _Task(QRunnable):
    def __init__(self, work: Callable[[Callable[[int], None]], object], signals: TaskSignals):
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except BaseException as exc:  # handed to the UI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    work: Callable[[Callable[[int], None]], object],
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int], None] | None = None,
) -> TaskSignals:
    """`work(progress)` runs on a pool thread; the callbacks run on the UI thread.
    Keep the returned object until `done` or `failed` fires."""
    signals = TaskSignals()
    signals.done.connect(on_done)
    signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Task(work, signals))
    return signals
