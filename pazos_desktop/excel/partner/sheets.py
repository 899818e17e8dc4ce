"""A partner's commitment sheet: a cover, the commitments grouped by component (a heading row
each) and sorted by cluster and due date within it, the cells the partner fills (shaded,
unlocked), a hidden status list and hidden metadata.

`write_partner_sheet` writes one workbook from plain data; `export_partner_sheets` writes a
batch into a folder with Windows-safe names, with progress and cancel.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection

from pazos_desktop import __version__
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import COMMITMENT, PROGRESS
from pazos_desktop.domain.vocabulary import STATUS_LABELS, Status, status_label
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.common import (
    META_SHEET,
    SCHEMA_VERSION,
    CancelFn,
    ProgressFn,
    never_cancel,
    no_progress,
    safe_file_stem,
    step,
)
from pazos_desktop.excel.data import PartnerSheetData
from pazos_desktop.excel.partner.mail import write_email_draft
from pazos_desktop.excel.partner.validations import fill_validations
from pazos_desktop.files import FileBatch
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.writers.xlsx.cells import SafetyLog
from pazos_desktop.writers.xlsx.fastrows import save_workbook, set_row_height
from pazos_desktop.writers.xlsx.printing import PageFlow, fit_columns
from pazos_desktop.writers.xlsx.styles import (
    CHARS_PER_UNIT,
    LINE_HEIGHT,
    PAPER_SIZES,
    blank,
    cell,
    new_sheet,
    new_workbook,
    print_setup,
    protect,
    row_height,
    set_widths,
)

KIND = "partner_sheet"
HEADER_ROW = 3
LOOKUP_SHEET = N_("Listas")

C, P = COMMITMENT, PROGRESS
# (key, header, width, style of its cells); the last four are the partner's to fill. Headers
# are the declared fields' labels (records/), except where the sheet says more. The widths add
# up to what prints one page wide on Letter landscape at 8 pt or more (LibreOffice and Excel
# scale the whole sheet to fit; 14 wider columns printed at about 6 pt), with room for a
# wrapped column to grow to its longest word (`column_widths`).
COLUMNS = [
    ("id", N_("ID"), 6, "pz_int"),
    ("component", C["component_id"].label, 15, "pz_wrap"),  # hidden: the group headings say it
    ("clusters", C["cluster_ids"].label, 11, "pz_wrap"),
    ("title", C["title"].label, 20, "pz_wrap"),
    ("unit", C["unit"].label, 12, "pz_wrap"),
    ("target", C["target_quantity"].label, 6, "pz_number"),
    ("achieved", N_("Logrado a la fecha"), 9, "pz_number"),
    ("amount", C["amount_cop"].label, 12, "pz_cop"),
    ("due_date", C["due_date"].label, 10, "pz_date"),
    ("status", N_("Estado actual"), 10, "pz_wrap"),
    ("new_achieved", N_("Nuevo logrado (acumulado)"), 13, "pz_fill_number"),
    ("new_status", N_("Nuevo estado"), 11, "pz_fill"),
    ("progress_date", P["date"].label, 10, "pz_fill_date"),
    ("comment", P["comment"].label, 13, "pz_fill"),
    ("version", N_("Versión"), 6, "pz_int"),
    # After the hidden version (columns K-N keep their place in sheets already sent out): the
    # files that prove the row, sent in the same folder as the sheet.
    ("evidence", N_("Evidencia"), 10, "pz_fill"),
]
# A report sent back: the coordination's remark on each row, beside what the partner fills.
REMARK_COLUMN = ("remark", N_("Observaciones de la coordinación"), 22, "pz_wrap")
KEYS = [c[0] for c in COLUMNS]
WRAPPED = ("clusters", "title", "unit", "remark")  # wrapped columns of a commitment row
COVER_WIDTHS = [28, 66]  # a portrait page wide
BOLD_SHARE = 0.9  # a bold label fits fewer letters in a column
FILL_KEYS = ("new_achieved", "new_status", "progress_date", "comment", "evidence")
VERSION_COL = KEYS.index("version") + 1  # hidden: the commitment's version when made
HIDDEN = {KEYS.index("component") + 1, VERSION_COL}
LAST_VISIBLE = get_column_letter(VERSION_COL - 1)  # the filter's last column
EVIDENCE_SEPARATOR = ";"

INSTRUCTIONS = [
    N_("En la hoja «Compromisos» llene solo las celdas amarillas de cada compromiso."),
    N_("Nuevo logrado: la cantidad total lograda hasta la fecha (no solo la del periodo)."),
    N_("Nuevo estado: elíjalo de la lista. Fecha del avance: dd/mm/aaaa. Comentario: libre."),
    N_(
        "Evidencia: escriba el nombre de cada archivo que respalda el avance (separados por "
        "«;»: lista.pdf; foto 1.jpg) y envíe los archivos junto con esta hoja, en la misma "
        "carpeta. Hasta 20 MB cada uno; no se aceptan programas."
    ),
    N_("Deje en blanco las filas sin novedades. No cambie el ID ni las demás columnas."),
    N_("Las demás celdas están protegidas contra cambios accidentales (sin contraseña)."),
    N_("Guarde el archivo en formato .xlsx y envíelo a {send_to} a más tardar el {date}."),
]


@dataclass
class SheetResult:
    path: Path
    partner_id: int
    partner_name: str
    rows: int
    log: SafetyLog = field(default_factory=SafetyLog)
    draft: Path | None = None  # the e-mail draft (.eml) beside it, when asked for


def columns_for(data: PartnerSheetData) -> list[tuple]:
    """The sheet's columns: the remarks column only on a report sent back."""
    return [*COLUMNS, REMARK_COLUMN] if data.remarks is not None else COLUMNS


# Excel for Windows opens no file whose full path is longer than this: with an entity's long
# name in a deep folder (OneDrive, "Documentos\PAZOS\Hojas 2026-11") the partner got a sheet
# Excel would not open. The entity's part of the name is cut to keep the path under it.
EXCEL_PATH_LIMIT = 218
SHORTEST_STEM = 8  # characters of the entity's name a file name keeps at least


def file_name(data: PartnerSheetData, room: int = 255) -> str:
    """`Compromisos_Fundacion_SIDOC_2026-11-25.xlsx`, in at most `room` characters (the
    entity's part cut first)."""
    prefix = safe_file_stem(translate(N_("Compromisos"), data.context.lang))
    suffix = f"_{data.context.today.isoformat()}.xlsx"
    stem = safe_file_stem(data.partner.name)
    stem = stem[: max(SHORTEST_STEM, room - len(prefix) - 1 - len(suffix))].rstrip("_")
    return f"{prefix}_{stem}{suffix}"


def _room(folder: Path, items: list[PartnerSheetData]) -> int:
    """Characters a file name may take in `folder` for Excel to open it; refused (before
    anything is written) when too few are left for the shortest names, an entity's id added."""
    room = EXCEL_PATH_LIMIT - len(str(folder.absolute())) - 1
    shortest = max((len(file_name(d, 0)) + len(f"_{d.partner.id}") for d in items), default=0)
    if room < shortest:
        raise PazosError(
            _(
                "La ruta de la carpeta {folder} es demasiado larga: Excel no abre un archivo "
                "cuya ruta completa pasa de {limit} caracteres. Elija una carpeta más corta "
                "(por ejemplo, en Documentos)."
            ).format(folder=folder, limit=EXCEL_PATH_LIMIT)
        )
    return room


def write_partner_sheet(data: PartnerSheetData, target: Path | io.BytesIO) -> SafetyLog:
    """Write one partner's workbook; returns what had to be changed to write its text."""
    log = SafetyLog()
    lang = data.context.lang
    wb = new_workbook(in_memory=True)
    _cover(wb, data, log)
    sheet = _commitments_sheet(wb, data, log)
    _lookup_sheet(wb, lang)
    _metadata_sheet(wb, data, sheet)
    # Sheets cannot be unhidden, renamed or added without unprotecting the workbook: LibreOffice
    # turns the very hidden metadata sheet into a plain hidden one, this keeps it out of reach
    # of an accidental "Show sheet" (against accidents, not people: there is no password).
    wb.security = WorkbookProtection(lockStructure=True)
    save_workbook(wb, target)
    return log


def _t(data: PartnerSheetData, text: str) -> str:
    return translate(text, data.context.lang)


def _cover(wb, data: PartnerSheetData, log: SafetyLog) -> None:
    ws = new_sheet(wb, _t(data, N_("Portada")))
    p, ctx = data.partner, data.context
    set_widths(ws, COVER_WIDTHS)
    # Write-only mode writes sheet properties with the first row: set them before it.
    fit_columns(ws, COVER_WIDTHS, PAPER_SIZES.get(ctx.paper, 1))  # portrait, one page wide
    title = _t(data, N_("Compromisos de {partner}")).format(partner=p.name)
    ws.append([cell(ws, title, "pz_title", log)])
    ws.append([cell(ws, ctx.org_name, "pz_note", log)])
    ws.append([])
    label_width = COVER_WIDTHS[0] * BOLD_SHARE
    for row, (label, value) in enumerate(_cover_facts(data), start=4):
        _height(ws, row, [(_t(data, label), label_width), (value, COVER_WIDTHS[1])])
        ws.append([cell(ws, _t(data, label), "pz_label"), cell(ws, value, "pz_plain", log)])
    ws.append([])
    ws.append([cell(ws, _t(data, N_("Instrucciones")), "pz_label")])
    first = 5 + len(_cover_facts(data))  # the row before the first instruction
    for number, text in enumerate(INSTRUCTIONS, start=1):
        text = _t(data, text).format(send_to=_send_to(data), date=_return_by(data))
        _height(ws, first + number, [(text, COVER_WIDTHS[1])])
        ws.append([cell(ws, f"{number}.", "pz_label"), cell(ws, text, "pz_plain", log)])
    ws.append([])
    ws.append([cell(ws, None, "pz_fill"), cell(ws, _t(data, N_("Celdas para llenar")), "pz_plain")])


def _height(ws, row: int, texts: list[tuple[str | None, float]]) -> float:
    """Set the height of a row before it is written (write-only mode needs it first); one line
    is every row's default (`_commitments_sheet`)."""
    height = row_height(texts)
    if height > LINE_HEIGHT:
        set_row_height(ws, row, height)
    return height


def _send_to(data: PartnerSheetData) -> str:
    period = data.period
    return period.send_to if period and period.send_to else _t(data, N_("la coordinación"))


def _return_by(data: PartnerSheetData) -> str:
    return format_date(data.period.return_by) if data.period else ""


def _cover_facts(data: PartnerSheetData) -> list[tuple[str, str]]:
    p, c, rows, ctx = data.partner, data.contact, data.commitments, data.context
    period = ""
    if data.period is not None:
        period = _t(data, N_("avances del {start} al {end}")).format(
            start=format_date(data.period.date_from), end=format_date(data.period.date_to)
        )
    overdue = sum(1 for r in rows if r.effective_status == "overdue")
    contact = ", ".join(filter(None, (c.name, c.position, c.email, c.phone))) if c else ""
    reporting = data.period.reporting if data.period else None
    facts = [
        (N_("Entidad"), p.name + (f" ({p.acronym})" if p.acronym else "")),
        (N_("Contacto"), contact),
        (N_("Periodo que se reporta"), period),
        (N_("Devolver a más tardar el"), _return_by(data)),
        (N_("Enviar a"), _send_to(data)),
        (N_("Generado el"), format_date(ctx.today)),
        (N_("Compromisos"), str(len(rows))),
        (N_("Vencidos"), str(overdue)),
    ]
    if reporting is not None:
        facts.insert(3, (N_("Periodo de reporte"), f"{reporting.code} ({reporting.label})"))
    if data.remarks is not None:
        facts.insert(1, (N_("Observaciones de la coordinación"), data.remark or "—"))
    return facts


def _commitments_sheet(wb, data: PartnerSheetData, log: SafetyLog) -> str:
    sheet_name = _t(data, N_("Compromisos"))
    ws = new_sheet(wb, sheet_name)
    widths = column_widths(data)
    set_widths(ws, list(widths.values()), hidden=HIDDEN)
    # Every row one line high unless set: the page breaks (PageFlow) are computed from it.
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = LINE_HEIGHT, True
    n_rows = len(data.commitments) + len(_groups(data))
    last_row = HEADER_ROW + max(n_rows, 1)
    scale = _sheet_setup(ws, data, last_row, list(widths.values()))
    title = _t(data, N_("Compromisos de {partner}")).format(partner=data.partner.name)
    ws.append([cell(ws, title, "pz_title", log)])
    legend = _t(
        data, N_("Llene solo las celdas amarillas (columnas K a N y P). Generado el {date}.")
    )
    ws.append([cell(ws, legend.format(date=format_date(data.context.today)), "pz_note")])
    columns = columns_for(data)
    labels = [(_t(data, c[1]), widths[c[0]] * BOLD_SHARE) for c in columns]
    header = max(2 * LINE_HEIGHT, row_height(labels) + 2)
    set_row_height(ws, HEADER_ROW, header)
    ws.append([cell(ws, _t(data, c[1]), "pz_header") for c in columns])
    # Rows 1-2 (title, legend) default to one line each; the header row repeats on every page.
    pages = PageFlow(ws, PAPER_SIZES.get(data.context.paper, 1), scale, 2 * 18 + header, header)
    row_number, group = HEADER_ROW, None
    for row in data.commitments:
        texts = [(_wrapped(data, row, k), widths[k]) for k in WRAPPED if k in widths]
        texts.append((status_label(row.effective_status), widths["status"]))
        remark = (data.remarks or {}).get(row.id)
        if row.component_name != group:  # a heading stays with its first commitment
            group, row_number = row.component_name, row_number + 1
            pages.add(row_number, LINE_HEIGHT, keep_with=row_height(texts))
            ws.append(_group_row(ws, group, log, sheet_name, row_number))
        row_number += 1
        pages.add(row_number, _height(ws, row_number, texts))
        ws.append(_commitment_row(ws, row, log, sheet_name, row_number, columns, remark))
    return sheet_name


def column_widths(data: PartnerSheetData) -> dict[str, float]:
    """The columns' widths, each widened to its longest word, the header's (bold) included:
    a column narrower than a word breaks it ("estudiante/s")."""
    widths = {key: width for key, _label, width, _s in columns_for(data)}
    for key, label, _w, _s in columns_for(data):
        words = [(w, BOLD_SHARE) for w in _t(data, label).split()]
        if key in WRAPPED:
            words += [
                (w, 1.0) for r in data.commitments for w in str(_wrapped(data, r, key)).split()
            ]
        room = max((len(w) / share for w, share in words), default=0)
        widths[key] = max(widths[key], math.ceil((room + 1) / CHARS_PER_UNIT))
    return widths


def _wrapped(data: PartnerSheetData, row, key: str) -> str:
    """A wrapped cell's text: the row's own, or the coordination's remark on it."""
    if key == "remark":
        return (data.remarks or {}).get(row.id) or ""
    return getattr(row, key) or ""


def _groups(data: PartnerSheetData) -> set:
    # One heading per component: a heading per cluster combination would be nearly one per row
    # (commitments name one to three clusters of nine), the cluster column shows them anyway.
    return {r.component_name for r in data.commitments}


def _sheet_setup(ws, data: PartnerSheetData, last_row: int, widths: list[float]) -> float:
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{LAST_VISIBLE}{last_row}"
    scale = print_setup(
        ws,
        data.context.paper,
        f"{HEADER_ROW}:{HEADER_ROW}",
        header=data.partner.name,
        footer_left=_t(data, N_("Generado el {date}")).format(date=format_date(data.context.today)),
        page_label=_t(data, N_("Página {page} de {pages}")),
        columns=(widths, HIDDEN, KEYS.index("title") + 1),
    )
    ws.print_area = f"A1:{get_column_letter(len(columns_for(data)))}{last_row}"
    protect(ws)
    columns = {key: get_column_letter(KEYS.index(key) + 1) for key in FILL_KEYS}
    rows = f"{HEADER_ROW + 1}:{last_row}"
    for validation in fill_validations(data, columns, rows, _t(data, LOOKUP_SHEET)):
        ws.data_validations.append(validation)
    return scale


def _group_row(ws, key, log, sheet: str, row: int) -> list:
    first = cell(ws, key, "pz_group", log)
    return [first, *([blank(ws, "pz_group")] * (VERSION_COL - 2))]


def _commitment_row(ws, r, log: SafetyLog, sheet: str, row: int, columns, remark) -> list:
    values = {
        "id": r.id,
        "component": r.component_name,
        "clusters": r.clusters,
        "title": r.title,
        "unit": r.unit,
        "target": r.target_quantity,
        "achieved": r.achieved_quantity,
        "amount": r.amount_cop,
        "due_date": r.due_date,
        "status": status_label(r.effective_status),
        "version": r.version,
        "remark": remark,
    }
    out = []
    for index, (key, _label, _w, style) in enumerate(columns, start=1):
        value = values.get(key)
        if value is None:
            out.append(blank(ws, style))
            continue
        where = f"{sheet}!{get_column_letter(index)}{row}" if isinstance(value, str) else None
        out.append(cell(ws, value, style, log, where))
    return out


def _lookup_sheet(wb, lang: str) -> None:
    ws = new_sheet(wb, translate(LOOKUP_SHEET, lang))
    for status in Status:
        ws.append([translate(STATUS_LABELS[status], lang)])
    ws.sheet_state = "hidden"


def _metadata_sheet(wb, data: PartnerSheetData, sheet: str) -> None:
    ws = new_sheet(wb, META_SHEET)
    meta = {
        "kind": KIND,
        "schema_version": SCHEMA_VERSION,
        "file_id": uuid.uuid4().hex,
        "partner_id": data.partner.id,
        "partner_name": data.partner.name,
        "generated_at": data.context.generated_at.isoformat(),
        "generated_by": data.context.author,
        "sheet": sheet,
        "header_row": HEADER_ROW,
        "columns": ",".join(c[0] for c in columns_for(data)),
        "lang": data.context.lang,
        "app_version": __version__,
    }
    reporting = data.period.reporting if data.period else None
    if reporting is not None:  # the period this sheet reports: its import records the reception
        meta |= {
            "period_code": reporting.code,
            "period_start": reporting.start.isoformat(),
            "period_end": reporting.end.isoformat(),
        }
    for key, value in meta.items():
        ws.append([key, cell(ws, str(value), "pz_text")])
    # veryHidden: not offered by Excel's "Unhide" menu; LibreOffice shows it as hidden.
    ws.sheet_state = "veryHidden"


# --- batch ------------------------------------------------------------------------------------


def export_partner_sheets(
    items: list[PartnerSheetData],
    folder: Path,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
    email_drafts: bool = False,
) -> list[SheetResult]:
    """Write one file per partner into `folder` (and its e-mail draft, `email_drafts`).

    All of them or none: on a failure or a cancel, the sheets already sent out under these
    names (a partner may be filling one in) are left as they were.
    """
    room = _room(folder, items)
    folder.mkdir(parents=True, exist_ok=True)
    results: list[SheetResult] = []
    used: set[str] = set()
    with FileBatch() as batch:
        for done, data in enumerate(items):
            step(progress, cancel, done, len(items), data.partner.name)
            result = _write_one(data, folder, used, batch, room)
            results.append(result)
            if email_drafts:
                result.draft = write_email_draft(data, result.path, batch)
        batch.commit()
    progress(len(items), len(items), _("Listo"))
    return results


def _write_one(
    data: PartnerSheetData, folder: Path, used: set[str], batch: FileBatch, room: int = 255
) -> SheetResult:
    name = file_name(data, room)
    if name.lower() in used:  # two partners whose names fold to the same file name
        own = f"_{data.partner.id}.xlsx"
        name = file_name(data, room - len(own) + len(".xlsx")).replace(".xlsx", own)
    used.add(name.lower())
    path = folder / name
    log = batch.write(path, lambda temp: write_partner_sheet(data, temp))
    return SheetResult(path, data.partner.id, data.partner.name, len(data.commitments), log)


def generated_on(meta: dict[str, str]) -> str:
    """The generation date of a sheet's metadata, as users read dates."""
    try:
        return format_date(dt.datetime.fromisoformat(meta.get("generated_at", "")).date())
    except ValueError:
        return "?"
