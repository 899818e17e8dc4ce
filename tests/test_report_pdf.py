"""The report PDF parsed back with pypdf: figures, contents, page numbers, escaping, layout."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from pazos_desktop.i18n import set_language
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.writers.report.pdf import write_report_pdf
from tests.report_world import FROM, ON, TO, build_world

TRICKY = "R&D <b>Alfa</b> =1+1"


def write(session, path, lang=None, page_size=None, **request):
    report = gather_report(session, ReportRequest(FROM, TO, on=ON, **request))
    write_report_pdf(report, path, lang=lang, page_size=page_size, invariant=True)
    return PdfReader(path)


def texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def pdf(session, tmp_path):
    build_world(session, p1_name=TRICKY)
    reader = write(session, tmp_path / "informe.pdf")
    return reader, texts(reader)


def test_every_page_says_page_x_of_y(pdf):
    reader, pages = pdf
    total = len(pages)
    assert total >= 8
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de {total}" in text


def test_cover_has_org_title_period_and_no_header(pdf):
    _reader, pages = pdf
    cover = pages[0]
    assert "Alcaldía de Palmira" in cover
    assert "Informe de coordinación interinstitucional" in cover
    assert "01/01/2026 – 30/06/2026" in cover and "15/07/2026" in cover
    assert "Versión:" not in cover
    assert "Versión: 01" in pages[1]


def _first_page_with(pages: list[str], text: str, after: int = 2) -> int:
    return next(i for i, page in enumerate(pages) if i >= after and text in page) + 1


def _flat(items):
    for item in items:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def test_contents_and_outline_point_at_the_right_pages(pdf):
    reader, pages = pdf
    contents = pages[1]
    for title in ("1. Resumen", "2. Quién hace qué y dónde", "4. Seguimiento"):
        page = _first_page_with(pages, title)
        assert re.search(rf"{re.escape(title)}[ .]*{page}\b", contents), (title, page)
    outline = {
        item.title: reader.get_destination_page_number(item) + 1 for item in _flat(reader.outline)
    }
    assert outline["2. Quién hace qué y dónde"] == _first_page_with(pages, "2. Quién hace")
    assert outline["5. Brechas de cobertura"] == _first_page_with(pages, "5. Brechas")
    assert outline["Entidad × componente"] == _first_page_with(pages, "Entidad × componente")


def test_summary_figures_are_printed(pdf):
    _reader, pages = pdf
    summary = pages[_first_page_with(pages, "1. Resumen") - 1]
    assert "Compromisos del periodo 7" in summary
    assert "% cumplido (sin cancelados) 17 %" in summary
    assert "Valor comprometido (COP) $ 3.500.000" in summary
    assert "Compromisos nuevos (inicio en el periodo) 5 3 +2" in summary
    assert "Vencido 2" in summary


def test_matrix_pages_are_landscape_with_counts(pdf):
    reader, pages = pdf
    number = _first_page_with(pages, "Clúster × componente", after=2)
    page = reader.pages[number - 1]
    assert page.mediabox.width > page.mediabox.height
    text = pages[number - 1]
    assert "Clúster Norte 2 0 % 2 50 % — 1 0 % — 5" in text
    portrait = reader.pages[_first_page_with(pages, "1. Resumen") - 1]
    assert portrait.mediabox.width < portrait.mediabox.height


def test_lists_and_user_text_printed_literally(pdf):
    _reader, pages = pdf
    everything = " ".join(pages)
    assert TRICKY in everything  # never parsed as markup
    assert "Bruno Dos" in everything and "30/04/2026 76" in everything
    assert "Clústeres: Clúster Ávila" in everything


def test_english_and_a4(session, tmp_path):
    build_world(session)
    set_language("en")  # component names follow the program's language, as in the CLI
    reader = write(session, tmp_path / "report.pdf", lang="en", page_size="a4")
    pages = texts(reader)
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Inter-institutional coordination report" in pages[0]
    assert "Who does what where" in " ".join(pages) and "Access to justice" in " ".join(pages)


def test_empty_period_still_makes_a_document(session, tmp_path):
    build_world(session)
    report = gather_report(session, ReportRequest(dt.date(2010, 1, 1), dt.date(2010, 6, 30), on=ON))
    write_report_pdf(report, tmp_path / "empty.pdf")
    pages = texts(PdfReader(tmp_path / "empty.pdf"))
    everything = " ".join(pages)
    assert "Sin compromisos en este periodo y filtro." in everything
    assert "Ninguno." in everything
    assert f"Página {len(pages)} de {len(pages)}" in pages[-1]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_render_cover_charts_and_matrix_to_png(session, artifacts):
    build_world(session)
    path = artifacts / "report_world.pdf"
    reader = write(session, path)
    pages = texts(reader)
    wanted = {
        "cover": 1,
        "charts": _first_page_with(pages, "Estado de los compromisos por componente"),
        "matrix": _first_page_with(pages, "Clúster × componente"),
    }
    for name, number in wanted.items():
        out = artifacts / f"report_{name}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(path),
                str(out),
            ],
            check=True,
        )
        assert out.with_suffix(".png").stat().st_size > 5_000
