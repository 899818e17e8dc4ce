"""Editors of a commitment and of a progress update (avance)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import COMMITMENT, PROGRESS
from pazos_desktop.domain.vocabulary import (
    OVERDUE,
    STATUS_LABELS,
    Status,
    effective_status,
    status_label,
)
from pazos_desktop.i18n import ngettext
from pazos_desktop.services import components, partners, programs, territory
from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import CommitmentData, ProgressData
from ui.dialogs.editor import EditorDialog, open_editor
from ui.jobs.operations import Operations
from ui.widgets import DateField, NumberField, fill_combo, make_searchable, set_combo_data


@dataclass
class Choices:
    """What the commitment editor offers in its lists, read in one go on the worker.
    Contacts are those of one partner: another partner's are read when it is chosen."""

    partners: list[partners.PartnerChoice]
    components: list[components.ComponentData]
    clusters: list[territory.ClusterChoice]
    programs: list[programs.ProgramData]
    contacts: list[partners.ContactData] = field(default_factory=list)


def load_choices(session, partner_id: int | None = None) -> Choices:
    return Choices(
        partners=partners.partner_choices(session),
        components=components.list_components(session),
        clusters=territory.cluster_choices(session),
        programs=programs.list_programs(session),
        contacts=partners.list_contacts(session, partner_id) if partner_id else [],
    )


class ClusterPicker(QWidget):
    """ "All clusters" or a checked list of clusters."""

    def __init__(self, clusters: list[territory.ClusterChoice], parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.all = QCheckBox(self.tr("Todos los clústeres"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Clústeres"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        for cluster in clusters:
            item = QListWidgetItem(cluster.name)
            item.setData(Qt.ItemDataRole.UserRole, cluster.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.all.toggled.connect(lambda on: self.list.setEnabled(not on))
        layout.addWidget(self.all)
        layout.addWidget(self.list)

    def set_value(self, all_clusters: bool, ids: list[int]) -> None:
        self.all.setChecked(all_clusters)
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def state(self) -> tuple:
        return (self.all.isChecked(), tuple(self.ids()))


class CommitmentEditor(EditorDialog):
    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None,
        choices: Choices,
        data: CommitmentData | None = None,
    ):
        super().__init__(ops, parent, "")
        self.data = data or CommitmentData()
        self.choices = choices
        new = self.data.id is None
        self.setWindowTitle(self.tr("Nuevo compromiso") if new else self.tr("Editar compromiso"))
        C = COMMITMENT  # labels, keys and parsers: the core's declaration (records/)
        self.title = self.add_declared(C["title"], QLineEdit())
        self.partner = self.add_declared(C["partner_id"], make_searchable(QComboBox()))
        self.contact = self.add_declared(C["contact_id"], make_searchable(QComboBox()))
        self.component = self.add_declared(C["component_id"], QComboBox())
        self.program = self.add_declared(C["program_id"], QComboBox())
        self.clusters = self.add_declared(C["cluster_ids"], ClusterPicker(choices.clusters))
        self.description = self.add_declared(C["description"], _text(self, 3))
        self.new_column()
        self.status = self.add_declared(C["status"], QComboBox())
        self.overdue_note = QLabel()  # the stored status of an overdue commitment says nothing
        self.overdue_note.setWordWrap(True)
        self.overdue_note.setStyleSheet("color: #c62828;")
        self.overdue_note.setVisible(False)
        self.status.parentWidget().layout().insertWidget(1, self.overdue_note)
        self.unit = self.add_declared(C["unit"], QLineEdit())
        self.target = self.add_declared(C["target_quantity"], NumberField())
        self.achieved = self.add_declared(C["achieved_quantity"], NumberField())
        self.amount = self.add_declared(C["amount_cop"], NumberField(money=True))
        self.start = self.add_declared(C["start_date"], DateField())
        self.due = self.add_declared(C["due_date"], DateField())
        self.notes = self.add_declared(C["notes"], _text(self, 3))
        self._contacts_read = {self.data.partner_id} if self.data.partner_id else set()
        self._fill_lists()
        self.partner.currentIndexChanged.connect(self._fill_contacts)
        self.load(self.data)
        self.setMinimumWidth(860)

    def _fill_lists(self) -> None:
        c = self.choices
        shown = [p for p in c.partners if not p.archived or p.id == self.data.partner_id]
        partners = [(p.name, p.id, p.acronym) for p in shown]
        fill_combo(self.partner, partners, blank=self.tr("(elija)"))
        fill_combo(self.component, [(x.name(), x.id) for x in c.components], self.tr("(elija)"))
        fill_combo(self.program, [(p.name, p.id) for p in c.programs], blank=self.tr("(ninguno)"))
        statuses = [(status_label(s), s.value) for s in Status if s in STATUS_LABELS]
        fill_combo(self.status, statuses)

    def _fill_contacts(self) -> None:
        """The chosen partner's contacts: known ones at once, others read on the worker."""
        partner_id = self.partner.currentData()
        own = [(c.name, c.id) for c in self.choices.contacts if c.partner_id == partner_id]
        fill_combo(self.contact, own, blank=self.tr("(ninguno)"))
        if partner_id is not None and partner_id not in self._contacts_read:
            self._contacts_read.add(partner_id)
            self.ops.read(
                lambda s: partners.list_contacts(s, partner_id), self._contacts_loaded, parent=self
            )

    def _contacts_loaded(self, contacts: list[partners.ContactData]) -> None:
        known = {c.id for c in self.choices.contacts}
        self.choices.contacts.extend(c for c in contacts if c.id not in known)
        was_clean = not self.is_dirty()
        self._fill_contacts()
        if was_clean:
            self.mark_clean()

    def load(self, d: CommitmentData) -> None:
        set_combo_data(self.partner, d.partner_id)
        self._fill_contacts()
        set_combo_data(self.contact, d.contact_id)
        set_combo_data(self.component, d.component_id)
        set_combo_data(self.program, d.program_id)
        set_combo_data(self.status, d.status)
        self.clusters.set_value(d.all_clusters, d.cluster_ids)
        self.title.setText(d.title)
        self.description.setPlainText(d.description or "")
        self.unit.setText(d.unit or "")
        self.target.set_number(d.target_quantity)
        self.achieved.set_number(d.achieved_quantity if d.id is not None else None)
        self.amount.set_number(d.amount_cop)
        self.start.set_date(d.start_date)
        self.due.set_date(d.due_date)
        self.notes.setPlainText(d.notes or "")
        self._show_overdue(d)
        self.mark_clean()

    def _show_overdue(self, d: CommitmentData) -> None:
        """An overdue commitment keeps its stored status ("Propuesto"): the editor says it is
        overdue, and since when, under the status."""
        today = self.ops.run_context().today
        late = d.id is not None and effective_status(d.status, d.due_date, today) == OVERDUE
        if late:
            days = (today - d.due_date).days
            ago = ngettext("hace {n} día", "hace {n} días", days).format(n=days)
            self.overdue_note.setText(
                self.tr(
                    "Vencido: la fecha límite fue el {date} ({ago}) y sigue «{status}». "
                    "Registre un avance o cambie el estado o la fecha."
                ).format(date=format_date(d.due_date), ago=ago, status=status_label(d.status))
            )
        self.overdue_note.setVisible(late)

    def collect(self) -> CommitmentData:
        return CommitmentData(
            partner_id=self.partner.currentData(),
            component_id=self.component.currentData(),
            title=self.title.text(),
            cluster_ids=self.clusters.ids(),
            all_clusters=self.clusters.all.isChecked(),
            contact_id=self.contact.currentData(),
            program_id=self.program.currentData(),
            description=self.description.toPlainText(),
            unit=self.unit.text(),
            target_quantity=self.typed("target_quantity"),
            achieved_quantity=self.typed("achieved_quantity") or 0.0,
            amount_cop=self.typed("amount_cop"),
            start_date=self.typed("start_date"),
            due_date=self.typed("due_date"),
            status=self.status.currentData(),
            notes=self.notes.toPlainText(),
            id=self.data.id,
            version=self.data.version,
        )

    def save_call(self, data: CommitmentData, accept_doubts: bool = False):
        return lambda s: commitments.save_commitment(s, data, accept_doubts)


class ProgressEditor(EditorDialog):
    """Records a follow-up: date, achieved quantity, new status, comment."""

    def __init__(self, ops: Operations, parent: QWidget | None, commitment: CommitmentData):
        super().__init__(ops, parent, "")
        self.commitment = commitment
        self.setWindowTitle(self.tr("Añadir avance"))
        P = PROGRESS  # labels, keys and parsers: the core's declaration (records/)
        self.date = self.add_declared(P["date"], DateField())
        self.achieved = self.add_declared(P["achieved_quantity"], NumberField())
        self.status = self.add_declared(P["status"], QComboBox())
        statuses = [(status_label(s), s.value) for s in Status]
        fill_combo(self.status, statuses, blank=self.tr("(sin cambio)"))
        self.comment = self.add_declared(P["comment"], _text(self, 4))
        self.date.set_date(ops.run_context().today)
        self.achieved.set_number(commitment.achieved_quantity)
        self.mark_clean()

    def collect(self) -> ProgressData:
        achieved = self.typed("achieved_quantity")
        if achieved == self.commitment.achieved_quantity and self.achieved.isModified() is False:
            achieved = None  # untouched: not a new figure
        return ProgressData(
            commitment_id=self.commitment.id,
            date=self.typed("date"),
            achieved_quantity=achieved,
            status=self.status.currentData(),
            comment=self.comment.toPlainText(),
        )

    def save_call(self, data: ProgressData, accept_doubts: bool = False):
        return lambda s: commitments.add_progress(s, data, accept_doubts)


def _text(widget: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return edit


def edit_commitment(
    ops: Operations,
    parent: QWidget,
    commitment_id: int | None,
    on_saved: Callable | None = None,
    preset: CommitmentData | None = None,
) -> None:
    """Read the lists (and the record) on the worker, then open the editor."""

    def work(session):
        if commitment_id is None:
            return load_choices(session, preset.partner_id if preset else None), preset
        data = commitments.get_commitment(session, commitment_id)
        return load_choices(session, data.partner_id), data

    ops.read(
        work,
        lambda r: open_editor(CommitmentEditor(ops, parent, r[0], r[1]), on_saved),
        parent=parent,
    )


def add_progress(ops: Operations, parent: QWidget, commitment_id: int, on_saved=None) -> None:
    ops.read(
        lambda s: commitments.get_commitment(s, commitment_id),
        lambda data: open_editor(ProgressEditor(ops, parent, data), on_saved),
        parent=parent,
    )
