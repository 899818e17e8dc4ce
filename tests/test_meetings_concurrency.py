"""Acta numbers stay unique when several threads and processes create meetings at once,
each with its own session on one SQLite file."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

from sqlalchemy import select

from pazos_desktop.db.database import Database
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.services.meetings import editing as meetings

PER_WORKER = 6
WORKERS = 4


def _create_many(db: Database, tag: str, start: threading.Barrier | None = None) -> list[int]:
    numbers = []
    if start is not None:
        start.wait()
    for i in range(PER_WORKER):
        with db.session() as session:
            data = meetings.MeetingData(date=dt.date(2026, 6, 1), objective=f"{tag}-{i}")
            numbers.append(meetings.create_meeting(session, data).number)
    return numbers


def _process_worker(path: str, tag: str) -> list[int]:
    db = Database(path, actor=tag)
    try:
        return _create_many(db, tag)
    finally:
        db.dispose()


def _stored_numbers(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(Meeting.number).order_by(Meeting.number)))


def test_threads_get_unique_consecutive_numbers(db):
    barrier = threading.Barrier(WORKERS)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def run(tag: str) -> None:
        try:
            results.append(_create_many(db, tag, barrier))
        except BaseException as exc:  # surfaced below: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"t{i}",)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    handed_out = sorted(n for r in results for n in r)
    assert handed_out == list(range(1, WORKERS * PER_WORKER + 1))
    assert _stored_numbers(db) == handed_out


def test_processes_get_unique_consecutive_numbers(db, db_path):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        futures = [pool.submit(_process_worker, str(db_path), f"p{i}") for i in range(WORKERS)]
        results = [f.result(timeout=120) for f in futures]
    handed_out = sorted(n for r in results for n in r)
    assert handed_out == list(range(1, WORKERS * PER_WORKER + 1))
    assert _stored_numbers(db) == handed_out
