"""The command line: Spanish by default, one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pazos_desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env_extra=None):
    import os

    env = dict(os.environ, **(env_extra or {}))
    env.pop("PAZOS_DB", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )


def test_help_is_in_spanish_by_default_and_english_on_request():
    es = run("--help")
    assert es.returncode == 0
    assert "uso: main.py" in es.stdout and "muestra esta ayuda" in es.stdout
    en = run("--lang", "en", "--help")
    assert "usage: main.py" in en.stdout and "create the database" in en.stdout


def test_version():
    out = run("--version")
    assert out.returncode == 0 and "PAZOS Coordinación 0." in out.stdout


def test_unknown_command_is_a_usage_error():
    out = run("volar")
    assert out.returncode == 2 and "opción no válida" in out.stderr


def test_init_demo_check(fresh_target, capsys):
    target = fresh_target
    assert main(["--db", target, "init"]) == 0
    assert "Base de datos lista" in capsys.readouterr().out
    assert main(["--db", target, "demo"]) == 0
    out = capsys.readouterr().out
    assert "150 compromisos" in out and "entidades" in out
    assert main(["--db", target, "check"]) == 0
    assert "Resultado: correcto" in capsys.readouterr().out


def test_demo_refuses_a_database_holding_data(fresh_target, capsys):
    target = fresh_target
    assert main(["--db", target, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", target, "demo"]) == 1
    assert "ya contiene datos" in capsys.readouterr().out


@pytest.mark.sqlite_only
def test_check_fails_on_missing_and_damaged_databases(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "no-existe.sqlite"), "check"]) == 1
    assert "No existe" in capsys.readouterr().out
    bogus = tmp_path / "roto.sqlite"
    bogus.write_bytes(b"\x00garbage" * 1000)
    out = run("--db", str(bogus), "check")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("Error: ") and len(out.stderr.strip().splitlines()) == 1


def test_check_reports_an_old_schema(fresh_target, capsys):
    from sqlalchemy import text

    from pazos_desktop.db.database import Database

    target = fresh_target
    assert main(["--db", target, "init"]) == 0
    db = Database(target)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    db.dispose()
    capsys.readouterr()
    assert main(["--db", target, "check"]) == 1
    assert "HAY PROBLEMAS" in capsys.readouterr().out


def test_db_from_environment_variable(fresh_target, monkeypatch, capsys):
    monkeypatch.setenv("PAZOS_DB", fresh_target)
    assert main(["init"]) == 0
    assert main(["--db", fresh_target, "check"]) == 0
