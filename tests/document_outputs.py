"""Every document the program writes, made once per run from the Palmira sample with real header
settings (the 149-character organisation name of a Palmira corporation, a tall logo, code
GDC-F-012, version 03), through the command line as users make them: the PDFs (an approved
acta as frozen and drawn again in A4, a draft acta in Letter and A4, an attendance sheet of ten
people, the report, a person's data in both languages) and the workbooks (report, full workbook,
indicators, bulk template, a partner sheet, a list export).

Load with `pytest_plugins = ["document_outputs"]`; the fixtures are session-wide, so the
archival, page-flow, printing and HXL tests share one set of files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.documents.list_export import commitment_sheet
from pazos_desktop.i18n import set_language
from pazos_desktop.services.commitments.search import CommitmentFilter
from pazos_desktop.services.settings import set_setting
from pazos_desktop.writers.xlsx.lists import write_list
from tests.conftest import SUITE_TODAY, copy_database, database_on, sample_template_for
from tests.pdf_support import write_png

# As Palmira's offices type it (../shared/corpus/inputs.json, "long_official_names").
ORG_NAME = (
    "Corporación para el Desarrollo Integral de la Juventud y la Convivencia Pacífica del Valle "
    "del Cauca y el Suroccidente Colombiano - Seccional Palmira"
)
DOC_CODE, DOC_VERSION = "GDC-F-012", "03"


@dataclass
class Outputs:
    folder: Path
    db_target: str
    pdfs: dict[str, Path] = field(default_factory=dict)
    workbooks: dict[str, Path] = field(default_factory=dict)
    approved: tuple[int, int, str] = (0, 0, "")  # number, year, series
    draft: tuple[int, int, str] = (0, 0, "")


@pytest.fixture(scope="session")
def house_outputs(migrated_template, tmp_path_factory) -> Outputs:
    folder = tmp_path_factory.mktemp("house")
    sample = sample_template_for(SUITE_TODAY, migrated_template, tmp_path_factory)
    target = str(copy_database(sample, folder / "house.sqlite", keep=True))
    out = Outputs(folder, target)
    db = database_on(target, SUITE_TODAY)
    with db.session() as s:
        for key, value in {
            "org_name": ORG_NAME,
            "org_logo": str(write_png(folder / "logo.png", 60, 240)),  # tall
            "doc_code": DOC_CODE,
            "doc_version": DOC_VERSION,
            "doc_approval_date": "2025-02-14",
        }.items():
            set_setting(s, key, value)
        out.approved, out.draft = _actas(s)
        sheet = commitment_sheet(s, CommitmentFilter(), "id", False, "Todos los compromisos")
    db.dispose()
    out.workbooks["list"] = write_list(sheet, folder / "lista.xlsx")
    try:
        _pdfs(out)
        _workbooks(out)
    finally:
        set_language("es")
    return out


def _actas(session) -> tuple[tuple[int, int, str], tuple[int, int, str]]:
    """The first approved acta, and the draft with the most attendees."""
    approved = session.execute(
        select(Meeting.number, Meeting.year, Meeting.series)
        .where(Meeting.status == "approved")
        .order_by(Meeting.date)
    ).first()
    count = func.count(MeetingAttendee.id)
    draft = session.execute(
        select(Meeting.number, Meeting.year, Meeting.series)
        .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
        .where(Meeting.status == "draft")
        .group_by(Meeting.id)
        .order_by(count.desc(), Meeting.id)
    ).first()
    return tuple(approved), tuple(draft)


def _run(out: Outputs, *argv: str, lang: str = "es") -> None:
    assert cli_main(["--db", out.db_target, "--lang", lang, *argv]) == 0, argv


def _acta(out: Outputs, which: tuple, name: str, kind: str = "minutes", **opts) -> None:
    number, year, series = which
    path = out.folder / f"{name}.pdf"
    argv = ["export", kind, "--meeting", str(number), "--year", str(year), "--series", series]
    argv += ["--out", str(path), "--page-size", opts.get("size", "letter")]
    _run(out, *argv, lang=opts.get("lang", "es"))
    out.pdfs[name] = path


def _pdfs(out: Outputs) -> None:
    _acta(out, out.approved, "acta_frozen")  # the stored copy (approved in Letter)
    _acta(out, out.approved, "acta_frozen_a4", size="a4")  # drawn again from the snapshot
    _acta(out, out.draft, "acta_letter")
    _acta(out, out.draft, "acta_a4", size="a4")
    _acta(out, out.draft, "acta_en", size="letter", lang="en")
    _acta(out, out.draft, "attendance", kind="attendance")
    _acta(out, out.draft, "attendance_a4_en", kind="attendance", size="a4", lang="en")
    year = SUITE_TODAY.year
    period = ["--from", dt.date(year, 1, 1).isoformat(), "--to", dt.date(year, 12, 31).isoformat()]
    for name, size, lang in (("report_a4", "a4", "es"), ("report_en", "letter", "en")):
        path = out.folder / f"{name}.pdf"
        _run(out, "export", "report", *period, "--out", str(path), "--page-size", size, lang=lang)
        out.pdfs[name] = path
    for lang, size in (("es", "letter"), ("en", "a4")):
        path = out.folder / f"person_{lang}.pdf"
        argv = ["personal-data", "export", "--contact", "1", "--out", str(path)]
        _run(out, *argv, "--page-size", size, lang=lang)
        out.pdfs[f"person_{lang}"] = path
    out.workbooks["report"] = out.folder / "informe.xlsx"
    _run(out, "export", "report", *period, "--out", str(out.workbooks["report"]))


def _workbooks(out: Outputs) -> None:
    for name, argv in (
        ("workbook", ["export", "workbook"]),
        ("indicators", ["export", "indicators"]),
        ("template", ["template", "bulk"]),
    ):
        out.workbooks[name] = out.folder / f"{name}.xlsx"
        _run(out, *argv, "--out", str(out.workbooks[name]))
    sheets = out.folder / "hojas"
    _run(out, "export", "partner-sheets", "--out", str(sheets), "--partner", "SIDOC")
    [out.workbooks["partner"]] = sheets.glob("*.xlsx")
