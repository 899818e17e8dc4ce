"""The window at 10x scale (20,000 commitments), each figure against its baseline in the same run.

`uv run python benchmarks/bench_window.py`. Baselines: a bare PySide6 process showing an empty
QMainWindow (start-up); Qt's QSortFilterProxyModel filtering / sorting the same 20,000 rows
held in a QStandardItemModel (search, sort); a bare QDialog with as many inputs (editor).

Start-up is measured as a user's PC has it after its first start: the environment's bytecode
(and ours) is compiled once before measuring, since these machines set PYTHONDONTWRITEBYTECODE
and would otherwise recompile every module on every start. It is measured both with the
environment's Python directly and as `uv run main.py` (uv's own start and sync check included).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QSortFilterProxyModel, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QFormLayout,
    QLineEdit,
    QTableView,
)

from benchmarks.generate import cached_database  # noqa: E402

PROBE = Path(__file__).resolve().parent / "window_probe.py"
STARTS = 7
KEYSTROKES = ["j", "jo", "jov", "jove", "joven", "jovene", "jovenes", "t", "ta", "tal", "tall"]


def compile_bytecode() -> float:
    """Compile the environment's and our own modules once (seconds it took)."""
    ours = [str(ROOT / name) for name in ("main.py", "pazos_desktop", "ui", "migrations")]
    start = time.perf_counter()
    # Quiet (-qq): a few files in site-packages are templates that are not valid Python.
    subprocess.run([sys.executable, "-m", "compileall", "-qq", "-j", "0", sys.prefix, *ours])
    return time.perf_counter() - start


DATA_HOME = tempfile.mkdtemp(prefix="pazos-bench-data-")  # cached figures: not the user's


def process_times(
    args: list[str], marks: tuple[str, ...], launcher: list[str] | None = None
) -> dict[str, float]:
    """Seconds from process start to each printed mark; `launcher` replaces the Python."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*(launcher or [sys.executable]), str(PROBE), *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, XDG_DATA_HOME=DATA_HOME),
    )
    seen = {}
    for line in proc.stdout:
        mark = line.strip()
        if mark in marks:
            seen[mark] = time.perf_counter() - start
    proc.wait(timeout=120)
    missing = [m for m in marks if m not in seen]
    if missing:
        raise RuntimeError(f"probe {args} did not report {missing}")
    return seen


def startup(db: Path) -> tuple[float, ...]:
    """Medians (ms): bare window shown; our window shown, directly and by `uv run`; our
    dashboard's first figures (the previous run's, cached) and its fresh ones; the fresh ones
    without a cache (a first start, or after the data changed)."""
    uv = [shutil.which("uv") or "uv", "run"]  # `uv run main.py` = `uv run` + the probe's main.py
    marks = ("shown", "populated", "fresh")
    bare, shown, by_uv, populated, fresh, uncached = [], [], [], [], [], []
    process_times(["bare"], ("shown",))  # warm the OS file cache for all three
    process_times(["app", str(db)], marks)  # …and leave the figures for the next start
    process_times(["app", str(db)], ("shown",), uv)
    for _ in range(STARTS):
        bare.append(process_times(["bare"], ("shown",))["shown"])
        ours = process_times(["app", str(db)], marks)
        shown.append(ours["shown"])
        populated.append(ours["populated"])
        fresh.append(ours["fresh"])
        by_uv.append(process_times(["app", str(db)], ("shown",), uv)["shown"])
        shutil.rmtree(Path(DATA_HOME) / "PAZOS Coordinacion" / "figures", ignore_errors=True)
        uncached.append(process_times(["app", str(db)], marks)["populated"])
    figures = (bare, shown, by_uv, populated, fresh, uncached)
    return tuple(statistics.median(x) * 1000 for x in figures)


def pump_until(condition, timeout: float = 30.0) -> None:
    """Run a real Qt event loop (as app.exec() does) until `condition()` holds."""
    if condition():
        return
    loop, deadline = QEventLoop(), time.perf_counter() + timeout
    check = QTimer()
    check.setInterval(1)

    def poll():
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    loop.exec()
    check.stop()
    if not condition():
        raise TimeoutError


def wait_signal(signal, action, timeout_ms: int = 30000) -> None:
    """Run `action()` and the event loop until `signal` fires."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    action()
    loop.exec()
    signal.disconnect(loop.quit)


def open_window(db: Path, tmp: Path):
    from ui import app as ui_app
    from ui.main_window import MainWindow
    from ui.prefs import Preferences

    prefs = Preferences(QSettings(str(tmp / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs, str(db))
    window.resize(1280, 800)
    window.show()
    ui_app.start(window)
    pump_until(lambda: window.ops.db is not None and window.ops.idle)
    return window


def timed_refresh(window, view, action) -> float:
    """ms from `action()` until the table has repainted with the new first rows."""
    start = time.perf_counter()
    wait_signal(view.model.first_page_shown, action)
    view.table.viewport().repaint()
    elapsed = time.perf_counter() - start
    pump_until(lambda: window.ops.idle)  # the rest of the ids, before the next keystroke
    return elapsed * 1000


def proxy_baseline(rows) -> tuple[QSortFilterProxyModel, QTableView]:
    """The naive Qt way: every row in a QStandardItemModel behind a QSortFilterProxyModel."""
    source = QStandardItemModel(len(rows), 8)
    for r, row in enumerate(rows):
        values = (
            row.partner_name,
            row.component_name,
            row.clusters,
            row.title,
            row.target_quantity,
            row.achieved_quantity,
            row.due_date,
            row.status,
        )
        for c, value in enumerate(values):
            source.setItem(r, c, QStandardItem("" if value is None else str(value)))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table = QTableView()
    table.setModel(proxy)
    table.resize(1000, 600)
    table.show()
    return proxy, table


def timed(fn, table=None) -> float:
    start = time.perf_counter()
    fn()
    if table is not None:
        table.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def interactive(db: Path, tmp: Path) -> dict[str, tuple[float, float]]:
    from pazos_desktop.services.commitments import search
    from pazos_desktop.services.commitments.search import CommitmentFilter
    from ui.dialogs.commitment import CommitmentEditor

    window = open_window(db, tmp)
    view = window.show_view("commitments")
    pump_until(lambda: window.ops.idle and len(view.model.ids) > 0)
    n = len(view.model.ids)
    ours_search = [
        timed_refresh(window, view, lambda t=t: view.search.setText(t)) for t in KEYSTROKES
    ]
    view.search.setText("")
    pump_until(lambda: window.ops.idle)
    ours_sort = []
    for column in range(view.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ours_sort.append(
                timed_refresh(window, view, lambda c=column, o=order: view.table.sortByColumn(c, o))
            )
    ids = view.model.ids[:: max(1, n // 9)][:9]
    ours_editor = []
    for commitment_id in ids:
        start = time.perf_counter()
        view.edit_id(commitment_id)
        pump_until(lambda: _visible_editor(CommitmentEditor) is not None)
        editor = _visible_editor(CommitmentEditor)
        editor.repaint()
        ours_editor.append((time.perf_counter() - start) * 1000)
        editor.reject()
        QApplication.processEvents()
    rows = window.ops.call_now(
        lambda s: search.commitment_rows(s, search.commitment_ids(s, CommitmentFilter()))
    )
    proxy, table = proxy_baseline(rows)
    base_search = [timed(lambda t=t: proxy.setFilterFixedString(t), table) for t in KEYSTROKES]
    proxy.setFilterFixedString("")
    base_sort = [
        timed(lambda c=c, o=o: proxy.sort(c, o), table)
        for c in range(8)
        for o in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    ]
    base_editor = [timed(_bare_dialog) for _ in range(9)]
    window.close()
    window.ops.shutdown()
    window.ops.db.dispose()
    return {
        "search": (statistics.median(ours_search), statistics.median(base_search), n),
        "sort": (statistics.median(ours_sort), statistics.median(base_sort), max(ours_sort)),
        "editor": (
            statistics.median(ours_editor),
            statistics.median(base_editor),
            max(ours_editor),
        ),
    }


def _visible_editor(cls):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[-1] if found else None


def _bare_dialog() -> None:
    dialog = QDialog()
    form = QFormLayout(dialog)
    for i in range(15):
        form.addRow(f"Campo {i}", QLineEdit())
    dialog.show()
    dialog.repaint()
    dialog.close()


def main() -> None:
    os.environ["XDG_DATA_HOME"] = DATA_HOME  # this process's window too
    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841
    source = cached_database(scale=10)
    print(f"bytecode compiled once in {compile_bytecode():.1f} s (as after a first start)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = tmp / "bench.sqlite"
        shutil.copy(source, db)
        bare, shown, by_uv, populated, fresh, uncached = startup(db)
        figures = interactive(db, tmp)
    print(
        f"{'window benchmark (10x: 20,000 commitments)':<48} {'ours':>9} {'baseline':>9} {'ratio':>6}  target"
    )
    rows = [
        ("start to main window shown (vs bare QMainWindow)", shown, bare, "<= 1.5x"),
        ("`uv run main.py` to window shown (vs bare)", by_uv, bare, "-"),
        ("start to dashboard's figures (cached) (vs bare)", populated, bare, "<= 3x"),
        ("start to dashboard's fresh figures (vs bare)", fresh, bare, "-"),
        ("start to figures, no cache (first start) (vs bare)", uncached, bare, "-"),
        ("search keystroke, median (vs QSortFilterProxyModel)", *figures["search"][:2], "<= 50 ms"),
        ("sort by a column, median (vs QSortFilterProxyModel)", *figures["sort"][:2], "<= 100 ms"),
        ("open a commitment editor, median (vs bare QDialog)", *figures["editor"][:2], "<= 100 ms"),
    ]
    for name, ours, base, target in rows:
        print(f"{name:<48} {ours:7.1f}ms {base:7.1f}ms {ours / base:5.2f}x  {target}")
    print(
        f"slowest sort {figures['sort'][2]:.1f} ms; slowest editor open {figures['editor'][2]:.1f} ms"
    )


if __name__ == "__main__":
    main()
