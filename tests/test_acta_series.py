"""Numbering per series: each body (comité técnico, each mesa) its own consecutive per year,
chosen or typed on the meeting, unique under concurrent creation, found by number and series."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select, text

from pazos_desktop.db.database import downgrade, upgrade
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.services.meetings import editing as meetings
from tests.meetings_fixtures import meeting_data, world  # noqa: F401
from tests.pdf_support import pdf_pages

D = dt.date(2026, 5, 4)


def _new(session, world, type_="technical_committee", **kw):  # noqa: F811
    return meetings.create_meeting(session, meeting_data(world, D, type=type_, **kw))


def test_each_body_numbers_its_own_actas(session, world):  # noqa: F811
    ct1 = _new(session, world)
    mi1 = _new(session, world, "interinstitutional")
    ct2 = _new(session, world)
    mesa = _new(session, world, "cluster", series="Mesa de clúster 3")
    mesa2 = _new(session, world, "cluster", series="Mesa de clúster 3")
    other = _new(session, world, "cluster")
    assert [(m.series, m.number) for m in (ct1, mi1, ct2, mesa, mesa2, other)] == [
        ("technical_committee", 1),
        ("interinstitutional", 1),
        ("technical_committee", 2),
        ("Mesa de clúster 3", 1),
        ("Mesa de clúster 3", 2),
        ("cluster", 1),
    ]
    started = _new(session, world, series="Mesa de clúster 5", number=12)  # a body mid-year
    assert started.number == 12
    assert _new(session, world, series="Mesa de clúster 5").number == 13


def test_found_by_number_and_series(session, world):  # noqa: F811
    ct = _new(session, world)
    mi = _new(session, world, "interinstitutional")
    with pytest.raises(PazosError, match="una por serie: «Comité técnico», «Mesa interinst"):
        meetings.find_meeting(session, 2026, 1)
    assert meetings.find_meeting(session, 2026, 1, "technical_committee").id == ct.id
    assert meetings.find_meeting(session, 2026, 1, "mesa INTERINSTITUCIONAL").id == mi.id
    with pytest.raises(PazosError, match="de la serie «Mesa de clúster 9»"):
        meetings.find_meeting(session, 2026, 1, "Mesa de clúster 9")


def test_series_fixed_once_created_and_numbers_taken(session, world):  # noqa: F811
    made = _new(session, world)
    made.series = "Otra"
    with pytest.raises(ValidationError, match="Serie: no se puede cambiar"):
        meetings.save_meeting(session, made)
    with pytest.raises(ValidationError, match="ya existe en la serie «Comité técnico»"):
        _new(session, world, number=1)


def test_file_name_and_pdf_say_the_series(session, world, tmp_path):  # noqa: F811
    _new(session, world, "cluster", series="Mesa de clúster 3")
    path = export_minutes(session, 2026, 1, tmp_path / "x.pdf", series="Mesa de clúster 3")
    assert "Mesa de clúster 3" in pdf_pages(path)[0]
    from pazos_desktop.domain.meetings import minutes_file_name

    assert minutes_file_name(1, 2026, "Mesa de clúster 3") == "Acta_Mesa_de_cluster_3_001_2026.pdf"
    assert minutes_file_name(7, 2026, "technical_committee") == "Acta_Comite_tecnico_007_2026.pdf"


def test_concurrent_creation_in_two_series(db):
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def run(series: str) -> None:
        try:
            barrier.wait()
            for i in range(5):
                with db.session() as session:
                    data = meetings.MeetingData(date=D, objective=f"{series}-{i}", series=series)
                    meetings.create_meeting(session, data)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in ("A", "A", "B", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.session() as session:
        rows = session.execute(select(Meeting.series, Meeting.number)).all()
    for series in ("A", "B"):
        assert sorted(n for s, n in rows if s == series) == list(range(1, 11))


def test_migration_gives_existing_actas_their_type_as_series(db, session, world):  # noqa: F811
    _new(session, world)
    _new(session, world, "interinstitutional")
    session.commit()
    downgrade(db.engine, "0002")
    with db.engine.begin() as conn:
        numbers = conn.execute(text("SELECT type, number FROM meeting ORDER BY id")).all()
        assert [tuple(r) for r in numbers] == [
            ("technical_committee", 1),
            ("interinstitutional", 1001),
        ]
        conn.execute(text("UPDATE meeting SET number = 2 WHERE number = 1001"))
    upgrade(db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT series, number FROM meeting ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("technical_committee", 1), ("interinstitutional", 2)]
