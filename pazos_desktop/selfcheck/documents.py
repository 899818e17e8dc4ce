"""Self-check steps that write the real documents and read them back (PDF text, xlsx cells).

One step per document the program writes; each is listed in the self-check's summary.
"""

from __future__ import annotations

from pathlib import Path

from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents.manual.chapters import CHAPTERS, problems
from pazos_desktop.documents.manual.pdf import write_manual
from pazos_desktop.documents.meeting_pdfs import export_attendance, export_minutes
from pazos_desktop.documents.report_file import save_report
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template, write_workbook
from pazos_desktop.excel.data import load_partner_sheets, load_workbook_data, sheet_context
from pazos_desktop.excel.indicators.export import export_indicators
from pazos_desktop.excel.partner.mail import write_email_draft
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import file_name, write_partner_sheet
from pazos_desktop.files import FileBatch
from pazos_desktop.i18n import N_, _, ngettext
from pazos_desktop.selfcheck.runner import DOCUMENT, checks
from pazos_desktop.services.components import list_components
from pazos_desktop.services.meetings.listing import MeetingFilter, list_meetings
from pazos_desktop.services.meetings.minutes import attendance_document
from pazos_desktop.services.meetings.snapshots import current_snapshot
from pazos_desktop.services.report.coordination import ReportRequest, gather_report


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def _first_meeting(session, year: int):
    """The year's first acta (the sample always has one), whatever its series."""
    return list_meetings(session, MeetingFilter(year=year))[-1]


@checks(DOCUMENT, N_("acta (PDF)"))
def check_minutes_pdf(ctx) -> str:
    """The current year's first acta as PDF, parsed back."""
    year = ctx.today.year
    with ctx.database().session() as session:
        first = _first_meeting(session, year)
        path = export_minutes(
            session, year, first.number, ctx.workdir / "acta.pdf", "es", series=first.series
        )
    pages, text = _pdf_text(path)
    expected = f"Página {pages} de {pages}"
    if f"{first.number:03d}" not in text or expected not in text:
        raise RuntimeError(_("el acta no se leyó completa ({what})").format(what=expected))
    return ngettext(
        "acta de {n} página escrita y leída", "acta de {n} páginas escrita y leída", pages
    ).format(n=pages)


@checks(DOCUMENT, N_("planilla de asistencia (PDF)"))
def check_attendance_pdf(ctx) -> str:
    """The attendance sheet of the same meeting: its title and first attendee, parsed back."""
    year = ctx.today.year
    with ctx.database().session() as session:
        first = _first_meeting(session, year)
        doc = attendance_document(session, first.id, "es")
        path = export_attendance(
            session, year, first.number, ctx.workdir / "asistencia.pdf", "es", series=first.series
        )
    pages, text = _pdf_text(path)
    first = doc.expected[0].name.split()[0] if doc.expected else ""
    if "PLANILLA DE ASISTENCIA" not in text or first not in text:
        raise RuntimeError(_("la planilla de asistencia no se leyó completa"))
    people = ngettext("{p} persona", "{p} personas", len(doc.expected)).format(p=len(doc.expected))
    return ngettext(
        "planilla de asistencia de {n} página y {people} escrita y leída",
        "planilla de asistencia de {n} páginas y {people} escrita y leída",
        pages,
    ).format(n=pages, people=people)


@checks(DOCUMENT, N_("acta aprobada (PDF guardado al aprobarla)"))
def check_approved_acta(ctx) -> str:
    """An approved acta of the sample: exported twice, the same bytes, its SHA-256 as stored."""
    import hashlib

    from sqlalchemy import select

    with ctx.database().session() as session:
        query = select(Meeting).where(Meeting.status == "approved").order_by(Meeting.id)
        meeting = session.scalars(query).first()
        if meeting is None:
            raise RuntimeError(_("la muestra no tiene actas aprobadas"))

        lang = current_snapshot(session, meeting.id).lang  # the language it was approved in
        args = dict(lang=lang, series=meeting.series)
        first = export_minutes(
            session, meeting.year, meeting.number, ctx.workdir / "a1.pdf", **args
        )
        again = export_minutes(
            session, meeting.year, meeting.number, ctx.workdir / "a2.pdf", **args
        )
        digest = meeting.approved_pdf_sha256
    data = first.read_bytes()
    if data != again.read_bytes() or hashlib.sha256(data).hexdigest() != digest:
        raise RuntimeError(_("el acta aprobada no es la guardada al aprobarla"))
    return _("acta aprobada exportada dos veces: el mismo archivo, con su huella SHA-256")


def _gather_report(ctx):
    start = ctx.today.replace(month=1, day=1)
    with ctx.database().session() as session:
        return gather_report(session, ReportRequest(date_from=start, date_to=ctx.today))


@checks(DOCUMENT, N_("informe de coordinación (PDF)"))
def check_report_pdf(ctx) -> str:
    report = _gather_report(ctx)
    path = save_report(report, ctx.workdir / "informe.pdf", "es")
    pages, text = _pdf_text(path)
    if f"Página {pages} de {pages}" not in text:
        raise RuntimeError(_("el informe no se leyó completo"))
    return ngettext(
        "informe de {n} página escrito y leído", "informe de {n} páginas escrito y leído", pages
    ).format(n=pages)


@checks(DOCUMENT, N_("informe de coordinación (Excel)"))
def check_report_xlsx(ctx) -> str:
    report = _gather_report(ctx)
    path = save_report(report, ctx.workdir / "informe.xlsx", "es")
    sheets, cells, formulas = _xlsx_census(path)
    if formulas:
        raise RuntimeError(_("el Excel contiene {n} fórmulas").format(n=formulas))
    return _("informe Excel de {n} hojas y {c} celdas escrito y leído, sin fórmulas").format(
        n=sheets, c=cells
    )


def _xlsx_census(path: Path) -> tuple[int, int, int]:
    """Sheets, non-empty cells and formula cells, read back with openpyxl."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        cells = formulas = 0
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        cells += 1
                        formulas += getattr(cell, "data_type", None) == "f"
        return len(workbook.sheetnames), cells, formulas
    finally:
        workbook.close()


@checks(DOCUMENT, N_("hoja de compromisos de una entidad (Excel)"))
def check_partner_sheet_xlsx(ctx) -> str:
    """A partner's commitment sheet, written and read back by the return import (unchanged)."""
    with ctx.database().session() as session:
        data = load_partner_sheets(session)[0]
        path = ctx.workdir / file_name(data)
        write_partner_sheet(data, path)
        preview = preview_progress(session, [path], on=ctx.today)
    sheets, cells, formulas = _xlsx_census(path)
    if formulas or not preview.ok or preview.changes or not data.commitments:
        raise RuntimeError(_("la hoja de la entidad no se leyó igual a como se escribió"))
    return _("hoja de compromisos de {n} filas escrita y leída, sin fórmulas").format(
        n=len(data.commitments)
    )


@checks(DOCUMENT, N_("libro completo (Excel)"))
def check_workbook_xlsx(ctx) -> str:
    """The whole register, read back by the bulk import: as exported, it changes nothing."""
    path = ctx.workdir / "registro.xlsx"
    with ctx.database().session() as session:
        write_workbook(load_workbook_data(session, on=ctx.today), path)
        preview = preview_bulk(session, path)
    sheets, cells, formulas = _xlsx_census(path)
    same = preview.unchanged
    if formulas or not preview.ok or preview.changes or preview.conflicts or not same:
        raise RuntimeError(_("el libro completo no se leyó igual a como se escribió"))
    return _("libro completo de {n} hojas escrito y leído: {r} filas, ninguna cambia").format(
        n=sheets, r=same
    )


@checks(DOCUMENT, N_("plantilla de carga masiva (Excel)"))
def check_bulk_template_xlsx(ctx) -> str:
    """The empty bulk template, read back by the bulk import: no problem, nothing to change."""
    path = ctx.workdir / "plantilla.xlsx"
    with ctx.database().session() as session:
        context = sheet_context(session, ctx.today)
        write_template(context, [c.name() for c in list_components(session)], path)
        preview = preview_bulk(session, path)
    sheets, _cells, formulas = _xlsx_census(path)
    if formulas or not preview.ok or preview.changes:
        raise RuntimeError(_("la plantilla de carga masiva no se leyó como se escribió"))
    return _("plantilla de carga masiva de {n} hojas escrita y leída").format(n=sheets)


@checks(DOCUMENT, N_("libro de indicadores (Excel)"))
def check_indicators_xlsx(ctx) -> str:
    """`export indicators`: sheets, values and populations with their HXL row, read back by
    the bulk import (nothing changes)."""
    path = ctx.workdir / "indicadores.xlsx"
    with ctx.database().session() as session:
        export_indicators(session, path)
        preview = preview_bulk(session, path)
    sheets, _cells, formulas = _xlsx_census(path)
    if formulas or not preview.ok or preview.changes or preview.conflicts or not preview.unchanged:
        raise RuntimeError(_("el libro de indicadores no se leyó igual a como se escribió"))
    return _("libro de indicadores de {n} hojas escrito y leído: {r} filas, ninguna cambia").format(
        n=sheets, r=preview.unchanged
    )


@checks(DOCUMENT, N_("borrador de correo de una entidad (.eml)"))
def check_partner_email_draft(ctx) -> str:
    """A partner's e-mail draft, read back by Python's e-mail parser: the sheet attached."""
    from email import policy
    from email.parser import BytesParser

    with ctx.database().session() as session:
        data = load_partner_sheets(session)[0]
    sheet = ctx.workdir / file_name(data)
    write_partner_sheet(data, sheet)
    with FileBatch() as batch:
        draft = write_email_draft(data, sheet, batch)
        batch.commit()
    with draft.open("rb") as fh:
        message = BytesParser(policy=policy.default).parse(fh)
    attached = [part.get_content() for part in message.iter_attachments()]
    if attached != [sheet.read_bytes()] or not message["Subject"]:
        raise RuntimeError(_("el borrador de correo no lleva la hoja de la entidad"))
    return _("borrador de correo escrito y leído, con la hoja adjunta")


@checks(DOCUMENT, N_("manual de usuario (PDF)"))
def check_manual_pdf(ctx) -> str:
    """The user manual the program carries: every picture and link there, and its PDF."""
    missing = problems()
    if missing:
        raise RuntimeError("; ".join(missing[:3]))
    pages, text = _pdf_text(write_manual(ctx.workdir / "manual.pdf", ctx.today))
    if f"Página {pages} de {pages}" not in text or "Contenido" not in text:
        raise RuntimeError(_("el manual no se leyó completo"))
    return _("manual de {n} capítulos y {pages} páginas escrito y leído").format(
        n=len(CHAPTERS), pages=pages
    )
