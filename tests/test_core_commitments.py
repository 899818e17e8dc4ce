"""Commitments, their rules, progress updates, and the overdue status derived from dates."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.domain.vocabulary import OVERDUE, effective_status
from pazos_desktop.errors import ConflictError, ValidationError
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import CommitmentData, ProgressData
from tests import factories as f


@pytest.fixture
def refs(session):
    p = f.partner(session)
    return {
        "partner": p,
        "contact": f.contact(session, p.id),
        "c1": f.cluster(session, "Norte"),
        "c2": f.cluster(session, "Sur"),
    }


def test_create_with_several_clusters(session, refs):
    saved = f.commitment(
        session,
        refs["partner"].id,
        [refs["c1"].id, refs["c2"].id],
        contact_id=refs["contact"].id,
        amount_cop=12_500_000.4,
        target_quantity=40,
    )
    again = commitments.get_commitment(session, saved.id)
    assert sorted(again.cluster_ids) == sorted([refs["c1"].id, refs["c2"].id])
    assert again.amount_cop == 12_500_000
    assert again.target_quantity == 40


def test_all_clusters_needs_no_cluster_list(session, refs):
    saved = f.commitment(session, refs["partner"].id, [], all_clusters=True)
    assert saved.all_clusters and saved.cluster_ids == []


def test_rules_give_one_message_per_field_and_save_nothing(session, refs):
    bad = CommitmentData(
        partner_id=refs["partner"].id,
        component_id=99,
        title="",
        cluster_ids=[],
        target_quantity=-1,
        achieved_quantity="mucho",
        amount_cop=-5,
        start_date=dt.date(2026, 5, 1),
        due_date=dt.date(2026, 4, 1),
        status="lost",
    )
    with pytest.raises(ValidationError) as err:
        commitments.save_commitment(session, bad)
    assert set(err.value.fields) == {
        "component_id",
        "title",
        "cluster_ids",
        "target_quantity",
        "achieved_quantity",
        "amount_cop",
        "due_date",
        "status",
    }
    assert session.scalar(select(func.count()).select_from(Commitment)) == 0


def test_contact_must_belong_to_the_partner(session, refs):
    other = f.partner(session, "Pastoral Social")
    stranger = f.contact(session, other.id, "Otra Persona")
    with pytest.raises(ValidationError) as err:
        f.commitment(session, refs["partner"].id, [refs["c1"].id], contact_id=stranger.id)
    assert "contact_id" in err.value.fields


def test_control_characters_are_refused(session, refs):
    with pytest.raises(ValidationError) as err:
        f.commitment(session, refs["partner"].id, [refs["c1"].id], title="a\x00b")
    assert "caracteres de control" in err.value.fields["title"]


def test_update_changes_clusters_and_bumps_version(session, refs):
    saved = f.commitment(session, refs["partner"].id, [refs["c1"].id])
    saved.cluster_ids = [refs["c2"].id]
    saved.title = "Nuevo título"
    updated = commitments.save_commitment(session, saved)
    assert updated.cluster_ids == [refs["c2"].id]
    assert updated.version == saved.version + 1


def test_stale_editor_is_refused(session, refs):
    saved = f.commitment(session, refs["partner"].id, [refs["c1"].id])
    first = commitments.get_commitment(session, saved.id)
    second = commitments.get_commitment(session, saved.id)
    first.title = "Cambio de la ventana 1"
    commitments.save_commitment(session, first)
    second.title = "Cambio de la ventana 2"
    with pytest.raises(ConflictError):
        commitments.save_commitment(session, second)
    assert commitments.get_commitment(session, saved.id).title == "Cambio de la ventana 1"


def test_overdue_is_derived_from_the_due_date_never_stored(session, refs):
    saved = f.commitment(
        session,
        refs["partner"].id,
        [refs["c1"].id],
        start_date=dt.date(2020, 1, 1),
        due_date=dt.date(2020, 6, 30),
    )
    assert session.get(Commitment, saved.id).status == "in_progress"
    assert saved.effective_status(dt.date(2020, 6, 30)) == "in_progress"
    assert saved.effective_status(dt.date(2020, 7, 1)) == OVERDUE
    assert effective_status("completed", dt.date(2020, 6, 30), dt.date(2026, 1, 1)) == "completed"
    assert effective_status("pipeline", None, dt.date(2026, 1, 1)) == "pipeline"


def test_progress_update_moves_the_commitment(session, refs):
    saved = f.commitment(session, refs["partner"].id, [refs["c1"].id], target_quantity=50)
    first, second = (
        saved.start_date + dt.timedelta(days=5),
        saved.start_date + dt.timedelta(days=40),
    )
    commitments.add_progress(
        session,
        ProgressData(commitment_id=saved.id, date=first, achieved_quantity=20, comment="Marzo"),
    )
    commitments.add_progress(
        session,
        ProgressData(
            commitment_id=saved.id,
            date=second,
            achieved_quantity=50,
            status="completed",
            source="meeting",
            source_ref="Acta No. 003 de 2026",
        ),
    )
    again = commitments.get_commitment(session, saved.id)
    assert (again.achieved_quantity, again.status) == (50, "completed")
    trail = commitments.list_progress(session, saved.id)
    assert [(p.date, p.source) for p in trail] == [(second, "meeting"), (first, "manual")]
    assert trail[0].created_by == "pytest"


def test_progress_update_rules(session, refs):
    saved = f.commitment(session, refs["partner"].id, [refs["c1"].id])
    with pytest.raises(ValidationError) as err:
        commitments.add_progress(
            session,
            ProgressData(
                commitment_id=saved.id, date=None, achieved_quantity=-3, status="x", source="fax"
            ),
        )
    assert set(err.value.fields) == {"date", "achieved_quantity", "status", "source"}
    assert session.scalar(select(func.count()).select_from(ProgressUpdate)) == 0
