"""Reportes de los aliados: partners × periods, the state of each report in colour and in
words, a filter by state and by name, and the cycle's actions for the chosen period (review,
sheets, reminders, close and reopen, how partners report).

Arrows move across the grid; Enter (or a double click) on a cell opens that partner's report of
that period for review. The grid's figures come from `services/reporting/states.grid`, read on
the worker; only the states of the cells travel to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_date, format_moment
from pazos_desktop.domain.reporting import (
    ALL_STATES,
    OVERDUE_REPORT,
    STATE_COLORS,
    ReportState,
    state_label,
)
from pazos_desktop.domain.text import fold
from ui.reporting import actions

PARTNER_WIDTH = 260


class GridModel(QAbstractTableModel):
    """Rows: partners; the first column their name, then one column per period."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = None
        self.rows: list[tuple[int, str, str | None]] = []

    def set_grid(self, grid, rows) -> None:
        self.beginResetModel()
        self.grid, self.rows = grid, list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.grid is None else 1 + len(self.grid.periods)

    def cell(self, index: QModelIndex):
        """(partner id, period) of a state cell; None for the name column."""
        if not index.isValid() or index.column() == 0 or self.grid is None:
            return None
        return self.rows[index.row()][0], self.grid.periods[index.column() - 1]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        partner_id, name, acronym = self.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{acronym} — {name}" if acronym else name
            return name if role == Qt.ItemDataRole.ToolTipRole else None
        period = self.grid.periods[index.column() - 1]
        state = self.grid.state(partner_id, period.code)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return state_label(state) if state else "—"
        if role == Qt.ItemDataRole.BackgroundRole and state:
            return QBrush(QColor(STATE_COLORS[state]))
        if role == Qt.ItemDataRole.ForegroundRole and state == OVERDUE_REPORT:
            return QBrush(QColor("#9b1c1c"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(name, period, state)
        return None

    def _tip(self, name: str, period, state: str | None) -> str:
        due = format_date(self.grid.dues[period.code])
        if state is None:
            return self.tr("{name} no tiene compromisos en {period}.").format(
                name=name, period=period.label
            )
        return f"{name} — {period.label}: {state_label(state)} ({due})"

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None
        if section == 0:
            return None if role != Qt.ItemDataRole.DisplayRole else self.entity_title
        period = self.grid.periods[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return period.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return period.label
        return None

    entity_title = ""


class ReportingView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.actions = actions.ReportingActions(self)
        self.closures = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Reportes de los aliados</b> por periodo")))
        layout.addLayout(self._filters())
        layout.addLayout(self._buttons())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # reasons typed by people
        layout.addWidget(self.summary)
        self.model = GridModel(self)
        self.model.entity_title = self.tr("Entidad")
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addWidget(self._legend())

    # --- layout ---------------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Periodo"))
        self.period_box.currentIndexChanged.connect(lambda _i: self._period_chosen())
        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Estado"))
        self.state_box.addItem(self.tr("Todos los estados"), None)
        self.state_box.addItem(self.tr("Sin reporte (pendiente, enviado o vencido)"), "missing")
        for state in ALL_STATES:
            self.state_box.addItem(state_label(state), state)
        self.state_box.currentIndexChanged.connect(lambda _i: self._show())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar entidad…"))
        self.search.setAccessibleName(self.tr("Buscar entidad"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show())
        for text, widget, stretch in (
            (self.tr("&Periodo:"), self.period_box, 0),
            (self.tr("E&stado:"), self.state_box, 0),
            (None, self.search, 1),
        ):
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                row.addWidget(label)
            row.addWidget(widget, stretch)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        a = self.actions
        for text, slot, tip in (
            (self.tr("Revisar…"), self.review, self.tr("El reporte de la celda elegida (Intro)")),
            (self.tr("Exportar hojas…"), a.export_sheets, None),
            (self.tr("Recordatorios…"), a.reminders, None),
            (self.tr("Cerrar periodo…"), a.close_period, None),
            (self.tr("Reabrir periodo…"), a.reopen_period, None),
            (self.tr("Cómo reportan…"), a.settings, None),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            if tip:
                button.setToolTip(tip)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Reportes por entidad y periodo"))
        table.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move in it
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(table.fontMetrics().horizontalAdvance("Recibido  ") + 24)
        table.activated.connect(lambda _index: self.review())
        table.selectionModel().currentChanged.connect(lambda *_a: self._cell_moved())
        return table

    def _legend(self) -> QLabel:
        chips = " ".join(
            f'<span style="background:{STATE_COLORS[s]};">&nbsp;{state_label(s)}&nbsp;</span>'
            for s in ALL_STATES
        )
        legend = QLabel(chips)
        legend.setWordWrap(True)
        return legend

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.run(actions.load_grid, self._loaded, parent=self)

    def _loaded(self, result) -> None:
        grid, self.closures, chosen = result
        wanted = self.period() or chosen
        self.grid = grid
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for period in grid.periods:
            self.period_box.addItem(f"{period.code} — {period.label}", period)
            if wanted is not None and period.code == wanted.code:
                self.period_box.setCurrentIndex(self.period_box.count() - 1)
        self.period_box.blockSignals(False)
        self._show()

    def _show(self) -> None:
        grid = getattr(self, "grid", None)
        if grid is None:
            return
        period, state, words = self.period(), self.state_box.currentData(), fold(self.search.text())
        rows = [
            row
            for row in grid.partners
            if (not words or all(w in fold(f"{row[1]} {row[2] or ''}") for w in words.split()))
            and _state_matches(grid, row[0], period, state)
        ]
        current = self.model.cell(self.table.currentIndex())
        self.model.set_grid(grid, rows)
        self.table.horizontalHeader().resizeSection(0, PARTNER_WIDTH)
        self._select(current[0] if current else None)
        self._summary()

    def _summary(self) -> None:
        period = self.period()
        if period is None:
            self.summary.setText(self.tr("No hay periodos de reporte todavía."))
            return
        states = [self.grid.state(p[0], period.code) for p in self.grid.partners]
        states = [s for s in states if s]
        received = sum(1 for s in states if s in (ReportState.RECEIVED, ReportState.ACCEPTED))
        overdue = sum(1 for s in states if s == OVERDUE_REPORT)
        text = self.tr(
            "{code} ({label}), plazo hasta el {due}: {received} de {total} recibidos, "
            "{overdue} vencidos."
        ).format(
            code=period.code,
            label=period.label,
            due=format_date(self.grid.dues[period.code]),
            received=received,
            total=len(states),
            overdue=overdue,
        )
        for c in self.closures:
            if c.period_code == period.code:
                text += " " + self._closure_text(c)
        self.summary.setText(text)

    def _closure_text(self, c) -> str:
        if c.reopened_at is None:
            return self.tr("Cerrado ({scope}) el {when} por {who}: {reason}.").format(
                scope=c.scope, when=format_moment(c.closed_at), who=c.closed_by, reason=c.reason
            )
        return self.tr("Reabierto el {when} por {who}: {reason}.").format(
            when=format_moment(c.reopened_at), who=c.reopened_by, reason=c.reopen_reason
        )

    # --- choices --------------------------------------------------------------------------

    def period(self):
        return self.period_box.currentData()

    def _period_chosen(self) -> None:
        if self.state_box.currentData() is None:  # the rows stay: only the column moves
            current = self.model.cell(self.table.currentIndex())
            self._select(current[0] if current else None)
            self._summary()
        else:
            self._show()

    def _select(self, partner_id: int | None) -> None:
        """The chosen period's cell of `partner_id` (else of the first row) gets the focus."""
        period = self.period()
        if period is None or self.model.rowCount() == 0:
            return
        column = 1 + [p.code for p in self.grid.periods].index(period.code)
        ids = [r[0] for r in self.model.rows]
        row = ids.index(partner_id) if partner_id in ids else 0
        if self.table.currentIndex() != self.model.index(row, column):
            self.table.setCurrentIndex(self.model.index(row, column))

    def _cell_moved(self) -> None:
        found = self.model.cell(self.table.currentIndex())
        if found is not None and self.period() is not None and found[1].code != self.period().code:
            self.period_box.setCurrentIndex(self.grid.periods.index(found[1]))

    def chosen_cell(self):
        """(partner id, period) of the cell with the focus; None on the name column."""
        return self.model.cell(self.table.currentIndex())

    def review(self) -> None:
        found = self.chosen_cell()
        if found is None:
            return
        partner_id, period = found
        if self.grid.state(partner_id, period.code) is None:
            return
        self.actions.review(partner_id, period)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def _state_matches(grid, partner_id: int, period, state) -> bool:
    if state is None or period is None:
        return True
    found = grid.state(partner_id, period.code)
    if state == "missing":
        return found in (ReportState.PENDING, ReportState.SENT, OVERDUE_REPORT)
    return found == state
