"""CLI: backup, backups, restore (with and without confirmation), self-check."""

from __future__ import annotations

import io
import re

import pytest

from pazos_desktop.cli import main
from pazos_desktop.selfcheck import runner as selfcheck
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)
from tests.safety_fixtures import dump, execute


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.sqlite_only
def test_backup_to_a_file_and_refuse_to_overwrite(capsys, sample_db, tmp_path):
    out = tmp_path / "copia.sqlite"
    code, text, _err = run(capsys, "--db", str(sample_db), "backup", "--out", str(out))
    assert code == 0 and f"Copia de seguridad verificada: {out}" in text
    assert dump(out) == dump(sample_db)
    code, _text, err = run(capsys, "--db", str(sample_db), "backup", "--out", str(out))
    assert code == 1 and err.strip() == f"Error: El archivo {out} ya existe; elija otro nombre."


@pytest.mark.sqlite_only
def test_backup_into_the_backups_folder_and_list(capsys, sample_db):
    assert run(capsys, "--db", str(sample_db), "backup")[0] == 0
    code, text, _err = run(capsys, "--db", str(sample_db), "backups")
    assert code == 0 and "Copias en" in text and "manual" in text


def _changed_then_restore(capsys, sample_db, tmp_path, *extra):
    copy = tmp_path / "copia.sqlite"
    run(capsys, "--db", str(sample_db), "backup", "--out", str(copy))
    execute(sample_db, "UPDATE partner SET notes = 'después de la copia'")
    changed = dump(sample_db)
    return copy, changed, run(capsys, "--db", str(sample_db), "restore", str(copy), *extra)


@pytest.mark.sqlite_only
def test_restore_asks_on_a_terminal_and_no_keeps_everything(
    capsys, sample_db, tmp_path, monkeypatch
):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda question: "n")
    _copy, changed, (code, text, _err) = _changed_then_restore(capsys, sample_db, tmp_path)
    assert code == 1 and "No se restauró nada." in text
    assert dump(sample_db) == changed


@pytest.mark.sqlite_only
def test_restore_with_yes_on_a_terminal(capsys, sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda question: pytest.fail("asked anyway"))
    copy, changed, (code, text, _err) = _changed_then_restore(capsys, sample_db, tmp_path, "--yes")
    assert code == 0 and "Base de datos restaurada" in text
    assert dump(sample_db) == dump(copy)
    kept = text.split("La base anterior quedó guardada en ")[1].strip().rstrip(".")
    assert dump(kept) == changed


@pytest.mark.sqlite_only
def test_restore_without_a_terminal_proceeds(capsys, sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    copy, _changed, (code, _text, _err) = _changed_then_restore(capsys, sample_db, tmp_path)
    assert code == 0 and dump(sample_db) == dump(copy)


@pytest.mark.sqlite_only
def test_restore_refuses_a_foreign_file_with_one_line(capsys, sample_db, tmp_path):
    other = tmp_path / "hoja.xlsx"
    other.write_bytes(b"PK\x03\x04 no es sqlite")
    code, _text, err = run(capsys, "--db", str(sample_db), "restore", str(other), "--yes")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "dañada o no es una base de datos" in err


def test_self_check_passes_and_writes_its_report(capsys, tmp_path):
    report = tmp_path / "self-check.txt"
    code, text, _err = run(capsys, "self-check", "--report", str(report))
    assert code == 0, text
    steps = len(selfcheck.SELF_CHECK_STEPS)
    assert f"Autocomprobación: {steps} pasos correctos." in text
    assert "acta de" in text and "informe de" in text and "sin fórmulas" in text
    assert "185 compromisos leídos" in text
    assert report.read_text(encoding="utf-8").strip() == text.strip()


def test_self_check_reports_a_failing_step_and_runs_the_others(capsys, monkeypatch):
    def check_broken(ctx):
        raise RuntimeError("falta la fuente DejaVu")

    defused = "pazos_desktop.selfcheck.runner:check_defusedxml"
    assert defused in selfcheck.SELF_CHECK_STEPS
    steps = [*selfcheck.SELF_CHECK_STEPS[:2], check_broken, defused]
    monkeypatch.setattr(selfcheck, "SELF_CHECK_STEPS", steps)
    code, text, _err = run(capsys, "--lang", "en", "self-check")
    assert code == 1
    assert "[FAILED] check_broken: RuntimeError: falta la fuente DejaVu" in text
    assert "[ok] check_defusedxml" in text
    assert "Self-check: FAILED check_broken." in text


def test_main_py_self_check_includes_the_window_layer(tmp_path):
    """As the bundle runs it: a separate process, offscreen Qt, exit code and full summary:
    every view of the navigation, every editor and every document, each by name."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from ui.editors import EDITORS
    from ui.views import VIEWS

    root = Path(__file__).resolve().parent.parent
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "PAZOS_LANG": "en",
        "XDG_STATE_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "main.py", "self-check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    text = result.stdout
    assert result.returncode == 0, text + result.stderr
    assert "[ok] check_qt: PySide6" in text and "FAILED" not in text
    assert "[ok] check_qt_translations: qtbase_es.qm in " in text
    for view in VIEWS:
        assert f"[ok] check_view_{view.key}: view " in text
    for editor in EDITORS:
        assert f"[ok] check_editor_{editor.key}: editor " in text
    n, m = len(VIEWS), len(EDITORS)
    assert f"Views checked ({n}/{n}): Dashboard, Commitments, Meetings, " in text
    assert f"Editors checked ({m}/{m}): Partner, Contact, Commitment, " in text
    documents = re.search(r"Documents checked \((\d+)/(\d+)\): minutes \(PDF\), attendance", text)
    assert documents and documents[1] == documents[2] and int(documents[1]) >= 8
    assert result.stderr.strip() == ""  # Qt's warnings went to the log, not the console
