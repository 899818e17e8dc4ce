"""The coordination report's indicators section as PDF: the table of every indicator (baseline,
previous and current period, target, trend, flag, linked commitments), then each impact
indicator by cluster (chart and table with the rolling 3-year rate). Reads the report's
`IndicatorSection`; no queries."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from pazos_desktop.domain.indicator_text import (
    FLAG_COLOUR,
    TREND_COLOURS,
    figure_text,
    flag_text,
    linked_text,
    trend_text,
    with_year,
)
from pazos_desktop.domain.indicators import LEVEL_LABELS, LOW_COUNT
from pazos_desktop.i18n import N_
from pazos_desktop.services.indicators.report import IndicatorLine, IndicatorSection
from pazos_desktop.writers.pdf.document import (
    DocumentInfo,
    data_table,
    frame_width,
    heading,
    para,
    styles,
)
from pazos_desktop.writers.report.indicators_charts import cluster_chart
from pazos_desktop.writers.report.labels import Labels

TITLE = N_("6. Indicadores de resultado")
NOTE = N_(
    "Periodo actual: {current}; periodo anterior: {previous}. Cifras del territorio indicado "
    "bajo cada indicador. "
    "Las razones se calculan como suma de numeradores sobre suma de denominadores, nunca como "
    "promedio de tasas; entre paréntesis, los casos (n) o numerador/denominador. "
    "⚠: menos de {n} casos, tasa inestable. Compromisos: vinculados al indicador y % cumplido."
)


def sections(report, t: Labels, info: DocumentInfo) -> list[Flowable]:
    """The section, or nothing when the database has no indicator sheet."""
    section: IndicatorSection | None = report.indicators
    if section is None or not section.lines:
        return []
    width = frame_width(info)
    story: list[Flowable] = [PageBreak(), heading(t(TITLE))]
    previous, current = _periods(section, t)
    note = t(NOTE).format(n=LOW_COUNT, current=current, previous=previous)
    story.append(para(note, styles().small))
    story += _summary_table(section, t, width)
    impact = [line for line in section.impact if line.clusters]
    if impact:
        story += [CondPageBreak(9 * cm), heading(t(N_("Indicadores de impacto por clúster")), 1)]
    for line in impact:
        story += _by_cluster(line, section, t, width)
    return story


def _periods(section: IndicatorSection, t: Labels) -> tuple[str, str]:
    return t.period(*section.previous), t.period(*section.current)


def _summary_table(section: IndicatorSection, t: Labels, width: float) -> list[Flowable]:
    header = [
        t(N_("Indicador")),
        t(N_("Línea base")),
        t(N_("Periodo anterior")),
        t(N_("Periodo actual")),
        t(N_("Meta")),
        t(N_("Tendencia")),
        t(N_("Alerta")),
        t(N_("Compromisos")),
    ]
    rows, style = [], [("ALIGN", (1, 1), (5, -1), "RIGHT")]
    for r, line in enumerate(section.lines, start=1):
        rows.append(_row(line, t))
        if line.trend.verdict:
            colour = colors.HexColor(TREND_COLOURS[line.trend.verdict])
            style.append(("TEXTCOLOR", (5, r), (5, r), colour))
        if line.flagged:
            style.append(("TEXTCOLOR", (6, r), (6, r), colors.HexColor(FLAG_COLOUR)))
    parts = (4.6, 1.8, 2.0, 2.0, 1.7, 2.1, 1.8, 2.4)
    widths = [p * width / sum(parts) for p in parts]
    return data_table(header, rows, widths, {0, 2, 3, 5, 6}, extra_style=style)


def _row(line: IndicatorLine, t: Labels) -> list[str]:
    ind = line.indicator
    population = ind.population_denominator
    unit = f" ({ind.unit})" if ind.unit else ""
    level = t(LEVEL_LABELS.get(ind.level, ind.level))
    return [
        f"{ind.code} · {ind.name}{unit}\n{level} · {line.territory}",
        with_year(ind.baseline_value, ind.baseline_year),
        figure_text(line.previous, population, "\n"),
        figure_text(line.current, population, "\n"),
        with_year(ind.target_value, ind.target_year),
        trend_text(line.trend, t),
        flag_text(line.current, t, short=True),
        linked_text(line.linked.total, line.linked.percent),
    ]


def _by_cluster(line: IndicatorLine, section, t: Labels, width: float) -> list[Flowable]:
    previous, current = _periods(section, t)
    first, last = section.rolling_years
    ind = line.indicator
    population = ind.population_denominator
    header = [
        t(N_("Clúster")),
        t(N_("Periodo anterior")) + f"\n{previous}",
        t(N_("Periodo actual")) + f"\n{current}",
        t(N_("Tasa de 3 años")) + f"\n{first}–{last}",
        t(N_("Alerta")),
    ]
    rows, style = [], [("ALIGN", (1, 1), (3, -1), "RIGHT")]
    for r, c in enumerate(line.clusters, start=1):
        rows.append(
            [
                c.name,
                figure_text(c.previous, population),
                figure_text(c.current, population),
                figure_text(c.rolling, population),
                flag_text(c.current, t, short=True),
            ]
        )
        if c.current.low_count:
            style.append(("TEXTCOLOR", (4, r), (4, r), colors.HexColor(FLAG_COLOUR)))
    parts = (5.0, 3.0, 3.0, 3.0, 2.2)
    widths = [p * width / sum(parts) for p in parts]
    return [
        CondPageBreak(12 * cm),
        Spacer(1, 0.2 * cm),
        cluster_chart(line, t, width, (previous, current)),
        Spacer(1, 0.2 * cm),
        *data_table(header, rows, widths, {0, 1, 2, 3}, extra_style=style),
        Spacer(1, 0.4 * cm),
    ]
