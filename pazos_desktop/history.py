"""Automatic history: every create, update, archive and delete of a tracked record.

One session listener writes `history_entry` rows for every flushed change, so no form or
service has to remember to. Who and when: the session's run context (`clock.run_of`).
Why: `session.info["reason"]`, when the action asked the user for one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from .clock import default_actor, run_of
from .models import AppSetting, Base, HistoryEntry
from .models_meetings import MeetingSnapshot

__all__ = ["default_actor", "install", "render"]

# Derived or bookkeeping columns: their changes are noise in a history.
UNTRACKED_FIELDS = {"name_key", "search_key", "version", "created_at", "updated_at"}
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


def _column_changes(obj: Base, new: bool) -> Iterable[tuple[str, str | None, str | None]]:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in UNTRACKED_FIELDS or key == "id":
            continue
        hist = state.attrs[key].history
        if new:
            value = state.attrs[key].value
            if value is not None:
                yield key, None, render(value)
        elif hist.has_changes():
            old = render(hist.deleted[0]) if hist.deleted else None
            new_value = render(hist.added[0]) if hist.added else None
            if old != new_value:
                yield key, old, new_value


def _collection_changes(obj: Base) -> Iterable[tuple[str, str | None, str | None]]:
    state = inspect(obj)
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        if not (hist.added or hist.deleted):
            continue
        old = list(hist.unchanged) + list(hist.deleted)
        new = list(hist.unchanged) + list(hist.added)
        yield rel.key, _join(old), _join(new)


def _join(objs: list[Base]) -> str | None:
    return ", ".join(sorted(_label(o) for o in objs)) or None


# Tables whose `status` column locks the record when it becomes "approved" (meeting minutes):
# the change is labelled "approve", and leaving it "reopen", so the history reads as a register.
APPROVABLE_TABLES = {"meeting"}


def _action(obj: Base, changes: list[tuple[str, str | None, str | None]]) -> str:
    for field, old, new in changes:
        if field == "archived":
            return "archive" if new == "True" else "restore"
        if field == "status" and obj.__tablename__ in APPROVABLE_TABLES:
            if new == "approved":
                return "approve"
            if old == "approved":
                return "reopen"
    return "update"


def _rows_for(session: Session) -> list[dict]:
    run = run_of(session)
    base = {"at": run.utc, "actor": run.actor, "reason": session.info.get("reason")}
    rows: list[dict] = []

    def add(obj, action, field=None, old=None, new=None):
        entity, entity_id = _entity(obj)
        rows.append(
            base
            | dict(
                entity=entity,
                entity_id=entity_id,
                action=action,
                field=field,
                old_value=old,
                new_value=new,
            )
        )

    for obj in filter(_tracked, session.new):
        add(obj, "create")
        for field, old, new in [*_column_changes(obj, True), *_collection_changes(obj)]:
            add(obj, "create", field, old, new)
    for obj in filter(_tracked, session.dirty):
        changes = [*_column_changes(obj, False), *_collection_changes(obj)]
        action = _action(obj, changes)
        for field, old, new in changes:
            add(obj, action, field, old, new)
    for obj in filter(_tracked, session.deleted):
        add(obj, "delete", None, _label(obj), None)
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
