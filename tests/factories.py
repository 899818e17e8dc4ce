"""Small builders of valid records through the real services."""

from __future__ import annotations

import datetime as dt

from pazos_desktop.clock import today_in
from pazos_desktop.services import partners, programs, territory
from pazos_desktop.services.commitments import editing as commitments


def partner(session, name="Fundación SIDOC", **kw) -> partners.PartnerData:
    return partners.save_partner(session, partners.PartnerData(name=name, **kw))


def contact(session, partner_id, name="Ana Gómez", **kw) -> partners.ContactData:
    return partners.save_contact(
        session, partners.ContactData(partner_id=partner_id, name=name, **kw)
    )


def cluster(session, name="Clúster 1") -> territory.ClusterData:
    return territory.save_cluster(session, territory.ClusterData(name=name))


def program(session, name="Forjar Oportunidades", **kw) -> programs.ProgramData:
    return programs.save_program(session, programs.ProgramData(name=name, **kw))


def commitment(
    session, partner_id, cluster_ids, component_id=1, **kw
) -> commitments.CommitmentData:
    today = today_in(session)  # the session's clock: never stale
    due = kw.get("due_date", today + dt.timedelta(days=180))
    values = dict(
        partner_id=partner_id,
        component_id=component_id,
        cluster_ids=list(cluster_ids),
        title="Talleres de convivencia",
        start_date=min(today, due or today) - dt.timedelta(days=60),
        due_date=due,
        status="in_progress",
    )
    values.update(kw)
    return commitments.save_commitment(session, commitments.CommitmentData(**values))
