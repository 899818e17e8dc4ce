"""The one job pipeline: all database and file work off the UI thread (Anki's CollectionOp/
QueryOp and long jobs, in one small helper).

Everything runs on ONE worker thread, in the order it was asked for, and its result or error
comes back on the UI thread:

    ops.run(lambda s: partners.save_partner(s, data), success=view.saved)  # a change
    ops.read(lambda s: partners.list_partners(s), success=view.show_rows)  # a read
    ops.submit(lambda: check_file(path), success=...)                       # no session
    ops.job(title, work, success=..., on_cancel=...)                        # long, cancellable

`run` opens a fresh session (`Database.session()`: committed on success, rolled back on
error, so nothing is half-saved) that takes the write lock first; `read` one that only reads. `job(title, work)` calls `work(job)` with a `Job`: its
`progress(done, total, text)`, its `cancelled()` / `check()`, and `in_session(fn)` for the
sessions it needs. A progress dialog appears only when the work lasts (see ui/jobs/progress.py)
and is gone before `success` runs.

One cancel idiom: the user's Cancel sets the job's flag; the work (or the core function it
passes `job.cancelled` to) raises `pazos_desktop.errors.Cancelled`, and `on_cancel` runs
instead of `success`. Work that finishes anyway counts as done. Errors go to
`ui.errors.show_error` (logged, the one error dialog) unless the caller handles them.
This module and ui/interaction.py are the only ones of ui/ that open database sessions or
threads, or show Qt's message boxes (tests/test_ui_layers.py).

Nothing Qt owns may be freed on the worker: a widget destroyed off the UI thread crashes the
program. So the callables of an operation (closures over views) stay in a table the UI thread
owns, and the worker drops its own references before it reports back; and while the worker
exists, Python's cyclic collector runs on the UI thread only (ui/ui_thread_gc.py).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui import errors
from ui.jobs.ui_thread_gc import collector

log = logging.getLogger("pazos.ops")

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]

_default: Operations | None = None


def default() -> Operations:
    """The application's operations helper (set by the main window)."""
    if _default is None:
        raise RuntimeError("no Operations instance yet")
    return _default


class _Relay(QObject):
    """Carries a job's progress from the worker to the UI thread (a queued signal)."""

    changed = Signal(int, int, str)


class Job:
    """One long piece of work, as the worker sees it (and the UI can cancel it)."""

    def __init__(self, ops: Operations, title: str):
        self.ops, self.title = ops, title
        self._cancel = threading.Event()
        self.relay = _Relay()
        self.finished = False

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Report from the worker as often as wanted; shown on the UI thread."""
        self.relay.changed.emit(int(done), int(total), str(text))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here with `Cancelled` when the user asked to."""
        if self.cancelled():
            from pazos_desktop.errors import Cancelled

            raise Cancelled()

    def in_session(
        self, fn: Callable[[Any], Any], reason: str | None = None, db=None, read_only=False
    ) -> Any:
        """`fn(session)` in a fresh session of `db` (the window's database), committed;
        `read_only` for work that only reads (a report, an export: no write lock)."""
        with (db or self.ops.db).session(reason=reason, read_only=read_only) as session:
            return fn(session)


class _Call:
    """One queued operation: what to run, who receives its outcome, and that outcome."""

    __slots__ = ("fn", "success", "failure", "result", "error")

    def __init__(self, fn, success, failure):
        self.fn, self.success, self.failure = fn, success, failure
        self.result = self.error = None


class Operations(QObject):
    """Runs callables on a single worker thread; delivers results on the UI thread."""

    _finished = Signal(int)  # the ticket of a call that has run

    def __init__(self, db=None, parent: QObject | None = None):
        super().__init__(parent)
        global _default
        self.db = db
        self.pending = 0
        self._calls: dict[int, _Call] = {}  # owned by the UI thread; the worker only reads
        self._tickets = itertools.count()
        # One thread: operations run in the order they were asked for, never two at once.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pazos-db")
        self._finished.connect(self._deliver)
        collector().hold()
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
        """Run `fn()` on the worker (no session): opening the database, checking a file."""
        self.pending += 1
        failure = failure or (lambda exc: errors.show_error(parent, exc))
        ticket = next(self._tickets)
        self._calls[ticket] = _Call(fn, success, failure)
        self._pool.submit(self._work, ticket)

    def run(
        self,
        fn: Callable[[Any], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        parent: QWidget | None = None,
        reason: str | None = None,
    ) -> None:
        """Run `fn(session)` in a fresh session, committed when it returns (a change: it takes
        the database's write lock first)."""
        self._in_session(fn, success, failure, parent, reason=reason)

    def read(self, fn: Callable[[Any], Any], success: Success | None = None, **where) -> None:
        """Run `fn(session)` that only reads (a view's rows, an editor's record): it neither
        waits for another program's write nor makes one wait. `where`: `failure`, `parent`,
        as for `run`."""
        self._in_session(fn, success, where.get("failure"), where.get("parent"), read_only=True)

    def _in_session(self, fn, success, failure, parent, reason=None, read_only=False) -> None:
        db = self.db

        def in_session():
            with db.session(reason=reason, read_only=read_only) as session:
                return fn(session)

        self.submit(in_session, success, failure, parent)

    def job(
        self,
        title: str,
        work: Callable[[Job], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        on_cancel: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        dialog: bool = True,
    ) -> Job:
        """Start `work(job)` on the worker; returns the Job at once (its `cancel()` stops it).

        With `dialog`, a cancellable progress dialog appears if the work lasts; `progress`
        (done, total, text) receives the reports on the UI thread instead or as well.
        """
        job = Job(self, title)
        shown = None
        if dialog:
            from ui.jobs.progress import ProgressWindow

            shown = ProgressWindow(parent, title, job)
        if progress is not None:
            job.relay.changed.connect(progress)

        def ended(callback, *args) -> None:
            job.finished = True
            if shown is not None:
                shown.finish()  # gone before the result is shown: never over its message
            if callback is not None:
                callback(*args)

        def failed(exc: BaseException) -> None:
            from pazos_desktop.errors import Cancelled

            if isinstance(exc, Cancelled):
                ended(on_cancel)
            else:
                ended(failure or (lambda e: errors.show_error(parent, e)), exc)

        self.submit(lambda: work(job), lambda result: ended(success, result), failed, parent)
        return job

    def run_context(self):
        """A new action's context (the one clock): for the dates a view shows or proposes."""
        from pazos_desktop.clock import RunContext

        return self.db.run_context() if self.db is not None else RunContext.start()

    def _work(self, ticket: int) -> None:
        call = self._calls[ticket]
        try:
            call.result = call.fn()
        except BaseException as exc:  # delivered to the UI thread, never lost
            call.error = exc
        # The UI thread must hold the last reference to everything the call reaches.
        del call
        self._finished.emit(ticket)

    def _deliver(self, ticket: int) -> None:
        call = self._calls.pop(ticket)
        self.pending -= 1
        if self.closed:  # the window is gone: nobody to show a result to
            if call.error is not None:
                log.warning("after shutdown: %s", errors.details(call.error))
            return
        try:
            if call.error is not None:
                call.failure(call.error)
            elif call.success is not None:
                call.success(call.result)
        except Exception as exc:  # a failing callback is one more error to show, not a crash
            errors.show_error(None, exc)

    def call_now(self, fn: Callable[[Any], Any]) -> Any:
        """Run `fn(session)` on the worker and wait: only for tests, benchmarks, the self-check."""
        db = self.db

        def in_session():
            with db.session() as session:
                return fn(session)

        return self._pool.submit(in_session).result()

    def drain(self) -> None:
        """Wait until every queued operation has run (before a backup or a restore)."""
        self._pool.submit(lambda: None).result()

    closed = False

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        collector().release()
