"""What the report added to the shared PDF house style (writers/pdf/document.py, contents.py)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak

from pazos_desktop.writers.pdf.contents import table_of_contents
from pazos_desktop.writers.pdf.document import (
    DocumentInfo,
    build_pdf,
    data_table,
    heading,
    para,
    switch_to,
)

LONG = "Talleres de convivencia <b>y</b> R&D en el parque " * 4


def _story(sections: int = 3, rows: int = 120) -> list:
    story = [para("Portada"), switch_to("portrait"), PageBreak(), table_of_contents(), PageBreak()]
    for n in range(1, sections + 1):
        if n == 2:
            story += [switch_to("landscape"), PageBreak()]
        story.append(heading(f"Sección {n}"))
        story.append(heading(f"Detalle {n}", 1))
        body = [[str(i), LONG, f"fila {i}"] for i in range(rows)]
        story += data_table(["N.º", "Texto", "Fila"], body, [40, 300, 80], wrap_cols={1})
        if n == 2:
            story += [switch_to("portrait")]
        story.append(PageBreak())
    return story


def _pages(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_contents_outline_and_page_numbers_agree(tmp_path):
    path = tmp_path / "doc.pdf"
    info = DocumentInfo(title="Prueba", doc_code="PZ-01")
    build_pdf(path, info, _story(), first_template="cover")
    pages, reader = _pages(path), PdfReader(path)
    total = len(pages)
    assert total > 10
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de {total}" in text
    assert "Código:" not in pages[0] and "Código:" in pages[2]  # the cover has no header
    for n in (1, 2, 3):
        first = next(i for i, t in enumerate(pages) if i > 1 and f"Sección {n}" in t) + 1
        assert f"Sección {n} {first}" in pages[1]
    outline = [item for item in reader.outline if not isinstance(item, list)]
    found = {item.title: reader.get_destination_page_number(item) + 1 for item in outline}
    assert found["Sección 3"] == next(
        i + 1 for i, t in enumerate(pages) if i > 1 and "Sección 3" in t
    )


def test_wrapped_cells_are_literal_text_on_several_lines(tmp_path):
    path = tmp_path / "doc.pdf"
    body = [["1", LONG, "x"]]
    build_pdf(path, DocumentInfo(title="Prueba"), data_table(["a", "b", "c"], body, [40, 200, 80]))
    text = PdfReader(path).pages[0].extract_text()
    assert "<b>y</b> R&D" in text
    assert max(len(line) for line in text.splitlines()) < len(LONG)  # it wrapped


def test_progress_callback_and_cancel(tmp_path):
    seen: list[int] = []
    build_pdf(tmp_path / "a.pdf", DocumentInfo(title="P"), _story(1), on_page=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] >= 3

    def cancel(page: int) -> None:
        if page == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_pdf(tmp_path / "b.pdf", DocumentInfo(title="P"), _story(1), on_page=cancel)


def test_a_cell_longer_than_a_page_is_carried_over(tmp_path):
    huge = "palabra <b> larga " * 700
    body = [["1", huge, "x"], ["2", "corto", "y"]]
    path = tmp_path / "largo.pdf"
    build_pdf(path, DocumentInfo(title="P"), data_table(["a", "b", "c"], body, [40, 200, 80], {1}))
    pages = _pages(path)
    assert len(pages) >= 2 and "corto" in pages[-1]
    assert "palabra <b> larga" in pages[0]
