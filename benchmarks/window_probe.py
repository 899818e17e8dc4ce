"""Started as a process by bench_window.py: the real start-up path, reporting milestones.

`python benchmarks/window_probe.py app DB` starts the program as `main.py --db DB` does and
prints "shown" at the first event-loop turn after the main window is shown, then "populated"
once the dashboard shows its figures, and quits. `... bare` shows an empty QMainWindow the
same way: the baseline.
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
        window.ready.connect(lambda: _when_populated(window))
        real_start(window, lang)

    ui.app.build_and_start = start
    sys.argv = [str(root / "main.py"), "--db", db]
    try:
        runpy.run_path(str(root / "main.py"), run_name="__main__")
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def _when_populated(window) -> None:
    from PySide6.QtWidgets import QApplication

    view = window.views["dashboard"]

    def done():
        view.repaint()
        print("populated", flush=True)
        QApplication.instance().quit()

    if view.data is not None:
        done()
    else:
        view.loaded.connect(done)


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app_run(sys.argv[2]))
