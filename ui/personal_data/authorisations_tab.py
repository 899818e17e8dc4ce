"""Autorizaciones: every contact with the state of their authorisation; a filter lists those
without a valid one. Actions on the selected person: authorise, revoke, export, suppress."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pazos_desktop.domain.formats import format_date
from pazos_desktop.services.personal_data import authorisations as auth
from ui import interaction
from ui.dialogs.editor import open_editor
from ui.models.rows import Column, RowsModel
from ui.personal_data.actions import export_person, suppress_person
from ui.personal_data.dialogs import AuthorisationEditor, load_choices
from ui.views.base import TablePanel
from ui.widgets import search_box

ALL, LACKING = "all", "lacking"


class AuthorisationsTab(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        hint = self.tr("Buscar persona o entidad")
        self.search = search_box(hint, hint, lambda _t: self.refresh())
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Mostrar"))
        self.filter.addItem(self.tr("Todos los contactos"), ALL)
        self.filter.addItem(self.tr("Sin autorización vigente"), LACKING)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        layout.addLayout(top)
        model = RowsModel(self._columns(), self)
        self.panel = TablePanel(self.tr("Contactos y su autorización"), model)
        self.panel.add_button(
            self.tr("Registrar autorización…"), self.new_authorisation, needs="edit_personal_data"
        )
        self.panel.add_button(self.tr("Revocar"), self.revoke, needs="edit_personal_data")
        self.panel.add_button(
            self.tr("Planilla firmada…"), self.signed_sheet, needs="edit_personal_data"
        )
        self.panel.add_button(self.tr("Exportar datos…"), self.export)
        self.panel.add_button(self.tr("Suprimir datos…"), self.suppress, needs="edit_personal_data")
        layout.addWidget(self.panel, 1)
        self.panel.restore_columns(ctx.prefs, "pd_authorisations", [250, 190, 190, 130, 90, 160])
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Entidad"), lambda r: r.partner_name, tooltip=lambda r: r.partner_name),
            Column(self.tr("Nombre"), lambda r: r.name),
            Column(self.tr("Cargo"), lambda r: r.position or ""),
            Column(
                self.tr("Autorización"), lambda r: r.auth.label(), alarm=lambda r: not r.auth.valid
            ),
            Column(self.tr("Fecha"), lambda r: format_date(r.auth.granted_on)),
            Column(
                self.tr("Medio"), lambda r: auth.means_label(r.auth.means) if r.auth.means else ""
            ),
            Column(self.tr("Política"), lambda r: r.auth.policy_label or ""),
        ]

    def refresh(self) -> None:
        lacking, text = self.filter.currentData() == LACKING, self.search.text()
        keep = self.selected_id()
        self.ops.read(
            lambda s: auth.list_contact_states(s, only_lacking=lacking, text=text),
            lambda rows: self._show(rows, keep),
            parent=self,
        )

    def _show(self, rows, keep) -> None:
        self.panel.model.set_rows(rows)
        if keep is not None:
            self.panel.select_id(keep)

    def selected_id(self) -> int | None:
        row = self.panel.current()
        return row.id if row else None

    def select_filter(self, key: str) -> None:
        index = self.filter.findData(key)
        self.filter.setCurrentIndex(max(index, 0))

    # --- actions --------------------------------------------------------------------------

    def new_authorisation(self) -> None:
        row = self.panel.current()
        if row is None:
            return
        today = self.ops.run_context().today

        def show(choices):
            policies, _purposes = choices
            current = next((p.id for p in policies if p.effective_on <= today), None)
            data = auth.AuthorisationData(contact_id=row.id, granted_on=today, policy_id=current)
            data.purpose_ids = [p.id for p in choices[1] if p.active]
            open_editor(
                AuthorisationEditor(self.ops, self, choices, data), lambda _d: self.refresh()
            )

        self.ops.read(load_choices, show, parent=self)

    def revoke(self) -> None:
        row = self.panel.current()
        if row is None or not row.auth.valid:
            return
        question = self.tr("¿Registrar que «{name}» revocó su autorización hoy?").replace(
            "{name}", row.name
        )
        title, yes = self.tr("Revocar la autorización"), self.tr("Registrar la revocación")
        if interaction.confirm(self, title, question, yes, self.tr("Cancelar")):
            self.ops.run(
                lambda s: auth.revoke(s, row.auth.authorisation_id),
                lambda _d: self.refresh(),
                parent=self,
            )

    def signed_sheet(self) -> None:
        from pazos_desktop.services.meetings.listing import list_meetings
        from ui.personal_data.confirm import SignedSheetDialog

        def show(rows):
            choices = [(f"{m.label} — {format_date(m.date)}", m.id) for m in rows]
            dialog = SignedSheetDialog(self.ops, self, choices)
            dialog.finished.connect(lambda _c: self.refresh())
            dialog.open()

        self.ops.read(list_meetings, show, parent=self)

    def export(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            folder = self.ctx.prefs.export_folder()
            export_person(self.ops, self, contact_id, folder, self._exported)

    def _exported(self, path) -> None:
        self.status.setText(self.tr("Datos guardados en {path}").replace("{path}", str(path)))

    def suppress(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            suppress_person(self.ops, self, contact_id, self._suppressed)

    def _suppressed(self, result) -> None:
        self.status.setText(
            self.tr("Datos suprimidos: la persona figura ahora como «{label}».").replace(
                "{label}", result.label
            )
        )
        self.refresh()
