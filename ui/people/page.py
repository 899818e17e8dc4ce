"""Configuración's boxes about people.

- `PersonBox`, for everyone: on a file database, the person's name and position (this PC's
  preferences), which approvals and documents name; on a server, who is signed in, with
  their profile and role (the administrator sets those).
- `PeopleBox`, for a person of pazos_admin on a server: the people, their roles, and whether
  they may sign in; adding one, changing a role, disabling one. Each shows the SQL it will run
  before running it (`pazos_desktop.services.people`: the same statements as `users`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.clock import PERSON_MAX
from ui import interaction
from ui.fit import FittedDialog
from ui.models.rows import Column, RowsModel
from ui.prefs import remember_person
from ui.views.base import TablePanel

ROLES = ("coordinacion", "secretaria", "consulta", "admin")


def tr(text: str) -> str:
    return QCoreApplication.translate("People", text)


def role_names() -> dict[str, str]:
    return {
        "coordinacion": tr("Coordinación"),
        "secretaria": tr("Secretaría"),
        "consulta": tr("Consulta (solo lectura)"),
        "admin": tr("Administración"),
    }


class PersonBox(QGroupBox):
    """Who works here: editable on a file database, shown on a server."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(tr("Quién trabaja"), parent)
        self.ctx = ctx
        db = ctx.db
        form = QFormLayout(self)
        if db is not None and db.access.server:
            person = db.person
            shown = person.name if person else db.access.login
            if person and person.position:
                shown += f" — {person.position}"
            form.addRow(tr("Usuario:"), QLabel(html.escape(db.access.login)))
            form.addRow(tr("Nombre:"), QLabel(html.escape(shown)))
            form.addRow(tr("Rol:"), QLabel(html.escape(db.access.role_label)))
            return
        person = ctx.prefs.person(db.actor if db else "")
        self.name = QLineEdit(person.name if person else "")
        self.position = QLineEdit(person.position if person else "")
        for field in (self.name, self.position):
            field.setMaxLength(PERSON_MAX)  # what the history and the acta keep
        self.name.setAccessibleName(tr("Su nombre completo"))
        self.position.setAccessibleName(tr("Su cargo"))
        self.name.setPlaceholderText(tr("Como debe aparecer en las actas que apruebe"))
        for field in (self.name, self.position):
            field.editingFinished.connect(self.save)
        form.addRow(tr("Su &nombre completo:"), self.name)
        form.addRow(tr("Su &cargo:"), self.position)
        for field in (self.name, self.position):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)

    def save(self) -> None:
        """Preferences of this PC's user; the next action names them (RunContext.person)."""
        remember_person(self.ctx.prefs, self.ctx.ops, self.name.text(), self.position.text())
        if self.ctx.db is not None:
            self.ctx.window.show_who()


class PersonDialog(FittedDialog):
    """A new person (user, name, position, role, password twice), or another role for one."""

    def __init__(self, parent: QWidget | None, person=None):
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(tr("Persona del servidor") if person is None else tr("Cambiar rol"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login = QLineEdit(person.login if person else "")
        self.login.setPlaceholderText("maria.lopez")
        self.name = QLineEdit(person.full_name if person else "")
        self.position = QLineEdit(person.position if person else "")
        self.role = QComboBox()
        for key, label in role_names().items():
            self.role.addItem(label, key)
        self.password, self.again = QLineEdit(), QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        rows = [
            (tr("&Usuario:"), self.login),
            (tr("&Nombre completo:"), self.name),
            (tr("Car&go:"), self.position),
            (tr("&Rol:"), self.role),
        ]
        if person is None:
            rows += [(tr("&Contraseña:"), self.password), (tr("Re&pítala:"), self.again)]
        for label, field in rows:
            form.addRow(label, field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            buddy = form.labelForField(field)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)
        for field in (self.login, self.name, self.position):
            field.setReadOnly(person is not None)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Continuar…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def values(self) -> dict:
        return {
            "login": self.login.text().strip(),
            "name": self.name.text(),
            "position": self.position.text(),
            "role": self.role.currentData(),
            "password": self.password.text(),
            "again": self.again.text(),
        }


class PeopleBox(QGroupBox):
    """The administrator's page: people and roles on the server."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(tr("Personas y roles del servidor"), parent)
        self.ctx, self.ops = ctx, ctx.ops
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "Cada persona entra con su propio usuario; lo que puede hacer lo decide el "
                "servidor según su rol. Antes de cada cambio se muestra el SQL que se ejecutará."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        columns = [
            Column(tr("Usuario"), lambda p: p.login),
            Column(tr("Nombre"), lambda p: p.full_name),
            Column(tr("Cargo"), lambda p: p.position),
            Column(tr("Rol"), lambda p: p.role_labels),
            Column(tr("Estado"), lambda p: tr("activo") if p.can_login else tr("desactivado")),
        ]
        self.panel = TablePanel(tr("Personas"), RowsModel(columns, self))
        self.panel.add_button(tr("Añadir persona…"), self.add)
        self.panel.add_button(tr("Cambiar rol…"), self.change_role, needs_row=True)
        self.panel.add_button(tr("Desactivar"), self.disable, needs_row=True)
        self.panel.table.setMinimumHeight(160)
        header = self.panel.table.horizontalHeader()
        for column, width in enumerate((140, 240, 240, 120)):
            header.resizeSection(column, width)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        from pazos_desktop.services import people

        self.ops.run(lambda s: people.list_people(s.connection()), self.panel.model.set_rows)

    # --- actions --------------------------------------------------------------------------

    def add(self) -> None:
        from pazos_desktop.errors import PazosError
        from pazos_desktop.services import people

        dialog = PersonDialog(self)
        if not interaction.confirm_dialog(dialog, dialog.windowTitle()):
            return
        v = dialog.values()
        if v["password"] != v["again"]:
            interaction.warn(self, dialog.windowTitle(), tr("Las dos contraseñas no coinciden."))
            return
        try:
            statements = people.add_statements(
                v["login"], v["name"], v["position"], v["role"], v["password"]
            )
        except PazosError as exc:
            interaction.warn(self, dialog.windowTitle(), exc.message)
            return
        self._run(dialog.windowTitle(), statements)

    def change_role(self) -> None:
        from pazos_desktop.services import people

        chosen = self.panel.current()
        if chosen is None:
            return
        dialog = PersonDialog(self, chosen)
        if interaction.confirm_dialog(dialog, dialog.windowTitle()):
            role = dialog.values()["role"]
            self._run(dialog.windowTitle(), people.role_statements(chosen.login, role))

    def disable(self) -> None:
        from pazos_desktop.services import people

        chosen = self.panel.current()
        if chosen is not None:
            self._run(tr("Desactivar"), people.disable_statements(chosen.login))

    def _run(self, title: str, statements) -> None:
        """Show the SQL; run it all in one transaction when the administrator agrees."""
        from pazos_desktop.services import people

        sql = "\n".join(s.shown + ";" for s in statements)
        question = tr("Se ejecutará en el servidor:\n\n{sql}\n\n¿Continuar?").format(sql=sql)
        if not interaction.confirm(self, title, question, tr("Ejecutar"), tr("Cancelar")):
            return
        self.ops.run(
            lambda s: people.run(s.connection(), statements),
            lambda _r: self.refresh(),
            parent=self,
        )
