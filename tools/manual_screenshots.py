"""The user manual's pictures (docs/manual/img/*.png), taken from the real window.

    uv run python tools/manual_screenshots.py [--out FOLDER] [NAME ...]

Builds the sample data (`main.py demo`) in a scratch folder, opens the window there as the
self-check does (offscreen, a 1366×768 screen less the taskbar, 100 %), and renders each
picture of SHOTS: a view of the navigation, an editor of ui/editors.py (built on the sample's
records, as the self-check builds them) or the manual's own window. Run it after changing the
window; `tests/test_manual.py` checks that SHOTS are exactly the pictures the chapters show.
Nothing of the user's database or preferences is touched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "manual" / "img"
SCREEN = (1366, 768 - 48)  # a laptop's screen less the taskbar (as tests/window_fit.py)
COLOURS = 192  # a palette this size keeps a window's text sharp at a fifth of the size


@dataclass(frozen=True)
class Shot:
    name: str  # img/<name>.png
    kind: str  # "view", "editor" or "manual"
    key: str  # the view's or editor's key (ui/views, ui/editors), the manual's chapter


SHOTS = [
    Shot("bienvenida", "editor", "welcome"),
    Shot("panel", "view", "dashboard"),
    Shot("compromisos", "view", "commitments"),
    Shot("editor-compromiso", "editor", "commitment"),
    Shot("avance", "editor", "progress"),
    Shot("entidades", "view", "partners"),
    Shot("reuniones", "view", "meetings"),
    Shot("acta-editor", "editor", "meeting"),
    Shot("acta-vista-previa", "editor", "acta_preview"),
    Shot("firmas", "editor", "signatures"),
    Shot("hojas-exportar", "editor", "excel_partners"),
    Shot("importar-vista-previa", "editor", "excel_preview"),
    Shot("reportes", "view", "reporting"),
    Shot("revision-reporte", "editor", "report_review"),
    Shot("informes", "view", "reports"),
    Shot("indicadores", "view", "indicators"),
    Shot("datos-personales", "view", "personal_data"),
    Shot("suprimir", "editor", "suppress"),
    Shot("configuracion", "view", "settings"),
    Shot("entrar-al-servidor", "editor", "sign_in"),
    Shot("manual", "manual", "05-reuniones-y-actas.md"),
]


def screen_environment(folder: Path) -> None:
    """Qt's offscreen platform on a laptop-sized screen, set before the application exists."""
    config = folder / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1]}
    config.write_text(json.dumps({"screens": [{**screen, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = "1"


def sample_database(folder: Path) -> str:
    from pazos_desktop.cli import main

    db = str(folder / "pazos.sqlite")
    if main(["--db", db, "demo"]) != 0:
        raise SystemExit("no se pudieron crear los datos de ejemplo")
    return db


def start_window(folder: Path, db: str):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import app as ui_app
    from ui import interaction
    from ui.main_window import MainWindow
    from ui.prefs import Preferences
    from ui.selfcheck.window import Walk
    from ui.translations import apply_language

    application = QApplication.instance() or QApplication(sys.argv[:1])

    class Printer(interaction.Recorder):
        def error(self, parent, message, detail) -> None:
            print("error:", message, detail.strip().splitlines()[-1:], flush=True)

    interaction.install(Printer(answer=False))
    apply_language("es")
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs, db)
    window.data_folder = folder
    window.showMaximized()
    ui_app.start(window)
    walk = Walk(window, None)
    walk.settle()
    return application, window, walk


def render(shot: Shot, window, walk, samples):
    """The QImage of one picture."""
    if shot.kind == "view":
        window.show_view(shot.key)
        walk.settle()
        if shot.key == "commitments":
            window.views[shot.key].table.selectRow(1)
            walk.settle()
        return window.grab().toImage()
    if shot.kind == "manual":
        from ui.manual.window import open_manual

        manual = open_manual(window, shot.key)
        walk.settle()
        image = manual.grab().toImage()
        manual.close()
        return image
    return _editor(shot.key, walk, samples)


def _editor(key: str, walk, samples):
    from ui.editors import EDITORS
    from ui.selfcheck.steps import delete_now

    dialog = next(spec for spec in EDITORS if spec.key == key).build(samples)
    try:
        dialog.show()
        walk.settle()
        return dialog.grab().toImage()
    finally:
        delete_now(dialog)


def manual_samples(window, folder: Path):
    """The self-check's records, except where a richer one shows the task better."""
    from ui.selfcheck.editor_samples import Samples

    class ManualSamples(Samples):
        def load_report_review(self):
            """A report that came in (any period), with what the partner reported."""
            from pazos_desktop.clock import today_in
            from pazos_desktop.services.reporting import periods, review, states

            def received(session):
                today = today_in(session)
                for period in periods.view_periods(session, today):
                    for line in states.period_lines(session, period, today):
                        if line.stored == "received":
                            return review.load_review(session, period, line.partner_id)
                return None

            return self._read(received) or super().load_report_review()

    return ManualSamples(window.ops, window, folder)


def save(image, path: Path) -> int:
    """Written as an indexed PNG (a window has few colours): ~5 times smaller than RGB."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture = picture.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    picture.save(path, optimize=True)
    return path.stat().st_size


def main(args: list[str]) -> int:
    """Every picture, or those named; into docs/manual/img/ unless --out names a folder (a test
    takes one picture there and compares it with the committed one)."""
    sys.path.insert(0, str(ROOT))
    out = Path(args[args.index("--out") + 1]) if "--out" in args else OUT
    names = [a for a in args if a != "--out" and a != str(out)]
    chosen = [s for s in SHOTS if not names or s.name in names]
    out.mkdir(parents=True, exist_ok=True)
    # Always the same folder: the pictures show the database's path, and a rebuild that
    # changes nothing in the window must give the same pictures.
    folder = Path(tempfile.gettempdir()) / "pazos-manual"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        screen_environment(folder)
        db = sample_database(folder)
        _app, window, walk = start_window(folder, db)
        samples = manual_samples(window, folder)
        for shot in chosen:
            size = save(render(shot, window, walk, samples), out / f"{shot.name}.png")
            print(f"img/{shot.name}.png  {size // 1024} KB", flush=True)
        window.close()
        window.ops.shutdown()
        window.ops.db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
