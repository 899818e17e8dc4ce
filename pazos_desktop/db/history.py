"""Automatic history: every create, update, archive and delete of a tracked record.

One session listener writes `history_entry` rows for every flushed change, so no form or
service has to remember to. Who and when: the session's run context (`clock.run_of`).
Why: `session.info["reason"]`, when the action asked the user for one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache

from sqlalchemy import LargeBinary, event, insert, inspect
from sqlalchemy.orm import Session

from pazos_desktop.clock import default_actor, run_of
from pazos_desktop.db.models.meetings import MeetingSnapshot
from pazos_desktop.db.models.register import AppSetting, Base, HistoryEntry

__all__ = ["default_actor", "install", "render"]

# Derived or bookkeeping columns: their changes are noise in a history.
UNTRACKED_FIELDS = {"name_key", "acronym_key", "search_key", "version", "created_at", "updated_at"}
# A closed period's frozen report is a record of what was presented, like an approved acta's
# snapshot: copying it into the history would double it for nothing.
UNTRACKED_FIELDS |= {"frozen_report"}
# A snapshot is itself a record of what was approved (its PDF's hash goes into the meeting's
# history as `approved_pdf_sha256`); copying its content and PDF into the history would double
# the database for nothing.
UNTRACKED_CLASSES = (HistoryEntry, AppSetting, MeetingSnapshot)


def render(value: object) -> str | None:
    """How a value is stored in the history: ISO dates, integers without '.0'."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Base):
        return _label(value)
    return str(value)


def _label(obj: Base) -> str:
    for attr in ("name", "title"):
        if hasattr(obj, attr):
            return str(getattr(obj, attr))
    return str(inspect(obj).identity)


def _tracked(obj: object) -> bool:
    return isinstance(obj, Base) and not isinstance(obj, UNTRACKED_CLASSES)


def _entity(obj: Base) -> tuple[str, int]:
    return obj.__tablename__, inspect(obj).mapper.primary_key_from_instance(obj)[0]


# --- the rows of one record's change: shared by this listener and the bulk imports ----------
# An import writes thousands of rows with executemany instead of the ORM; it builds its history
# rows with these same functions, so a change reads the same in the history whatever its door.

Change = tuple[str, str | None, str | None]  # field, old, new (as `render` writes them)


@cache
def tracked_keys(model) -> tuple[str, ...]:
    """The columns of `model` the history records, in the mapper's order. Bytes (a signed
    acta's increment) are never copied: the record keeps them, the history says it changed."""
    mapper = inspect(model)
    return tuple(
        a.key
        for a in mapper.column_attrs
        if a.key not in UNTRACKED_FIELDS
        and a.key != "id"
        and not isinstance(a.columns[0].type, LargeBinary)
    )


def created(keys: Iterable[str], values: Mapping) -> list[Change]:
    """A new record's fields: every value that is not empty."""
    return [(k, None, render(values[k])) for k in keys if values.get(k) is not None]


def changed(keys: Iterable[str], old: Mapping, new: Mapping) -> list[Change]:
    """The fields whose rendered value differs; keys absent from `new` did not change."""
    out = []
    for key in keys:
        if key in new:
            before, after = render(old.get(key)), render(new[key])
            if before != after:
                out.append((key, before, after))
    return out


def collection(name: str, old: Iterable[str], new: Iterable[str]) -> list[Change]:
    """A link list (a commitment's clusters) as one field of names: empty when unchanged."""
    before, after = _join_names(old), _join_names(new)
    return [] if before == after else [(name, before, after)]


def _join_names(names: Iterable[str]) -> str | None:
    return ", ".join(sorted(names)) or None


def run_base(session: Session) -> dict:
    """Who, when and why, as every row of this session's history carries them."""
    run = run_of(session)
    return {"at": run.utc, "actor": run.who, "reason": session.info.get("reason")}


def entries(base: dict, entity: str, entity_id: int, action: str, changes) -> list[dict]:
    """History rows of one record: a bare row first for a creation, then one per field."""
    rows = [_entry(base, entity, entity_id, action)] if action == "create" else []
    for field, old, new in changes:
        rows.append(_entry(base, entity, entity_id, action, field, old, new))
    return rows


def _entry(base, entity, entity_id, action, field=None, old=None, new=None) -> dict:
    return base | {
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "field": field,
        "old_value": old,
        "new_value": new,
    }


def _column_changes(obj: Base, new: bool) -> list[Change]:
    state = inspect(obj)
    keys = tracked_keys(type(obj))
    if new:
        return created(keys, {k: state.attrs[k].value for k in keys})
    old, now = {}, {}
    for key in keys:
        hist = state.attrs[key].history
        if hist.has_changes():
            old[key] = hist.deleted[0] if hist.deleted else None
            now[key] = hist.added[0] if hist.added else None
    return changed(keys, old, now)


def _collection_changes(obj: Base) -> list[Change]:
    state = inspect(obj)
    out: list[Change] = []
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        if not (hist.added or hist.deleted):
            continue
        old = list(hist.unchanged) + list(hist.deleted)
        new = list(hist.unchanged) + list(hist.added)
        out += collection(rel.key, map(_label, old), map(_label, new))
    return out


# Tables whose `status` column locks the record when it becomes "approved" (meeting minutes):
# the change is labelled "approve", and leaving it "reopen", so the history reads as a register.
APPROVABLE_TABLES = {"meeting"}


def action_for(entity: str, changes: list[Change]) -> str:
    """How an update reads in the history: archive/restore, approve/reopen, else update."""
    for field, old, new in changes:
        if field == "archived":
            return "archive" if new == "True" else "restore"
        if field == "status" and entity in APPROVABLE_TABLES:
            if new == "approved":
                return "approve"
            if old == "approved":
                return "reopen"
    return "update"


def _rows_for(session: Session) -> list[dict]:
    base = run_base(session)
    rows: list[dict] = []
    for obj in filter(_tracked, session.new):
        entity, entity_id = _entity(obj)
        changes = [*_column_changes(obj, True), *_collection_changes(obj)]
        rows += entries(base, entity, entity_id, "create", changes)
    for obj in filter(_tracked, session.dirty):
        entity, entity_id = _entity(obj)
        changes = [*_column_changes(obj, False), *_collection_changes(obj)]
        rows += entries(base, entity, entity_id, action_for(entity, changes), changes)
    for obj in filter(_tracked, session.deleted):
        entity, entity_id = _entity(obj)
        rows.append(_entry(base, entity, entity_id, "delete", None, _label(obj), None))
    return rows


def _after_flush(session: Session, _context) -> None:
    rows = _rows_for(session)
    if rows:
        session.connection().execute(insert(HistoryEntry.__table__), rows)


def _stamp(session: Session, _context, _instances) -> None:
    """Creation and change times from the action's clock, not the column defaults'."""
    moment = run_of(session).utc
    for obj in session.new:
        for column in ("created_at", "updated_at"):
            if hasattr(obj, column) and getattr(obj, column) is None:
                setattr(obj, column, moment)
    for obj in session.dirty:
        if hasattr(obj, "updated_at") and session.is_modified(obj, include_collections=False):
            obj.updated_at = moment


def install(session_factory) -> None:
    """Record history (and stamp times) for every session `session_factory` makes."""
    event.listen(session_factory, "before_flush", _stamp)
    event.listen(session_factory, "after_flush", _after_flush)
