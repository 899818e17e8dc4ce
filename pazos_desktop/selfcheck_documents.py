"""Self-check steps that write the real documents and read them back (PDF text, xlsx cells)."""

from __future__ import annotations

from pathlib import Path

from .i18n import _


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def check_minutes_pdf(ctx) -> str:
    """Acta No. 001 of the current year (the sample always has it) as PDF, parsed back."""
    from .services.meeting_export import export_minutes

    year = ctx.today.year
    with ctx.database().session() as session:
        path = export_minutes(session, year, 1, ctx.workdir / "acta.pdf", "es")
    pages, text = _pdf_text(path)
    expected = f"Página {pages} de {pages}"
    if "001" not in text or expected not in text:
        raise RuntimeError(_("el acta no se leyó completa ({what})").format(what=expected))
    return _("acta de {n} páginas escrita y leída").format(n=pages)


def _gather_report(ctx):
    from .services.report import ReportRequest, gather_report

    start = ctx.today.replace(month=1, day=1)
    with ctx.database().session() as session:
        return gather_report(session, ReportRequest(date_from=start, date_to=ctx.today))


def check_report_pdf(ctx) -> str:
    from .writers.report_file import save_report

    report = _gather_report(ctx)
    path = save_report(report, ctx.workdir / "informe.pdf", "es")
    pages, text = _pdf_text(path)
    if f"Página {pages} de {pages}" not in text:
        raise RuntimeError(_("el informe no se leyó completo"))
    return _("informe de {n} páginas escrito y leído").format(n=pages)


def check_report_xlsx(ctx) -> str:
    from .writers.report_file import save_report

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


def check_partner_sheet_xlsx(ctx) -> str:
    """A partner's commitment sheet, written and read back by the return import (unchanged)."""
    from .excel.data import load_partner_sheets
    from .excel.partner_sheets import file_name, write_partner_sheet
    from .excel.progress_import import preview_progress

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
