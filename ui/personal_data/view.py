"""Datos personales (Ley 1581 de 2012): authorisations, holders' requests, policy versions."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.personal_data.authorisations_tab import AuthorisationsTab
from ui.personal_data.policy_tab import PolicyTab
from ui.personal_data.requests_tab import RequestsTab

TABS = ("authorisations", "requests", "policy")


class PersonalDataView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.authorisations = AuthorisationsTab(ctx)
        self.requests = RequestsTab(ctx)
        self.policy = PolicyTab(ctx)
        self.tabs.addTab(self.authorisations, self.tr("Autorizaciones"))
        self.tabs.addTab(self.requests, self.tr("Solicitudes de titulares"))
        self.tabs.addTab(self.policy, self.tr("Política y finalidades"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def focus_search(self) -> None:
        self.show_tab("authorisations")
        self.authorisations.search.setFocus()
