"""Importing the commitment sheets partners send back: preview, then apply all or nothing.

A row becomes a progress update (source "import") when its filled cells say something new.
The same file imported twice changes nothing the second time: a row whose values are already
in the database, or whose update was already imported, is "unchanged". A commitment changed
in the database since the sheet was generated (its version differs), one that now belongs to
another partner, or a whole file of a partner other than the one expected, is a conflict
the user decides; it is never overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.db.idsets import among
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import Commitment, Partner, ProgressUpdate
from pazos_desktop.domain.records import COMMITMENT, PROGRESS
from pazos_desktop.domain.reporting import Period
from pazos_desktop.domain.text import fold
from pazos_desktop.domain.vocabulary import ProgressSource, Status
from pazos_desktop.errors import PazosError
from pazos_desktop.excel import reader
from pazos_desktop.excel.bulk.format import sheet_for_name
from pazos_desktop.excel.bulk.workbook import TEMPLATE_KIND, WORKBOOK_KIND
from pazos_desktop.excel.common import (
    META_SHEET,
    SCHEMA_VERSION,
    CancelFn,
    ProgressFn,
    belongs_elsewhere,
    file_kind,
    never_cancel,
    no_progress,
    step,
)
from pazos_desktop.excel.partner import cycle
from pazos_desktop.excel.partner.sheets import (
    COLUMNS,
    FILL_KEYS,
    KIND,
    REMARK_COLUMN,
    generated_on,
)
from pazos_desktop.excel.preview import Change, Conflict, FieldChange, Preview, show
from pazos_desktop.i18n import LANGUAGES, _, translate
from pazos_desktop.parsing import ParseError, is_blank, parse_whole
from pazos_desktop.services.commitments.rules import (
    CommitmentState,
    check_progress_values,
    doubts,
    progress_effect,
)
from pazos_desktop.services.commitments.search import cluster_names
from pazos_desktop.services.common import Checker
from pazos_desktop.services.reporting.closures import closed_problems

CHUNK = 5_000
BULK_KINDS = {WORKBOOK_KIND, TEMPLATE_KIND}
LABELS = {key: label for key, label, _w, _s in [*COLUMNS, REMARK_COLUMN]}


@dataclass
class SheetRow:
    number: int
    values: dict


@dataclass
class SheetFile:
    path: Path
    meta: dict[str, str]
    sheet: str
    rows: list[SheetRow] = field(default_factory=list)
    period: Period | None = None  # the reporting period it answers (cycle.sheet_period)

    @property
    def partner_id(self) -> int:
        return int(self.meta["partner_id"])

    @property
    def generated(self) -> dt.date:
        return dt.datetime.fromisoformat(self.meta["generated_at"]).date()


# --- reading ----------------------------------------------------------------------------------


def read_sheet_file(path: Path) -> SheetFile:
    """The metadata and filled rows of a returned sheet; a user message when it is not one."""
    with reader.open_workbook(path) as wb:
        meta = _metadata(wb, path)
        ws = wb[meta["sheet"]]
        keys = meta["columns"].split(",")
        found = SheetFile(path, meta, meta["sheet"])
        first = int(meta["header_row"]) + 1
        for number, values in reader.rows(ws, path, first):
            row = dict(zip(keys, values, strict=False))
            if any(row.get(k) not in (None, "") for k in FILL_KEYS):
                found.rows.append(SheetRow(number, row))
    return found


def _metadata(wb, path: Path) -> dict[str, str]:
    wrong = PazosError(
        _(
            "El archivo {name} no es una hoja de compromisos generada por PAZOS Coordinación "
            "(otra plantilla o un archivo modificado)."
        ).format(name=path.name)
    )
    kind = file_kind(wb)
    bulk_sheets = [n for n in wb.sheetnames if sheet_for_name(n) is not None]
    if kind in BULK_KINDS or (kind is None and len(bulk_sheets) >= 2):
        raise belongs_elsewhere(path, "bulk")
    if META_SHEET not in wb.sheetnames:
        raise wrong
    meta = {}
    for key, value, *_rest in wb[META_SHEET].iter_rows(max_col=2, values_only=True):
        if key:
            meta[str(key)] = "" if value is None else str(value)
    needed = {"kind", "schema_version", "partner_id", "sheet", "columns", "header_row"}
    if meta.get("kind") != KIND or not needed <= meta.keys():
        raise wrong
    if meta["schema_version"] != str(SCHEMA_VERSION):
        raise PazosError(
            _(
                "El archivo {name} se generó con otra versión del formato ({v}); genere la hoja "
                "de nuevo."
            ).format(name=path.name, v=meta["schema_version"])
        )
    if meta["sheet"] not in wb.sheetnames or "id" not in meta["columns"].split(","):
        raise wrong
    return meta


# --- preview ----------------------------------------------------------------------------------


@dataclass
class _Known:
    """The database state the rows are compared with, loaded in a few queries."""

    commitments: dict[int, tuple] = field(default_factory=dict)
    states: dict[int, CommitmentState] = field(default_factory=dict)
    imported: set[tuple] = field(default_factory=set)
    partners: dict[int, str] = field(default_factory=dict)
    clusters: dict[int, str] = field(default_factory=dict)  # as a sheet prints them
    all_clusters: set[int] = field(default_factory=set)


def _load_known(session: Session, ids: list[int]) -> _Known:
    known = _Known(partners=dict(session.execute(select(Partner.id, Partner.name)).all()))
    c, p = Commitment, ProgressUpdate
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(
            c.id, c.partner_id, c.version, c.achieved_quantity, c.status, c.title,
            c.target_quantity, c.start_date, c.created_at, Meeting.date,
        ).outerjoin(Meeting, Meeting.id == c.origin_meeting_id)  # fmt: skip
        for row in session.execute(query.where(among(c.id, chunk))):
            known.commitments[row[0]] = tuple(row[:6])
            known.states[row[0]] = _state(row)
        query = select(p.commitment_id, p.date, p.achieved_quantity, p.status, p.comment)
        query = query.where(among(p.commitment_id, chunk), p.source == ProgressSource.IMPORT.value)
        known.imported.update(tuple(r) for r in session.execute(query))
        names = cluster_names(session, chunk)
        known.clusters.update({cid: ", ".join(names.get(cid, [])) for cid in chunk})
        everywhere = select(c.id).where(among(c.id, chunk), c.all_clusters.is_(True))
        known.all_clusters.update(session.scalars(everywhere))
    return known


def _state(row) -> CommitmentState:
    cid, _partner, _version, achieved, status, _title, target, start, created, meeting = row
    return CommitmentState(
        cid, achieved, status, target, start, created.date() if created else None, meeting
    )


def preview_progress(
    session: Session,
    paths: list[Path],
    expected_partner_id: int | None = None,
    on: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
    period: Period | None = None,
) -> Preview:
    """Read and check every file; nothing is changed. `period`: the reporting period of
    sheets that do not say theirs (made before periods existed)."""
    on = on or today_in(session)
    preview = Preview("progress", files=[str(p) for p in paths])
    files = []
    for done, path in enumerate(paths):
        step(progress, cancel, done, len(paths), path.name)
        try:
            files.append(read_sheet_file(Path(path)))
        except PazosError as exc:
            preview.problem(Path(path).name, None, None, None, exc.message)
    ids = [i for f in files for r in f.rows if isinstance(i := _int(r.values.get("id")), int)]
    known = _load_known(session, sorted(set(ids)))
    seen: dict[int, str] = {}
    for sheet_file in files:
        sheet_file.period, note = cycle.sheet_period(
            session, sheet_file.meta, sheet_file.generated, period
        )
        if note:
            preview.notes.append(f"{sheet_file.path.name}: {note}")
        _preview_file(session, preview, sheet_file, known, seen, expected_partner_id, on)
    _refuse_closed(session, preview, on)
    progress(len(paths), len(paths), _("Listo"))
    return preview


def _refuse_closed(session: Session, preview: Preview, on: dt.date) -> None:
    """A row dated inside a closed period is a problem (`services/reporting/closures.py`)."""
    chosen = preview.changes + [c for k in preview.conflicts for c in k.changes]
    items = [(c, (c.entity_id, c.payload["date"] or on)) for c in chosen]
    found = closed_problems(session, [item for _c, item in items])
    for change, item in items:
        if item in found:
            label = _(LABELS["progress_date"])
            preview.problem(change.file, change.sheet, change.row, label, found[item])


def _int(value) -> int | None:
    try:
        return parse_whole(value)
    except ParseError:
        return None


def _preview_file(session, preview, sheet_file: SheetFile, known, seen, expected, on) -> None:
    name = sheet_file.path.name
    partner_id = sheet_file.partner_id
    if partner_id not in known.partners:
        preview.problem(name, None, None, None, _("La entidad de esta hoja ya no existe."))
        return
    file_changes: list[Change] = []
    for row in sheet_file.rows:
        change = _preview_row(preview, sheet_file, row, known, seen, on)
        if change is not None:
            file_changes.append(change)
    reasons, reopens = [], False
    if expected is not None and partner_id != expected:
        reasons.append(
            _("Es la hoja de «{theirs}», no de «{ours}».").format(
                theirs=known.partners[partner_id], ours=known.partners.get(expected, "?")
            )
        )
    if sheet_file.period is not None:
        more, reopens = cycle.file_reasons(session, sheet_file.period, partner_id, on)
        reasons += more
    key = f"file:{name}" if reasons else None
    if reasons:
        reason = " ".join(reasons)
        preview.conflicts.append(Conflict(key, name, None, None, name, reason, file_changes))
    else:
        preview.changes.extend(file_changes)
    if sheet_file.period is not None:
        reception = cycle.Reception(
            name, str(sheet_file.path), partner_id, sheet_file.period, key, reopens
        )
        preview.receptions.append(reception)


def _preview_row(preview, sheet_file, row: SheetRow, known, seen, on) -> Change | None:
    """A change to apply; None when the row is unchanged, a problem or a conflict."""
    name, sheet = sheet_file.path.name, sheet_file.sheet
    problems_before = len(preview.problems)
    commitment_id = _int(row.values.get("id"))
    current = known.commitments.get(commitment_id) if commitment_id else None
    values = _parse_fill(
        preview, name, sheet, row, known.states.get(commitment_id), on, sheet_file.period
    )
    if current is None:
        preview.problem(name, sheet, row.number, _(LABELS["id"]), _row_id_message(row))
    elif commitment_id in seen:
        preview.problem(
            name,
            sheet,
            row.number,
            _(LABELS["id"]),
            _("El compromiso {id} también viene en {file}.").format(
                id=commitment_id, file=seen[commitment_id]
            ),
        )
    if len(preview.problems) > problems_before:
        return None
    seen[commitment_id] = name
    files = cycle.named_evidence(sheet_file.path.parent, row.values.get("evidence"))
    values["evidence"] = files.paths
    return _compare(preview, sheet_file, row, values, current, known, files.problems)


def _row_id_message(row: SheetRow) -> str:
    raw = row.values.get("id")
    if raw in (None, ""):
        return _("Fila con datos de avance pero sin ID de compromiso.")
    try:
        parse_whole(raw)
    except ParseError as exc:
        return exc.message
    return _("El compromiso «{id}» no existe en la base de datos.").format(id=raw)


# The sheet's fill columns -> the progress update's declared fields (domain/records/progress.py).
FILL_FIELDS = {
    "new_achieved": "achieved_quantity",
    "new_status": "status",
    "progress_date": "date",
    "comment": "comment",
}
NO_STATE = CommitmentState(0, 0.0, Status.PIPELINE.value, None)


def _parse_fill(preview, name, sheet, row: SheetRow, state, on: dt.date, period=None) -> dict:
    """The filled cells checked by the progress update's own rules (`check_progress_values`,
    as the window's *Añadir avance…* does), each refusal a problem at its cell. A row without
    a date is dated on the day of the import, or on the last day of the sheet's period when
    that is over (`cycle.default_day`)."""
    raw = {field: row.values.get(column) for column, field in FILL_FIELDS.items()}
    typed_date = raw["date"]
    day = cycle.default_day(period, on)
    raw |= {
        "source": ProgressSource.IMPORT.value,
        "date": day if is_blank(typed_date) else typed_date,
    }
    c = Checker()
    out = check_progress_values(raw, c, state or NO_STATE, on)
    columns = {field: column for column, field in FILL_FIELDS.items()}
    for field_name, message in c.errors.items():
        column = columns.get(field_name, "new_achieved")
        preview.problem(name, sheet, row.number, _(LABELS[column]), message)
    return {
        "achieved": out["achieved_quantity"],
        "status": out["status"],
        "date": None if is_blank(typed_date) and day == on else out["date"],
        "comment": out["comment"],
    }


def _compare(preview, sheet_file, row, values, current, known, file_problems) -> Change | None:
    cid, partner_id, version, achieved, status, title = current
    if _already_imported(cid, values, sheet_file, known):
        preview.unchanged += 1
        return None
    fields = []
    A, S, T = (PROGRESS[k] for k in ("achieved_quantity", "status", "comment"))
    if values["achieved"] is not None and values["achieved"] != achieved:
        fields.append(FieldChange(A.name, show(achieved), A.format(values["achieved"])))
    if values["status"] is not None and values["status"] != status:
        fields.append(FieldChange(S.name, S.format(status), S.format(values["status"])))
    if values["comment"]:
        fields.append(FieldChange(T.name, "—", values["comment"]))
    if values["evidence"]:
        names = "; ".join(Path(p).name for p in values["evidence"])
        fields.append(FieldChange(_(LABELS["evidence"]), "—", names))
    if not fields:
        preview.unchanged += 1
        return None
    change = _change(sheet_file, row, values, current, fields)
    state = known.states[cid]
    effect = progress_effect(
        state, {"achieved_quantity": values["achieved"], "status": values["status"]}
    )
    reasons = [_identity_reason(row, cid, title, known)]
    reasons.append(_conflict_reason(sheet_file, row, partner_id, version, known))
    reasons += doubts(state.values(), effect)  # what the window's editor would ask
    if file_problems:
        reasons += [*file_problems, _("Si lo marca, el avance se registra sin esos archivos.")]
    reason = " ".join(r for r in reasons if r)
    if not reason:
        return change
    preview.conflicts.append(
        Conflict(
            f"commitment:{cid}", change.file, change.sheet, row.number, title, reason, [change]
        )
    )
    return None


def _already_imported(cid, values, sheet_file: SheetFile, known: _Known) -> bool:
    wanted = (values["achieved"], values["status"], values["comment"])
    if values["date"] is not None:
        return (cid, values["date"], *wanted) in known.imported
    # No date typed: it was imported with the day of the import, on or after generation.
    return any(
        k[0] == cid and k[2:] == wanted and k[1] >= sheet_file.generated for k in known.imported
    )


def _identity_reason(row: SheetRow, cid: int, title: str, known: _Known) -> str | None:
    """The row must be the commitment its ID names: the title and clusters it prints are the
    database's. An ID typed over (or a row copied onto another) would move the progress to
    another commitment without a word."""
    printed_title, printed_clusters = (_shown(row.values.get(k)) for k in ("title", "clusters"))
    clusters = _clusters_text(cid, known)
    if _same(printed_title, title) and (
        _same(printed_clusters, clusters)
        or (cid in known.all_clusters and fold(printed_clusters) in _all_clusters_labels())
    ):
        return None
    return _(
        "La fila muestra «{row_title}» en {row_clusters}, pero el ID {id} es «{title}» en "
        "{clusters} según la base de datos: ¿se cambió el ID? Revise a qué compromiso "
        "corresponde el avance."
    ).format(
        row_title=printed_title or "—",
        row_clusters=printed_clusters or "—",
        id=cid,
        title=title,
        clusters=clusters or "—",
    )


def _same(printed: str, stored: str) -> bool:
    """The same text as people read it; most rows print it unchanged (no folding needed)."""
    return printed == stored or fold(printed) == fold(stored)


@lru_cache(maxsize=1)
def _all_clusters_labels() -> frozenset[str]:
    """ "Todos los clústeres" folded, in every language a sheet may have been made in."""
    label = COMMITMENT["all_clusters"].label
    return frozenset(fold(translate(label, lang)) for lang in LANGUAGES)


def _clusters_text(cid: int, known: _Known) -> str:
    if cid in known.all_clusters:
        return _(COMMITMENT["all_clusters"].label)
    return known.clusters.get(cid, "")


def _shown(value) -> str:
    return "" if value is None else str(value).strip()


def _conflict_reason(sheet_file, row, partner_id, version, known) -> str | None:
    if partner_id != sheet_file.partner_id:
        return _("El compromiso ahora es de «{partner}».").format(
            partner=known.partners.get(partner_id, "?")
        )
    sheet_version = _int(row.values.get("version"))
    if sheet_version is not None and sheet_version != version:
        return _("Cambió en la base de datos después de generar la hoja ({date}).").format(
            date=generated_on(sheet_file.meta)
        )
    return None


def _change(sheet_file, row, values, current, fields) -> Change:
    cid, _partner, version, _achieved, _status, title = current
    name = sheet_file.path.name
    if values["date"] is not None:
        fields.append(FieldChange(PROGRESS["date"].name, "—", show(values["date"])))
    return Change(
        key=f"commitment:{cid}",
        file=name,
        sheet=sheet_file.sheet,
        row=row.number,
        entity="commitment",
        entity_id=cid,
        label=title,
        action="progress",
        fields=fields,
        db_version=version,
        payload=values,
    )
