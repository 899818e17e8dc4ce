"""Editors of the small registers: clusters, neighbourhoods, programs, components."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from pazos_desktop.domain.records import CLUSTER, COMPONENT, NEIGHBOURHOOD, PROGRAM
from pazos_desktop.services import components, programs, territory
from pazos_desktop.services.components import ComponentData
from pazos_desktop.services.programs import ProgramData
from pazos_desktop.services.territory import ClusterData, NeighbourhoodData
from ui.dialogs.editor import EditorDialog
from ui.jobs.operations import Operations
from ui.widgets import fill_combo, make_searchable, set_combo_data


def _text(widget: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return edit


class ClusterEditor(EditorDialog):
    def __init__(self, ops: Operations, parent: QWidget | None, data: ClusterData | None = None):
        super().__init__(ops, parent, "")
        self.data = data or ClusterData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nuevo clúster") if new else self.tr("Editar clúster"))
        self.name = self.add_declared(CLUSTER["name"], QLineEdit(self.data.name))
        self.description = self.add_declared(CLUSTER["description"], _text(self))
        self.description.setPlainText(self.data.description or "")
        self.mark_clean()

    def collect(self) -> ClusterData:
        return ClusterData(
            name=self.name.text(),
            description=self.description.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: territory.save_cluster(s, data)


class NeighbourhoodEditor(EditorDialog):
    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        clusters: list[ClusterData],
        data: NeighbourhoodData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.data = data or NeighbourhoodData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nuevo barrio") if new else self.tr("Editar barrio"))
        N = NEIGHBOURHOOD
        self.name = self.add_declared(N["name"], QLineEdit(self.data.name))
        self.comuna = self.add_declared(N["comuna"], QLineEdit(self.data.comuna))
        self.cluster = self.add_declared(N["cluster_id"], QComboBox())
        fill_combo(self.cluster, [(c.name, c.id) for c in clusters], self.tr("(ninguno)"))
        set_combo_data(self.cluster, self.data.cluster_id)
        # DANE DIVIPOLA codes (text); blank: the entity's own (Configuración).
        self.department = self.add_declared(N["department_code"], QLineEdit())
        self.municipality = self.add_declared(N["municipality_code"], QLineEdit())
        self.department.setText(self.data.department_code or "")
        self.municipality.setText(self.data.municipality_code or "")
        self.department.setPlaceholderText("76")
        self.municipality.setPlaceholderText("76520")
        self.mark_clean()

    def collect(self) -> NeighbourhoodData:
        return NeighbourhoodData(
            name=self.name.text(),
            comuna=self.comuna.text(),
            cluster_id=self.cluster.currentData(),
            id=self.data.id,
            version=self.data.version,
            department_code=self.department.text(),
            municipality_code=self.municipality.text(),
        )

    def save_call(self, data):
        return lambda s: territory.save_neighbourhood(s, data)


class ProgramEditor(EditorDialog):
    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        partner_choices: list[tuple],  # (name, id) or (name, id, acronym)
        component_choices: list[tuple[str, int]],
        data: ProgramData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.data = data or ProgramData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nuevo programa") if new else self.tr("Editar programa"))
        self.name = self.add_declared(PROGRAM["name"], QLineEdit(self.data.name))
        self.lead = self.add_declared(PROGRAM["lead_partner_id"], make_searchable(QComboBox()))
        fill_combo(self.lead, partner_choices, self.tr("(ninguna)"))
        set_combo_data(self.lead, self.data.lead_partner_id)
        self.component = self.add_declared(PROGRAM["component_id"], QComboBox())
        fill_combo(self.component, component_choices, self.tr("(ninguno)"))
        set_combo_data(self.component, self.data.component_id)
        self.description = self.add_declared(PROGRAM["description"], _text(self))
        self.description.setPlainText(self.data.description or "")
        self.mark_clean()

    def collect(self) -> ProgramData:
        return ProgramData(
            name=self.name.text(),
            lead_partner_id=self.lead.currentData(),
            component_id=self.component.currentData(),
            description=self.description.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: programs.save_program(s, data)


class ComponentEditor(EditorDialog):
    """The five components are fixed; their names (both languages) can be edited."""

    def __init__(self, ops: Operations, parent: QWidget | None, data: ComponentData):
        super().__init__(ops, parent, "")
        self.data = data
        self.setWindowTitle(self.tr("Editar componente"))
        self.name_es = self.add_declared(COMPONENT["name_es"], QLineEdit())
        self.name_en = self.add_declared(COMPONENT["name_en"], QLineEdit())
        self.desc_es = self.add_declared(COMPONENT["description_es"], _text(self))
        self.desc_en = self.add_declared(COMPONENT["description_en"], _text(self))
        self.name_es.setText(data.name_es)
        self.name_en.setText(data.name_en)
        self.desc_es.setPlainText(data.description_es or "")
        self.desc_en.setPlainText(data.description_en or "")
        self.mark_clean()

    def collect(self) -> ComponentData:
        return ComponentData(
            code=self.data.code,
            name_es=self.name_es.text(),
            name_en=self.name_en.text(),
            description_es=self.desc_es.toPlainText(),
            description_en=self.desc_en.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: components.save_component(s, data)
