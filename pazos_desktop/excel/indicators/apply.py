"""Writing the indicator changes of a bulk preview, in the caller's transaction.

Sheets and populations (hundreds at most) go through their services, which check them again.
Values (a year of monthly values for every indicator and cluster is tens of thousands) take
the fast path the commitments take: the preview checked each one with `check_value`, rows go
in with executemany, the current row a correction replaces is retired with an UPDATE guarded
by its version, and the history gets one "create" entry per new row and one entry per changed
field of the rows updated in place.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.fastwrite import insert_many
from pazos_desktop.db.history import render
from pazos_desktop.db.models.indicators import IndicatorValue
from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.excel.preview import ApplyResult, Change
from pazos_desktop.i18n import _
from pazos_desktop.services.indicators import sheets as indicators

ORDER = ("indicators", "populations", "indicator_values")
STORED = (
    "indicator_id", "cluster_id", "period_start", "period_end", "year", "months", "sex",
    "age_band", "numerator", "denominator", "value", "source", "cut_off", "notes",
)  # fmt: skip


def apply_changes(
    session: Session, changes: list[Change], refs: dict[str, int], result: ApplyResult
) -> None:
    """Apply the changes of the indicator sheets (others are left to `excel/bulk/apply.py`)."""
    for entity in ORDER:
        batch = [c for c in changes if c.entity == entity]
        if entity == "indicator_values":
            _values(session, batch, refs)
        else:
            for change in batch:
                _save(session, entity, change, refs)
        result.created += sum(1 for c in batch if c.action == "create")
        result.updated += sum(1 for c in batch if c.action == "update")


def _resolve(value, refs: dict[str, int]):
    return refs[value] if isinstance(value, str) and value.startswith("new:") else value


def _save(session: Session, entity: str, change: Change, refs: dict[str, int]) -> None:
    data = change.payload["data"]
    ident = {"id": change.entity_id, "version": change.db_version}
    try:
        if entity == "indicators":
            data = replace(
                data,
                partner_id=_resolve(data.partner_id, refs),
                program_ids=[_resolve(p, refs) for p in data.program_ids],
                **ident,
            )
            saved = indicators.save_indicator(session, data)
            refs[change.payload["ref"]] = saved.id
        else:
            data = replace(data, cluster_id=_resolve(data.cluster_id, refs), **ident)
            indicators.save_population(session, data)
    except ValidationError as exc:
        raise PazosError(
            f"{change.file}, {change.sheet}, {_('fila')} {change.row}: {exc.message}"
        ) from exc


# --- values: the fast path ------------------------------------------------------------------------


def _values(session: Session, changes: list[Change], refs: dict[str, int]) -> None:
    if not changes:
        return
    run = run_of(session)
    now = run.utc
    base = {"at": now, "actor": run.who, "reason": session.info.get("reason")}
    base |= {"entity": IndicatorValue.__tablename__}
    history: list[dict] = []
    retired = [c for c in changes if c.payload["action"] == "correct"]
    noted = [c for c in changes if c.payload["action"] == "notes"]
    _guarded(session, retired, {"is_current": False}, now, history, base)
    _guarded(session, noted, None, now, history, base)
    new = [c for c in changes if c.payload["action"] in ("create", "correct")]
    rows = [_row(c, refs, now) for c in new]
    for new_id in insert_many(session, IndicatorValue, rows, now):
        history.append(base | {"entity_id": new_id, "action": "create"})
    if history:
        session.execute(insert(HistoryEntry), history)
    session.expire_all()  # ORM objects loaded earlier must not hide the rows written here


def _row(change: Change, refs: dict[str, int], now) -> dict:
    values = change.payload["values"]
    row = {k: _resolve(values.get(k), refs) for k in STORED}
    old = change.payload["old"]
    row |= {
        "cluster_key": row["cluster_id"] or 0,
        "data_version": old["data_version"] + 1 if old else 1,
        "is_current": True,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    return row


def _guarded(session, changes: list[Change], fields: dict | None, now, history, base) -> None:
    """UPDATE the current rows these changes touch, each guarded by its version: a row
    someone else changed since the preview refuses the whole import."""
    if not changes:
        return
    table = IndicatorValue.__table__
    params = []
    for change in changes:
        old = change.payload["old"]
        new = fields if fields is not None else {"notes": change.payload["values"].get("notes")}
        params.append(
            {"p_id": old["id"], "p_old": old["version"], "p_now": now}
            | {f"p_{k}": v for k, v in new.items()}
        )
        history += [
            base
            | {
                "entity_id": old["id"],
                "action": "update",
                "field": k,
                "old_value": render(old.get(k)),
                "new_value": render(v),
            }
            for k, v in new.items()
        ]
    keys = list(fields) if fields is not None else ["notes"]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("p_id"), table.c.version == bindparam("p_old"))
        .values(
            {k: bindparam(f"p_{k}") for k in keys}
            | {"version": table.c.version + 1, "updated_at": bindparam("p_now")}
        )
    )
    if session.connection().execute(stmt, params).rowcount != len(params):
        raise ConflictError(
            _(
                "Otro usuario cambió valores de indicadores durante la importación; no se aplicó nada."
            )
        )
