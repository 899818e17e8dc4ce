"""Editors of personal-data records. Labels and rules come from the core's declarations
(`domain/records/personal_data.py`); dates are passed as typed, the core parses them (one
parser)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from pazos_desktop.domain.fields import Record
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import AUTHORISATION, POLICY, PURPOSE, REQUEST
from pazos_desktop.i18n import _
from pazos_desktop.services.personal_data import authorisations as auth
from pazos_desktop.services.personal_data import policies, requests
from ui.dialogs.editor import EditorDialog
from ui.jobs.operations import Operations
from ui.widgets import DateField, fill_combo, make_searchable, set_combo_data


def _label(record: Record, key: str) -> str:
    return record[key].name + ":"


def _text_box(widget: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return box


def _date(value) -> DateField:
    field = DateField()
    field.set_date(value)
    return field


class AuthorisationEditor(EditorDialog):
    """One authorisation of one contact; `choices`: (policies, purposes) from `load_choices`."""

    def __init__(
        self, ops: Operations, parent: QWidget | None, choices, data: auth.AuthorisationData
    ):
        super().__init__(ops, parent, "")
        self.data = data
        policy_list, purpose_list = choices
        F = AUTHORISATION
        self.setWindowTitle(self.tr("Autorización de tratamiento de datos"))
        self.granted = self.add_field("granted_on", _label(F, "granted_on"), _date(data.granted_on))
        self.means = self.add_field("means", _label(F, "means"), QComboBox())
        for value in auth.Means:
            self.means.addItem(auth.means_label(value), value.value)
        set_combo_data(self.means, data.means)
        self.policy = self.add_field("policy_id", _label(F, "policy_id"), QComboBox())
        fill_combo(
            self.policy,
            [(f"{p.version_label} — {format_date(p.effective_on)}", p.id) for p in policy_list],
            self.tr("(elija)"),
        )
        set_combo_data(self.policy, data.policy_id)
        self.purposes = self.add_field("purpose_ids", _label(F, "purpose_ids"), QListWidget())
        for p in purpose_list:
            if p.active or p.id in data.purpose_ids:
                item = QListWidgetItem(p.name)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                item.setCheckState(
                    Qt.CheckState.Checked if p.id in data.purpose_ids else Qt.CheckState.Unchecked
                )
                self.purposes.addItem(item)
        self.purposes.setFixedHeight(self.fontMetrics().height() * 6)
        self.purposes.setWordWrap(True)
        self.setMinimumWidth(680)
        self.evidence = self.add_field(
            "evidence_ref", _label(F, "evidence_ref"), QLineEdit(data.evidence_ref or "")
        )
        self.evidence.setPlaceholderText(self.tr("p. ej. planilla Acta 007 de 2026"))
        self.revoked = self.add_field("revoked_on", _label(F, "revoked_on"), _date(data.revoked_on))
        self.notes = self.add_field("notes", _label(F, "notes"), _text_box(self, 3))
        self.notes.setPlainText(data.notes or "")
        self.mark_clean()

    def collect(self) -> auth.AuthorisationData:
        ticked = [
            self.purposes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.purposes.count())
            if self.purposes.item(i).checkState() == Qt.CheckState.Checked
        ]
        return auth.AuthorisationData(
            contact_id=self.data.contact_id,
            granted_on=self.granted.text(),
            means=self.means.currentData(),
            purpose_ids=ticked,
            policy_id=self.policy.currentData(),
            evidence_ref=self.evidence.text(),
            revoked_on=self.revoked.text(),
            notes=self.notes.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: auth.save_authorisation(s, data)


def load_choices(session):
    return policies.list_policies(session), policies.list_purposes(session)


class RequestEditor(EditorDialog):
    """A holder's rights request; the due date shown is the core's, in business days."""

    def __init__(
        self, ops: Operations, parent: QWidget | None, contacts, data: requests.RequestData
    ):
        super().__init__(ops, parent, "")
        self.data = data
        F = REQUEST
        self.setWindowTitle(self.tr("Solicitud de un titular"))
        self.type = self.add_field("type", _label(F, "type"), QComboBox())
        for value, label in requests.TYPE_LABELS.items():
            self.type.addItem(_(label), value.value)
        set_combo_data(self.type, data.type)
        self.contact = self.add_field(
            "contact_id", self.tr("Contacto:"), make_searchable(QComboBox())
        )
        fill_combo(self.contact, contacts, self.tr("(no es un contacto registrado)"))
        set_combo_data(self.contact, data.contact_id)
        self.received = self.add_field(
            "received_on", _label(F, "received_on"), _date(data.received_on)
        )
        self.requester = self.add_field(
            "requester_name", _label(F, "requester_name"), QLineEdit(data.requester_name)
        )
        self.where = self.add_field(
            "requester_contact",
            _label(F, "requester_contact"),
            QLineEdit(data.requester_contact or ""),
        )
        self.description = self.add_field(
            "description", _label(F, "description"), _text_box(self, 3)
        )
        self.description.setPlainText(data.description or "")
        self.new_column()
        self.status = self.add_field("status", _label(F, "status"), QComboBox())
        for value, label in requests.STATUS_LABELS.items():
            self.status.addItem(_(label), value.value)
        set_combo_data(self.status, data.status)
        self.extended = self.add_field(
            "extended", _label(F, "extended"), QCheckBox(self.tr("Se informó al titular la demora"))
        )
        self.extended.setChecked(data.extended)
        self.reason = self.add_field(
            "extension_reason", _label(F, "extension_reason"), _text_box(self, 2)
        )
        self.reason.setPlainText(data.extension_reason or "")
        self.answered = self.add_field(
            "answered_on", _label(F, "answered_on"), _date(data.answered_on)
        )
        self.answer = self.add_field("answer", _label(F, "answer"), _text_box(self, 3))
        self.answer.setPlainText(data.answer or "")
        self.contact.currentIndexChanged.connect(self._contact_chosen)
        self.where.setPlaceholderText(self.tr("correo o dirección"))
        self.setMinimumWidth(900)
        self.mark_clean()

    def _contact_chosen(self) -> None:
        if not self.requester.text().strip() and self.contact.currentData() is not None:
            self.requester.setText(self.contact.currentText().split(" — ")[0])

    def collect(self) -> requests.RequestData:
        return requests.RequestData(
            type=self.type.currentData(),
            received_on=self.received.text(),
            requester_name=self.requester.text(),
            requester_contact=self.where.text(),
            description=self.description.toPlainText(),
            extended=self.extended.isChecked(),
            extension_reason=self.reason.toPlainText(),
            status=self.status.currentData(),
            answered_on=self.answered.text(),
            answer=self.answer.toPlainText(),
            contact_id=self.contact.currentData(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: requests.save_request(s, data)


class PolicyEditor(EditorDialog):
    def __init__(self, ops: Operations, parent: QWidget | None, data: policies.PolicyData):
        super().__init__(ops, parent, "")
        self.data = data
        F = POLICY
        self.setWindowTitle(self.tr("Versión de la política de tratamiento"))
        self.label = self.add_field(
            "version_label", _label(F, "version_label"), QLineEdit(data.version_label)
        )
        self.title_edit = self.add_field("title", _label(F, "title"), QLineEdit(data.title))
        self.effective = self.add_field(
            "effective_on", _label(F, "effective_on"), _date(data.effective_on)
        )
        self.url = self.add_field("url", _label(F, "url"), QLineEdit(data.url or ""))
        self.notice = self.add_field("notice", _label(F, "notice"), _text_box(self, 5))
        self.notice.setPlainText(data.notice or "")
        self.new_column()
        self.text = self.add_field("text", _label(F, "text"), _text_box(self, 14))
        self.text.setPlainText(data.text or "")
        self.mark_clean()

    def collect(self) -> policies.PolicyData:
        return policies.PolicyData(
            version_label=self.label.text(),
            title=self.title_edit.text(),
            effective_on=self.effective.text(),
            notice=self.notice.toPlainText(),
            text=self.text.toPlainText(),
            url=self.url.text(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data):
        return lambda s: policies.save_policy(s, data)


class PurposeEditor(EditorDialog):
    def __init__(self, ops: Operations, parent: QWidget | None, data: policies.PurposeData):
        super().__init__(ops, parent, "")
        self.data = data
        self.setWindowTitle(self.tr("Finalidad del tratamiento"))
        self.name = self.add_field("name", _label(PURPOSE, "name"), QLineEdit(data.name))
        self.active = self.add_field(
            "active",
            self.tr("En uso:"),
            QCheckBox(self.tr("Se ofrece en las autorizaciones nuevas")),
        )
        self.active.setChecked(data.active)
        self.mark_clean()

    def collect(self) -> policies.PurposeData:
        return policies.PurposeData(
            self.name.text(),
            self.active.isChecked(),
            self.data.sort_order,
            self.data.id,
            self.data.version,
        )

    def save_call(self, data):
        return lambda s: policies.save_purpose(s, data)
