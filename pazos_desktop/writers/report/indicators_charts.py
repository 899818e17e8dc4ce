"""The indicators section's chart: an impact indicator by cluster, previous against current
period, bars built on fewer than 10 events drawn pale (reportlab graphics, vector)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from pazos_desktop.domain.formats import format_number
from pazos_desktop.domain.indicators import LOW_COUNT
from pazos_desktop.i18n import N_
from pazos_desktop.services.indicators.report import IndicatorLine
from pazos_desktop.writers.pdf.document import FONT, FONT_BOLD, HEADER_FILL
from pazos_desktop.writers.report.labels import Labels

PREVIOUS_FILL, CURRENT_FILL = colors.HexColor("#9DB4C0"), colors.HexColor("#1F4E79")
PALE = 0.35  # how much of the colour a low-count bar keeps
MAX_BARS = 30


def _pale(colour) -> colors.Color:
    return colors.linearlyInterpolatedColor(colors.white, colour, 0, 1, PALE)


def cluster_chart(line: IndicatorLine, t: Labels, width: float, periods: tuple[str, str]):
    """Grouped bars per cluster: previous (light) and current (dark) period."""
    clusters = line.clusters[:MAX_BARS]
    height = 7.6 * cm
    drawing = Drawing(width, height)
    title = f"{line.indicator.code} · {line.indicator.name}"
    drawing.add(
        String(width / 2, height - 12, title[:110], fontName=FONT_BOLD, fontSize=9,
               fillColor=HEADER_FILL, textAnchor="middle")
    )  # fmt: skip
    chart = VerticalBarChart()
    angled = len(clusters) > 8  # long names side by side would overlap: tilt them
    chart.x, chart.y = 1.4 * cm, (2.6 if angled else 1.6) * cm
    chart.width, chart.height = width - 1.8 * cm, height - chart.y - 1.7 * cm
    chart.data = [
        [c.previous.value or 0 for c in clusters] or [0],
        [c.current.value or 0 for c in clusters] or [0],
    ]
    chart.categoryAxis.categoryNames = [_short(c.name, 20) for c in clusters] or [""]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 6.5
    chart.categoryAxis.labels.angle = 30 if angled else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if angled else "n"
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.valueMin = 0
    top = max((v for series in chart.data for v in series), default=0)
    chart.valueAxis.valueMax = max(1.0, top * 1.2)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barLabelFormat = lambda v: format_number(v, 1) if v else ""
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = FONT, 5.5, 5
    for series, fill in enumerate((PREVIOUS_FILL, CURRENT_FILL)):
        chart.bars[series].fillColor, chart.bars[series].strokeColor = fill, None
        for index, c in enumerate(clusters):
            shown = c.previous if series == 0 else c.current
            if shown.low_count:
                chart.bars[(series, index)].fillColor = _pale(fill)
    drawing.add(chart)
    drawing.add(_legend(t, width, periods, clusters))
    return drawing


def _legend(t: Labels, width: float, periods: tuple[str, str], clusters) -> Legend:
    """A swatch for each series that has a bar; a period without figures says so instead."""
    legend = Legend()
    legend.x, legend.y = 1.4 * cm, 0.35 * cm
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment, legend.columnMaximum = "right", 1
    legend.dx = legend.dy = 7
    legend.deltax = width / 3.4
    pale = t(N_("pálido: menos de {n} casos")).format(n=LOW_COUNT)
    pairs = []
    for fill, period, figures in (
        (PREVIOUS_FILL, periods[0], [c.previous for c in clusters]),
        (CURRENT_FILL, periods[1], [c.current for c in clusters]),
    ):
        if any(f.value is not None for f in figures):
            pairs.append((fill, period))
        else:
            pairs.append((colors.white, t(N_("{period}: sin cifras")).format(period=period)))
    for fill, series in ((PREVIOUS_FILL, "previous"), (CURRENT_FILL, "current")):
        if any(getattr(c, series).low_count for c in clusters):  # the pale bars' own colour
            pairs.append((_pale(fill), pale))
            break
    legend.colorNamePairs = pairs
    legend.strokeColor = None  # a white swatch (no figures) shows no box
    return legend


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
