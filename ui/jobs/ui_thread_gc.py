"""Python's cyclic garbage collector runs on the UI thread only, while the worker exists.

CPython collects in whichever thread allocates when a threshold is crossed. When that is the
job pipeline's worker and the garbage holds a widget (a closed dialog in a reference cycle),
Qt destroys the widget off the UI thread and the program dies with a segmentation fault
(seen in CI, in the middle of tests/test_report_view.py). So while an `Operations` is alive,
automatic collection is off and a timer on the UI thread collects by the same thresholds;
the last `release()` (the worker has ended) gives automatic collection back.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
# CPython defers a full collection until the long-lived objects have grown by a quarter, which
# Python code cannot see; a full pass over the window's heap takes about 0.2 s, so at most one
# a minute.
FULL_EVERY_S = 60.0


class UiThreadCollector(QObject):
    """Counts its holders; the first disables automatic collection, the last restores it."""

    def __init__(self):
        super().__init__()
        self.holders = 0
        self._was_enabled = True
        self._last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def hold(self) -> None:
        if self.holders == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self.timer.start()
        self.holders += 1

    def release(self) -> None:
        self.holders = max(0, self.holders - 1)
        if self.holders == 0:
            self.timer.stop()
            if self._was_enabled:
                gc.enable()

    def check(self) -> None:
        """The collection CPython would have made by now, oldest generation due first."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        full_due = time.monotonic() - self._last_full >= FULL_EVERY_S
        for generation in (2, 1, 0):
            if generation == 2 and not full_due:
                continue
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                if generation == 2:
                    self._last_full = time.monotonic()
                return


_collector: UiThreadCollector | None = None


def collector() -> UiThreadCollector:
    """The process's one collector, made on first use (on the UI thread, with Operations)."""
    global _collector
    if _collector is None:
        _collector = UiThreadCollector()
    return _collector
