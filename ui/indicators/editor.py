"""Editors of an indicator sheet (ficha), of one of its values and of a population.

The dialogs collect what was typed and hand it to the core, which checks it with the field
declarations of `domain/records/indicator.py`; errors come back under each field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.indicators import (
    AGGREGATION_LABELS,
    DIRECTION_LABELS,
    LEVEL_LABELS,
    PERIODICITY_LABELS,
    SEX_LABELS,
    period_label,
)
from pazos_desktop.i18n import translate
from pazos_desktop.services import components, partners, programs, territory
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators import values as indicator_values
from pazos_desktop.services.indicators.sheets import IndicatorData, PopulationData
from pazos_desktop.services.indicators.values import ValueData
from ui.dialogs.editor import EditorDialog, InputError
from ui.jobs.operations import Operations
from ui.widgets import (
    CheckList,
    DateField,
    NumberField,
    fill_combo,
    make_searchable,
    set_combo_data,
)


@dataclass
class IndicatorChoices:
    """What the editors offer in their lists, read in one go on the worker."""

    partners: list[tuple[str, int, str | None]]  # name, id, acronym (typing finds it)
    components: list[tuple[str, int]]
    programs: list[tuple[str, int]]
    commitments: list[tuple[int, str]]
    clusters: list[tuple[str, int]]


def load_indicator_choices(session) -> IndicatorChoices:
    return IndicatorChoices(
        partners=[(p.name, p.id, p.acronym) for p in partners.partner_choices(session, False)],
        components=[(c.name(), c.id) for c in components.list_components(session)],
        programs=[(p.name, p.id) for p in programs.list_programs(session)],
        commitments=indicators.commitment_choices(session),
        clusters=[(c.name, c.id) for c in territory.cluster_choices(session)],
    )


def _choices(labels: dict) -> list[tuple[str, str]]:
    return [(translate(label), str(key)) for key, label in labels.items()]


def _text(widget: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return edit


def _number(widget: NumberField, key: str, label: str):
    """The number typed, or an InputError for text that is not one."""
    value = widget.value()
    if isinstance(value, str):
        raise InputError({key: label + ": " + widget.tr("debe ser un número.")})
    return value


class CommitmentPicker(QWidget):
    """The commitments meant to move the indicator: a filter box over a checkable list (a
    model, not widgets: 20,000 commitments stay quick to filter)."""

    def __init__(self, commitments: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Buscar por número, entidad o texto…"))
        self.only_linked = QCheckBox(self.tr("Solo los vinculados"))
        self.model = QStandardItemModel(self)
        for cid, label in commitments:
            item = QStandardItem(label)
            item.setData(cid, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setMinimumHeight(self.fontMetrics().height() * 10)
        self.view.setAccessibleName(self.tr("Compromisos que contribuyen"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.only_linked.toggled.connect(self._only_linked)
        for widget in (self.filter, self.only_linked, self.view):
            layout.addWidget(widget)

    def _only_linked(self, on: bool) -> None:
        self.proxy.setFilterRole(
            Qt.ItemDataRole.CheckStateRole if on else Qt.ItemDataRole.DisplayRole
        )
        self.proxy.setFilterFixedString(
            str(Qt.CheckState.Checked.value) if on else self.filter.text()
        )

    def set_ids(self, ids: list[int]) -> None:
        wanted = set(ids)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def ids(self) -> list[int]:
        return [
            self.model.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.model.rowCount())
            if self.model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def state(self) -> tuple:
        return tuple(self.ids())


class IndicatorEditor(EditorDialog):
    """An indicator sheet: what is measured, how values combine, baseline and target, links."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        choices: IndicatorChoices,
        data: IndicatorData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.data = data or IndicatorData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nueva ficha de indicador") if new else self.tr("Editar ficha"))
        self.code = self.add_field("code", self.tr("&Código:"), QLineEdit())
        self.name = self.add_field("name", self.tr("&Nombre:"), QLineEdit())
        self.level = self.add_field("level", self.tr("Ni&vel:"), QComboBox())
        self.definition = self.add_field("definition", self.tr("&Definición:"), _text(self, 3))
        self.numerator = self.add_field(
            "numerator_description", self.tr("N&umerador:"), _text(self, 2)
        )
        self.denominator = self.add_field(
            "denominator_description", self.tr("Deno&minador:"), _text(self, 2)
        )
        self.unit = self.add_field("unit", self.tr("U&nidad:"), QLineEdit())
        self.source = self.add_field("source", self.tr("&Fuente:"), QLineEdit())
        self.notes = self.add_field("notes", self.tr("N&otas:"), _text(self, 2))
        for widget in (self.name, self.definition, self.numerator, self.source, self.notes):
            widget.setMinimumWidth(200)  # the texts of the sheet
        self.new_column()
        self.periodicity = self.add_field("periodicity", self.tr("&Periodicidad:"), QComboBox())
        self.aggregation = self.add_field("aggregation", self.tr("&Regla:"), QComboBox())
        self.scale = self.add_field("scale", self.tr("Multiplica&dor:"), NumberField())
        self.population = self.add_field(
            "population_denominator",
            "",
            QCheckBox(self.tr("Denominador: población (tasa)")),
        )
        self.direction = self.add_field("direction", self.tr("&Sentido:"), QComboBox())
        self.by_sex = self.add_field("by_sex", "", QCheckBox(self.tr("Se desagrega por sexo")))
        self.age_bands = self.add_field("age_bands", self.tr("Franjas de &edad:"), QLineEdit())
        self.age_bands.setPlaceholderText(self.tr("p. ej. 14-17; 18-28"))
        self.baseline = self.add_field("baseline_value", self.tr("Línea &base:"), NumberField())
        self.baseline_year = self.add_field("baseline_year", self.tr("Año base:"), NumberField())
        self.target = self.add_field("target_value", self.tr("Me&ta:"), NumberField())
        self.target_year = self.add_field("target_year", self.tr("Año de meta:"), NumberField())
        self.partner = self.add_field(
            "partner_id", self.tr("Respons&able:"), make_searchable(QComboBox())
        )
        self.new_column()
        # Labels above the lists: the room goes to the commitments' titles.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.components = self.add_field(
            "component_ids", self.tr("Com&ponentes:"), CheckList(choices.components)
        )
        self.programs = self.add_field(
            "program_ids", self.tr("Pro&gramas:"), CheckList(choices.programs, 4)
        )
        self.commitments = self.add_field(
            "commitment_ids", self.tr("Compromisos:"), CommitmentPicker(choices.commitments)
        )
        for widget in (self.components, self.programs, self.commitments):
            widget.setMinimumWidth(260)
        fill_combo(self.level, _choices(LEVEL_LABELS))
        fill_combo(self.periodicity, _choices(PERIODICITY_LABELS))
        fill_combo(self.aggregation, _choices(AGGREGATION_LABELS))
        fill_combo(self.direction, _choices(DIRECTION_LABELS))
        fill_combo(self.partner, choices.partners, self.tr("(ninguna)"))
        # Room for three columns (the screen's width first); at 150 % its fields scroll.
        hint = self.sizeHint()
        self.resize(max(980, hint.width()), hint.height())
        self.load(self.data)

    def load(self, d: IndicatorData) -> None:
        for widget, text in (
            (self.code, d.code),
            (self.name, d.name),
            (self.unit, d.unit),
            (self.source, d.source),
            (self.age_bands, d.age_bands),
        ):
            widget.setText(text or "")
        for widget, text in (
            (self.definition, d.definition),
            (self.numerator, d.numerator_description),
            (self.denominator, d.denominator_description),
            (self.notes, d.notes),
        ):
            widget.setPlainText(text or "")
        for combo, value in (
            (self.level, d.level),
            (self.periodicity, d.periodicity),
            (self.aggregation, d.aggregation),
            (self.direction, d.direction),
            (self.partner, d.partner_id),
        ):
            set_combo_data(combo, value)
        for field, value in (
            (self.scale, d.scale),
            (self.baseline, d.baseline_value),
            (self.target, d.target_value),
        ):
            field.set_number(value)
        self.baseline_year.setText(str(d.baseline_year or ""))
        self.target_year.setText(str(d.target_year or ""))
        self.population.setChecked(d.population_denominator)
        self.by_sex.setChecked(d.by_sex)
        self.components.set_ids(d.component_ids)
        self.programs.set_ids(d.program_ids)
        self.commitments.set_ids(d.commitment_ids)
        self.mark_clean()

    def collect(self) -> IndicatorData:
        numbers = {
            key: _number(self.fields[key], key, self.labels[key])
            for key in ("scale", "baseline_value", "baseline_year", "target_value", "target_year")
        }
        return IndicatorData(
            code=self.code.text(),
            name=self.name.text(),
            level=self.level.currentData(),
            definition=self.definition.toPlainText(),
            numerator_description=self.numerator.toPlainText(),
            denominator_description=self.denominator.toPlainText(),
            unit=self.unit.text(),
            source=self.source.text(),
            periodicity=self.periodicity.currentData(),
            aggregation=self.aggregation.currentData(),
            population_denominator=self.population.isChecked(),
            direction=self.direction.currentData(),
            by_sex=self.by_sex.isChecked(),
            age_bands=self.age_bands.text(),
            partner_id=self.partner.currentData(),
            component_ids=self.components.ids(),
            program_ids=self.programs.ids(),
            commitment_ids=self.commitments.ids(),
            notes=self.notes.toPlainText(),
            id=self.data.id,
            version=self.data.version,
            **numbers,
        )

    def save_call(self, data: IndicatorData):
        return lambda s: indicators.save_indicator(s, data)


class ValueEditor(EditorDialog):
    """One value of an indicator; correcting a figure saves a new version of it."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        indicator: IndicatorData,
        clusters: list[tuple[str, int]],
        data: ValueData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.indicator = indicator
        self.data = data or ValueData(indicator_id=indicator.id)
        correcting = self.data.id is not None
        title = self.tr("Corregir valor") if correcting else self.tr("Nuevo valor")
        self.setWindowTitle(f"{title} · {indicator.code}")
        self.territory = self.add_field("cluster_id", self.tr("&Territorio:"), QComboBox())
        fill_combo(self.territory, clusters, translate(indicators.MUNICIPALITY_LABEL))
        self.period = self.add_field("period_start", self.tr("&Periodo:"), QLineEdit())
        example = period_label(indicator.periodicity, ops.run_context().today)
        self.period.setPlaceholderText(self.tr("p. ej. {example}").replace("{example}", example))
        self.sex = self.add_field("sex", self.tr("&Sexo:"), QComboBox())
        fill_combo(self.sex, _choices(SEX_LABELS))
        self.sex.setEnabled(indicator.by_sex)
        self.age = self.add_field("age_band", self.tr("Franja de &edad:"), QComboBox())
        fill_combo(self.age, [(band, band) for band in indicator.bands], self.tr("Total"))
        self.age.setEnabled(bool(indicator.bands))
        self.numerator = self.add_field("numerator", self.tr("&Numerador:"), NumberField())
        self.denominator = self.add_field("denominator", self.tr("&Denominador:"), NumberField())
        self.value = self.add_field("value", self.tr("&Valor:"), NumberField())
        for widget in (self.numerator, self.denominator):
            widget.setEnabled(indicator.is_ratio)
        if indicator.population_denominator:
            self.denominator.setPlaceholderText(self.tr("vacío: la población del territorio"))
        self.source = self.add_field("source", self.tr("&Fuente:"), QLineEdit())
        self.cut_off = self.add_field("cut_off", self.tr("Fecha de &corte:"), DateField())
        self.notes = self.add_field("notes", self.tr("N&otas:"), _text(self, 2))
        # A correction keeps its key: what changes is the figure, not where or when it is.
        for widget in (self.territory, self.period, self.sex, self.age):
            widget.setEnabled(widget.isEnabled() and not correcting)
        self.load(self.data)

    def load(self, d: ValueData) -> None:
        set_combo_data(self.territory, d.cluster_id)
        start = d.period_start
        self.period.setText(
            period_label(self.indicator.periodicity, start) if hasattr(start, "year") else ""
        )
        set_combo_data(self.sex, d.sex or "")
        set_combo_data(self.age, d.age_band or None)
        self.numerator.set_number(d.numerator)
        self.denominator.set_number(d.denominator)
        self.value.set_number(d.value)
        self.source.setText(d.source or self.indicator.source or "")
        self.cut_off.set_date(d.cut_off)
        self.notes.setPlainText(d.notes or "")
        self.mark_clean()

    def collect(self) -> ValueData:
        return ValueData(
            indicator_id=self.indicator.id,
            cluster_id=self.territory.currentData(),
            period_start=self.period.text(),
            sex=self.sex.currentData() or "",
            age_band=self.age.currentData() or "",
            numerator=_number(self.numerator, "numerator", self.labels["numerator"]),
            denominator=_number(self.denominator, "denominator", self.labels["denominator"]),
            value=_number(self.value, "value", self.labels["value"]),
            source=self.source.text(),
            cut_off=self.cut_off.text(),  # read by the declared field (the one date parser)
            notes=self.notes.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data: ValueData):
        return lambda s: indicator_values.record_value(s, data)


class PopulationEditor(EditorDialog):
    """Inhabitants of a territory in a year: the denominator of its rates per 100,000."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        clusters: list[tuple[str, int]],
        data: PopulationData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.data = data or PopulationData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nueva población") if new else self.tr("Editar población"))
        self.territory = self.add_field("cluster_id", self.tr("&Territorio:"), QComboBox())
        fill_combo(self.territory, clusters, translate(indicators.MUNICIPALITY_LABEL))
        self.year = self.add_field("year", self.tr("&Año:"), NumberField())
        self.population = self.add_field("population", self.tr("&Población:"), NumberField())
        self.source = self.add_field("source", self.tr("&Fuente:"), QLineEdit())
        self.notes = self.add_field("notes", self.tr("N&otas:"), _text(self, 2))
        set_combo_data(self.territory, self.data.cluster_id)
        self.year.setText(str(self.data.year or ""))
        self.population.set_number(self.data.population)
        self.source.setText(self.data.source or "")
        self.notes.setPlainText(self.data.notes or "")
        self.mark_clean()

    def collect(self) -> PopulationData:
        return PopulationData(
            cluster_id=self.territory.currentData(),
            year=_number(self.year, "year", self.labels["year"]),
            population=_number(self.population, "population", self.labels["population"]),
            source=self.source.text(),
            notes=self.notes.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data: PopulationData):
        return lambda s: indicators.save_population(s, data)
