"""Crash test: a process writing through the services is killed (SIGKILL) at random moments.

After every kill the database must pass integrity_check and hold every commit the child
acknowledged (it prints ids only after `commit()` returned), with each progress update and
its commitment's new quantity saved together or not at all.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)

# About a SIGKILLed writer and SQLite's journal.
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
KILLS = 20

WRITER = r"""
import datetime as dt, random, sys
from pazos_desktop.db.database import Database
from pazos_desktop.services.commitments.editing import (
    CommitmentData, ProgressData, add_progress, save_commitment)

db = Database(sys.argv[1], actor="crash-test")
rng = random.Random(int(sys.argv[2]))
print("ready", flush=True)
n = 0
while True:
    batch = rng.randint(1, 4)
    with db.session() as s:
        made = [
            save_commitment(s, CommitmentData(
                partner_id=rng.randint(1, 18), component_id=rng.randint(1, 5),
                title=f"Compromiso de prueba {n}-{i}", all_clusters=True,
                description="x" * rng.randint(0, 3000), target_quantity=None))
            for i in range(batch)
        ]
    print("c", *[c.id for c in made], flush=True)
    for c in made:
        n += 1
        with db.session() as s:
            p = add_progress(s, ProgressData(
                commitment_id=c.id, date=dt.date.today(), achieved_quantity=n,
                comment="avance " * rng.randint(0, 200)))
        print("p", p.id, c.id, n, flush=True)
"""


def _run_and_kill(db_path: Path, seed: int, rng: random.Random) -> tuple[set, dict]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    # Wait for a few acknowledgements (a loaded machine may start the writer slowly), then
    # kill at a random moment of the busy writer.
    seen = [child.stdout.readline() for _ in range(rng.randint(1, 6))]
    time.sleep(rng.uniform(0.0, 0.15))
    child.kill()
    child.wait()
    errors = child.stderr.read()
    child.stderr.close()
    assert child.returncode == -9, f"the writer stopped by itself:\n{errors}"
    commitments, progress = set(), {}
    # A line the kill cut short (no newline yet) was never acknowledged: only whole lines count.
    rest = child.stdout.read()
    whole = rest.splitlines()[:-1] if rest and not rest.endswith("\n") else rest.splitlines()
    for line in filter(None, [*seen, *whole]):
        kind, *numbers = line.split()
        if kind == "c":
            commitments.update(int(x) for x in numbers)
        elif kind == "p":
            progress[int(numbers[0])] = (int(numbers[1]), float(numbers[2]))
    child.stdout.close()
    return commitments, progress


def _check(db_path: Path, commitments: set, progress: dict) -> None:
    con = sqlite3.connect(db_path)  # a fresh connection replays or discards the -wal
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {r[0] for r in con.execute("SELECT id FROM commitment")}
        assert commitments <= stored, f"lost commitments {sorted(commitments - stored)[:5]}"
        rows = dict(con.execute("SELECT id, commitment_id FROM progress_update"))
        lost = [p for p in progress if p not in rows]
        assert not lost, f"lost progress updates {lost[:5]}"
        # Atomicity: a commitment carries the quantity of its newest saved progress update.
        torn = con.execute(
            "SELECT c.id FROM commitment c JOIN progress_update p ON p.commitment_id = c.id "
            "WHERE p.id = (SELECT max(id) FROM progress_update WHERE commitment_id = c.id) "
            "AND p.achieved_quantity IS NOT c.achieved_quantity AND c.title LIKE 'Compromiso "
            "de prueba%'"
        ).fetchall()
        assert torn == []
    finally:
        con.close()


def test_killed_writer_loses_no_acknowledged_commit(sample_db):
    rng = random.Random(7)
    acknowledged_c, acknowledged_p = set(), {}
    for round_ in range(KILLS):
        commitments, progress = _run_and_kill(sample_db, round_, rng)
        acknowledged_c |= commitments
        acknowledged_p |= progress
        _check(sample_db, acknowledged_c, acknowledged_p)
    assert len(acknowledged_c) > KILLS  # the child really was writing when killed
