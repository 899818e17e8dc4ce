"""Helpers shared by the services: validation, lookups, optimistic concurrency."""

from __future__ import annotations

import re
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ..clock import run_of
from ..domain import clean_text, fold
from ..errors import NotFoundError, ValidationError
from ..i18n import _
from ..models import Base

M = TypeVar("M", bound=Base)


class Checker:
    """Collects one message per field, then raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(self, field: str, value: str | None, label: str, required=False, max_len=None):
        cleaned = clean_text(value)
        if cleaned is not None and _has_control_chars(cleaned):
            self.fail(
                field,
                _("{label}: contiene caracteres de control no permitidos.").format(label=label),
            )
        if required and cleaned is None:
            self.fail(field, _("{label}: este campo es obligatorio.").format(label=label))
        if cleaned and max_len and len(cleaned) > max_len:
            self.fail(
                field,
                _("{label}: máximo {n} caracteres.").format(label=label, n=max_len),
            )
        return cleaned

    def non_negative(self, field: str, value, label: str):
        if value is None or value == "":
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(field, _("{label}: debe ser un número.").format(label=label))
            return None
        if number < 0 or number != number:
            self.fail(field, _("{label}: no puede ser negativo.").format(label=label))
            return None
        return number

    def required(self, field: str, value, label: str):
        if value is None or value == "" or value == []:
            self.fail(field, _("{label}: este campo es obligatorio.").format(label=label))
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _has_control_chars(text: str) -> bool:
    return bool(_CONTROL.search(text))


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
        from .conflicts import conflict_error

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
