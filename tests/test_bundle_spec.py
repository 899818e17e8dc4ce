"""pyinstaller.spec against the code: no Qt module the program imports is left out of the
bundle, and Qt's own Spanish catalog stays in it. The spec is parsed with `ast` (its list
assignments evaluated alone), never run: no PyInstaller needed."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "pyinstaller.spec"


def our_sources() -> list[Path]:
    return [ROOT / "main.py", *(ROOT / "ui").rglob("*.py"), *(ROOT / "pazos_desktop").rglob("*.py")]


def qt_modules_imported(paths: list[Path]) -> dict[str, str]:
    """ "PySide6.QtX" -> the first file that imports it (import, from-import, either form)."""
    found: dict[str, str] = {}

    def add(name: str, path: Path) -> None:
        parts = name.split(".")
        if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
            found.setdefault(".".join(parts[:2]), str(path.relative_to(ROOT)))

    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(alias.name, path)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                add(node.module, path)
                if node.module == "PySide6":  # from PySide6 import QtCharts
                    for alias in node.names:
                        add(f"PySide6.{alias.name}", path)
    return found


def with_dependencies(modules: set[str]) -> set[str]:
    """The Qt modules loaded when importing `modules` (a Qt module may import others)."""
    probe = (
        "import importlib, sys\n"
        f"for name in {sorted(modules)!r}: importlib.import_module(name)\n"
        "print(' '.join(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split()) | modules


def spec_assignments(text: str, names: set[str], namespace: dict | None = None) -> dict:
    """Run only the spec's top-level assignments to `names` (plain lists and comprehensions)."""
    namespace = {"__builtins__": {}} | (namespace or {})
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and any(_target(t) in names for t in node.targets):
            exec(compile(ast.Module([node], []), str(SPEC), "exec"), namespace)
    return namespace


def _target(node: ast.expr) -> str:
    return ast.unparse(node)


def excluded_modules(text: str) -> set[str]:
    return set(spec_assignments(text, {"qt_unused", "excludes"})["excludes"])


def test_the_bundle_keeps_every_qt_module_the_program_imports():
    imported = qt_modules_imported(our_sources())
    needed = with_dependencies(set(imported))
    left_out = sorted(needed & excluded_modules(SPEC.read_text(encoding="utf-8")))
    assert left_out == [], {name: imported.get(name, "(a dependency)") for name in left_out}


def test_the_derivation_sees_the_dashboard_chart_and_a_spec_that_drops_it():
    imported = qt_modules_imported(our_sources())
    charts = {"ui/views/charts.py", "ui/views/indicator_chart.py"}  # dashboard's two charts
    assert imported["PySide6.QtCharts"] in charts
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= set(imported)
    broken = 'qt_unused = ["QtCharts", "QtQml"]\nexcludes = [f"PySide6.{n}" for n in qt_unused]'
    assert set(imported) & excluded_modules(broken) == {"PySide6.QtCharts"}


def test_the_spec_keeps_qt_translations_of_spanish_and_english_only():
    folder = "PySide6/Qt/translations"
    names = ["qtbase_es.qm", "qtbase_en.qm", "qt_es.qm", "qtbase_de.qm", "qt_help_fr.qm"]
    datas = [(f"{folder}/{name}", folder, "DATA") for name in names]
    catalog = "resources/i18n/en/LC_MESSAGES"
    datas.append((f"{catalog}/pazos.mo", catalog, "DATA"))
    kept = spec_assignments(
        SPEC.read_text(encoding="utf-8"), {"a.datas"}, {"a": SimpleNamespace(datas=datas)}
    )["a"].datas
    kept_names = {Path(d[0]).name for d in kept}
    assert {"qtbase_es.qm", "qtbase_en.qm", "pazos.mo"} <= kept_names
    assert not {"qtbase_de.qm", "qt_help_fr.qm"} & kept_names
