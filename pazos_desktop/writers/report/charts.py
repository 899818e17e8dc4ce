"""The report's charts, drawn with reportlab's own graphics (vector, no extra library)."""

from __future__ import annotations

import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.writers.pdf.document import FONT, FONT_BOLD, HEADER_FILL
from pazos_desktop.writers.pdf.text import font_for, printable
from pazos_desktop.writers.report.labels import STATUS_COLOURS, STATUS_ORDER, Labels

STATUS_TITLE = N_("Estado de los compromisos por componente")
MONTH_TITLE = N_("Compromisos cumplidos por mes")
MAX_CLUSTER_BARS = 25  # more bars than this no longer fit one page legibly
AXIS_FONT_SIZE = 7


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(
        String(
            width / 2,
            height - 12,
            text,
            fontName=FONT_BOLD,
            fontSize=9,
            fillColor=HEADER_FILL,
            textAnchor="middle",
        )
    )


def _style_axes(chart) -> None:
    names = [printable(n) for n in chart.categoryAxis.categoryNames or []]
    chart.categoryAxis.categoryNames = names
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = AXIS_FONT_SIZE
    # One font per axis: names only the fallback draws (中文) put the whole axis in it.
    chart.categoryAxis.labels.fontName = font_for("".join(names), FONT)
    chart.valueAxis.forceZero = True
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.labelTextFormat = "%d"


def _count_label(value) -> str:
    """Bar labels: the count, nothing over an empty bar."""
    return "" if not value else f"{value:.0f}"


def _nice_max(value: int) -> int:
    """An axis top above the biggest bar, so the bar labels fit."""
    return max(4, int(value * 1.15) + 1)


def status_by_component(
    report: CoordinationReport, t: Labels, width: float, titled: bool = True
) -> Drawing:
    """Stacked bars: one per component, one colour per status users see."""
    height = 7.5 * cm
    drawing = Drawing(width, height)
    if titled:
        _title(drawing, t(STATUS_TITLE), width, height)
    items = report.status_by_component
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = (
        1.2 * cm,
        1.4 * cm,
        width - 6.2 * cm,
        height - 2.4 * cm,
    )
    chart.data = [[item.counts.get(s, 0) for item in items] or [0] for s in STATUS_ORDER]
    chart.categoryAxis.categoryNames = [
        "\n".join(textwrap.wrap(item.name, 16)[:2]) for item in items
    ] or [""]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.boxAnchor = "n"
    for i, status in enumerate(STATUS_ORDER):
        chart.bars[i].fillColor = colors.HexColor(STATUS_COLOURS[status])
        chart.bars[i].strokeColor = colors.white
    _style_axes(chart)
    totals = [sum(item.counts.values()) for item in items] or [0]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, _nice_max(max(totals))
    drawing.add(chart)
    drawing.add(_legend(t, width - 4.6 * cm, height - 1.4 * cm))
    return drawing


def _legend(t: Labels, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, AXIS_FONT_SIZE
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 6
    legend.dx = legend.dy = 7
    # Listed top-down in the order the bars stack bottom-up, so the legend reads like the bars.
    legend.colorNamePairs = [
        (colors.HexColor(STATUS_COLOURS[s]), t.status(s)) for s in reversed(STATUS_ORDER)
    ]
    return legend


def completed_by_month(
    report: CoordinationReport, t: Labels, width: float, titled: bool = True
) -> Drawing:
    """One bar per month of the period: commitments completed in it."""
    height = 6.5 * cm
    drawing = Drawing(width, height)
    if titled:
        _title(drawing, t(MONTH_TITLE), width, height)
    months = report.completed_by_month
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = (
        1.2 * cm,
        1.3 * cm,
        width - 1.8 * cm,
        height - 2.3 * cm,
    )
    chart.data = [[m.count for m in months] or [0]]
    chart.categoryAxis.categoryNames = [t.month(m.year, m.month) for m in months] or [""]
    if len(months) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.bars[0].fillColor = colors.HexColor(STATUS_COLOURS["completed"])
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _count_label
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, AXIS_FONT_SIZE
    chart.barLabels.nudge = 6
    _style_axes(chart)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max((m.count for m in months), default=0))
    drawing.add(chart)
    return drawing


def per_cluster(report: CoordinationReport, t: Labels, width: float, room: float = 1e9) -> Drawing:
    """Horizontal bars: commitments in each cluster (the busiest ones when there are many),
    thinner bars where 25 of them would be taller than `room`."""
    matrix = report.cluster_matrix
    totals = sorted(
        ((matrix.row_total(cid).total, name) for cid, name in matrix.rows),
        key=lambda item: (-item[0], item[1].casefold()),
    )[:MAX_CLUSTER_BARS]
    totals.reverse()  # the chart draws its first category at the bottom
    # 1.3 cm left for the heading above it: a heading and its chart share a page.
    bar = min(0.55 * cm, (room - 3.5 * cm) / max(len(totals), 1))
    height = max(4 * cm, len(totals) * bar + 2.2 * cm)
    drawing = Drawing(width, height)
    if len(matrix.rows) > MAX_CLUSTER_BARS:
        title = t(N_("Los {n} clústeres con más compromisos")).format(n=MAX_CLUSTER_BARS)
        _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 5.2 * cm, 0.9 * cm
    chart.width, chart.height = width - 6.2 * cm, height - 2.0 * cm
    chart.data = [[n for n, _name in totals] or [0]]
    chart.categoryAxis.categoryNames = [_short(name, 34) for _n, name in totals] or [""]
    chart.bars[0].fillColor = HEADER_FILL
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, AXIS_FONT_SIZE
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 3
    _style_axes(chart)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max((n for n, _name in totals), default=0))
    drawing.add(chart)
    return drawing


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
