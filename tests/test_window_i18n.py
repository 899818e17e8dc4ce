"""Window translations: the one catalog answers Qt's look-ups; Spanish by default, Qt's own
buttons included; switching language at run time; no view shows an untranslated string."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTabWidget,
)
from window_support import idle

from pazos_desktop import i18n
from pazos_desktop.domain.vocabulary import OVERDUE
from ui import translations
from ui.views import VIEWS

pytest_plugins = ["window_fixtures"]  # the window fixtures


def _standard_buttons() -> set[str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Cancel
    )
    return {b.text().replace("&", "") for b in box.buttons()}


def test_qt_own_buttons_speak_spanish(qapp):
    translations.apply_language("es")
    assert _standard_buttons() == {"Sí", "No", "Cancelar"}
    translations.apply_language("en")
    try:
        assert _standard_buttons() == {"Yes", "No", "Cancel"}
    finally:
        translations.apply_language("es")


def test_window_strings_come_from_the_one_catalog(qapp):
    translations.apply_language("en")
    try:
        assert QCoreApplication.translate("Views", "Informes") == "Reports"
        # The same Spanish string from the core and from a window class: one translation.
        assert QCoreApplication.translate("ReportsView", "Vencido") == i18n._("Vencido")
        # Qt's own contexts are left to Qt's catalog, even when a Spanish word matches.
        assert QCoreApplication.translate("QPlatformTheme", "Panel") == "Panel"
    finally:
        translations.apply_language("es")


def _texts(widget) -> set[str]:
    found = set()
    for child in widget.findChildren(QLabel):
        found.add(child.text())
    for child in widget.findChildren(QAbstractButton):
        found.add(child.text())
    for child in widget.findChildren(QGroupBox):
        found.add(child.title())
    for tabs in widget.findChildren(QTabWidget):
        found |= {tabs.tabText(i) for i in range(tabs.count())}
    return {t for t in found if t}


def test_no_view_shows_untranslated_spanish_in_english(qtbot, window):
    """Every view built in English: none of its texts is a catalog string left in Spanish."""
    settings = window.show_view("settings")
    idle(qtbot, window)
    settings.language.setCurrentIndex(settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard", timeout=10000)
    spanish = {
        key: value
        for key, value in i18n.entries("en").items()
        if isinstance(key, str) and key and value != key
    }
    left = []
    for view in VIEWS:
        widget = window.show_view(view.key)
        idle(qtbot, window)
        left += [f"{view.key}: {text!r}" for text in _texts(widget) if text in spanish]
    assert left == []


def test_spanish_by_default_then_english(qtbot, window):
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == [
        "Panel",
        "Compromisos",
        "Reuniones",
        "Reportes",  # the partners' reports (the reporting cycle)
        "Entidades",
        "Territorio",
        "Programas",
        "Indicadores",
        "Informes",
        "Datos personales",
        "Configuración",
    ]
    settings = window.show_view("settings")
    idle(qtbot, window)
    settings.language.setCurrentIndex(settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard", timeout=10000)
    idle(qtbot, window)
    assert [window.nav.item(i).text() for i in range(3)] == ["Dashboard", "Commitments", "Meetings"]
    assert window.prefs.language() == "en"
    commitments = window.show_view("commitments")
    idle(qtbot, window)
    assert commitments.model.headerData(6, _horizontal()) == "Due date"
    overdue_rows = [r for r in commitments.model.cache.values() if r.effective_status == OVERDUE]
    row = commitments.model.row_of(overdue_rows[0].id)
    assert commitments.model.index(row, 7).data() == "Overdue"  # the core's label, translated
    assert commitments.model.index(row, 1).data() in {
        "Interruption",
        "Intervention",
        "Prevention",
        "Safe environments",
        "Access to justice",
    }


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_view_titles_translate():
    translations.apply_language("en")
    try:
        assert [v.title() for v in VIEWS][:2] == ["Dashboard", "Commitments"]
    finally:
        translations.apply_language("es")
    assert VIEWS[0].title() == "Panel"


def test_explicit_language_beats_preferences(monkeypatch):
    monkeypatch.delenv("PAZOS_LANG", raising=False)
    assert translations.explicit_language(["main.py", "--lang", "en"])
    assert not translations.explicit_language(["main.py"])
    monkeypatch.setenv("PAZOS_LANG", "en")
    assert translations.explicit_language(["main.py"])
    assert sys.argv  # untouched
