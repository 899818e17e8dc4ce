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

from pazos_desktop.db.history import render
from pazos_desktop.db.models.register import Base, HistoryEntry
from pazos_desktop.domain import records
from pazos_desktop.domain.fields import Kind
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.errors import ConflictError
from pazos_desktop.i18n import _

MAX_LISTED = 8


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


def field_label(field: str, entity: str | None = None) -> str:
    """A field's label as declared (records/), for the history and conflict messages."""
    return records.field_label(entity, field)


def display_value(field: str, value: str | None, entity: str | None = None) -> str:
    """A stored history value as a person reads it: as its declared field formats it (dates
    dd/mm/aaaa, status names, "$ 1.500.000", "Sí")."""
    if value is None or value == "":
        return _("(vacío)")
    spec = records.declared(entity, field)
    return value if spec is None else format_stored(spec, value)


def format_stored(spec, value: str, lang: str | None = None) -> str:
    """A history text (`history.render`) as its declared field formats the value (in `lang`,
    a document's language; default the program's)."""
    try:
        return spec.format(_stored_value(spec, value), lang) or value
    except ValueError:
        return value


def _stored_value(spec, value: str):
    """The value back from its history text (`history.render`); ValueError when it is not one."""
    read = _FROM_STORED.get(spec.kind)
    return read(value) if read else value


_FROM_STORED = {
    Kind.DATE: dt.date.fromisoformat,
    Kind.MOMENT: dt.datetime.fromisoformat,
    Kind.TIME: dt.time.fromisoformat,
    Kind.QUANTITY: float,
    Kind.MONEY: float,
    Kind.FIGURE: float,
    Kind.COUNT: float,
    Kind.BOOL: lambda text: text == "True",
}


def conflict_error(obj: Base, expected: int, label: str, edited: dict | None) -> ConflictError:
    session = object_session(obj)
    changes = missed_changes(session, obj, expected) if session is not None else []
    lines = [
        _("{field}: {old} → {new} ({who}, {when})").format(
            field=field_label(c.field, obj.__tablename__),
            old=display_value(c.field, c.old, obj.__tablename__),
            new=display_value(c.field, c.new, obj.__tablename__),
            who=c.actor,
            when=format_moment(c.at),
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
