"""Two programs writing one SQLite file at once wait their turn: writers take the write lock
before they read (BEGIN IMMEDIATE), so a commit of the other program in between can no longer
refuse them at once ("database is locked" whatever the busy timeout); a writer still locked
out after the timeout gets one message, and nothing of its action is saved."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sqlite3
import threading

import pytest
from sqlalchemy import select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db import database
from pazos_desktop.db.database import check
from pazos_desktop.db.models.register import HistoryEntry, ProgressUpdate
from pazos_desktop.errors import WriteRefused
from pazos_desktop.excel.data import load_partner_sheets
from pazos_desktop.excel.partner.sheets import write_partner_sheet
from pazos_desktop.services import partners
from pazos_desktop.services.report.filters import resolve_partners
from tests import factories as f
from tests import writers_worker
from tests.conftest import SUITE_TODAY
from tests.excel_support import TODAY, db_state, sample_db, sample_template

pytestmark = pytest.mark.sqlite_only  # SQLite's own locking; a server serialises by itself
__all__ = ["sample_db", "sample_template"]
ROUNDS = 20
BUSY = "Otro programa está guardando en la base de datos"


def _sheet(db, folder, who: str, day=TODAY):
    """The partner's sheet as sent, and its open commitments' current figures."""
    with db.session(read_only=True) as s:
        data = load_partner_sheets(s, resolve_partners(s, [who]), on=day)[0]
    path = folder / f"{who}.xlsx"
    write_partner_sheet(data, path)
    rows = {r.id: r.achieved_quantity for r in data.commitments if r.status == "in_progress"}
    return str(path), rows


class Pair:
    """Two spawned processes on one database file; `round(a, b)` starts both tasks at once."""

    def __init__(self, db_path, day):
        ctx = multiprocessing.get_context("spawn")
        # Held here: a semaphore freed in this process before a child opens it is gone.
        self.results, self.barrier = ctx.Queue(), ctx.Barrier(2)
        self.tasks = {name: ctx.Queue() for name in ("ana", "luis")}
        together = (self.results, self.barrier, 0.1)
        self.processes = [
            ctx.Process(
                target=writers_worker.serve,
                args=(name, str(db_path), day.isoformat(), queue, *together),
            )
            for name, queue in self.tasks.items()
        ]
        for p in self.processes:
            p.start()
        self.sent = 0

    def round(self, ana: tuple, luis: tuple) -> None:
        self.tasks["ana"].put(ana)
        self.tasks["luis"].put(luis)
        self.sent += 2

    def collect(self) -> list[tuple]:
        out = [self.results.get(timeout=300) for _ in range(self.sent)]
        self.sent = 0
        return out

    def close(self) -> None:
        for queue in self.tasks.values():
            queue.put(None)
        for p in self.processes:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()


def _imported(db, values: dict) -> int:
    """How many of an import's figures are in the database (each commitment's own)."""
    with db.session(read_only=True) as s:
        query = select(ProgressUpdate.commitment_id, ProgressUpdate.achieved_quantity).where(
            ProgressUpdate.source == "import"
        )
        stored = set(s.execute(query).all())
    return sum((cid, float(v)) in stored for cid, v in values.items())


@pytest.fixture
def two_partners(db):
    """A small register (its backups copy quickly): two partners, four open commitments each."""
    with db.session() as s:
        cluster = f.cluster(s, "Clúster Centro").id
        for name, acronym in (("Fundación SIDOC", "SIDOC"), ("Pastoral Social", "PSP")):
            partner = f.partner(s, name, acronym=acronym).id
            for n in range(4):
                f.commitment(s, partner, [cluster], title=f"Talleres {n} de {acronym}",
                             target_quantity=1000, unit="talleres")  # fmt: skip
    return db


def test_two_programs_write_one_file_at_once(two_partners, tmp_path):
    db = two_partners
    sidoc, sidoc_rows = _sheet(db, tmp_path, "SIDOC", SUITE_TODAY)
    psp, psp_rows = _sheet(db, tmp_path, "PSP", SUITE_TODAY)
    assert len(sidoc_rows) == len(psp_rows) == 4

    def task(sheet, rows, who, n):
        values = {cid: achieved + 1 + n for cid, achieved in rows.items()}
        return ("import", (sheet, str(tmp_path / f"{who}-{n}.xlsx"), values))

    pair = Pair(db.path, SUITE_TODAY)
    try:
        for n in range(ROUNDS):  # two partners' sheets imported at once
            pair.round(task(sidoc, sidoc_rows, "sidoc", n), task(psp, psp_rows, "psp", n))
        for n in range(ROUNDS, 2 * ROUNDS):  # an import beside a backup
            pair.round(task(sidoc, sidoc_rows, "sidoc", n), ("backup", ()))
        for n in range(ROUNDS):  # two saves of different records
            pair.round(("save", (1, f"602 555 {n:04d}")), ("save", (2, f"602 666 {n:04d}")))
        results = pair.collect()
    finally:
        pair.close()

    tracebacks = [r[4] for r in results if r[3] == "traceback"]
    assert tracebacks == [], tracebacks[0] if tracebacks else ""
    # Both wait their turn (each write lasts well under the busy timeout): none is refused.
    refused = [(r[1], r[4]) for r in results if r[3] == "refused"]
    assert refused == [], refused
    assert len(results) == 6 * ROUNDS
    with db.session(read_only=True) as s:
        query = select(HistoryEntry.new_value).where(HistoryEntry.field == "phone")
        phones = set(s.scalars(query))
    for _name, kind, args, outcome, out, lines in results:
        if kind == "import":
            values = args[2]
            applied = (
                outcome == "ok" and out == 0 and any("Importación aplicada" in x for x in lines)
            )
            # Every acknowledged import is there whole; a refused one left nothing.
            assert _imported(db, values) == (len(values) if applied else 0), lines
        elif kind == "backup" and outcome == "ok":
            # Checked by its process when written (write_backup verified it before naming it;
            # the other program's rotation may already have removed it).
            assert out in ("ok", "rotated")
        elif kind == "save" and outcome == "ok":
            assert out in phones
    report = check(db.engine)
    assert report.ok, report


@pytest.mark.skipif(
    bool(os.environ.get("PAZOS_TEST_FAKETIME")),
    reason="under .ci/run's faketime the clock stands still: a thread's join(0.5) never times out",
)
def test_a_read_then_write_session_waits_for_a_commit_in_between(sample_db):
    """The race in one process: a session reads, another program commits, the first writes.
    A deferred transaction was refused at once; one that took the lock first makes the
    other wait and both land."""
    other = database.Database(str(sample_db.path), actor="luis")
    read_done, committed = threading.Event(), []

    def luis():
        read_done.wait(10)
        with other.session() as s:
            data = partners.get_partner(s, 2)
            partners.save_partner(s, dataclasses.replace(data, phone="602 000 0002"))
        committed.append(True)

    thread = threading.Thread(target=luis)
    thread.start()
    try:
        with sample_db.session() as s:
            data = partners.get_partner(s, 1)
            read_done.set()
            thread.join(0.5)  # luis tries to commit in between: he must wait for us
            assert committed == []
            partners.save_partner(s, dataclasses.replace(data, phone="602 000 0001"))
    finally:
        thread.join(20)
        other.dispose()
    assert committed == [True]
    with sample_db.session(read_only=True) as s:
        assert partners.get_partner(s, 1).phone == "602 000 0001"
        assert partners.get_partner(s, 2).phone == "602 000 0002"


@pytest.fixture
def held_lock(sample_db, monkeypatch):
    """Another program holding the write lock for longer than the (shortened) busy timeout."""
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    sample_db.dispose()  # new connections take the short timeout
    holder = sqlite3.connect(sample_db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def test_a_writer_locked_out_gets_one_message_and_saves_nothing(sample_db, held_lock):
    before = db_state(sample_db)
    with pytest.raises(WriteRefused) as err, sample_db.session() as s:
        data = partners.get_partner(s, 1)
        partners.save_partner(s, dataclasses.replace(data, phone="602 111 1111"))
    assert err.value.message == (
        f"{BUSY} {sample_db.path} y no terminó a tiempo; su acción no se guardó. Espere un "
        "momento e intente de nuevo."
    )
    with sample_db.session(read_only=True) as s:  # reading does not wait for the writer
        assert partners.get_partner(s, 1).phone != "602 111 1111"
    assert db_state(sample_db) == before


def test_the_command_line_says_it_without_a_traceback(sample_db, held_lock, tmp_path, capsys):
    sheet, rows = _sheet(sample_db, tmp_path, "SIDOC")
    filled = writers_worker.fill(
        writers_worker.Path(sheet),
        tmp_path / "lleno.xlsx",
        {c: a + 1 for c, a in rows.items()},
        TODAY,
    )
    before = db_state(sample_db)
    code = cli_main(["--db", str(sample_db.path), "import", "progress", str(filled), "--force"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith(f"Error: {BUSY}") and "Traceback" not in err
    assert db_state(sample_db) == before
