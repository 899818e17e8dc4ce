"""Reading a workbook in the bulk format: sheets found by name, columns by header or HXL tag,
IDs and versions parsed here, record fields by the record's rules. Bad cells become problems
with sheet, row and column.
"""

from __future__ import annotations

from pathlib import Path

from pazos_desktop import parsing
from pazos_desktop.domain.fields import Kind
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import PazosError
from pazos_desktop.excel import reader
from pazos_desktop.excel.bulk.format import (
    ID,
    IMPORT_SHEETS,
    VERSION,
    Column,
    SheetSpec,
    column_lookup,
    sheet_for_name,
)
from pazos_desktop.excel.bulk.rows import (
    BulkRow,
    BulkSheet,
    check_missing_columns,
    header_columns,
    is_hxl_row,
)
from pazos_desktop.excel.common import CancelFn, ProgressFn, belongs_elsewhere, file_kind, step
from pazos_desktop.excel.indicators import preview as indicator_import  # its own sheets
from pazos_desktop.excel.partner.sheets import KIND as PARTNER_SHEET
from pazos_desktop.excel.preview import Preview
from pazos_desktop.i18n import N_, _, translate

# Sheets of our own files that hold no records: skipped without a note.
OWN_SHEETS = {
    fold(translate(text, lang))
    for text in (N_("Listas"), N_("Matriz"), N_("Instrucciones"))
    for lang in ("es", "en")
}


def read_bulk(
    path: Path, preview: Preview, progress: ProgressFn, cancel: CancelFn
) -> dict[str, BulkSheet]:
    """Importable sheets of the file by spec key; bad cells are added to `preview.problems`."""
    found: dict[str, BulkSheet] = {}
    with reader.open_workbook(path) as wb:
        if file_kind(wb) == PARTNER_SHEET:
            raise belongs_elsewhere(path, "progress")
        names = [n for n in wb.sheetnames if not n.startswith("_")]
        for done, name in enumerate(names):
            step(progress, cancel, done, len(names), name)
            spec = sheet_for_name(name)
            if spec is None and (own := indicator_import.spec_for_name(name)) is not None:
                found[own.key] = indicator_import.read_sheet(wb[name], name, own, path, preview)
                continue
            if spec is None or not spec.importable:
                if spec is None and fold(name) not in OWN_SHEETS:
                    preview.notes.append(_("Hoja «{sheet}» ignorada.").format(sheet=name))
                continue
            found[spec.key] = _read_sheet(wb[name], name, spec, path, preview)
    if not found:
        raise PazosError(
            _(
                "El archivo {name} no tiene ninguna hoja del formato de carga masiva (Entidades, "
                "Contactos, Clústeres, Barrios, Programas, Compromisos). Descargue la plantilla."
            ).format(name=path.name)
        )
    return {
        s.key: found[s.key] for s in (*IMPORT_SHEETS, *indicator_import.SPECS) if s.key in found
    }


def _read_sheet(ws, name: str, spec: SheetSpec, path: Path, preview: Preview) -> BulkSheet:
    lookup = column_lookup(spec)
    sheet = BulkSheet(spec, name, {})
    positions: dict[int, Column] = {}
    for number, values in reader.rows(ws, path):
        if number == 1:
            positions = header_columns(values, lookup)
            sheet.columns = {c.key: c for c in positions.values()}
            check_missing_columns(sheet, path, preview)
            continue
        if number == 2 and is_hxl_row(values):
            continue
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        sheet.rows.append(BulkRow(number, _parse(values, positions, sheet, path, number, preview)))
    return sheet


def _cell(col: Column, raw):
    """IDs and versions are read here, texts and names as text; a record's numbers, dates,
    yes/no and choices are handed over as the cell holds them, for the record's rules to parse
    with the declared field (one parser, one message)."""
    if col.kind in (ID, VERSION):
        return parsing.parse_whole(raw)
    if col.field is not None and col.field.kind not in TEXT_KINDS:
        return raw
    return parsing.parse_text(raw)  # never refuses: the rules check what the text holds


TEXT_KINDS = (Kind.TEXT, Kind.LONG, Kind.REF, Kind.REFS)


def _parse(values, positions, sheet: BulkSheet, path: Path, number: int, preview) -> dict:
    out = {}
    for index, col in positions.items():
        raw = values[index] if index < len(values) else None
        try:
            out[col.key] = _cell(col, raw)
        except parsing.ParseError as exc:
            preview.problem(path.name, sheet.title, number, sheet.label(col.key), exc.message)
            out[col.key] = None
    return out
