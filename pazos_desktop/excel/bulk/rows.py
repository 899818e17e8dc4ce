"""A sheet of a bulk file as read: its columns found by header or HXL tag, its rows parsed;
shared by the bulk format's sheets and the indicator sheets of the same file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pazos_desktop.domain.text import fold
from pazos_desktop.excel.bulk.format import Column, SheetSpec
from pazos_desktop.excel.preview import Preview
from pazos_desktop.i18n import _, get_language


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


def header_columns(values: tuple, lookup: dict[str, Column]) -> dict[int, Column]:
    out: dict[int, Column] = {}
    for index, value in enumerate(values):
        raw = str(value).strip() if value is not None else ""
        col = lookup.get(raw.lower()) if raw.startswith("#") else lookup.get(fold(raw))
        if col is not None and not col.info and col not in out.values():
            out[index] = col
    return out


def is_hxl_row(values: tuple) -> bool:
    texts = [str(v).strip() for v in values if v not in (None, "")]
    return bool(texts) and all(t.startswith("#") for t in texts)


def check_missing_columns(sheet: BulkSheet, path: Path, preview: Preview) -> None:
    for col in sheet.spec.columns:
        if col.required and col.key not in sheet.columns:
            preview.problem(
                path.name, sheet.title, 1, sheet.label(col.key), _("falta esta columna.")
            )
