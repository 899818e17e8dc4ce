"""The program's one translation catalog: gettext, for the core and the window alike.

Source strings are Spanish (the default language). `resources/i18n/<lang>/LC_MESSAGES/pazos.po`
holds a language's translations, plurals included; `tools/i18n.py` extracts every marked
string of `pazos_desktop/`, `ui/` and `main.py` into it. The window reads the same catalog
through `ui.translations.CatalogTranslator`, so a string is translated once, whichever layer
shows it. The `.po` is compiled to `.mo` at build time (pyinstaller.spec) and, when running
from source, on first use when the `.mo` is missing or older (`i18n_build`).

`_()` translates at call time, so messages follow the language chosen for the current run;
`N_()` only marks a string for extraction, for labels translated later when shown;
`ngettext()` chooses the plural form ("1 compromiso", "3 compromisos").
"""

from __future__ import annotations

import gettext
import logging
import sys
from functools import cache
from pathlib import Path

from .paths import resource_path

log = logging.getLogger(__name__)

DOMAIN = "pazos"
DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")

_current = DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _current


def get_language() -> str:
    return _current


def po_path(lang: str) -> Path:
    return resource_path("i18n", lang, "LC_MESSAGES", f"{DOMAIN}.po")


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (an empty one for Spanish, the source language)."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    mo = _usable_mo(lang)
    if mo is None:
        log.warning("no translation catalog for %s", lang)
        return gettext.NullTranslations()
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)


def _usable_mo(lang: str) -> Path | None:
    po, mo = po_path(lang), mo_path(lang)
    frozen = getattr(sys, "frozen", False)  # the bundle's .mo was compiled when it was built
    if mo.is_file() and (frozen or not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo
    if not po.is_file():
        return None
    from .i18n_build import compile_for_run  # Babel is needed only when running from source

    return compile_for_run(po, mo)


def translate(text: str, lang: str | None = None) -> str:
    return catalog(lang or _current).gettext(text)


def translate_plural(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return catalog(lang or _current).ngettext(singular, plural, n)


def lookup(text: str, lang: str | None = None) -> str | None:
    """The translation of `text` when the catalog has one, else None (Qt's fallback order)."""
    lang = lang or _current
    if lang == DEFAULT_LANGUAGE:
        return None
    return getattr(catalog(lang), "_catalog", {}).get(text) or None


def entries(lang: str) -> dict:
    """msgid (or (msgid, plural index)) -> translation: for tests and the self-check."""
    return dict(getattr(catalog(lang), "_catalog", {}))


def _(text: str) -> str:
    return translate(text)


def N_(text: str) -> str:
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    return translate_plural(singular, plural, n)
