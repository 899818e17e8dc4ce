"""`uv run` stays quiet and fast: no `compile-bytecode` (uv then recompiles the whole
environment on every run and says so on stderr; see ../shared/PITFALLS.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pazos_desktop import APP_NAME, __version__

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_does_not_ask_uv_to_compile_bytecode():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "compile-bytecode" not in config["tool"]["uv"]


def test_uv_run_version_prints_only_the_version():
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    result = subprocess.run(
        [uv, "run", "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{APP_NAME} {__version__}\n"


# main.py as a plain start runs it, up to the moment it opens the window (replaced here).
UP_TO_THE_WINDOW = """
import runpy, sys
import main
main.register_window_checks()
from pazos_desktop.cli import main as cli_main
heavy = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "PySide6")
cli_main([], open_window=lambda target, lang: print(
    ",".join(sorted({m.split(".")[0] for m in sys.modules if m.startswith(heavy)}))) or 0)
"""


def test_a_plain_start_reaches_the_window_without_the_heavy_libraries():
    """The window is shown before SQLAlchemy, openpyxl or reportlab are imported (a start
    that imported them first took 0.8 s instead of 0.3 s to show the window)."""
    result = subprocess.run(
        [sys.executable, "-c", UP_TO_THE_WINDOW],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == ""
