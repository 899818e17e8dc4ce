"""Writing the rows of a write-only sheet faster than openpyxl does, the same XML.

openpyxl writes each cell through a context manager of its incremental XML writer, finds the
cell's style id by hashing its style array in the workbook's list, and does so again for the
shared blank cells of every row: most of a partner sheet's time. Here a row is one lxml element
built at once, a style's id is looked up once per distinct style, and a cell of any other kind
(a formula, a comment, a link, rich text) leaves the row to openpyxl's own writer. Small
workbooks are also streamed into memory instead of one temporary file per sheet (`in_memory`).
"""

from __future__ import annotations

from io import BytesIO
from types import MethodType
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import fromstring
from openpyxl.compat import safe_string
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer import excel as excel_writer
from openpyxl.writer.excel import ExcelWriter

PLAIN_TYPES = {"s", "n", "b", "d"}


class RowWriter(WorksheetWriter):
    """openpyxl's sheet writer with a faster `write_row`; `memory`: into a BytesIO."""

    def __init__(self, ws, memory: bool = False):
        super().__init__(ws, out=BytesIO() if memory else None)
        self.memory = memory
        self.style_ids: dict[bytes, str] = {}
        self.letters = [get_column_letter(i) for i in range(1, 200)]
        self.epoch = ws.parent.epoch
        self.heights: dict[int, float] = ws.__dict__.setdefault("pazos_heights", {})

    def cleanup(self):
        if not self.memory:
            super().cleanup()

    def write_row(self, xf, row, row_idx):
        row, dims = list(row), self.ws.row_dimensions
        plain = all(_plain(cell) for cell in row)
        height = self.heights.pop(row_idx, None)
        if height is not None and (row_idx in dims or not plain):
            dims[row_idx].height = height  # openpyxl writes this row's dimension
            height = None
        if not plain:
            return super().write_row(xf, iter(row), row_idx)
        if row_idx in dims:
            extra = "".join(f' {k}="{v}"' for k, v in dims[row_idx])
        else:  # what openpyxl's row dimension writes for a height alone
            extra = "" if not height else f' ht="{safe_string(float(height))}" customHeight="1"'
        parts, letters, epoch = [f'<row r="{row_idx}"{extra}>'], self.letters, self.epoch
        # A row's cells in order from column A: a shared blank cell (styles.blank) stands in
        # several columns of one row, so its own `column` names only the last of them.
        for column, cell in enumerate(row, start=1):
            value, styled = cell._value, cell._style is not None
            if value is None and not styled:
                continue
            letter = letters[column - 1] if column < 200 else get_column_letter(column)
            style = f' s="{self._style_id(cell)}"' if styled else ""
            parts.append(_cell_xml(f"{letter}{row_idx}", style, cell.data_type, value, epoch))
        parts.append("</row>")
        if self.memory:
            # Into memory, the row's text goes straight to the stream after what the XML
            # writer holds (its buffer flushed first): parsing it into an element only for
            # the writer to serialise it again took a fifth of a partner sheet's time. The
            # text is well-formed by construction (cells.py removed what XML cannot hold).
            xf.flush()
            self.out.write("".join(parts).encode())
            return
        # One parse of the row's text (C) instead of an element per cell built from Python.
        xf.write(fromstring("".join(parts)))

    def _style_id(self, cell) -> str:
        key = cell._style.tobytes()
        found = self.style_ids.get(key)
        if found is None:
            found = self.style_ids[key] = str(cell.style_id)
        return found


def _plain(cell) -> bool:
    return (
        cell._comment is None
        and cell._hyperlink is None
        and cell.data_type in PLAIN_TYPES
        and (cell.data_type != "s" or isinstance(cell._value, str) or cell._value is None)
    )


def _cell_xml(ref: str, style: str, data_type: str, value, epoch) -> str:
    """A cell as openpyxl writes it: inline strings, Excel serials for dates."""
    if data_type == "s":
        if not value:
            return f'<c r="{ref}"{style} t="inlineStr"/>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'
    if data_type == "d":
        data_type = "n"
        value = None if value is None else to_excel(value, epoch)
    if value is None or value == "":
        return f'<c r="{ref}"{style} t="{data_type}"/>'
    return f'<c r="{ref}"{style} t="{data_type}"><v>{safe_string(value)}</v></c>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_row_height(ws, row: int, height: float) -> None:
    """The height of a row of a sheet, in points; on a write-only sheet, before its row is
    written. The fast writer keeps it in a plain dict: openpyxl's row dimension, built for the
    row and read back attribute by attribute, cost a tenth of a partner sheet's time."""
    heights = ws.__dict__.get("pazos_heights")
    if heights is None:
        ws.row_dimensions[row].height = height
    else:
        heights[row] = height


def use_row_writer(ws, memory: bool) -> None:
    """Give a write-only sheet the faster writer (made when its first row comes, as openpyxl
    makes its own: after the sheet's set-up)."""
    ws.pazos_heights = {}

    def get_writer(self) -> None:
        if self._writer is None:
            self._writer = RowWriter(self, memory)
            self._writer.write_top()

    ws._get_writer = MethodType(get_writer, ws)


class _Archive(ZipFile):
    """The xlsx container, taking a sheet written into memory as it takes one from a file."""

    def write(self, filename, arcname=None, *args, **kwargs):
        if isinstance(filename, BytesIO):
            return self.writestr(arcname, filename.getvalue())
        return super().write(filename, arcname, *args, **kwargs)


def save_workbook(wb, target) -> None:
    """`wb.save(target)` that also takes sheets written into memory."""
    ExcelWriter(wb, _Archive(target, "w", ZIP_DEFLATED, allowZip64=True)).save()


# --- one stylesheet per set of styles ---------------------------------------------------------
# openpyxl builds a workbook's styles part from scratch at every save: an eighth of a partner
# sheet's time, although the 200 sheets of one export share the same styles. The part is kept
# per style tables (compared by value) and built again only for tables not seen before.

_build_stylesheet = excel_writer.write_stylesheet
_stylesheets: dict[tuple, object] = {}


def _style_key(wb) -> tuple | None:
    if (
        wb._differential_styles.styles
        or wb._table_styles.tableStyle
        or wb._colors is not COLOR_INDEX
    ):
        return None  # conditional formats, table styles, custom colours: not ours, not kept
    return (
        tuple(wb._fonts),
        tuple(wb._fills),
        tuple(wb._borders),
        tuple(wb._number_formats),
        tuple(wb._alignments),
        tuple(wb._protections),
        tuple(style.tobytes() for style in wb._cell_styles),
        tuple(wb._named_styles),
    )


def _stylesheet(wb):
    key = _style_key(wb)
    if key is None:
        return _build_stylesheet(wb)
    found = _stylesheets.get(key)
    if found is None:
        if len(_stylesheets) >= 16:
            _stylesheets.clear()
        found = _stylesheets[key] = _build_stylesheet(wb)
    return found


excel_writer.write_stylesheet = _stylesheet  # every save of the process (the writer's global)
