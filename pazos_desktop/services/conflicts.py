"""What changed under a stale editor: the refusal message of optimistic concurrency.

Every UPDATE of a versioned record bumps its `version` once, and the history listener writes
that flush's field changes with one shared timestamp. So the changes a stale editor missed are
the newest `current - expected` groups of the record's history rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..domain import partner_type_label, status_label
from ..errors import ConflictError
from ..history import render
from ..i18n import N_, _
from ..models import Base, HistoryEntry

MAX_LISTED = 8
FIELD_LABELS = {
    "name": N_("Nombre"),
    "title": N_("Compromiso"),
    "status": N_("Estado"),
    "achieved_quantity": N_("Logrado"),
    "target_quantity": N_("Meta"),
    "amount_cop": N_("Valor (COP)"),
    "start_date": N_("Fecha de inicio"),
    "due_date": N_("Fecha límite"),
    "description": N_("Descripción"),
    "notes": N_("Notas"),
    "unit": N_("Unidad"),
    "partner_id": N_("Entidad responsable"),
    "contact_id": N_("Responsable"),
    "component_id": N_("Componente"),
    "program_id": N_("Programa"),
    "clusters": N_("Clústeres"),
    "all_clusters": N_("Todos los clústeres"),
    "acronym": N_("Sigla"),
    "type": N_("Tipo"),
    "email": N_("Correo"),
    "phone": N_("Teléfono"),
    "archived": N_("Archivado"),
}


@dataclass(frozen=True)
class MissedChange:
    field: str
    old: str | None
    new: str | None
    actor: str
    at: dt.datetime


def missed_changes(session: Session, obj: Base, expected: int) -> list[MissedChange]:
    """The field changes made since the editor read version `expected`, oldest first."""
    entity_id = obj.id
    rows = session.scalars(
        select(HistoryEntry)
        .where(
            HistoryEntry.entity == obj.__tablename__,
            HistoryEntry.entity_id == entity_id,
            HistoryEntry.action.in_(("update", "archive", "restore")),
            HistoryEntry.field.is_not(None),
        )
        .order_by(HistoryEntry.id.desc())
    )
    flushes = [list(g) for _at, g in groupby(rows, key=lambda h: (h.at, h.actor))]
    missed = [h for group in flushes[: max(obj.version - expected, 0)] for h in group]
    return [
        MissedChange(h.field, h.old_value, h.new_value, h.actor, h.at) for h in reversed(missed)
    ]


def field_label(field: str) -> str:
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def display_value(field: str, value: str | None) -> str:
    """A stored history value as a person reads it (dates dd/mm/aaaa, status names...)."""
    if value is None or value == "":
        return _("(vacío)")
    if field == "status":
        return status_label(value)
    if field == "type":
        return partner_type_label(value)
    if value in ("True", "False"):
        return _("sí") if value == "True" else _("no")
    try:
        return (
            dt.date.fromisoformat(value).strftime("%d/%m/%Y") if field.endswith("date") else value
        )
    except ValueError:
        return value


def _local(at: dt.datetime) -> dt.datetime:
    """History times are stored in UTC; people read their own clock."""
    return at.replace(tzinfo=dt.UTC).astimezone()


def conflict_error(obj: Base, expected: int, label: str, edited: dict | None) -> ConflictError:
    session = object_session(obj)
    changes = missed_changes(session, obj, expected) if session is not None else []
    lines = [
        _("{field}: {old} → {new} ({who}, {when})").format(
            field=field_label(c.field),
            old=display_value(c.field, c.old),
            new=display_value(c.field, c.new),
            who=c.actor,
            when=_local(c.at).strftime("%d/%m/%Y %H:%M"),
        )
        for c in changes[:MAX_LISTED]
    ]
    message = _(
        "{label} fue modificado por otra persona o ventana mientras usted lo editaba; sus "
        "cambios no se guardaron."
    ).format(label=label)
    if lines:
        message += "\n" + _("Cambió:") + "\n" + "\n".join("• " + line for line in lines)
    message += "\n" + _("Vuelva a abrirlo para ver los datos actuales y repita sus cambios.")
    edited = edited or {}
    ours = {c.field: (c.new, render(edited.get(c.field))) for c in changes}
    return ConflictError(message, changes=ours)
