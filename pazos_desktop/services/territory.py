"""Clusters (clústeres) and neighbourhoods (barrios): where the work is targeted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Cluster, Neighbourhood, commitment_cluster
from pazos_desktop.domain.codes import (
    DEPARTMENT_DIGITS,
    MUNICIPALITY_DIGITS,
    check_divipola,
    normalize_code,
)
from pazos_desktop.domain.records import CLUSTER, NEIGHBOURHOOD
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import _
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
    name_taken,
)
from pazos_desktop.services.settings import get_setting


@dataclass
class ClusterData:
    name: str = ""
    description: str | None = None
    id: int | None = None
    version: int | None = None
    neighbourhoods: list[str] = field(default_factory=list)
    commitments: int = 0


@dataclass
class NeighbourhoodData:
    name: str = ""
    comuna: str | None = None
    cluster_id: int | None = None
    id: int | None = None
    version: int | None = None
    cluster_name: str | None = None
    # DANE DIVIPOLA codes (text); blank: the entity's own (settings, Palmira 76 / 76520).
    department_code: str | None = None
    municipality_code: str | None = None


def _cluster_data(c: Cluster, commitments: int = 0) -> ClusterData:
    return ClusterData(
        name=c.name,
        description=c.description,
        id=c.id,
        version=c.version,
        neighbourhoods=[n.name for n in c.neighbourhoods],
        commitments=commitments,
    )


def list_clusters(session: Session) -> list[ClusterData]:
    counts = dict(
        session.execute(
            select(commitment_cluster.c.cluster_id, func.count()).group_by(
                commitment_cluster.c.cluster_id
            )
        ).all()
    )
    clusters = session.scalars(select(Cluster).order_by(Cluster.name_key))
    return [_cluster_data(c, counts.get(c.id, 0)) for c in clusters]


@dataclass
class ClusterChoice:
    """A cluster as offered in a list (no neighbourhoods, no counts)."""

    id: int
    name: str


def cluster_choices(session: Session) -> list[ClusterChoice]:
    query = select(Cluster.id, Cluster.name).order_by(Cluster.name_key)
    return [ClusterChoice(*row) for row in session.execute(query)]


def check_cluster_values(values, c: Checker) -> dict:
    """A cluster's own rules (no query); the bulk import calls it too."""
    return c.record(CLUSTER, values)


def check_neighbourhood_values(values, c: Checker) -> dict:
    return c.record(NEIGHBOURHOOD, values)


def save_cluster(session: Session, data: ClusterData) -> ClusterData:
    c = Checker()
    values = check_cluster_values(vars(data), c)
    name = values["name"]
    if name and name_taken(session, Cluster, name, data.id):
        c.fail("name", _("Nombre: ya existe un clúster llamado «{name}».").format(name=name))
    c.raise_if_any()
    values["name_key"] = fold(name)
    cluster = create_or_update(session, Cluster, data, _("El clúster"), values)
    session.flush()
    return _cluster_data(cluster)


def _hood_data(n: Neighbourhood) -> NeighbourhoodData:
    return NeighbourhoodData(
        name=n.name,
        comuna=n.comuna,
        cluster_id=n.cluster_id,
        id=n.id,
        version=n.version,
        cluster_name=n.cluster.name if n.cluster else None,
        department_code=n.department_code,
        municipality_code=n.municipality_code,
    )


def list_neighbourhoods(session: Session, cluster_id: int | None = None) -> list[NeighbourhoodData]:
    query = select(Neighbourhood).order_by(Neighbourhood.name_key)
    if cluster_id is not None:
        query = query.where(Neighbourhood.cluster_id == cluster_id)
    return [_hood_data(n) for n in session.scalars(query)]


def save_neighbourhood(session: Session, data: NeighbourhoodData) -> NeighbourhoodData:
    c = Checker()
    values = check_neighbourhood_values(vars(data), c)
    name = values["name"]
    if name and name_taken(session, Neighbourhood, name, data.id):
        c.fail("name", _("Nombre: ya existe un barrio llamado «{name}».").format(name=name))
    if data.cluster_id is not None and session.get(Cluster, data.cluster_id) is None:
        c.fail("cluster_id", _("Clúster: no existe."))
    codes = divipola_codes(session, values, c)
    c.raise_if_any()
    values["name_key"] = fold(name)
    values |= codes
    hood = create_or_update(session, Neighbourhood, data, _("El barrio"), values)
    session.flush()
    session.refresh(hood)
    return _hood_data(hood)


def divipola_codes(session: Session, given: Mapping, c: Checker) -> dict:
    """The DANE codes, text with their leading zeros; blank ones are the entity's own
    (Configuración), so a re-imported sheet with blank cells changes nothing."""
    values = {}
    for key, digits, label, setting in (
        ("department_code", DEPARTMENT_DIGITS, _("Código del departamento"), "divipola_department"),
        (
            "municipality_code",
            MUNICIPALITY_DIGITS,
            _("Código del municipio"),
            "divipola_municipality",
        ),
    ):
        try:
            values[key] = normalize_code(given.get(key), digits) or get_setting(session, setting)
        except ValueError as exc:
            c.fail(key, f"{label}: {exc}")
    for key, message in check_divipola(
        values.get("department_code"), values.get("municipality_code")
    ).items():
        c.fail(key, message)
    return values
