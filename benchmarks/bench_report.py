"""The coordination report at 10x Palmira's scale against bare reportlab (same run, same data).

Measured: `gather_report` + `write_report_pdf` (the whole report: cover, contents drawn at the end,
charts, heat maps, DejaVu font, header/footer), and `write_report_xlsx`.
Baseline: bare reportlab drawing the same tables (every row of every list and matrix) from
plain strings with a built-in font, one Table per 300 rows, no header/footer, one pass.
Target: the full PDF within 2x of the baseline.

`uv run python benchmarks/bench_report.py [--scale 10]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.caches import forget_texts  # noqa: E402
from benchmarks.generate import cached_database  # noqa: E402
from pazos_desktop.db.database import Database  # noqa: E402
from pazos_desktop.services.report.coordination import ReportRequest, gather_report  # noqa: E402

TARGET = 2.0
CHUNK = 300


def plain_tables(report) -> list[list[list[str]]]:
    """Every table of the report as rows of plain strings (built before timing)."""
    m, pm = report.cluster_matrix, report.partner_matrix
    return [
        [[name, *(str(m.cell(r, c).total) for c, _n in m.columns)] for r, name in m.rows],
        [[name, *(str(pm.cell(r, c).total) for c, _n in pm.columns)] for r, name in pm.rows],
        [[p.name, str(p.total), str(p.completed), str(p.overdue), str(p.last_progress)] for p in report.partners],
        [[str(x.row.id), x.row.partner_name, x.row.contact_name or "", x.row.title, str(x.row.due_date), str(x.days_late)] for x in report.overdue],
        [[str(r.id), r.partner_name, r.contact_name or "", r.title, str(r.due_date), r.status] for r in report.due_soon],
        [[str(p.date), str(p.commitment_id), p.partner_name, p.title, str(p.achieved_quantity), str(p.status), p.comment or ""] for p in report.progress],
        [[str(s.row.id), s.row.partner_name, s.row.title, str(s.last_update), str(s.days)] for s in report.stale],
    ]  # fmt: skip


def bare_reportlab(tables: list[list[list[str]]]) -> float:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    start = time.perf_counter()
    style = TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("GRID", (0, 0), (-1, -1), 0.4, "grey")])
    story = []
    for rows in tables:
        width = 18 * 28.35 / max(1, len(rows[0]) if rows else 1)
        for i in range(0, len(rows), CHUNK):
            table = Table(rows[i : i + CHUNK], colWidths=[width] * len(rows[0]), repeatRows=0)
            table.setStyle(style)
            story.append(table)
        story.append(PageBreak())
    SimpleDocTemplate(io.BytesIO(), pagesize=LETTER).build(story)
    return time.perf_counter() - start


def timed(func, *args):
    forget_texts()
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from pazos_desktop.writers.report.pdf import write_report_pdf
    from pazos_desktop.writers.report.xlsx import write_report_xlsx

    db = Database(str(cached_database(scale=args.scale)))
    today = dt.date.today()
    request = ReportRequest(today - dt.timedelta(days=181), today)
    with db.session() as session:
        gather_time, report = timed(gather_report, session, request)
    tables = plain_tables(report)
    pdf_times, baselines = [], []
    with tempfile.TemporaryDirectory() as folder:
        pdf_path, xlsx_path = Path(folder) / "r.pdf", Path(folder) / "r.xlsx"
        # Alternate the two and keep the best of each: a busy machine slows one run, not all.
        for _round in range(args.rounds):
            pdf_times.append(timed(write_report_pdf, report, pdf_path)[0])
            baselines.append(bare_reportlab(tables))
        xlsx_time, _r = timed(write_report_xlsx, report, xlsx_path)
        size = pdf_path.stat().st_size
        from pypdf import PdfReader

        pages = len(PdfReader(pdf_path).pages)
    pdf_time, baseline = min(pdf_times), min(baselines)
    rows = sum(len(t) for t in tables)
    full = gather_time + pdf_time
    print(f"scale {args.scale}: {rows:,} table rows, PDF {pages} pages, {size / 1e6:.1f} MB")
    print(f"{'step':<34}{'time (s)':>10}{'baseline (s)':>14}{'ratio':>8}{'target':>8}")
    print(f"{'gather_report (queries)':<34}{gather_time:>10.2f}")
    print(f"{'write_report_pdf':<34}{pdf_time:>10.2f}{baseline:>14.2f}{pdf_time / baseline:>8.2f}")
    print(
        f"{'full report (gather + PDF)':<34}{full:>10.2f}{baseline:>14.2f}{full / baseline:>8.2f}{TARGET:>7.1f}x"
    )
    print(f"{'write_report_xlsx':<34}{xlsx_time:>10.2f}")
    db.dispose()


if __name__ == "__main__":
    main()
