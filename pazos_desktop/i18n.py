"""The core's translation system.

Source strings are Spanish (the default language); the catalogs of a language are the JSON
files in `resources/i18n/<lang>/` (one per feature, merged), mapping each Spanish string to its
translation. `_()` translates at call time, so messages follow
the language chosen for the current run; `N_()` only marks a string for extraction, for labels
that are translated later when shown.
"""

from __future__ import annotations

import json
from functools import cache

from .paths import resource_path

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")

_current = DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _current


def get_language() -> str:
    return _current


@cache
def catalog(lang: str) -> dict[str, str]:
    if lang == DEFAULT_LANGUAGE:
        return {}
    merged: dict[str, str] = {}
    for path in sorted(resource_path("i18n", lang).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            merged |= json.load(fh)
    return merged


def translate(text: str, lang: str | None = None) -> str:
    return catalog(lang or _current).get(text, text)


def _(text: str) -> str:
    return translate(text)


def N_(text: str) -> str:
    return text
