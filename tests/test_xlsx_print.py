"""Every sheet of every workbook the program writes, printed: converted to PDF by LibreOffice
(all six workbooks in one run of it) and measured there — the smallest body text, every sheet
printed, the partner sheet one page wide and whole words — then the cells' own formats, fonts,
heights and page set-up read with openpyxl; and the HXL tags checked by `hxlvalidate`."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from hxl.scripts import hxlvalidate_main
from openpyxl import load_workbook
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

from pazos_desktop.writers.xlsx.styles import CHARS_PER_UNIT, LINE_HEIGHT, wrapped_lines
from tests.excel_support import SOFFICE
from tests.pdf_support import pdf_pages, poppler_pages

pytest_plugins = ["document_outputs"]
pytestmark = pytest.mark.xdist_group("house_outputs")

MARGIN_BAND = 0.6 * 72  # the page header and footer print inside it; the sheet's body not


@pytest.fixture(scope="module")
def printed(house_outputs, tmp_path_factory) -> dict:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("printed")
    books = house_outputs.workbooks
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless"]
        + ["--convert-to", "pdf", "--outdir", str(out), *map(str, books.values())],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: out / f"{path.stem}.pdf" for name, path in books.items()}


def _first_pages(pages: list[str], titles: list[str]) -> list[int]:
    """The page each sheet starts on (0-based), found by its title in the page header, in the
    sheets' order. A sheet prints at one scale: its first page says how small its text is."""
    starts, after = {0}, 0
    for title in titles:
        found = next((i for i in range(after, len(pages)) if title in pages[i]), None)
        if found is not None:  # a sheet without a page header (a cover) has no title printed
            starts.add(found)
            after = found + 1
    return sorted(starts)


def _body_sizes(pdf, numbers: list[int]) -> list[float]:
    """The smallest text size of the pages `numbers`, outside the header and footer bands."""
    out = []
    # The characters only, no layout analysis: pdfminer's layout took minutes over 150 pages.
    for page in extract_pages(pdf, page_numbers=numbers, laparams=None):
        sizes = [
            c.size
            for c in _chars(page)
            if MARGIN_BAND < c.y0 and c.y1 < page.height - MARGIN_BAND and c.get_text().strip()
        ]
        out.append(min(sizes, default=99.0))
    return out


def _chars(layout):
    for item in layout:
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            yield from _chars(item)


def test_every_sheet_prints_at_eight_points_or_more(house_outputs, printed):
    for name, pdf in printed.items():
        book = load_workbook(house_outputs.workbooks[name], read_only=True)
        visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
        pages = poppler_pages(pdf)
        assert len(pages) >= len(visible), name  # every visible sheet printed
        starts = _first_pages(pages, visible)
        assert len(starts) >= len(visible) - 1, (name, starts)
        sizes = _body_sizes(pdf, starts)
        assert min(sizes) >= 8.0, (name, [round(s, 1) for s in sizes])


def test_the_partner_sheet_is_one_page_wide_and_breaks_no_word(house_outputs, printed):
    pages = pdf_pages(printed["partner"])
    sheet = [p for p in pages if "Fecha límite" in p]
    assert sheet and all("Comentario" in p for p in sheet)  # its last column on every page
    assert "Devolver a más tardar el" in pages[0]
    book = load_workbook(house_outputs.workbooks["partner"])
    words = {
        word
        for row in book["Compromisos"].iter_rows(min_row=4, values_only=True)
        for value in row[2:5]  # clusters, title, unit: the wrapped columns
        if isinstance(value, str)
        for word in re.findall(r"\w{4,}", value)
    }
    printed_words = set(re.findall(r"\w+", " ".join(sheet)))
    assert words and words <= printed_words, sorted(words - printed_words)


def test_formats_fonts_heights_and_page_setup(house_outputs):
    for name, path in house_outputs.workbooks.items():
        book = load_workbook(path)
        for ws in book.worksheets:
            if ws.sheet_state != "visible":
                continue
            setup = ws.page_setup
            assert setup.paperSize in (1, "1"), (name, ws.title)  # Letter, as the settings say
            if ws.sheet_properties.pageSetUpPr.fitToPage:
                assert setup.fitToWidth == 1, (name, ws.title)
            else:  # wider than a page: across pages at 80 %+, its first columns repeated
                assert int(setup.scale) >= 80 and ws.print_title_cols, (name, ws.title)
            _cells(name, ws)
    report = load_workbook(house_outputs.workbooks["report"])["Indicadores"]
    header = [c.value for c in report[4]]
    column = header.index("% cumplido") + 1
    formats = {report.cell(row, column).number_format for row in range(5, report.max_row + 1)}
    assert formats == {"0%"}  # was General: 0.454545455


def _cells(name: str, ws) -> None:
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            assert cell.font.name, (name, ws.title, cell.coordinate)  # never a nameless font
            assert cell.font.sz is None or cell.font.sz >= 10, (name, ws.title, cell.coordinate)
            wrapped = cell.alignment.wrap_text and isinstance(cell.value, str)
            if wrapped and cell.coordinate not in ws.merged_cells:
                width = widths.get(cell.column_letter) or 8.43
                lines = wrapped_lines(cell.value, width, CHARS_PER_UNIT)
                if lines > 1:
                    height = ws.row_dimensions[cell.row].height or LINE_HEIGHT
                    assert height >= lines * 12.5, (name, ws.title, cell.coordinate, height)


def _tagged(path) -> list[int]:
    book = load_workbook(path, read_only=True)
    found = []
    for number, ws in enumerate(book.worksheets, 1):
        second = next(ws.iter_rows(min_row=2, max_row=2, values_only=True), ())
        if ws.sheet_state == "visible" and any(str(v or "").startswith("#") for v in second):
            found.append(number)
    return found


def test_hxl_tags_validate(house_outputs):
    checked = 0
    for name in ("workbook", "indicators", "template"):
        path = house_outputs.workbooks[name]
        for sheet in _tagged(path):
            report = io.StringIO()
            hxlvalidate_main(["--sheet", str(sheet), str(path)], stdout=report)
            text = report.getvalue()
            assert re.search(r"\b0 error\(s\)", text), (name, sheet, text[-800:])
            checked += 1
    assert checked >= 15  # every tagged sheet of the three
