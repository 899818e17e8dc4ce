"""`export minutes` and `export attendance` from the command line."""

from __future__ import annotations

from pypdf import PdfReader

from pazos_desktop.cli import main
from pazos_desktop.domain.meetings import series_label
from tests.meetings_fixtures import TODAY, first_of_year, sample_db, sample_template  # noqa: F401


def _first(sample_db) -> list[str]:  # noqa: F811
    row = first_of_year(sample_db)
    return ["--meeting", str(row.number), "--year", str(TODAY.year), "--series", row.series]


def test_export_minutes_and_attendance(sample_db, tmp_path, capsys):  # noqa: F811
    db = sample_db.url
    out = tmp_path / "acta.pdf"
    code = main(["--db", db, "export", "minutes", *_first(sample_db), "--out", str(out)])
    assert code == 0
    assert f"Acta guardada en {out}" in capsys.readouterr().out
    # The series names the acta in its title too (Comité técnico 001 and Mesa 001 differ).
    series = series_label(first_of_year(sample_db).series, "es")
    assert PdfReader(out).metadata.title == f"Acta No. 001 de {TODAY.year} — {series}"
    sheet = tmp_path / "planilla.pdf"
    code = main(["--db", db, "export", "attendance", *_first(sample_db), "--out", str(sheet)])
    assert code == 0
    assert "PLANILLA DE ASISTENCIA" in PdfReader(sheet).pages[0].extract_text()


def test_export_minutes_in_english_on_a4(sample_db, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "minutes.pdf"
    argv = ["--db", sample_db.url, "--lang", "en", "export", "minutes"]
    argv += [*_first(sample_db), "--out", str(out), "--page-size", "a4"]
    assert main(argv) == 0
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert "Attendees" in reader.pages[0].extract_text()
    assert "Minutes saved to" in capsys.readouterr().out


def test_unknown_meeting_prints_one_line_and_fails(sample_db, tmp_path, capsys):  # noqa: F811
    argv = ["--db", sample_db.url, "export", "minutes", "--meeting", "99", "--year", "2026"]
    assert main(argv + ["--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "Error: No existe el acta No. 099 de 2026."
    assert not (tmp_path / "x.pdf").exists()


def test_missing_folder_is_a_user_error(sample_db, tmp_path, capsys):  # noqa: F811
    argv = ["--db", sample_db.url, "export", "attendance", *_first(sample_db)]
    argv += ["--out", str(tmp_path / "no" / "such" / "x.pdf")]
    assert main(argv) == 1
    assert "no existe" in capsys.readouterr().err.lower()
