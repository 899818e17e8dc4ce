"""The one error type the core raises for anything a user can fix."""

from __future__ import annotations

from pazos_desktop.i18n import _


class PazosError(Exception):
    """An error whose message is meant for the user (already translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(PazosError):
    """Bad input: a message per field (field name -> translated message); nothing was changed."""

    def __init__(self, fields: dict[str, str], message: str | None = None):
        self.fields = dict(fields)
        summary = message or "\n".join(self.fields.values())
        super().__init__(summary)


class NotFoundError(PazosError):
    """The record asked for does not exist (any more)."""


class ConflictError(PazosError):
    """Someone else changed the record since it was read; `changes` lists field: (theirs, ours)."""

    def __init__(self, message: str, changes: dict[str, tuple[object, object]] | None = None):
        super().__init__(message)
        self.changes = changes or {}


class DatabaseProblem(PazosError):
    """The database file cannot be used as it is (damaged, newer, unreachable, ...)."""


class WriteRefused(PazosError):
    """The database or the disk refused a write (another program writing, a full disk, a
    read-only file, an I/O error, a rule of the schema): nothing of the action was saved.

    Made once, from the driver's error, by `pazos_desktop/db/refusals.py`."""


class DoubtError(PazosError):
    """The change is allowed but looks wrong (`doubts`, one sentence each); nothing was saved.

    The caller asks a person and, if they confirm, repeats the call accepting the doubts.
    """

    def __init__(self, doubts: list[str]):
        self.doubts = list(doubts)
        lines = "\n".join(f"• {d}" for d in self.doubts)
        super().__init__(_("Revise antes de guardar:") + "\n" + lines)


class Cancelled(PazosError):
    """The user stopped a long operation; whatever it was writing was discarded.

    The one cancel idiom: long work checks its cancel flag and raises this; the window's job
    pipeline (ui/jobs/operations.py) turns it into "cancelled", never into an error dialog."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Operación cancelada: no se guardó nada."))
