"""The partner package: a sheet readable on paper (≥ 8 pt on Letter landscape, checked in the
PDF LibreOffice prints), a cover with the reporting period, return date and the coordinator's
e-mail, dates validated, long texts not clipped, and an e-mail draft per partner."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

import pytest
from openpyxl import load_workbook

from pazos_desktop.cli import main
from pazos_desktop.excel.data import default_period, load_partner_sheets
from pazos_desktop.excel.partner.sheets import write_partner_sheet
from pazos_desktop.excel.partner.validations import excel_serial
from pazos_desktop.services.report.filters import resolve_partners
from pazos_desktop.services.settings import set_setting
from tests.excel_support import SOFFICE, TODAY, libreoffice_convert, sample_db, sample_template
from tests.pdf_support import median_word_height, pdf_pages, render_png

__all__ = ["sample_db", "sample_template"]
RETURN = TODAY + dt.timedelta(days=10)


def _sidoc(db, **period):
    with db.session() as s:
        set_setting(s, "coordinator_email", "pazos@palmira.gov.co")
        ids = resolve_partners(s, ["SIDOC"])
        chosen = default_period(s, TODAY, return_by=RETURN, **period)
        return load_partner_sheets(s, ids, on=TODAY, period=chosen)[0]


def test_cover_period_return_date_and_address(sample_db, tmp_path):
    data = _sidoc(sample_db, date_from=dt.date(2026, 11, 1))
    path = tmp_path / "s.xlsx"
    write_partner_sheet(data, path)
    cover = {r[0]: r[1] for r in load_workbook(path)["Portada"].iter_rows(values_only=True) if r}
    assert cover["Periodo que se reporta"] == f"avances del 01/11/2026 al {RETURN:%d/%m/%Y}"
    assert cover["Devolver a más tardar el"] == RETURN.strftime("%d/%m/%Y")
    assert cover["Enviar a"] == "pazos@palmira.gov.co"
    assert any("pazos@palmira.gov.co a más tardar" in str(v) for v in cover.values())


def test_default_period_starts_after_the_last_meeting(sample_db):
    with sample_db.session() as s:
        from sqlalchemy import func, select

        from pazos_desktop.db.models.meetings import Meeting

        last = s.scalar(select(func.max(Meeting.date)).where(Meeting.date < TODAY))
        period = default_period(s, TODAY)
    assert period.date_from == last + dt.timedelta(days=1)
    assert period.return_by == TODAY + dt.timedelta(days=7) == period.date_to


def test_dates_validated_structure_locked_rows_tall_enough(sample_db, tmp_path):
    data = _sidoc(sample_db)
    data.commitments[0].title = "Jornadas de convivencia con jóvenes del barrio " * 9
    path = tmp_path / "s.xlsx"
    write_partner_sheet(data, path)
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    dates = next(v for v in ws.data_validations.dataValidation if v.type == "date")
    assert dates.operator == "between" and "M4" in str(dates.sqref)
    assert int(dates.formula2) == excel_serial(RETURN + dt.timedelta(days=31))
    assert int(dates.formula1) < excel_serial(TODAY)
    assert wb.security.lockStructure  # the hidden sheets cannot be shown by accident
    assert ws.column_dimensions["B"].hidden  # the component: the group headings say it
    row = next(r[0].row for r in ws.iter_rows(min_row=4) if r[0].value == data.commitments[0].id)
    assert ws.row_dimensions[row].height >= 8 * 15  # 440 characters in a 30-wide column
    assert ws.row_dimensions[3].height >= 45  # the header's wrapped labels


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_printed_by_libreoffice_at_eight_points_or_more(sample_db, tmp_path, artifacts):
    data = _sidoc(sample_db)
    path = tmp_path / "hoja.xlsx"
    write_partner_sheet(data, path)
    pdf = libreoffice_convert(path, tmp_path / "lo", "pdf")
    pages = pdf_pages(pdf)
    sheet_pages = [n for n, p in enumerate(pages, 1) if "Fecha límite" in p]
    assert sheet_pages and len(pages) == 1 + len(sheet_pages)  # cover + one page wide
    for number in sheet_pages:
        assert median_word_height(pdf, number) >= 8.0  # was about 6.7 with 14 columns
        assert "Fundación SIDOC" in pages[number - 1] and "Página" in pages[number - 1]
    render_png(pdf, artifacts / "partner_sheet_print", 1, 2, dpi=70)


def test_email_drafts_from_the_command_line(sample_db, tmp_path, capsys):
    with sample_db.session() as s:
        set_setting(s, "coordinator_email", "pazos@palmira.gov.co")
    out = tmp_path / "hojas"
    argv = ["--db", sample_db.url, "export", "partner-sheets", "--out", str(out)]
    argv += ["--partner", "SIDOC", "--email-drafts", "--return-by", RETURN.isoformat()]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    [sheet] = list(out.glob("*.xlsx"))
    [draft] = list(out.glob("*.eml"))
    assert draft.stem == sheet.stem and "borrador de correo" in printed
    msg = BytesParser(policy=policy.default).parse(draft.open("rb"))
    assert msg["X-Unsent"] == "1"
    assert "pazos@palmira.gov.co" in msg["From"] and msg["Reply-To"] == "pazos@palmira.gov.co"
    assert "Fundación SIDOC" in msg["Subject"] and RETURN.strftime("%d/%m/%Y") in msg["Subject"]
    assert "@" in msg["To"]
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == sheet.name
    assert attachment.get_content() == sheet.read_bytes()
    text = msg.get_body(("plain",)).get_content()
    assert "Compromisos vencidos (" in text and "próximos 30 días" in text
    assert f"a más tardar el {RETURN:%d/%m/%Y}" in text
    with sample_db.session() as s:
        data = load_partner_sheets(s, resolve_partners(s, ["SIDOC"]))[0]
    from pazos_desktop.excel.partner.mail import overdue_and_due_soon

    overdue, soon = overdue_and_due_soon(data)
    for row in overdue + soon:
        assert f"[{row.id}] {row.title}" in text
