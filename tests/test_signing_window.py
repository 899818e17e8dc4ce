"""Signing in the window: the meeting editor's Firmas tab and its dialog (a password field
that hides what is typed and is emptied after each try, the core's message under the fields),
the list of signatures with their state, and Configuración's trusted authorities."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from pazos_desktop.services.meetings import editing as meetings
from tests.conftest import database_on
from tests.signing_support import CHAIR, PASSWORD, SECRETARY
from tests.window_support import dialog_of
from ui import prefs, views
from ui.jobs import operations
from ui.meetings.actions import Choices
from ui.meetings.editor import MeetingEditor
from ui.meetings.sign_dialog import SignDialog
from ui.meetings.signatures import SignaturesDialog
from ui.meetings.trust_box import SigningSettingsBox

# pki (a throw-away authority), office; recorder (the interaction seam, recording)
pytest_plugins = ["signing_support", "window_fixtures"]


@pytest.fixture
def ops(office, tmp_path, recorder):
    db = database_on(office.copy(tmp_path / "ventana.sqlite"))
    ops = operations.Operations(db)
    yield ops
    ops.shutdown()
    db.dispose()


def _signatures(qtbot, ops, meeting_id: int) -> SignaturesDialog:
    """The meeting editor's "Firmas…" dialog, as a secretary opens it."""
    with ops.db.session() as session:
        data = meetings.get_meeting(session, meeting_id)
    editor = MeetingEditor(ops, None, data, Choices())
    qtbot.addWidget(editor)
    editor.show()
    editor.buttons["signatures"].click()
    qtbot.waitUntil(lambda: dialog_of(SignaturesDialog) is not None)
    dialog = dialog_of(SignaturesDialog)
    qtbot.addWidget(dialog)  # closed when the test ends
    qtbot.waitUntil(lambda: ops.idle and dialog.panel.state is not None)
    return dialog


def test_sign_in_the_window_with_a_wrong_then_the_right_password(
    qtbot, ops, office, pki, recorder, tmp_path, artifacts
):
    certificate = tmp_path / "secretaria.p12"
    certificate.write_bytes(pki.files["secretary"])
    editor = _signatures(qtbot, ops, office.ids[8])
    tab = editor.panel
    assert tab.model.rowCount() == 0 and tab.buttons["sign"].isEnabled()
    tab.buttons["sign"].click()
    qtbot.waitUntil(lambda: dialog_of(SignDialog) is not None)
    dialog = dialog_of(SignDialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.block.setCurrentIndex(dialog.block.findData("secretary"))
    recorder.files = [str(certificate)]
    dialog.choose_certificate()
    qtbot.keyClicks(dialog.password, "no es esta")
    dialog.sign_button.click()
    assert dialog.password.text() == ""  # emptied as soon as it is used
    qtbot.waitUntil(lambda: ops.idle and dialog.error.text() != "")
    assert dialog.error.text() == "La contraseña del certificado no es correcta."
    assert dialog.isVisible() and tab.model.rowCount() == 0
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.sign_button.click()
    assert dialog.password.text() == ""
    qtbot.waitUntil(lambda: ops.idle and tab.model.rowCount() == 1, timeout=15000)
    assert not dialog.isVisible()
    row = tab.model.rows[0]
    assert (row.role_label, row.signer_name, row.state_label) == (
        "Secretaría técnica",
        SECRETARY,
        "Válida",
    )
    assert recorder.shown == []
    editor.grab().save(str(artifacts / "window" / "signatures_dialog.png"))


def test_the_list_says_what_each_signature_is_worth(qtbot, ops, office, artifacts):
    editor = _signatures(qtbot, ops, office.ids[7])
    tab = editor.panel
    assert [r.signer_name for r in tab.model.rows] == [CHAIR.upper(), SECRETARY]
    assert [r.state_label for r in tab.model.rows] == ["Válida", "Válida"]
    assert "Firmas: 2 de 3 bloques; válidas: 2." in tab.summary.text()
    assert not tab.buttons["sign"].isEnabled() or tab.state.unsigned()
    with ops.db.session() as session:  # the office no longer trusts the authority
        from pazos_desktop.services.settings import set_setting

        set_setting(session, "trusted_roots", "")
    tab.refresh()
    qtbot.waitUntil(lambda: ops.idle and tab.model.rows[0].state == "untrusted")
    assert tab.model.rows[0].state_label == "Íntegra; su emisor no es de confianza"
    editor.grab().save(str(artifacts / "window" / "signatures_dialog_untrusted.png"))


def test_configuracion_imports_a_root_and_refuses_a_private_key(
    qtbot, ops, pki, recorder, tmp_path, artifacts
):
    ctx = views.ViewContext(
        ops=ops,
        prefs=prefs.Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)),
        window=None,
    )
    box = SigningSettingsBox(ctx)
    qtbot.addWidget(box)
    box.refresh()
    qtbot.waitUntil(lambda: ops.idle and box.trusted.count() > 0)
    assert "Autoridad de Certificación de Pruebas PAZOS" in box.trusted.item(0).text()
    (tmp_path / "clave.p12").write_bytes(pki.files["chair"])
    recorder.files = [str(tmp_path / "clave.p12")]
    box.import_file()
    qtbot.waitUntil(lambda: ops.idle and not box.error.isHidden())
    assert "contiene una clave privada" in box.error.text()
    box.tsa_url.setText("sello.example")
    box.save()
    qtbot.waitUntil(lambda: ops.idle and "Sellado de tiempo" in box.error.text())
    box.resize(900, 260)
    box.show()
    box.grab().save(str(artifacts / "window" / "settings_signatures.png"))
