"""Window translations: every UI string has its English translation; Spanish by default;
switching language at run time; the .qm is compiled without a manual step."""

from __future__ import annotations

import os
import shutil
import sys

from PySide6.QtCore import QCoreApplication
from window_support import idle

from pazos_desktop.domain import OVERDUE
from tools import qt_catalog
from ui import translations
from ui.views import VIEWS

pytest_plugins = ["window_fixtures"]  # the window fixtures


def test_every_ui_string_has_its_english_translation():
    missing = qt_catalog.missing("en")
    assert missing == {}, "untranslated (run tools/qt_catalog.py --update en): " + "; ".join(
        f"{where} {ctx}: {text!r}" for (ctx, text), where in missing.items()
    )


def test_catalog_finds_strings_of_every_kind():
    found = qt_catalog.ui_strings()
    assert ("Views", "Panel") in found  # QT_TRANSLATE_NOOP
    assert ("PartnerEditor", "&Nombre:") in found  # self.tr in a class
    assert ("CommitmentTableModel", "Fecha límite") in found  # module tr() helper
    assert len(found) > 200


def test_missing_translation_is_detected(tmp_path, monkeypatch):
    source = tmp_path / "ui"
    source.mkdir()
    (source / "x.py").write_text(
        "class Nueva:\n    def f(self):\n        return self.tr('Cadena sin traducir')\n"
    )
    original = qt_catalog.ui_strings
    monkeypatch.setattr(qt_catalog, "ui_strings", lambda: original(source))
    assert ("Nueva", "Cadena sin traducir") in qt_catalog.missing("en")


def test_spanish_by_default_then_english(qtbot, window):
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == [
        "Panel",
        "Compromisos",
        "Reuniones",
        "Entidades",
        "Territorio",
        "Programas",
        "Informes",
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


def test_qm_is_compiled_when_missing_or_stale(tmp_path, monkeypatch, qapp):
    ts = tmp_path / "pazos_en.ts"
    shutil.copy(translations.ts_path("en"), ts)
    qm = translations.compiled_qm(ts)
    assert qm is not None and qm.exists() and qm.parent == tmp_path
    stale = ts.stat().st_mtime - 10
    os.utime(qm, (stale, stale))  # the .ts was edited after the last compilation
    assert translations.compiled_qm(ts).stat().st_mtime >= ts.stat().st_mtime


def test_ts_fallback_without_lrelease(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(translations, "_lrelease", lambda: None)
    ts = tmp_path / "pazos_en.ts"
    shutil.copy(translations.ts_path("en"), ts)
    monkeypatch.setattr(translations, "ts_path", lambda lang: ts)
    translator = translations.make_translator("en")
    assert isinstance(translator, translations.TsTranslator)
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Views", "Informes") == "Reports"
    finally:
        app.removeTranslator(translator)


def test_explicit_language_beats_preferences(monkeypatch):
    monkeypatch.delenv("PAZOS_LANG", raising=False)
    assert translations.explicit_language(["main.py", "--lang", "en"])
    assert not translations.explicit_language(["main.py"])
    monkeypatch.setenv("PAZOS_LANG", "en")
    assert translations.explicit_language(["main.py"])
    assert sys.argv  # untouched
