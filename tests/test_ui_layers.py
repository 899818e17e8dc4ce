"""One of each in the window: one interaction seam, one job pipeline.

Only ui/interaction.py builds Qt's message boxes, input and file dialogs; only the pipeline
(ui/jobs/operations.py) opens database sessions and threads; every dialog of ui/ fits its screen
(ui.fit.FittedDialog).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"

SEAM = {"ui/interaction.py"}
PIPELINE = {"ui/jobs/operations.py"}
RULES = [
    # (what, pattern, the only modules allowed to use it)
    ("Qt message boxes", r"\bQMessageBox\b", SEAM),
    ("Qt input dialogs", r"\bQInputDialog\b", SEAM),
    ("Qt file dialogs", r"\bQFileDialog\b", SEAM),
    ("a second progress dialog", r"\bQProgressDialog\b", set()),
    ("database sessions", r"\.session\(|\bnew_session\(|\bsessionmaker\(", PIPELINE),
    ("threads of their own", r"\bQThread(Pool)?\b|\bQRunnable\b|\bThreadPoolExecutor\b", PIPELINE),
    ("threading.Thread", r"\bthreading\.Thread\(", PIPELINE),
]
# Reading the UI thread in error hooks is not starting one.
EXCEPTIONS = {("threads of their own", "ui/errors.py")}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """Source lines without comments and docstrings (they may name what they avoid)."""
    text = path.read_text(encoding="utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.update(range(body[0].lineno, body[0].end_lineno + 1))
    return [
        (n, line.split("#")[0])
        for n, line in enumerate(text.splitlines(), 1)
        if n not in docstrings
    ]


def test_only_the_seam_and_the_pipeline_talk_to_users_and_databases():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        for what, pattern, allowed in RULES:
            if name in allowed or (what, name) in EXCEPTIONS:
                continue
            for number, line in _code_lines(path):
                if re.search(pattern, line):
                    offenders.append(f"{name}:{number}: {what}: {line.strip()}")
    assert offenders == []


def test_one_job_framework():
    assert not (UI / "reports" / "background.py").exists()
    text = (UI / "jobs" / "progress.py").read_text(encoding="utf-8")
    assert "def run_with_progress" not in text  # the pipeline's ops.job is the one way


def test_every_dialog_of_ui_fits_its_screen():
    """Every QDialog subclass of ui/ derives from FittedDialog (directly or not)."""
    classes: dict[str, list[str]] = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = [getattr(b, "id", getattr(b, "attr", "")) for b in node.bases]

    def fitted(name: str, seen=()) -> bool:
        if name == "FittedDialog":
            return True
        return any(fitted(b, (*seen, name)) for b in classes.get(name, []) if b not in seen)

    def dialog(name: str, seen=()) -> bool:
        bases = classes.get(name, [])
        return "QDialog" in bases or any(dialog(b, (*seen, name)) for b in bases if b not in seen)

    unfitted = [n for n in classes if n != "FittedDialog" and dialog(n) and not fitted(n)]
    assert unfitted == []
