"""`uv run` stays quiet and fast: no `compile-bytecode` (uv then recompiles the whole
environment on every run and says so on stderr; see ../shared/PITFALLS.md)."""

from __future__ import annotations

import shutil
import subprocess
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
