"""The dashboard's indicators panel: each indicator's latest year against its baseline and
target, with its count, trend, low-count flag and linked commitments; beside it, the chosen
indicator's trend per cluster. A double click opens the indicator's values; "Compromisos"
its linked commitments (view Indicadores)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.indicator_text import (
    FLAG_COLOUR,
    TREND_COLOURS,
    figure_text,
    flag_text,
    linked_text,
    trend_text,
    with_year,
)
from pazos_desktop.services.indicators.panel import PanelData, PanelRow, load_panel
from ui.indicators.chart import IndicatorChart
from ui.models.rows import Column, RowsModel
from ui.widgets import setup_table


class PanelModel(RowsModel):
    """Trend in green or red by whether it is good for this indicator; flags in amber."""

    def __init__(self, columns, parent=None):
        super().__init__(columns, parent)
        self.trend_column = self.flag_column = -1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == self.trend_column and row.trend.verdict:
                return QBrush(QColor(TREND_COLOURS[row.trend.verdict]))
            if index.column() == self.flag_column and row.latest and row.latest.figure.low_count:
                return QBrush(QColor(FLAG_COLOUR))
        return super().data(index, role)


def _latest(row: PanelRow) -> str:
    latest = row.latest
    if latest is None:
        return "—"
    text = figure_text(latest.figure, row.indicator.population_denominator)
    return f"{text} · {latest.year}"


class IndicatorsPanel(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.data: PanelData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel(
            self.tr(
                "<b>Indicadores de resultado</b> (último año con datos; doble clic para "
                "ver sus valores)"
            )
        )
        title.setWordWrap(True)  # a laptop at 150 %: the title wraps, the panel fits
        top.addWidget(title, 1)
        self.rolling = QCheckBox(self.tr("Tasa móvil de 3 años"))
        self.rolling.toggled.connect(lambda _on: self._draw())
        top.addWidget(self.rolling)
        self.commitments_button = QPushButton(self.tr("Compromisos vinculados…"))
        self.commitments_button.clicked.connect(lambda _c=False: self.open_current(tab=1))
        top.addWidget(self.commitments_button)
        layout.addLayout(top)
        self.empty = QLabel(self.tr("Aún no hay indicadores: regístrelos en la vista Indicadores."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.model = PanelModel(self._columns(), self)
        self.model.trend_column, self.model.flag_column = 6, 7
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, self.tr("Indicadores de resultado"))
        self.table.setMinimumHeight(self.fontMetrics().height() * 16)
        for column, width in enumerate((70, 300, 150, 95, 95, 150, 100, 110)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._draw())
        self.table.doubleClicked.connect(self.open_index)
        self.chart = IndicatorChart(self.tr("Tendencia por clúster"))
        self.chart.setMinimumHeight(self.fontMetrics().height() * 24)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 3)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Código"), lambda r: r.indicator.code),
            Column(
                self.tr("Indicador"),
                lambda r: r.indicator.name,
                tooltip=lambda r: f"{r.indicator.name} ({r.indicator.unit or ''}) · {r.whole.name}",
            ),
            Column(self.tr("Último dato"), _latest, True),
            Column(
                self.tr("Línea base"),
                lambda r: with_year(r.indicator.baseline_value, r.indicator.baseline_year),
                True,
            ),
            Column(
                self.tr("Meta"),
                lambda r: with_year(r.indicator.target_value, r.indicator.target_year),
                True,
            ),
            Column(
                self.tr("3 años"),
                lambda r: figure_text(
                    r.latest.rolling if r.latest else None, r.indicator.population_denominator
                ),
                True,
            ),
            Column(self.tr("Tendencia"), lambda r: trend_text(r.trend)),
            Column(
                self.tr("Alerta"),
                lambda r: flag_text(r.latest.figure if r.latest else None, short=True),
            ),
            Column(
                self.tr("Compromisos"),
                lambda r: linked_text(r.linked.total, r.linked.percent),
                tooltip=lambda r: self.tr("vinculados · % cumplido"),
            ),
        ]

    def refresh(self) -> None:
        self.ops.read(load_panel, self.show_data, parent=self)

    def show_data(self, data: PanelData) -> None:
        current = self.model.row_at(self.table.currentIndex().row())
        self.data = data
        self.model.set_rows(data.rows)
        self.empty.setVisible(not data.rows)
        for widget in (self.table, self.chart, self.rolling, self.commitments_button):
            widget.setVisible(bool(data.rows))
        if data.rows:
            ids = [r.indicator.id for r in data.rows]
            wanted = current.indicator.id if current and current.indicator.id in ids else ids[0]
            self.table.selectRow(ids.index(wanted))
        self._draw()

    def selected(self) -> PanelRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _draw(self) -> None:
        self.chart.show_row(self.selected(), self.rolling.isChecked())

    def open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_current()

    def open_current(self, tab: int = 0) -> None:
        """The indicator's values (tab 0) or linked commitments (tab 1), view Indicadores."""
        row = self.selected()
        if row is not None:
            view = self.ctx.window.show_view("indicators")
            view.show_indicator(row.indicator.id, tab)
