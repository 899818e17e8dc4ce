"""Per-user preferences (QSettings: the registry on Windows). Never data: that is the database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "PAZOS"
APPLICATION = "PAZOS Coordinacion"


class Preferences:
    """Language, window geometry, table columns, export and last folders, and who the user is
    (name and position)."""

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

    def person(self):
        """This user's name and position, as actas and the history name them (clock.Person);
        None until the user has said."""
        from pazos_desktop.clock import make_person

        return make_person(self.qs.value("person/name"), self.qs.value("person/position"))

    def set_person(self, name: str, position: str) -> None:
        self.qs.setValue("person/name", name)
        self.qs.setValue("person/position", position)

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
    if ops.db is not None:
        ops.db.person = make_person(name, position)
