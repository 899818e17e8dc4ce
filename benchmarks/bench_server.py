"""Several offices on one PostgreSQL server: is anything lost, duplicated or "unexpected"?

1. CLIENTS processes (one per PC) for SECONDS each, flat out on the Palmira sample: open a
   random commitment and save an edit, or add a progress update to one. Every save carries a
   unique token; afterwards every acknowledged token must be in the database exactly once
   (edits: in the change history; progress: as the update's comment). A ConflictError is the
   refusal a user sees and retries; anything else counts as unexpected.
2. CLIENTS processes creating actas at the same instant: every creation must succeed, the
   numbers unique and consecutive.
3. The 10x data (benchmarks/generate.py) transferred to the server and backed up from it:
   what the daily start-up backup of a server costs.

    .ci/postgres.sh uv run python benchmarks/bench_server.py            # a throw-away server
    uv run python benchmarks/bench_server.py --server postgresql+psycopg://user@host/postgres

The role must be allowed to create databases; the benchmark's are dropped at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from pazos_desktop.db.database import Database  # noqa: E402
from pazos_desktop.db.models.register import Commitment, HistoryEntry, ProgressUpdate  # noqa: E402
from pazos_desktop.errors import ConflictError  # noqa: E402
from pazos_desktop.safety.opening import open_database  # noqa: E402

DAY = dt.date(2026, 6, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("PAZOS_TEST_DB"))
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--actas", type=int, default=20, help="actas per creator")
    parser.add_argument("--no-10x", action="store_true", help="skip the 10x transfer/backup")
    args = parser.parse_args()
    if not args.server:
        parser.error("--server URL (or PAZOS_TEST_DB) of a role that may create databases")
    admin = Admin(args.server)
    try:
        url = admin.create("bench")
        seed(url)
        ok = editors(url, args.clients, args.seconds)
        ok &= acta_creators(url, args.clients, args.actas)
        if not args.no_10x:
            big(admin)
    finally:
        admin.drop_all()
    return 0 if ok else 1


class Admin:
    def __init__(self, url: str):
        self.url = make_url(url)
        self.engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def create(self, name: str) -> str:
        name = f"pazos_{name}_{os.getpid()}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.engine.connect() as conn:
            for name in self.made:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.engine.dispose()


def seed(url: str) -> None:
    from pazos_desktop.sample import build_sample

    db = open_database(url)
    with db.session() as s:
        build_sample(s, DAY)
    db.dispose()


# --- 1. editors and progress reporters --------------------------------------------------------


@dataclasses.dataclass
class Save:
    kind: str  # "edit" | "progress"
    outcome: str  # "ok" | "conflict" | "unexpected: ..."
    seconds: float
    token: str


def client(url: str, number: int, seconds: float, ids: list[int]) -> list[Save]:
    from pazos_desktop.services.commitments.editing import (
        ProgressData,
        add_progress,
        get_commitment,
        save_commitment,
    )

    db = Database(url, actor=f"oficina{number}")
    rng, saves, n = random.Random(number), [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        n += 1
        token, cid = f"c{number}-{n}", rng.choice(ids)
        kind = "edit" if rng.random() < 0.5 else "progress"
        started = time.perf_counter()
        try:
            if kind == "edit":
                with db.session() as s:
                    form = get_commitment(s, cid)
                started = time.perf_counter()  # the save, not the editor's opening
                with db.session() as s:
                    save_commitment(s, dataclasses.replace(form, notes=token))
            else:
                with db.session() as s:
                    data = ProgressData(cid, DAY, achieved_quantity=n, comment=token)
                    add_progress(s, data)
            outcome = "ok"
        except ConflictError:
            outcome = "conflict"
        except Exception as exc:  # what the benchmark is looking for
            outcome = f"unexpected: {type(exc).__name__}: {exc}"
        saves.append(Save(kind, outcome, time.perf_counter() - started, token))
    db.dispose()
    return saves


def editors(url: str, clients: int, seconds: float) -> bool:
    db = Database(url)
    with db.session() as s:
        ids = list(s.scalars(select(Commitment.id)))
    print(f"{clients} clients for {seconds:.0f} s on {len(ids)} commitments (Palmira sample)")
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        jobs = [pool.apply_async(client, (url, i, seconds, ids)) for i in range(clients)]
        saves = [s for job in jobs for s in job.get(timeout=seconds + 300)]
    lost, duplicated = verify(db, saves)
    db.dispose()
    report(saves, seconds, lost, duplicated)
    unexpected = [s for s in saves if s.outcome.startswith("unexpected")]
    return not (lost or duplicated or unexpected)


def verify(db: Database, saves: list[Save]) -> tuple[int, int]:
    """Acknowledged tokens missing from the database, and tokens stored more than once."""
    with db.session() as s:
        progress = list(
            s.scalars(select(ProgressUpdate.comment).where(ProgressUpdate.comment.like("c%-%")))
        )
        edits = list(
            s.scalars(
                select(HistoryEntry.new_value).where(
                    HistoryEntry.field == "notes", HistoryEntry.new_value.like("c%-%")
                )
            )
        )
    stored = {"progress": progress, "edit": edits}
    lost = sum(1 for x in saves if x.outcome == "ok" and x.token not in set(stored[x.kind]))
    duplicated = sum(len(v) - len(set(v)) for v in stored.values())
    return lost, duplicated


def report(saves: list[Save], seconds: float, lost: int, duplicated: int) -> None:
    ok = [s for s in saves if s.outcome == "ok"]
    conflicts = sum(s.outcome == "conflict" for s in saves)
    unexpected = [s for s in saves if s.outcome.startswith("unexpected")]
    print(f"  saves tried {len(saves)}, acknowledged {len(ok)}, conflicts {conflicts}")
    print(f"  lost {lost}, duplicated {duplicated}, unexpected errors {len(unexpected)}")
    for s in unexpected[:5]:
        print("   ", s.outcome)
    print(f"  throughput {len(ok) / seconds:.0f} acknowledged saves/s")
    for kind in ("edit", "progress", None):
        times = sorted(s.seconds * 1000 for s in ok if kind is None or s.kind == kind)
        if times:
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            name = kind or "all"
            print(f"  {name:<8} p50 {statistics.median(times):5.1f} ms   p95 {p95:5.1f} ms")


# --- 2. acta creators -------------------------------------------------------------------------


def creator(url: str, number: int, count: int, start_at: float) -> tuple[list[int], list[str]]:
    from pazos_desktop.services.meetings.data import MeetingData
    from pazos_desktop.services.meetings.editing import create_meeting

    db = Database(url, actor=f"secretaria{number}")
    numbers, refused = [], []
    time.sleep(max(0.0, start_at - time.time()))  # everyone starts at the same instant
    for i in range(count):
        try:
            with db.session() as s:
                data = MeetingData(date=dt.date(2027, 3, 1), objective=f"{number}-{i}")
                numbers.append(create_meeting(s, data).number)
        except Exception as exc:
            refused.append(f"{type(exc).__name__}: {exc}")
    db.dispose()
    return numbers, refused


def acta_creators(url: str, creators: int, per_creator: int) -> bool:
    start_at = time.time() + 5  # after every process has imported the program
    began = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(creators) as pool:
        jobs = [pool.apply_async(creator, (url, i, per_creator, start_at)) for i in range(creators)]
        results = [job.get(timeout=300) for job in jobs]
    elapsed = time.perf_counter() - began - 5
    numbers = sorted(n for r in results for n in r[0])
    refused = [x for r in results for x in r[1]]
    consecutive = numbers == list(range(1, creators * per_creator + 1))
    print(
        f"{creators} acta creators x {per_creator}: {len(numbers)} created, "
        f"{len(refused)} refused, unique and consecutive: {consecutive} ({elapsed:.1f} s)"
    )
    for r in refused[:5]:
        print("   ", r)
    return consecutive and not refused


# --- 3. the 10x data on a server ---------------------------------------------------------------


def big(admin: Admin) -> None:
    from benchmarks.generate import cached_database
    from pazos_desktop.safety.server_backup import write_backup
    from pazos_desktop.safety.transfer import transfer

    source = Database(str(cached_database(10)))
    url = admin.create("bench10x")
    began = time.perf_counter()
    result = transfer(source, url)
    moved = time.perf_counter() - began
    source.dispose()
    db = Database(url)
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        out = write_backup(db, Path(tmp) / "copia.sqlite")
        backed = time.perf_counter() - began
        size = out.stat().st_size / 1e6
    db.dispose()
    print(f"10x data ({result.rows:,} rows): transfer to the server {moved:.1f} s, "
          f"verified backup of the server {backed:.1f} s ({size:.1f} MB file)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
