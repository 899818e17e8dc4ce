"""What recipients read: a person's data export written for them (labels, values, dates and
actas as people read them, nothing internal, in both languages, the history per record), and
a report that agrees with itself (totals say what they count, the two views reconciled,
percentages rounded half up, ink that survives a grey printer, no swatch for a period without
figures)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from reportlab.lib import colors

from pazos_desktop.domain.formats import format_percent
from pazos_desktop.writers.report.indicators_charts import CURRENT_FILL, PREVIOUS_FILL, _legend
from pazos_desktop.writers.report.labels import Labels, percent
from pazos_desktop.writers.report.pdf import HEAT_HIGH, HEAT_LOW, ink_on
from tests.pdf_support import pdf_pages

pytest_plugins = ["document_outputs"]
pytestmark = pytest.mark.xdist_group("house_outputs")

INTERNAL = (
    "is_guest",
    "presence",
    "contact_id",
    "sort_order",
    "meeting_id",
    "False",
    "True",
    "present",
    "Asistente a reunión",
)
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_personal_data_export_speaks_to_the_person(house_outputs, lang):
    text = " ".join(pdf_pages(house_outputs.pdfs[f"person_{lang}"]))
    for word in INTERNAL:
        assert not re.search(rf"\b{word}\b", text), word
    assert not ISO_MOMENT.search(text)  # dates dd/mm/aaaa, moments dd/mm/aaaa hh:mm
    assert not re.search(r"Reunión \d+\b|Meeting \d+\b", text)  # actas by number and series
    generated = r"Generado el \d\d/\d\d/\d{4} \d\d:\d\d" if lang == "es" else r"Generated on \d\d/"
    assert re.search(generated, text)
    if lang == "es":
        assert re.search(r"Acta No\. \d{3} de \d{4} — (Comité técnico|Mesa)", text)
        assert "Historial de sus datos" in text and "Sus datos de contacto" in text
        assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d por \w", text)  # when, and by whom
    else:
        assert re.search(r"Minutes No\. \d{3} of \d{4} — (Technical committee|Inter)", text)
        assert "History of your data" in text and "Your contact details" in text
        assert "Nombre:" not in text and "Asistencia —" not in text  # no Spanish left


def test_the_report_labels_its_totals_and_reconciles_them(house_outputs):
    pages = pdf_pages(house_outputs.pdfs["report_a4"])
    summary = next(p for p in pages[2:] if "1. Resumen" in p)  # after the contents
    assert re.search(r"Cumplidos al \d\d/\d\d/\d{4} \d+", summary)
    assert "Cumplidos dentro del periodo" in summary
    assert "«Cumplidos al" in summary and "los que se cumplieron entre el" in summary
    matrix = next(p for p in pages if "Clúster × componente" in p and "Suma de los clústeres" in p)
    found = re.search(
        r"«Suma de los clústeres» \(([\d.]+)\) no es el número de compromisos", matrix
    )
    assert found and "cada compromiso cuenta una vez en cada clúster" in matrix
    total = re.search(r"Compromisos del periodo (\d+)", summary).group(1)
    assert f"({total} en el periodo)" in matrix and found.group(1) != total
    english = " ".join(pdf_pages(house_outputs.pdfs["report_en"]))
    assert "Sum of the clusters" in english and "Completed by" in english


def test_percentages_round_half_up():
    assert format_percent(12.5) == "13 %"  # 1 of 8 completed
    assert format_percent(100 * 1 / 8) == "13 %"
    assert format_percent(100 * 29 / 200) == "15 %"  # 14.499999999999998 in binary
    assert format_percent(14.49) == "14 %" and format_percent(None) == "—"
    assert percent(62.5) == "63 %" and Labels("es").percent(None) == "n. a."


def test_heat_cells_keep_their_contrast_on_a_grey_printer():
    for step in range(11):
        fill = colors.linearlyInterpolatedColor(HEAT_LOW, HEAT_HIGH, 0, 1, step / 10)
        ink = ink_on(fill)
        assert _contrast(ink, fill) >= 4.5, (step, ink)
    assert ink_on(colors.HexColor("#7F9DBB")) == colors.black  # mid-blue: black, not white
    assert ink_on(HEAT_HIGH) == colors.white


def _contrast(a, b) -> float:
    def lum(c):
        r, g, b_ = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c.rgb())
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_no_swatch_for_a_period_without_figures():
    def figure(value, low=False):
        return SimpleNamespace(value=value, low_count=low)

    clusters = [SimpleNamespace(previous=figure(25.0, True), current=figure(None))]
    legend = _legend(Labels("es"), 400, ("2025", "2026"), clusters)
    swatches = [c for c, _label in legend.colorNamePairs]
    labels = [label for _c, label in legend.colorNamePairs]
    assert CURRENT_FILL not in swatches and "2026: sin cifras" in labels
    assert PREVIOUS_FILL in swatches and any("pálido" in label for label in labels)
