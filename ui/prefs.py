"""Per-user preferences (QSettings: the registry on Windows). Never data: that is the database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "PAZOS"
APPLICATION = "PAZOS Coordinacion"


class Preferences:
    """Language, window geometry, table columns, export folder."""

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

    def sync(self) -> None:
        self.qs.sync()
