"""The window's Qt translation catalog: resources/i18n/qt/pazos_<lang>.ts.

UI strings are Spanish, written as `self.tr("...")` (context: the enclosing class, as PySide
looks it up), `QCoreApplication.translate("Ctx", "...")`, `QT_TRANSLATE_NOOP("Ctx", "...")`,
or a module's own `tr("...")` helper that calls `QCoreApplication.translate("Ctx", text)`.

    python tools/qt_catalog.py --update en    add new strings to the .ts (keeps translations)
    python tools/qt_catalog.py --missing en   list strings without a finished translation
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATE_FUNCS = {"translate", "QT_TRANSLATE_NOOP"}


def _const(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_context(tree: ast.Module) -> str | None:
    """The context of a module-level `tr()`/`_tr()` helper wrapping QCoreApplication.translate."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr"):
            for call in ast.walk(node):
                if _func_name(call) == "translate" and call.args and _const(call.args[0]):
                    return _const(call.args[0])
    return None


def _func_name(node) -> str | None:
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


class _Finder(ast.NodeVisitor):
    def __init__(self, where: str, module_ctx: str | None):
        self.where, self.module_ctx = where, module_ctx
        self.classes: list[str] = []
        self.found: dict[tuple[str, str], str] = {}

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = _func_name(node)
        key = None
        if name in TRANSLATE_FUNCS and len(node.args) >= 2:
            context, text = _const(node.args[0]), _const(node.args[1])
            key = (context, text) if context and text else None
        elif name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
            text = _const(node.args[0])
            key = (self.classes[-1], text) if self.classes and text else None
        elif name in ("tr", "_tr") and isinstance(node.func, ast.Name) and node.args:
            text = _const(node.args[0])
            key = (self.module_ctx, text) if self.module_ctx and text else None
        if key:
            self.found.setdefault(key, f"{self.where}:{node.lineno}")
        self.generic_visit(node)


def ui_strings(root: Path = ROOT / "ui") -> dict[tuple[str, str], str]:
    """(context, Spanish source) -> first place it appears."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        finder = _Finder(str(where), _module_context(tree))
        finder.visit(tree)
        for key, where in finder.found.items():
            found.setdefault(key, where)
    return found


def ts_file(lang: str) -> Path:
    return ROOT / "resources" / "i18n" / "qt" / f"pazos_{lang}.ts"


def read_all(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished)."""
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    if not path.exists():
        return out
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            text = (tr.text or "") if tr is not None else ""
            finished = tr is not None and tr.get("type") is None and bool(text)
            out[(name, message.findtext("source", ""))] = (text, finished)
    return out


def write_ts(path: Path, lang: str, entries: dict[tuple[str, str], tuple[str, bool]]) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="es")
    contexts: dict[str, ET.Element] = {}
    for (context, source), (text, finished) in sorted(entries.items()):
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        tr = ET.SubElement(message, "translation")
        tr.text = text or None
        if not finished:
            tr.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def update(lang: str, translations: dict[tuple[str, str], str] | None = None) -> int:
    """Sync the .ts with the code: new strings added, gone ones dropped; returns # missing."""
    path = ts_file(lang)
    old = read_all(path)
    entries = {}
    for key in ui_strings():
        text, finished = old.get(key, ("", False))
        if translations and key in translations:
            text, finished = translations[key], True
        entries[key] = (text, finished)
    write_ts(path, lang, entries)
    return sum(1 for _t, done in entries.values() if not done)


def missing(lang: str) -> dict[tuple[str, str], str]:
    done = {k for k, (_t, finished) in read_all(ts_file(lang)).items() if finished}
    return {k: where for k, where in ui_strings().items() if k not in done}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--missing":
        for (context, text), where in missing(sys.argv[2]).items():
            print(f"{where}\t{context}\t{text}")
    elif len(sys.argv) == 3 and sys.argv[1] == "--update":
        print(f"{update(sys.argv[2])} strings still need a translation")
    else:
        print(__doc__)
