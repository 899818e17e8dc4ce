"""Helpers shared by the services: validation, lookups, optimistic concurrency."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.register import Base
from pazos_desktop.domain.fields import Field, FieldError, Kind, Record
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import NotFoundError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.history.conflicts import conflict_error

M = TypeVar("M", bound=Base)


class Checker:
    """Collects one message per field, then raises them all at once.

    Values are checked by their declared field (`pazos_desktop.domain.fields`): the same parser,
    bounds and messages whatever door the value came through.
    """

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def field(self, spec: Field, value, key: str | None = None):
        """The declared field's `check` of `value`; a refusal is recorded under `key`."""
        try:
            return spec.check(value)
        except FieldError as exc:
            self.fail(key or spec.key, exc.message)
            return None

    def record(self, record: Record, values: Mapping, keys: Iterable[str] | None = None) -> dict:
        """Every (or the named) declared field of `record`, checked on `values`."""
        return record.check(values, self.errors, keys)

    def text(self, key: str, value, label: str, required: bool = False, max_len=None):
        """A text no record declares (a meeting's series, typed once at its creation), by the
        same rule as every declared text: trimmed, control characters refused, bounded."""
        spec = Field(key, label, Kind.TEXT, required=required, max_len=max_len)
        return self.field(spec, value)

    def given(self, record: Record, values: Mapping) -> dict:
        """The declared fields of `record` that `values` holds, its links apart: whether a
        linked record exists, and the message when it does not, are the service's own."""
        keys = [k for k in record.keys() if k in values and not record[k].is_link]
        return self.record(record, values, keys)

    def required(self, field: str, value, label: str):
        if value is None or value == "" or value == []:
            self.fail(field, _("{label}: este campo es obligatorio.").format(label=label))
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def get_or_fail(
    session: Session, model: type[M], obj_id: int | None, label: str, lock: bool = False
) -> M:
    """`lock`: hold the row (SELECT … FOR UPDATE on a server) so a concurrent change of it
    waits for this transaction instead of failing; SQLite's single writer needs nothing."""
    lock = lock and session.get_bind().dialect.name != "sqlite"
    obj = None
    if obj_id is not None:
        obj = session.get(model, obj_id, with_for_update=lock or None, populate_existing=lock)
    if obj is None:
        raise NotFoundError(_("{label} no existe (id {id}).").format(label=label, id=obj_id))
    return obj


def check_version(obj: Base, expected: int | None, label: str, edited: dict | None = None) -> None:
    """Refuse to save over a record someone else changed since the editor read it.

    The refusal lists what the other person changed (from the history); `edited`, the values
    this editor wanted to save, lets the error carry both sides per field.
    """
    if expected is not None and obj.version != expected:
        raise conflict_error(obj, expected, label, edited)


def name_taken(session: Session, model, name: str, own_id: int | None) -> bool:
    """Names compare without case and accents: "Fundacion Sidoc" = "Fundación SIDOC"."""
    query = select(func.count()).select_from(model).where(model.name_key == fold(name))
    if own_id is not None:
        query = query.where(model.id != own_id)
    return session.scalar(query) > 0


def touch(session: Session, obj: Base) -> None:
    """Make the next flush UPDATE the row (and bump its version) though no column changed:
    a change of a link table or of child rows alone would leave a stale editor undetected."""
    obj.updated_at = run_of(session).utc
    flag_modified(obj, "updated_at")  # even when the action's time equals the stored one


def apply_fields(obj: Base, values: dict) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def create_or_update(
    session: Session,
    model: type[M],
    data,
    label: str,
    values: dict,
    new: Mapping | None = None,
    links: Mapping[str, list] | None = None,
) -> M:
    """A new row of `model` when `data.id` is None, else the row `data.id` with `values` once
    `check_version` found it as `data.version` left it; the caller flushes.

    `new`: what only a new row takes (a component's code, a purpose's place in the list).
    `links`: relationship -> rows, set with the fields; a change of links alone is a change
    of the record (its version moves).
    """
    links = links or {}
    if data.id is None:
        obj = model(**values, **(new or {}), **links)
        session.add(obj)
        return obj
    obj = get_or_fail(session, model, data.id, label)
    check_version(obj, data.version, label, values)
    # Compared before the fields change: loading the links later would autoflush a first
    # UPDATE, and one save would bump the version twice.
    changed = {name: rows for name, rows in links.items() if _ids(getattr(obj, name)) != _ids(rows)}
    apply_fields(obj, values)
    for name, rows in changed.items():
        setattr(obj, name, rows)
    if changed:
        touch(session, obj)
    return obj


def _ids(rows) -> set[int]:
    return {r.id for r in rows}
