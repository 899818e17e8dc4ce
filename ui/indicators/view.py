"""Indicadores: the indicator sheets (fichas); below, the chosen sheet's values with their
versions, the commitments meant to move it, and the population per territory and year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from pazos_desktop.clock import today_in
from pazos_desktop.domain.formats import format_date, format_number
from pazos_desktop.domain.indicators import (
    AGGREGATION_LABELS,
    LEVEL_LABELS,
    PERIODICITY_LABELS,
    SEX_LABELS,
)
from pazos_desktop.domain.vocabulary import status_label
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import translate
from pazos_desktop.services import territory
from pazos_desktop.services.commitments import search
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators import values as indicator_values
from ui import errors, interaction
from ui.dialogs.commitment import edit_commitment
from ui.dialogs.editor import open_editor
from ui.indicators.editor import (
    IndicatorEditor,
    PopulationEditor,
    ValueEditor,
    load_indicator_choices,
)
from ui.models.rows import Column, RowsModel
from ui.views.base import TablePanel

SUPERSEDED = QColor("#8a8a8a")


class VersionsModel(RowsModel):
    """Values: earlier versions (kept, no longer current) in grey italics."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and not row.is_current:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(SUPERSEDED)
        return super().data(index, role)


def _label(labels: dict, key) -> str:
    return translate(labels.get(key, key)) if key is not None else ""


class IndicatorsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.clusters: list[tuple[str, int]] = []
        self.people: dict[tuple[int, int], int] = {}
        self._wanted: int | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.sheets = TablePanel(self.tr("Fichas de indicadores"), RowsModel(self._columns(), self))
        self.sheets.add_button(
            self.tr("Nueva ficha"), self.new_record, self.tr("Ctrl+N"), needs="edit_indicators"
        )
        self.sheets.add_button(self.tr("Editar…"), self.edit_sheet, needs="edit_indicators")
        self.sheets.add_button(self.tr("Eliminar"), self.delete_selected, needs="edit_indicators")
        self.sheets.table.doubleClicked.connect(lambda _i: self.edit_sheet())
        self.sheets.table.selectionModel().currentRowChanged.connect(lambda *_a: self._load_sheet())
        splitter.addWidget(self.sheets)
        splitter.addWidget(self._tabs())
        splitter.setSizes([300, 400])
        layout.addWidget(splitter)
        self.sheets.restore_columns(ctx.prefs, "indicators", [80, 360, 90, 150, 90, 170, 200])
        self.values.restore_columns(
            ctx.prefs,
            "indicator_values",
            [150, 70, 70, 60, 90, 100, 80, 80, 220, 85, 60, 60],
        )

    # --- layout ---------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Código"), lambda i: i.code),
            Column(self.tr("Indicador"), lambda i: i.name, tooltip=lambda i: i.definition),
            Column(self.tr("Nivel"), lambda i: _label(LEVEL_LABELS, i.level)),
            Column(self.tr("Unidad"), lambda i: i.unit or ""),
            Column(self.tr("Periodicidad"), lambda i: _label(PERIODICITY_LABELS, i.periodicity)),
            Column(self.tr("Regla"), lambda i: _label(AGGREGATION_LABELS, i.aggregation)),
            Column(self.tr("Responsable"), lambda i: i.partner_name or ""),
            Column(self.tr("Valores"), lambda i: i.values, True),
        ]

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.values = TablePanel(self.tr("Valores"), VersionsModel(self._value_columns(), self))
        self.show_old = QCheckBox(self.tr("Mostrar versiones anteriores"))
        self.show_old.setChecked(True)
        self.show_old.toggled.connect(lambda _on: self._load_sheet())
        self.values.header.addWidget(self.show_old)
        self.values.add_button(self.tr("Nuevo valor…"), self.new_value, needs="edit_indicators")
        self.values.add_button(self.tr("Corregir…"), self.correct_value, needs="edit_indicators")
        self.values.add_button(
            self.tr("Eliminar versión"), self.delete_value, needs="edit_indicators"
        )
        self.values.table.doubleClicked.connect(lambda _i: self.correct_value())
        self.linked = TablePanel(
            self.tr("Compromisos que contribuyen"), RowsModel(self._linked_columns(), self)
        )
        self.linked.table.doubleClicked.connect(lambda _i: self._open_commitment())
        self.population = TablePanel(
            self.tr("Población por territorio y año"), RowsModel(self._people_columns(), self)
        )
        self.population.add_button(
            self.tr("Nueva población…"), self.new_population, needs="edit_indicators"
        )
        self.population.add_button(
            self.tr("Editar…"), self.edit_population, needs="edit_indicators"
        )
        self.population.add_button(
            self.tr("Eliminar"), self.delete_population, needs="edit_indicators"
        )
        self.population.table.doubleClicked.connect(lambda _i: self.edit_population())
        self.tabs.addTab(self.values, self.tr("Valores"))
        self.tabs.addTab(self.linked, self.tr("Compromisos vinculados"))
        self.tabs.addTab(self.population, self.tr("Población"))
        return self.tabs

    def _value_columns(self) -> list[Column]:
        def shown(v):
            sheet = self.sheets.current()
            return format_number(
                indicator_values.shown_value(v, sheet, self.people) if sheet else None
            )

        return [
            Column(self.tr("Territorio"), lambda v: v.cluster_name),
            Column(self.tr("Periodo"), lambda v: v.period_text),
            Column(self.tr("Sexo"), lambda v: _label(SEX_LABELS, v.sex) if v.sex else ""),
            Column(self.tr("Edad"), lambda v: v.age_band or ""),
            Column(self.tr("Numerador"), lambda v: format_number(v.numerator, 2), True),
            Column(self.tr("Denominador"), lambda v: format_number(v.denominator, 2), True),
            Column(self.tr("Valor"), lambda v: format_number(v.value, 2), True),
            Column(self.tr("Calculado"), shown, True),
            Column(self.tr("Fuente"), lambda v: v.source or "", tooltip=lambda v: v.notes),
            Column(self.tr("Corte"), lambda v: format_date(v.cut_off)),
            Column(self.tr("Versión"), lambda v: v.data_version, True),
            Column(self.tr("Vigente"), lambda v: self.tr("Sí") if v.is_current else self.tr("No")),
        ]

    def _linked_columns(self) -> list[Column]:
        return [
            Column(self.tr("N.º"), lambda r: r.id, True),
            Column(self.tr("Entidad"), lambda r: r.partner_name),
            Column(self.tr("Compromiso"), lambda r: r.title, tooltip=lambda r: r.title),
            Column(self.tr("Estado"), lambda r: status_label(r.effective_status)),
            Column(self.tr("Fecha límite"), lambda r: format_date(r.due_date)),
        ]

    def _people_columns(self) -> list[Column]:
        return [
            Column(self.tr("Territorio"), lambda p: p.cluster_name),
            Column(self.tr("Año"), lambda p: p.year, True),
            Column(self.tr("Población"), lambda p: format_number(p.population, 0), True),
            Column(self.tr("Fuente"), lambda p: p.source or "", tooltip=lambda p: p.notes),
        ]

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        def work(session):
            return (
                indicators.list_indicators(session),
                indicators.list_populations(session),
                [(c.name, c.id) for c in territory.cluster_choices(session)],
                indicators.populations_by_key(session),
            )

        self.ops.read(work, lambda r: self._show(*r), parent=self)

    def _show(self, sheets, people, clusters, by_key) -> None:
        current = self.sheets.current()
        wanted = self._wanted or (current.id if current else None)
        self._wanted = None
        self.clusters, self.people = clusters, by_key
        self.sheets.model.set_rows(sheets)
        self.population.model.set_rows(people)
        if wanted is not None:
            self.sheets.select_id(wanted)
        elif sheets:
            self.sheets.table.selectRow(0)
        self._load_sheet()

    def _load_sheet(self) -> None:
        sheet = self.sheets.current()
        if sheet is None:
            self.values.model.set_rows([])
            self.linked.model.set_rows([])
            return
        old = self.show_old.isChecked()

        def work(session):
            return (
                indicator_values.list_values(session, sheet.id, include_superseded=old),
                search.commitment_rows(session, sheet.commitment_ids, today_in(session)),
            )

        self.ops.read(work, lambda r: self._show_sheet(sheet.id, *r), parent=self)

    def _show_sheet(self, sheet_id: int, values, linked) -> None:
        current = self.sheets.current()
        if current is None or current.id != sheet_id:
            return  # another sheet was chosen meanwhile
        self.values.model.set_rows(values)
        self.linked.model.set_rows(linked)

    def show_indicator(self, indicator_id: int, tab: int = 0) -> None:
        """Select a sheet (the dashboard's click-through) and show its values or commitments."""
        self._wanted = indicator_id
        self.tabs.setCurrentIndex(tab)
        if any(r.id == indicator_id for r in self.sheets.model.rows):
            self.sheets.select_id(indicator_id)

    # --- sheets ---------------------------------------------------------------------------

    def _with_choices(self, build) -> None:
        self.ops.read(
            load_indicator_choices, lambda c: open_editor(build(c), self._saved), parent=self
        )

    def _saved(self, _data) -> None:
        self.refresh()

    def new_record(self) -> None:
        self._with_choices(lambda c: IndicatorEditor(self.ops, self, c))

    def edit_sheet(self) -> None:
        sheet = self.sheets.current()
        if sheet is not None:
            self._with_choices(lambda c: IndicatorEditor(self.ops, self, c, sheet))

    def delete_selected(self) -> None:
        sheet = self.sheets.current()
        if sheet is None or not interaction.confirm(
            self,
            self.tr("Eliminar ficha"),
            self.tr("¿Eliminar la ficha «{name}»?").replace("{name}", sheet.name),
            self.tr("Eliminar"),
            self.tr("Cancelar"),
        ):
            return
        self.ops.run(lambda s: indicators.delete_indicator(s, sheet.id), self._saved, parent=self)

    # --- values ---------------------------------------------------------------------------

    def new_value(self) -> None:
        sheet = self.sheets.current()
        if sheet is not None:
            open_editor(ValueEditor(self.ops, self, sheet, self.clusters), self._saved)

    def correct_value(self) -> None:
        sheet, value = self.sheets.current(), self.values.current()
        if sheet is None or value is None:
            return
        if not value.is_current:
            errors.show_error(
                self, PazosError(self.tr("Corrija la versión vigente de este valor."))
            )
            return
        open_editor(ValueEditor(self.ops, self, sheet, self.clusters, value), self._saved)

    def delete_value(self) -> None:
        value = self.values.current()
        if value is None or not interaction.confirm(
            self,
            self.tr("Eliminar versión"),
            self.tr(
                "¿Eliminar esta versión del valor? La versión anterior, si existe, vuelve a "
                "estar vigente."
            ),
            self.tr("Eliminar"),
            self.tr("Cancelar"),
        ):
            return
        self.ops.run(lambda s: indicator_values.delete_value(s, value.id), self._saved, parent=self)

    def _open_commitment(self) -> None:
        row = self.linked.current()
        if row is not None:
            edit_commitment(self.ops, self, row.id, lambda _d: self._load_sheet())

    # --- population -----------------------------------------------------------------------

    def new_population(self) -> None:
        open_editor(PopulationEditor(self.ops, self, self.clusters), self._saved)

    def edit_population(self) -> None:
        row = self.population.current()
        if row is not None:
            open_editor(PopulationEditor(self.ops, self, self.clusters, row), self._saved)

    def delete_population(self) -> None:
        row = self.population.current()
        if row is not None and interaction.confirm(
            self,
            self.tr("Eliminar población"),
            self.tr("¿Eliminar esta población?"),
            self.tr("Eliminar"),
            self.tr("Cancelar"),
        ):
            self.ops.run(
                lambda s: indicators.delete_population(s, row.id), self._saved, parent=self
            )

    def save_state(self) -> None:
        self.sheets.save_columns(self.ctx.prefs, "indicators")
        self.values.save_columns(self.ctx.prefs, "indicator_values")
