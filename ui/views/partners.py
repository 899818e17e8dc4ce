"""Entidades: partners with their contacts, commitment and overdue counts, and their change
history; archive/restore; export the list shown to Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.vocabulary import partner_type_label
from pazos_desktop.services import partners
from pazos_desktop.services.commitments.search import CommitmentFilter
from ui import interaction
from ui.dialogs.partner import edit_contact, edit_partner
from ui.models.rows import Column, RowsModel
from ui.people import access
from ui.personal_data import hooks as personal_data
from ui.views.base import TablePanel
from ui.views.detail import history_columns, history_table
from ui.views.export import export_list
from ui.widgets import search_box


class PartnersView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = search_box(
            self.tr("Buscar entidad (Ctrl+F)"), self.tr("Buscar entidad"), lambda _t: self.refresh()
        )
        self.show_archived = QCheckBox(self.tr("Mostrar archivadas"))
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.partners = TablePanel(self.tr("Entidades aliadas"), RowsModel(self._columns(), self))
        self.partners.add_button(
            self.tr("Nueva entidad"), self.new_record, self.tr("Ctrl+N"), needs="edit_register"
        )
        self.partners.add_button(
            self.tr("Editar…"), self.edit, needs_row=True, needs="edit_register"
        )
        self.archive_button = self.partners.add_button(
            self.tr("Archivar"),
            self.delete_selected,
            self.tr("Supr"),
            needs_row=True,
            needs="edit_register",
        )
        self.partners.add_button(self.tr("Ver compromisos"), self.show_commitments, needs_row=True)
        self.partners.add_button(
            self.tr("Exportar a Excel…"), self.export_list, self.tr("Ctrl+E: la lista que se ve")
        )
        self.partners.on_open(self.edit)
        self.partners.table.selectionModel().currentRowChanged.connect(self._partner_changed)
        self.contacts = TablePanel(self.tr("Contactos"), RowsModel(self._contact_columns(), self))
        # Enabled while a partner is chosen: a contact belongs to one (no dead button).
        self.new_contact_button = self.contacts.add_button(
            self.tr("Nuevo contacto"), self.new_contact, needs="edit_register"
        )
        self.new_contact_button.setEnabled(False)
        self.contacts.add_button(
            self.tr("Editar contacto…"), self.edit_contact, needs_row=True, needs="edit_register"
        )
        self.contacts.on_open(self.edit_contact)
        self.history_model = RowsModel(history_columns(self), self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.contacts, self.tr("Contactos"))
        self.tabs.addTab(
            history_table(self, self.history_model, self.tr("Historial")), self.tr("Historial")
        )
        splitter.addWidget(self.partners)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.partners.restore_columns(ctx.prefs, "partners", [300, 90, 190, 85, 105, 80, 90])
        header = self.partners.table.horizontalHeader()  # the name takes what is left
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.contacts.restore_columns(ctx.prefs, "contacts", [240, 240, 260])

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Nombre"), lambda r: r.name, tooltip=lambda r: r.name),
            Column(self.tr("Sigla"), lambda r: r.acronym or ""),
            Column(self.tr("Tipo"), lambda r: partner_type_label(r.type)),
            Column(self.tr("Contactos"), lambda r: r.contacts, True),
            Column(self.tr("Compromisos"), lambda r: r.commitments, True),
            Column(
                self.tr("Vencidos"), lambda r: r.overdue or "", True, alarm=lambda r: r.overdue > 0
            ),
            Column(self.tr("Estado"), lambda r: self.tr("Archivada") if r.archived else ""),
        ]

    def _contact_columns(self) -> list[Column]:
        return [
            Column(self.tr("Nombre"), lambda c: c.name),
            Column(self.tr("Cargo"), lambda c: c.position or ""),
            Column(self.tr("Correo electrónico"), lambda c: c.email or ""),
            Column(self.tr("Teléfono"), lambda c: c.phone or ""),
            personal_data.authorisation_column(self),
        ]

    # --- data -----------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id or self.selected_id()
        text, archived = self.search.text(), self.show_archived.isChecked()
        self.ops.read(
            lambda s: partners.list_partners(s, include_archived=archived, text=text),
            lambda rows: self._show(rows, keep),
            parent=self,
        )

    def _show(self, rows, keep) -> None:
        self.partners.model.set_rows(rows)
        if keep is not None:
            self.partners.select_id(keep)
        if self.partners.current() is None and rows:
            self.partners.table.selectRow(0)
        self._partner_changed()

    def selected_id(self) -> int | None:
        row = self.partners.current()
        return row.id if row else None

    def _partner_changed(self, *_args) -> None:
        row = self.partners.current()
        self.archive_button.setText(
            self.tr("Restaurar") if row and row.archived else self.tr("Archivar")
        )
        self.new_contact_button.setEnabled(
            row is not None and not access.refused(self.new_contact_button)
        )
        if row is None:
            self.contacts.model.set_rows([])
            self.history_model.set_rows([])
            return

        contacts = personal_data.contacts_call(row.id)  # with their authorisation's state

        def work(session):
            from pazos_desktop.services.history.readable import partner_history

            return contacts(session), partner_history(session, row.id)

        self.ops.read(work, lambda r: self._details(row.id, *r), parent=self)

    def _details(self, partner_id: int, contacts, changes) -> None:
        if self.selected_id() != partner_id:
            return  # another partner was chosen meanwhile
        self.contacts.model.set_rows(contacts)
        self.history_model.set_rows(changes)

    # --- actions --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        edit_partner(self.ops, self, None, lambda data: self.refresh(data.id))

    def edit(self) -> None:
        partner_id = self.selected_id()
        if partner_id is not None:
            edit_partner(self.ops, self, partner_id, lambda data: self.refresh(data.id))

    def delete_selected(self) -> None:
        """Archive (or restore) the selected partner, after confirmation."""
        row = self.partners.current()
        if row is None:
            return
        if row.archived:
            question = self.tr("¿Restaurar la entidad «{name}»?")
        else:
            question = self.tr(
                "¿Archivar la entidad «{name}»? Sus compromisos se conservan; podrá restaurarla."
            )
        yes = self.tr("Restaurar") if row.archived else self.tr("Archivar")
        if not interaction.confirm(
            self, self.tr("Entidades"), question.format(name=row.name), yes, self.tr("Cancelar")
        ):
            return
        self.ops.run(
            lambda s: partners.set_archived(s, row.id, not row.archived),
            lambda data: self.refresh(data.id),
            parent=self,
        )

    def export_list(self) -> None:
        text, archived = self.search.text() or None, self.show_archived.isChecked()
        note = self.tr("Búsqueda: {text}").format(text=text) if text else ""

        def sheet(session):
            from pazos_desktop.documents.list_export import partner_sheet

            return partner_sheet(session, archived, text, note)

        export_list(self, self.tr("Entidades"), sheet)

    def show_commitments(self) -> None:
        partner_id = self.selected_id()
        if partner_id is not None:
            self.ctx.window.show_commitments(CommitmentFilter(partner_ids=[partner_id]))

    def new_contact(self) -> None:
        partner_id = self.selected_id()
        if partner_id is not None:
            edit_contact(self.ops, self, partner_id, None, lambda _d: self.refresh(partner_id))

    def edit_contact(self) -> None:
        """A contact saved: the partner's row (its Contactos count) is read again too."""
        contact = self.contacts.current()
        if contact is not None:
            partner_id = contact.partner_id
            edit_contact(
                self.ops, self, partner_id, contact.id, lambda _d: self.refresh(partner_id)
            )

    def save_state(self) -> None:
        self.partners.save_columns(self.ctx.prefs, "partners")
        self.contacts.save_columns(self.ctx.prefs, "contacts")
