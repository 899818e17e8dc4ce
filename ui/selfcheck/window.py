"""Self-check steps that start the real window on the sample database, show every view of the
navigation (ui.views.VIEWS) and open every editor (ui.editors.EDITORS), each rendered.

The window starts the way `main.py` starts it (ui.app.build_and_start: language, the
database's lock, the start-up checks and backup, the first view), on the self-check's
database and with preferences in its scratch folder, so a self-check never changes the
user's. What the window would show in an error dialog is collected instead, and a step fails
when something was collected while it ran. Under a real X server this is a walk through the
window as users see it.
"""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pazos_desktop.selfcheck.runner import EDITOR, VIEW, SelfCheckContext, Step
from ui.editors import EDITORS, EditorSpec
from ui.interaction import Recorder
from ui.selfcheck.steps import delete_now
from ui.views import VIEWS, ViewSpec

TIMEOUT = 60.0  # seconds a step may wait for the worker (the report view at 10x takes ~10 s)
MIN_WIDTH, MIN_HEIGHT = 200, 100  # smaller than this, a rendered window is surely broken


def tr(text: str) -> str:
    return QCoreApplication.translate("SelfCheck", text)


class Walk:
    """The window under check, the editors' sample values and the errors it reported."""

    def __init__(self, window, samples):
        self.window, self.samples = window, samples
        self.errors: list[str] = []

    def collect(self, _parent, message: str, detail: str) -> None:
        lines = [line for line in detail.strip().splitlines() if line.strip()]
        self.errors.append(lines[-1] if lines else message)

    def settle(self) -> None:
        """Run the event loop until the worker has been idle for two turns in a row."""
        ops = self.window.ops
        quiet = [0]

        def still() -> bool:
            quiet[0] = quiet[0] + 1 if ops.idle else 0
            return quiet[0] >= 2

        pump_until(still, TIMEOUT)

    def fail_on_errors(self, since: int) -> None:
        """Fail with what the window reported, under its own kind ("ModuleNotFoundError: …")."""
        if len(self.errors) > since:
            kind, _sep, text = self.errors[since].partition(": ")
            rest = "; ".join([text, *self.errors[since + 1 :]])
            if kind.isidentifier() and text:
                raise type(kind, (WindowReported,), {})(rest)
            raise WindowReported("; ".join(self.errors[since:]))


class WindowReported(RuntimeError):
    """What the window would have shown in its error dialog, during a self-check step."""


def pump_until(condition, timeout: float) -> None:
    """A real event loop (as app.exec() runs), polled every 10 ms, until `condition()`."""
    loop, deadline = QEventLoop(), time.monotonic() + timeout
    outcome: dict[str, object] = {}

    def poll() -> None:
        try:
            done = condition()
        except Exception as exc:  # raised after the loop: inside a slot it would be lost
            outcome["error"], done = exc, True
        if done:
            outcome["done"] = True
        if done or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if "error" in outcome:
        raise outcome["error"]
    if "done" not in outcome:
        raise TimeoutError(tr("sin respuesta tras {n} s").format(n=int(timeout)))


def _walk(ctx: SelfCheckContext) -> Walk:
    """The window, once its database is open (even if its first view failed to build)."""
    walk = ctx.facts.get("window_walk")
    if walk is None or walk.samples is None:
        raise RuntimeError(tr("la ventana principal no se abrió"))
    return walk


def rendered(widget: QWidget) -> str:
    """Render `widget` as the screen would; its size, or an error when the image is blank."""
    image = widget.grab().toImage()
    size = f"{image.width()}×{image.height()} px"
    if image.isNull() or image.width() < MIN_WIDTH or image.height() < MIN_HEIGHT:
        raise RuntimeError(tr("imagen vacía o demasiado pequeña ({size})").format(size=size))
    return size


# --- the window --------------------------------------------------------------------------------


def check_window(ctx: SelfCheckContext) -> str:
    window, walk, ready = _start_window(ctx)
    pump_until(lambda: bool(ready or walk.errors or not window.isVisible()), TIMEOUT)
    walk.settle()
    if window.ops is not None and window.ops.db is not None:
        # The views are still worth checking one by one when only the first one failed.
        from ui.selfcheck.editor_samples import Samples

        walk.samples = Samples(window.ops, window, ctx.workdir)
    walk.fail_on_errors(0)
    if not ready:
        raise RuntimeError(window.loading.text())
    menus = ", ".join(a.text().replace("&", "") for a in window.menuBar().actions())
    return tr("ventana principal abierta en la base de ejemplo ({size}; menús: {menus})").format(
        size=rendered(window), menus=menus
    )


def _start_window(ctx: SelfCheckContext):
    """The main window, shown and starting as ui.app.run starts it; ready fills when it is."""
    from pazos_desktop.i18n import get_language
    from ui import app as ui_app
    from ui.main_window import MainWindow
    from ui.prefs import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PAZOS Coordinación")
    settings = QSettings(str(ctx.workdir / "prefs.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Preferences(settings), str(ctx.db_path), deferred=True)
    window.data_folder = ctx.workdir  # drafts and cached figures stay in the scratch folder
    walk = ctx.facts["window_walk"] = Walk(window, None)
    _take_over_dialogs(ctx, walk)
    ctx.on_close(lambda: _close(window))
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.show()
    ui_app.build_and_start(window, get_language())
    return window, walk, ready


def _take_over_dialogs(ctx: SelfCheckContext, walk: Walk) -> None:
    """Errors, messages and start-up questions go to the walk, never to a modal dialog nobody
    answers: the interaction seam is a recorder whose error messages fail the step."""
    from pazos_desktop.safety.startup import Recovery
    from ui import app as ui_app
    from ui import interaction

    saved = (ui_app.recovery_ask, sys.excepthook, threading.excepthook)

    def refuse(problem, _parent):
        walk.errors.append(problem.message)
        return Recovery.QUIT

    ui_app.recovery_ask = refuse
    previous = interaction.install(_WalkRecorder(walk))

    def restore() -> None:
        ui_app.recovery_ask, sys.excepthook, threading.excepthook = saved
        interaction.install(previous)

    ctx.on_close(restore)


class _WalkRecorder(Recorder):
    """Answers "no" to every question; what would have been an error dialog fails the step."""

    def __init__(self, walk: Walk):
        super().__init__(answer=False)
        self.walk = walk

    def error(self, parent, message, detail) -> None:
        super().error(parent, message, detail)
        self.walk.collect(parent, message, detail)


def _close(window) -> None:
    """As the program quits: close (saves preferences, releases the lock), stop the worker."""
    window.close()
    if window.ops is not None:
        window.ops.shutdown()
        if window.ops.db is not None:
            window.ops.db.dispose()
    window.release_lock()
    delete_now(window)


# --- one step per view and per editor ----------------------------------------------------------


def view_step(spec: ViewSpec) -> Step:
    def run(ctx: SelfCheckContext) -> str:
        walk = _walk(ctx)
        before = len(walk.errors)
        walk.window.show_view(spec.key)
        walk.settle()
        walk.fail_on_errors(before)
        if walk.window.current_key() != spec.key:
            raise RuntimeError(tr("la vista no quedó a la vista"))
        return tr("vista {title} construida y dibujada ({size})").format(
            title=spec.title(), size=rendered(walk.window)
        )

    return Step(f"check_view_{spec.key}", run, VIEW, spec.title)


def editor_step(spec: EditorSpec) -> Step:
    def run(ctx: SelfCheckContext) -> str:
        walk = _walk(ctx)
        before = len(walk.errors)
        dialog = spec.build(walk.samples)
        try:
            dialog.show()
            walk.settle()
            walk.fail_on_errors(before)
            size = rendered(dialog)
        finally:
            delete_now(dialog)
        return tr("editor {title} abierto y dibujado ({size})").format(
            title=spec.title(), size=size
        )

    return Step(f"check_editor_{spec.key}", run, EDITOR, spec.title)


VIEW_STEPS = [view_step(spec) for spec in VIEWS]
EDITOR_STEPS = [editor_step(spec) for spec in EDITORS]
