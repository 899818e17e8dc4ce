"""A second copy of the program, as a real process (multiprocessing, spawn): it opens the same
SQLite file and runs what it is sent — a returned-sheet import as the command line runs it, a
backup, a partner's save — starting each round at the same moment as the other process.

Imported by the spawned processes of tests/test_concurrent_writers.py, so it imports nothing
of the test suite's conftest (which would set up a scratch data folder of its own).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import time
import traceback
from pathlib import Path

from openpyxl import load_workbook

from pazos_desktop.cli.context import Context
from pazos_desktop.cli.excel import cmd_progress
from pazos_desktop.clock import RunContext, clock_on
from pazos_desktop.db.database import Database
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.partner.sheets import KEYS
from pazos_desktop.safety import backup
from pazos_desktop.services import partners

NEW, DATE = KEYS.index("new_achieved"), KEYS.index("progress_date")


def fill(sheet: Path, out: Path, values: dict[int, float], day: dt.date) -> Path:
    """The partner's cells of `sheet` typed: {commitment id: new cumulative figure}."""
    wb = load_workbook(sheet)
    for row in wb["Compromisos"].iter_rows(min_row=4):
        if row[0].value in values:
            row[NEW].value = values[row[0].value]
            row[DATE].value = dt.datetime.combine(day, dt.time())
    wb.save(out)
    return out


def import_sheet(db: Database, day: dt.date, sheet: str, out: str, values: dict, lines: list):
    """`import progress FILE --force` as the command line runs it (backup first)."""
    path = fill(Path(sheet), Path(out), values, day)
    run = RunContext.start(clock_on(day), db.actor, "es")
    ctx = Context(db_target=str(db.path), lang="es", out=lines.append, run=run, _db=db)
    args = argparse.Namespace(
        files=[str(path)], partner=None, dry_run=False, force=True, period=None
    )
    return cmd_progress(args, ctx)


def take_backup(db: Database, day: dt.date) -> str:
    """A backup beside the other program's writes, checked as soon as it is written (the
    rotation may delete it before the test ends)."""
    made = backup.before(db, "manual")
    if not made.exists():  # the other program's rotation kept the ten newest, all this second
        return "rotated"
    report = backup.inspect_file(made)
    return "ok" if report.ok else f"damaged: {made} {report}"


def save_phone(db: Database, day: dt.date, partner_id: int, phone: str) -> str:
    """Read then write in one session: the shape that met "database is locked"."""
    with db.session() as s:
        data = partners.get_partner(s, partner_id)
        partners.save_partner(s, dataclasses.replace(data, phone=phone))
    return phone


ACTIONS = {"import": import_sheet, "backup": take_backup, "save": save_phone}


def serve(name: str, db_path: str, day_iso: str, tasks, results, barrier, jitter: float) -> None:
    day = dt.date.fromisoformat(day_iso)
    db = Database(db_path, actor=name, clock=clock_on(day))
    shaker = random.Random(name)
    try:
        while (task := tasks.get()) is not None:
            kind, args = task
            lines: list[str] = []
            extra = (lines,) if kind == "import" else ()
            barrier.wait(timeout=120)  # both programs start this round together
            time.sleep(shaker.uniform(0, jitter))  # up to 0.1 s apart, as users are
            try:
                out = ACTIONS[kind](db, day, *args, *extra)
                results.put((name, kind, args, "ok", out, lines))
            except PazosError as exc:  # what the window and the command line show
                results.put((name, kind, args, "refused", exc.message, lines))
            except BaseException:  # a traceback: what must never happen
                results.put((name, kind, args, "traceback", traceback.format_exc(), lines))
    finally:
        db.dispose()
