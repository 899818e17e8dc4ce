"""A small world with known answers for the report tests, built through the services.

Reference date ON = 15/07/2026, period January–June 2026 (previous: July–December 2025).
The expected figures are worked out by hand in tests/test_report_service.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pazos_desktop.services import partners, territory
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import CommitmentData, ProgressData
from pazos_desktop.services.components import list_components

ON = dt.date(2026, 7, 15)
FROM, TO = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
D = dt.date


@dataclass
class World:
    clusters: dict[str, int]  # "A" Norte, "B" Sur, "C" Ávila
    partners: dict[str, int]  # "P1" Fundación Alfa, "P2" Entidad Beta
    contacts: dict[str, int]
    components: dict[int, int]  # code -> id
    k: dict[int, int]  # commitment number -> id


def build_world(session, p1_name: str = "Fundación Alfa") -> World:
    clusters = {
        key: territory.save_cluster(session, territory.ClusterData(name=name)).id
        for key, name in (("A", "Clúster Norte"), ("B", "Clúster Sur"), ("C", "Clúster Ávila"))
    }
    p1 = partners.save_partner(session, partners.PartnerData(name=p1_name, acronym="FA"))
    p2 = partners.save_partner(session, partners.PartnerData(name="Entidad Beta", acronym="EB"))
    c1 = partners.save_contact(session, partners.ContactData(partner_id=p1.id, name="Ana Uno"))
    c2 = partners.save_contact(session, partners.ContactData(partner_id=p2.id, name="Bruno Dos"))
    world = World(
        clusters=clusters,
        partners={"P1": p1.id, "P2": p2.id},
        contacts={"c1": c1.id, "c2": c2.id},
        components={c.code: c.id for c in list_components(session)},
        k={},
    )
    for number, spec in SPECS.items():
        world.k[number] = _commitment(session, world, number, *spec)
    for number, day, status, achieved in PROGRESS:
        commitments.add_progress(
            session,
            ProgressData(
                commitment_id=world.k[number],
                date=day,
                status=status,
                achieved_quantity=achieved,
            ),
        )
    return world


# number: (partner, component code, clusters or "all", start, due, status, amount)
SPECS = {
    1: ("P1", 1, "A", D(2026, 2, 1), D(2026, 5, 31), "in_progress", 1_000_000),
    2: ("P1", 2, "AB", D(2026, 1, 10), D(2026, 6, 15), "in_progress", 2_000_000),
    3: ("P2", 1, "all", D(2025, 9, 1), D(2026, 8, 1), "suspended", None),
    4: ("P2", 3, "B", D(2025, 8, 1), D(2025, 12, 1), "completed", 4_000_000),
    5: ("P1", 2, "B", D(2026, 3, 1), D(2026, 12, 31), "cancelled", 500_000),
    6: ("P2", 5, "A", D(2026, 7, 1), D(2026, 12, 31), "pipeline", None),
    7: ("P1", 4, "A", D(2026, 4, 1), D(2026, 9, 30), "pipeline", None),
    8: ("P2", 2, "A", D(2025, 11, 1), D(2026, 4, 30), "in_progress", None),
    9: ("P1", 1, "B", D(2026, 1, 15), D(2026, 8, 10), "in_progress", None),
}
# (commitment, date, status, achieved): K2 becomes completed on 20/03/2026.
PROGRESS = [
    (2, D(2026, 3, 20), "completed", 10.0),
    (3, D(2025, 10, 1), None, 5.0),
    (8, D(2026, 4, 1), "in_progress", 3.0),
    (9, D(2026, 7, 10), None, 4.0),
]


def _commitment(session, world: World, number, partner, code, where, start, due, status, amount):
    contact = world.contacts["c1" if partner == "P1" else "c2"]
    data = CommitmentData(
        partner_id=world.partners[partner],
        component_id=world.components[code],
        title=f"Compromiso K{number}",
        cluster_ids=[] if where == "all" else [world.clusters[c] for c in where],
        all_clusters=where == "all",
        contact_id=contact,
        target_quantity=10.0,
        amount_cop=amount,
        start_date=start,
        due_date=due,
        status=status,
    )
    return commitments.save_commitment(session, data).id
