"""The coordination report's indicators section as Excel: a sheet with every indicator
(baseline, previous and current period with their counts, target, trend, flag, linked
commitments) and a sheet of impact indicators by cluster, each with a native bar chart.

Numbers as numbers, no formula (the chart reads the cells). Reads `CoordinationReport`.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from pazos_desktop.domain.indicator_text import flag_text, trend_text
from pazos_desktop.domain.indicators import LEVEL_LABELS, Figure
from pazos_desktop.i18n import N_
from pazos_desktop.services.indicators.report import IndicatorLine, IndicatorSection
from pazos_desktop.writers.report.labels import Labels
from pazos_desktop.writers.report.xlsx_cells import BOLD, PERCENT, font, put, table, widths
from pazos_desktop.writers.xlsx.cells import SafetyLog

NUMBER = "#,##0.0"
WHOLE = "#,##0"
CHART_ROWS = 16  # rows a chart takes under its table


def write_sheets(wb: Workbook, report, t: Labels, log: SafetyLog) -> None:
    section: IndicatorSection | None = report.indicators
    if section is None or not section.lines:
        return
    _summary(wb.create_sheet(t(N_("Indicadores"))[:31]), section, t, log)
    impact = [line for line in section.impact if line.clusters]
    if impact:
        _by_cluster(wb.create_sheet(t(N_("Indicadores por clúster"))[:31]), impact, section, t, log)


def _figure(fig: Figure | None) -> list:
    if fig is None:
        return [None, None, None]
    return [fig.value, fig.numerator, fig.denominator]


def _summary(ws, section: IndicatorSection, t: Labels, log: SafetyLog) -> None:
    previous, current = t.period(*section.previous), t.period(*section.current)
    put(ws, 1, 1, t(N_("Indicadores de resultado")), log).font = font(12, True)
    put(ws, 2, 1, t(N_("Periodo actual: {current}; periodo anterior: {previous}.")).format(
        current=current, previous=previous), log)  # fmt: skip
    header = [
        t(N_("Código")),
        t(N_("Indicador")),
        t(N_("Nivel")),
        t(N_("Unidad")),
        t(N_("Territorio")),
        t(N_("Línea base")),
        t(N_("Año de la línea base")),
        *_figure_header(t, t(N_("Periodo anterior"))),
        *_figure_header(t, t(N_("Periodo actual"))),
        t(N_("Meta")),
        t(N_("Año de la meta")),
        t(N_("Tendencia")),
        t(N_("Alerta")),
        t(N_("Compromisos vinculados")),
        t(N_("Cumplidos")),
        t(N_("% cumplido")),
        t(N_("Vencidos")),
    ]
    rows = [_row(line, t) for line in section.lines]
    formats = {5: NUMBER, 7: NUMBER, 8: WHOLE, 9: WHOLE, 10: NUMBER, 11: WHOLE, 12: WHOLE}
    formats |= {13: NUMBER, 17: WHOLE, 18: WHOLE, 19: PERCENT, 20: WHOLE}
    table(ws, 4, header, rows, log, formats)
    widths(ws, [10, 44, 13, 18, 18, 11, 10, 12, 12, 13, 12, 12, 13, 11, 10, 13, 18, 12, 11, 11, 10])
    ws.freeze_panes = "C5"
    ws.pazos_repeat = 2  # printed across pages: code and name on each
    ws.auto_filter.ref = f"A4:U{4 + len(rows)}"


def _figure_header(t: Labels, period: str) -> list[str]:
    return [
        f"{period}: {t(N_('valor'))}",
        f"{period}: {t(N_('numerador'))}",
        f"{period}: {t(N_('denominador'))}",
    ]


def _row(line: IndicatorLine, t: Labels) -> list:
    ind, linked = line.indicator, line.linked
    return [
        ind.code,
        ind.name,
        t(LEVEL_LABELS.get(ind.level, ind.level)),
        ind.unit,
        line.territory,
        ind.baseline_value,
        ind.baseline_year,
        *_figure(line.previous),
        *_figure(line.current),
        ind.target_value,
        ind.target_year,
        trend_text(line.trend, t) if line.trend.arrow else None,
        flag_text(line.current, t) or None,
        linked.total,
        linked.completed,
        None if linked.percent is None else linked.percent / 100,
        linked.overdue,
    ]


def _by_cluster(ws, lines: list[IndicatorLine], section, t: Labels, log: SafetyLog) -> None:
    previous, current = t.period(*section.previous), t.period(*section.current)
    first, last = section.rolling_years
    header = [
        t(N_("Clúster")),
        previous,
        t(N_("Casos")),
        current,
        t(N_("Casos")),
        t(N_("Tasa de 3 años")) + f" {first}–{last}",
        t(N_("Casos")),
        t(N_("Alerta")),
    ]
    row = 1
    for line in lines:
        put(ws, row, 1, f"{line.indicator.code} · {line.indicator.name}", log).font = BOLD
        rows = [
            [
                c.name,
                c.previous.value,
                c.previous.numerator,
                c.current.value,
                c.current.numerator,
                c.rolling.value if c.rolling else None,
                c.rolling.numerator if c.rolling else None,
                flag_text(c.current, t) or None,
            ]
            for c in line.clusters
        ]
        formats = {1: NUMBER, 2: WHOLE, 3: NUMBER, 4: WHOLE, 5: NUMBER, 6: WHOLE}
        end = table(ws, row + 1, header, rows, log, formats)
        _chart(ws, line, row + 1, end - 1)
        row = end + CHART_ROWS + 1
    widths(ws, [30, 22, 9, 22, 9, 20, 9, 20])


def _chart(ws, line: IndicatorLine, header_row: int, last_row: int) -> None:
    """Previous and current period by cluster, under the table (beside it, the sheet was
    too wide to print at 8 pt); reads the cells."""
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title = f"{line.indicator.code} · {line.indicator.name}"[:80]
    chart.height, chart.width = 7.5, 16
    for column in (2, 4):
        chart.add_data(
            Reference(ws, min_col=column, min_row=header_row, max_row=last_row),
            titles_from_data=True,
        )
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.legend.position = "b"
    ws.add_chart(chart, f"A{last_row + 2}")
