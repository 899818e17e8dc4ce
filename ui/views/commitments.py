"""Compromisos: the searchable, filterable table of all commitments, with a detail pane;
the list shown can be exported to Excel (Ctrl+E).

What is filtered is always what the filter boxes show: a filter from elsewhere (a dashboard
cell, "Ver compromisos" of a partner) is applied once the boxes hold its values, and read
back from them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.vocabulary import STATUS_LABELS, status_label
from pazos_desktop.i18n import ngettext
from pazos_desktop.services.commitments.search import CommitmentFilter
from ui.dialogs.commitment import add_progress, edit_commitment, load_choices
from ui.models.commitments import CommitmentTableModel
from ui.people import access
from ui.views.detail import CommitmentDetail
from ui.views.export import combo_note, export_list
from ui.widgets import (
    DateField,
    elide,
    fill_combo,
    make_searchable,
    search_box,
    set_combo_data,
    setup_table,
)


class CommitmentTable(QTableView):
    """Enter opens the editor, like a double-click."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.doubleClicked.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CommitmentsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.model = CommitmentTableModel(self.ops, self)
        self._choices_loaded = False
        self._build()
        self.model.refreshed.connect(self._refreshed)
        self._keep_id: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addLayout(self._filters())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = CommitmentTable()
        self.table.setModel(self.model)
        setup_table(self.table, self.tr("Compromisos"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.doubleClicked.connect(lambda index: self.edit(index))
        self.table.horizontalHeader().setMinimumSectionSize(48)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = CommitmentDetail(self.ops, self)
        self.detail.edit_requested.connect(lambda cid: self.edit_id(cid))
        self.detail.progress_requested.connect(self.add_progress)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])
        layout.addWidget(splitter, 1)
        self._restore_columns()

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = search_box(
            self.tr("Buscar por texto o entidad (Ctrl+F)"),
            self.tr("Buscar compromisos"),
            self._filters_changed,
        )
        self.count_label = QLabel()
        new = access.needs(QPushButton(self.tr("Nuevo compromiso")), "edit_register")
        new.setToolTip(self.tr("Ctrl+N"))
        new.clicked.connect(self.new_record)
        export = QPushButton(self.tr("Exportar a Excel…"))
        export.setToolTip(self.tr("Ctrl+E: la lista que se ve, con sus filtros y su orden"))
        export.clicked.connect(self.export_list)
        self.due_from, self.due_to = DateField(), DateField()
        self.due_from.setAccessibleName(self.tr("Vence desde"))
        self.due_to.setAccessibleName(self.tr("Vence hasta"))
        for field in (self.due_from, self.due_to):
            field.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 48)
            field.editingFinished.connect(self._filters_changed)
        row.addWidget(self.search, 1)
        row.addWidget(QLabel(self.tr("Vence entre")))
        row.addWidget(self.due_from)
        row.addWidget(QLabel(self.tr("y")))
        row.addWidget(self.due_to)
        row.addSpacing(12)
        row.addWidget(self.count_label)
        row.addWidget(new)
        row.addWidget(export)
        return row

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.partner = make_searchable(self._combo(self.tr("Entidad")))
        self.cluster = self._combo(self.tr("Clúster"))
        self.component = self._combo(self.tr("Componente"))
        self.program = self._combo(self.tr("Programa"))
        self.status = self._combo(self.tr("Estado"))
        statuses = [(status_label(s), str(s)) for s in STATUS_LABELS]
        fill_combo(self.status, statuses, blank=self.tr("Todos los estados"))
        clear = QPushButton(self.tr("Quitar filtros"))
        clear.clicked.connect(self.clear_filters)
        widgets = [self.partner, self.cluster, self.component, self.program, self.status]
        for column, widget in enumerate(widgets):
            grid.addWidget(widget, 0, column)
            grid.setColumnStretch(column, 1)
        grid.addWidget(clear, 0, len(widgets))
        return grid

    def _combo(self, name: str) -> QComboBox:
        combo = elide(QComboBox(), 8)  # five lists side by side: names cut with "…"
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.read(load_choices, self._fill_choices, parent=self)
        self.model.refresh()

    def _fill_choices(self, c) -> None:
        for combo in (self.partner, self.cluster, self.component, self.program):
            combo.blockSignals(True)
        fill_combo(
            self.partner,
            [(p.name, p.id, p.acronym) for p in c.partners],
            self.tr("Todas las entidades"),
        )
        fill_combo(
            self.cluster, [(x.name, x.id) for x in c.clusters], self.tr("Todos los clústeres")
        )
        fill_combo(
            self.component,
            [(x.name(), x.id) for x in c.components],
            self.tr("Todos los componentes"),
        )
        fill_combo(
            self.program, [(p.name, p.id) for p in c.programs], self.tr("Todos los programas")
        )
        for combo in (self.partner, self.cluster, self.component, self.program):
            combo.blockSignals(False)
        self._choices_loaded = True
        if self._pending_filter is not None:
            self._show_filter(self._pending_filter)
            self._pending_filter = None
            self.model.set_filter(self.current_filter())

    _pending_filter: CommitmentFilter | None = None

    def current_filter(self) -> CommitmentFilter:
        due_from, due_to = self.due_from.value(), self.due_to.value()
        status = self.status.currentData()
        return CommitmentFilter(
            partner_ids=_ids(self.partner),
            cluster_ids=_ids(self.cluster),
            component_ids=_ids(self.component),
            program_ids=_ids(self.program),
            statuses=[status] if status else [],
            due_from=due_from if not isinstance(due_from, str) else None,
            due_to=due_to if not isinstance(due_to, str) else None,
            text=self.search.text() or None,
        )

    def _filters_changed(self, *_args) -> None:
        if self._updating:
            return
        self.model.set_filter(self.current_filter())

    _updating = False

    def apply_filter(self, f: CommitmentFilter) -> None:
        """Show the commitments matching `f` (from the dashboard or a partner).

        The lists are read again first (the partner may have been created since they were),
        then the boxes take `f`'s values and the table is filtered by what the boxes show:
        a value missing from a list can never become a hidden filter."""
        self._pending_filter = replace(f)
        self.ops.read(load_choices, self._fill_choices, parent=self)

    def _show_filter(self, f: CommitmentFilter) -> None:
        self._updating = True
        for combo, ids in (
            (self.partner, f.partner_ids),
            (self.cluster, f.cluster_ids),
            (self.component, f.component_ids),
            (self.program, f.program_ids),
            (self.status, f.statuses),
        ):
            set_combo_data(combo, ids[0] if ids else None)
        self.search.setText(f.text or "")
        self.due_from.set_date(f.due_from)
        self.due_to.set_date(f.due_to)
        self._updating = False

    def clear_filters(self) -> None:
        self._show_filter(CommitmentFilter())
        self._filters_changed()

    def _remember_selection(self) -> None:
        self._keep_id = self._keep_id or self.selected_id()

    def _refreshed(self, count: int) -> None:
        """Keep the selected commitment selected (and its detail shown) when still listed."""
        self.count_label.setText(
            ngettext("{n} compromiso", "{n} compromisos", count).format(
                n=f"{count:,}".replace(",", ".")
            )
        )
        row = self.model.row_of(self._keep_id) if self._keep_id is not None else -1
        self._keep_id = None
        if row < 0:
            self.detail.show_commitment(None)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        self.detail.show_commitment(self.model.id_at(current.row()) if current.isValid() else None)

    # --- actions --------------------------------------------------------------------------

    def export_list(self) -> None:
        f, key, desc = self.current_filter(), self.model.sort_key, self.model.descending
        note = combo_note(
            (self.tr("Entidad"), self.partner),
            (self.tr("Clúster"), self.cluster),
            (self.tr("Componente"), self.component),
            (self.tr("Programa"), self.program),
            (self.tr("Estado"), self.status),
        )
        if f.text:
            note = "; ".join(filter(None, [note, self.tr("Búsqueda: {text}").format(text=f.text)]))

        def sheet(session):
            from pazos_desktop.documents.list_export import commitment_sheet

            return commitment_sheet(session, f, key, desc, note)

        export_list(self, self.tr("Compromisos"), sheet)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        edit_commitment(self.ops, self, None, self._saved)

    def edit(self, index: QModelIndex) -> None:
        commitment_id = self.model.id_at(index.row())
        if commitment_id is not None:
            self.edit_id(commitment_id)

    def edit_id(self, commitment_id: int) -> None:
        edit_commitment(self.ops, self, commitment_id, self._saved)

    def add_progress(self, commitment_id: int) -> None:
        add_progress(self.ops, self, commitment_id, lambda _r: self._saved(None, commitment_id))

    def _saved(self, data, commitment_id: int | None = None) -> None:
        self._keep_id = commitment_id or (data.id if data is not None else None)
        self.model.refresh()

    def selected_id(self) -> int | None:
        return self.model.id_at(self.table.currentIndex().row())

    # --- columns --------------------------------------------------------------------------

    def _restore_columns(self) -> None:
        state = self.ctx.prefs.columns("commitments")
        header = self.table.horizontalHeader()
        # Until the user sizes a column, the columns follow the table's width (fit_columns).
        self.auto_columns = state is None or not header.restoreState(state)
        # The title takes what is left, so due date and status stay in sight at any width.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._user_resized)
        self.table.viewport().installEventFilter(self)

    _fitting = False

    def _user_resized(self, *_args) -> None:
        if not self._fitting and self.table.isVisible() and self.table.viewport().width() > 0:
            self.auto_columns = False  # the user's widths from now on (and saved)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        from PySide6.QtCore import QEvent

        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    def fit_columns(self) -> None:
        """Date and status as wide as their text; numbers narrow; of the rest the title gets
        45 %, the partner 25 %, component and clusters 15 % each (they elide, with tooltips).
        At 150 % on a 1366-px laptop the title keeps about 190 px, at 125 % about 300."""
        if not self.auto_columns:
            return
        metrics, header = self.fontMetrics(), self.table.horizontalHeader()
        pad = 18

        def needs(column: int, sample: str) -> int:
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            return max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + pad

        status = max((status_label(s) for s in STATUS_LABELS), key=len)
        fixed = {4: needs(4, "0.000"), 5: needs(5, "0.000"), 6: needs(6, "00/00/0000")}
        fixed[7] = needs(7, status)
        rest = max(self.table.viewport().width() - sum(fixed.values()), 200)
        shares = {0: 0.25, 1: 0.15, 2: 0.15}
        self._fitting = True
        try:
            for column, width in fixed.items():
                header.resizeSection(column, width)
            for column, share in shares.items():
                header.resizeSection(column, int(rest * share))
        finally:
            self._fitting = False

    def save_state(self) -> None:
        self.ctx.prefs.set_columns(
            "commitments", QByteArray(self.table.horizontalHeader().saveState())
        )


def _ids(combo: QComboBox) -> list:
    value = combo.currentData()
    return [value] if value is not None else []
