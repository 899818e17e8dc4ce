"""Actions shared by the list and the editor: load the choices, export and open the PDFs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import interaction


def tr(text: str) -> str:
    return QCoreApplication.translate("Meetings", text)


@dataclass
class Choices:
    """What the editor's combos offer: contacts, clusters, partners, components."""

    contacts: list[tuple[str, int]] = field(default_factory=list)
    clusters: list[tuple[str, int]] = field(default_factory=list)
    partners: list[tuple[str, int, str | None]] = field(default_factory=list)  # with acronyms
    components: list[tuple[str, int]] = field(default_factory=list)
    series: list[tuple[str, str]] = field(default_factory=list)  # (label, key) of every series


def load_choices(session) -> Choices:
    from pazos_desktop.i18n import get_language
    from pazos_desktop.services import components, partners, territory

    partner_rows = partners.list_partners(session)
    contacts = [(f"{c.name} — {c.partner_name}", c.id) for c in partners.list_contacts(session)]
    english = get_language() == "en"
    return Choices(
        series=series_choices(session),
        contacts=sorted(contacts),
        clusters=[(c.name, c.id) for c in territory.list_clusters(session)],
        partners=[(p.name, p.id, p.acronym) for p in partner_rows if not p.archived],
        components=[
            (c.name_en if english else c.name_es, c.id) for c in components.list_components(session)
        ],
    )


def series_choices(session) -> list[tuple[str, str]]:
    """Each meeting type's own series, then the names typed for other bodies."""
    from sqlalchemy import select

    from pazos_desktop.db.models.meetings import Meeting
    from pazos_desktop.domain.meetings import MeetingType, series_label

    keys = [t.value for t in MeetingType]
    typed = session.scalars(select(Meeting.series).distinct().order_by(Meeting.series))
    keys += [k for k in typed if k and k not in keys]
    return [(series_label(k), k) for k in keys]


def export_document(
    ops, parent: QWidget, kind: str, year: int, number: int, series: str | None = None
) -> None:
    """Check the header settings and the characters first (document_checks), then ask where
    to save the acta ("minutes") or attendance sheet, write it and open it."""
    from pazos_desktop.i18n import get_language
    from ui.dialogs.document_checks import prepare_export

    lang = get_language()

    def problems(session):
        from pazos_desktop.documents import meeting_pdfs as meeting_export

        check = (
            meeting_export.minutes_problems
            if kind == "minutes"
            else meeting_export.attendance_problems
        )
        return check(session, year, number, lang, series)

    def run(fn, done):
        ops.run(fn, success=done, parent=parent)

    prepare_export(
        run, parent, lambda: save_document(ops, parent, kind, year, number, series), problems
    )


def save_document(
    ops, parent: QWidget, kind: str, year: int, number: int, series: str | None = None
) -> None:
    from pazos_desktop.domain.meetings import attendance_file_name, minutes_file_name
    from pazos_desktop.i18n import get_language

    name = (minutes_file_name if kind == "minutes" else attendance_file_name)(
        number, year, series or ""
    )
    title = tr("Guardar acta en PDF") if kind == "minutes" else tr("Guardar planilla de asistencia")
    path = interaction.save_file(parent, title, str(Path.home() / name), "PDF (*.pdf)")
    if not path:
        return
    lang = get_language()

    def write(session):
        from pazos_desktop.documents import meeting_pdfs as meeting_export

        fn = (
            meeting_export.export_minutes if kind == "minutes" else meeting_export.export_attendance
        )
        return fn(session, year, number, path, lang, series=series)

    def written(result) -> None:
        done = (
            tr("Acta guardada en {path}")
            if kind == "minutes"
            else tr("Planilla de asistencia guardada en {path}")
        )
        interaction.inform(parent, title, done.format(path=result), str(result))

    ops.job(title, lambda job: job.in_session(write, read_only=True), written, parent=parent)
