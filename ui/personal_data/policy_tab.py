"""Política y finalidades: the versions of the data-processing policy (the attendance sheet
prints the current one's short notice) and the entity's list of purposes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from pazos_desktop.domain.formats import format_date
from pazos_desktop.services.personal_data import policies
from ui.dialogs.editor import open_editor
from ui.models.rows import Column, RowsModel
from ui.personal_data.dialogs import PolicyEditor, PurposeEditor
from ui.views.base import TablePanel


class PolicyTab(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.current_id: int | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        versions = [
            Column(self.tr("Versión"), lambda p: p.version_label),
            Column(self.tr("Vigente desde"), lambda p: format_date(p.effective_on)),
            Column(self.tr("Título"), lambda p: p.title, tooltip=lambda p: p.notice),
            Column(self.tr("Autorizaciones"), lambda p: p.authorisations, True),
            Column(
                self.tr("Estado"), lambda p: self.tr("Vigente") if p.id == self.current_id else ""
            ),
        ]
        self.policies = TablePanel(
            self.tr("Versiones de la política de tratamiento"), RowsModel(versions, self)
        )
        self.policies.add_button(
            self.tr("Nueva versión…"), self.new_policy, needs="edit_personal_data"
        )
        self.policies.add_button(self.tr("Editar…"), self.edit_policy, needs="edit_personal_data")
        self.policies.table.doubleClicked.connect(lambda _i: self.edit_policy())
        purposes = [
            Column(self.tr("Finalidad"), lambda p: p.name, tooltip=lambda p: p.name),
            Column(self.tr("En uso"), lambda p: self.tr("Sí") if p.active else self.tr("No")),
        ]
        self.purposes = TablePanel(self.tr("Finalidades"), RowsModel(purposes, self))
        self.purposes.add_button(
            self.tr("Nueva finalidad…"), self.new_purpose, needs="edit_personal_data"
        )
        self.purposes.add_button(self.tr("Editar…"), self.edit_purpose, needs="edit_personal_data")
        self.purposes.table.doubleClicked.connect(lambda _i: self.edit_purpose())
        self.policies.restore_columns(ctx.prefs, "pd_policies", [80, 110, 420, 110])
        self.purposes.restore_columns(ctx.prefs, "pd_purposes", [600])
        splitter.addWidget(self.policies)
        splitter.addWidget(self.purposes)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        def read(s):
            current = policies.current_policy(s)
            return (
                policies.list_policies(s),
                policies.list_purposes(s),
                current.id if current else None,
            )

        self.ops.read(read, self._show, parent=self)

    def _show(self, found) -> None:
        versions, purposes, self.current_id = found
        self.policies.model.set_rows(versions)
        self.purposes.model.set_rows(purposes)

    def new_policy(self) -> None:
        data = policies.PolicyData(effective_on=self.ops.run_context().today)
        open_editor(PolicyEditor(self.ops, self, data), lambda _d: self.refresh())

    def edit_policy(self) -> None:
        row = self.policies.current()
        if row is not None:
            open_editor(PolicyEditor(self.ops, self, row), lambda _d: self.refresh())

    def new_purpose(self) -> None:
        open_editor(
            PurposeEditor(self.ops, self, policies.PurposeData()), lambda _d: self.refresh()
        )

    def edit_purpose(self) -> None:
        row = self.purposes.current()
        if row is not None:
            open_editor(PurposeEditor(self.ops, self, row), lambda _d: self.refresh())
