"""The window's lists (commitments, partners, meetings), filtered and ordered as shown, as
sheets to write to Excel (`writers/xlsx/lists.py`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.domain.meetings import meeting_status_label, series_label
from pazos_desktop.domain.vocabulary import partner_type_label, status_label
from pazos_desktop.i18n import _
from pazos_desktop.services import partners
from pazos_desktop.services.commitments import search
from pazos_desktop.services.meetings import listing as meeting_list
from pazos_desktop.writers.xlsx.lists import ListSheet


def commitment_sheet(
    session: Session, f: search.CommitmentFilter, sort: str, descending: bool, note: str = ""
) -> ListSheet:
    on = today_in(session)
    ids = search.commitment_ids(session, f, sort, descending, on)
    rows = []
    for start in range(0, len(ids), 500):
        for r in search.commitment_rows(session, ids[start : start + 500], on):
            rows.append(
                [
                    r.id,
                    r.partner_name,
                    r.contact_name,
                    r.component_name,
                    r.clusters,
                    r.title,
                    r.program_name,
                    r.unit,
                    r.target_quantity,
                    r.achieved_quantity,
                    r.amount_cop,
                    r.start_date,
                    r.due_date,
                    status_label(r.effective_status),
                ]
            )
    headers = [
        _("ID"),
        _("Entidad"),
        _("Responsable"),
        _("Componente"),
        _("Clústeres"),
        _("Compromiso"),
        _("Programa"),
        _("Unidad"),
        _("Meta"),
        _("Logrado"),
        _("Valor (COP)"),
        _("Fecha de inicio"),
        _("Fecha límite"),
        _("Estado"),
    ]
    widths = [7, 30, 22, 18, 22, 50, 22, 12, 9, 9, 14, 12, 12, 13]
    return ListSheet(_("Compromisos"), headers, rows, widths, note)


def partner_sheet(
    session: Session, include_archived: bool, text: str | None, note: str = ""
) -> ListSheet:
    found = partners.list_partners(session, include_archived=include_archived, text=text)
    rows = [
        [
            p.id,
            p.name,
            p.acronym,
            partner_type_label(p.type),
            p.contacts,
            p.commitments,
            p.overdue,
            _("Sí") if p.archived else _("No"),
        ]
        for p in found
    ]
    headers = [
        _("ID"),
        _("Nombre"),
        _("Sigla"),
        _("Tipo"),
        _("Contactos"),
        _("Compromisos"),
        _("Vencidos"),
        _("Archivada"),
    ]
    return ListSheet(_("Entidades"), headers, rows, [7, 45, 12, 28, 11, 13, 10, 10], note)


def meeting_sheet(session: Session, f: meeting_list.MeetingFilter, note: str = "") -> ListSheet:
    rows = [
        [
            m.label,
            m.date,
            series_label(m.series or m.type),  # the body, as the list shows it
            m.place,
            meeting_status_label(m.status),
            m.attendees,
            m.agreed,
        ]
        for m in meeting_list.list_meetings(session, f)
    ]
    headers = [
        _("Acta"),
        _("Fecha"),
        _("Tipo"),
        _("Lugar"),
        _("Estado"),
        _("Asistentes"),
        _("Compromisos acordados"),
    ]
    return ListSheet(_("Reuniones"), headers, rows, [24, 12, 26, 36, 12, 11, 12], note)
