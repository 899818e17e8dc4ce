"""Core queries added for the window: cheap choice lists, partner counts by GROUP BY."""

from __future__ import annotations

import datetime as dt

from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.services import components, partners, territory
from pazos_desktop.services.commitments.editing import CommitmentData, save_commitment
from pazos_desktop.services.partners import ContactData, PartnerData


def _setup(session):
    a = partners.save_partner(session, PartnerData(name="Beta", acronym="B"))
    b = partners.save_partner(session, PartnerData(name="Álfa"))
    c = partners.save_partner(session, PartnerData(name="Gamma", archived=True))
    partners.save_contact(session, ContactData(partner_id=a.id, name="Ana"))
    partners.save_contact(session, ContactData(partner_id=a.id, name="Luis"))
    north = territory.save_cluster(session, territory.ClusterData(name="Norte"))
    territory.save_cluster(session, territory.ClusterData(name="Centro"))
    component = components.list_components(session)[0]
    on = dt.date(2026, 6, 1)
    for status, due in (
        (Status.IN_PROGRESS, dt.date(2026, 1, 1)),  # overdue on `on`
        (Status.PIPELINE, dt.date(2026, 5, 31)),  # overdue
        (Status.COMPLETED, dt.date(2026, 1, 1)),  # done: not overdue
        (Status.IN_PROGRESS, dt.date(2026, 12, 1)),  # not yet due
    ):
        save_commitment(
            session,
            CommitmentData(
                partner_id=a.id,
                component_id=component.id,
                title="x",
                cluster_ids=[north.id],
                status=status.value,
                due_date=due,
            ),
        )
    return a, b, c, on


def test_partner_counts_and_filters(session):
    a, b, _c, on = _setup(session)
    rows = partners.list_partners(session, on=on)
    assert [r.name for r in rows] == ["Álfa", "Beta"]  # accents folded for the order
    beta = rows[1]
    assert (beta.contacts, beta.commitments, beta.overdue) == (2, 4, 2)
    assert (rows[0].contacts, rows[0].commitments, rows[0].overdue) == (0, 0, 0)
    assert [r.name for r in partners.list_partners(session, include_archived=True)] == [
        "Álfa",
        "Beta",
        "Gamma",
    ]
    assert [r.id for r in partners.list_partners(session, text="BETA")] == [a.id]


def test_choice_lists(session):
    a, b, c, _on = _setup(session)
    choices = partners.partner_choices(session)
    assert [(p.name, p.archived) for p in choices] == [
        ("Álfa", False),
        ("Beta", False),
        ("Gamma", True),
    ]
    assert choices[1].acronym == "B"
    assert [p.id for p in partners.partner_choices(session, include_archived=False)] == [
        b.id,
        a.id,
    ]
    assert [c.name for c in territory.cluster_choices(session)] == ["Centro", "Norte"]
