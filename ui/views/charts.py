"""Commitments by partner as a horizontal bar chart (Qt Charts): done vs. the rest."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from pazos_desktop.domain.figures import PartnerSummary

TOP = 12


def short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class PartnerChart(QChartView):
    def __init__(self, title: str):
        self.chart_ = QChart()
        super().__init__(self.chart_)
        self.chart_.setTitle(title)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.layout().setContentsMargins(0, 0, 0, 0)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, self.fontMetrics().height() * 22)
        self.setAccessibleName(title)

    def show_partners(self, rows: list[PartnerSummary], acronyms: dict[int, str]) -> None:
        """Top partners by commitments; acronyms as labels (names do not fit a chart axis)."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        top = list(reversed(rows[:TOP]))  # Qt draws the first category at the bottom
        done = QBarSet(self.tr("Cumplidos"))
        rest = QBarSet(self.tr("Otros"))
        done.setColor(QColor("#2e7d32"))
        rest.setColor(QColor("#90a4ae"))
        for r in top:
            done.append(r.completed)
            rest.append(r.total - r.completed)
        series = QHorizontalStackedBarSeries()
        series.append(done)
        series.append(rest)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([acronyms.get(r.partner_id) or short(r.name) for r in top])
        names.setTruncateLabels(False)  # Qt elides every label to "…" when the chart is narrow
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max((r.total for r in top), default=1))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
