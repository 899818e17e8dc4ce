"""Reading the change history written by `pazos_desktop.db.history`, as stored (the raw values).

What people read — declared labels, values as the window shows them — is
`readable.py`, the one reader for display.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.i18n import N_, _

ACTION_LABELS = {
    "create": N_("Creación"),
    "update": N_("Modificación"),
    "archive": N_("Archivado"),
    "restore": N_("Restauración"),
    "delete": N_("Eliminación"),
    "reopen": N_("Reapertura"),
    "approve": N_("Aprobación"),
    "suppress": N_("Supresión de datos personales"),
}


@dataclass
class HistoryRow:
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None

    @property
    def action_label(self) -> str:
        return _(ACTION_LABELS.get(self.action, self.action))


def history_for(
    session: Session, entity: str, entity_id: int, limit: int = 500
) -> list[HistoryRow]:
    query = (
        select(HistoryEntry)
        .where(HistoryEntry.entity == entity, HistoryEntry.entity_id == entity_id)
        .order_by(HistoryEntry.at.desc(), HistoryEntry.id.desc())
        .limit(limit)
    )
    return [_row(h) for h in session.scalars(query)]


def recent(session: Session, limit: int = 200) -> list[HistoryRow]:
    query = select(HistoryEntry).order_by(HistoryEntry.id.desc()).limit(limit)
    return [_row(h) for h in session.scalars(query)]


def _row(h: HistoryEntry) -> HistoryRow:
    return HistoryRow(
        at=h.at,
        actor=h.actor,
        entity=h.entity,
        entity_id=h.entity_id,
        action=h.action,
        field=h.field,
        old_value=h.old_value,
        new_value=h.new_value,
        reason=h.reason,
    )
