"""Acronyms unique regardless of case and accents, at every door; one partner resolver that
refuses a value naming several partners; the migration that makes existing duplicates unique."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db.database import Database, _revision_graph, downgrade, upgrade
from pazos_desktop.db.models.register import HistoryEntry, Partner
from pazos_desktop.errors import ValidationError
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template
from pazos_desktop.excel.data import sheet_context
from pazos_desktop.services.report.filters import resolve_partners
from tests import factories as f
from tests.conftest import database_on

REVISION = "0007_acronym_key"


def test_an_acronym_differing_only_in_case_or_accents_is_refused(session):
    f.partner(session, "Fundación SIDOC", acronym="SIDOC")
    for acronym in ("sidoc", "Sídoc", " SIDOC "):
        with pytest.raises(ValidationError) as err:
            f.partner(session, f"Otra {acronym.strip()}", acronym=acronym)
        assert err.value.fields["acronym"] == (
            f"Sigla: ya existe una entidad con la sigla «{acronym.strip()}»."
        )
    own = f.partner(session, "Pastoral Social", acronym="PSP")
    own.acronym = "psp"  # a partner may change the case of its own acronym
    from pazos_desktop.services.partners import save_partner

    assert save_partner(session, own).acronym == "psp"
    assert session.scalar(select(Partner.acronym_key).where(Partner.id == own.id)) == "psp"


def test_two_rows_of_a_bulk_file_cannot_share_an_acronym(db, tmp_path):
    path = tmp_path / "t.xlsx"
    with db.session() as s:
        f.partner(s, "Fundación SIDOC", acronym="SIDOC")
        write_template(sheet_context(s), ["Prevención"], path)
    wb = load_workbook(path)
    ws = wb["Entidades"]
    headers = [c.value for c in ws[1]]
    for name, acronym in (("Sidoc Ltda.", "sídoc"), ("Nueva Uno", "NU"), ("Nueva Dos", "nu")):
        row = {"Nombre": name, "Sigla": acronym, "Tipo de entidad": "Sector privado"}
        ws.append([row.get(h) for h in headers])
    wb.save(path)
    with db.session() as s:
        preview = preview_bulk(s, path)
    assert [(p.row, p.column, p.message) for p in preview.problems] == [
        (3, "Sigla", "Sigla: ya existe una entidad con la sigla «sídoc»."),
        (5, "Sigla", "Sigla: ya existe una entidad con la sigla «nu»."),
    ]


def test_a_value_naming_several_partners_is_refused_listing_them(
    session, db_path, capsys, tmp_path
):
    sidoc = f.partner(session, "Fundación SIDOC", acronym="SIDOC")
    other = f.partner(session, "Sidoc", acronym="SDC")  # named as the other's acronym
    session.commit()
    assert resolve_partners(session, ["SDC", str(sidoc.id), "fundacion sidoc"]) == [
        other.id,
        sidoc.id,
        sidoc.id,
    ]
    with pytest.raises(ValidationError) as err:
        resolve_partners(session, ["sidoc"])
    message = err.value.fields["partner"]
    assert message == (
        f"«sidoc» corresponde a varias entidades: Fundación SIDOC (SIDOC), id {sidoc.id}; "
        f"Sidoc (SDC), id {other.id}. Use su id."
    )
    for command in (
        ["export", "report", "--from", "2026-01-01", "--to", "2026-06-30"]
        + ["--out", str(tmp_path / "x.pdf")],
        ["export", "partner-sheets", "--out", str(tmp_path / "hojas")],
    ):
        code = cli_main(["--db", str(db_path), *command, "--partner", "SIDOC"])
        assert code == 1 and "corresponde a varias entidades" in capsys.readouterr().err


@pytest.mark.sqlite_only  # edits the file the way the old program could
def test_the_migration_makes_existing_duplicates_unique_and_says_so(db_path):
    """A database of before the acronym revision may hold "SIDOC" and "sidoc": the older keeps it,
    the newer gets its id appended, and the history tells the coordinators."""
    db = database_on(db_path)
    with db.session() as s:
        first = f.partner(s, "Fundación SIDOC", acronym="SIDOC").id
        second = f.partner(s, "Sidoc Ltda.", acronym="plain").id
        third = f.partner(s, "Otra", acronym="ÁBC").id
    downgrade(db.engine, _revision_graph()[REVISION])  # to just before the acronym key
    db.dispose()
    con = sqlite3.connect(db_path)
    with con:  # what the old program allowed
        con.execute("UPDATE partner SET acronym = 'sídoc' WHERE id = ?", (second,))
    con.close()
    db = Database(str(db_path), actor="pytest")
    upgrade(db.engine)
    with db.session() as s:
        rows = dict(s.execute(select(Partner.id, Partner.acronym)).all())
        keys = dict(s.execute(select(Partner.id, Partner.acronym_key)).all())
        assert rows == {first: "SIDOC", second: f"sídoc ({second})", third: "ÁBC"}
        assert keys == {first: "sidoc", second: f"sidoc ({second})", third: "abc"}
        note = s.scalars(select(HistoryEntry).where(HistoryEntry.actor == "migración")).one()
        assert (note.entity_id, note.field, note.old_value, note.new_value) == (
            second,
            "acronym",
            "sídoc",
            f"sídoc ({second})",
        )
        assert "Sigla repetida" in note.reason
    db.dispose()
