"""The preview of the Informes view: key figures, comparison, statuses and gaps.

Its tables keep every text readable in a third of a laptop's screen: the period headers go on
two lines and the figures' columns take what their contents need, so the first column (what
is compared) keeps the rest and wraps rather than being cut to a few letters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_cop, format_date, format_quantity
from pazos_desktop.i18n import _
from pazos_desktop.writers.report.labels import (
    STATUS_COLOURS,
    Labels,
    comparison_rows,
    key_figures,
    percent,
    signed,
)


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
    for column in range(1, columns):
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
    table.setSelectionMode(QAbstractItemView.NoSelection)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)  # wrapped rows
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # columns share the width
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


class PreviewPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(_("Elija el periodo y pulse «Actualizar vista previa»."))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.figures = QGridLayout()
        layout.addLayout(self.figures)
        self.comparison = _table(4, _("Comparación con el periodo anterior"))
        self.statuses = _table(3, _("Compromisos por estado"))
        layout.addWidget(self.comparison, 3)
        layout.addWidget(self.statuses, 3)
        # Empty tables would show bare column numbers: they appear with the first preview.
        self.comparison.hide()
        self.statuses.hide()
        self.gaps = QLabel("")
        self.gaps.setWordWrap(True)
        layout.addWidget(self.gaps)

    def show_report(self, report) -> None:
        t = Labels()
        r = report.request
        self.heading.setText(
            _("Periodo {period} · estado al {date}").format(
                period=t.period(r.date_from, r.date_to), date=format_date(report.on)
            )
        )
        self._figures(key_figures(report, t))
        self._comparison(report, t)
        self._statuses(report, t)
        self.comparison.show()
        self.statuses.show()
        self.gaps.setText(gaps_text(report.gaps))

    def _figures(self, figures: list[tuple[str, str]]) -> None:
        while self.figures.count():
            self.figures.takeAt(0).widget().deleteLater()
        for i, (label, value) in enumerate(figures):
            number = QLabel(value)
            number.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1F4E79;")
            caption = QLabel(label)
            caption.setWordWrap(True)
            self.figures.addWidget(number, (i // 4) * 2, i % 4)
            self.figures.addWidget(caption, (i // 4) * 2 + 1, i % 4)

    def _comparison(self, report, t: Labels) -> None:
        s = report.summary
        self.comparison.setHorizontalHeaderLabels(
            [
                _("Indicador"),
                t.period(s.current.date_from, s.current.date_to).replace(" – ", " –\n"),
                t.period(s.previous.date_from, s.previous.date_to).replace(" – ", " –\n"),
                _("Cambio"),
            ]
        )
        rows = comparison_rows(report, t)
        self.comparison.setRowCount(len(rows))
        for row, (label, now, before, money) in enumerate(rows):
            shown = [label, format_quantity(now), format_quantity(before), signed(now - before)]
            if money:
                shown[1:] = [format_cop(now), format_cop(before), signed(now - before, True)]
            for col, text in enumerate(shown):
                self.comparison.setItem(row, col, _item(text, right=col > 0))

    def _statuses(self, report, t: Labels) -> None:
        totals = report.summary.status_totals
        grand = sum(totals.values())
        self.statuses.setHorizontalHeaderLabels([_("Estado"), _("Compromisos"), _("% del total")])
        self.statuses.setRowCount(len(totals))
        for row, (status, n) in enumerate(totals.items()):
            name = _item(t.status(status))
            name.setForeground(QColor(STATUS_COLOURS[status]))
            self.statuses.setItem(row, 0, name)
            self.statuses.setItem(row, 1, _item(format_quantity(n), right=True))
            share = percent(100.0 * n / grand if grand else None)
            self.statuses.setItem(row, 2, _item(share, right=True))


def gaps_text(gaps) -> str:
    """Where the filter has no active commitment: a coverage gap, said as one ("Clústeres
    sin compromisos activos: ninguno" reads as "every cluster has some")."""
    none = _("ninguno")
    return _(
        "Clústeres sin compromisos activos: {clusters}. Componentes sin compromisos activos: "
        "{components}."
    ).format(
        clusters=", ".join(gaps.clusters) or none, components=", ".join(gaps.components) or none
    )
