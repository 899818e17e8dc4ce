"""What other views show of personal data, each added there with one or two lines:
Entidades' contact column, the Panel's overdue-requests line, Configuración's policy box."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from pazos_desktop.domain.formats import format_date
from ui.models.rows import Column


def contacts_call(partner_id: int):
    """Entidades' contacts with the state of their authorisation."""
    from pazos_desktop.services.personal_data.authorisations import contacts_with_states

    return lambda s: contacts_with_states(s, partner_id)


def authorisation_column(widget: QWidget) -> Column:
    return Column(
        widget.tr("Autorización de datos"),
        lambda c: c.auth.label() if hasattr(c, "auth") else "",
        alarm=lambda c: hasattr(c, "auth") and not c.auth.valid,
    )


def open_personal_data(ctx, tab: str = "authorisations") -> None:
    ctx.window.show_view("personal_data").show_tab(tab)


class OverdueRequestsBanner(QWidget):
    """One red line on the Panel when holders' requests are past their legal due date."""

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.label.setWordWrap(True)
        button = QPushButton(self.tr("Ver solicitudes"))
        button.clicked.connect(lambda _=False: open_personal_data(ctx, "requests"))
        row.addWidget(self.label, 1)
        row.addWidget(button)
        self.setVisible(False)

    def refresh(self) -> None:
        from pazos_desktop.services.personal_data.requests import overdue_requests

        self.ctx.ops.read(overdue_requests, self.show_rows, parent=self)

    def show_rows(self, rows) -> None:
        if rows:
            first = rows[0]
            self.label.setText(
                self.tr(
                    "Solicitudes de datos personales vencidas: {n} (la más antigua venció el {d})."
                )
                .replace("{n}", str(len(rows)))
                .replace("{d}", format_date(first.due_on))
            )
        self.setVisible(bool(rows))


class PolicyBox(QGroupBox):
    """Configuración: the policy version in force, and the way to its versions and purposes."""

    def __init__(self, ctx):
        super().__init__()
        self.setTitle(self.tr("Datos personales (Ley 1581 de 2012)"))
        self.ctx = ctx
        form = QFormLayout(self)
        self.current = QLabel()
        self.current.setWordWrap(True)
        button = QPushButton(self.tr("Política, versiones y finalidades…"))
        button.clicked.connect(lambda _=False: open_personal_data(ctx, "policy"))
        form.addRow(self.tr("Política vigente:"), self.current)
        form.addRow("", button)

    def refresh(self) -> None:
        from pazos_desktop.services.personal_data.policies import current_policy

        self.ctx.ops.read(current_policy, self._show, parent=self)

    def _show(self, policy) -> None:
        if policy is None:
            self.current.setText(
                self.tr("ninguna: la planilla de asistencia imprime el aviso general")
            )
        else:
            self.current.setText(
                self.tr("versión {v}, desde el {d}")
                .replace("{v}", policy.version_label)
                .replace("{d}", format_date(policy.effective_on))
            )
