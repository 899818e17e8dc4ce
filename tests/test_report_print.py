"""The report as printed: PDF fixes (headers, signs, notes, n. a., charts in the contents,
completion months, the optional progress list, any comment length) and the workbook printed
through LibreOffice (title, period and filter on every page, repeated header row, heights,
named fonts, signed changes, page count and scale)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from pazos_desktop.db.models.register import ProgressUpdate
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import CommitmentData, ProgressData
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.writers.report.pdf import write_report_pdf
from pazos_desktop.writers.report.xlsx import write_report_xlsx
from tests.conftest import database_on
from tests.excel_support import SOFFICE, libreoffice_convert
from tests.pdf_support import pdf_pages, render_png, words_with_boxes
from tests.report_world import FROM, ON, TO, build_world

D = dt.date


def _report(session, **kw):
    return gather_report(session, ReportRequest(FROM, TO, on=ON, **kw))


def _all_cancelled(session, world) -> None:
    """A cell whose only commitment is cancelled: a % of nothing."""
    commitments.save_commitment(
        session,
        CommitmentData(
            partner_id=world.partners["P1"],
            component_id=world.components[5],
            title="Compromiso cancelado",
            cluster_ids=[world.clusters["C"]],
            start_date=D(2026, 2, 1),
            due_date=D(2026, 5, 1),
            status="cancelled",
        ),
    )


def test_pdf_signs_notes_and_headers(session, tmp_path, artifacts):
    world = build_world(session)
    _all_cancelled(session, world)
    path = tmp_path / "informe.pdf"
    write_report_pdf(_report(session), path, invariant=True)
    pages = pdf_pages(path)
    text = " ".join(pages)
    assert "- $ 500.000" in text and "+$" not in text  # the value of new commitments fell
    assert "«% del total»: sobre todos los compromisos" in text
    assert "«n. a.» = todos cancelados" in text
    matrix = next(p for p in pages if "Clúster × componente" in p and "Clúster Ávila" in p)
    assert re.search(r"Clúster Ávila 1 0 % — — — 1 n\. a\. 2 0 %", matrix), matrix
    partners = next(i for i, p in enumerate(pages, 1) if i > 2 and "3. Avance por entidad" in p)
    words = [w[0] for w in words_with_boxes(path, partners)]
    assert "Compromisos" in words  # the header label shrank; it is not cut in two
    assert not any(w in ("Compromis", "os") for w in words)
    render_png(path, artifacts / "report_partners", partners, partners, dpi=80)


def test_charts_are_in_the_contents_and_bookmarks(session, tmp_path):
    build_world(session)
    path = tmp_path / "informe.pdf"
    write_report_pdf(_report(session), path, invariant=True)
    reader = PdfReader(path)
    titles = set()
    stack = list(reader.outline)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack += item
        else:
            titles.add(item.title)
    for chart in ("Estado de los compromisos por componente", "Compromisos cumplidos por mes"):
        assert chart in titles
        assert chart in pdf_pages(path)[1]  # the contents page


def test_completed_ahead_of_time_counts_in_its_month(db_path, tmp_path):
    """Marked completed on 10/03/2026 with a due date in December: March, not July."""
    setup = database_on(db_path, ON)  # the world's progress updates are dated up to ON
    with setup.session() as session:
        world = build_world(session)
    setup.dispose()
    early = database_on(db_path, D(2026, 3, 10))
    with early.session() as session:
        commitments.save_commitment(
            session,
            CommitmentData(
                partner_id=world.partners["P2"],
                component_id=world.components[4],
                title="Cumplido antes de tiempo",
                cluster_ids=[world.clusters["A"]],
                start_date=D(2026, 1, 5),
                due_date=D(2026, 12, 15),
                status="completed",
            ),
        )
    early.dispose()
    later = database_on(db_path, ON)
    with later.session() as session:
        months = {m.month: m.count for m in _report(session).completed_by_month}
    later.dispose()
    assert months[3] == 2 and months[6] == 0  # K2 (its progress update) and this one


def test_progress_list_optional_and_any_comment_length(session, tmp_path):
    world = build_world(session)
    comment = ("Informe largo del avance " * 1700)[:40_000]
    added = commitments.add_progress(
        session,
        ProgressData(commitment_id=world.k[1], date=D(2026, 5, 2), comment="Informe"),
    )
    # The rules now bound comments (2.000 characters), but a database of an earlier version
    # may hold any length: written as that version could, straight into the table.
    session.execute(
        update(ProgressUpdate).where(ProgressUpdate.id == added.id).values(comment=comment)
    )
    with_list, without = tmp_path / "con.pdf", tmp_path / "sin.pdf"
    write_report_pdf(_report(session), with_list)  # raised LayoutError before
    text = " ".join(pdf_pages(with_list))
    assert re.search(r"\[… [\d.]+ caracteres más: véalos en el registro\]", text)
    write_report_pdf(_report(session, include_progress=False), without)
    short = " ".join(pdf_pages(without))
    assert "Avances reportados en el periodo" in short  # the figure stays in the summary
    assert "Informe largo del avance" not in short
    assert text.count("Avances reportados en el periodo") > short.count(
        "Avances reportados en el periodo"
    )


# --- the workbook -----------------------------------------------------------------------------


def test_workbook_print_setup_fonts_heights_and_signs(session, tmp_path):
    build_world(session)
    path = tmp_path / "informe.xlsx"
    write_report_xlsx(_report(session), path)
    book = load_workbook(path)
    for ws in book.worksheets:
        assert ws.oddHeader.left.text and "Periodo: 01/01/2026 – 30/06/2026" in (
            ws.oddHeader.right.text
        ), ws.title
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        assert "Clústeres: todos" in ws.oddFooter.left.text
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name, (ws.title, cell.coordinate)  # never a nameless font
    matrix = book["Clúster × componente"]
    assert matrix.print_title_rows == "$2:$2"
    assert matrix.row_dimensions[2].height >= 30  # "Acceso a la / justicia" has room
    assert book["Vencidos"].print_title_rows == "$1:$1"
    summary = book["Resumen"]
    change = next(
        r for r in summary.iter_rows() if r[0].value == "Compromisos vigentes en el periodo"
    )
    assert change[3].value == 4 and change[3].number_format.startswith("+")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_workbook_printed_by_libreoffice(session, tmp_path, artifacts):
    """Converted to PDF by LibreOffice: every page carries title, period, filter and its page
    number; a list longer than a page repeats its header row; text stays readable (scale)."""
    world = build_world(session)
    for i in range(70):  # enough overdue commitments for the list to take two pages
        commitments.save_commitment(
            session,
            CommitmentData(
                partner_id=world.partners["P1"],
                component_id=world.components[1],
                title=f"Compromiso vencido número {i:02d} con un título de varias palabras",
                cluster_ids=[world.clusters["A"]],
                start_date=D(2026, 1, 2),
                due_date=D(2026, 3, 1),
                status="in_progress",
            ),
        )
    path = tmp_path / "informe.xlsx"
    write_report_xlsx(_report(session), path)
    pdf = libreoffice_convert(path, tmp_path / "lo", "pdf")
    pages = pdf_pages(pdf)
    sheets = len(load_workbook(path).sheetnames)
    # One page wide: only the long lists add pages. Printed at 8 pt or more with rows as tall
    # as their wrapped text (issue: spreadsheets that print), the two 70-row lists take four
    # pages each where they took two at 4-5 pt.
    assert sheets < len(pages) <= sheets + 8
    for number, page in enumerate(pages, 1):
        assert "Periodo: 01/01/2026 – 30/06/2026" in page
        assert "Clústeres: todos" in page and f"Página {number} de {len(pages)}" in page
    overdue = [p for p in pages if p.startswith("Vencidos") or " Vencidos " in p[:40]]
    assert len(overdue) >= 2
    for page in overdue:
        assert "Días de atraso" in page  # the header row on every page of the list
    from tests.pdf_support import median_word_height

    for number in range(1, len(pages) + 1):
        assert median_word_height(pdf, number) >= 7.0, number  # not shrunk to unreadable
    render_png(pdf, artifacts / "report_xlsx_lo", 1, 3, dpi=60)
