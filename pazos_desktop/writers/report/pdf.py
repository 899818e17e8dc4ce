"""The coordination report as PDF: cover, contents, summary with charts, the two matrices
(landscape), partners, lists and coverage gaps. Reads a `CoordinationReport`; no queries."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.colors import linearlyInterpolatedColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Image, PageBreak, Spacer

from pazos_desktop.domain.formats import format_cop, format_date, format_quantity
from pazos_desktop.i18n import N_
from pazos_desktop.services.report.coordination import CoordinationReport
from pazos_desktop.services.report.summaries import Cell, Matrix
from pazos_desktop.writers.pdf.contents import table_of_contents
from pazos_desktop.writers.pdf.document import (
    FONT_BOLD,
    HEADER_FILL,
    TABLE_CHUNK_ROWS,
    DocumentInfo,
    body_height,
    bold_label,
    build_pdf,
    cut,
    data_table,
    frame_width,
    heading,
    info_from_settings,
    para,
    paras,
    styles,
    switch_to,
)
from pazos_desktop.writers.report import charts, lists, reporting
from pazos_desktop.writers.report import indicators_pdf as report_indicators_pdf
from pazos_desktop.writers.report.labels import (
    CLUSTER_SUM,
    COMMITMENTS_SUM,
    SAMPLE,
    TITLE,
    Labels,
    comparison_rows,
    completed_note,
    filter_lines,
    key_figures,
    matrix_note,
    percent,
    signed,
)

HEAT_LOW, HEAT_HIGH = colors.HexColor("#EAF1F8"), colors.HexColor("#1F4E79")
EMPTY_FILL = colors.HexColor("#F4F4F4")


def write_report_pdf(
    report: CoordinationReport,
    target: str | Path | io.BytesIO,
    lang: str | None = None,
    page_size: str | None = None,
    invariant: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> None:
    t = Labels(lang)
    info = info_from_settings(
        report.settings, t(TITLE), t.lang, report.generated_on, subject=_period(report, t)
    )
    if page_size:
        info.page_size = page_size
    story = _cover(report, t, info) + _contents(t) + _summary(report, t, info)
    story += _matrices(report, t, info) + _partners(report, t, info)
    story += lists.sections(report, t, info) + _gaps(report, t)
    story += report_indicators_pdf.sections(report, t, info)
    story += reporting.pdf_sections(report, t, info)
    build_pdf(target, info, story, invariant, first_template="cover", on_page=on_page)


def _period(report: CoordinationReport, t: Labels) -> str:
    r = report.request
    return t(N_("Periodo: {period}")).format(period=t.period(r.date_from, r.date_to))


# --- cover and contents ------------------------------------------------------------------------


def _cover(report: CoordinationReport, t: Labels, info: DocumentInfo) -> list[Flowable]:
    st = styles()
    big = ParagraphStyle("cover_org", parent=st.title, fontSize=20, leading=25, spaceAfter=18)
    sub = ParagraphStyle(
        "cover_title", parent=st.title, fontSize=16, leading=20, textColor=HEADER_FILL
    )
    centre = ParagraphStyle(
        "cover_line", parent=st.normal, alignment=TA_CENTER, fontSize=11, leading=15
    )
    story: list[Flowable] = [Spacer(1, 3 * cm)]
    logo = _cover_logo(info.logo_path)
    if logo is not None:
        story += [logo, Spacer(1, 0.8 * cm)]
    story += [para(cut(info.org_name, t.lang), big), para(t(TITLE), sub), Spacer(1, 0.6 * cm)]
    story += [para(_period(report, t), centre)]
    if report.frozen is not None:
        story += [para(reporting.frozen_note(report, t), centre)]
    story.append(
        para(
            t(N_("Estado de los compromisos al {date}")).format(date=format_date(report.on)), centre
        )
    )
    story.append(Spacer(1, 1.2 * cm))
    story += [
        bold_label(label, cut(value, t.lang, 2000), centre)
        for label, value in filter_lines(report, t)
    ]
    if report.is_sample:
        warn = ParagraphStyle(
            "sample", parent=centre, textColor=colors.HexColor("#C0392B"), fontName=FONT_BOLD
        )
        story += [Spacer(1, 1.5 * cm), para(t(SAMPLE), warn)]
    return story + [switch_to("portrait"), PageBreak()]


def _cover_logo(path: str | None) -> Image | None:
    if not path or not Path(path).is_file():
        return None
    try:
        image = Image(path)
    except Exception:  # an unreadable logo must not stop the report
        return None
    # 3.5 cm high, unless that makes a wide logo wider than 16 cm.
    ratio = min(3.5 * cm / float(image.imageHeight or 1), 16 * cm / float(image.imageWidth or 1))
    image.drawHeight, image.drawWidth = image.imageHeight * ratio, image.imageWidth * ratio
    return image


def _contents(t: Labels) -> list[Flowable]:
    st = styles()
    return [para(t(N_("Contenido")), st.title), table_of_contents(t.lang), PageBreak()]


# --- summary -----------------------------------------------------------------------------------


def _summary(report: CoordinationReport, t: Labels, info: DocumentInfo) -> list[Flowable]:
    width = frame_width(info)
    story: list[Flowable] = [heading(t(N_("1. Resumen")))]
    figures = key_figures(report, t)
    story += data_table(
        [t(N_("Indicador")), t(N_("Valor"))],
        [list(f) for f in figures],
        [width * 0.7, width * 0.3],
        {0},
        extra_style=[("ALIGN", (1, 1), (1, -1), "RIGHT")],
    )
    story += [Spacer(1, 0.3 * cm), heading(t(N_("Comparación con el periodo anterior")), 1)]
    story += _comparison(report, t, width)
    story += _note(completed_note(report, t))
    story += [Spacer(1, 0.3 * cm), heading(t(N_("Compromisos por estado")), 1)]
    story += _status_table(report, t, width)
    share_note = N_(
        "«% del total»: sobre todos los compromisos del periodo, cancelados incluidos. El «% "
        "cumplido» del resumen y de las matrices no cuenta los cancelados: cumplidos ÷ (todos − "
        "cancelados)."
    )
    story += [para(t(share_note), styles().small)]
    # Each chart under its own heading: in the contents page and the PDF bookmarks.
    story += [CondPageBreak(8.5 * cm), heading(t(charts.STATUS_TITLE), 1)]
    story += [charts.status_by_component(report, t, width, titled=False)]
    story += [CondPageBreak(7.5 * cm), heading(t(charts.MONTH_TITLE), 1)]
    story += [charts.completed_by_month(report, t, width, titled=False)]
    return story


def _comparison(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    s = report.summary
    header = [
        t(N_("Indicador")),
        t.period(s.current.date_from, s.current.date_to),
        t.period(s.previous.date_from, s.previous.date_to),
        t(N_("Cambio")),
    ]
    rows = []
    for label, now, before, money in comparison_rows(report, t):
        shown = format_cop if money else format_quantity
        change = signed(now - before, money)
        rows.append([label, shown(now), shown(before), change])
    right = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    return data_table(
        header,
        rows,
        [width * 0.4, width * 0.22, width * 0.22, width * 0.16],
        {0},
        extra_style=right,
    )


def _status_table(report: CoordinationReport, t: Labels, width: float) -> list[Flowable]:
    totals = report.summary.status_totals
    grand = sum(totals.values())
    rows = [
        [t.status(status), format_quantity(n), percent(100.0 * n / grand if grand else None)]
        for status, n in totals.items()
    ]
    rows.append([t(COMMITMENTS_SUM), format_quantity(grand), percent(100.0 if grand else None)])
    style = [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD)]
    return data_table(
        [t(N_("Estado")), t(N_("Compromisos")), t(N_("% del total"))],
        rows,
        [width * 0.5, width * 0.25, width * 0.25],
        set(),
        extra_style=style,
    )


# --- matrices ----------------------------------------------------------------------------------


def _matrices(report: CoordinationReport, t: Labels, info: DocumentInfo) -> list[Flowable]:
    width = frame_width(info, "landscape")
    note = t(
        N_(
            "Cada celda: compromisos y % cumplido (sin cancelados). Más oscuro = más compromisos; "
            "«—» = ninguno; «n. a.» = todos cancelados (sin % cumplido). Un compromiso para "
            "todos los clústeres cuenta en cada uno."
        )
    )
    story: list[Flowable] = [switch_to("landscape"), PageBreak()]
    story += [
        heading(t(N_("2. Quién hace qué y dónde"))),
        heading(t(N_("Clúster × componente")), 1),
    ]
    story += [para(note, styles().small)]
    story += _heat_table(report.cluster_matrix, t(N_("Clúster")), t, width, t(CLUSTER_SUM))
    story += _note(matrix_note(report, t))
    story += [Spacer(1, 0.5 * cm), CondPageBreak(6 * cm)]
    story += [heading(t(N_("Entidad × componente")), 1), para(note, styles().small)]
    story += _heat_table(report.partner_matrix, t(N_("Entidad")), t, width, t(COMMITMENTS_SUM))
    # On the landscape pages, after the matrices: a portrait page of its own was nearly empty.
    story += [heading(t(N_("Compromisos por clúster")), 1)]
    story.append(charts.per_cluster(report, t, width, body_height(info, "landscape")))
    return story + [switch_to("portrait")]  # from the next part's page break


def _note(text: str) -> list[Flowable]:
    return [Spacer(1, 0.1 * cm), para(text, styles().small)] if text else []


def _heat_table(
    matrix: Matrix, first: str, t: Labels, width: float, sum_label: str
) -> list[Flowable]:
    if not matrix.rows:
        return [para(t(N_("Sin compromisos en este periodo y filtro.")))]
    header = [first, *(name for _id, name in matrix.columns), t(N_("Total"))]
    lines = [
        (name, [matrix.cell(rid, cid) for cid, _n in matrix.columns], matrix.row_total(rid))
        for rid, name in matrix.rows
    ]
    totals = [matrix.column_total(cid) for cid, _n in matrix.columns]
    lines.append((sum_label, totals, _sum(totals)))
    top = max((c.total for _name, cells, _r in lines[:-1] for c in cells), default=0)
    first_width = min(7 * cm, width * 0.3)
    widths = [first_width] + [(width - first_width) / (len(header) - 1)] * (len(header) - 1)
    out: list[Flowable] = []
    for start in range(0, len(lines), TABLE_CHUNK_ROWS):
        chunk = lines[start : start + TABLE_CHUNK_ROWS]
        rows = [
            [name, *(_cell_text(c, t) for c in cells), _cell_text(total, t)]
            for name, cells, total in chunk
        ]
        style = _heat_style(chunk, top, is_last=start + TABLE_CHUNK_ROWS >= len(lines))
        out += data_table(header, rows, widths, {0}, chunk_rows=len(rows), extra_style=style)
    return out


def _sum(cells) -> Cell:
    out = Cell()
    for c in cells:
        out.add(c.total, c.completed, c.cancelled)
    return out


def _cell_text(cell, t: Labels) -> str:
    if cell.total == 0:
        return "—"
    return f"{format_quantity(cell.total)}\n{t.percent(cell.percent)}"


def _heat_style(chunk, top: int, is_last: bool) -> list:
    style = [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    shaded = chunk[:-1] if is_last else chunk  # the totals row stays plain
    for r, (_name, cells, _total) in enumerate(shaded, start=1):
        for c, cell in enumerate(cells, start=1):
            style += _shade(cell.total, top, c, r)
        style.append(("FONTNAME", (-1, r), (-1, r), FONT_BOLD))
    if is_last:
        style += [
            ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 1, HEADER_FILL),
        ]
    return style


def _shade(count: int, top: int, col: int, row: int) -> list:
    if count == 0:
        return [("BACKGROUND", (col, row), (col, row), EMPTY_FILL)]
    level = min(1.0, count / top) if top else 0.0
    fill = linearlyInterpolatedColor(HEAT_LOW, HEAT_HIGH, 0, 1, level)
    return [
        ("BACKGROUND", (col, row), (col, row), fill),
        ("TEXTCOLOR", (col, row), (col, row), ink_on(fill)),
    ]


def ink_on(fill) -> colors.Color:
    """Black or white, whichever contrasts more with `fill` (WCAG's ratio, at least 4.6:1 for
    any fill): a grey printer keeps only the lightness, so mid-blue cells take black."""

    def luminance(colour) -> float:
        def linear(c):
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(v) for v in colour.rgb())
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light = luminance(fill)
    on_black, on_white = (light + 0.05) / 0.05, 1.05 / (light + 0.05)
    return colors.black if on_black >= on_white else colors.white


# --- partners and gaps ---------------------------------------------------------------------------


def _partners(report: CoordinationReport, t: Labels, info: DocumentInfo) -> list[Flowable]:
    width = frame_width(info)
    story: list[Flowable] = [PageBreak(), heading(t(N_("3. Avance por entidad")))]
    if not report.partners:
        return story + [para(t(N_("Sin compromisos en este periodo y filtro.")))]
    header = [
        t(N_("Entidad")),
        t(N_("Compromisos")),
        t(N_("Cumplidos")),
        t(N_("% cumplido")),
        t(N_("Vencidos")),
        t(N_("Valor (COP)")),
        t(N_("Último avance")),
    ]
    rows = [
        [
            p.name,
            format_quantity(p.total),
            format_quantity(p.completed),
            t.percent(p.percent),
            format_quantity(p.overdue),
            format_cop(p.amount_cop),
            format_date(p.last_progress) or "—",
        ]
        for p in report.partners
    ]
    widths = [w * cm for w in (5.2, 2.5, 1.9, 1.9, 1.8, 2.8, 2.2)]
    widths = [w * width / sum(widths) for w in widths]
    right = [("ALIGN", (1, 1), (-2, -1), "RIGHT")]
    return story + data_table(header, rows, widths, {0}, extra_style=right)


def _gaps(report: CoordinationReport, t: Labels) -> list[Flowable]:
    gaps = report.gaps
    none = t(N_("Ninguno."))
    story: list[Flowable] = [PageBreak(), heading(t(N_("5. Brechas de cobertura")))]
    story.append(
        para(
            t(
                N_(
                    "Sin compromisos activos (propuestos, en ejecución o vencidos) en el periodo y filtro:"
                )
            )
        )
    )
    short = [cut(name, t.lang, 300) for name in gaps.clusters]
    story.append(bold_label(t(N_("Clústeres")), cut(", ".join(short), t.lang, 6000) or none))
    components = [cut(name, t.lang, 300) for name in gaps.components]
    story.append(bold_label(t(N_("Componentes")), ", ".join(components) or none))
    cells = [f"{cut(a, t.lang, 300)} — {cut(b, t.lang, 300)}" for a, b in gaps.cells]
    story.append(bold_label(t(N_("Combinaciones clúster — componente")), ""))
    story += paras("; ".join(cells) or none)
    return story
