"""The reporting cycle at 10x Palmira's scale: 200 partners, 20,000 commitments and 12 monthly
periods of reports in every state (2,400 reports), on the generated 10x register.

Measured, each against the bare sqlite3 driver in the same run:
- the *Reportes de los aliados* view's grid (`states.grid`: partners x periods, states derived
  from the due dates) and the Panel's tile (`states.tile`); baseline: every statement they send
  to the database (captured from the engine), run and fetched with sqlite3. Target: 2x.
- adding a 20 MB evidence file (`evidence.add_evidence`, committed): read, checked, hashed and
  stored a chunk at a time; baseline: the same file read whole and written with one bare
  `INSERT` of its bytes, committed. Target: 1.5x. And the most memory Python held meanwhile
  (tracemalloc's peak): at most two copies of the file (it holds about one chunk of 1 MiB).

`uv run python benchmarks/bench_reporting.py [--rounds 5]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.bench_indicators import measure  # noqa: E402
from benchmarks.generate import CACHE, cached_database  # noqa: E402
from pazos_desktop.clock import clock_on  # noqa: E402
from pazos_desktop.db.database import Database, head_revision  # noqa: E402
from pazos_desktop.db.models.register import Partner, ProgressUpdate, utcnow  # noqa: E402
from pazos_desktop.db.models.reporting import PartnerReport  # noqa: E402
from pazos_desktop.domain.reporting import recent_periods  # noqa: E402

TARGET, FILE_TARGET = 2.0, 1.5
PERIODS = 12
FILE_BYTES = 20 * 1024 * 1024
STATES = ["sent", "received", "accepted", "returned"]
WEIGHTS = [2, 2, 6, 1]


def build(path: Path, today: dt.date, seed: int = 11) -> Path:
    """The 10x register plus 12 months of reports (kept in benchmarks/_data)."""
    if path.exists():
        return path
    shutil.copy(cached_database(scale=10), path)
    rng = random.Random(seed)
    db = Database(str(path))
    now = utcnow()
    with db.engine.begin() as conn:
        partners = [r[0] for r in conn.execute(select(Partner.id))]
        rows = []
        for age, period in enumerate(recent_periods("monthly", today, PERIODS)):
            for partner in partners:
                if age == 0 or rng.random() < 0.1:
                    continue  # the month in course, and reports that never came: pending
                state = rng.choices(STATES, WEIGHTS)[0]
                rows.append(
                    {
                        "period_code": period.code,
                        "period_start": period.start,
                        "period_end": period.end,
                        "partner_id": partner,
                        "state": state,
                        "sent_at": now,
                        "sent_to": f"enlace{partner}@example.org",
                        "received_at": None if state == "sent" else now,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        conn.execute(insert(PartnerReport), rows)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    return path


def bench_grid_and_tile(db: Database, path: Path, today: dt.date, rounds: int) -> None:
    from pazos_desktop.services.reporting import states

    print(f"{'work':<44}{'ours (s)':>10}{'raw (s)':>10}{'ratio':>8}{'target':>8}  statements/rows")
    for label, work in (
        ("Reportes de los aliados: grid", lambda s: states.grid(s, today)),
        ("Panel tile", lambda s: states.tile(s, today)),
    ):
        mine, base, count, rows = measure(db, path, work, rounds)
        print(
            f"{label:<44}{mine:>10.3f}{base:>10.3f}{mine / base:>8.2f}{TARGET:>7.1f}x"
            f"  {count}/{rows:,}"
        )


def bench_evidence(db: Database, path: Path, rounds: int) -> None:
    from pazos_desktop.services.reporting import evidence

    big = CACHE / "evidencia_20MB.pdf"
    if not big.exists() or big.stat().st_size != FILE_BYTES:
        big.write_bytes(b"%PDF-1.4\n" + os.urandom(FILE_BYTES - 9))
    with db.session() as s:
        update_id = s.scalar(select(ProgressUpdate.id).order_by(ProgressUpdate.date.desc()))
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS bare_blob (id INTEGER PRIMARY KEY, data BLOB)")
    con.commit()
    ours_times, bare_times, ours_peak, bare_peak = [], [], 0, 0
    for _round in range(rounds):  # alternated: a busy machine slows one run, not one side
        tracemalloc.start()
        start = time.perf_counter()
        with db.session() as s:
            evidence.add_evidence(s, update_id, big, "Lista de asistencia (generada)", True)
        ours_times.append(time.perf_counter() - start)
        ours_peak = max(ours_peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        tracemalloc.start()
        start = time.perf_counter()
        data = big.read_bytes()
        con.execute("INSERT INTO bare_blob (data) VALUES (?)", (data,))
        con.commit()
        bare_times.append(time.perf_counter() - start)
        bare_peak = max(bare_peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        del data
    con.close()
    mine, base = min(ours_times), min(bare_times)
    print(
        f"{'add a 20 MB evidence file':<44}{mine:>10.3f}{base:>10.3f}{mine / base:>8.2f}"
        f"{FILE_TARGET:>7.1f}x"
    )
    mb = 1024 * 1024
    print(
        f"{'  memory held (tracemalloc peak)':<44}{ours_peak / mb:>8.1f}MB{bare_peak / mb:>8.1f}MB"
        f"   (limit: two copies, {2 * FILE_BYTES / mb:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    today = dt.date.today()
    CACHE.mkdir(exist_ok=True)
    path = build(CACHE / f"reporting10_{today:%Y%m%d}_{head_revision()}.sqlite", today)
    db = Database(str(path), clock=clock_on(today))
    with db.session() as s:
        reports = s.query(PartnerReport).count()
    print(f"10x register, {PERIODS} monthly periods: {reports:,} partner reports")
    bench_grid_and_tile(db, path, today, args.rounds)
    scratch = path.with_name(path.stem + "_evidence.sqlite")
    shutil.copy(path, scratch)
    evidence_db = Database(str(scratch), clock=clock_on(today))
    bench_evidence(evidence_db, scratch, args.rounds)
    evidence_db.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    db.dispose()


if __name__ == "__main__":
    main()
