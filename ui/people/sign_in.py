"""Signing in to a shared server: each person with their own user and password.

At start, on a server whose address carries no password: the user name comes from the
address or from the last sign-in on this PC, the password from the operating system's
credential store when the person asked to remember it (`ui/people/credentials.py`);
otherwise this dialog asks. A refused sign-in (wrong or expired password, a disabled person)
comes back with the server's reason in Spanish and the dialog asks again; a remembered
password the server refused is forgotten. The password lives in memory (the window's
`credentials`) and goes to the driver only: never into the address, the preferences, the
log or a backup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui import interaction
from ui.fit import FittedDialog
from ui.people import credentials


@dataclass
class Credentials:
    login: str
    password: str | None = None  # None: the server may not ask for one (pgpass, trust)
    remember: bool = False
    from_store: bool = False


class SignInDialog(FittedDialog):
    """User and password for `server`; `message` says why it asks again."""

    def __init__(self, parent: QWidget | None, server: str, login: str = "", message: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Entrar al servidor"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Entre con su propio usuario del servidor <b>{server}</b>.").format(
                server=html.escape(server)
            )
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(bool(message))
        layout.addWidget(self.message)
        form = QFormLayout()
        self.login = QLineEdit(login)
        self.login.setAccessibleName(self.tr("Usuario"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Contraseña"))
        form.addRow(self.tr("&Usuario:"), self.login)
        form.addRow(self.tr("&Contraseña:"), self.password)
        for field in (self.login, self.password):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout.addLayout(form)
        self.remember = QCheckBox(
            self.tr("&Recordar la contraseña en este equipo (almacén de credenciales de Windows)")
        )
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox()
        self.enter = buttons.addButton(self.tr("Entrar"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Salir"), QDialogButtonBox.ButtonRole.RejectRole)
        self.enter.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if login else self.login).setFocus()
        self.setMinimumWidth(460)

    def credentials(self) -> Credentials:
        return Credentials(
            self.login.text().strip(), self.password.text(), self.remember.isChecked()
        )


# --- the flow, for ui/app.py ------------------------------------------------------------------


def _url(target: str):
    from sqlalchemy.engine import make_url

    return make_url(target)


def wanted(target: str) -> bool:
    """A server whose address holds no password: the person signs in."""
    if not target.startswith("postgresql"):
        return False  # a file (a path or a sqlite:/// address): one user, no sign-in
    url = _url(target)
    return url.get_backend_name() == "postgresql" and not url.password


def with_login(target: str, login: str) -> str:
    return _url(target).set(username=login).render_as_string(hide_password=False)


def server_label(target: str) -> str:
    url = _url(target)
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def first(window, target: str) -> Credentials | None:
    """The credentials to try first: the address's user or the last one, with a remembered
    password; the dialog when there is no user yet. None: the person chose to quit."""
    login = _url(target).username or window.prefs.last_login(server_label(target))
    if login:
        password = credentials.stored(target, login)
        return Credentials(login, password, from_store=password is not None)
    return ask(window, target, "", "")


def ask(window, target: str, login: str, message: str) -> Credentials | None:
    dialog = SignInDialog(window, server_label(target), login, message)
    accepted = interaction.confirm_dialog(dialog, message or dialog.windowTitle())
    given = dialog.credentials()
    return given if accepted and given.login else None


def again(window, target: str, refused) -> Credentials | None:
    """After the server refused `window.credentials` (a LoginRefused): forget a remembered
    password it refused, and ask; None when the person quits."""
    before = window.credentials
    if before is not None and before.from_store and refused.kind == "password":
        credentials.forget(target, before.login)
    login = before.login if before else refused.login
    message = "" if refused.kind == "no_password" else refused.message
    return ask(window, target, login, message)


def signed_in(window, target: str) -> None:
    """The server let the person in: remember their user name, and their password if asked."""
    given = window.credentials
    if given is None:
        return
    window.prefs.set_last_login(server_label(target), given.login)
    if given.remember and given.password:
        credentials.remember(target, given.login, given.password)
