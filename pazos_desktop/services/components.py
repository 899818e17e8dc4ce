"""The strategy's components (ejes): seeded by the first migration, names editable."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Component
from pazos_desktop.domain.records import COMPONENT
from pazos_desktop.i18n import _, get_language
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
)


@dataclass
class ComponentData:
    code: int
    name_es: str
    name_en: str
    description_es: str | None = None
    description_en: str | None = None
    id: int | None = None
    version: int | None = None

    def name(self, lang: str | None = None) -> str:
        return self.name_en if (lang or get_language()) == "en" else self.name_es

    def description(self, lang: str | None = None) -> str | None:
        return self.description_en if (lang or get_language()) == "en" else self.description_es


FIELDS = ["code", "name_es", "name_en", "description_es", "description_en"]


def _data(c: Component) -> ComponentData:
    return ComponentData(**{f: getattr(c, f) for f in FIELDS}, id=c.id, version=c.version)


def list_components(session: Session) -> list[ComponentData]:
    return [_data(c) for c in session.scalars(select(Component).order_by(Component.code))]


def component_name_column(lang: str | None = None):
    """The SQL column holding component names in the current language."""
    return Component.name_en if (lang or get_language()) == "en" else Component.name_es


def save_component(session: Session, data: ComponentData) -> ComponentData:
    c = Checker()
    values = c.record(COMPONENT, vars(data), FIELDS[1:])
    c.raise_if_any()
    new = {"code": data.code}
    component = create_or_update(session, Component, data, _("El componente"), values, new)
    session.flush()
    return _data(component)
