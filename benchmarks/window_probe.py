"""Started as a process by bench_window.py: the real start-up path, reporting milestones.

`python benchmarks/window_probe.py app DB` starts the program as `main.py --db DB` does and
prints "shown" at the first event-loop turn after the main window is shown, "populated" once
the dashboard shows figures (the previous run's, when still valid, or else the fresh ones),
then "fresh" once it shows the fresh ones, and quits. `... bare` shows an empty QMainWindow
the same way: the baseline.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    return app.exec()


def app_run(db: str) -> int:
    """`main.py --db DB` itself (run as __main__), with ui.app's first step wrapped to report."""
    import runpy

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    import ui.app

    real_start = ui.app.build_and_start

    def start(window, lang):
        print("shown", flush=True)  # the first event-loop turn after window.show()
        _report_figures()
        real_start(window, lang)

    ui.app.build_and_start = start
    sys.argv = [str(root / "main.py"), "--db", db]
    try:
        runpy.run_path(str(root / "main.py"), run_name="__main__")
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def _report_figures() -> None:
    """Wrap the dashboard's show_figures: "populated" the first time, "fresh" (and quit) when
    the figures shown are not the cached ones."""

    from ui.views.dashboard import DashboardView

    real = DashboardView.show_figures
    said: set[str] = set()

    def show_figures(view, data, cached=False):
        real(view, data, cached)
        view.repaint()
        if "populated" not in said:
            said.add("populated")
            print("populated", flush=True)
        if not cached:
            print("fresh", flush=True)
            _quit_when_idle(view.ops)  # after the figures are kept for the next start

    DashboardView.show_figures = show_figures


def _quit_when_idle(ops) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if ops.idle:
        QApplication.instance().quit()
    else:
        QTimer.singleShot(10, lambda: _quit_when_idle(ops))


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app_run(sys.argv[2]))
