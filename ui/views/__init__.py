"""The window's views, in navigation order: add a feature's view with ONE line here.

Each entry is (key, title, "module:Class"). The class is imported only when the view is first
shown (the window appears before SQLAlchemy is loaded), and built as `Class(ctx)` with the
`ViewContext` below. A view is a QWidget with `refresh()` (called each time it is shown);
it may also offer `new_record()` (Ctrl+N), `focus_search()` (Ctrl+F) and
`delete_selected()` (Delete). Titles are marked with QT_TRANSLATE_NOOP("Views", ...).

Example, for the minutes feature:
    ViewSpec("meetings", QT_TRANSLATE_NOOP("Views", "Reuniones"), "ui.views.meetings:MeetingsView"),
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class ViewSpec:
    key: str
    source_title: str  # Spanish; translated by title()
    target: str  # "module:Class"

    def title(self) -> str:
        return QCoreApplication.translate("Views", self.source_title)

    def build(self, ctx: ViewContext):
        module, name = self.target.split(":")
        return getattr(importlib.import_module(module), name)(ctx)


VIEWS: list[ViewSpec] = [
    ViewSpec("dashboard", QT_TRANSLATE_NOOP("Views", "Panel"), "ui.views.dashboard:DashboardView"),
    ViewSpec(
        "commitments",
        QT_TRANSLATE_NOOP("Views", "Compromisos"),
        "ui.views.commitments:CommitmentsView",
    ),
    ViewSpec("meetings", QT_TRANSLATE_NOOP("Views", "Reuniones"), "ui.meetings.view:MeetingsView"),
    # Headed "Reportes de los aliados"; a short name here keeps the list narrow at 150 %.
    ViewSpec(
        "reporting", QT_TRANSLATE_NOOP("Views", "Reportes"), "ui.reporting.view:ReportingView"
    ),
    ViewSpec("partners", QT_TRANSLATE_NOOP("Views", "Entidades"), "ui.views.partners:PartnersView"),
    ViewSpec(
        "territory", QT_TRANSLATE_NOOP("Views", "Territorio"), "ui.views.territory:TerritoryView"
    ),
    ViewSpec("programs", QT_TRANSLATE_NOOP("Views", "Programas"), "ui.views.programs:ProgramsView"),
    ViewSpec(
        "indicators",
        QT_TRANSLATE_NOOP("Views", "Indicadores"),
        "ui.indicators.view:IndicatorsView",
    ),
    ViewSpec("reports", QT_TRANSLATE_NOOP("Views", "Informes"), "ui.views.reports:ReportsView"),
    ViewSpec(
        "personal_data",
        QT_TRANSLATE_NOOP("Views", "Datos personales"),
        "ui.personal_data.view:PersonalDataView",
    ),
    ViewSpec(
        "settings", QT_TRANSLATE_NOOP("Views", "Configuración"), "ui.views.settings:SettingsView"
    ),
]


def spec(key: str) -> ViewSpec:
    return next(v for v in VIEWS if v.key == key)


@dataclass
class ViewContext:
    """What a view gets: the operations helper, preferences, and the window to navigate."""

    ops: Any  # ui.operations.Operations
    prefs: Any  # ui.prefs.Preferences
    window: Any  # ui.main_window.MainWindow: show_view(key), show_commitments(filter)
    extras: dict[str, Callable] = field(default_factory=dict)

    @property
    def db(self):
        return self.ops.db
