"""Fixtures of the meeting tests: the sample database (built once, copied per test) and a
small hand-made world for the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pazos_desktop.db.database import Database
from pazos_desktop.services import partners, territory
from pazos_desktop.services.commitments.editing import CommitmentData, save_commitment
from pazos_desktop.services.meetings import editing as meetings
from tests.conftest import SUITE_TODAY, copy_database, database_on, sample_template_for

TODAY = SUITE_TODAY


@pytest.fixture(scope="session")
def sample_template(migrated_template, tmp_path_factory) -> Path:
    return sample_template_for(TODAY, migrated_template, tmp_path_factory)


@pytest.fixture
def sample_db(sample_template, tmp_path) -> Database:
    database = database_on(copy_database(sample_template, tmp_path / "sample.sqlite"), TODAY)
    yield database
    database.dispose()


@pytest.fixture
def world(session) -> dict:
    """Two partners with two contacts each, two clusters, one commitment per partner."""
    made = {"partners": [], "contacts": [], "clusters": [], "commitments": []}
    for name in ("Fundación SIDOC", "Pastoral Social Palmira"):
        p = partners.save_partner(session, partners.PartnerData(name=name, acronym=name[:4]))
        made["partners"].append(p.id)
        for person in ("Ana Gómez", "Luis Muñoz"):
            c = partners.save_contact(
                session,
                partners.ContactData(partner_id=p.id, name=f"{person} {p.id}", position="Enlace"),
            )
            made["contacts"].append(c.id)
    for name in ("Clúster A", "Clúster B"):
        made["clusters"].append(territory.save_cluster(session, territory.ClusterData(name)).id)
    for partner_id in made["partners"]:
        made["commitments"].append(save_commitment(session, commitment(partner_id, made)).id)
    return made


def commitment(partner_id: int, world: dict, title: str = "Talleres de paz", **kw):
    values = dict(
        partner_id=partner_id,
        component_id=3,
        title=title,
        cluster_ids=[world["clusters"][0]],
        status="in_progress",
        # Begun before the meetings of the year, so their follow-ups may report on it.
        start_date=dt.date(TODAY.year, 1, 1),
        due_date=TODAY + dt.timedelta(days=30),
    )
    return CommitmentData(**(values | kw))


def meeting_data(world: dict, day: dt.date | None = None, **kw) -> meetings.MeetingData:
    values = dict(
        # Never after the suite's today: a meeting dated in the future cannot be approved.
        date=day or min(dt.date(TODAY.year, 3, 4), TODAY),
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="Sala de juntas",
        objective="Seguimiento",
        cluster_ids=list(world["clusters"]),
        attendees=[
            meetings.AttendeeData(contact_id=world["contacts"][0]),
            meetings.AttendeeData(contact_id=world["contacts"][2]),
            meetings.AttendeeData(name="Invitada", entity="Personería", is_guest=True),
        ],
        agenda=[meetings.AgendaItemData("Verificación de asistencia", "Hubo quórum.")],
        decisions=[meetings.DecisionData("Se aprueba el plan.")],
    )
    return meetings.MeetingData(**(values | kw))


def first_of_year(database: Database, year: int = TODAY.year):
    """The year's first acta of the sample (number and series: each series numbers its own)."""
    from pazos_desktop.services.meetings.listing import MeetingFilter, list_meetings

    with database.session() as session:
        return list_meetings(session, MeetingFilter(year=year))[-1]
