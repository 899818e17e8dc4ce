"""The meeting list's filters and a new meeting's pre-filled form."""

from __future__ import annotations

import datetime as dt

from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.meetings.listing import (
    MeetingFilter,
    list_meetings,
    meeting_years,
    new_meeting_template,
)
from tests.meetings_fixtures import commitment, meeting_data, world  # noqa: F401


def test_filters_by_year_type_cluster_partner(session, world):  # noqa: F811
    a = meetings.create_meeting(session, meeting_data(world, dt.date(2025, 11, 5)))
    only_second_partner = [meetings.AttendeeData(contact_id=world["contacts"][3])]
    b = meetings.create_meeting(
        session,
        meeting_data(
            world,
            dt.date(2026, 2, 5),
            type="cluster",
            cluster_ids=[world["clusters"][1]],
            attendees=only_second_partner,
        ),
    )
    fu.add_agreed_commitment(session, b.id, commitment(world["partners"][1], world))

    def ids(**kw):
        return [r.id for r in list_meetings(session, MeetingFilter(**kw))]

    assert ids() == [b.id, a.id]
    assert ids(year=2025) == [a.id]
    assert ids(type="cluster") == [b.id]
    assert ids(cluster_id=world["clusters"][0]) == [a.id]
    assert ids(partner_id=world["partners"][0]) == [a.id]
    assert ids(partner_id=world["partners"][1]) == [b.id, a.id]
    row = list_meetings(session, MeetingFilter(year=2026))[0]
    assert (row.label, row.attendees, row.agreed) == ("Acta No. 001 de 2026", 1, 1)
    assert meeting_years(session) == [2026, 2025]


def test_new_meeting_starts_from_the_previous_one(session, world):  # noqa: F811
    empty = new_meeting_template(session, dt.date(2026, 4, 1))
    assert [a.title for a in empty.agenda][:1] == ["Verificación de asistencia y quórum"]
    assert empty.attendees == []
    data = meeting_data(world, dt.date(2026, 3, 4), next_date=dt.date(2026, 4, 8))
    data.chair_contact_id = world["contacts"][1]
    data.next_place = "Biblioteca"
    meetings.create_meeting(session, data)
    draft = new_meeting_template(session, dt.date(2026, 4, 1))
    assert draft.date == dt.date(2026, 4, 8)
    assert draft.place == "Biblioteca"
    assert draft.chair_name == f"Luis Muñoz {world['partners'][0]}"
    assert [a.name for a in draft.attendees][-1] == "Invitada"
    assert all(a.id is None for a in draft.attendees)
    assert draft.cluster_ids == world["clusters"]
