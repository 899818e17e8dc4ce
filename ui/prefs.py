"""Per-user preferences (QSettings: the registry on Windows). Never data: that is the database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "PAZOS"
APPLICATION = "PAZOS Coordinacion"


class Preferences:
    """Language, window geometry, table columns, export and last folders; on a file database
    the person's name and position; on a server the last user name. Never a password."""

    def __init__(self, settings: QSettings | None = None):
        self.qs = settings or QSettings(ORGANIZATION, APPLICATION)

    def language(self) -> str | None:
        value = self.qs.value("language")
        return str(value) if value in ("es", "en") else None

    def set_language(self, lang: str) -> None:
        self.qs.setValue("language", lang)

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"geometry/{key}", value)

    def columns(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"columns/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_columns(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"columns/{key}", value)

    def export_folder(self) -> str:
        from pathlib import Path

        return str(self.qs.value("export_folder") or Path.home())

    def set_export_folder(self, folder: str) -> None:
        self.qs.setValue("export_folder", folder)

    def person(self, login: str | None = None):
        """Who works on a file database (name and position, set in Configuración, as actas
        and the history name them: clock.Person), or None until the user has said. On a
        server, the administrator's profile says it instead (`Database.sign_in`)."""
        from pazos_desktop.clock import make_person

        name, position = self.qs.value("person/name"), self.qs.value("person/position")
        return make_person(name and str(name), position and str(position), login)

    def set_person(self, name: str, position: str) -> None:
        self.qs.setValue("person/name", name.strip())
        self.qs.setValue("person/position", position.strip())

    def last_login(self, server: str) -> str:
        """The user name last signed in with on `server` (never a password: see keyring)."""
        return str(self.qs.value(f"logins/{server}") or "")

    def set_last_login(self, server: str, login: str) -> None:
        self.qs.setValue(f"logins/{server}", login)

    def last_folder(self) -> str | None:
        """The folder of the last file chosen in a file dialog (None: none yet)."""
        value = self.qs.value("last_folder")
        return str(value) if value else None

    def set_last_folder(self, folder: str) -> None:
        self.qs.setValue("last_folder", folder)

    def sync(self) -> None:
        self.qs.sync()


def remember_person(prefs: Preferences | None, ops, name: str, position: str) -> None:
    """Keep who the user is in the preferences and give it to the open database's actions."""
    from pazos_desktop.clock import make_person

    if prefs is not None:
        prefs.set_person(name, position)
    if ops.db is not None and not ops.db.access.server:  # a server: its profile names them
        ops.db.person = make_person(name, position, ops.db.actor)
