"""Editors of a partner (entidad aliada) and of a contact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from pazos_desktop.domain.records import CONTACT, PARTNER
from pazos_desktop.domain.vocabulary import PARTNER_TYPE_LABELS, partner_type_label
from pazos_desktop.services import partners
from pazos_desktop.services.partners import ContactData, PartnerData
from ui.dialogs.editor import EditorDialog, open_editor
from ui.jobs.operations import Operations
from ui.widgets import DateField, set_combo_data


class PartnerEditor(EditorDialog):
    def __init__(self, ops: Operations, parent: QWidget | None, data: PartnerData | None = None):
        super().__init__(ops, parent, "")
        self.data = data or PartnerData()
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nueva entidad") if new else self.tr("Editar entidad"))
        P = PARTNER  # labels, keys and parsers: the core's declaration (records/)
        self.name = self.add_declared(P["name"], QLineEdit())
        self.acronym = self.add_declared(P["acronym"], QLineEdit())
        self.type = self.add_declared(P["type"], QComboBox())
        for value in PARTNER_TYPE_LABELS:
            self.type.addItem(partner_type_label(value), value.value)
        self.nit = self.add_declared(P["nit"], QLineEdit())
        self.nit.setPlaceholderText("891380007-3")
        self.address = self.add_declared(P["address"], QLineEdit())
        self.phone = self.add_declared(P["phone"], QLineEdit())
        self.new_column()
        self.email = self.add_declared(P["email"], QLineEdit())
        self.website = self.add_declared(P["website"], QLineEdit())
        self.agreement = self.add_declared(P["agreement_ref"], QLineEdit())
        self.start = self.add_declared(P["agreement_start"], DateField())
        self.end = self.add_declared(P["agreement_end"], DateField())
        self.notes = self.add_declared(P["notes"], QPlainTextEdit())
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.notes.setTabChangesFocus(True)  # Tab moves on; a tab in notes is never wanted
        self.load(self.data)

    def load(self, d: PartnerData) -> None:
        self.name.setText(d.name)
        self.acronym.setText(d.acronym or "")
        set_combo_data(self.type, d.type)
        self.nit.setText(d.nit or "")
        self.address.setText(d.address or "")
        self.phone.setText(d.phone or "")
        self.email.setText(d.email or "")
        self.website.setText(d.website or "")
        self.agreement.setText(d.agreement_ref or "")
        self.start.set_date(d.agreement_start)
        self.end.set_date(d.agreement_end)
        self.notes.setPlainText(d.notes or "")
        self.mark_clean()

    def collect(self) -> PartnerData:
        return PartnerData(
            name=self.name.text(),
            acronym=self.acronym.text(),
            type=self.type.currentData(),
            nit=self.nit.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
            agreement_ref=self.agreement.text(),
            agreement_start=self.typed("agreement_start"),
            agreement_end=self.typed("agreement_end"),
            notes=self.notes.toPlainText(),
            archived=self.data.archived,
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data: PartnerData):
        return lambda s: partners.save_partner(s, data)


class ContactEditor(EditorDialog):
    def __init__(self, ops: Operations, parent: QWidget | None, data: ContactData):
        super().__init__(ops, parent, "")
        self.data = data
        new = data.id is None
        self.setWindowTitle(self.tr("Nuevo contacto") if new else self.tr("Editar contacto"))
        self.name = self.add_declared(CONTACT["name"], QLineEdit())
        self.position = self.add_declared(CONTACT["position"], QLineEdit())
        self.email = self.add_declared(CONTACT["email"], QLineEdit())
        self.phone = self.add_declared(CONTACT["phone"], QLineEdit())
        self.name.setText(data.name)
        self.position.setText(data.position or "")
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.mark_clean()

    def collect(self) -> ContactData:
        return ContactData(
            partner_id=self.data.partner_id,
            name=self.name.text(),
            position=self.position.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            archived=self.data.archived,
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data: ContactData):
        return lambda s: partners.save_contact(s, data)


def edit_partner(
    ops: Operations, parent: QWidget, partner_id: int | None, on_saved: Callable | None = None
) -> None:
    """Open the partner editor (new when `partner_id` is None) once its record is read."""
    if partner_id is None:
        open_editor(PartnerEditor(ops, parent), on_saved)
        return
    ops.read(
        lambda s: partners.get_partner(s, partner_id),
        lambda data: open_editor(PartnerEditor(ops, parent, data), on_saved),
        parent=parent,
    )


def edit_contact(
    ops: Operations,
    parent: QWidget,
    partner_id: int,
    contact_id: int | None,
    on_saved: Callable | None = None,
) -> None:
    if contact_id is None:
        open_editor(ContactEditor(ops, parent, ContactData(partner_id=partner_id)), on_saved)
        return
    ops.read(
        lambda s: partners.get_contact(s, contact_id),
        lambda data: open_editor(ContactEditor(ops, parent, data), on_saved),
        parent=parent,
    )
