"""Database work off the UI thread (Anki's CollectionOp/QueryOp, in one small helper).

Every service call runs on ONE worker thread in a fresh session (`Database.session()`:
committed on success, rolled back on error, so nothing is half-saved), and its result or
error comes back on the UI thread. Errors go to `ui.errors.show_error` unless the caller
handles them (editors show a ValidationError beside each field).

    ops.run(lambda s: partners.list_partners(s), success=view.show_rows)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from . import errors

log = logging.getLogger("pazos.ops")

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]

_default: Operations | None = None


def default() -> Operations:
    """The application's operations helper (set by the main window)."""
    if _default is None:
        raise RuntimeError("no Operations instance yet")
    return _default


class Operations(QObject):
    """Runs callables on a single worker thread; delivers results on the UI thread."""

    _finished = Signal(object, object, object, object)  # success, failure, result, error

    def __init__(self, db=None, parent: QObject | None = None):
        super().__init__(parent)
        global _default
        self.db = db
        self.pending = 0
        # One thread: operations run in the order they were asked for, never two at once.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pazos-db")
        self._finished.connect(self._deliver)
        _default = self

    @property
    def idle(self) -> bool:
        return self.pending == 0

    def submit(
        self,
        fn: Callable[[], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run `fn()` on the worker (no session): for opening the database, long jobs."""
        self.pending += 1
        failure = failure or (lambda exc: errors.show_error(parent, exc))
        self._pool.submit(self._work, fn, success, failure)

    def run(
        self,
        fn: Callable[[Any], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        parent: QWidget | None = None,
        reason: str | None = None,
    ) -> None:
        """Run `fn(session)` in a fresh session, committed when it returns."""
        db = self.db

        def in_session():
            with db.session(reason=reason) as session:
                return fn(session)

        self.submit(in_session, success, failure, parent)

    def run_context(self):
        """A new action's context (the one clock): for the dates a view shows or proposes."""
        from pazos_desktop.clock import RunContext

        return self.db.run_context() if self.db is not None else RunContext.start()

    def _work(self, fn, success, failure) -> None:
        try:
            result, error = fn(), None
        except BaseException as exc:  # delivered to the UI thread, never lost
            result, error = None, exc
        self._finished.emit(success, failure, result, error)

    def _deliver(self, success, failure, result, error) -> None:
        self.pending -= 1
        if error is not None:
            failure(error)
        elif success is not None:
            success(result)

    def call_now(self, fn: Callable[[Any], Any]) -> Any:
        """Run `fn(session)` on the worker and wait: only for tests and benchmarks."""
        db = self.db

        def in_session():
            with db.session() as session:
                return fn(session)

        return self._pool.submit(in_session).result()

    def drain(self) -> None:
        """Wait until every queued operation has run (before a backup or a restore)."""
        self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
