"""Commitments by partner as a horizontal bar chart (Qt Charts): done vs. the rest.

Every bar is labelled: Qt hides a category label that would touch its neighbour, so the chart
asks for a height that gives each of its 12 bars room for one line, and labels are short (the
acronym, or the name cut with "…"); the full name is the bar's tooltip."""

from __future__ import annotations

import shiboken6
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QGraphicsTextItem, QToolTip

from pazos_desktop.domain.figures import PartnerSummary

TOP = 12
LINE_SPACING = 1.7  # each bar's height, in lines of its label: Qt hides labels that touch
FRAME_LINES = 8  # title, legend, value axis and margins, in lines


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
        line = self.fontMetrics().height()
        self.setMinimumSize(320, int(line * (TOP * LINE_SPACING + FRAME_LINES)))
        self.setAccessibleName(title)
        self.names: list[str] = []  # the full names, bottom bar first (tooltips)

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
        self.names = [r.name for r in top]
        series.hovered.connect(self._hovered)
        names = QBarCategoryAxis()
        names.append([short(acronyms.get(r.partner_id) or r.name) for r in top])
        names.setTruncateLabels(False)  # Qt elides every label to "…" when the chart is narrow
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max((r.total for r in top), default=1))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)

    def _hovered(self, status: bool, index: int, _barset) -> None:
        if status and 0 <= index < len(self.names):
            QToolTip.showText(QCursor.pos(), self.names[index], self)

    def label_report(self) -> dict:
        """The bars' labels and those Qt hid (tests): Qt draws them as text items of its own
        class, read here as the QGraphicsTextItem they are."""
        axis = next((a for a in self.chart_.axes() if isinstance(a, QBarCategoryAxis)), None)
        categories = list(axis.categories()) if axis is not None else []
        hidden = []
        for item in self.scene().items():
            obj = item.toGraphicsObject()
            if obj is None or not obj.inherits("QGraphicsTextItem"):
                continue
            text = shiboken6.wrapInstance(shiboken6.getCppPointer(obj)[0], QGraphicsTextItem)
            if text.toPlainText() in categories and not text.isVisible():
                hidden.append(text.toPlainText())
        return {"categories": categories, "hidden": hidden}
