"""Programas (e.g. Forjar Oportunidades) and the strategy's five components (names)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from pazos_desktop.services import components, partners, programs
from ui.dialogs.editor import open_editor
from ui.dialogs.records import ComponentEditor, ProgramEditor
from ui.models.rows import Column, RowsModel
from ui.views.base import TablePanel


class ProgramsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.partner_choices: list[tuple[str, int, str | None]] = []  # with acronyms
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.programs = TablePanel(self.tr("Programas"), RowsModel(self._program_columns(), self))
        self.programs.add_button(
            self.tr("Nuevo programa"), self.new_record, self.tr("Ctrl+N"), needs="edit_register"
        )
        self.programs.add_button(
            self.tr("Editar…"), self.edit_program, needs_row=True, needs="edit_register"
        )
        self.programs.on_open(self.edit_program)
        self.components = TablePanel(
            self.tr("Componentes de la estrategia"), RowsModel(self._component_columns(), self)
        )
        self.components.add_button(
            self.tr("Editar nombre…"), self.edit_component, needs_row=True, needs="edit_register"
        )
        self.components.on_open(self.edit_component)
        splitter.addWidget(self.programs)
        splitter.addWidget(self.components)
        layout.addWidget(splitter)
        self.programs.restore_columns(ctx.prefs, "programs", [260, 260, 160, 100])
        self.components.restore_columns(ctx.prefs, "components", [60, 200, 200])

    def _program_columns(self) -> list[Column]:
        return [
            Column(self.tr("Programa"), lambda p: p.name),
            Column(self.tr("Entidad líder"), lambda p: p.lead_partner_name or ""),
            Column(self.tr("Componente"), lambda p: p.component_name or ""),
            Column(self.tr("Compromisos"), lambda p: p.commitments, True),
            Column(
                self.tr("Descripción"),
                lambda p: p.description or "",
                tooltip=lambda p: p.description,
            ),
        ]

    def _component_columns(self) -> list[Column]:
        return [
            Column(self.tr("N.º"), lambda c: c.code, True),
            Column(self.tr("Español"), lambda c: c.name_es),
            Column(self.tr("Inglés"), lambda c: c.name_en),
            Column(
                self.tr("Descripción"),
                lambda c: c.description() or "",
                tooltip=lambda c: c.description(),
            ),
        ]

    def refresh(self) -> None:
        def work(session):
            return (
                programs.list_programs(session),
                components.list_components(session),
                partners.partner_choices(session, include_archived=False),
            )

        self.ops.read(work, lambda r: self._show(*r), parent=self)

    def _show(self, program_rows, component_rows, partner_rows) -> None:
        self.programs.model.set_rows(program_rows)
        self.components.model.set_rows(component_rows)
        self.partner_choices = [(p.name, p.id, p.acronym) for p in partner_rows]

    def _component_choices(self) -> list[tuple[str, int]]:
        return [(c.name(), c.id) for c in self.components.model.rows]

    def new_record(self) -> None:
        editor = ProgramEditor(self.ops, self, self.partner_choices, self._component_choices())
        open_editor(editor, lambda _d: self.refresh())

    def edit_program(self) -> None:
        program = self.programs.current()
        if program is not None:
            editor = ProgramEditor(
                self.ops, self, self.partner_choices, self._component_choices(), program
            )
            open_editor(editor, lambda _d: self.refresh())

    def edit_component(self) -> None:
        component = self.components.current()
        if component is not None:
            open_editor(ComponentEditor(self.ops, self, component), lambda _d: self.refresh())

    def save_state(self) -> None:
        self.programs.save_columns(self.ctx.prefs, "programs")
