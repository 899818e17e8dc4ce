"""Glyphs: characters the fonts cannot draw are reported before the export (record, field,
character) and drawn as "�", never as a box; TAB and lone CR as spaces and breaks; Chinese,
Japanese and Korean in the fallback font; emoji copied out of the PDF as they were typed."""

from __future__ import annotations

import subprocess

from pazos_desktop.cli import main
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.writers.pdf.document import DocumentInfo, build_pdf, data_table, para
from pazos_desktop.writers.pdf.glyphs import MISSING, RTL, describe, scan
from pazos_desktop.writers.pdf.text import clean, printable
from tests.meetings_fixtures import TODAY, meeting_data, world  # noqa: F401
from tests.pdf_support import poppler_pages

MIXED = "Taller 中文 y 한국어 😀 🦄 שלום"


def test_clean_text():
    assert clean("a\tb") == "a    b"
    assert clean("uno\rdos\r\ntres\u2028cuatro") == "uno\ndos\ntres\ncuatro"
    assert clean("a\u200bb\u00adc\ufeff\x00\x1b") == "abc"
    assert clean("roto\ud800") == "roto\ufffd"
    assert printable("🦄 ⚽ ok") == "\ufffd \ufffd ok"


def test_scan_names_record_field_and_character():
    problems = scan([("Compromiso 12", "Título", MIXED), ("Entidad 3", "Nombre", "Fundación")])
    assert [(p.record, p.field, p.kind) for p in problems] == [
        ("Compromiso 12", "Título", MISSING),
        ("Compromiso 12", "Título", RTL),
    ]
    assert problems[0].chars == "🦄"  # 中文, 한국어 and 😀 have fonts
    lines = describe(problems)
    assert lines[0].startswith("1 texto") or lines[0].startswith("2 textos")
    assert "Compromiso 12, Título: «🦄» (U+1F984 UNICORN FACE)" in lines[1]
    assert "«ש» (U+05E9" in lines[2] and "derecha a izquierda" in lines[2]


def test_pdf_draws_every_script_it_can_and_marks_the_rest(tmp_path):
    path = tmp_path / "g.pdf"
    rows = [["1", MIXED, "a\tb"], ["2", "línea uno\rlínea dos", "x"]]
    story = [para(MIXED), *data_table(["N.º", "Texto", "Otro"], rows, [40, 300, 120])]
    build_pdf(path, DocumentInfo(title="Prueba 中文"), story)
    text = " ".join(poppler_pages(path))
    assert "中文" in text and "한국어" in text and "😀" in text  # copy and search work
    assert "\ufffd" in text and "🦄" not in text
    assert "a b" in text and "línea uno línea dos" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "DroidSansFallback" in fonts and "DejaVuSans" in fonts


def test_export_warns_before_writing(session, world, tmp_path, capsys):  # noqa: F811
    data = meeting_data(world, number=9)
    data.attendees.append(meetings.AttendeeData(name="Invitado 🦄", entity="שלום ONG"))
    meetings.create_meeting(session, data)
    session.commit()
    db = session.get_bind().url.render_as_string(hide_password=False)  # a file or a server
    out = tmp_path / "acta.pdf"
    argv = ["--db", db, "export", "minutes", "--meeting", "9", "--year", str(TODAY.year)]
    assert main(argv + ["--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Aviso:" in printed and "Asistente 3 (Invitado 🦄)" in printed
    assert "Nombre: «🦄» (U+1F984" in printed and "Entidad: «ש»" in printed
    assert out.exists()
