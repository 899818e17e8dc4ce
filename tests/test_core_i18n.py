"""Every string of the core has its English translation; Spanish is the default."""

from __future__ import annotations

import sys
from pathlib import Path

from pazos_desktop import i18n

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import i18n_catalog  # noqa: E402


def test_every_core_string_has_an_english_translation():
    assert i18n_catalog.core_strings(), "the extractor found no strings at all"
    missing = i18n_catalog.missing("en")
    assert missing == {}, f"untranslated: {missing}"


def test_spanish_is_the_default_and_english_switches():
    assert i18n.get_language() == "es"
    assert i18n._("Vencido") == "Vencido"
    i18n.set_language("en")
    assert i18n._("Vencido") == "Overdue"
    i18n.set_language("fr")
    assert i18n.get_language() == "es"


def test_translations_keep_their_placeholders():
    import re

    field = re.compile(r"\{[a-z_]*\}")
    for source, target in i18n.catalog("en").items():
        assert sorted(field.findall(source)) == sorted(field.findall(target)), source
