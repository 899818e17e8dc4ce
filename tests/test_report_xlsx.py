"""The report workbook read back by python-calamine (a second reader) and checked by openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.writers.report.xlsx import write_report_xlsx
from tests.report_world import FROM, ON, TO, build_world

FORMULA_NAME = '=HYPERLINK("http://x","clic")'


def write(session, path, **request):
    report = gather_report(session, ReportRequest(FROM, TO, on=ON, **request))
    log = write_report_xlsx(report, path)
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}, log


@pytest.fixture
def sheets(session, tmp_path):
    build_world(session, p1_name=FORMULA_NAME)
    found, _log = write(session, tmp_path / "informe.xlsx")
    return found


def _row(rows, label):
    return next(r for r in rows if r and r[0] == label)


def test_sheets_present(sheets):
    assert list(sheets) == [
        "Resumen",
        "Clúster × componente",
        "Entidad × componente",
        "Estado por componente",
        "Cumplidos por mes",
        "Por entidad",
        "Vencidos",
        "Próximos a vencer",
        "Avances del periodo",
        "Sin actualización",
        "Brechas de cobertura",
        "Reportes de los aliados",  # the reporting cycle's section
    ]


def test_summary_figures(sheets):
    rows = sheets["Resumen"]
    assert _row(rows, "Compromisos del periodo")[1] == 7
    assert _row(rows, "% cumplido (sin cancelados)")[1] == pytest.approx(1 / 6)
    assert _row(rows, "Valor comprometido (COP)")[1] == 3_500_000
    assert _row(rows, "Vencidos")[1] == 2
    assert _row(rows, "Compromisos nuevos (inicio en el periodo)")[1:4] == [5, 3, 2]
    assert _row(rows, "Vencido")[1] == 2


def test_matrix_counts_and_percent(sheets):
    rows = sheets["Clúster × componente"]
    assert _row(rows, "Clúster Norte")[1:7] == [2, 2, 0, 1, 0, 5]
    percents = [r for r in rows if r and r[0] == "Clúster Sur"][1]
    assert percents[2] == pytest.approx(1.0)  # K2 done, K5 cancelled
    # The sum row says what it counts (issue: reports that agree with themselves).
    totals = [r for r in rows if r and r[0] == "Suma de los clústeres"][0]
    assert totals[-1] == 10


def test_lists(sheets):
    overdue = sheets["Vencidos"]
    assert [r[2] for r in overdue[1:]] == ["Bruno Dos", "Ana Uno"]
    assert [r[5] for r in overdue[1:]] == [76, 45]
    assert overdue[1][4] == dt.date(2026, 4, 30)
    assert len(sheets["Avances del periodo"]) == 3
    assert [r[4] for r in sheets["Sin actualización"][1:]] == [
        "nunca",
        "nunca",
        dt.date(2026, 4, 1),
    ]
    gaps = sheets["Brechas de cobertura"]
    assert ["Clúster", "Clúster Ávila", ""] in gaps


def test_partner_named_like_a_formula_stays_text(sheets, tmp_path):
    assert FORMULA_NAME in [r[1] for r in sheets["Por entidad"]]


def test_zero_formulas_and_shading(session, tmp_path):
    build_world(session, p1_name=FORMULA_NAME)
    path = tmp_path / "informe.xlsx"
    write(session, path)
    book = load_workbook(path)
    formulas = [
        (ws.title, cell.coordinate)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml and "<f " not in xml
    matrix = book["Clúster × componente"]
    rules = [rule for cf in matrix.conditional_formatting for rule in cf.rules]
    assert rules and all(rule.type == "colorScale" for rule in rules)
    cell = next(
        c for row in book["Por entidad"].iter_rows() for c in row if c.value == FORMULA_NAME
    )
    assert cell.data_type == "s" and cell.quotePrefix


def test_empty_period(session, tmp_path):
    build_world(session)
    report = gather_report(session, ReportRequest(dt.date(2010, 1, 1), dt.date(2010, 1, 31), on=ON))
    write_report_xlsx(report, tmp_path / "vacio.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "vacio.xlsx"))
    assert book.get_sheet_by_name("Vencidos").to_python() == [
        ["N.º", "Entidad", "Responsable", "Compromiso", "Vencía", "Días de atraso", "Estado"]
    ]
    summary = book.get_sheet_by_name("Resumen").to_python()
    assert _row(summary, "Compromisos del periodo")[1] == 0
