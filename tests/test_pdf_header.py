"""The house header holds real content: a wide logo inside its cell, a five-line dependency
name, dates dd/mm/aaaa, labels in the document's language, nothing empty."""

from __future__ import annotations

from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from pazos_desktop.writers.pdf.document import MARGIN, DocumentInfo, build_pdf, para, switch_to
from pazos_desktop.writers.pdf.header import HEADER_MAX, LOGO_COLUMN, build_header
from tests.pdf_support import image_boxes, pdf_pages, render_png, words_with_boxes, write_png

LONG_NAME = (
    "Alcaldía de Palmira — Secretaría de Seguridad y Convivencia Ciudadana — Subsecretaría "
    "de Prevención del Delito, Convivencia y Cultura Ciudadana — Dirección de la Estrategia de "
    "Paz y Oportunidades (PAZOS) — Programa de Gestores de Convivencia y Justicia Juvenil "
    "Restaurativa en los Barrios Priorizados del Municipio"
)


def _info(tmp_path, **kw) -> DocumentInfo:
    values = dict(
        title="Acta No. 007 de 2026",
        org_name="Alcaldía de Palmira",
        logo_path=str(write_png(tmp_path / "logo.png", 800, 200)),
        doc_code="GDS-F-014",
        doc_version="03",
        approval_date="2025-03-14",
    )
    return DocumentInfo(**(values | kw))


def _story():
    return [
        para("Primera página"),
        switch_to("landscape"),
        PageBreak(),
        para("Página apaisada"),
    ]


def test_a_wide_logo_fits_its_cell_keeping_its_aspect(tmp_path):
    info = _info(tmp_path)
    path = tmp_path / "logo.pdf"
    build_pdf(path, info, _story())
    for page, size in ((0, LETTER), (1, landscape(LETTER))):
        header = build_header(info, size[0] - 2 * MARGIN)
        [(x, y, w, h)] = image_boxes(path, page)
        top = size[1] - MARGIN
        assert abs(w / h - 4.0) < 0.01  # 800 × 200: the aspect is kept
        assert MARGIN <= x and x + w <= MARGIN + LOGO_COLUMN  # inside the logo column
        assert top - header.height <= y and y + h <= top  # inside the header row
        assert w > 2.5 * cm  # and it uses the cell, not a thumbnail


def test_a_tall_logo_fits_too(tmp_path):
    info = _info(tmp_path, logo_path=str(write_png(tmp_path / "tall.png", 100, 400)))
    path = tmp_path / "tall.pdf"
    build_pdf(path, info, [para("x")])
    header = build_header(info, LETTER[0] - 2 * MARGIN)
    [(x, y, w, h)] = image_boxes(path)
    assert abs(h / w - 4.0) < 0.01
    assert LETTER[1] - MARGIN - header.height <= y and y + h <= LETTER[1] - MARGIN


def test_a_five_line_name_grows_the_header_and_the_body_starts_below(tmp_path, artifacts):
    info = _info(tmp_path, org_name=LONG_NAME)
    path = tmp_path / "largo.pdf"
    build_pdf(path, info, _story())
    text = pdf_pages(path)[0]
    assert " ".join(LONG_NAME.split()) in text  # every word of the name, none cut
    assert "Acta No. 007 de 2026" in text
    header = build_header(info, LETTER[0] - 2 * MARGIN)
    assert 2.0 * cm < header.height <= HEADER_MAX
    bottom = MARGIN + header.height  # from the top of the page
    words = words_with_boxes(path)
    first = next(w for w in words if w[0] == "Primera")
    assert first[2] > bottom  # the body is below the header, not under it
    header_words = [w for w in words if w[2] < bottom]
    assert any(w[0] == "Restaurativa" for w in header_words)
    pngs = render_png(path, artifacts / "header_long_name", 1, 2, dpi=150)
    assert len(pngs) == 2


def test_a_name_longer_than_the_header_allows_is_cut_with_a_mark(tmp_path):
    info = _info(tmp_path, org_name=LONG_NAME * 6)
    header = build_header(info, LETTER[0] - 2 * MARGIN)
    assert header.height <= HEADER_MAX + 0.01
    path = tmp_path / "cortado.pdf"
    build_pdf(path, info, [para("x")])
    assert "…" in pdf_pages(path)[0]


def test_dates_and_labels_follow_the_document(tmp_path):
    path = tmp_path / "en.pdf"
    build_pdf(path, _info(tmp_path, lang="en", title="Minutes No. 007 of 2026"), [para("x")])
    text = pdf_pages(path)[0]
    assert "Code: GDS-F-014" in text and "Version: 03" in text
    assert "Approval date: 14/03/2025" in text
    assert "Código" not in text and "2025-03-14" not in text
    path = tmp_path / "es.pdf"
    build_pdf(path, _info(tmp_path), [para("x")])
    assert "Fecha de aprobación: 14/03/2025" in pdf_pages(path)[0]


def test_unconfigured_header_has_no_empty_boxes_or_lines(tmp_path):
    info = DocumentInfo(title="Acta No. 001 de 2026", org_name="Alcaldía de Palmira")
    path = tmp_path / "vacio.pdf"
    build_pdf(path, info, [para("x")])
    text = pdf_pages(path)[0]
    assert "Código" not in text and "Versión" not in text
    assert image_boxes(path) == []
    header = build_header(info, LETTER[0] - 2 * MARGIN)
    assert len(header.table._colWidths) == 1  # the title takes the whole width


def test_a_broken_logo_file_is_left_out(tmp_path):
    broken = tmp_path / "roto.png"
    broken.write_bytes(b"not a png")
    path = tmp_path / "roto.pdf"
    build_pdf(path, _info(tmp_path, logo_path=str(broken)), [para("x")])
    assert "Acta No. 007" in pdf_pages(path)[0]
