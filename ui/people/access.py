"""What the signed-in person may do, in the window: who is signed in and their role in the
status bar, the server beside it, and the buttons their role cannot use disabled.

A button or menu action that changes data says what it needs (`needs(button,
"edit_register")`, a capability of `pazos_desktop.db.roles.CAPABILITIES`); `restrict(view,
access)` runs when a view is built and disables what the server said the person may not do,
with a tooltip that says why. The server refuses it anyway (`roles.refusal_message`): the
window only spares the person a button that would be refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

NEEDS = "pazos_needs"
REFUSED = "pazos_refused"


def tr(text: str) -> str:
    return QCoreApplication.translate("Access", text)


def needs(item: QObject, capability: str) -> QObject:
    """Mark a button or action as changing data that `capability` allows."""
    item.setProperty(NEEDS, capability)
    return item


def refused(item: QObject) -> bool:
    return bool(item.property(REFUSED))


def restrict(root: QObject, access) -> None:
    """Disable every marked button and action under `root` that `access` does not allow."""
    if access is None:
        return
    found = [root, *root.findChildren(QWidget), *root.findChildren(QAction)]
    for item in found:
        capability = item.property(NEEDS)
        if not capability or access.may(capability):
            continue
        item.setProperty(REFUSED, True)
        item.setEnabled(False)
        item.setToolTip(
            tr("Su rol ({role}) no permite esta acción.").format(role=access.role_label or "—")
        )


def who_text(db) -> str:
    """ "María José Rodríguez Ñañez · Secretaría" (a server), the person's name (a file)."""
    person, access = db.person, db.access
    if not access.server:
        return person.name if person and person.name else ""
    name = person.name if person and person.name else access.login
    return f"{name} · {access.role_label}" if access.role_label else name


def where_text(db) -> str:
    if db.access.server:
        return tr("Servidor: {server}").format(server=db.describe())
    return tr("Base de datos: {path}").format(path=db.describe())
