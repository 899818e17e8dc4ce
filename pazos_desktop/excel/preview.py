"""What an import would do, shown before anything changes: changes (old -> new), conflicts
for the user to decide, and problems with file, sheet, row and column.

`apply` functions take a Preview and the set of conflict keys the user chose to accept; a
preview with problems is never applied (all or nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _


@dataclass
class Problem:
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(_("hoja «{sheet}»").format(sheet=self.sheet))
        if self.row:
            parts.append(_("fila {row}").format(row=self.row))
        if self.column:
            parts.append(_("columna «{column}»").format(column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        # "…, columna «Meta»: Meta: no puede ser negativo." says the label once.
        message = self.message
        if self.column and message.startswith(f"{self.column}: "):
            message = message[len(self.column) + 2 :]
        return f"{self.where()}: {message}"


@dataclass
class FieldChange:
    field: str  # the column's label, as the user knows it
    old: str
    new: str


@dataclass
class Change:
    key: str  # unique within a preview, e.g. "commitment:12"
    file: str
    sheet: str
    row: int | None
    entity: str
    entity_id: int | None
    label: str
    action: str  # "create", "update" or "progress"
    fields: list[FieldChange] = field(default_factory=list)
    db_version: int | None = None
    payload: object = field(default=None, repr=False)


@dataclass
class Conflict:
    key: str
    file: str
    sheet: str | None
    row: int | None
    label: str
    reason: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class Preview:
    kind: str  # "progress" or "bulk"
    files: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    # Returned sheets of a reporting period (excel/partner/cycle.Reception): recorded as the
    # partner's report when applied, even when no row changes anything.
    receptions: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, file, sheet, row, column, message) -> None:
        self.problems.append(Problem(file, sheet, row, column, message))

    def has_work(self, accept: set[str] | None = None, accept_all: bool = False) -> bool:
        """Something to apply: a change, or a returned sheet to record as received."""
        chosen = accept or set()
        left = {k.file for k in self.conflicts if not (accept_all or k.key in chosen)}
        return bool(self.to_apply(accept, accept_all)) or any(
            (r.conflict is None or accept_all or r.conflict in chosen) and r.file not in left
            for r in self.receptions
        )

    def to_apply(self, accept: set[str] | None = None, accept_all: bool = False) -> list[Change]:
        """The changes, plus those of the conflicts the user accepted."""
        chosen = list(self.changes)
        for conflict in self.conflicts:
            if accept_all or conflict.key in (accept or set()):
                chosen.extend(conflict.changes)
        return chosen


@dataclass
class ApplyResult:
    created: int = 0
    updated: int = 0
    progress: int = 0
    skipped_conflicts: int = 0
    evidence: int = 0  # evidence files kept (a returned sheet's *Evidencia* column)
    receptions: int = 0  # returned sheets recorded as their partner's report

    @property
    def total(self) -> int:
        return self.created + self.updated + self.progress


def refuse_problems(preview: Preview) -> None:
    if preview.problems:
        raise PazosError(
            _(
                "La importación tiene {n} problemas y no se aplicó nada: corríjalos en el archivo "
                "y vuelva a importarlo."
            ).format(n=len(preview.problems))
        )


def show(value) -> str:
    """A value as users read it in a preview."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Sí") if value else _("No")
    if isinstance(value, int | float):
        return format_quantity(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def format_preview(preview: Preview, limit: int | None = 200) -> list[str]:
    """The preview as lines of text (the command line prints these)."""
    lines = [
        _(
            "Cambios: {changes}; conflictos: {conflicts}; problemas: {problems}; sin cambios: {same}."
        ).format(
            changes=len(preview.changes),
            conflicts=len(preview.conflicts),
            problems=len(preview.problems),
            same=preview.unchanged,
        )
    ]
    lines += preview.notes
    for title, items, render in (
        (_("Problemas (nada se aplicará hasta corregirlos):"), preview.problems, str),
        (_("Conflictos (se omiten salvo que los acepte):"), preview.conflicts, _conflict_line),
        (_("Cambios:"), preview.changes, _change_line),
    ):
        if items:
            lines.append(title)
            lines += ["  " + render(item) for item in items[:limit]]
            if limit is not None and len(items) > limit:
                lines.append("  " + _("… y {n} más.").format(n=len(items) - limit))
    return lines


def _change_line(change: Change) -> str:
    fields = "; ".join(f"{f.field}: {f.old} → {f.new}" for f in change.fields)
    where = _("fila {row}").format(row=change.row) if change.row else ""
    return f"[{change.sheet} {where}] {change.label}: {fields}"


def _conflict_line(conflict: Conflict) -> str:
    where = _("fila {row}").format(row=conflict.row) if conflict.row else ""
    return f"[{conflict.key}] {conflict.file} {where} {conflict.label}: {conflict.reason}"
