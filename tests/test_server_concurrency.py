"""Many people on one server at once: acta numbers never refused, progress reports on one
commitment all kept, and every true collision the conflict message (never "unexpected")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time

import pytest
from sqlalchemy import func, select, text

from pazos_desktop.db.database import Database
from pazos_desktop.db.models.register import ProgressUpdate
from pazos_desktop.db.numbering import lock_key
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.services.commitments.editing import (
    ProgressData,
    add_progress,
    get_commitment,
    save_commitment,
)
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.partners import PartnerData, save_partner
from tests.meetings_fixtures import sample_db, sample_template  # noqa: F401

pytestmark = pytest.mark.server_only
CREATORS, PER_CREATOR = 10, 8


def _together(workers: int, job) -> tuple[list, list[BaseException]]:
    """Run job(i) in `workers` threads released at the same instant; results and errors."""
    barrier, results, errors = threading.Barrier(workers), [], []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results.append(job(i))
        except BaseException as exc:  # collected: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def test_ten_acta_creators_are_never_refused(db):
    def create(i: int) -> list[int]:
        mine = Database(db.url, actor=f"secretaria{i}")  # one program copy per person
        try:
            numbers = []
            for n in range(PER_CREATOR):
                with mine.session() as s:
                    data = meetings.MeetingData(date=dt.date(2026, 6, 1), objective=f"{i}-{n}")
                    numbers.append(meetings.create_meeting(s, data).number)
            return numbers
        finally:
            mine.dispose()

    results, errors = _together(CREATORS, create)
    assert errors == []
    handed_out = sorted(n for r in results for n in r)
    assert handed_out == list(range(1, CREATORS * PER_CREATOR + 1))


def test_each_body_and_year_is_its_own_series(db):
    with db.session() as s:
        a = meetings.create_meeting(s, meetings.MeetingData(date=dt.date(2026, 1, 5)))
        b = meetings.create_meeting(s, meetings.MeetingData(date=dt.date(2027, 1, 5)))
        c = meetings.create_meeting(
            s, meetings.MeetingData(date=dt.date(2026, 1, 6), series="Mesa de clúster 3")
        )
    assert (a.number, b.number, c.number) == (1, 1, 1)
    keys = {
        lock_key(meetings.acta_series(a.series, 2026)),
        lock_key(meetings.acta_series(a.series, 2027)),
        lock_key(meetings.acta_series(c.series, 2026)),
    }
    assert len(keys) == 3


def test_a_number_typed_twice_is_still_a_field_error(db):
    with db.session() as s:
        meetings.create_meeting(s, meetings.MeetingData(date=dt.date(2026, 2, 1), number=4))
    with pytest.raises(ValidationError, match="ya existe"), db.session() as s:
        meetings.create_meeting(s, meetings.MeetingData(date=dt.date(2026, 2, 2), number=4))


def test_progress_reported_on_one_commitment_at_once_is_all_kept(sample_db):  # noqa: F811
    def report(i: int) -> int:
        with sample_db.session() as s:
            data = ProgressData(commitment_id=3, date=dt.date(2026, 3, 1), achieved_quantity=i)
            # Eight figures in any order go down as often as up: each is confirmed, as a
            # person confirms the doubt in the window (the lock is what is tested here).
            return add_progress(s, data, accept_doubts=True).id

    with sample_db.session() as s:
        before = s.scalar(select(func.count()).where(ProgressUpdate.commitment_id == 3))
    results, errors = _together(8, report)
    assert errors == [] and len(set(results)) == 8
    with sample_db.session() as s:
        after = s.scalar(select(func.count()).where(ProgressUpdate.commitment_id == 3))
        newest = s.scalar(
            select(func.max(ProgressUpdate.id)).where(ProgressUpdate.commitment_id == 3)
        )
        kept = s.get(ProgressUpdate, newest).achieved_quantity
        assert get_commitment(s, 3).achieved_quantity == kept  # saved together with it
    assert after == before + 8


def test_many_saves_of_one_record_at_once_one_wins_the_rest_are_conflicts(sample_db):  # noqa: F811
    with sample_db.session() as s:
        form = get_commitment(s, 4)

    def save(i: int) -> str:
        with sample_db.session() as s:
            save_commitment(s, dataclasses.replace(form, notes=f"versión {i}"))
        return "ok"

    results, errors = _together(8, save)
    assert results == ["ok"]
    assert len(errors) == 7 and all(isinstance(e, ConflictError) for e in errors), errors
    with sample_db.session() as s:
        assert get_commitment(s, 4).version == form.version + 1


def test_the_same_new_name_saved_twice_at_once_is_a_conflict(db):
    def create(_i: int):
        with db.session() as s:
            s.execute(text("SELECT 1"))
            made = save_partner(s, PartnerData(name="Fundación Recién Llegada"))
            time.sleep(0.3)  # both passed the name check before either commits
            return made.id

    results, errors = _together(2, create)
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], PazosError), errors
    assert isinstance(errors[0], ConflictError | ValidationError)


def test_a_deadlock_between_two_saves_is_a_conflict(sample_db):  # noqa: F811
    with sample_db.session() as s:
        forms = [get_commitment(s, 5), get_commitment(s, 6)]

    def save_both(i: int) -> str:
        first, second = forms if i == 0 else forms[::-1]
        with sample_db.session() as s:
            save_commitment(s, dataclasses.replace(first, notes=f"a{i}"))
            time.sleep(0.4)  # each holds one row and then wants the other's
            save_commitment(s, dataclasses.replace(second, notes=f"b{i}"))
        return "ok"

    results, errors = _together(2, save_both)
    assert results == ["ok"]
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), errors
