"""The window on a 1366×768 laptop at 125 % or 150 % display scaling, offscreen, as a script in
its own process (the scale must be set before Qt starts): `python tests/window_fit.py DB OUT`.

The offscreen screen is 1366×720 physical pixels: a 1366×768 screen less a 48 px taskbar
(Windows 11), i.e. what Windows reports as its available geometry. Prints one JSON object:
- "screen": the available area (logical px);
- "editors": for every dialog of ui/editors.py, its frame (a 32 px title bar assumed, which
  offscreen windows lack) and whether it fits the screen;
- "views": for every view of ui/views/__init__.py, the window's size with it shown (a view
  whose minimum is larger than the screen pushes the window past it);
- "columns": the maximized window's key columns: the commitments' title, due date and status
  widths against the text they hold, and the dashboard matrix's headers against their names.
PNGs of each editor go to OUT.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

SCREEN = {"width": 1366, "height": 768 - 48}


def laptop_env(env: dict, scale: float, folder: Path) -> dict:
    """Environment for a subprocess on that screen at `scale`."""
    config = folder / "laptop-screen.json"
    config.write_text(
        json.dumps(
            {
                "synthesizedEvents": True,
                "windowFrameMargins": False,
                "screens": [{"name": "laptop", "x": 0, "y": 0, **SCREEN, "dpr": 1}],
            }
        ),
        encoding="utf-8",
    )
    return dict(env, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))


def frame(dialog) -> dict:
    from ui.fit import fits, frame_extra

    extra, g = frame_extra(dialog), dialog.geometry()
    outer = (g.left(), g.top(), g.width() + extra.width(), g.height() + extra.height())
    return {"frame": outer, "fits": fits(dialog), "minimum": dialog.minimumSizeHint().toTuple()}


def columns(window) -> dict:
    """What a maximized window gives the key columns, against what they must show."""
    from PySide6.QtCore import Qt
    from window_render import settle

    view = window.show_view("commitments")
    settle(window)
    header, metrics = view.table.horizontalHeader(), view.table.fontMetrics()
    model = view.model
    statuses = {model.index(r, 7).data() or "" for r in range(min(model.rowCount(), 100))}
    wide = {
        "title": header.sectionSize(3),
        "table": view.table.viewport().width(),
        "due": header.sectionSize(6),
        "due_needs": metrics.horizontalAdvance("00/00/0000"),
        "status": header.sectionSize(7),
        "status_needs": max(metrics.horizontalAdvance(s) for s in statuses),
    }
    dash = window.show_view("dashboard")
    settle(window)
    matrix = dash.matrix_view
    head, hm = matrix.horizontalHeader(), matrix.horizontalHeader().fontMetrics()
    words = []
    for col in range(matrix.model().columnCount()):
        name = matrix.model().headerData(col, Qt.Orientation.Horizontal) or ""
        longest = max((hm.horizontalAdvance(w) for w in name.split()), default=0)
        words.append((name, head.sectionSize(col), longest))
    cell_needs = matrix.fontMetrics().horizontalAdvance("000 · 100 %")
    wide["matrix"] = words
    wide["matrix_cell_needs"] = cell_needs
    return wide


def views(window) -> dict:
    from window_render import settle

    from ui.views import VIEWS

    shown = {}
    for spec in VIEWS:
        window.show_view(spec.key)
        settle(window)
        shown[spec.key] = list(window.size().toTuple())
    return shown


def main(db: str, out: str) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from window_render import editors, settle

    from ui import app as ui_app
    from ui import interaction
    from ui.fit import available
    from ui.main_window import MainWindow
    from ui.prefs import Preferences
    from ui.translations import apply_language

    apply_language("es")
    recorder = interaction.Recorder()
    interaction.install(recorder)
    folder = Path(out)
    (folder / "prefs.ini").unlink(missing_ok=True)  # a first start: no saved geometry
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs, db)
    window.data_folder = folder
    window.showMaximized() if window.start_maximized else window.show()
    ui_app.start(window)
    settle(window, 30)
    area = available(window)
    result = {
        "screen": [area.width(), area.height()],
        "maximized": window.start_maximized,
        "editors": {},
        "errors": recorder.shown,
    }
    for name, dialog in editors(window, folder):
        dialog.show()
        settle(window)
        result["editors"][name] = frame(dialog)
        dialog.grab().save(str(folder / f"fit_editor_{name}.png"))
        dialog.hide()
        dialog.deleteLater()
    result["views"] = views(window)
    result["columns"] = columns(window)
    window.grab().save(str(folder / "fit_view_dashboard.png"))
    window.show_view("commitments")
    settle(window)
    window.grab().save(str(folder / "fit_view_commitments.png"))
    print(json.dumps(result))
    window.close()
    window.ops.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
