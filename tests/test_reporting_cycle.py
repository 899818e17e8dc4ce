"""The reporting cycle through the command line and the services: periods as people write them,
Colombian business days to the due date, and one partner's report going through every state —
sent (sheet exported), received (returned sheet imported, the file kept), sent back with a
remark per row (the sheet written again with *Observaciones de la coordinación* and an e-mail
draft), received again, accepted — each change in the history; overdue follows the dates; an
older sheet without a period, a sheet of an accepted period and evidence named in the sheet."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop import clock
from pazos_desktop.cli import main
from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.db.models.reporting import Evidence, PartnerReport, StoredFile
from pazos_desktop.domain.reporting import (
    Period,
    due_date,
    effective_state,
    standard_period,
)
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.partner.apply import apply_progress
from pazos_desktop.excel.partner.returned import preview_progress
from pazos_desktop.excel.partner.sheets import KEYS
from pazos_desktop.services.reporting import periods, states, stored
from tests.excel_support import TODAY, sample_db, sample_template

__all__ = ["sample_db", "sample_template"]

NEW, COMMENT, EVIDENCE = (KEYS.index(k) + 1 for k in ("new_achieved", "comment", "evidence"))
OCTOBER = Period("2026-10", dt.date(2026, 10, 1), dt.date(2026, 10, 31))


@pytest.fixture
def cli(sample_db, monkeypatch, capsys):
    """`main.py --db <sample> …` on the sample's day (the command line reads the one clock)."""
    monkeypatch.setattr(clock, "system_clock", clock.clock_on(TODAY))

    def run(*args) -> tuple[int, str]:
        code = main(["--db", sample_db.url, *args])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, code, start, end",
    [
        ("2026-11", "2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ("11/2026", "2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ("2026-T4", "2026-T4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        ("t4 2026", "2026-T4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        ("2028-02", "2028-02", dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
    ],
)
def test_periods_as_people_write_them(typed, code, start, end):
    assert standard_period(typed) == Period(code, start, end)


def test_a_period_that_is_not_one_is_refused_with_an_example(sample_db):
    with sample_db.session() as s, pytest.raises(PazosError, match="«2026-T4»"):
        periods.resolve_period(s, "noviembre")
    assert standard_period("2026") is None  # a year is not a reporting period


def test_due_dates_skip_colombian_holidays():
    # October 2026 ends on a Saturday; 2 and 16 November are holidays (All Saints', Cartagena).
    assert due_date(OCTOBER, 10) == dt.date(2026, 11, 17)
    assert due_date(standard_period("2026-12"), 5) == dt.date(2027, 1, 8)  # 1 and 6 January
    assert effective_state("sent", dt.date(2026, 11, 17), dt.date(2026, 11, 18)) == "overdue"
    assert effective_state("received", dt.date(2026, 11, 17), dt.date(2026, 11, 18)) == "received"


# --- one report through every state -----------------------------------------------------------


def _fill(path: Path, values: dict[int, dict[int, object]], out: Path | None = None) -> Path:
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    for row in ws.iter_rows(min_row=4):
        for col, value in values.get(row[0].value, {}).items():
            ws.cell(row[0].row, col).value = value
    wb.save(out or path)
    return out or path


def _state(db, code: str, partner_id: int) -> str:
    with db.session() as s:
        return s.scalar(
            select(PartnerReport.state).where(
                PartnerReport.period_code == code, PartnerReport.partner_id == partner_id
            )
        )


def _open_rows(db, path: Path) -> list[tuple[int, float]]:
    """Open commitments (reporting on them raises no doubt) begun by October's end (a row
    without a date is dated then), each with a new cumulative figure a little above its own."""
    from pazos_desktop.db.models.register import Commitment

    ws = load_workbook(path, read_only=True)["Compromisos"]
    achieved = KEYS.index("achieved")
    rows = {
        r[0]: (r[achieved] or 0) + 1
        for r in ws.iter_rows(min_row=4, values_only=True)
        if isinstance(r[0], int)
    }
    with db.session() as s:
        ok = set(
            s.scalars(
                select(Commitment.id).where(
                    Commitment.id.in_(list(rows)),
                    Commitment.status.in_(["pipeline", "in_progress"]),
                    Commitment.start_date <= OCTOBER.end,
                )
            )
        )
    return [(cid, more) for cid, more in rows.items() if cid in ok]


def _waiting(db, period: Period) -> int:
    """A partner whose report for `period` has not come in, with two open commitments at
    least (which partner that is depends on the sample's seed)."""
    from sqlalchemy import func

    from pazos_desktop.db.models.register import Commitment

    with db.session() as s:
        lines = states.period_lines(s, period, TODAY)
        open_ = dict(
            s.execute(
                select(Commitment.partner_id, func.count())
                .where(
                    Commitment.status.in_(["pipeline", "in_progress"]),
                    Commitment.start_date <= period.end,
                )
                .group_by(Commitment.partner_id)
            ).all()
        )
    waiting = [x.partner_id for x in lines if x.stored in ("pending", "sent")]
    return next(p for p in waiting if open_.get(p, 0) >= 2)


def test_a_report_through_every_state_from_the_command_line(cli, sample_db, tmp_path):
    out = tmp_path / "hojas"
    partner = _waiting(sample_db, OCTOBER)
    code, text = cli("export", "partner-sheets", "--out", str(out), "--partner", str(partner),
                     "--period", "2026-10", "--email-drafts")  # fmt: skip
    assert code == 0, text
    assert _state(sample_db, "2026-10", partner) == "sent"
    [sheet] = out.glob("*.xlsx")
    meta = {r[0].value: r[1].value for r in load_workbook(sheet)["_pazos"].iter_rows()}
    assert (meta["period_code"], meta["period_end"]) == ("2026-10", "2026-10-31")
    (first, more), (second, _more) = _open_rows(sample_db, sheet)[:2]
    (out / "lista.pdf").write_bytes(b"%PDF-1.4\n% lista de asistencia\n")
    _fill(sheet, {first: {NEW: more, COMMENT: "Taller con 40 jóvenes", EVIDENCE: "lista.pdf"}})
    code, text = cli("import", "progress", str(sheet))
    assert code == 0 and "Reportes recibidos: 1; archivos de evidencia guardados: 1." in text
    assert _state(sample_db, "2026-10", partner) == "received"
    with sample_db.session() as s:
        kept = s.scalars(select(StoredFile).where(StoredFile.report_id.is_not(None))).one()
        assert stored.read_all(s, kept.id) == sheet.read_bytes()  # the file itself is kept
        evidence = s.scalars(select(Evidence)).all()
        assert [e.name for e in evidence if e.name == "lista.pdf"] == ["lista.pdf"]
    code, text = cli("reporting", "status", "--period", "2026-10")
    assert code == 0 and "Periodo 2026-10 (octubre de 2026), plazo hasta el 17/11/2026" in text
    assert any(line.startswith(f"{partner}\t") and "Recibido" in line for line in text.splitlines())

    back = tmp_path / "devuelta"
    code, text = cli("reporting", "review", "--partner", str(partner), "--period", "2026-10",
                     "--return", "Falta la lista de asistencia",
                     "--remark", f"{first}=Adjunte la lista firmada", "--out", str(back))  # fmt: skip
    assert code == 0 and "Devuelto" in text, text
    assert _state(sample_db, "2026-10", partner) == "returned"
    [returned] = back.glob("*.xlsx")
    ws = load_workbook(returned)["Compromisos"]
    header = [c.value for c in ws[3]]
    remark_col = header.index("Observaciones de la coordinación")
    by_id = {r[0].value: r[remark_col].value for r in ws.iter_rows(min_row=4)}
    assert by_id[first] == "Adjunte la lista firmada" and by_id[second] is None
    [draft] = back.glob("*.eml")
    message = BytesParser(policy=policy.default).parse(draft.open("rb"))
    assert message["Subject"].startswith("Reporte devuelto con observaciones")
    body = message.get_body(("plain",)).get_content()
    assert "Falta la lista de asistencia" in body and "2026-10" in body
    assert [a.get_filename() for a in message.iter_attachments()] == [returned.name]

    code, text = cli(
        "reporting", "review", "--partner", str(partner), "--period", "2026-10", "--accept"
    )
    assert code == 1 and "solo se acepta un reporte recibido" in text
    again = _fill(returned, {first: {NEW: more + 1}}, tmp_path / "corregida.xlsx")
    code, text = cli("import", "progress", str(again))
    assert code == 0 and _state(sample_db, "2026-10", partner) == "received", text
    code, text = cli(
        "reporting", "review", "--partner", str(partner), "--period", "2026-10", "--accept"
    )
    assert code == 0 and "Aceptado" in text
    with sample_db.session() as s:
        report_id = s.scalar(select(PartnerReport.id).where(PartnerReport.partner_id == partner,
                                                            PartnerReport.period_code == "2026-10"))  # fmt: skip
        changes = s.execute(
            select(HistoryEntry.old_value, HistoryEntry.new_value).where(
                HistoryEntry.entity == "partner_report",
                HistoryEntry.entity_id == report_id,
                HistoryEntry.field == "state",
            ).order_by(HistoryEntry.id)
        ).all()  # fmt: skip
    path = [new for _old, new in changes]
    assert path == ["pending", "sent", "received", "returned", "received", "accepted"]


def test_an_accepted_or_earlier_sheet_is_a_conflict_and_old_sheets_assume_a_period(
    sample_db,
    tmp_path,
):
    from pazos_desktop.excel.partner import outgoing
    from pazos_desktop.excel.partner.sheets import write_partner_sheet

    partner = _waiting(sample_db, OCTOBER)
    with sample_db.session() as s:
        [data] = outgoing.sheets_for(s, OCTOBER, [partner])
    path = tmp_path / "octubre.xlsx"
    write_partner_sheet(data, path)
    first = _open_rows(sample_db, path)[0][0]
    _fill(path, {first: {COMMENT: "Sin novedad en el barrio"}})
    with sample_db.session() as s:
        states.record_reception(s, OCTOBER, partner, "antes.xlsx")
        states.accept(s, OCTOBER, partner)
    later = dt.date(2027, 1, 20)  # two periods on: October's sheet is an earlier one too
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=later)
        [conflict] = preview.conflicts
        assert conflict.key == f"file:{path.name}" and "ya fue aceptado" in conflict.reason
        assert "periodo anterior (2026-10)" in conflict.reason
        assert apply_progress(s, preview, on=later).receptions == 0  # not ticked: nothing
    assert _state(sample_db, "2026-10", partner) == "accepted"
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=later)
        applied = apply_progress(s, preview, accept={f"file:{path.name}"}, on=later)
        assert applied.receptions == 1 and applied.progress == 1
    assert _state(sample_db, "2026-10", partner) == "received"
    # A sheet made before periods existed: the period asked about that day is assumed.
    old = _without_period(path, tmp_path / "vieja.xlsx")
    with sample_db.session() as s:
        preview = preview_progress(s, [old], on=TODAY)
        assert any("no dice su periodo" in n and "2026-11" in n for n in preview.notes)
        given = preview_progress(s, [old], on=TODAY, period=OCTOBER)
        assert not any("no dice su periodo" in n for n in given.notes)
        assert given.receptions[0].period == OCTOBER


def _without_period(path: Path, out: Path) -> Path:
    wb = load_workbook(path)
    ws = wb["_pazos"]
    for row in list(ws.iter_rows()):
        if row[0].value in ("period_code", "period_start", "period_end"):
            row[0].value = row[1].value = None
    wb.save(out)
    return out


def test_evidence_named_in_the_sheet_is_checked_before_anything_applies(sample_db, tmp_path):
    from pazos_desktop.excel.partner import outgoing
    from pazos_desktop.excel.partner.sheets import write_partner_sheet

    partner = _waiting(sample_db, OCTOBER)
    with sample_db.session() as s:
        [data] = outgoing.sheets_for(s, OCTOBER, [partner])
    path = tmp_path / "hoja.xlsx"
    write_partner_sheet(data, path)
    first = _open_rows(sample_db, path)[0][0]
    (tmp_path / "instalador.exe").write_bytes(b"MZ\x90\x00")
    (tmp_path / "acta.pdf").write_bytes(b"MZ disguised as a PDF")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 100)
    names = "foto.jpg; instalador.exe; acta.pdf; no-esta.pdf; ../../etc/passwd.pdf"
    _fill(path, {first: {COMMENT: "Jornada", EVIDENCE: names}})
    with sample_db.session() as s:
        preview = preview_progress(s, [path], on=TODAY)
        assert preview.ok and preview.changes == []
        [conflict] = preview.conflicts
        reason = conflict.reason
        assert "«instalador.exe» es un programa" in reason and "«acta.pdf» es un programa" in reason
        assert "«no-esta.pdf» no está en la carpeta" in reason
        assert "«../../etc/passwd.pdf» no está en la carpeta" in reason
        assert conflict.changes[0].payload["evidence"] == [str(tmp_path / "foto.jpg")]
        result = apply_progress(s, preview, accept={conflict.key}, on=TODAY)
        assert result.evidence == 1
        [kept] = s.scalars(select(Evidence)).all()[-1:]
        assert kept.name == "foto.jpg" and kept.personal_data  # marked until a person says not


def test_tile_and_reminders(cli, sample_db, tmp_path):
    with sample_db.session() as s:
        tile = states.tile(s, TODAY)
        lines = states.period_lines(s, tile.period, TODAY)
    assert tile.period.code == "2026-10" and tile.expected == len(lines) > 0
    assert tile.received == sum(1 for x in lines if x.stored in ("received", "accepted"))
    assert tile.overdue == sum(1 for x in lines if x.state == "overdue") > 0
    assert tile.evidence_bytes > 0 and tile.unaccepted > 0  # the sample's
    out = tmp_path / "recordatorios"
    code, text = cli("reporting", "remind", "--period", "2026-10", "--out", str(out))
    owed = [x for x in lines if x.stored in ("pending", "sent", "returned")]
    assert code == 0 and f"Periodo 2026-10: {len(owed)} entidades sin reporte." in text
    drafts = sorted(out.glob("*.eml"))
    assert len(drafts) == len(owed)
    message = BytesParser(policy=policy.default).parse(drafts[0].open("rb"))
    assert message["Subject"].startswith("Recordatorio")
    assert [a.get_filename() for a in message.iter_attachments()][0].endswith(".xlsx")
