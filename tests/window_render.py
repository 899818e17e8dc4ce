"""Render every main view and every editor to PNG (offscreen), for people to look at.

The lists are the program's own: every view of `ui.views.VIEWS` and every dialog registered in
`ui.editors.EDITORS` (built with `ui.selfcheck.editor_samples.Samples`, as the self-check builds them).
Used in-process by test_window_screenshots.py, and as a script in a subprocess with display
scaling (QT_SCALE_FACTOR=1.25 or 1.5): `python tests/window_render.py DB OUT_DIR [PREFIX]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent


def view_keys() -> list[str]:
    from ui.views import VIEWS

    return [v.key for v in VIEWS]


def editor_keys() -> list[str]:
    from ui.editors import EDITORS

    return [e.key for e in EDITORS]


def settle(window, seconds: float = 15.0) -> None:
    import time

    app = QApplication.instance()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if window.ops.idle:
            app.processEvents()
            if window.ops.idle:
                return


def save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def editors(window, folder: Path, samples_class=None) -> list[tuple[str, QWidget]]:
    """Every registered editor, built (not shown) on real records of the window's database
    (`samples_class`: which records; the self-check's by default)."""
    from ui.editors import EDITORS
    from ui.selfcheck.editor_samples import Samples

    samples = (samples_class or Samples)(window.ops, window, folder)
    return [(spec.key, spec.build(samples)) for spec in EDITORS]


def render_all(window, out: Path, prefix: str = "") -> list[Path]:
    """Every view, then every editor; returns the PNG files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for key in view_keys():
        window.show_view(key)
        settle(window)
        if key == "commitments":
            window.views[key].table.selectRow(1)
            settle(window)
        written.append(save(window, out / f"{prefix}view_{key}.png"))
    for name, dialog in editors(window, out):
        dialog.show()
        settle(window)
        written.append(save(dialog, out / f"{prefix}editor_{name}.png"))
        dialog.hide()
        dialog.deleteLater()
    return written


def main(db: str, out: str, prefix: str = "scaled_") -> int:
    sys.path.insert(0, str(ROOT))
    app = QApplication.instance() or QApplication(sys.argv)
    from ui import app as ui_app
    from ui import interaction
    from ui.main_window import MainWindow
    from ui.prefs import Preferences

    class Printer(interaction.Recorder):
        def error(self, parent, message, detail) -> None:
            print("error:", message, detail.strip().splitlines()[-1:], flush=True)

    interaction.install(Printer())
    from ui.translations import apply_language

    apply_language("es")  # as the program starts: Qt's own texts in Spanish too
    (Path(out) / "prefs.ini").unlink(missing_ok=True)  # a first start: no saved geometry
    prefs = Preferences(QSettings(str(Path(out) / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs, db)
    window.data_folder = Path(out)
    window.showMaximized()
    ui_app.start(window)
    settle(window, 30)
    files = render_all(window, Path(out), prefix)
    print("\n".join(str(f) for f in files))
    window.close()
    window.ops.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
