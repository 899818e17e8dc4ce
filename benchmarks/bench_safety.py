"""Data-safety costs at 10x scale, against the bare sqlite3 calls doing the same work.

- backup: `backup.write_backup` (backup API + integrity_check + rename) vs bare
  `sqlite3.Connection.backup` + `PRAGMA integrity_check`.
- start-up checks: `startup.prepare_database` on an up-to-date database with today's backup
  already taken (location, folder, quick_check, ownership, revision, open) vs bare
  `PRAGMA quick_check` and opening a connection.

`uv run python benchmarks/bench_safety.py` — targets: backup within 1.5x of bare, start-up
checks under 500 ms.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import cached_database  # noqa: E402
from pazos_desktop.safety import backup  # noqa: E402
from pazos_desktop.safety.startup import prepare_database  # noqa: E402

RUNS = 7


def median_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_backup(db: Path, out: Path) -> None:
    src, dst = sqlite3.connect(db), sqlite3.connect(out)
    src.backup(dst)
    dst.execute("PRAGMA integrity_check").fetchall()
    src.close()
    dst.close()
    out.unlink()


def ours_backup(db: Path, out: Path) -> None:
    backup.write_backup(db, out)
    out.unlink()


def bare_open(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("PRAGMA quick_check").fetchall()
    con.execute("SELECT count(*) FROM commitment").fetchone()
    con.close()


def ours_open(db: Path) -> None:
    opened = prepare_database(str(db))
    with opened.session() as s:
        s.execute(backup_sql()).scalar()
    opened.dispose()


def backup_sql():
    from sqlalchemy import text

    return text("SELECT count(*) FROM commitment")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pazos.sqlite"
        shutil.copyfile(cached_database(scale=10), db)
        backup.daily(db, dt.datetime.now())  # today's backup exists: start-up skips it
        size = db.stat().st_size / 1e6
        rows = [
            (
                "backup (verified)",
                median_ms(lambda: ours_backup(db, Path(tmp) / "a.sqlite")),
                median_ms(lambda: bare_backup(db, Path(tmp) / "b.sqlite")),
                "≤ 1.5x",
            ),
            (
                "start-up checks + open",
                median_ms(lambda: ours_open(db)),
                median_ms(lambda: bare_open(db)),
                "< 500 ms",
            ),
        ]
    print(f"database: {size:.1f} MB at 10x scale, median of {RUNS} runs")
    print(f"{'operation':<26}{'ours ms':>10}{'bare ms':>10}{'ratio':>8}  target")
    for name, ours, bare, target in rows:
        print(f"{name:<26}{ours:>10.1f}{bare:>10.1f}{ours / bare:>8.2f}  {target}")


if __name__ == "__main__":
    main()
