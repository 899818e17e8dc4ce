"""Exporting the list a view shows: the filtered commitments, partners and meetings, read back
from the xlsx (numbers as numbers, dates as dates, text as text)."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from pazos_desktop.documents import list_export
from pazos_desktop.services.commitments.search import CommitmentFilter, commitment_ids
from pazos_desktop.services.meetings.listing import MeetingFilter
from pazos_desktop.writers.xlsx.lists import ListSheet, write_list
from tests.meetings_fixtures import sample_db, sample_template  # noqa: F401


def _rows(path):
    ws = load_workbook(path, read_only=True).active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_filtered_commitments_in_their_order(sample_db, tmp_path):  # noqa: F811
    f = CommitmentFilter(statuses=["overdue"])
    with sample_db.session() as s:
        sheet = list_export.commitment_sheet(s, f, "due_date", False, "Estado: Vencido")
        expected = commitment_ids(s, f, "due_date", False)
    path = write_list(sheet, tmp_path / "vencidos.xlsx")
    rows = _rows(path)
    assert rows[0][0] == "Compromisos" and rows[1][0] == "Estado: Vencido"
    assert rows[3][:2] == ["ID", "Entidad"]
    body = rows[4:]
    assert [r[0] for r in body] == expected and {r[13] for r in body} == {"Vencido"}
    assert isinstance(body[0][12], dt.datetime) and isinstance(body[0][8], int | float | None)


def test_partners_and_meetings(sample_db, tmp_path):  # noqa: F811
    with sample_db.session() as s:
        partners = list_export.partner_sheet(s, False, "fundación")
        meetings = list_export.meeting_sheet(s, MeetingFilter())
    rows = _rows(write_list(partners, tmp_path / "e.xlsx"))[4:]
    assert rows and all("Fundación" in r[1] for r in rows)
    rows = _rows(write_list(meetings, tmp_path / "r.xlsx"))[4:]
    assert rows[0][0].startswith("Acta No.") and isinstance(rows[0][1], dt.datetime)


def test_typed_text_stays_text(tmp_path):
    sheet = ListSheet("Lista", ["Nombre"], [['=HYPERLINK("x")'], ["+57 300"]])
    ws = load_workbook(write_list(sheet, tmp_path / "t.xlsx")).active
    assert ws["A5"].data_type == "s" and ws["A5"].value == '=HYPERLINK("x")'
