"""The core stays Qt-free: importing all of pazos_desktop loads no Qt module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
