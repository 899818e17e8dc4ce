"""An indicator's trend per territory (Qt Charts): one line per cluster, a thick one for the
municipality (or all clusters together), points built on fewer than 10 events hollow."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from pazos_desktop.domain.indicator_text import figure_text
from pazos_desktop.domain.indicators import LOW_COUNT
from pazos_desktop.services.indicators.panel import PanelRow, TerritorySeries

WHOLE_COLOUR = "#1f3b57"
PALETTE = [
    "#2f6690", "#3a9d5d", "#c9a227", "#8e44ad", "#d35400",
    "#16a085", "#c0392b", "#7f8c8d", "#e84393", "#e67e22",
]  # fmt: skip


class IndicatorChart(QChartView):
    def __init__(self, title: str):
        super().__init__()
        self.title = title
        self.chart_ = self._new_chart()
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, self.fontMetrics().height() * 22)
        self.setAccessibleName(title)
        self.row: PanelRow | None = None

    def _new_chart(self) -> QChart:
        chart = QChart()
        chart.setTitle(self.title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        return chart

    def clear(self) -> None:
        """A new chart for every indicator: axes and labels of the last one never linger."""
        old, self.chart_ = self.chart_, self._new_chart()
        self.setChart(self.chart_)
        old.deleteLater()

    def show_row(self, row: PanelRow | None, rolling: bool = False) -> None:
        """The yearly series of `row` (its 3-year rates when `rolling`)."""
        self.clear()
        self.row = row
        if row is None:
            self.chart_.setTitle(self.tr("Sin indicador"))
            return
        ind = row.indicator
        suffix = self.tr(" · tasa de 3 años") if rolling else ""
        self.chart_.setTitle(f"{ind.code} · {ind.name}{suffix}")
        lines = [row.whole, *row.clusters]
        x_axis, y_axis = self._axes()
        low = QScatterSeries()
        low.setName(self.tr("menos de {n} casos").replace("{n}", str(LOW_COUNT)))
        low.setMarkerSize(9)
        low.setColor(QColor("white"))
        low.setBorderColor(QColor("#b26a00"))
        years, top = [], 0.0
        for index, line in enumerate(lines):
            series = self._line(line, index, rolling, low)
            if series is None:
                continue
            self.chart_.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            years += [p.x() for p in series.points()]
            top = max([top, *(p.y() for p in series.points())])
        if low.count():
            self.chart_.addSeries(low)
            low.attachAxis(x_axis)
            low.attachAxis(y_axis)
        if years:
            first, last = int(min(years)), int(max(years))
            x_axis.setRange(first - 0.5, last + 0.5)
            x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
            x_axis.setTickAnchor(first)
            x_axis.setTickInterval(max(1, (last - first + 7) // 8))
        y_axis.setRange(0, max(1.0, top * 1.1))
        y_axis.applyNiceNumbers()

    def _axes(self) -> tuple[QValueAxis, QValueAxis]:
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setLabelFormat("%d")
        y_axis.setLabelFormat("%.0f")
        self.chart_.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        return x_axis, y_axis

    def _line(self, line: TerritorySeries, index: int, rolling: bool, low: QScatterSeries):
        points = []
        for year in line.years:
            shown = year.rolling if rolling else year.figure
            if shown is None or shown.value is None:
                continue
            points.append((year.year, shown))
        if not points:
            return None
        series = QLineSeries()
        series.setName(line.name)
        colour = QColor(WHOLE_COLOUR if line.whole else PALETTE[(index - 1) % len(PALETTE)])
        series.setPen(QPen(colour, 3.2 if line.whole else 1.4))
        series.setPointsVisible(True)
        population = self.row.indicator.population_denominator if self.row else False
        for year, shown in points:
            series.append(QPointF(year, shown.value))
            if shown.low_count:
                low.append(QPointF(year, shown.value))
        series.hovered.connect(
            lambda point, state, name=line.name, pts=dict(points): self._tip(
                point, state, name, pts, population
            )
        )
        return series

    def _tip(self, point: QPointF, state: bool, name: str, points: dict, population) -> None:
        if not state:
            QToolTip.hideText()
            return
        year = round(point.x())
        shown = points.get(year)
        if shown is not None:
            QToolTip.showText(
                self.mapToGlobal(self.chart_.mapToPosition(point).toPoint()),
                f"{name} · {year}: {figure_text(shown, population)}",
            )
