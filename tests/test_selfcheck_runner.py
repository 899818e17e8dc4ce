"""The self-check's runner: lists of steps, entries that cannot be imported, what a failed
step says, and the closing summary of what was checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pazos_desktop.i18n import set_language
from pazos_desktop.selfcheck.runner import (
    DOCUMENT,
    VIEW,
    Step,
    checked_lines,
    checks,
    run_self_check,
)


@checks(DOCUMENT, "acta (PDF)")
def check_written(ctx):
    return "escrita"


def check_plain(ctx):
    return "bien"


def broken_view(ctx):
    raise ModuleNotFoundError("No module named 'PySide6.QtCharts'")


@pytest.fixture(autouse=True)
def spanish():
    set_language("es")
    yield
    set_language("es")


def test_lists_expand_and_a_missing_module_is_one_failure_among_the_others():
    lines: list[str] = []
    steps = [
        check_plain,
        [Step("check_view_dashboard", broken_view, VIEW, lambda: "Panel"), check_written],
        "pazos_desktop.no_such_module:STEPS",
        "pazos_desktop.selfcheck.runner:check_defusedxml",
    ]
    results = run_self_check(lines.append, steps)
    assert [(r.name, r.ok) for r in results] == [
        ("check_plain", True),
        ("check_view_dashboard", False),
        ("check_written", True),
        ("STEPS", False),
        ("check_defusedxml", True),
    ]
    assert lines[1].startswith(
        "[FALLÓ] check_view_dashboard: Vista Panel: ModuleNotFoundError: No module named"
    )
    assert (
        "[FALLÓ] STEPS: ModuleNotFoundError: No module named 'pazos_desktop.no_such_module'"
        in (lines[3])
    )
    assert checked_lines(results) == [
        "Vistas comprobadas (0/1): —.",
        "Documentos comprobados (1/1): acta (PDF).",
    ]


def test_clean_ups_run_after_a_failed_step_newest_first(tmp_path: Path):
    done: list[str] = []

    def opens(ctx):
        ctx.on_close(lambda: done.append("first"))
        ctx.on_close(lambda: done.append("second"))
        raise RuntimeError("falló a medias")

    results = run_self_check(lambda _line: None, [opens])
    assert not results[0].ok and done == ["second", "first"]


def test_the_summary_in_english():
    set_language("en")
    results = run_self_check(lambda _line: None, [check_written])
    assert checked_lines(results) == ["Documents checked (1/1): minutes (PDF)."]
