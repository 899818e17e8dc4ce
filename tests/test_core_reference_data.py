"""Components, clusters, neighbourhoods and programs."""

from __future__ import annotations

import pytest

from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import set_language
from pazos_desktop.services import components, programs, territory
from tests import factories as f


def test_first_migration_seeds_the_five_components(session):
    comps = components.list_components(session)
    assert [c.name_es for c in comps] == [
        "Interrupción",
        "Intervención",
        "Prevención",
        "Entornos seguros",
        "Acceso a la justicia",
    ]
    assert comps[4].name_en == "Access to justice"
    set_language("en")
    assert comps[0].name() == "Interruption"


def test_component_names_are_editable_but_not_deletable_while_used(session):
    comp = components.list_components(session)[2]
    comp.name_es = "Prevención temprana"
    assert components.save_component(session, comp).name_es == "Prevención temprana"
    p = f.partner(session)
    c = f.cluster(session)
    f.commitment(session, p.id, [c.id], component_id=comp.id)
    with pytest.raises(ValidationError):
        comp.name_en = ""
        components.save_component(session, comp)


def test_neighbourhood_belongs_to_at_most_one_cluster(session):
    norte, sur = f.cluster(session, "Norte"), f.cluster(session, "Sur")
    hood = territory.save_neighbourhood(
        session,
        territory.NeighbourhoodData(name="La Ceiba", comuna="Comuna 1", cluster_id=norte.id),
    )
    hood.cluster_id = sur.id
    moved = territory.save_neighbourhood(session, hood)
    assert moved.cluster_name == "Sur"
    clusters = {c.name: c.neighbourhoods for c in territory.list_clusters(session)}
    assert clusters == {"Norte": [], "Sur": ["La Ceiba"]}


def test_duplicate_names_for_clusters_and_neighbourhoods(session):
    f.cluster(session, "Clúster Oriente")
    with pytest.raises(ValidationError):
        f.cluster(session, "CLUSTER ORIENTE")
    territory.save_neighbourhood(session, territory.NeighbourhoodData(name="San Pedro"))
    with pytest.raises(ValidationError):
        territory.save_neighbourhood(session, territory.NeighbourhoodData(name="san pedro"))


def test_programs(session):
    lead = f.partner(session)
    prog = f.program(session, lead_partner_id=lead.id, component_id=2, description="Empleo")
    rows = programs.list_programs(session)
    assert (rows[0].lead_partner_name, rows[0].component_name) == (
        "Fundación SIDOC",
        "Intervención",
    )
    with pytest.raises(ValidationError):
        f.program(session, "forjar oportunidades")
    c = f.cluster(session)
    f.commitment(session, lead.id, [c.id], program_id=prog.id)
