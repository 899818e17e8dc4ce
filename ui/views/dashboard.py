"""Panel: totals by status, the cluster × component matrix, what is overdue or due soon,
commitments by partner as a bar chart, the outcome indicators, holders' requests past their
term, and the first steps of an empty database.

The view shows `DashboardFigures` (plain data, `pazos_desktop.domain.figures`). At start-up the
previous run's figures can be shown before the database is even open (`show_figures(...,
cached=True)`, marked as being refreshed); the fresh ones replace them. This module imports no
SQLAlchemy at load time for that reason: the services are imported inside the functions that
run on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.figures import DashboardFigures, DueRow
from pazos_desktop.domain.formats import format_cop, format_date, format_percent
from pazos_desktop.domain.vocabulary import OVERDUE, status_label
from ui.models.matrix import CELL_IDS_ROLE, MatrixModel
from ui.models.rows import Column, RowsModel
from ui.personal_data.hooks import OverdueRequestsBanner
from ui.reporting.tile import ReportingTile
from ui.widgets import setup_table

STATUS_ORDER = ["pipeline", "in_progress", OVERDUE, "completed", "suspended", "cancelled"]
NARROW = 1100  # below this width (logical px) the chart goes under the matrix


def load_dashboard(session) -> DashboardFigures:
    from pazos_desktop.services.dashboard import dashboard_figures

    return dashboard_figures(session)


class Card(QFrame):
    """A big number with its label."""

    def __init__(self, label: str, color: str = "#1f3b57", tooltip: str = ""):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"Card {{ background: white; border-left: 5px solid {color}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.value = QLabel("…")
        self.value.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        if tooltip:
            self.setToolTip(tooltip)


STATUS_COLORS = {
    "pipeline": "#8c8c8c",
    "in_progress": "#2f6690",
    "completed": "#2e7d32",
    "cancelled": "#5d4037",
    "suspended": "#b26a00",
    OVERDUE: "#c62828",
}


class DashboardView(QWidget):
    loaded = Signal()  # figures shown (cached or fresh)

    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.data: DashboardFigures | None = None
        self.cached = False  # the figures shown are the previous run's
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.banner = QLabel()
        self.banner.setStyleSheet("background: #fff8e1; padding: 4px; color: #5d4300;")
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.personal_data = OverdueRequestsBanner(ctx)  # Ley 1581: requests past their term
        layout.addWidget(self.personal_data)
        self.reporting = ReportingTile(ctx)  # who has reported this period
        layout.addWidget(self.reporting)
        layout.addWidget(self._first_steps())
        layout.addLayout(self._cards())
        self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle.addLayout(self._matrix(), 3)
        from ui.views.charts import PartnerChart

        self.chart = PartnerChart(self.tr("Compromisos por entidad (las 12 con más)"))
        self.middle.addWidget(self.chart, 2)
        layout.addLayout(self.middle, 3)
        lists = QHBoxLayout()
        self.overdue_model = RowsModel(self._list_columns(overdue=True), self, self._is_overdue)
        self.soon_model = RowsModel(self._list_columns(overdue=False), self)
        lists.addLayout(self._list(self.tr("Vencidos"), self.overdue_model), 1)
        lists.addLayout(self._list(self.tr("Vencen en los próximos 30 días"), self.soon_model), 1)
        layout.addLayout(lists, 2)
        self.indicators = None  # the outcome indicators (ui/views/indicators_panel.py)
        self.indicators_box = QVBoxLayout()
        self.indicators_box.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.indicators_box, 3)

    # --- layout ---------------------------------------------------------------------------

    def _first_steps(self) -> QFrame:
        """On a database without commitments: what to set up, each with a button to go."""
        self.steps_box = box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet("QFrame { background: #eef5fb; }")
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("<b>Primeros pasos</b>")), 0, 0, 1, 2)
        self.step_labels: dict[str, QLabel] = {}
        steps = (
            ("clusters", self.tr("Crear los clústeres y sus barrios"), "territory"),
            ("partners", self.tr("Registrar las entidades aliadas y sus contactos"), "partners"),
            (
                "documents",
                self.tr(
                    "Datos de los documentos: nombre de la organización, logotipo y código del "
                    "documento"
                ),
                "settings",
            ),
            ("commitments", self.tr("Registrar el primer compromiso"), "commitments"),
        )
        for row, (key, text, view) in enumerate(steps, 1):
            label = QLabel(text)
            label.setWordWrap(True)
            self.step_labels[key] = label
            button = QPushButton(self.tr("Ir"))
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, v=view: self.ctx.window.show_view(v))
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
        grid.setColumnStretch(0, 1)
        box.setVisible(False)
        return box

    def _cards(self) -> QGridLayout:
        grid = QGridLayout()
        self.cards: dict[str, Card] = {}
        self.total_card = Card(
            self.tr("Compromisos en total"),
            tooltip=self.tr("Cada compromiso una vez, aunque actúe en varios clústeres."),
        )
        self.percent_card = Card(
            self.tr("Cumplimiento"),
            "#2e7d32",
            self.tr("Cumplidos ÷ (todos − cancelados)"),
        )
        self.amount_card = Card(self.tr("Valor comprometido"), "#6a1b9a")
        cards = [self.total_card, self.percent_card, self.amount_card]
        for status in STATUS_ORDER:
            self.cards[status] = Card(status_label(status), STATUS_COLORS.get(status, "#333"))
            cards.append(self.cards[status])
        self.cards[OVERDUE].setToolTip(
            self.tr("Propuestos o en ejecución cuya fecha límite ya pasó.")
        )
        per_row = 5 if len(cards) > 6 else len(cards)
        for i, card in enumerate(cards):
            grid.addWidget(card, i // per_row, i % per_row)
        return grid

    def _matrix(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(
            QLabel(
                self.tr(
                    "<b>Clúster × componente</b> (compromisos · % cumplido; clic o Intro para ver)"
                )
            )
        )
        self.matrix_model = MatrixModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setAccessibleName(self.tr("Matriz clúster por componente"))
        self.matrix_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.matrix_view.setTabKeyNavigation(False)  # Tab leaves the matrix; arrows move in it
        self.matrix_view.setWordWrap(True)
        header = self.matrix_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.fontMetrics().height() * 3)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("000 · 100 %") + 8)
        vertical = self.matrix_view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.setMinimumHeight(self.fontMetrics().height() * 22)
        self.matrix_view.clicked.connect(self.open_cell)
        self.matrix_view.activated.connect(self.open_cell)
        column.addWidget(self.matrix_view)
        self.matrix_note = QLabel()
        self.matrix_note.setWordWrap(True)
        self.matrix_note.setStyleSheet("color: #555;")
        column.addWidget(self.matrix_note)
        return column

    def _list(self, title: str, model: RowsModel) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(QLabel(f"<b>{title}</b>"))
        table = QTableView()
        table.setModel(model)
        setup_table(table, title)
        table.setMinimumHeight(self.fontMetrics().height() * 12)
        table.activated.connect(lambda index, m=model: self._edit(m, index))
        for col, width in enumerate((95, 170, 120)):
            table.horizontalHeader().resizeSection(col, width)
        column.addWidget(table)
        return column

    def _list_columns(self, overdue: bool) -> list[Column]:
        late = Column(self.tr("Días de retraso"), self._days_late, True)
        return [
            Column(self.tr("Fecha límite"), lambda r: format_date(r.due_date)),
            Column(self.tr("Entidad"), lambda r: r.partner_name, tooltip=lambda r: r.partner_name),
            late if overdue else Column(self.tr("Estado"), lambda r: status_label(r.status)),
            Column(self.tr("Compromiso"), lambda r: r.title, tooltip=lambda r: r.title),
        ]

    def _days_late(self, row: DueRow) -> int:
        return (self.data.on - row.due_date).days if row.due_date and self.data else 0

    @staticmethod
    def _is_overdue(row: DueRow) -> bool:
        return row.status == OVERDUE

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """On a narrow window (a laptop at 125-150 %) the chart goes under the matrix, so
        the matrix keeps room for its headers and cells."""
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        wanted = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.middle.direction() != wanted:
            self.middle.setDirection(wanted)

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.read(load_dashboard, self._fresh, parent=self)
        self.personal_data.refresh()
        self.reporting.refresh()
        self._indicators().refresh()

    def _indicators(self):
        """The indicators panel, built at the first refresh: its module loads SQLAlchemy,
        which the previous run's figures, shown before the database opens, must not wait for."""
        if self.indicators is None:
            from ui.indicators.panel import IndicatorsPanel

            self.indicators = IndicatorsPanel(self.ctx)
            self.indicators_box.addWidget(self.indicators)
        return self.indicators

    def _fresh(self, figures: DashboardFigures) -> None:
        self.show_figures(figures)
        window = self.ctx.window
        folder = getattr(window, "data_folder", None)
        if folder is not None and self.ops.db is not None:
            from pazos_desktop.services import figures_cache

            target = self.ops.db.describe()
            self.ops.submit(lambda: figures_cache.save(folder, target, figures), None, _ignore)

    def show_figures(self, data: DashboardFigures, cached: bool = False) -> None:
        self.data, self.cached = data, cached
        self.banner.setVisible(cached)
        if cached:
            self.banner.setText(
                self.tr("Cifras de la última vez que se abrió el programa; actualizando…")
            )
        number = _thousands
        self.total_card.value.setText(number(data.overall.total))
        percent = data.overall.percent
        self.percent_card.value.setText(format_percent(percent))
        self.amount_card.value.setText(format_cop(data.amount))
        for status, card in self.cards.items():
            card.value.setText(number(data.totals.get(status, 0)))
        self.matrix_model.set_matrix(data.matrix, data.by_component, data.overall)
        self._note(data)
        self.overdue_model.set_rows(data.overdue)
        self.soon_model.set_rows(data.due_soon)
        self.chart.show_partners(data.by_partner, data.acronyms)
        self._steps(data)
        self.loaded.emit()

    def _note(self, data: DashboardFigures) -> None:
        extra = data.multi_counted
        if extra <= 0:
            self.matrix_note.setText("")
            return
        self.matrix_note.setText(
            self.tr(
                "Un compromiso que actúa en varios clústeres cuenta en cada uno: las celdas "
                "suman {n} más que el total de compromisos ({total}); la fila Total cuenta "
                "cada compromiso una vez."
            ).format(n=_thousands(extra), total=_thousands(data.overall.total))
        )

    def _steps(self, data: DashboardFigures) -> None:
        steps = data.steps
        self.steps_box.setVisible(not steps.commitments)
        done = {
            "clusters": bool(steps.clusters),
            "partners": bool(steps.partners),
            "documents": steps.documents,
            "commitments": bool(steps.commitments),
        }
        for key, label in self.step_labels.items():
            text = label.text().removeprefix("✔ ").removeprefix("☐ ")
            label.setText(("✔ " if done[key] else "☐ ") + text)
            label.setAccessibleDescription(self.tr("hecho") if done[key] else self.tr("pendiente"))

    # --- actions --------------------------------------------------------------------------

    def open_cell(self, index: QModelIndex) -> None:
        """A click (or Enter) on a cell opens the commitment list filtered to that cluster and
        component."""
        from pazos_desktop.services.commitments.search import CommitmentFilter

        cluster_id, component_id = index.data(CELL_IDS_ROLE)
        f = CommitmentFilter(
            cluster_ids=[cluster_id] if cluster_id is not None else [],
            component_ids=[component_id] if component_id is not None else [],
        )
        self.ctx.window.show_commitments(f)

    def _edit(self, model: RowsModel, index: QModelIndex) -> None:
        from ui.dialogs.commitment import edit_commitment

        row = model.row_at(index.row())
        if row is not None and self.ops.db is not None:
            edit_commitment(self.ops, self, row.id, lambda _d: self.refresh())


def _ignore(exc: BaseException) -> None:
    """A cache that cannot be written only costs the next start its early figures."""
    import logging

    logging.getLogger("pazos.window").warning("dashboard figures not cached: %s", exc)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")
