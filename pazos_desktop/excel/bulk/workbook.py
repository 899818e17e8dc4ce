"""The full workbook (all partners, contacts, territory, programs, commitments, progress and a
cluster x component matrix) and the empty bulk template: both in the bulk format, so either
can be filled or edited and imported with the bulk import (`preview.py`).

Each data sheet carries an HXL hashtag row under its header unless `hxl=False`.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pazos_desktop import __version__
from pazos_desktop.domain.fields import Kind
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.vocabulary import PARTNER_TYPE_LABELS, STATUS_LABELS
from pazos_desktop.excel.bulk.format import (
    BOOL,
    CHOICE,
    COP,
    DATE,
    ID,
    IMPORT_SHEETS,
    NUMBER,
    VERSION,
    WORKBOOK_SHEETS,
    YES_NO,
    SheetSpec,
)
from pazos_desktop.excel.common import (
    META_SHEET,
    SCHEMA_VERSION,
    CancelFn,
    ProgressFn,
    never_cancel,
    no_progress,
    step,
)
from pazos_desktop.excel.data import SheetContext, WorkbookData
from pazos_desktop.excel.indicators import sheets as indicator_sheets
from pazos_desktop.i18n import N_, translate
from pazos_desktop.services.report.summaries import Matrix
from pazos_desktop.writers.xlsx.cells import SafetyLog
from pazos_desktop.writers.xlsx.fastrows import set_row_height
from pazos_desktop.writers.xlsx.printing import fit_columns
from pazos_desktop.writers.xlsx.styles import (
    CHARS_PER_UNIT,
    PAPER_SIZES,
    blank,
    cell,
    new_sheet,
    new_workbook,
    print_setup,
    row_height,
    set_widths,
)

WORKBOOK_KIND = "workbook"
TEMPLATE_KIND = "bulk_template"
LISTS_SHEET = N_("Listas")
MATRIX_SHEET = N_("Matriz")
VALIDATED_ROWS = 2_000  # drop-downs reach this far past the last written row
INSTRUCTIONS_WIDTH = 94  # the instructions' one column: a portrait page wide
STYLE = {ID: "pz_int", VERSION: "pz_int", NUMBER: "pz_number", COP: "pz_cop", DATE: "pz_date"}

TEMPLATE_HELP = [
    N_("Plantilla de carga masiva de PAZOS Coordinación."),
    N_(
        "Llene las hojas en este orden: Entidades, Contactos, Clústeres, Barrios, Programas, "
        "Compromisos. Cada hoja se refiere a las anteriores por nombre."
    ),
    N_(
        "Deje vacía la columna ID para crear registros nuevos; con ID (o con el mismo nombre) "
        "se actualiza el registro existente: importar dos veces no duplica nada."
    ),
    N_("Un compromiso sin ID se reconoce por su entidad, componente, título, clústeres y fechas."),
    N_(
        "Clústeres de un compromiso: separe los nombres con punto y coma, o escriba "
        "«Todos los clústeres»."
    ),
    N_("Fechas en formato dd/mm/aaaa; cantidades y valores como números."),
    indicator_sheets.HELP,
    N_("La fila de etiquetas #HXL bajo los encabezados es opcional."),
    N_("Importe el archivo desde el programa o con: main.py import bulk ARCHIVO --dry-run"),
]


def write_workbook(
    data: WorkbookData,
    target: Path | io.BytesIO,
    hxl: bool = True,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
) -> SafetyLog:
    """Write the whole register; returns what had to be changed to write its text."""
    log = SafetyLog()
    ctx = data.context
    wb = new_workbook()
    specs = [s for s in WORKBOOK_SHEETS if s.key in data.sheets]
    for done, spec in enumerate(specs):
        step(progress, cancel, done, len(specs) + 1, spec.name(ctx.lang))
        write_data_sheet(wb, spec, data.sheets[spec.key], ctx, hxl, log)
    write_indicator_sheets(wb, data.sheets, ctx, hxl, log)
    if data.matrix is not None:
        _matrix_sheet(wb, data.matrix, ctx)
    _lists_sheet(wb, ctx.lang, data.components)
    _metadata(wb, ctx, WORKBOOK_KIND, hxl)
    wb.save(target)
    progress(len(specs) + 1, len(specs) + 1, "")
    return log


def write_template(ctx: SheetContext, components: list[str], target: Path | io.BytesIO) -> None:
    """The empty bulk-import template: instructions, one sheet per kind of record, lists."""
    wb = new_workbook()
    ws = new_sheet(wb, translate(N_("Instrucciones"), ctx.lang))
    set_widths(ws, [INSTRUCTIONS_WIDTH])
    fit_columns(ws, [INSTRUCTIONS_WIDTH], PAPER_SIZES.get(ctx.paper, 1))  # portrait, one page
    for number, text in enumerate(TEMPLATE_HELP):
        style = "pz_title" if number == 0 else "pz_plain"
        if number:
            shown = translate(text, ctx.lang)
            set_row_height(ws, number + 1, row_height([(shown, INSTRUCTIONS_WIDTH)], 2))
        ws.append([cell(ws, translate(text, ctx.lang), style)])
    for spec in IMPORT_SHEETS:
        write_data_sheet(wb, spec, [], ctx, True, None)
    write_indicator_template_sheets(wb, ctx)
    _lists_sheet(wb, ctx.lang, components)
    _metadata(wb, ctx, TEMPLATE_KIND, True)
    wb.save(target)


def write_data_sheet(wb, spec: SheetSpec, rows: list[dict], ctx, hxl: bool, log) -> None:
    ws = new_sheet(wb, spec.name(ctx.lang))
    columns = list(spec.columns)
    hidden = {i for i, c in enumerate(columns, start=1) if c.kind == VERSION}
    set_widths(ws, [c.width for c in columns], hidden)
    first_data = 3 if hxl else 2
    last = get_column_letter(len(columns))
    ws.freeze_panes = f"B{first_data}"
    ws.auto_filter.ref = f"A1:{last}{max(first_data - 1 + len(rows), first_data)}"
    title = spec.name(ctx.lang)
    shape = ([c.width for c in columns], hidden, _identifying(columns))
    print_setup(
        ws, ctx.paper, f"1:{first_data - 1}", title, format_date(ctx.today), _page(ctx), shape
    )
    _validations(ws, spec, ctx.lang, first_data, first_data + len(rows) + VALIDATED_ROWS)
    headers = [c.header(ctx.lang) for c in columns]
    # Bold labels take more room than the body's letters: measured a little narrower.
    labels = [(h, c.width * 0.9) for h, c in zip(headers, columns, strict=True)]
    set_row_height(ws, 1, row_height(labels, minimum=2))
    ws.append([cell(ws, h, "pz_header") for h in headers])
    if hxl:
        ws.append([cell(ws, c.hxl, "pz_hxl") for c in columns])
    styles = [STYLE.get(c.kind, "pz_text") for c in columns]
    keys = [c.key for c in columns]
    bools = {i for i, c in enumerate(columns) if c.kind == BOOL}
    yes, no = (translate(label, ctx.lang) for label in YES_NO)
    wrapped = [(i, c.width) for i, c in enumerate(columns) if styles[i] == "pz_wrap"]
    for number, row in enumerate(rows, start=first_data):
        values = [row.get(k) for k in keys]
        for i in bools:
            values[i] = yes if values[i] else no
        _fit_height(ws, number, [(values[i], width) for i, width in wrapped])
        ws.append(
            [
                blank(ws, s) if v is None else cell(ws, v, s, log)
                for v, s in zip(values, styles, strict=True)
            ]
        )


def _fit_height(ws, row: int, texts: list[tuple[object, float]]) -> None:
    """A row tall enough for its wrapped texts (set before it is written: write-only mode);
    only rows with a text longer than its column are measured."""
    long = [(t, w) for t, w in texts if isinstance(t, str) and len(t) > w * CHARS_PER_UNIT - 1]
    if long:
        set_row_height(ws, row, row_height(long))


NAME_KEYS = ("name", "title", "indicator_name")


def _identifying(columns) -> int:
    """How many leading columns say which row it is: the ID through the name or title."""
    keys = [c.key for c in columns]
    return next((i for i, key in enumerate(keys, start=1) if key in NAME_KEYS), 1)


def _page(ctx) -> str:
    return translate(N_("Página {page} de {pages}"), ctx.lang)


def _validations(ws, spec: SheetSpec, lang: str, first: int, last: int) -> None:
    lists = translate(LISTS_SHEET, lang)
    ranges = {"status": "A", "type": "B", "component": "C"}
    for index, col in enumerate(spec.columns, start=1):
        source = ranges.get(col.key) if col.kind == CHOICE else ("D" if col.kind == BOOL else None)
        if source is None:
            continue
        dv = DataValidation(
            type="list", formula1=f"'{lists}'!${source}$1:${source}$20", allow_blank=True
        )
        letter = get_column_letter(index)
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dv)


def _lists_sheet(wb, lang: str, components: list[str]) -> None:
    ws = new_sheet(wb, translate(LISTS_SHEET, lang))
    columns = [
        [translate(label, lang) for label in list(STATUS_LABELS.values())[:5]],
        [translate(label, lang) for label in PARTNER_TYPE_LABELS.values()],
        list(components),
        [translate(label, lang) for label in YES_NO],
    ]
    for i in range(max(len(c) for c in columns)):
        ws.append([cell(ws, c[i] if i < len(c) else None, "pz_text") for c in columns])
    ws.sheet_state = "hidden"


def _matrix_sheet(wb, matrix: Matrix, ctx) -> None:
    ws = new_sheet(wb, translate(MATRIX_SHEET, ctx.lang))
    lang = ctx.lang
    widths = [30, *([16] * (len(matrix.columns) + 1))]
    set_widths(ws, widths)
    print_setup(
        ws, ctx.paper, "1:2", translate(MATRIX_SHEET, lang), "", _page(ctx), (widths, set(), 1)
    )
    title = translate(N_("Compromisos por clúster y componente (total · % cumplido)"), lang)
    ws.append([cell(ws, title, "pz_title")])
    header = [translate(N_("Clúster"), lang), *(n for _i, n in matrix.columns)]
    header.append(translate(N_("Total"), lang))
    labels = row_height([(h, w * 0.9) for h, w in zip(header, widths, strict=False)])
    set_row_height(ws, 2, labels)
    set_row_height(ws, len(matrix.rows) + 4, labels)
    ws.append([cell(ws, h, "pz_header") for h in header])
    for row_id, name in matrix.rows:
        cells = [matrix.cell(row_id, c) for c, _n in matrix.columns] + [matrix.row_total(row_id)]
        ws.append([cell(ws, name, "pz_text"), *(cell(ws, c.total, "pz_int") for c in cells)])
    ws.append([])
    ws.append([cell(ws, h, "pz_header") for h in header])
    for row_id, name in matrix.rows:
        cells = [matrix.cell(row_id, c) for c, _n in matrix.columns] + [matrix.row_total(row_id)]
        ws.append([cell(ws, name, "pz_text"), *(cell(ws, c.percent, "pz_percent") for c in cells)])


def _metadata(wb, ctx, kind: str, hxl: bool) -> None:
    ws = new_sheet(wb, META_SHEET)
    meta = {
        "kind": kind,
        "schema_version": SCHEMA_VERSION,
        "file_id": uuid.uuid4().hex,
        "generated_at": ctx.generated_at.isoformat(),
        "generated_by": ctx.author,
        "hxl": int(hxl),
        "lang": ctx.lang,
        "app_version": __version__,
    }
    for key, value in meta.items():
        ws.append([key, cell(ws, str(value), "pz_text")])
    ws.sheet_state = "veryHidden"


# --- the indicator sheets ---------------------------------------------------------------------


def write_indicator_sheets(wb, sheets: dict[str, list[dict]], ctx, hxl: bool, log) -> None:
    """The indicator sheets present in `sheets` (the workbook writer's data.sheets)."""
    for spec in indicator_sheets.SPECS:
        if spec.key in sheets:
            write_data_sheet(wb, spec, sheets[spec.key], ctx, hxl, log)
            _choices(wb.worksheets[-1], spec, ctx.lang, 3 if hxl else 2, len(sheets[spec.key]))


def write_indicator_template_sheets(wb, ctx) -> None:
    write_indicator_sheets(wb, {s.key: [] for s in indicator_sheets.SPECS}, ctx, True, None)


def _choices(ws, spec: SheetSpec, lang: str, first: int, rows: int) -> None:
    """Drop-downs for the choice columns (short lists: written inline)."""
    declared = indicator_sheets.DECLARED[spec.key]
    last = first + rows + 2_000
    for index, col in enumerate(spec.columns, start=1):
        f = declared[col.key] if col.key in declared else None
        if f is None or f.kind != Kind.CHOICE or not f.choices:
            continue
        labels = [translate(label, lang) for key, label in f.choices.items() if key]
        dv = DataValidation(type="list", formula1=f'"{",".join(labels)}"', allow_blank=True)
        letter = get_column_letter(index)
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dv)
