"""Commitment search and the cluster x component summary at 10x scale, against raw sqlite3
running equivalent SQL on the same file in the same run.

`uv run python benchmarks/bench_core.py` — targets: each within 3x of raw sqlite3, under 50 ms.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import cached_database  # noqa: E402
from pazos_desktop.db.database import Database  # noqa: E402
from pazos_desktop.services.commitments import search  # noqa: E402
from pazos_desktop.services.commitments.search import CommitmentFilter  # noqa: E402
from pazos_desktop.services.report import summaries  # noqa: E402

RUNS = 30
TODAY = dt.date.today()

RAW_PAGE = """
SELECT c.id, p.name, comp.name_es, c.all_clusters, c.title, c.unit, c.target_quantity,
       c.achieved_quantity, c.amount_cop, c.start_date, c.due_date, c.status, pr.name, ct.name,
       c.version,
       (SELECT group_concat(name, ', ') FROM (SELECT cl.name FROM commitment_cluster cc
          JOIN cluster cl ON cl.id = cc.cluster_id WHERE cc.commitment_id = c.id ORDER BY cl.name))
FROM commitment c
JOIN partner p ON p.id = c.partner_id
JOIN component comp ON comp.id = c.component_id
LEFT JOIN program pr ON pr.id = c.program_id
LEFT JOIN contact ct ON ct.id = c.contact_id
WHERE c.component_id IN (2, 3)
  AND (c.all_clusters = 1 OR EXISTS (SELECT 1 FROM commitment_cluster f
       WHERE f.commitment_id = c.id AND f.cluster_id IN (1, 2, 3, 4, 5)))
  AND (CASE WHEN c.status IN ('pipeline', 'in_progress') AND c.due_date < :today
       THEN 'overdue' ELSE c.status END) IN ('in_progress', 'overdue')
  AND (c.search_key LIKE '%' || :word || '%' OR c.partner_id IN
       (SELECT id FROM partner WHERE name_key LIKE '%' || :word || '%'))
ORDER BY c.due_date, c.id LIMIT 100 OFFSET 100
"""
RAW_COUNT = RAW_PAGE.split("FROM commitment c")[1].split("ORDER BY")[0]
RAW_COUNT = "SELECT count(*) FROM commitment c " + RAW_COUNT

RAW_MATRIX = """
SELECT cc.cluster_id, c.component_id, count(c.id),
       sum(c.status = 'completed'), sum(c.status = 'cancelled')
FROM commitment c JOIN commitment_cluster cc ON cc.commitment_id = c.id
GROUP BY c.component_id, cc.cluster_id
"""
RAW_MATRIX_ALL = """
SELECT component_id, count(id), sum(status = 'completed'), sum(status = 'cancelled')
FROM commitment WHERE all_clusters = 1 GROUP BY component_id
"""

FILTER = CommitmentFilter(
    component_ids=[2, 3],
    cluster_ids=[1, 2, 3, 4, 5],
    statuses=["in_progress", "overdue"],
    text="jovenes",
)


def median_ms(fn) -> float:
    fn()  # warm caches once; both sides get the same treatment
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    path = cached_database(scale=10)
    db = Database(str(path))
    raw = sqlite3.connect(path)
    params = {"today": TODAY.isoformat(), "word": "jovenes"}

    def ours_page():
        with db.session() as s:
            page = search.search_commitments(
                s, FILTER, sort="due_date", offset=100, limit=100, on=TODAY
            )
            assert page.rows

    def raw_page():
        rows = raw.execute(RAW_PAGE, params).fetchall()
        total = raw.execute(RAW_COUNT, params).fetchone()[0]
        assert rows and total

    def ours_matrix():
        with db.session() as s:
            summaries.cluster_component_matrix(s, on=TODAY)

    def raw_matrix():
        raw.execute(RAW_MATRIX).fetchall()
        raw.execute(RAW_MATRIX_ALL).fetchall()
        raw.execute("SELECT id, name FROM cluster ORDER BY name_key").fetchall()
        raw.execute("SELECT id, name_es FROM component ORDER BY code").fetchall()

    with db.session() as s:
        page = search.search_commitments(
            s, FILTER, sort="due_date", offset=100, limit=100, on=TODAY
        )
    raw_total = raw.execute(RAW_COUNT, params).fetchone()[0]
    assert page.total == raw_total, (page.total, raw_total)

    print(
        f"{'benchmark (10x: 20,000 commitments)':<44} {'ours':>8} {'raw':>8} {'ratio':>6}  target"
    )
    for name, ours, base in (
        ("filtered search, page 2 of 100 rows + count", ours_page, raw_page),
        ("cluster x component summary", ours_matrix, raw_matrix),
    ):
        a, b = median_ms(ours), median_ms(base)
        print(f"{name:<44} {a:7.1f}ms {b:7.1f}ms {a / b:5.2f}x  <=3x, <50 ms")
    db.dispose()


if __name__ == "__main__":
    main()
