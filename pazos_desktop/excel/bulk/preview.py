"""Bulk import (the template, or an edited full workbook): preview every row, then apply.

A row updates the record with its ID, else the one with its natural key (partner: name or
acronym; contact: partner + name; cluster, neighbourhood, program: name; commitment: partner +
component + title + clusters + dates); otherwise it creates one. Importing the same file again
changes nothing.
A row whose record changed in the database after the file was exported (the hidden "Versión"
column differs) is a conflict for the user to decide. See `apply.py` for the writing.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.domain.fields import FieldError
from pazos_desktop.domain.records import (
    CLUSTER,
    COMMITMENT,
    CONTACT,
    NEIGHBOURHOOD,
    PARTNER,
    PROGRAM,
)
from pazos_desktop.excel.bulk import authorisations
from pazos_desktop.excel.bulk.format import CLUSTER_SEPARATOR
from pazos_desktop.excel.bulk.read import read_bulk
from pazos_desktop.excel.bulk.rows import BulkRow, BulkSheet
from pazos_desktop.excel.bulk.rules import (
    Bad,
    Index,
    Table,
    check_commitment,
    check_contact,
    check_named,
    check_partner,
    clusters_key,
    commitment_key,
    component_id,
    fold,
    load_index,
    partner_ref,
    ref_by_name,
)
from pazos_desktop.excel.common import CancelFn, ProgressFn, never_cancel, no_progress
from pazos_desktop.excel.indicators import preview as indicator_import
from pazos_desktop.excel.preview import Change, Conflict, FieldChange, Preview, show
from pazos_desktop.i18n import _
from pazos_desktop.services import programs, territory
from pazos_desktop.services.commitments.rules import doubts
from pazos_desktop.services.common import Checker
from pazos_desktop.services.partners import acronym_taken_message
from pazos_desktop.services.reporting.closures import closed_problems, refuse_closed

RECORDS = {
    "partners": PARTNER,
    "contacts": CONTACT,
    "clusters": CLUSTER,
    "neighbourhoods": NEIGHBOURHOOD,
    "programs": PROGRAM,
    "commitments": COMMITMENT,
}
HOOD_FIELDS = NEIGHBOURHOOD.keys()
PROGRAM_FIELDS = PROGRAM.keys()
CLUSTER_FIELDS = CLUSTER.keys()


def _parsed(key: str, raw):
    """A commitment field's value as its rules will read it, for the natural key (a bad cell
    is reported by the rules)."""
    try:
        return COMMITMENT[key].parse(raw)
    except FieldError:
        return raw


def field_column(entity: str, field_name: str) -> str:
    """The sheet column a record's field comes from (its declaration says), for labels and
    problem locations."""
    record = RECORDS[entity]
    if field_name == "all_clusters":
        field_name = "cluster_ids"  # shown together with the clusters
    return record[field_name].sheet_key() if field_name in record else field_name


def preview_bulk(
    session: Session,
    path: Path,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
) -> Preview:
    """Read and check the whole file; nothing is changed."""
    preview = Preview("bulk", files=[str(path)])
    sheets = read_bulk(Path(path), preview, progress, cancel)
    idx = load_index(session)
    for key, sheet in sheets.items():
        if key not in indicator_import.KEYS:
            _SheetPreview(session, idx, sheet, preview, Path(path).name).run(key)
    indicator_import.preview_sheets(session, idx, sheets, preview, Path(path).name)
    for change, message in closed_figures(session, preview):
        preview.problem(change.file, change.sheet, change.row, None, message)
    return preview


def figure_changes(preview: Preview) -> list[Change]:
    """Updates of a commitment's achieved figure or status: progress as of the import's day."""
    chosen = preview.changes + [c for k in preview.conflicts for c in k.changes]
    return [c for c in chosen if c.entity == "commitments" and _moves_figures(c)]


def _moves_figures(change: Change) -> bool:
    old, new = change.payload["old"] or {}, change.payload["values"]
    keys = ("achieved_quantity", "status")
    return change.action == "update" and any(k in new and new[k] != old.get(k) for k in keys)


def refuse_closed_figures(session: Session, changes: list[Change]) -> None:
    """At apply time: a period may have been closed since the preview."""
    today = today_in(session)
    refuse_closed(session, [(c.entity_id, today) for c in changes if _moves_figures(c)])


def closed_figures(session: Session, preview: Preview) -> list[tuple[Change, str]]:
    """The figure changes that fall in a closed period, each with the door's message
    (`services/reporting/closures.py`, the rule of every door)."""
    today = today_in(session)
    changes = figure_changes(preview)
    found = closed_problems(session, [(c.entity_id, today) for c in changes])
    return [(c, found[(c.entity_id, today)]) for c in changes if (c.entity_id, today) in found]


class _SheetPreview:
    def __init__(self, session, idx: Index, sheet: BulkSheet, preview: Preview, file: str):
        self.session, self.idx, self.sheet, self.preview, self.file = (
            session,
            idx,
            sheet,
            preview,
            file,
        )

    def run(self, key: str) -> None:
        idx = self.idx
        plan = {
            "partners": (idx.partners, self._partner, lambda v: fold(v.get("name"))),
            "contacts": (idx.contacts, self._contact, self._contact_key),
            "clusters": (idx.clusters, self._cluster, lambda v: fold(v.get("name"))),
            "neighbourhoods": (idx.neighbourhoods, self._hood, lambda v: fold(v.get("name"))),
            "programs": (idx.programs, self._program, lambda v: fold(v.get("name"))),
            "commitments": (idx.commitments, self._commitment, self._commitment_key),
        }
        table, check, key_of = plan[key]
        for row in self.sheet.rows:
            self._row(key, table, check, key_of, row)

    # -- one row: find its record, check it, compare -------------------------------------------

    def _row(self, entity: str, table: Table, check, key_of, row: BulkRow) -> None:
        v = row.values
        bad = Bad()
        key = key_of(v)
        own_id = self._find(table, v.get("id"), key, bad, entity)
        current = table.rows.get(own_id) if isinstance(own_id, int) else None
        values = check(v, current, own_id, bad)
        if entity == "partners":
            self._acronym_once(values, own_id, bad)
        if bad:
            for field_name, message in bad.items():
                self._problem(row, field_column(entity, field_name), message)
            return
        # What the window's editor would ask about: a conflict for the user to accept.
        found = doubts(current, values) if entity == "commitments" else []
        if own_id is None:
            ref = table.add_new(key, values.get("name") or values.get("title") or "")
            if entity == "partners" and values.get("acronym"):
                self.idx.acronyms.setdefault(fold(values["acronym"]), ref)
            self._change(entity, row, None, ref, values, None, [], found)
            return
        fields = self._diff(entity, current, values) + authorisations.diff(values)
        if not fields:
            self.preview.unchanged += 1
            return
        self._change(entity, row, own_id, own_id, values, current, fields, found)

    def _acronym_once(self, values: dict, own_id, bad: Bad) -> None:
        """Two rows of the file may not give one acronym (the database is checked by the
        partner's own rules)."""
        key = fold(values.get("acronym"))
        other = self.idx.acronyms.get(key) if key else None
        if other is not None and other != own_id and isinstance(other, str):
            bad.fail("acronym", acronym_taken_message(values["acronym"]))

    def _find(self, table: Table, row_id, key, bad: Bad, entity: str):
        if row_id is not None:
            if row_id not in table.rows:
                bad.fail(
                    "id",
                    _(
                        "El ID {id} no existe en la base de datos (deje el ID vacío para crear un registro nuevo)."
                    ).format(id=row_id),
                )
            return row_id
        found = table.keys.get(key)
        if isinstance(found, list):
            if len(found) > 1:
                bad.fail("title", _("Hay varios compromisos iguales: indique el ID."))
            found = found[0] if found else None
        if isinstance(found, str):  # made by an earlier row of this file
            bad.fail("id", _("Registro repetido en el archivo."))
        return found

    def _problem(self, row: BulkRow, column_key: str, message: str) -> None:
        spec = self.sheet.spec
        known = any(c.key == column_key for c in spec.columns)
        label = self.sheet.label(column_key) if known else None
        self.preview.problem(self.file, self.sheet.title, row.number, label, message)

    def _diff(self, entity: str, current: dict, values: dict) -> list[FieldChange]:
        fields = []
        for name, old in current.items():
            if name == "version" or name not in values or values[name] == old:
                continue
            if name == "all_clusters" and "cluster_ids" in values:
                continue  # shown together with the clusters
            column = field_column(entity, name)
            record = RECORDS[entity]
            label = (
                self.sheet.label(column)
                if column in self.sheet.columns
                else (record[name].name if name in record else name)
            )
            fields.append(
                FieldChange(
                    label,
                    self._show(name, old, current, entity),
                    self._show(name, values[name], values, entity),
                )
            )
        return fields

    def _show(self, name: str, value, record: dict, entity: str = "commitments") -> str:
        idx = self.idx
        names = {
            "partner_id": idx.partners.names,
            "lead_partner_id": idx.partners.names,
            "contact_id": idx.contacts.names,
            "program_id": idx.programs.names,
            "cluster_id": idx.clusters.names,
            "component_id": idx.component_names,
        }
        if name in names:
            return show(names[name].get(value, value))
        if name == "cluster_ids":
            if record.get("all_clusters"):
                return _("Todos los clústeres")
            return CLUSTER_SEPARATOR.join(sorted(idx.clusters.names.get(c, str(c)) for c in value))
        spec = RECORDS[entity][name] if name in RECORDS[entity] else None
        if spec is not None and value is not None and not spec.is_link:
            return spec.format(value) or show(value)
        return show(value)

    def _change(self, entity, row, own_id, ref, values, current, fields, doubt=()) -> None:
        """A change to apply; a conflict when the record changed after the export, or when
        the change looks wrong (`doubt`: the same questions the window's editor asks)."""
        label = values.get("name") or values.get("title") or ""
        change = Change(
            key=f"{entity}:{ref}",
            file=self.file,
            sheet=self.sheet.title,
            row=row.number,
            entity=entity,
            entity_id=own_id,
            label=label,
            action="create" if own_id is None else "update",
            fields=fields or [FieldChange(_("Nuevo"), "—", label)],
            db_version=(current or {}).get("version"),
            payload={"values": values, "ref": ref, "old": current},
        )
        sheet_version = row.values.get("version")
        reasons = list(doubt)
        if (
            current is not None
            and sheet_version is not None
            and sheet_version != current["version"]
        ):
            reasons.insert(0, _("Cambió en la base de datos después de exportar el archivo."))
        if reasons:
            reason = " ".join(reasons)
            self.preview.conflicts.append(
                Conflict(
                    change.key, self.file, self.sheet.title, row.number, label, reason, [change]
                )
            )
            return
        self.preview.changes.append(change)

    # -- keys and checks per sheet --------------------------------------------------------------

    def _partner_of(self, name) -> int | str | None:
        key = fold(name)
        return self.idx.partners.keys.get(key) or self.idx.acronyms.get(key)

    def _contact_key(self, v: dict):
        return (self._partner_of(v.get("partner")), fold(v.get("name")))

    def _commitment_key(self, v: dict):
        return commitment_key(
            self._partner_of(v.get("partner")),
            self.idx.components.get(fold(v.get("component"))),
            v.get("title"),
            clusters_key(v.get("clusters")),
            _parsed("start_date", v.get("start_date")),
            _parsed("due_date", v.get("due_date")),
        )

    def _commitment(self, v, current, own_id, bad):
        return check_commitment(self.idx, v, current, bad)

    def _partner(self, v, current, own_id, bad):
        return check_partner(
            self.session, v, current, own_id if isinstance(own_id, int) else None, bad
        )

    def _contact(self, v, current, own_id, bad):
        values = check_contact(self.idx, v, current, bad)
        values["authorisation"] = authorisations.check_cells(self.session, v, own_id, bad)
        return values

    def _cluster(self, v, current, own_id, bad):
        return check_named(v, current, CLUSTER_FIELDS, territory.check_cluster_values, bad)

    def _hood(self, v, current, own_id, bad):
        rules = territory.check_neighbourhood_values
        values = check_named(v, current, HOOD_FIELDS, rules, bad)
        c = Checker()  # DANE codes: text, leading zeros restored, blank = the entity's own
        values |= territory.divipola_codes(self.session, values, c)
        bad.absorb(c)
        if "cluster" in v:
            message = _("No existe el clúster «{name}».")
            values["cluster_id"] = ref_by_name(
                self.idx.clusters, v["cluster"], "cluster_id", bad, message
            )
        return values

    def _program(self, v, current, own_id, bad):
        values = check_named(v, current, PROGRAM_FIELDS, programs.check_program_values, bad)
        if "lead_partner" in v:
            values["lead_partner_id"] = partner_ref(
                self.idx, v["lead_partner"], bad, "lead_partner_id", False
            )
        if "component" in v:
            values["component_id"] = component_id(self.idx, v["component"], bad, False)
        return values
