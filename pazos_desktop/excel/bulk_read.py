"""Reading a workbook in the bulk format: sheets found by name, columns by header or HXL tag,
each cell parsed by its column's kind. Bad cells become problems with sheet, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import fold
from ..errors import PazosError
from ..i18n import N_, _, get_language, translate
from . import CancelFn, ProgressFn, reader, step
from .bulk_format import (
    BOOL,
    COP,
    DATE,
    ID,
    IMPORT_SHEETS,
    NUMBER,
    VERSION,
    Column,
    SheetSpec,
    column_lookup,
    sheet_for_name,
)
from .preview import Preview

# Sheets of our own files that hold no records: skipped without a note.
OWN_SHEETS = {
    fold(translate(text, lang))
    for text in (N_("Listas"), N_("Matriz"), N_("Instrucciones"))
    for lang in ("es", "en")
}


@dataclass
class BulkRow:
    number: int
    values: dict  # column key -> parsed value (missing columns are absent)


@dataclass
class BulkSheet:
    spec: SheetSpec
    title: str  # as named in the file
    columns: dict[str, Column]  # key -> column found in the file
    rows: list[BulkRow] = field(default_factory=list)

    def label(self, key: str) -> str:
        return self.spec.column(key).header(get_language())


def read_bulk(
    path: Path, preview: Preview, progress: ProgressFn, cancel: CancelFn
) -> dict[str, BulkSheet]:
    """Importable sheets of the file by spec key; bad cells are added to `preview.problems`."""
    found: dict[str, BulkSheet] = {}
    with reader.open_workbook(path) as wb:
        names = [n for n in wb.sheetnames if not n.startswith("_")]
        from . import indicator_import  # its own sheets (fichas, values, populations)

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
            positions = _header(values, lookup)
            sheet.columns = {c.key: c for c in positions.values()}
            _missing_columns(sheet, path, preview)
            continue
        if number == 2 and _is_hxl(values):
            continue
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        sheet.rows.append(BulkRow(number, _parse(values, positions, sheet, path, number, preview)))
    return sheet


def _header(values: tuple, lookup: dict[str, Column]) -> dict[int, Column]:
    out: dict[int, Column] = {}
    for index, value in enumerate(values):
        raw = str(value).strip() if value is not None else ""
        col = lookup.get(raw.lower()) if raw.startswith("#") else lookup.get(fold(raw))
        if col is not None and not col.info and col not in out.values():
            out[index] = col
    return out


def _is_hxl(values: tuple) -> bool:
    texts = [str(v).strip() for v in values if v not in (None, "")]
    return bool(texts) and all(t.startswith("#") for t in texts)


def _missing_columns(sheet: BulkSheet, path: Path, preview: Preview) -> None:
    for col in sheet.spec.columns:
        if col.required and col.key not in sheet.columns:
            preview.problem(
                path.name, sheet.title, 1, sheet.label(col.key), _("falta esta columna.")
            )


PARSERS = {
    ID: reader.whole_number,
    VERSION: reader.whole_number,
    NUMBER: reader.number,
    COP: reader.number,
    DATE: reader.date,
    BOOL: reader.boolean,
}


def _parse(values, positions, sheet: BulkSheet, path: Path, number: int, preview) -> dict:
    out = {}
    for index, col in positions.items():
        raw = values[index] if index < len(values) else None
        try:
            out[col.key] = PARSERS.get(col.kind, reader.text)(raw)
        except reader.CellError as exc:
            preview.problem(path.name, sheet.title, number, sheet.label(col.key), str(exc))
            out[col.key] = None
    return out
