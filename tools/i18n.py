"""The translation catalog: extract the marked strings, update and check the .po, compile.

    uv run python tools/i18n.py update en     add new strings to resources/i18n/en/.../pazos.po
                                              (keeps translations, drops strings no longer used)
    uv run python tools/i18n.py missing en    list strings without a translation (a test fails too)
    uv run python tools/i18n.py compile       .po -> .mo for every language (the build does it)

Marked strings: `_("…")`, `N_("…")`, `ngettext("…", "…", n)` in the core; `self.tr("…")`,
`tr("…")`, `QCoreApplication.translate("Ctx", "…")` and `QT_TRANSLATE_NOOP("Ctx", "…")` in the
window. One catalog for both: a Spanish string is translated once, whichever layer shows it.
The .po is written sorted and without source locations, so parallel branches merge cleanly.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORE_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# The window also uses Qt's own markers; the core's `translate(text, lang)` is not one of them.
QT_KEYWORDS = CORE_KEYWORDS | {
    "tr": None,
    "_tr": None,
    "translate": (2,),
    "QT_TRANSLATE_NOOP": (2,),
}
SOURCES = {"pazos_desktop": CORE_KEYWORDS, "ui": QT_KEYWORDS, "main.py": QT_KEYWORDS}
# Fixed header dates: the .po changes only when a string does (no merge conflicts for nothing).
HEADER_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _files() -> list[tuple[Path, dict]]:
    found: list[tuple[Path, dict]] = []
    for name, keywords in SOURCES.items():
        path = ROOT / name
        found += [(p, keywords) for p in (sorted(path.rglob("*.py")) if path.is_dir() else [path])]
    return found


def extracted() -> dict[str | tuple[str, str], str]:
    """Every marked string (a plural as (singular, plural)) and the first place it appears."""
    from babel.messages.extract import extract_from_file

    found: dict = {}
    for path, keywords in _files():
        for lineno, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=keywords
        ):
            if isinstance(message, tuple):
                message = message if all(message) else message[0]
            if message:
                found.setdefault(message, f"{path.relative_to(ROOT)}:{lineno}")
    return found


def po_file(lang: str) -> Path:
    from pazos_desktop.i18n import po_path

    return po_path(lang)


def read(lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_file(lang)
    if not path.is_file():
        return Catalog(locale=lang, domain="pazos")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def write(catalog, lang: str) -> Path:
    from babel.messages.pofile import write_po

    path = po_file(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, no_location=True, sort_output=True, ignore_obsolete=True, width=100)
    return path


def template():
    from babel.messages.catalog import Catalog

    pot = Catalog(
        domain="pazos",
        project="PAZOS Coordinación",
        charset="utf-8",
        creation_date=HEADER_DATE,
        revision_date=HEADER_DATE,
        fuzzy=False,
    )
    for message in extracted():
        pot.add(message)
    return pot


def update(lang: str, known: dict[str, str] | None = None) -> tuple[int, int]:
    """Merge the code's strings into the .po; `known` fills translations it lacks."""
    catalog = read(lang)
    catalog.update(template(), no_fuzzy_matching=True)
    catalog.revision_date, catalog.fuzzy = HEADER_DATE, False
    catalog.project, catalog.version = "PAZOS Coordinación", "1"
    catalog.last_translator, catalog.language_team = "PAZOS", "English"
    filled = 0
    for message in catalog:
        if message.id and not _translated(message) and known and message.id in known:
            message.string = known[message.id]
            filled += 1
    write(catalog, lang)
    return len([m for m in catalog if m.id]), filled


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and not message.fuzzy


def missing(lang: str) -> dict:
    """Marked strings the .po does not translate (absent, empty or fuzzy)."""
    catalog = read(lang)
    done = {m.id for m in catalog if m.id and _translated(m)}
    return {text: where for text, where in extracted().items() if text not in done}


def compile_all() -> list[Path]:
    from pazos_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, mo_path, po_path
    from pazos_desktop.i18n_build import compile_po

    return [
        compile_po(po_path(lang), mo_path(lang))
        for lang in LANGUAGES
        if lang != DEFAULT_LANGUAGE and po_path(lang).is_file()
    ]


def legacy_translations() -> dict[str, str]:
    """English from the catalogs this one replaced (core JSON files, the window's Qt .ts), for
    folding in branches written before the merge: `tools/i18n.py import-legacy`."""
    import json
    import xml.etree.ElementTree as ET

    known: dict[str, str] = {}
    for path in sorted((ROOT / "resources" / "i18n" / "en").glob("*.json")):
        known |= json.loads(path.read_text("utf-8"))
    for ts in sorted((ROOT / "resources" / "i18n" / "qt").glob("*_en.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete"):
                known[message.findtext("source", "")] = tr.text
    return known


def main(argv: list[str]) -> int:
    if argv == ["import-legacy"]:
        total, filled = update("en", legacy_translations())
        print(f"{total} textos, {filled} traducciones tomadas de los catálogos anteriores")
        return 0
    if len(argv) == 2 and argv[0] == "update":
        total, _filled = update(argv[1])
        print(f"{po_file(argv[1]).relative_to(ROOT)}: {total} textos")
        return 0
    if len(argv) == 2 and argv[0] == "missing":
        for text, where in missing(argv[1]).items():
            print(f"{where}\t{text!r}")
        return 0
    if argv == ["compile"]:
        for path in compile_all():
            print(path.relative_to(ROOT))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
