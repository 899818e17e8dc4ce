"""Page flow as a reader sees it, read back from the PDFs with pdfminer: no heading at a page's
foot, the signatures with the end of the acta, no page of blank attendance rows, the "(*)"
explained on every page that shows it, no report page under a third full but before a part,
and the series in the acta's page header and title."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTFigure, LTTextContainer, LTTextLine
from pypdf import PdfReader
from sqlalchemy import select

from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.domain.meetings import minutes_file_name
from pazos_desktop.services.meetings.editing import find_meeting
from tests.conftest import database_on
from tests.pdf_support import pdf_pages

pytest_plugins = ["document_outputs"]
pytestmark = pytest.mark.xdist_group("house_outputs")  # one set of files per worker

FOOTER = 40  # points from the bottom: the footer's line ("Generado el", "Página X de Y")
HEADINGS = {12.0, 10.5}  # h1 and h2 (writers/pdf/document.py styles)


@dataclass
class Line:
    text: str
    y: float
    heading: bool


def _lines(layout) -> list[Line]:
    out = []
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
            if chars:
                bold = all("Bold" in c.fontname for c in chars)
                size = round(chars[0].size, 1)
                out.append(Line(item.get_text().strip(), item.y0, bold and size in HEADINGS))
        elif isinstance(item, LTTextContainer | LTFigure):
            stack += list(item)
    return out


def _pages(path):
    return list(extract_pages(path))


def _body(page) -> list[Line]:
    return [line for line in _lines(page) if line.y > FOOTER]


def test_no_heading_at_a_page_foot(house_outputs):
    for name in ("acta_letter", "acta_a4", "acta_frozen_a4", "acta_en", "report_a4", "person_es"):
        for number, page in enumerate(_pages(house_outputs.pdfs[name]), 1):
            body = _body(page)
            last = min(body, key=lambda line: line.y)
            assert not last.heading, (name, number, last.text)


def test_the_signatures_keep_the_end_of_the_acta(house_outputs):
    for name in ("acta_letter", "acta_a4", "acta_frozen", "acta_frozen_a4"):
        pages = pdf_pages(house_outputs.pdfs[name])
        [signed] = [p for p in pages if "Firmas" in p and "Elaboró" in p]
        assert "Próxima reunión" in signed, name  # never a page of signatures alone


def test_no_page_of_blank_attendance_rows_and_the_mark_explained(house_outputs):
    number, year, series = house_outputs.draft
    db = database_on(house_outputs.db_target)
    with db.session() as s:
        meeting = find_meeting(s, year, number, series)
        names = list(
            s.scalars(select(MeetingAttendee.name).where(MeetingAttendee.meeting_id == meeting.id))
        )
    db.dispose()
    assert len(names) >= 10
    for doc in ("attendance", "attendance_a4_en"):
        pages = pdf_pages(house_outputs.pdfs[doc])
        assert len(pages) <= 2, doc  # ten people and ten blank rows: was three pages
        for text in pages:
            assert any(n in text for n in names), doc  # no page of blank rows only
            if "(*)" in text:
                assert "(*) Sin autorización vigente" in text or "(*) No valid" in text, doc
    first = pdf_pages(house_outputs.pdfs["attendance"])
    assert "(*)" in first[-1]  # the sample marks people without an authorisation


def test_no_report_page_under_a_third_full_but_before_a_part(house_outputs):
    for name in ("report_a4", "report_en"):
        path = house_outputs.pdfs[name]
        parts = _part_pages(path)
        pages = _pages(path)
        for number, page in enumerate(pages, 1):
            if number <= 2 or number == len(pages) or number + 1 in parts:
                continue  # cover, contents, the last page, the end of a part
            assert _fill(page) >= 1 / 3, (name, number, round(_fill(page), 2))


def _part_pages(path) -> set[int]:
    reader = PdfReader(path)
    top = [item for item in reader.outline if not isinstance(item, list)]
    return {reader.get_destination_page_number(item) + 1 for item in top}


def _fill(page) -> float:
    """How much of the body frame (under the header, above the footer) holds something."""
    header = max((f for f in page if isinstance(f, LTFigure)), key=lambda f: f.y1)
    top = min(part.y0 for part in header)  # the form's box is the page: its drawing is not
    lowest = min((item.y0 for item in _all(page) if FOOTER < item.y0 < top), default=top)
    return (top - lowest) / (top - FOOTER)


def _all(layout):
    for item in layout:
        if isinstance(item, LTFigure) and item.y1 > layout.height - 200:
            continue  # the page header
        yield item
        if isinstance(item, LTTextContainer):
            yield from (line for line in item if isinstance(line, LTTextLine))


def test_two_series_same_number_differ_in_header_title_and_name(house_outputs, tmp_path):
    db = database_on(house_outputs.db_target)
    with db.session() as s:
        rows = s.execute(select(Meeting.number, Meeting.year, Meeting.series)).all()
        pairs = {}
        for number, year, series in rows:
            pairs.setdefault((number, year), []).append(series)
        (number, year), series = next((k, v) for k, v in pairs.items() if len(v) > 1)
        paths = [
            export_minutes(s, year, number, tmp_path / f"{i}.pdf", series=one)
            for i, one in enumerate(series[:2])
        ]
    db.dispose()
    titles = [PdfReader(p).metadata.title for p in paths]
    assert titles[0] != titles[1] and all(" — " in t for t in titles)
    headers = [pdf_pages(p)[-1] for p in paths]  # the page header of the last page
    for title, text in zip(titles, headers, strict=True):
        assert title.split(" — ")[1] in text
    names = {minutes_file_name(number, year, one) for one in series[:2]}
    assert len(names) == 2
