"""Render every main view and every editor to PNG (offscreen), for people to look at.

Used in-process by test_window_screenshots.py, and as a script in a subprocess with
QT_SCALE_FACTOR=1.5 (display scaling): `python tests/window_render.py DB OUT_DIR`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
VIEW_KEYS = [
    "dashboard",
    "commitments",
    "meetings",
    "partners",
    "territory",
    "programs",
    "indicators",
    "reports",
    "settings",
]


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


def editors(window) -> list[tuple[str, QWidget]]:
    """Every editor, built (not shown) on real records."""
    from pazos_desktop.services import commitments, components, partners, programs, territory
    from ui.dialogs.commitment import CommitmentEditor, ProgressEditor, load_choices
    from ui.dialogs.partner import ContactEditor, PartnerEditor
    from ui.dialogs.records import (
        ClusterEditor,
        ComponentEditor,
        NeighbourhoodEditor,
        ProgramEditor,
    )
    from ui.dialogs.welcome import WelcomeDialog
    from ui.errors import ErrorDialog

    ops = window.ops

    def read(session):
        first_commitment = commitments.get_commitment(session, 1)
        return dict(
            choices=load_choices(session),
            partner=partners.get_partner(session, partners.list_partners(session)[0].id),
            contact=partners.list_contacts(session)[0],
            commitment=first_commitment,
            cluster=territory.list_clusters(session)[0],
            hood=territory.list_neighbourhoods(session)[0],
            program=programs.list_programs(session)[0],
            component=components.list_components(session)[0],
        )

    d = ops.call_now(read)
    d |= ops.call_now(_indicator_records)
    clusters = d["choices"].clusters
    bad = PartnerEditor(ops, window, d["partner"])
    bad.show_errors(
        {
            "nit": "NIT: «123» no es válido (revise el dígito de verificación).",
            "email": "Correo electrónico: «x» no es una dirección válida.",
        }
    )
    pairs = [
        ("partner_new", PartnerEditor(ops, window)),
        ("partner_edit", PartnerEditor(ops, window, d["partner"])),
        ("partner_errors", bad),
        ("contact_edit", ContactEditor(ops, window, d["contact"])),
        ("commitment_new", CommitmentEditor(ops, window, d["choices"])),
        ("commitment_edit", CommitmentEditor(ops, window, d["choices"], d["commitment"])),
        ("progress_new", ProgressEditor(ops, window, d["commitment"])),
        ("cluster_edit", ClusterEditor(ops, window, d["cluster"])),
        ("neighbourhood_edit", NeighbourhoodEditor(ops, window, clusters, d["hood"])),
        ("program_edit", ProgramEditor(ops, window, [], [], d["program"])),
        ("component_edit", ComponentEditor(ops, window, d["component"])),
        *_indicator_editors(ops, window, d),
        (
            "welcome",
            WelcomeDialog(window, "C:\\Users\\coordinador\\AppData\\Local\\PAZOS\\pazos.sqlite"),
        ),
        ("error", ErrorDialog(window, "La base de datos está dañada.", "Traceback ...")),
    ]
    return pairs


def _indicator_records(session) -> dict:
    from pazos_desktop.services import indicator_values, indicators, territory
    from ui.dialogs.indicator import load_indicator_choices

    sheet = indicators.list_indicators(session)[0]
    return dict(
        indicator_choices=load_indicator_choices(session),
        indicator=sheet,
        indicator_value=indicator_values.list_values(session, sheet.id)[0],
        population=indicators.list_populations(session)[0],
        territories=[(c.name, c.id) for c in territory.cluster_choices(session)],
    )


def _indicator_editors(ops, window, d) -> list[tuple[str, QWidget]]:
    from ui.dialogs.indicator import IndicatorEditor, PopulationEditor, ValueEditor

    places = d["territories"]
    return [
        ("indicator_edit", IndicatorEditor(ops, window, d["indicator_choices"], d["indicator"])),
        ("indicator_value", ValueEditor(ops, window, d["indicator"], places, d["indicator_value"])),
        ("population_edit", PopulationEditor(ops, window, places, d["population"])),
    ]


def render_all(window, out: Path, prefix: str = "") -> list[Path]:
    """Every view, then every editor; returns the PNG files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for key in VIEW_KEYS:
        window.show_view(key)
        settle(window)
        if key == "commitments":
            window.views[key].table.selectRow(1)
            settle(window)
        written.append(save(window, out / f"{prefix}view_{key}.png"))
    for name, dialog in editors(window):
        dialog.adjustSize()
        dialog.show()
        settle(window)
        written.append(save(dialog, out / f"{prefix}editor_{name}.png"))
        dialog.hide()
        dialog.deleteLater()
    return written


def main(db: str, out: str) -> int:
    sys.path.insert(0, str(ROOT))
    app = QApplication.instance() or QApplication(sys.argv)
    from ui import app as ui_app
    from ui import errors
    from ui.main_window import MainWindow
    from ui.prefs import Preferences

    errors.presenter = lambda _p, message, _d: print("error:", message)
    prefs = Preferences(QSettings(str(Path(out) / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs, db)
    window.resize(1280, 800)
    window.show()
    ui_app.start(window)
    settle(window, 30)
    files = render_all(window, Path(out), "scaled_")
    print("\n".join(str(f) for f in files))
    window.close()
    window.ops.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
