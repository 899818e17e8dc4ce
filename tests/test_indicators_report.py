"""The coordination report's indicators section, written and read back: the PDF's text (pypdf)
and the workbook's cells and charts (openpyxl, the zip)."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.writers.report.pdf import write_report_pdf
from pazos_desktop.writers.report.xlsx import write_report_xlsx
from tests.excel_support import TODAY, formula_count, sample_db, sample_template

__all__ = ["sample_db", "sample_template"]
YEAR = TODAY.year - 1  # the sample's last complete year


@pytest.fixture
def report(sample_db):
    with sample_db.session() as s:
        return gather_report(s, ReportRequest(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)))


def test_section_figures(report):
    section = report.indicators
    codes = [line.indicator.code for line in section.lines]
    assert codes[:3] == ["HOM-01", "HOM-02", "LES-01"]  # impact first
    forjar = {
        line.indicator.code: line for line in section.lines if line.indicator.code[:2] == "FO"
    }
    # The program's aggregates of its last year: 430/500 CVs, 335/500 applications,
    # 102/120 users using less, 15/500 dropouts, over the clusters' counts.
    assert [round(forjar[c].current.value) for c in ("FO-01", "FO-02", "FO-03", "FO-04")] == [
        86,
        67,
        85,
        3,
    ]
    assert forjar["FO-01"].current.numerator == 430 and forjar["FO-01"].current.denominator == 500
    assert forjar["FO-04"].trend.verdict == "better"  # dropout down
    homicides = section.lines[0]
    assert homicides.territory == "Municipio (total)"
    assert len(homicides.clusters) == 9
    assert any(c.current.low_count for c in homicides.clusters)  # clusters of ~20,000 people
    assert all(c.rolling is not None for c in homicides.clusters)


def test_pdf_section(report, tmp_path):
    path = tmp_path / "informe.pdf"
    write_report_pdf(report, path, invariant=True)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "6. Indicadores de resultado" in text
    assert "Indicadores de impacto por clúster" in text
    assert "HOM-01 · Tasa de homicidios" in text and "n=" in text
    assert "⚠ < 10 casos" in text
    assert "98,1 (2011)" in text  # the baseline and its year
    english = tmp_path / "report.pdf"
    write_report_pdf(report, english, lang="en", invariant=True)
    text = "\n".join(page.extract_text() for page in PdfReader(english).pages)
    assert "6. Outcome indicators" in text and "Impact indicators by cluster" in text


def test_xlsx_section(report, tmp_path):
    path = tmp_path / "informe.xlsx"
    write_report_xlsx(report, path)
    wb = load_workbook(path)
    ws = wb["Indicadores"]
    header = [c.value for c in ws[4]]
    assert header[:3] == ["Código", "Indicador", "Nivel"]
    first = [c.value for c in ws[5]]
    assert first[0] == "HOM-01" and isinstance(first[header.index("Periodo actual: valor")], float)
    assert isinstance(first[header.index("Periodo actual: numerador")], int | float)
    clusters = wb["Indicadores por clúster"]
    assert clusters.cell(1, 1).value.startswith("HOM-01")
    with zipfile.ZipFile(path) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == len([line for line in report.indicators.impact if line.clusters])
    assert formula_count(path) == 0
