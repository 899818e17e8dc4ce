"""The window on a small screen, offscreen, as a script in its own process (the scale must be
set before Qt starts): `python tests/window_fit.py DB OUT [IDS_JSON]`.

The screens are what Windows reports as available: a 1366×768 laptop (or a 1280×720 one) less
a 48 px taskbar (Windows 11), at 125 %, 150 % or 100 % display scaling. With IDS_JSON (the
ids of tests/real_names.py) the editors open the real names' records: the 149-character
partner, the overdue commitment, the meeting with 60 attendees. Prints one JSON object:
- "screen": the available area (logical px);
- "editors": for every dialog of ui/editors.py, its frame (a 32 px title bar assumed, which
  offscreen windows lack), whether it fits the screen, the scroll areas showing a horizontal
  scroll bar, and, for the editors of records, whether showing an error under every field
  makes it scroll while the screen still has room;
- "walk": Tab through the commitment and meeting editors: every field reached is in sight;
- "views": for every view of ui/views/__init__.py, the window's size with it shown;
- "columns": the maximized window's key columns (commitments' title, due date and status;
  the matrix's headers), the chart's bar labels and the Informes preview's first column.
PNGs of each editor (and of each tab of the meeting editor) go to OUT.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TASKBAR = 48


def laptop_env(env: dict, scale: float, folder: Path, size: tuple[int, int] = (1366, 768)):
    """Environment for a subprocess on a `size` screen (less the taskbar) at `scale`."""
    config = folder / f"screen-{size[0]}x{size[1]}.json"
    screen = {"width": size[0], "height": size[1] - TASKBAR}
    config.write_text(
        json.dumps(
            {
                "synthesizedEvents": True,
                "windowFrameMargins": False,
                "screens": [{"name": "laptop", "x": 0, "y": 0, **screen, "dpr": 1}],
            }
        ),
        encoding="utf-8",
    )
    return dict(env, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))


def frame(dialog) -> dict:
    from ui.fit import fits, frame_extra

    extra, g = frame_extra(dialog), dialog.geometry()
    outer = (g.left(), g.top(), g.width() + extra.width(), g.height() + extra.height())
    return {
        "frame": outer,
        "fits": fits(dialog),
        "minimum": dialog.minimumSizeHint().toTuple(),
        "hscroll": sideways(dialog),
    }


def sideways(dialog) -> list[str]:
    """The scroll areas of a dialog's fields that show a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    return [
        type(area.widget()).__name__ + ":" + (area.accessibleName() or area.objectName())
        for area in dialog.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def errors_everywhere(dialog, settle) -> dict | None:
    """An error under every field of a record's editor: does it scroll while the screen has
    room? (Its fields must stay in sight: the dialog grows first.)"""
    from ui.dialogs.editor import EditorDialog
    from ui.fit import TITLE_BAR, available

    if not isinstance(dialog, EditorDialog):
        return None
    label = "Este campo es obligatorio: escríbalo antes de guardar."
    dialog.show_errors({key: f"{name}: {label}" for key, name in dialog.labels.items()})
    settle()
    bar = dialog.scroll.verticalScrollBar()
    room = available(dialog).height() - TITLE_BAR
    return {"scrolls": bar.isVisible(), "height": dialog.height(), "room": room}


def walk(dialog, app) -> list[str]:
    """Tab from the first field to the last: the names of fields reached but out of sight."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    first = dialog.focusWidget() or dialog
    first.setFocus()
    hidden, seen = [], set()
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.add(widget)
        app.processEvents()
        if widget.isVisible() and not in_sight(widget, dialog):
            hidden.append(widget.accessibleName() or type(widget).__name__)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    return hidden


def in_sight(widget, dialog) -> bool:
    """The part of `widget` inside every scroll area holding it and inside the dialog shows
    its whole width and at least two lines of its height (a tall box may run on below)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    shown = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()).intersected(dialog.rect())
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            area = QRect(viewport.mapTo(dialog, QPoint(0, 0)), viewport.size())
            shown = shown.intersected(area)
        parent = parent.parentWidget()
    lines = 2 * widget.fontMetrics().height()
    return shown.width() >= widget.width() - 2 and shown.height() >= min(widget.height(), lines)


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
    wide["chart"] = dash.chart.label_report()
    return wide


def informes(window) -> dict:
    """The Informes preview: the texts of its tables' first column that do not fit their cell
    (cut to a few letters or "…"), wrapped to the column's width and the row's height."""
    from PySide6.QtCore import QRect, Qt
    from window_render import settle

    view = window.show_view("reports")
    settle(window)
    inner = view.reports
    inner.refresh_preview()
    settle(window, 60)
    cut = []
    for table in (inner.preview.comparison, inner.preview.statuses):
        metrics, width = table.fontMetrics(), table.columnWidth(0) - 8
        for row in range(table.rowCount()):
            text = table.item(row, 0).text()
            flags = Qt.TextFlag.TextWordWrap
            needs = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text)
            if needs.width() > width or needs.height() > table.rowHeight(row):
                cut.append(text)
    return {"cut": cut, "rows": inner.preview.comparison.rowCount()}


def views(window) -> dict:
    from window_render import settle

    from ui.views import VIEWS

    shown = {}
    for spec in VIEWS:
        window.show_view(spec.key)
        settle(window)
        shown[spec.key] = list(window.size().toTuple())
    return shown


def meeting_tabs(dialog, folder: Path, settle) -> None:
    """A PNG of every tab of the meeting editor (its lists are the real names' long ones)."""
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        settle()
        dialog.grab().save(str(folder / f"fit_meeting_tab{i}.png"))
    dialog.tabs.setCurrentIndex(0)


def main(db: str, out: str, ids_json: str = "") -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from real_names import real_samples
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
        "grown": {},
        "walk": {},
        "errors": recorder.shown,
    }
    samples = real_samples(json.loads(ids_json)) if ids_json else None
    for name, dialog in editors(window, folder, samples):
        dialog.show()
        settle(window)
        result["editors"][name] = frame(dialog)
        dialog.grab().save(str(folder / f"fit_editor_{name}.png"))
        if name in ("commitment", "meeting", "agreed_commitment"):
            result["walk"][name] = walk(dialog, app)
        if name == "meeting":
            meeting_tabs(dialog, folder, lambda: settle(window))
        grown = errors_everywhere(dialog, lambda: settle(window))
        if grown is not None:
            result["grown"][name] = grown
            dialog.grab().save(str(folder / f"fit_errors_{name}.png"))
        dialog.hide()
        dialog.deleteLater()
    result["views"] = views(window)
    result["columns"] = columns(window)
    window.grab().save(str(folder / "fit_view_dashboard.png"))
    window.show_view("commitments")
    settle(window)
    window.grab().save(str(folder / "fit_view_commitments.png"))
    window.views["dashboard"].chart.grab().save(str(folder / "fit_chart.png"))
    window.show_view("meetings")
    settle(window)
    window.grab().save(str(folder / "fit_view_meetings.png"))
    result["informes"] = informes(window)
    window.grab().save(str(folder / "fit_view_reports.png"))
    print(json.dumps(result))
    window.close()
    window.ops.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
