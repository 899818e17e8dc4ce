"""`export report` from the command line: files written, clear one-line errors."""

from __future__ import annotations

from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from pazos_desktop.cli import main
from tests.report_world import build_world

PERIOD = ["--from", "2026-01-01", "--to", "30/06/2026", "--on", "2026-07-15"]


def run(db_path, *args):
    return main(["--db", str(db_path), *args])


def test_pdf_with_filters_and_a4(session, db_path, tmp_path, capsys):
    build_world(session)
    session.commit()
    out = tmp_path / "informe.pdf"
    code = run(
        db_path, "export", "report", *PERIOD, "--out", str(out), "--cluster", "clúster sur",
        "--component", "2", "--partner", "FA", "--page-size", "a4",
    )  # fmt: skip
    assert code == 0
    assert "2 compromisos del periodo, 0 vencidos" in capsys.readouterr().out  # K2 and K5
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 595
    cover = reader.pages[0].extract_text()
    assert "Clúster Sur" in cover and "Fundación Alfa" in cover and "Intervención" in cover
    assert list(tmp_path.glob(".informe-*")) == []  # the temporary file was moved in place


def test_xlsx_in_english(session, db_path, tmp_path, capsys):
    build_world(session)
    session.commit()
    out = tmp_path / "report.xlsx"
    assert run(db_path, "export", "report", *PERIOD, "--out", str(out), "--lang", "en") == 0
    assert "Report saved to" in capsys.readouterr().out
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names[0] == "Summary"
    rows = book.get_sheet_by_name("Cluster × component").to_python()
    assert rows[1][1] == "Interruption"


def test_errors_are_one_line_and_exit_1(session, db_path, tmp_path, capsys):
    build_world(session)
    session.commit()
    out = str(tmp_path / "x.pdf")
    cases = [
        (["--from", "2026-07-01", "--to", "2026-06-30"], "es anterior a su inicio"),
        (PERIOD + ["--cluster", "Nada"], "Clúster desconocido: «Nada»"),
        (PERIOD + ["--component", "9"], "Componente desconocido: «9»"),
        (PERIOD + ["--partner", "999"], "Entidad desconocida: «999»"),
        (["--from", "2026-13-01", "--to", "2026-06-30"], "«2026-13-01» no es una fecha"),
    ]
    for extra, message in cases:
        assert run(db_path, "export", "report", *extra, "--out", out) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert run(db_path, "export", "report", *PERIOD, "--out", str(tmp_path / "x.doc")) == 1
    assert ".pdf o .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_cancelled_export_leaves_no_file(session, tmp_path):
    import datetime as dt

    import pytest

    from pazos_desktop.documents.report_file import save_report
    from pazos_desktop.services.report.coordination import ReportRequest, gather_report

    build_world(session)
    report = gather_report(session, ReportRequest(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))

    def cancel(page: int) -> None:
        if page == 2:
            raise KeyboardInterrupt

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(KeyboardInterrupt):
        save_report(report, folder / "informe.pdf", on_page=cancel)
    assert list(folder.iterdir()) == []
