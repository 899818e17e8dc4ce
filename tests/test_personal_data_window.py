"""The window's personal-data parts: the view's tabs, the filter, the editors, suppression
after a confirmation naming what happens, and the hooks in Entidades, Panel, Configuración.
PNGs under tests/_artifacts/personal_data/."""

from __future__ import annotations

from window_support import idle

from pazos_desktop.services.partners import get_contact
from pazos_desktop.services.personal_data import authorisations as auth
from ui.editors import EDITORS
from ui.selfcheck.editor_samples import Samples

pytest_plugins = ["window_fixtures"]

OURS = (
    "authorisation",
    "rights_request",
    "data_policy",
    "data_purpose",
    "suppress",
    "signed_sheet",
)


def _view(qtbot, window):
    view = window.show_view("personal_data")
    idle(qtbot, window)
    return view


def test_tabs_filter_and_pictures(qtbot, window, artifacts):
    out = artifacts / "personal_data"
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)
    view = _view(qtbot, window)
    tab = view.authorisations
    everyone = tab.panel.model.rowCount()
    tab.select_filter("lacking")
    idle(qtbot, window)
    lacking = [r for r in tab.panel.model.rows]
    assert 0 < len(lacking) < everyone and all(not r.auth.valid for r in lacking)
    window.grab().save(str(out / "view_authorisations_lacking.png"))
    for key in ("requests", "policy"):
        view.show_tab(key)
        idle(qtbot, window)
        window.grab().save(str(out / f"view_{key}.png"))
    rows = view.requests.panel.model.rows
    assert any(r.overdue for r in rows)
    assert len(view.policy.policies.model.rows) == 2 and view.policy.current_id is not None


def test_every_personal_data_dialog_builds_from_the_registry(qtbot, window, artifacts, tmp_path):
    out = artifacts / "personal_data"
    out.mkdir(parents=True, exist_ok=True)
    samples = Samples(window.ops, window, tmp_path)
    for spec in [e for e in EDITORS if e.key in OURS]:
        dialog = spec.build(samples)
        dialog.adjustSize()
        dialog.show()
        idle(qtbot, window)
        assert dialog.width() <= 1366 and dialog.height() <= 700, spec.key
        dialog.grab().save(str(out / f"editor_{spec.key}.png"))
        dialog.hide()
        dialog.deleteLater()


def test_an_authorisation_typed_with_a_bad_date_shows_the_cores_message(qtbot, window, tmp_path):
    samples = Samples(window.ops, window, tmp_path)
    dialog = next(e for e in EDITORS if e.key == "authorisation").build(samples)
    dialog.granted.setText("31/02/2026")
    dialog.save()
    idle(qtbot, window)
    assert "dd/mm/aaaa" in dialog.field_error("granted_on")


def test_suppressing_from_the_window(qtbot, window, recorder):
    view = _view(qtbot, window)
    tab = view.authorisations
    tab.panel.table.selectRow(0)
    contact_id = tab.selected_id()
    tab.suppress()
    qtbot.waitUntil(lambda: "Persona suprimida" in tab.status.text(), timeout=20000)
    question = recorder.questions[-1]
    assert "el nombre, el correo electrónico, el teléfono y el cargo" in question
    assert "Antes se hará una copia de seguridad" in question
    with window.ops.db.session() as s:
        assert get_contact(s, contact_id).name == f"Persona suprimida n.º {contact_id}"
    from pazos_desktop.safety import backup

    assert any(b.reason == "suppression" for b in backup.list_backups(window.ops.db))
    idle(qtbot, window)
    assert contact_id not in [r.id for r in tab.panel.model.rows]  # suppressed: not listed


def test_hooks_in_entidades_panel_and_settings(qtbot, window, artifacts):
    window.show_view("dashboard")
    idle(qtbot, window)
    banner = window.views["dashboard"].personal_data
    assert banner.isVisible() and "vencidas: 1" in banner.label.text()
    window.grab().save(str(artifacts / "personal_data" / "view_dashboard.png"))
    partners_view = window.show_view("partners")
    idle(qtbot, window)
    contacts = partners_view.contacts.model
    titles = [c.title for c in contacts.columns]
    assert "Autorización de datos" in titles
    with window.ops.db.session() as s:
        ids = [c.id for c in contacts.rows]
        states = auth.states_for(s, ids)
    column = titles.index("Autorización de datos")
    shown = [contacts.index(i, column).data() for i in range(contacts.rowCount())]
    assert shown == [states[i].label() for i in ids]
    settings = window.show_view("settings")
    idle(qtbot, window)
    assert "versión 2.0" in settings.personal_data.current.text()
