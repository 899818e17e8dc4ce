"""The values an indicator import compares its rows with: the current ones by key, and any
version by id (a file exported before a correction names earlier versions)."""

from __future__ import annotations

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from pazos_desktop.db.models.indicators import IndicatorValue
from pazos_desktop.services.indicators.values import FIGURES

VALUE_COLUMNS = (
    "id", "version", "indicator_id", "cluster_key", "period_start", "sex", "age_band",
    "data_version", "is_current", *FIGURES, "notes",
)  # fmt: skip


def _value_dict(row) -> dict:
    out = dict(zip(VALUE_COLUMNS, row, strict=True))
    out["key"] = (
        out["indicator_id"],
        out["cluster_key"],
        out["period_start"],
        out["sex"],
        out["age_band"],
    )
    return out


def current_values(session: Session, indicator_ids: list[int]) -> dict[tuple, dict]:
    """key -> the current value of these indicators (one query)."""
    v = IndicatorValue
    query = select(*(getattr(v, c) for c in VALUE_COLUMNS)).where(v.is_current == true())
    query = query.where(v.indicator_id.in_(indicator_ids)) if indicator_ids else query.where(False)
    out = {}
    for row in session.execute(query):
        item = _value_dict(row)
        out[item["key"]] = item
    return out


def values_by_id(session: Session, ids: list[int]) -> dict[int, dict]:
    v = IndicatorValue
    out = {}
    for start in range(0, len(ids), 5_000):
        query = select(*(getattr(v, c) for c in VALUE_COLUMNS)).where(
            v.id.in_(ids[start : start + 5_000])
        )
        out |= {row.id: _value_dict(row) for row in session.execute(query)}
    return out
