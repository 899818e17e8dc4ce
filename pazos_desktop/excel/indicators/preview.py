"""The indicator sheets of a bulk file, read and previewed: sheets (fichas) by ID or code,
populations by ID or territory and year, values by ID or key (indicator, territory, period,
sex, age band). Every row is checked by the services' own rules (`validate_indicator`,
`validate_population`, `check_value`) before anything changes; a value whose figure differs
from the current one becomes its next version when applied (`apply.py`).

Called by `excel/bulk/read.py` (reading), `preview.py` (preview) and `apply.py` (writing).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from pazos_desktop import parsing
from pazos_desktop.clock import today_in
from pazos_desktop.domain.fields import REFS_SEPARATOR, Kind
from pazos_desktop.domain.records import INDICATOR, INDICATOR_VALUE, POPULATION
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import ValidationError
from pazos_desktop.excel import reader
from pazos_desktop.excel.bulk.format import column_lookup
from pazos_desktop.excel.bulk.rows import (
    BulkRow,
    BulkSheet,
    check_missing_columns,
    header_columns,
    is_hxl_row,
)
from pazos_desktop.excel.indicators.lookup import current_values, values_by_id
from pazos_desktop.excel.indicators.sheets import DECLARED, KEYS, SPECS, spec_for_name
from pazos_desktop.excel.preview import Change, Conflict, FieldChange, Preview, show
from pazos_desktop.i18n import _, translate
from pazos_desktop.services.common import Checker
from pazos_desktop.services.indicators import sheets as indicators
from pazos_desktop.services.indicators.sheets import (
    MUNICIPALITY_LABEL,
    IndicatorData,
    PopulationData,
)
from pazos_desktop.services.indicators.values import FIGURES, ValueData, check_value, decide

__all__ = ["KEYS", "SPECS", "preview_sheets", "read_sheet", "spec_for_name"]

MUNICIPALITY = {fold(translate(MUNICIPALITY_LABEL, lang)) for lang in ("es", "en")} | {
    fold("Municipio"),
    fold("Municipality"),
}


# --- reading ----------------------------------------------------------------------------------


def read_sheet(ws, name: str, spec, path, preview: Preview) -> BulkSheet:
    """Rows of one indicator sheet with their cells as typed: numbers and dates are parsed by
    the field declarations later, so a cell and a window field go through the same parser."""
    lookup, declared = column_lookup(spec), DECLARED[spec.key]
    sheet, positions = BulkSheet(spec, name, {}), {}
    for number, values in reader.rows(ws, path):
        if number == 1:
            positions = header_columns(values, lookup)
            sheet.columns = {c.key: c for c in positions.values()}
            check_missing_columns(sheet, path, preview)
            continue
        if number == 2 and is_hxl_row(values) or _blank(values):
            continue
        row = {}
        for index, col in positions.items():
            raw = values[index] if index < len(values) else None
            try:
                row[col.key] = _cell(col, declared, raw)
            except parsing.ParseError as exc:
                preview.problem(path.name, name, number, sheet.label(col.key), exc.message)
                row[col.key] = None
        sheet.rows.append(BulkRow(number, row))
    return sheet


def _blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


# Read as typed: the declared field parses them with the rest of the row's rules.
AS_TYPED = (Kind.FIGURE, Kind.COUNT, Kind.YEAR, Kind.DATE)


def _cell(col, declared, raw):
    if col.key not in declared:  # the row's ID and version
        return parsing.parse_whole(raw)
    kind = declared[col.key].kind
    if kind == Kind.BOOL:
        return parsing.parse_bool(raw)
    if kind in AS_TYPED:
        return raw  # checked by the declarations (domain/records/indicator.py)
    return parsing.parse_text(raw)


# --- preview ----------------------------------------------------------------------------------


def preview_sheets(session: Session, idx, sheets: dict[str, BulkSheet], preview, file) -> None:
    """Add the changes, conflicts and problems of the indicator sheets to `preview`."""
    run = _Preview(session, idx, preview, file)
    for spec in SPECS:
        if spec.key in sheets:
            getattr(run, spec.key)(sheets[spec.key])


class _Preview:
    def __init__(self, session: Session, idx, preview: Preview, file: str):
        self.session, self.idx, self.preview, self.file = session, idx, preview, file
        self.today = today_in(session)
        self.sheets = {fold(i.code): i for i in indicators.list_indicators(session)}
        self.by_id = {i.id: i for i in self.sheets.values()}
        self.seen: set = set()

    # -- shared ---------------------------------------------------------------------------------

    def _problem(self, sheet: BulkSheet, row: BulkRow, key: str, message: str) -> None:
        label = sheet.label(key) if key in sheet.columns or _known(sheet, key) else None
        self.preview.problem(self.file, sheet.title, row.number, label, message)

    def _problems(self, sheet, row, fields: dict[str, str]) -> None:
        for key, message in fields.items():
            self._problem(sheet, row, key, message)

    def _territory(self, sheet, row, text):
        """None for the municipality, a cluster id (or "new:" reference), or False."""
        if text is None:
            self._problem(sheet, row, "cluster_id", _("Territorio: este campo es obligatorio."))
            return False
        if fold(text) in MUNICIPALITY:
            return None
        found = self.idx.clusters.keys.get(fold(text))
        if found is None:
            self._problem(
                sheet, row, "cluster_id", _("No existe el clúster «{name}».").format(name=text)
            )
            return False
        return found

    def _change(self, sheet, row, entity, own_id, label, fields, payload, db_version) -> None:
        change = Change(
            key=f"{entity}:{own_id if own_id is not None else row.number}",
            file=self.file,
            sheet=sheet.title,
            row=row.number,
            entity=entity,
            entity_id=own_id,
            label=label,
            action="create" if own_id is None else "update",
            fields=fields or [FieldChange(_("Nuevo"), "—", label)],
            db_version=db_version,
            payload=payload,
        )
        version = row.values.get("version")
        if own_id is not None and version is not None and version != db_version:
            reason = _("Cambió en la base de datos después de exportar el archivo.")
            self.preview.conflicts.append(
                Conflict(change.key, self.file, sheet.title, row.number, label, reason, [change])
            )
        else:
            self.preview.changes.append(change)

    def _once(self, sheet, row, key) -> bool:
        if key in self.seen:
            self._problem(sheet, row, "id", _("Registro repetido en el archivo."))
            return False
        self.seen.add(key)
        return True

    # -- indicator sheets -----------------------------------------------------------------------

    def indicators(self, sheet: BulkSheet) -> None:
        for row in sheet.rows:
            self._sheet_row(sheet, row)

    def _sheet_row(self, sheet, row) -> None:
        v = row.values
        current = self._current_sheet(sheet, row, v)
        refs = self._sheet_refs(sheet, row, v) if current is not False else None
        if refs is None:
            return
        data = replace(_merged(current, v), **refs)
        try:
            cleaned = indicators.validate_indicator(self.session, _for_rules(data))
        except ValidationError as exc:
            return self._problems(sheet, row, exc.fields)
        scalars = [k for k in indicators.SCALAR_FIELDS if k in cleaned and k != "partner_id"]
        data = replace(data, **{k: cleaned[k] for k in scalars})
        key = fold(data.code)
        if not self._once(sheet, row, ("indicator", key)):
            return
        self.sheets[key] = replace(data, id=current.id if current else f"new:{key}")
        fields = _diff(INDICATOR, current, data) + self._link_diff(current, data)
        if current is not None and not fields:
            self.preview.unchanged += 1
            return
        payload = {"data": data, "ref": f"new:{key}"}
        own = current.id if current else None
        self._change(sheet, row, "indicators", own, data.code, fields, payload, _version(current))

    def _link_diff(self, current, data) -> list[FieldChange]:
        if current is None:
            return []
        idx = self.idx
        names = {
            "partner_id": idx.partners.names,
            "component_ids": idx.component_names,
            "program_ids": idx.programs.names,
            "commitment_ids": {},
        }
        out = []
        for key, known in names.items():
            old, new = getattr(current, key), getattr(data, key)
            if key == "partner_id":
                old, new = [old] if old else [], [new] if new else []
            if set(old) != set(new):
                shown = [_joined(known, old), _joined(known, new)]
                out.append(FieldChange(INDICATOR[key].name, *shown))
        return out

    def _current_sheet(self, sheet, row, v):
        if v.get("id") is not None:
            found = self.by_id.get(v["id"])
            if found is None:
                self._problem(sheet, row, "id", _unknown_id(v["id"]))
                return False
            return found
        return self.sheets.get(fold(v.get("code"))) if v.get("code") else None

    def _sheet_refs(self, sheet, row, v) -> dict | None:
        """The links a row names (only the columns the file has), as ids or new references."""
        refs, bad = {}, {}
        if "partner_id" in v:
            name = v["partner_id"]
            found = (
                self.idx.partners.keys.get(fold(name)) or self.idx.acronyms.get(fold(name))
                if name
                else None
            )
            if name and found is None:
                bad["partner_id"] = _("No existe la entidad «{name}».").format(name=name)
            refs["partner_id"] = found
        for key, table in (("component_ids", None), ("program_ids", self.idx.programs)):
            if key in v:
                refs[key] = self._names(v[key], table, key, bad)
        if "commitment_ids" in v:
            refs["commitment_ids"] = _numbers(v["commitment_ids"], bad)
        if bad:
            self._problems(sheet, row, bad)
            return None
        return refs

    def _names(self, text, table, key, bad) -> list:
        out = []
        for name in _split(text):
            found = (
                self.idx.components.get(fold(name)) if table is None else table.keys.get(fold(name))
            )
            if found is None:
                bad[key] = _("No existe «{name}».").format(name=name)
            out.append(found)
        return out

    # -- populations ----------------------------------------------------------------------------

    def populations(self, sheet: BulkSheet) -> None:
        existing = indicators.list_populations(self.session)
        by_id = {p.id: p for p in existing}
        by_key = {(p.cluster_id or 0, p.year): p for p in existing}
        for row in sheet.rows:
            v = row.values
            cluster_id = self._territory(sheet, row, v.get("cluster_id"))
            if cluster_id is False:
                continue
            current = by_id.get(v["id"]) if v.get("id") is not None else None
            if v.get("id") is not None and current is None:
                self._problem(sheet, row, "id", _unknown_id(v["id"]))
                continue
            data = PopulationData(
                cluster_id=cluster_id,
                **{
                    k: v.get(k, getattr(current, k, None))
                    for k in indicators.POPULATION_SCALARS[1:]
                },
            )
            values = self._check_population(sheet, row, data, current)
            if values is None:
                continue
            current = current or by_key.get((cluster_id or 0, values.get("year")))
            if not self._once(sheet, row, ("population", cluster_id or 0, values.get("year"))):
                continue
            fields = _diff(POPULATION, current, data, skip={"cluster_id"})
            if current is not None and not fields:
                self.preview.unchanged += 1
                continue
            own = current.id if current else None
            label = f"{v.get('cluster_id')} {values.get('year')}"
            payload = {"data": data}
            self._change(sheet, row, "populations", own, label, fields, payload, _version(current))

    def _check_population(self, sheet, row, data, current) -> dict | None:
        checked = replace(data, id=current.id if current else None)
        try:
            if _is_new(data.cluster_id):  # a cluster of this file: no population yet
                c = Checker()
                values = c.given(POPULATION, vars(checked))
                c.raise_if_any()
                return values
            return indicators.validate_population(self.session, checked)
        except ValidationError as exc:
            self._problems(sheet, row, exc.fields)
            return None

    # -- values ---------------------------------------------------------------------------------

    def indicator_values(self, sheet: BulkSheet) -> None:
        current = current_values(self.session, [i.id for i in self.by_id.values()])
        by_id = {c["id"]: c for c in current.values()}
        asked = {row.values.get("id") for row in sheet.rows} - {None} - set(by_id)
        by_id |= values_by_id(self.session, sorted(asked))  # earlier versions, in the file
        for row in sheet.rows:
            self._value_row(sheet, row, current, by_id)

    def _value_row(self, sheet, row, current: dict, by_id: dict) -> None:
        v = row.values
        ind = self.sheets.get(fold(v.get("indicator_id"))) if v.get("indicator_id") else None
        if ind is None:
            message = _("No existe el indicador «{code}».").format(code=v.get("indicator_id"))
            return self._problem(sheet, row, "indicator_id", message)
        cluster_id = self._territory(sheet, row, v.get("cluster_id"))
        if cluster_id is False:
            return
        data = ValueData(
            indicator_id=ind.id,
            cluster_id=cluster_id,
            **{k: v.get(k) for k in ("period_start", "sex", "age_band", *FIGURES, "notes")},
        )
        try:
            values = check_value(data, _for_rules(ind), self.today)
        except ValidationError as exc:
            return self._problems(sheet, row, exc.fields)
        values["indicator_id"] = ind.id  # an id, or the reference of a sheet of this file
        key = (ind.id, cluster_id or 0, values["period_start"], values["sex"], values["age_band"])
        old = self._old_value(sheet, row, v, key, current, by_id)
        if old is False or not self._once(sheet, row, ("value", *key, v.get("id"))):
            return
        action = decide(old, values)
        if old is not None and not old["is_current"] and action != "same":
            # An earlier version with other figures: the file was exported before a correction.
            # The same figures as the current version mean this file was applied already.
            now = current.get(key)
            if now is None or decide(now, values) != "same":
                message = _("Este valor ya fue corregido; corrija la versión vigente.")
                return self._problem(sheet, row, "id", message)
            action = "same"
        if action == "same":
            self.preview.unchanged += 1
            return
        fields = _value_diff(old, values)
        label = f"{ind.code} {v.get('cluster_id')} {v.get('period_start')}"
        payload = {"values": values, "action": action, "old": old}
        own = old["id"] if old else None
        self._change(sheet, row, "indicator_values", own, label, fields, payload, _version(old))

    def _old_value(self, sheet, row, v, key, current, by_id):
        """The row this one is about: the one with its ID, else the current one at its key."""
        if v.get("id") is None:
            return current.get(key)
        old = by_id.get(v["id"])
        if old is None:
            self._problem(sheet, row, "id", _unknown_id(v["id"]))
            return False
        if old["key"] != key:
            message = _(
                "Un valor no cambia de indicador, territorio, periodo, sexo ni franja de "
                "edad: deje el ID vacío para registrar uno nuevo."
            )
            self._problem(sheet, row, "id", message)
            return False
        return old


# --- helpers ----------------------------------------------------------------------------------


def _known(sheet: BulkSheet, key: str) -> bool:
    return any(c.key == key for c in sheet.spec.columns)


def _unknown_id(row_id) -> str:
    return _(
        "El ID {id} no existe en la base de datos (deje el ID vacío para crear un registro nuevo)."
    ).format(id=row_id)


def _joined(names: dict, ids) -> str:
    return REFS_SEPARATOR.join(sorted(str(names.get(i, i)) for i in ids)) or "—"


def _is_new(ref) -> bool:
    return isinstance(ref, str) and ref.startswith("new:")


def _version(current) -> int | None:
    if current is None:
        return None
    return current["version"] if isinstance(current, dict) else current.version


def _split(text) -> list[str]:
    return [p.strip() for p in str(text or "").split(REFS_SEPARATOR.strip()) if p.strip()]


def _numbers(text, bad: dict) -> list[int]:
    out = []
    for part in _split(text):
        if not part.isdigit():
            bad["commitment_ids"] = _("Compromisos: escriba sus números separados por «;».")
            return []
        out.append(int(part))
    return out


def _merged(current: IndicatorData | None, v: dict) -> IndicatorData:
    """The row over the current sheet: a column left out of the file keeps its value."""
    base = replace(current) if current else IndicatorData()
    for key, value in v.items():
        if key in indicators.SCALAR_FIELDS and key != "partner_id":
            setattr(base, key, value)
    return base


def _for_rules(data: IndicatorData) -> IndicatorData:
    """What the rules may check of a sheet whose references are still new: no links."""
    own = data.id if isinstance(data.id, int) else None
    partner = data.partner_id if isinstance(data.partner_id, int) else None
    return replace(
        data,
        id=own,
        partner_id=partner,
        program_ids=[p for p in data.program_ids if isinstance(p, int)],
    )


def _diff(record, current, data, skip=frozenset()) -> list[FieldChange]:
    """The record's own fields that change (links are compared apart, by id)."""
    if current is None:
        return []
    out = []
    for spec in record.fields:
        if spec.info or spec.is_link or spec.key in skip:
            continue
        old, new = getattr(current, spec.key, None), getattr(data, spec.key, None)
        new = _normal(spec, new)
        if _same(old, new):
            continue
        out.append(FieldChange(spec.name, show(old), show(new)))
    return out


def _normal(spec, value):
    return Checker().field(spec, value) if value is not None else None


def _same(old, new) -> bool:
    if isinstance(old, float | int) and isinstance(new, float | int):
        return abs(float(old) - float(new)) < 1e-9
    return (old or None) == (new or None)


def _value_diff(old: dict | None, values: dict) -> list[FieldChange]:
    if old is None:
        return []
    out = [
        FieldChange(INDICATOR_VALUE[k].name, show(old.get(k)), show(values.get(k)))
        for k in (*FIGURES, "notes")
        if not _same(old.get(k), values.get(k))
    ]
    return out
