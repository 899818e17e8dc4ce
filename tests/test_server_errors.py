"""A server that is away, slow, lost mid-command or busy: one clear message, never a hang or a
traceback; the window offers to retry; `check` says it could not connect."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pazos_desktop.db.database import Database
from pazos_desktop.db.server import ServerUnavailable
from pazos_desktop.errors import ConflictError
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.startup import Recovery, StartupProblem, prepare_database
from pazos_desktop.services.commitments.editing import get_commitment, save_commitment
from tests.meetings_fixtures import sample_db, sample_template  # noqa: F401
from tests.server_support import (
    Proxy,
    Silent,
    admin_execute,
    free_port,
    terminate_other_sessions,
    via,
    with_options,
)

pytestmark = pytest.mark.server_only
ROOT = Path(__file__).resolve().parent.parent


def test_every_connection_carries_the_timeouts(db):
    with db.engine.connect() as conn:
        shown = {
            name: conn.execute(text(f"SHOW {name}")).scalar()
            for name in (
                "lock_timeout",
                "statement_timeout",
                "idle_in_transaction_session_timeout",
                "application_name",
            )
        }
        dsn = conn.connection.dbapi_connection.info.get_parameters()
    assert shown == {
        "lock_timeout": "15s",
        "statement_timeout": "2min",
        "idle_in_transaction_session_timeout": "10min",
        "application_name": "PAZOS Coordinacion",
    }
    assert dsn["connect_timeout"] == "10" and dsn["keepalives"] == "1"


def test_the_url_may_set_its_own_timeouts(db_path):
    db = Database(with_options(str(db_path), statement_timeout="5s") + "&connect_timeout=4")
    with db.engine.connect() as conn:
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "5s"
        assert conn.connection.dbapi_connection.info.get_parameters()["connect_timeout"] == "4"
    db.dispose()


def test_a_server_that_is_not_there_is_one_message(db_path):
    started = time.monotonic()
    with pytest.raises(ServerUnavailable) as info:
        open_database(via(str(db_path), free_port()))
    assert time.monotonic() - started < 5
    assert "No hay comunicación con el servidor de base de datos 127.0.0.1:" in info.value.message
    assert "rechazó la conexión" in info.value.message


def test_a_server_that_never_answers_times_out(db_path):
    silent = Silent()
    try:
        started = time.monotonic()
        with pytest.raises(ServerUnavailable, match="no respondió a tiempo"):
            open_database(via(str(db_path), silent.port, connect_timeout="2"))
        assert time.monotonic() - started < 8
    finally:
        silent.close()


def test_a_connection_lost_mid_command_is_one_message_then_it_works_again(db):
    with pytest.raises(ServerUnavailable, match="se perdió la conexión"), db.session() as s:
        s.execute(text("SELECT 1"))
        terminate_other_sessions(db.url)  # a server restart, a cut cable
        s.execute(text("SELECT count(*) FROM partner"))
    with db.session() as s:  # the pool replaced the dead connection
        assert s.execute(text("SELECT 1")).scalar() == 1


def test_a_statement_over_its_timeout_is_one_message(db_path):
    db = Database(with_options(str(db_path), statement_timeout="300ms"))
    try:
        with pytest.raises(ServerUnavailable, match="no respondió a tiempo"), db.session() as s:
            s.execute(text("SELECT pg_sleep(3)"))
    finally:
        db.dispose()


def test_a_row_locked_too_long_by_someone_else_is_a_conflict(sample_db):  # noqa: F811
    slow = Database(with_options(sample_db.url, lock_timeout="300ms"))
    holder = sample_db.engine.connect()
    try:
        holder.begin()
        holder.execute(text("SELECT id FROM commitment WHERE id = 1 FOR UPDATE"))
        with slow.session() as s:
            form = get_commitment(s, 1)
        with pytest.raises(ConflictError, match="estaba guardando los mismos datos"):
            with slow.session() as s:
                save_commitment(s, dataclasses.replace(form, notes="espera"))
    finally:
        holder.rollback()
        holder.close()
        slow.dispose()


def test_cli_prints_one_line_and_fails_when_the_server_is_away(db_path, tmp_path):
    away = via(str(db_path), free_port())
    out = _main("--db", away, "export", "workbook", "--out", str(tmp_path / "r.xlsx"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: No hay comunicación con el servidor")


def test_check_says_it_could_not_connect(db_path):
    out = _main("--db", via(str(db_path), free_port()), "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "No se pudo conectar: No hay comunicación" in out.stdout
    assert "Integridad: ok" not in out.stdout and "HAY PROBLEMAS" in out.stdout
    ok = _main("--db", str(db_path), "check")
    assert ok.returncode == 0 and "Resultado: correcto" in ok.stdout


def _main(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_start_up_offers_retry_or_quit_and_retry_opens_when_the_server_is_back(db_path):
    from ui.safety.recovery_dialog import open_database_interactively

    port = free_port()
    proxy = Proxy(str(db_path), port)
    target = via(str(db_path), port)
    with pytest.raises(StartupProblem) as info:
        prepare_database(target)
    assert info.value.options == [Recovery.RETRY, Recovery.QUIT]
    asked = []

    def ask(problem, _parent):
        asked.append(problem)
        proxy.start()  # the network comes back while the dialog is shown
        return Recovery.RETRY

    try:
        opened = open_database_interactively(target, ask=ask)
        assert [p.kind for p in asked] == ["unreachable"]
        assert opened is not None and opened.guard is None  # a server is shared: no lock file
        opened.db.dispose()
    finally:
        proxy.stop()


def test_quit_at_the_retry_prompt_opens_nothing(db_path):
    from ui.safety.recovery_dialog import open_database_interactively

    target = via(str(db_path), free_port())
    assert open_database_interactively(target, ask=lambda _p, _w: Recovery.QUIT) is None


def test_two_saves_at_the_same_instant_the_second_is_a_conflict(sample_db):  # noqa: F811
    """Both read version v; the second UPDATE waits for the first and then matches no row."""
    with sample_db.session() as s:
        form = get_commitment(s, 2)
    barrier, results = threading.Barrier(2), []

    def save(note: str) -> None:
        try:
            with sample_db.session() as s:
                s.execute(text("SELECT 1"))
                barrier.wait()
                save_commitment(s, dataclasses.replace(form, notes=note))
                time.sleep(0.3)  # still holding the row when the other one arrives
            results.append("ok")
        except ConflictError as exc:
            results.append(exc.message)

    threads = [threading.Thread(target=save, args=(n,)) for n in ("Ana", "Luis")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r == "ok" for r in results) == [False, True], results
    with sample_db.session() as s:
        assert get_commitment(s, 2).version == form.version + 1


def test_the_admin_sees_the_program_by_name(db):
    with db.engine.connect():
        rows = admin_execute(
            db.url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = :a",
            a="PAZOS Coordinacion",
        )  # fmt: skip
    assert rows[0][0] >= 1


def test_a_text_the_server_cannot_hold_is_a_message_not_a_crash(db):
    from pazos_desktop.errors import PazosError
    from pazos_desktop.services.partners import PartnerData, list_partners, save_partner

    # 300 characters pass the name's check, but their folded key doubles ("ß" -> "ss").
    with pytest.raises(PazosError, match="demasiado largo"), db.session() as s:
        save_partner(s, PartnerData(name="ß" * 300))
    with db.session() as s:
        assert list_partners(s, include_archived=True) == []
