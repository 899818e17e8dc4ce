"""The window's translations: our one gettext catalog, and Qt's own texts in our language.

UI strings are written in Spanish in `self.tr("...")` (or `QCoreApplication.translate`), like the
core's `_()`. There is no second catalog for the window: `CatalogTranslator` answers Qt's
look-ups from the core's catalog (`pazos_desktop.i18n`), so a string shown by both layers is
translated once. Qt's own texts (Yes/No, OK/Cancel, file dialogs, context menus) come from the
`qtbase_<lang>.qm` files PySide6 ships, loaded from Qt's translations folder: without them a
Spanish program would ask "Yes/No".
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger("pazos.i18n")
_installed: list[QTranslator] = []


def _is_qt_context(context: str | None) -> bool:
    """Qt's own classes (QDialogButtonBox, QFileDialog…): their English is Qt's to translate."""
    return bool(context) and len(context) > 1 and context[0] == "Q" and context[1].isupper()


class CatalogTranslator(QTranslator):
    """Answers Qt's translation look-ups from the program's gettext catalog."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def translate(self, context, source, disambiguation=None, n=-1):
        if _is_qt_context(context):
            return None  # Qt's own sources are English: they are qtbase's business
        from pazos_desktop.i18n import lookup

        return lookup(source, self.lang)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qt_base_translator(lang: str) -> QTranslator | None:
    """Qt's own texts in `lang` (qtbase_es.qm); None when Qt has no such file."""
    translator = QTranslator()
    if translator.load(f"qtbase_{lang}", qt_translations_dir()):
        return translator
    log.warning("Qt's own translations qtbase_%s not found in %s", lang, qt_translations_dir())
    return None


def apply_language(lang: str) -> str:
    """Switch the window's and the core's language; returns the language in effect."""
    from pazos_desktop import i18n

    lang = i18n.set_language(lang)
    set_locale(lang)
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    wanted = [qt_base_translator(lang)]
    if lang != i18n.DEFAULT_LANGUAGE:
        wanted.append(CatalogTranslator(lang))
    for translator in filter(None, wanted):
        app.installTranslator(translator)
        _installed.append(translator)
    return lang


def set_locale(lang: str) -> None:
    """Calendars, number editors and Qt's date texts in the program's language (Colombian
    Spanish: months "enero", weeks from Monday)."""
    from PySide6.QtCore import QLocale

    if lang == "es":
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def explicit_language(argv: list[str] | None = None) -> bool:
    """True when --lang or PAZOS_LANG chose the language for this run (it beats preferences)."""
    import os

    argv = sys.argv if argv is None else argv
    return any(a == "--lang" or a.startswith("--lang=") for a in argv) or bool(
        os.environ.get("PAZOS_LANG")
    )
