"""The one catalog: every marked string of the core and the window has its English
translation, with its placeholders and plural forms; Spanish is the default."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from pazos_desktop import i18n

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import i18n as catalog_tool  # noqa: E402  (tools/i18n.py)

FIELD = re.compile(r"\{[a-z_]*\}")


def test_every_marked_string_has_an_english_translation():
    found = catalog_tool.extracted()
    assert len(found) > 500, "the extractor found too few strings"
    missing = catalog_tool.missing("en")
    assert missing == {}, "untranslated (run tools/i18n.py update en): " + "; ".join(
        f"{where} {text!r}" for text, where in missing.items()
    )


def test_the_extractor_sees_every_kind_of_marker():
    found = catalog_tool.extracted()
    assert "Vencido" in found  # N_() in the core
    assert "Panel" in found  # QT_TRANSLATE_NOOP("Views", ...)
    assert "&Idioma:" in found  # self.tr() in a window class
    assert "Fecha límite" in found  # a module's tr() helper
    assert "en" not in found  # the core's translate(text, "en") is not a marker


def test_a_new_untranslated_string_is_reported(tmp_path, monkeypatch):
    (tmp_path / "nueva.py").write_text("def f():\n    return _('Cadena sin traducir')\n")
    monkeypatch.setattr(catalog_tool, "ROOT", tmp_path)
    monkeypatch.setattr(catalog_tool, "SOURCES", {"nueva.py": catalog_tool.CORE_KEYWORDS})
    assert "Cadena sin traducir" in catalog_tool.missing("en")


def test_spanish_is_the_default_and_english_switches():
    assert i18n.get_language() == "es"
    assert i18n._("Vencido") == "Vencido"
    i18n.set_language("en")
    assert i18n._("Vencido") == "Overdue"
    i18n.set_language("fr")
    assert i18n.get_language() == "es"


def test_plurals_in_both_languages():
    one, many = "{n} compromiso", "{n} compromisos"
    assert i18n.translate_plural(one, many, 1, "es").format(n=1) == "1 compromiso"
    assert i18n.translate_plural(one, many, 3, "es").format(n=3) == "3 compromisos"
    assert i18n.translate_plural(one, many, 1, "en").format(n=1) == "1 commitment"
    assert i18n.translate_plural(one, many, 0, "en").format(n=0) == "0 commitments"


def test_translations_keep_their_placeholders():
    entries = i18n.entries("en")
    assert len(entries) > 500
    for key, target in entries.items():
        source = key[0] if isinstance(key, tuple) else key
        if source:
            assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(target)), source


def test_the_catalog_is_compiled_when_missing_or_stale(tmp_path, monkeypatch):
    from pazos_desktop.i18n_build import compile_po

    po = tmp_path / "en" / "LC_MESSAGES" / "pazos.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(i18n.po_path("en").read_bytes())
    mo = po.with_suffix(".mo")
    monkeypatch.setattr(i18n, "po_path", lambda lang: po)
    for state in ("missing", "stale"):
        i18n.catalog.cache_clear()
        if state == "stale":  # the .po was edited after the last compilation: a stale .mo
            assert compile_po(po, mo) == mo and mo.stat().st_size > 10_000
            mo.write_bytes(mo.read_bytes().replace(b"{n} commitment", b"{n} stale!!!!!"))
            old = po.stat().st_mtime - 10
            os.utime(mo, (old, old))
        assert i18n.translate_plural("{n} compromiso", "{n} compromisos", 1, "en") == (
            "{n} commitment"
        ), state
    i18n.catalog.cache_clear()


# "(guía de instalación, docs/instalacion.md, «Servidor compartido»)": a message sending the
# reader to a section of a document.
SECTION = re.compile(r"((?:README|docs/[\w/.-]+)\.md|README), «([^»]+)»")
ROOT = Path(__file__).resolve().parent.parent


def test_every_message_points_at_a_section_that_exists():
    """A moved section left messages pointing at "README, «Servidor compartido»" after the
    README had lost it; every such pointer now names a document and one of its headings."""
    texts = [
        t for key in catalog_tool.extracted() for t in (key if isinstance(key, tuple) else [key])
    ]
    pointers = {
        (document, section)
        for text in texts
        for document, section in SECTION.findall(" ".join(text.split()))
    }
    assert ("docs/instalacion.md", "Servidor compartido") in pointers
    for document, section in pointers:
        path = ROOT / (document if document.endswith(".md") else f"{document}.md")
        assert path.is_file(), f"{document} (for «{section}»)"
        headings = re.findall(r"^#+\s+(.+?)\s*$", path.read_text(encoding="utf-8"), re.M)
        assert section in headings, f"{document} has no heading «{section}»"
