"""The full workbook and the bulk import: HXL, second reader, re-import, template, rejections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db.models.register import Commitment, HistoryEntry, Partner
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.rules import Bad, check_commitment, load_index
from pazos_desktop.excel.bulk.workbook import write_template, write_workbook
from pazos_desktop.excel.data import load_workbook_data, sheet_context
from pazos_desktop.services.commitments import editing as commitments
from tests.excel_support import (
    SOFFICE,
    TODAY,
    calamine_rows,
    db_state,
    formula_count,
    libreoffice_convert,
    sample_db,
    sample_template,
)

__all__ = ["sample_db", "sample_template"]


def _workbook(db, path: Path, hxl: bool = True) -> Path:
    with db.session() as s:
        data = load_workbook_data(s, on=TODAY)
    write_workbook(data, path, hxl=hxl)
    return path


def _bulk(db, path: Path, **apply_kw):
    with db.session() as s:
        preview = preview_bulk(s, path)
        result = apply_bulk(s, preview, **apply_kw) if preview.ok else None
    return preview, result


def test_workbook_sheets_hxl_and_second_reader(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == [
        "Entidades",
        "Contactos",
        "Clústeres",
        "Barrios",
        "Programas",
        "Compromisos",
        "Avances",
        "Reportes de los aliados",  # the reporting cycle's states, partner by period
        "Indicadores",  # the indicator sheets (tests/test_indicators_excel.py)
        "Población",
        "Valores de indicadores",
        "Matriz",
        "Listas",
        "_pazos",
    ]
    rows = calamine_rows(path, "Compromisos")
    assert rows[1][:3] == ["#activity+id", "#org+name", "#sector"]
    assert {"#targeted", "#reached", "#value+budget", "#date+start", "#date+end", "#status"} <= set(
        rows[1]
    )
    with sample_db.session() as s:
        total = s.scalar(select(func.count()).select_from(Commitment))
        first = s.get(Commitment, int(rows[2][0]))
        assert len(rows) - 2 == total
        assert rows[2][6] == first.title and rows[2][13] == first.due_date
    matrix = calamine_rows(path, "Matriz")
    assert matrix[1][0] == "Clúster" and matrix[1][-1] == "Total"
    assert formula_count(path) == 0
    plain = calamine_rows(_workbook(sample_db, tmp_path / "n.xlsx", hxl=False), "Compromisos")
    assert not str(plain[1][0]).startswith("#") and len(plain) == total + 1


def test_reimporting_the_workbook_changes_nothing(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    before = db_state(sample_db)
    preview, result = _bulk(sample_db, path)
    assert preview.ok and preview.changes == [] and preview.conflicts == []
    assert preview.unchanged > 150 and result.total == 0
    assert db_state(sample_db) == before


def test_edited_workbook_updates_and_creates(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    wb = load_workbook(path)
    ws = wb["Compromisos"]
    edited_id = ws["A3"].value
    ws["G3"].value = "Título corregido"
    ws["O3"].value = "Cumplido"
    ws["D3"].value = "Todos los clústeres"
    new_row = [None, "WRI Colombia", "Prevención", "Clúster 1 (ejemplo); Clúster 2 (ejemplo)"]
    new_row += [None, None, "Compromiso nuevo importado", None, "talleres", 10, 2, 1_500_000]
    new_row += [dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31), "En ejecución"]
    ws.append(new_row)
    wb["Entidades"]["G3"].value = "+57 602 0000000"
    wb.save(path)
    preview, result = _bulk(sample_db, path)
    assert preview.ok and (result.created, result.updated) == (1, 2)
    with sample_db.session() as s:
        edited = commitments.get_commitment(s, edited_id)
        assert (edited.title, edited.status, edited.all_clusters) == (
            "Título corregido",
            "completed",
            True,
        )
        assert edited.cluster_ids == []
        new = s.scalars(select(Commitment).where(Commitment.title.like("Compromiso nuevo%"))).one()
        assert len(new.clusters) == 2 and new.amount_cop == 1_500_000 and new.version == 1
        fields = dict(
            s.execute(
                select(HistoryEntry.field, HistoryEntry.new_value).where(
                    HistoryEntry.entity == "commitment", HistoryEntry.entity_id == edited_id
                )
            ).all()
        )
        assert fields["title"] == "Título corregido" and fields["status"] == "completed"
        assert s.scalar(select(Partner.phone).where(Partner.id == 1)) == "+57 602 0000000"
    again, result = _bulk(sample_db, path)
    assert again.changes == [] and result.total == 0


def test_stale_workbook_row_is_a_conflict(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    wb = load_workbook(path)
    row_id = wb["Compromisos"]["A3"].value
    wb["Compromisos"]["G3"].value = "Cambio desde el libro"
    wb.save(path)
    with sample_db.session() as s:
        c = commitments.get_commitment(s, row_id)
        c.notes = "cambiado en la base"
        commitments.save_commitment(s, c)
    preview, result = _bulk(sample_db, path)
    assert [c.key for c in preview.conflicts] == [f"commitments:{row_id}"]
    assert result.total == 0 and result.skipped_conflicts == 1
    _preview, forced = _bulk(sample_db, path, accept_all=True)
    assert forced.updated == 1


def test_template_filled_creates_then_updates_by_key(sample_db, tmp_path):
    path = tmp_path / "t.xlsx"
    with sample_db.session() as s:
        write_template(sheet_context(s, TODAY), ["Prevención"], path)
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Instrucciones" and wb["Compromisos"]["A2"].value == "#activity+id"
    wb["Entidades"].append([None, "Fundación Nueva", "FN", "Fundación / ONG", "800197268-4"])
    wb["Contactos"].append([None, "FN", "Laura Ríos", "Directora", "laura@fn.example.org"])
    wb["Clústeres"].append([None, "Clúster Nuevo", "Importado"])
    wb["Barrios"].append([None, "Barrio Nuevo", "Comuna 9", "Clúster Nuevo"])
    wb["Programas"].append([None, "Programa Nuevo", "Fundación Nueva", "Prevención"])
    wb["Compromisos"].append(
        [None, "Fundación Nueva", "3", "Clúster Nuevo", "Programa Nuevo", "Laura Ríos"]
        + ["Escuelas de paz", None, "estudiantes", 40, None, None, "01/02/2026", "30/11/2026"]
    )
    wb.save(path)
    preview, result = _bulk(sample_db, path)
    assert preview.ok, [str(p) for p in preview.problems]
    assert result.created == 6
    with sample_db.session() as s:
        c = s.scalars(select(Commitment).where(Commitment.title == "Escuelas de paz")).one()
        assert c.partner.name == "Fundación Nueva" and c.contact.name == "Laura Ríos"
        assert c.program.name == "Programa Nuevo" and c.status == "pipeline"
        assert c.due_date == dt.date(2026, 11, 30) and c.partner.nit == "800197268-4"
    again, result = _bulk(sample_db, path)
    assert again.changes == [] and again.unchanged == 6 and result.total == 0


BAD_ROWS = [
    (["WRI Colombia", "Prevención", "Clúster 1 (ejemplo)"], {}, "Entidad", "No existe la entidad"),
    (["Fundación SIDOC", "Prevención", "Clúster 1 (ejemplo)"], {14: "Listo"}, "Estado", "Estado:"),
    (["Fundación SIDOC", "Prevención", "Clúster 1 (ejemplo)"], {9: -3}, "Meta", "negativo"),
    (["Fundación SIDOC", "Prevención", ""], {}, "Clústeres", "elija al menos uno"),
    (["Fundación SIDOC", "Prevención", "Clúster X"], {}, "Clústeres", "No existe el clúster"),
    (["Fundación SIDOC", "Seguridad", "Clúster 1 (ejemplo)"], {}, "Componente", "componente"),
    (
        ["Fundación SIDOC", "Prevención", "Clúster 1 (ejemplo)"],
        {12: "2026-07-01"},
        "Fecha límite",
        "anterior",
    ),
    (
        ["Fundación SIDOC", "Prevención", "Clúster 1 (ejemplo)"],
        {13: "mañana"},
        "Fecha límite",
        "fecha válida",
    ),
]


@pytest.mark.parametrize("start, extra, column, message", BAD_ROWS)
def test_bad_bulk_rows_are_problems_and_change_nothing(
    sample_db, tmp_path, start, extra, column, message
):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    wb = load_workbook(path)
    row = [None, *start, None, None, "Compromiso con error", None, "u", 5, 0, None]
    row += ["01/06/2026", "30/06/2026", "En ejecución"]
    if start[0] == "WRI Colombia":
        row[1] = "Entidad inexistente"
    for index, value in extra.items():
        row[index] = value
    wb["Compromisos"].append(row)
    wb.save(path)
    before = db_state(sample_db)
    preview, result = _bulk(sample_db, path)
    assert result is None and len(preview.problems) == 1, [str(p) for p in preview.problems]
    problem = preview.problems[0]
    assert problem.sheet == "Compromisos" and problem.column == column
    assert problem.row == wb["Compromisos"].max_row and message in problem.message
    assert db_state(sample_db) == before


def test_missing_column_and_other_files(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    wb = load_workbook(path)
    wb["Compromisos"].delete_cols(7)  # "Compromiso" (the title)
    wb.save(path)
    preview, _result = _bulk(sample_db, path)
    assert any(p.column == "Compromiso" and p.row == 1 for p in preview.problems)
    from openpyxl import Workbook

    other = tmp_path / "otro.xlsx"
    Workbook().save(other)
    with sample_db.session() as s, pytest.raises(PazosError, match="formato de carga masiva"):
        preview_bulk(s, other)


def test_fast_rules_match_the_service(sample_db):
    """Rows the fast path refuses are refused by validate_commitment too, and vice versa."""
    with sample_db.session() as s:
        idx = load_index(s)
        base = {
            "partner": "Fundación SIDOC",
            "component": "Prevención",
            "clusters": "Clúster 1 (ejemplo)",
            "title": "T",
        }
        cases = [
            {},
            {"title": None},
            {"target_quantity": -1.0},
            {"amount_cop": -5.0},
            {"title": "x" * 501},
            {"unit": "u" * 101},
            {"clusters": None},
            {"start_date": dt.date(2026, 2, 1), "due_date": dt.date(2026, 1, 1)},
            {"title": "a\x02b"},
        ]
        for case in cases:
            bad = Bad()
            values = check_commitment(idx, base | case, None, bad)
            raw = base | case
            data = commitments.CommitmentData(
                partner_id=values["partner_id"],
                component_id=values["component_id"],
                title=raw["title"],
                unit=raw.get("unit"),
                target_quantity=raw.get("target_quantity"),
                amount_cop=raw.get("amount_cop"),
                start_date=raw.get("start_date"),
                due_date=raw.get("due_date"),
                cluster_ids=list(values["cluster_ids"]),
            )
            try:
                commitments.validate_commitment(s, data)
                service_ok = True
            except ValidationError:
                service_ok = False
            assert service_ok == (not bad), (case, dict(bad))


def test_cli_exports_and_imports(sample_template, tmp_path, capsys):
    from tests.conftest import copy_database

    db = str(copy_database(sample_template, tmp_path / "cli.sqlite"))
    book = tmp_path / "libro.xlsx"
    assert cli_main(["--db", db, "export", "workbook", "--out", str(book), "--no-hxl"]) == 0
    assert (
        cli_main(
            [
                "--db",
                db,
                "export",
                "partner-sheets",
                "--out",
                str(tmp_path / "h"),
                "--partner",
                "SIDOC",
            ]
        )
        == 0
    )
    assert len(list((tmp_path / "h").glob("Compromisos_Fundacion_SIDOC_*.xlsx"))) == 1
    assert cli_main(["--db", db, "template", "bulk", "--out", str(tmp_path / "t.xlsx")]) == 0
    assert cli_main(["--db", db, "import", "bulk", str(book), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Cambios: 0; conflictos: 0; problemas: 0" in out and "--dry-run" in out
    csv = tmp_path / "x.xlsx"
    csv.write_text("a,b\n")
    assert cli_main(["--db", db, "import", "progress", str(csv)]) == 1
    assert "puede ser un CSV" in capsys.readouterr().out
    assert cli_main(["--db", db, "import", "bulk", str(tmp_path / "falta.xlsx")]) == 1
    assert "No se encontró el archivo falta.xlsx" in capsys.readouterr().err


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_workbook_without_formulas(sample_db, tmp_path):
    path = _workbook(sample_db, tmp_path / "w.xlsx")
    resaved = libreoffice_convert(path, tmp_path / "lo")
    assert formula_count(resaved) == 0
    assert calamine_rows(resaved, "Compromisos")[2][:2] == calamine_rows(path, "Compromisos")[2][:2]
