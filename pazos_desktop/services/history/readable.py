"""The change history as people read it: "Logrado: 0 → 15", dates dd/mm/aaaa, partner names
instead of ids, status labels, Sí/No; per commitment, per partner (with its contacts) and per
meeting (with its attendees, agenda, decisions and follow-up).

The history stores raw values (`history.render`: ids, ISO dates, "in_progress", "False").
Each (entity, field) is shown as its record declares it (`pazos_desktop/domain/records/`):
labelled and formatted as the editors, sheets and messages show it, a link by the linked
record's name (`Field.ref`), a field that says nothing to a reader not at all (`hidden`);
`field_spec` is the one function that finds the declaration.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Component,
    Contact,
    HistoryEntry,
    Partner,
    Program,
)
from pazos_desktop.domain.fields import Field, Kind
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.domain.meetings import acta_label, series_label
from pazos_desktop.domain.records import own_field
from pazos_desktop.i18n import N_, _, get_language, ngettext
from pazos_desktop.services.history.conflicts import format_stored
from pazos_desktop.services.history.stored import ACTION_LABELS


def field_spec(entity: str, field: str) -> Field | None:
    """How (entity, field) is shown: its record's declaration (`domain/records/`); None: hidden
    from readers; a field no record declares is shown as it is, under its own name."""
    spec = own_field(entity, field)
    if spec is None:
        return Field(field, field)
    return None if spec.hidden else spec


def _named(spec: Field) -> str | None:
    """The table whose record a value names ("Entidad responsable: Fundación SIDOC"). A link
    list is stored as names already."""
    return spec.ref if spec.kind == Kind.REF else None


# What a row of a child table is, in a parent's history ("Asistente: Nombre: Ana").
ENTITY_LABELS = {
    "contact": N_("Contacto"),
    "meeting_attendee": N_("Asistente"),
    "meeting_agenda_item": N_("Orden del día"),
    "meeting_decision": N_("Decisión"),
    "meeting_followup": N_("Seguimiento"),
    "progress_update": N_("Avance"),
    "acta_signature": N_("Firma digital"),
}


@dataclass
class ReadableChange:
    at: dt.datetime  # UTC, as stored
    actor: str
    action: str  # translated: "Modificación", "Creación"…
    change: str  # "Logrado: 0 → 15"; a creation lists its fields
    reason: str = ""
    entity: str = ""  # the record the row is about (its table)
    action_key: str = ""  # "create", "update"… (`action` is its label)

    @property
    def when(self) -> str:
        return format_moment(self.at)


# --- reading ------------------------------------------------------------------------------


def commitment_history(session: Session, commitment_id: int) -> list[ReadableChange]:
    """The commitment's changes; a change a progress update made reads as that update
    ("Avance del 05/12/2026: Logrado: 0 → 35 · «comentario»")."""
    updates = _children(session, "progress_update", "commitment_id", commitment_id)
    parts = [("commitment", [commitment_id]), ("progress_update", updates)]
    return readable(session, _entries(session, parts))


def partner_history(session: Session, partner_id: int) -> list[ReadableChange]:
    contacts = _children(session, "contact", "partner_id", partner_id)
    return readable(session, _entries(session, [("partner", [partner_id]), ("contact", contacts)]))


def meeting_history(session: Session, meeting_id: int) -> list[ReadableChange]:
    parts = [("meeting", [meeting_id])]
    for table in ("meeting_attendee", "meeting_agenda_item", "meeting_decision",
                  "meeting_followup", "acta_signature"):  # fmt: skip
        parts.append((table, _children(session, table, "meeting_id", meeting_id)))
    return readable(session, _entries(session, parts))


def _children(session: Session, table: str, parent_field: str, parent_id: int) -> list[int]:
    """Every row of `table` ever created under the parent (deleted ones too): their creation
    in the history names the parent."""
    query = select(HistoryEntry.entity_id).where(
        HistoryEntry.entity == table,
        HistoryEntry.field == parent_field,
        HistoryEntry.new_value == str(parent_id),
    )
    return sorted(set(session.scalars(query)))


def _entries(session: Session, parts, limit: int = 2000) -> list[HistoryEntry]:
    rows: list[HistoryEntry] = []
    for table, ids in parts:
        for start in range(0, len(ids), 500):
            query = select(HistoryEntry).where(
                HistoryEntry.entity == table, HistoryEntry.entity_id.in_(ids[start : start + 500])
            )
            rows += session.scalars(query)
    rows.sort(key=lambda h: (h.at, h.id), reverse=True)
    return rows[:limit]


def readable(session: Session, entries: list[HistoryEntry]) -> list[ReadableChange]:
    """History rows (newest first) as changes people read; one action's creation of a record
    is one line ("Asistente: Nombre: Ana · Asistencia: Presente"), not one per field; a
    progress update is one line with its date, figures and comment, and the changes it made
    to its commitment name it as their reason ("Avance del 05/12/2026: …"); follow-up rows
    brought in or dropped together are one line ("23 compromisos traídos al seguimiento")."""
    names = names_of(session, entries)
    updates = _progress_values(entries, names)
    out: list[ReadableChange] = []
    created: dict[tuple, tuple[ReadableChange, list[str]]] = {}
    for h in entries:
        if h.action == "create":
            key = (h.entity, h.entity_id, h.at)
            if key not in created:
                created[key] = (_row(h, ""), [])
                out.append(created[key][0])
            text = _describe(h, names, prefix=False)
            if text:
                created[key][1].insert(0, text)  # newest first here: fields in their order
            continue
        text = _describe(h, names)
        if text or h.action in ("delete", "archive", "restore", "approve", "reopen"):
            row = _row(h, text or _entity_label(h.entity))
            if h.entity == "commitment" and h.at in updates and not row.reason:
                row.reason = _progress_reason(updates[h.at])  # the update that made it
            out.append(row)
    for (entity, _id, at), (row, parts) in created.items():
        if entity == "progress_update" and at in updates:
            row.change = _progress_line(updates[at])
        else:
            row.change = _prefix(entity, " · ".join(parts)) or _entity_label(entity)
    return _bulk_followups(out, entries)


def _progress_values(entries: list[HistoryEntry], names) -> dict[dt.datetime, dict[str, str]]:
    """The fields of each progress update created, by moment (as people read them)."""
    found: dict[dt.datetime, dict[str, str]] = defaultdict(dict)
    for h in entries:
        if h.entity == "progress_update" and h.action == "create" and h.field:
            spec = field_spec(h.entity, h.field)
            found[h.at][h.field] = _value(spec, h.new_value, names) if spec else ""
    return found


def _progress_head(fields: dict[str, str]) -> str:
    day = fields.get("date", "")
    return _("Avance del {date}").format(date=day) if day else _(ENTITY_LABELS["progress_update"])


def _progress_line(fields: dict[str, str]) -> str:
    """ "Avance del 05/12/2026: Logrado: 35 · Estado: Cumplido · Comentario: …" """
    keys = ("achieved_quantity", "status", "comment")
    parts = [f"{own_field('progress_update', k).name}: {fields[k]}" for k in keys if fields.get(k)]
    return _progress_head(fields) + (": " + " · ".join(parts) if parts else "")


def _progress_reason(fields: dict[str, str]) -> str:
    """Why a commitment's figure or status changed: "Avance del 05/12/2026: «comentario»"."""
    comment = fields.get("comment")
    return _progress_head(fields) + (f": «{comment}»" if comment else "")


def _bulk_followups(out: list[ReadableChange], entries: list[HistoryEntry]) -> list:
    """Follow-up rows created (or deleted) in one action, more than one: one line."""
    counts: dict[tuple, int] = defaultdict(int)
    for h in entries:
        if h.entity == "meeting_followup" and h.field is None and h.action in ("create", "delete"):
            counts[(h.at, h.action)] += 1
    told, kept = set(), []
    for row, key in ((r, (r.at, r.action_key)) for r in out):
        n = counts.get(key, 0) if row.entity == "meeting_followup" else 0
        if n < 2:
            kept.append(row)
        elif key not in told:
            told.add(key)
            text = (
                ngettext(
                    "{n} compromiso traído al seguimiento",
                    "{n} compromisos traídos al seguimiento",
                    n,
                )
                if key[1] == "create"
                else ngettext(
                    "{n} compromiso quitado del seguimiento",
                    "{n} compromisos quitados del seguimiento",
                    n,
                )
            )
            row.change = text.format(n=n)
            kept.append(row)
    return kept


def _row(h: HistoryEntry, change: str) -> ReadableChange:
    label = _(ACTION_LABELS.get(h.action, h.action))
    return ReadableChange(h.at, h.actor, label, change, h.reason or "", h.entity, h.action)


def _entity_label(entity: str) -> str:
    return _(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else ""


def _describe(h: HistoryEntry, names, prefix: bool = True) -> str:
    if h.field is None:  # a whole record created or deleted: its name, when it had one
        label = h.old_value or h.new_value or ""
        return _prefix(h.entity, label) if prefix else ""
    spec = field_spec(h.entity, h.field)
    if spec is None:
        return ""
    old, new = (_value(spec, v, names) for v in (h.old_value, h.new_value))
    label = spec.name
    if h.action == "create":  # a new record's unset fields and "No" flags say nothing
        if not new or (spec.kind == Kind.BOOL and new == _("No")):
            return ""
        # "Decisión: Decisión: …" says it twice: a record named by its one field is its value.
        return new if label == _entity_label(h.entity) else f"{label}: {new}"
    text = f"{label}: {old or '—'} → {new or '—'}"
    return _prefix(h.entity, text) if prefix else text


def _prefix(entity: str, text: str) -> str:
    what = _entity_label(entity)
    return f"{what}: {text}" if what and text else text


def _value(spec: Field, raw: str | None, names, lang: str | None = None) -> str:
    if raw is None or raw == "":
        return ""
    table = _named(spec)
    if table is not None:
        try:
            return names.get((table, int(raw)), f"#{raw}")
        except ValueError:
            return raw
    return format_stored(spec, raw, lang)


def shown_value(spec: Field, raw: str | None, names, lang: str | None = None) -> str:
    """A stored value as people read it, in `lang`: formatted by its declaration, a link by
    the linked record's name (`names` from `names_of`)."""
    return _value(spec, raw, names, lang)


# --- names of referenced records, read in one query per table -----------------------------


def names_of(
    session: Session, entries: list[HistoryEntry], lang: str | None = None
) -> dict[tuple[str, int], str]:
    """The names of the records the entries' values link to, in `lang` (default: the
    program's language)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for h in entries:
        spec = field_spec(h.entity, h.field) if h.field else None
        table = _named(spec) if spec is not None else None
        if table is None:
            continue
        for raw in (h.old_value, h.new_value):
            if raw and raw.isdigit():
                wanted[table].add(int(raw))
    names: dict[tuple[str, int], str] = {}
    for table, ids in wanted.items():
        for row_id, name in _lookup(session, table, sorted(ids), lang):
            names[(table, row_id)] = name
    return names


def _lookup(session: Session, table: str, ids: list[int], lang: str | None):
    if table == "meeting":
        # Numbers repeat across series (each body numbers its actas): the body is named too.
        query = select(Meeting.id, Meeting.number, Meeting.year, Meeting.series, Meeting.type)
        rows = session.execute(query.where(Meeting.id.in_(ids)))
        return [
            (i, f"{acta_label(n, y, lang)} ({series_label(s or t, lang)})")
            for i, n, y, s, t in rows
        ]
    if table == "component":
        english = (lang or get_language()) == "en"
        query = select(Component.id, Component.name_en if english else Component.name_es)
        return list(session.execute(query.where(Component.id.in_(ids))))
    column = {
        "partner": (Partner.id, Partner.name),
        "contact": (Contact.id, Contact.name),
        "program": (Program.id, Program.name),
        "cluster": (Cluster.id, Cluster.name),
        "commitment": (Commitment.id, Commitment.title),
    }.get(table)
    if column is None:
        return []
    return list(session.execute(select(*column).where(column[0].in_(ids))))
