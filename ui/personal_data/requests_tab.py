"""Solicitudes: holders' rights requests with their legal due date (business days); overdue
ones are red and say *Vencida*."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pazos_desktop.domain.formats import format_date
from pazos_desktop.services.partners import list_contacts
from pazos_desktop.services.personal_data import requests
from ui.dialogs.editor import open_editor
from ui.models.rows import Column, RowsModel
from ui.personal_data.dialogs import RequestEditor
from ui.views.base import TablePanel


def load_contacts(session) -> list[tuple[str, int]]:
    return [(f"{c.name} — {c.partner_name}", c.id) for c in list_contacts(session)]


class RequestsTab(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Solo las abiertas"))
        self.open_only.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.open_only)
        top.addStretch(1)
        terms = QLabel(
            self.tr(
                "Términos (Ley 1581 de 2012): consultas 10 días hábiles desde el recibo, "
                "prorrogables 5; reclamos 15 días hábiles desde el día siguiente, prorrogables 8."
            )
        )
        terms.setWordWrap(True)
        layout.addLayout(top)
        model = RowsModel(self._columns(), self, alarm=lambda r: r.overdue)
        self.panel = TablePanel(self.tr("Solicitudes de los titulares"), model)
        self.panel.add_button(
            self.tr("Nueva solicitud…"), self.new_record, needs="edit_personal_data"
        )
        self.panel.add_button(self.tr("Editar…"), self.edit, needs="edit_personal_data")
        self.panel.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.panel, 1)
        self.panel.restore_columns(ctx.prefs, "pd_requests", [50, 90, 220, 220, 90, 90])
        layout.addWidget(terms)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("N.º"), lambda r: r.id, True),
            Column(self.tr("Recibida"), lambda r: format_date(r.received_on)),
            Column(self.tr("Tipo"), lambda r: r.type_label()),
            Column(self.tr("Quién"), lambda r: r.requester_name),
            Column(self.tr("Vence"), lambda r: format_date(r.due_on)),
            Column(self.tr("Días hábiles"), self._days, True),
            Column(
                self.tr("Estado"), lambda r: self.tr("Vencida") if r.overdue else r.status_label()
            ),
        ]

    def _days(self, r) -> str:
        return "" if r.status not in requests.OPEN else str(r.days_left)

    def refresh(self) -> None:
        open_only = self.open_only.isChecked()
        self.ops.read(
            lambda s: requests.list_requests(s, open_only=open_only),
            self.panel.model.set_rows,
            parent=self,
        )

    def new_record(self) -> None:
        today = self.ops.run_context().today
        self._open(lambda s: requests.RequestData(received_on=today))

    def edit(self) -> None:
        row = self.panel.current()
        if row is not None:
            self._open(lambda s: requests.get_request(s, row.id))

    def _open(self, read) -> None:
        def show(found):
            contacts, data = found
            open_editor(RequestEditor(self.ops, self, contacts, data), lambda _d: self.refresh())

        self.ops.read(lambda s: (load_contacts(s), read(s)), show, parent=self)
