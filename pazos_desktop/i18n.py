"""The program's one translation catalog: gettext, for the core and the window alike.

Source strings are Spanish (the default language). `resources/i18n/<lang>/LC_MESSAGES/pazos.po`
holds a language's translations, plurals included; `tools/i18n.py` extracts every marked
string of `pazos_desktop/`, `ui/` and `main.py` into it. The window reads the same catalog
through `ui.translations.CatalogTranslator`, so a string is translated once, whichever layer
shows it. The `.po` is compiled to `.mo` at build time (pyinstaller.spec, `tools/i18n.py
compile`); running from source with the `.mo` missing or older than the `.po`, the catalog is
compiled in memory at first use (Babel, a development dependency), so a fresh clone speaks
English without a build step and nothing is written into the program's folder.

`_()` translates at call time, so messages follow the language chosen for the current run;
`N_()` only marks a string for extraction, for labels translated later when shown;
`ngettext()` chooses the plural form ("1 compromiso", "3 compromisos").
"""

from __future__ import annotations

import gettext
import io
import logging
import sys
from functools import cache
from pathlib import Path

from pazos_desktop.paths import resource_path

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
    po, mo = po_path(lang), mo_path(lang)
    if _fresh(mo, po):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_in_memory(po)))
    log.warning("no translation catalog for %s", lang)
    return gettext.NullTranslations()


def _fresh(mo: Path, po: Path) -> bool:
    frozen = getattr(sys, "frozen", False)  # the bundle's .mo was compiled when it was built
    return mo.is_file() and (frozen or not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime)


def compile_in_memory(po: Path) -> bytes:
    """The .mo bytes of `po`; fuzzy (unreviewed) entries are left out, as msgfmt does."""
    # Imported here: Babel is needed only from source, and costs ~0.1 s to import.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        compiled = read_po(fh)
    out = io.BytesIO()
    write_mo(out, compiled, use_fuzzy=False)
    return out.getvalue()


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
