"""Rules the test suite holds itself to."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def first_party() -> set[str]:
    """Our own top-level modules and packages: every folder or .py file at the repository's root."""
    names = {p.stem for p in ROOT.glob("*.py")}
    names |= {p.name for p in ROOT.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    return names


def importorskips(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every `pytest.importorskip("module")` / `importorskip("module")`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        arg = node.args[0]
        if name == "importorskip" and isinstance(arg, ast.Constant):
            found.append((node.lineno, str(arg.value)))
    return found


def test_no_importorskip_of_our_own_modules():
    """A broken import of ours must fail the suite, not turn the tests that need it into skips."""
    ours = first_party()
    offenders = [
        f"{path.relative_to(ROOT)}:{line} importorskip({module!r})"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for line, module in importorskips(path)
        if module.split(".")[0] in ours
    ]
    assert offenders == []


def test_the_rule_knows_our_packages():
    assert {"ui", "pazos_desktop", "tests", "main"} <= first_party()
