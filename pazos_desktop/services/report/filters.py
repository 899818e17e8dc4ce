"""Turning what a user typed (ids, codes, names) into the ids a report filter needs."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Cluster, Component, Partner
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import _, get_language


def _unknown(field: str, message: str, value: str) -> ValidationError:
    return ValidationError({field: message.format(value=value)})


def resolve_clusters(session: Session, values: list[str]) -> list[int]:
    """Clusters by id or by name (case and accents ignored)."""
    rows = session.execute(select(Cluster.id, Cluster.name_key)).all()
    by_id = {str(i): i for i, _k in rows}
    by_name = {key: i for i, key in rows}
    return [
        _pick(
            value,
            by_id,
            by_name,
            "cluster",
            _("Clúster desconocido: «{value}» (use su id o su nombre)."),
        )
        for value in values
    ]


def resolve_components(session: Session, values: list[str]) -> list[int]:
    """Components by code (1–5) or by name in Spanish or English."""
    rows = session.execute(
        select(Component.id, Component.code, Component.name_es, Component.name_en)
    )
    by_code, by_name = {}, {}
    for cid, code, name_es, name_en in rows:
        by_code[str(code)] = cid
        by_name[fold(name_es)] = by_name[fold(name_en)] = cid
    return [
        _pick(
            value,
            by_code,
            by_name,
            "component",
            _("Componente desconocido: «{value}» (use su código 1–5 o su nombre)."),
        )
        for value in values
    ]


def resolve_partners(session: Session, values: list[str]) -> list[int]:
    """Partners by id, by name or by acronym (case and accents ignored): the one resolver of
    every door (report filters, partner sheets, imports). A value that names no partner, or
    more than one (the acronym of one and the name of another), is refused."""
    rows = session.execute(select(Partner.id, Partner.name, Partner.acronym)).all()
    return [_one_partner(rows, value) for value in values]


def partner_matches(rows, value: str) -> list:
    """The partners (rows of id, name, acronym) that `value` names."""
    text, key = str(value).strip(), fold(str(value))
    return [r for r in rows if str(r.id) == text or key in (fold(r.name), fold(r.acronym))]


def _one_partner(rows, value: str) -> int:
    found = partner_matches(rows, value)
    if not found:
        raise _unknown(
            "partner",
            _("Entidad desconocida: «{value}» (use su id, su nombre o su sigla)."),
            str(value).strip(),
        )
    if len(found) > 1:
        raise ValidationError({"partner": ambiguous_partner(value, found)})
    return found[0].id


def ambiguous_partner(value: str, rows) -> str:
    listed = "; ".join(
        f"{r.name}" + (f" ({r.acronym})" if r.acronym else "") + f", id {r.id}" for r in rows
    )
    return _("«{value}» corresponde a varias entidades: {partners}. Use su id.").format(
        value=str(value).strip(), partners=listed
    )


def _pick(value: str, by_id: dict, by_name: dict, field: str, message: str) -> int:
    text = str(value).strip()
    found = by_id.get(text, by_name.get(fold(text)))
    if found is None:
        raise _unknown(field, message, text)
    return found


def names_of(
    session: Session, cluster_ids: list[int], component_ids: list[int], partner_ids: list[int]
) -> dict[str, list[str]]:
    """The names of the chosen clusters, components and partners, for the report's cover."""
    name = Component.name_en if get_language() == "en" else Component.name_es
    return {
        "clusters": _names(session, Cluster.name, Cluster.id, cluster_ids),
        "components": _names(session, name, Component.id, component_ids),
        "partners": _names(session, Partner.name, Partner.id, partner_ids),
    }


def _names(session: Session, column, id_column, ids: list[int]) -> list[str]:
    if not ids:
        return []
    found = list(
        session.scalars(select(column).where(id_column.in_(ids)).order_by(func.lower(column)))
    )
    if len(found) != len(set(ids)):
        raise ValidationError(
            {"filter": _("El filtro del informe nombra registros que no existen.")}
        )
    return found
