"""The command line: Spanish by default, one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_init_demo_check(tmp_path, capsys):
    target = str(tmp_path / "demo.sqlite")
    assert main(["--db", target, "init"]) == 0
    assert "Base de datos lista" in capsys.readouterr().out
    assert main(["--db", target, "demo"]) == 0
    out = capsys.readouterr().out
    assert "150 compromisos" in out and "entidades" in out
    assert main(["--db", target, "check"]) == 0
    assert "Resultado: correcto" in capsys.readouterr().out


def test_demo_refuses_a_database_holding_data(tmp_path, capsys):
    target = str(tmp_path / "real.sqlite")
    assert main(["--db", target, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", target, "demo"]) == 1
    assert "ya contiene datos" in capsys.readouterr().out


def test_check_fails_on_missing_and_damaged_databases(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "no-existe.sqlite"), "check"]) == 1
    assert "No existe" in capsys.readouterr().out
    bogus = tmp_path / "roto.sqlite"
    bogus.write_bytes(b"\x00garbage" * 1000)
    out = run("--db", str(bogus), "check")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("Error: ") and len(out.stderr.strip().splitlines()) == 1


def test_check_reports_an_old_schema(tmp_path, capsys):
    import sqlite3

    target = tmp_path / "vieja.sqlite"
    assert main(["--db", str(target), "init"]) == 0
    con = sqlite3.connect(target)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(target), "check"]) == 1
    assert "HAY PROBLEMAS" in capsys.readouterr().out


def test_db_from_environment_variable(tmp_path, monkeypatch, capsys):
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("PAZOS_DB", str(target))
    assert main(["init"]) == 0
    assert target.exists()
