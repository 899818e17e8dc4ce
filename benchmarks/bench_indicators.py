"""Indicators at 10x Palmira's scale: 200 indicators x 9 clusters x 15 years of monthly values
(324,000 values) on the generated 10x register (20,000 commitments, ~50 linked to each
indicator), against raw sqlite3 running the same SQL in the same run.

Measured:
- the dashboard's indicator panel: `load_panel` (every indicator's yearly series per cluster,
  rolling rates, flags, linked commitments' completion);
- the report's indicator section: `gather_section` for the last complete year (current,
  previous and the rolling window in one scan), then its PDF pages and Excel sheets alone.
Baseline: every statement those functions send to the database (captured from the engine),
run with the bare sqlite3 driver and fetched. Target: each within 2x of its baseline.

`uv run python benchmarks/bench_indicators.py [--rounds 5]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event, insert, select  # noqa: E402

from benchmarks.generate import CACHE, cached_database  # noqa: E402
from pazos_desktop.db.database import Database, head_revision  # noqa: E402
from pazos_desktop.db.models.indicators import (  # noqa: E402
    Indicator,
    IndicatorValue,
    Population,
    indicator_commitment,
    indicator_component,
)
from pazos_desktop.db.models.register import Commitment, utcnow  # noqa: E402
from pazos_desktop.domain.indicators import period_of  # noqa: E402

TARGET = 2.0
INDICATORS, CLUSTERS, YEARS = 200, 9, 15
RULES = ["ratio"] * 120 + ["sum"] * 40 + ["average"] * 20 + ["latest"] * 20


def _stamp() -> dict:
    now = utcnow()
    return {"version": 1, "created_at": now, "updated_at": now}


def _indicators(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(1, INDICATORS + 1):
        rule = RULES[i - 1]
        rate = rule == "ratio" and i % 2 == 0  # half the ratios are rates on the population
        rows.append(
            {
                "id": i,
                "code": f"IND-{i:03d}",
                "code_key": f"ind-{i:03d}",
                "name": f"Indicador generado {i}",
                "level": "impact" if i % 5 == 0 else ("outcome" if i % 2 else "output"),
                "periodicity": "monthly",
                "aggregation": rule,
                "scale": 100_000.0 if rate else (100.0 if rule == "ratio" else 1.0),
                "population_denominator": rate,
                "direction": "lower" if i % 3 else "higher",
                "by_sex": False,
                "baseline_value": float(rng.randint(10, 90)),
                "baseline_year": dt.date.today().year - YEARS,
                "target_value": float(rng.randint(10, 90)),
                "target_year": dt.date.today().year + 2,
                **_stamp(),
            }
        )
    return rows


def _values(rng: random.Random, indicators: list[dict], first_year: int) -> list[dict]:
    rows, now = [], utcnow()
    for ind in indicators:
        rate, rule = ind["population_denominator"], ind["aggregation"]
        for cluster in range(1, CLUSTERS + 1):
            for k in range(YEARS * 12):
                year, month = first_year + k // 12, 1 + k % 12
                start, end, months = period_of("monthly", dt.date(year, month, 1))
                row = {
                    "indicator_id": ind["id"],
                    "cluster_id": cluster,
                    "cluster_key": cluster,
                    "period_start": start,
                    "period_end": end,
                    "year": year,
                    "months": months,
                    "sex": "",
                    "age_band": "",
                    "numerator": None,
                    "denominator": None,
                    "value": None,
                    "source": "Generado",
                    "data_version": 1,
                    "is_current": True,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                if rule == "ratio":
                    row["numerator"] = float(rng.randint(0, 6 if rate else 80))
                    row["denominator"] = None if rate else float(rng.randint(80, 120))
                else:
                    row["value"] = float(rng.randint(0, 500))
                rows.append(row)
    return rows


def build(path: Path, seed: int = 7) -> Path:
    """The 10x register plus the indicators (kept in benchmarks/_data like the register)."""
    if path.exists():
        return path
    shutil.copy(cached_database(scale=10), path)
    rng = random.Random(seed)
    first_year = dt.date.today().year - YEARS
    db = Database(str(path))
    indicators = _indicators(rng)
    with db.engine.begin() as conn:
        conn.execute(insert(Indicator), indicators)
        conn.execute(
            insert(Population),
            [
                {"cluster_id": c, "cluster_key": c, "year": y, "population": 20_000 + 500 * c}
                | _stamp()
                for c in range(1, CLUSTERS + 1)
                for y in range(first_year, first_year + YEARS)
            ],
        )
        ids = [r[0] for r in conn.execute(select(Commitment.id))]
        links = {(i["id"], c) for i in indicators for c in rng.sample(ids, 50)}
        conn.execute(
            insert(indicator_commitment),
            [{"indicator_id": a, "commitment_id": b} for a, b in sorted(links)],
        )
        conn.execute(
            insert(indicator_component),
            [{"indicator_id": i["id"], "component_id": 1 + i["id"] % 5} for i in indicators],
        )
        values = _values(rng, indicators, first_year)
        for start in range(0, len(values), 50_000):
            conn.execute(insert(IndicatorValue), values[start : start + 50_000])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    return path


class Recorder:
    """Every statement (and its parameters) an engine sends while `on`."""

    def __init__(self, engine):
        self.statements: list[tuple[str, object]] = []
        self.on = False
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many):
        if self.on and not statement.startswith(("BEGIN", "PRAGMA")):
            self.statements.append((statement, parameters))


def captured(db: Database, work) -> list[tuple[str, object]]:
    recorder = Recorder(db.engine)
    recorder.on = True
    with db.session() as session:
        work(session)
    recorder.on = False
    return recorder.statements


def raw(path: Path, statements) -> tuple[float, int]:
    con = sqlite3.connect(path)
    start = time.perf_counter()
    rows = sum(len(con.execute(sql, params).fetchall()) for sql, params in statements)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, rows


def ours(db: Database, work) -> float:
    with db.session() as session:
        start = time.perf_counter()
        work(session)
        return time.perf_counter() - start


def measure(db, path, work, rounds: int) -> tuple[float, float, int, int]:
    statements = captured(db, work)
    times, bases, rows = [], [], 0
    for _round in range(rounds):  # alternated: a busy machine slows one run, not one side
        times.append(ours(db, work))
        base, rows = raw(path, statements)
        bases.append(base)
    return min(times), min(bases), len(statements), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from pazos_desktop.services.indicators.panel import load_panel
    from pazos_desktop.services.indicators.report import gather_section
    from pazos_desktop.services.report.coordination import ReportRequest, previous_period

    CACHE.mkdir(exist_ok=True)
    path = build(CACHE / f"indicators10_{dt.date.today():%Y%m%d}_{head_revision()}.sqlite")
    db = Database(str(path))
    year = dt.date.today().year - 1
    request = ReportRequest(dt.date(year, 1, 1), dt.date(year, 12, 31))
    before = previous_period(request.date_from, request.date_to)

    def section(session):
        return gather_section(session, request, dt.date.today(), before)

    def panel(session):
        """What the panel shows first: the table, and the chart of the first indicator."""
        data = load_panel(session)
        return data, data.rows[0].clusters

    with db.session() as s:
        n = s.query(IndicatorValue).count()
    print(f"{INDICATORS} indicators x {CLUSTERS} clusters x {YEARS} years monthly: {n:,} values")
    print(f"{'work':<44}{'ours (s)':>10}{'raw (s)':>10}{'ratio':>8}{'target':>8}  statements/rows")
    for label, work in (("dashboard indicator panel (load_panel)", panel),
                        ("report indicator section (gather)", section)):  # fmt: skip
        mine, base, count, rows = measure(db, path, work, args.rounds)
        print(
            f"{label:<44}{mine:>10.3f}{base:>10.3f}{mine / base:>8.2f}{TARGET:>7.1f}x"
            f"  {count}/{rows:,}"
        )
    _writers(db, section)
    db.dispose()


def _writers(db: Database, section) -> None:
    """The section's PDF pages and Excel sheets alone (no baseline: for the record)."""
    from types import SimpleNamespace

    from openpyxl import Workbook

    from pazos_desktop.writers.pdf.document import DocumentInfo, build_pdf
    from pazos_desktop.writers.report import indicators_pdf as report_indicators_pdf
    from pazos_desktop.writers.report import indicators_xlsx as report_indicators_xlsx
    from pazos_desktop.writers.report.labels import Labels
    from pazos_desktop.writers.xlsx.cells import SafetyLog

    with db.session() as s:
        report = SimpleNamespace(indicators=section(s))
    t = Labels("es")
    start = time.perf_counter()
    story = report_indicators_pdf.sections(report, t, DocumentInfo(title="bench"))
    build_pdf(io.BytesIO(), DocumentInfo(title="bench"), story)
    pdf = time.perf_counter() - start
    start = time.perf_counter()
    wb = Workbook()
    report_indicators_xlsx.write_sheets(wb, report, t, SafetyLog())
    wb.save(io.BytesIO())
    xlsx = time.perf_counter() - start
    impact = len(report.indicators.impact)
    print(f"section PDF ({impact} impact charts): {pdf:.2f} s; section Excel: {xlsx:.2f} s")


if __name__ == "__main__":
    main()
