"""The PDF acta and attendance sheet, parsed back with pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from pazos_desktop.documents.meeting_pdfs import export_attendance, export_minutes
from pazos_desktop.domain.meetings import minutes_file_name, safe_file_name
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.meetings.minutes import attendance_document, minutes_document
from tests.meetings_fixtures import (  # noqa: F401
    TODAY,
    commitment,
    first_of_year,
    meeting_data,
    sample_db,
    sample_template,
    world,
)

HOSTILE = "<b>Ana</b> & Co =1+1 ñ ő ŋ ≥ €"


def pdf_pages(path_or_bytes) -> list[str]:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return [page.extract_text() for page in PdfReader(source).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_page_numbers(pages: list[str], word="Página", of="de") -> None:
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"{word} {number} {of} {total}" in text


def test_sample_acta_shows_everything(sample_db, tmp_path, artifacts):  # noqa: F811
    row = first_of_year(sample_db)
    with sample_db.session() as session:
        first = meetings.find_meeting(session, TODAY.year, row.number, row.series)
        doc = minutes_document(session, first.id)
        path = export_minutes(
            session, TODAY.year, row.number, tmp_path / doc.file_name, series=row.series
        )
    assert path.name.startswith("Acta_") and path.name.endswith(f"_001_{TODAY.year}.pdf")
    pages = pdf_pages(path)
    text = flat("\n".join(pages))
    people = doc.present + doc.guests + doc.excused + doc.absent
    expected = [p.name for p in people] + [a.title for a in doc.agenda] + doc.decisions
    expected += [a.activity for a in doc.agreed] + [f.commitment for f in doc.followups]
    assert len(people) >= 8 and doc.agreed and doc.followups and doc.decisions
    for item in expected:
        assert flat(item) in text, item
    for heading in ("Asistentes", "Invitados", "Excusados", "Ausentes", "Orden del día"):
        assert heading in text
    assert text.index("Orden del día") < text.index("Desarrollo de la reunión")
    assert text.index("Decisiones") < text.index("Seguimiento a compromisos anteriores")
    assert text.index("Compromisos acordados") < text.index("Próxima reunión")
    assert text.index("Próxima reunión") < text.index("Firmas") < text.index("Elaboró")
    assert_page_numbers(pages)
    meta = PdfReader(path).metadata
    # The series names the acta: each body numbers its own (issue: documents recipients rely on).
    assert meta.title == f"Acta No. {row.number:03d} de {TODAY.year} — {doc.header.body}"
    assert meta.author and meta.subject
    _render_first_pages(path, artifacts / "meetings_acta")


def _render_first_pages(path, prefix) -> None:
    """PNGs of the first two pages, for a person to look at (tests/_artifacts)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path), str(prefix)], check=True
    )
    assert len(list(prefix.parent.glob(prefix.name + "-*.png"))) >= 2


@pytest.fixture
def hostile_meeting(session, world):  # noqa: F811
    tokens = [f"ñandú{i:04d}" for i in range(560)]
    development = "Inicio <i>sin cerrar & =SUMA(A1)\n" + " ".join(tokens) + "\n\nFin ≥ €"
    assert len(development) >= 5000
    data = meeting_data(world, number=7, objective=HOSTILE)
    data.attendees.append(meetings.AttendeeData(name=HOSTILE, entity="R&D <Entidad>"))
    data.agenda.append(meetings.AgendaItemData("Punto ñ ő ŋ ≥ €", development))
    data.decisions.append(meetings.DecisionData("<script>alert(1)</script>\nsegunda línea"))
    made = meetings.create_meeting(session, data)
    for i in range(300):
        title = f"Compromiso {i:03d} <b>{'&' if i % 2 else '=1+1'}"
        fu.add_agreed_commitment(
            session, made.id, commitment(world["partners"][i % 2], world, title)
        )
    return made, tokens


def test_hostile_text_prints_verbatim_over_many_pages(session, hostile_meeting):
    made, tokens = hostile_meeting
    out = io.BytesIO()
    from pazos_desktop.writers.minutes_pdf import write_minutes
    from pazos_desktop.writers.pdf.document import DocumentInfo

    doc = minutes_document(session, made.id)
    write_minutes(out, doc, DocumentInfo(title=doc.header.acta), invariant=True)
    pages = pdf_pages(out.getvalue())
    text = flat("\n".join(pages))
    assert len(pages) >= 8
    assert_page_numbers(pages)
    assert HOSTILE in text
    assert "R&D <Entidad>" in text
    assert "<script>alert(1)</script> segunda línea" in text
    assert "Inicio <i>sin cerrar & =SUMA(A1)" in text
    found = re.findall(r"ñandú\d{4}", text)
    assert found == tokens  # the 5,000-character development, whole and in order
    for i in range(300):
        assert f"Compromiso {i:03d} <b>{'&' if i % 2 else '=1+1'}" in text


def test_english_a4_export(session, hostile_meeting, tmp_path):
    made, _tokens = hostile_meeting
    path = export_minutes(session, made.year, 7, tmp_path / "acta", lang="en", page_size="a4")
    assert path.name == "acta.pdf"
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pages = [p.extract_text() for p in reader.pages]
    text = flat("\n".join(pages))
    assert "Minutes No. 007 of" in text
    for label in ("Attendees", "Agenda", "Decisions", "Commitments agreed", "Signatures"):
        assert label in text
    assert_page_numbers(pages, "Page", "of")


def test_attendance_sheet_has_expected_people_and_blank_rows(session, world, tmp_path):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world, number=3))
    path = export_attendance(session, made.year, 3, tmp_path / "planilla.pdf", blank_rows=6)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    doc = attendance_document(session, made.id)
    for person in doc.expected:
        assert person.name in text
    for header in ("Nombre", "Entidad", "Cargo", "Teléfono", "Correo electrónico", "Firma"):
        assert header in text
    assert re.search(r"\b9\b", text)  # 3 expected + 6 empty rows, numbered
    assert "PLANILLA DE ASISTENCIA" in text and "Acta No. 003 de" in text


def test_file_names_are_safe_on_windows():
    assert minutes_file_name(7, 2026) == "Acta_007_2026.pdf"
    assert safe_file_name('Acta: "ñ/ő"? *<>|') == "Acta_n_o.pdf"
    assert safe_file_name("CON") == "_CON.pdf"
    assert safe_file_name("...") == "documento.pdf"


def test_missing_meeting_is_a_user_error(session):
    from pazos_desktop.errors import PazosError

    with pytest.raises(PazosError, match="No existe el acta No. 042 de 2026"):
        export_minutes(session, 2026, 42, "x.pdf")


def test_a_table_cell_longer_than_a_page_splits():
    """A follow-up comment of 3,000 words: the row splits over pages, every word kept in order."""
    from pazos_desktop.services.meetings.minutes import FollowupRow, MeetingHeader, MinutesDoc
    from pazos_desktop.writers.minutes_pdf import write_minutes
    from pazos_desktop.writers.pdf.document import DocumentInfo

    header = MeetingHeader("es", "Acta No. 001 de 2026", 1, 2026, "Comité técnico", "", True, "")
    words = [f"palabra{i:05d}" for i in range(3000)]
    row = FollowupRow("Compromiso", "SIDOC — Ana", "En ejecución", " ".join(words))
    out = io.BytesIO()
    write_minutes(out, MinutesDoc(header, "a.pdf", followups=[row]), DocumentInfo(title="t"))
    pages = pdf_pages(out.getvalue())
    assert len(pages) > 5
    assert re.findall(r"palabra\d{5}", " ".join(pages)) == words
