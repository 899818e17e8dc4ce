"""The automatic history: every create, update, archive and delete, with who and why."""

from __future__ import annotations

from pazos_desktop.db.models.register import Partner
from pazos_desktop.services import partners
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.history.stored import history_for
from tests import factories as f


def _fields(rows, action):
    return {r.field: (r.old_value, r.new_value) for r in rows if r.action == action and r.field}


def test_create_update_archive_delete_are_recorded(db):
    with db.session() as s:
        p = f.partner(s, "Pastoral Social", acronym="PS")
    with db.session(reason="Corrección del nombre") as s:
        p = partners.get_partner(s, p.id)
        p.name, p.acronym = "Pastoral Social Palmira", None
        partners.save_partner(s, p)
    with db.session() as s:
        partners.set_archived(s, p.id, True)
    with db.session() as s:
        s.delete(s.get(Partner, p.id))  # no door deletes a partner: the history still would
        s.flush()
        rows = history_for(s, "partner", p.id)
    actions = [r.action for r in rows]
    assert actions.count("delete") == 1 and "archive" in actions and "update" in actions
    assert _fields(rows, "update") == {
        "name": ("Pastoral Social", "Pastoral Social Palmira"),
        "acronym": ("PS", None),
    }
    update = next(r for r in rows if r.action == "update")
    assert (update.actor, update.reason) == ("pytest", "Corrección del nombre")
    assert _fields(rows, "archive") == {"archived": ("False", "True")}
    assert _fields(rows, "create")["name"] == (None, "Pastoral Social")


def test_cluster_changes_and_progress_are_in_the_history(db):
    with db.session() as s:
        p = f.partner(s)
        a, b = f.cluster(s, "Norte"), f.cluster(s, "Sur")
        c = f.commitment(s, p.id, [a.id])
    with db.session() as s:
        c = commitments.get_commitment(s, c.id)
        c.cluster_ids = [a.id, b.id]
        commitments.save_commitment(s, c)
        rows = history_for(s, "commitment", c.id)
    assert _fields(rows, "update") == {"clusters": ("Norte", "Norte, Sur")}
    assert _fields(rows, "create")["clusters"] == (None, "Norte")


def test_nothing_is_recorded_for_a_save_without_changes(db):
    with db.session() as s:
        p = f.partner(s)
    with db.session() as s:
        partners.save_partner(s, partners.get_partner(s, p.id))
        rows = history_for(s, "partner", p.id)
    assert {r.action for r in rows} == {"create"}


def test_a_failed_action_leaves_no_history(db):
    import pytest

    from pazos_desktop.errors import ValidationError

    with pytest.raises(ValidationError), db.session() as s:
        f.partner(s, "Válida")
        f.partner(s, "", email="x")
    with db.session() as s:
        from sqlalchemy import func, select

        from pazos_desktop.db.models.register import HistoryEntry, Partner

        assert s.scalar(select(func.count()).select_from(HistoryEntry)) == 0
        assert s.scalar(select(func.count()).select_from(Partner)) == 0
