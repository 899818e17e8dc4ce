"""The acta as secretaries tidy it, in the core: approval refused for a meeting still to come
(today from the session's run context), agreed commitments removed, the follow-up pruned and
ordered, drafts kept in the user's data folder."""

from __future__ import annotations

import datetime as dt

import pytest

from pazos_desktop.documents import actas
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.services.commitments.editing import ProgressData, add_progress, get_commitment
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.meetings import tidying as meeting_lists
from pazos_desktop.services.meetings.drafts import Drafts
from tests.conftest import database_on
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401


def test_a_meeting_dated_after_today_cannot_be_approved(session, world):  # noqa: F811
    tomorrow = TODAY + dt.timedelta(days=1)
    made = meetings.create_meeting(session, meeting_data(world, tomorrow))
    with pytest.raises(ValidationError) as err:
        actas.approve_meeting(session, made.id)
    assert set(err.value.fields) == {"date"}
    assert tomorrow.strftime("%d/%m/%Y") in err.value.fields["date"]
    today = meetings.create_meeting(session, meeting_data(world, TODAY))
    assert actas.approve_meeting(session, today.id).approved


def test_today_is_the_sessions_not_the_machines(db_path, session, world):  # noqa: F811
    """The rule reads the run context's today: a database whose clock says it is the meeting's
    day approves it, whatever the real date."""
    later = TODAY + dt.timedelta(days=40)
    made = meetings.create_meeting(session, meeting_data(world, later))
    session.commit()  # let the other database (another clock) write
    other = database_on(db_path, later)
    try:
        with other.session() as s:
            assert actas.approve_meeting(s, made.id).approved
    finally:
        other.dispose()


def test_agreed_commitment_removed_while_draft_unless_followed_up(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    first = fu.add_agreed_commitment(session, made.id, commitment(world["partners"][0], world))
    second = fu.add_agreed_commitment(
        session, made.id, commitment(world["partners"][1], world, "Otro")
    )
    meeting_lists.remove_agreed_commitment(session, made.id, first.id)
    with pytest.raises(PazosError):
        get_commitment(session, first.id)
    add_progress(session, ProgressData(second.id, TODAY, comment="Empezó"))
    with pytest.raises(PazosError, match="ya tiene avances"):
        meeting_lists.remove_agreed_commitment(session, made.id, second.id)
    with pytest.raises(PazosError, match="no fue acordado en esta reunión"):
        meeting_lists.remove_agreed_commitment(session, made.id, world["commitments"][0])


def test_followup_pruned_and_ordered(session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    for commitment_id in world["commitments"]:
        fu.record_followup(session, made.id, fu.FollowupData(commitment_id))
    first, second = world["commitments"]
    fu.record_followup(session, made.id, fu.FollowupData(second, comment="Avanza"))
    rows = meeting_lists.move_followup(session, made.id, second, -1)
    assert [r.commitment_id for r in rows] == [second, first]
    rows = meeting_lists.prune_unreported(session, made.id)
    assert [r.commitment_id for r in rows] == [second]
    assert meeting_lists.drop_followup(session, made.id, second) == []
    actas.approve_meeting(session, made.id)
    with pytest.raises(PazosError, match="aprobada"):
        meeting_lists.prune_unreported(session, made.id)


def test_drafts_are_per_database_and_survive_a_bad_file(tmp_path):
    one, other = Drafts(tmp_path, "/datos/a.sqlite"), Drafts(tmp_path, "/datos/b.sqlite")
    one.save("meeting-3", {"form": {"fields": {"start_time": "25:99"}}})
    assert one.load("meeting-3") == {"form": {"fields": {"start_time": "25:99"}}}
    assert other.load("meeting-3") is None
    one.path("meeting-4").write_text("{roto", encoding="utf-8")
    assert one.load("meeting-4") is None  # never an error: a draft is a convenience
    one.discard("meeting-3")
    assert one.load("meeting-3") is None and not list(one.folder.glob("*.tmp"))
