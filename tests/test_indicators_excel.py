"""Indicator sheets in Excel: HXL tags read back by two readers, the full workbook and
`export indicators` re-imported unchanged, values corrected by key through `import bulk`
(a new version, the earlier one kept), and bad rows reported with sheet, row and column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from pazos_desktop.cli import main as cli_main
from pazos_desktop.db.models.indicators import Indicator, IndicatorValue, Population
from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template, write_workbook
from pazos_desktop.excel.data import load_workbook_data, sheet_context
from pazos_desktop.services.indicators import values as indicator_values
from tests.excel_support import TODAY, calamine_rows, formula_count, sample_db, sample_template

__all__ = ["sample_db", "sample_template"]

REQUIRED_TAGS = {
    "#indicator+code",
    "#indicator+name",
    "#indicator+num",
    "#indicator+denom",
    "#indicator+value",
    "#loc",
    "#date+reported",
    "#meta+source",
}
SHEETS = ("Indicadores", "Población", "Valores de indicadores")


def _export(db, path: Path) -> Path:
    code = cli_main(["--db", db.url, "export", "indicators", "--out", str(path)])
    assert code == 0
    return path


def _bulk(db, path: Path, **kw):
    with db.session() as s:
        preview = preview_bulk(s, path)
        result = apply_bulk(s, preview, **kw) if preview.ok else None
    return preview, result


def _count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _columns(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1]}


def test_indicator_sheets_carry_hxl_tags_read_back_by_two_readers(sample_db, tmp_path):
    path = _export(sample_db, tmp_path / "ind.xlsx")
    wb = load_workbook(path, read_only=True)
    assert [n for n in wb.sheetnames if n in SHEETS] == list(SHEETS)
    values = calamine_rows(path, "Valores de indicadores")
    header, tags = values[0], values[1]
    assert REQUIRED_TAGS <= set(tags)
    assert header[tags.index("#indicator+code")] == "Código del indicador"
    sheets = calamine_rows(path, "Indicadores")
    assert {"#indicator+code", "#indicator+name", "#meta+source"} <= set(sheets[1])
    assert calamine_rows(path, "Población")[1][:4] == [
        "#meta+id",
        "#loc",
        "#date+year",
        "#population",
    ]
    # The sample's homicide rate of 2011: first published as 107 (no counts), then corrected
    # with its 289 homicides in 294,600 people (98.1): both versions are in the sheet.
    first_year = [r for r in values[2:] if r[1] == "HOM-01" and str(r[4]) == "2011"
                  and r[3] == "Municipio (total)"]  # fmt: skip
    by_tag = {t: i for i, t in enumerate(tags)}
    assert [(r[by_tag["#indicator+value"]], r[by_tag["#meta+version"]]) for r in first_year] == [
        (107, 1),
        ("", 2),
    ]
    assert round(first_year[1][by_tag["#indicator+value+calculated"]], 1) == 98.1
    assert formula_count(path) == 0


def test_full_workbook_and_indicator_export_reimport_unchanged(sample_db, tmp_path):
    with sample_db.session() as s:
        write_workbook(load_workbook_data(s, on=TODAY), tmp_path / "w.xlsx")
    for path in (tmp_path / "w.xlsx", _export(sample_db, tmp_path / "i.xlsx")):
        preview, result = _bulk(sample_db, path)
        assert preview.ok, preview.problems[:3]
        assert (preview.changes, preview.conflicts) == ([], [])
        assert preview.unchanged >= _count(sample_db, IndicatorValue)


def test_values_corrected_by_key_are_new_versions(sample_db, tmp_path):
    path = _export(sample_db, tmp_path / "i.xlsx")
    wb = load_workbook(path)
    ws = wb["Valores de indicadores"]
    col = _columns(ws)
    target = next(
        r for r in range(3, ws.max_row + 1)
        if ws.cell(r, col["Código del indicador"]).value == "FO-01"
        and ws.cell(r, col["Vigente"]).value == "Sí"
    )  # fmt: skip
    old_id = ws.cell(target, col["ID"]).value
    before = ws.cell(target, col["Numerador"]).value
    ws.cell(target, col["Numerador"]).value = before - 1  # a corrected figure
    new_row = ws.max_row + 1  # a new value, identified by its key (no ID)
    for header, value in {
        "Código del indicador": "HOM-01",
        "Territorio": "Municipio (total)",
        "Periodo": str(TODAY.year),
        "Numerador": 20,
        "Fuente": "Policía (ejemplo)",
    }.items():
        ws.cell(new_row, col[header]).value = value
    wb.save(path)
    values_before = _count(sample_db, IndicatorValue)
    preview, result = _bulk(sample_db, path)
    assert preview.ok, preview.problems
    assert sorted(c.action for c in preview.changes) == ["create", "update"]
    update = next(c for c in preview.changes if c.action == "update")
    assert [(f.field, f.old, f.new) for f in update.fields] == [
        ("Numerador", str(before), str(before - 1))
    ]
    assert (result.created, result.updated) == (1, 1)
    assert _count(sample_db, IndicatorValue) == values_before + 2  # the earlier one stays
    with sample_db.session() as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "FO-01"))
        rows = [v for v in indicator_values.list_values(s, ind.id) if v.id == old_id]
        assert rows[0].is_current is False
        newer = s.scalar(
            select(IndicatorValue).where(
                IndicatorValue.indicator_id == ind.id,
                IndicatorValue.period_start == rows[0].period_start,
                IndicatorValue.cluster_id == rows[0].cluster_id,
                IndicatorValue.is_current.is_(True),
            )
        )
        assert (newer.data_version, newer.numerator) == (2, before - 1)
    again, _r = _bulk(sample_db, path)  # the same file again changes nothing
    assert again.ok and again.changes == [] and again.conflicts == []


def test_bad_rows_are_problems_and_nothing_changes(sample_db, tmp_path):
    path = _export(sample_db, tmp_path / "i.xlsx")
    wb = load_workbook(path)
    ws = wb["Valores de indicadores"]
    col = _columns(ws)
    rows = [
        ("HOM-99", "Municipio (total)", "2020", 3),
        ("HOM-01", "Clúster inexistente", "2020", 3),
        ("HOM-01", "Clúster 1 (ejemplo)", "2020-05", 3),
        ("LES-01", "Municipio (total)", "2020", "1,500"),
    ]
    first = ws.max_row + 1
    for offset, (code, place, period, numerator) in enumerate(rows):
        for header, value in {
            "Código del indicador": code,
            "Territorio": place,
            "Periodo": period,
            "Numerador": numerator,
        }.items():
            ws.cell(first + offset, col[header]).value = value
    wb.save(path)
    before = (_count(sample_db, IndicatorValue), _count(sample_db, Population))
    preview, result = _bulk(sample_db, path)
    assert result is None and len(preview.problems) == 4
    found = {(p.row, p.column): p.message for p in preview.problems}
    assert "No existe el indicador «HOM-99»" in found[(first, "Código del indicador")]
    assert "No existe el clúster" in found[(first + 1, "Territorio")]
    assert "anual" in found[(first + 2, "Periodo")]
    assert "es ambiguo" in found[(first + 3, "Numerador")]  # 1500 or 1.5: the one parser asks
    assert all(p.sheet == "Valores de indicadores" for p in preview.problems)
    assert (_count(sample_db, IndicatorValue), _count(sample_db, Population)) == before


def test_new_sheet_and_its_values_in_one_file(sample_db, tmp_path):
    path = tmp_path / "plantilla.xlsx"
    with sample_db.session() as s:
        write_template(sheet_context(s, TODAY), [], path)
    wb = load_workbook(path)
    assert {"Indicadores", "Valores de indicadores", "Población"} <= set(wb.sheetnames)
    sheet, values = wb["Indicadores"], wb["Valores de indicadores"]
    assert sheet.cell(2, 2).value == "#indicator+code"  # the HXL row of the template
    cols, vcols = _columns(sheet), _columns(values)
    for header, value in {
        "Código": "EMP-01",
        "Nombre": "Jóvenes vinculados a un empleo",
        "Nivel": "Resultado",
        "Periodicidad": "Trimestral",
        "Regla de agregación": "Suma",
        "Sentido": "Mayor es mejor",
        "Entidad responsable": "SIDOC",
    }.items():
        sheet.cell(3, cols[header]).value = value
    for r, quarter in enumerate(("T1", "T2"), start=3):
        for header, value in {
            "Código del indicador": "emp-01",
            "Territorio": "Clúster 2 (ejemplo)",
            "Periodo": f"{TODAY.year - 1}-{quarter}",
            "Valor": 12 + r,
        }.items():
            values.cell(r, vcols[header]).value = value
    wb.save(path)
    preview, result = _bulk(sample_db, path)
    assert preview.ok, preview.problems
    assert (result.created, result.updated) == (3, 0)
    with sample_db.session() as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "EMP-01"))
        assert ind.periodicity == "quarterly" and ind.partner_id is not None
        listed = indicator_values.list_values(s, ind.id)
        assert sorted(v.period_text for v in listed) == [
            f"{TODAY.year - 1}-T1",
            f"{TODAY.year - 1}-T2",
        ]
