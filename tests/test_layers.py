"""The house in layers: the core is Qt-free, each layer imports only from itself and the layers
below it, no import cycles anywhere (imports inside functions count), small folders.

The layers of `pazos_desktop/`, bottom to top (ARCHITECTURE.md says what each holds):
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.import_graph import ROOT, cycles, edges, modules

LAYERS = (
    "base",  # the modules at the top of pazos_desktop/: errors, i18n, files, clock, parsing...
    "domain",
    "db",
    "services",
    "writers",
    "documents",
    "safety",
    "excel",
    "sample",
    "selfcheck",
    "cli",
)
RANK = {name: rank for rank, name in enumerate(LAYERS)}
MAX_MODULES_PER_FOLDER = 12


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] not in RANK):
        return "base"  # the package itself and its top-level modules
    return parts[1]


PROBE = """
import importlib, pkgutil, sys
import pazos_desktop
for mod in pkgutil.walk_packages(pazos_desktop.__path__, "pazos_desktop."):
    importlib.import_module(mod.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(",".join(loaded))
"""


def test_core_imports_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt or ui loaded by the core: {result.stdout}"


def test_core_sources_do_not_mention_qt_imports():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "pazos_desktop").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import PySide6", "from PySide6", "import ui", "from ui"))
    ]
    assert offenders == []


def test_every_core_folder_is_a_known_layer():
    folders = {p.name for p in (ROOT / "pazos_desktop").iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(LAYERS) - {"base"}


def test_no_core_module_imports_from_a_layer_above_it():
    upward = [
        f"{e.source} (line {e.line}) imports {e.target}: "
        f"{layer_of(e.source)} may not import from {layer_of(e.target)}"
        for e in edges("pazos_desktop")
        if RANK[layer_of(e.target)] > RANK[layer_of(e.source)]
    ]
    assert upward == []


def test_the_layer_rule_sees_an_import_that_goes_up(tmp_path, monkeypatch):
    """The rule above can fail: a base module importing a service is caught."""
    fake = tmp_path / "pazos_desktop"
    (fake / "services").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "services" / "__init__.py").write_text("")
    (fake / "services" / "partners.py").write_text("X = 1\n")
    (fake / "clock.py").write_text(
        "def now():\n    from pazos_desktop.services.partners import X\n    return X\n"
    )
    monkeypatch.setattr("tests.import_graph.ROOT", tmp_path)
    found = [
        (e.source, e.target, e.in_function)
        for e in edges("pazos_desktop")
        if RANK[layer_of(e.target)] > RANK[layer_of(e.source)]
    ]
    assert found == [("pazos_desktop.clock", "pazos_desktop.services.partners", True)]


def test_the_core_imports_inside_functions_only_for_start_up():
    """Only the command line, which every start goes through (the window's included), imports
    inside functions: what a command needs is loaded when it runs (pazos_desktop/cli/__init__)."""
    lazy = {
        f"{e.source} (line {e.line}) imports {e.target}"
        for e in edges("pazos_desktop")
        if e.in_function and layer_of(e.source) != "cli"
    }
    assert lazy == set()


@pytest.mark.parametrize("package", ["pazos_desktop", "ui"])
def test_no_import_cycles(package):
    assert cycles(package) == []


def test_cycles_are_found_when_there_are_some(tmp_path, monkeypatch):
    fake = tmp_path / "pazos_desktop"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "a.py").write_text("from pazos_desktop import b\n")
    (fake / "b.py").write_text("def f():\n    from pazos_desktop.a import x\n")
    monkeypatch.setattr("tests.import_graph.ROOT", tmp_path)
    assert cycles("pazos_desktop") == [["pazos_desktop.a", "pazos_desktop.b"]]


@pytest.mark.parametrize("package", ["pazos_desktop", "ui"])
def test_no_folder_holds_more_than_a_dozen_modules(package):
    crowded = {}
    for folder in [ROOT / package, *(ROOT / package).rglob("*/")]:
        if "__pycache__" in folder.parts or not (folder / "__init__.py").is_file():
            continue
        count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
        if count > MAX_MODULES_PER_FOLDER:
            crowded[str(folder.relative_to(ROOT))] = count
    assert crowded == {}


def test_every_module_is_counted():
    assert len(modules("pazos_desktop")) > 100 and len(modules("ui")) > 50
