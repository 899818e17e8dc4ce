"""Texts and figures the PDF and the Excel report share, so both say exactly the same."""

from __future__ import annotations

import datetime as dt

from pazos_desktop.domain.formats import format_cop, format_date, format_percent, format_quantity
from pazos_desktop.domain.vocabulary import OVERDUE, STATUS_LABELS, Status
from pazos_desktop.i18n import N_, get_language, translate
from pazos_desktop.services.report.coordination import CoordinationReport, PeriodFigures

TITLE = N_("Informe de coordinación interinstitucional")
SAMPLE = N_("DATOS DE EJEMPLO: no corresponden a compromisos reales.")
MONTHS = [
    N_("ene"),
    N_("feb"),
    N_("mar"),
    N_("abr"),
    N_("may"),
    N_("jun"),
    N_("jul"),
    N_("ago"),
    N_("sep"),
    N_("oct"),
    N_("nov"),
    N_("dic"),
]
# Chart and cell colours by status: calm for done, warm for late.
STATUS_COLOURS = {
    Status.PIPELINE.value: "#9DB4C0",
    Status.IN_PROGRESS.value: "#2E75B6",
    Status.COMPLETED.value: "#3A9D5D",
    Status.CANCELLED.value: "#7F7F7F",
    Status.SUSPENDED.value: "#C9A227",
    OVERDUE: "#C0392B",
}
STATUS_ORDER = [*STATUS_COLOURS]


class Labels:
    """Translation and formatting in the report's language, whatever the program's one is."""

    def __init__(self, lang: str | None = None):
        self.lang = lang or get_language()

    def __call__(self, text: str) -> str:
        return translate(text, self.lang)

    def status(self, status: str | None) -> str:
        return self(STATUS_LABELS.get(status, status)) if status else ""

    def month(self, year: int, month: int) -> str:
        return f"{self(MONTHS[month - 1])} {year}"

    def period(self, date_from: dt.date, date_to: dt.date) -> str:
        return f"{format_date(date_from)} – {format_date(date_to)}"

    def percent(self, value: float | None) -> str:
        """A % completed; "n. a." where every commitment was cancelled (not "—": none)."""
        return percent(value, self(NOT_APPLICABLE))


NOT_APPLICABLE = N_("n. a.")  # a % of nothing: every commitment of the cell was cancelled


def percent(value: float | None, missing: str = "—") -> str:
    return format_percent(value, missing)


def signed(value: int, money: bool = False) -> str:
    """A change as offices write it: "+2.386", "-148", "0"; money "+ $ 1.000", "- $ 500"
    (the sign apart from the peso sign: "+$" reads as a typo)."""
    if money:
        shown = format_cop(abs(value))
        return (("+ " if value > 0 else "- " if value < 0 else "") + shown).strip()
    shown = format_quantity(abs(value))
    return ("+" if value > 0 else "-" if value < 0 else "") + shown


def comparison_rows(report: CoordinationReport, t: Labels) -> list[tuple[str, int, int, bool]]:
    """(indicator, this period, previous period, is money) for the summary's comparison."""
    cur, prev = report.summary.current, report.summary.previous
    return [(t(label), getter(cur), getter(prev), money) for label, getter, money in _COMPARED]


def _get(name: str):
    def getter(figures: PeriodFigures) -> int:
        return getattr(figures, name)

    return getter


_COMPARED = [
    (N_("Compromisos vigentes en el periodo"), _get("active"), False),
    (N_("Compromisos nuevos (inicio en el periodo)"), _get("new"), False),
    (N_("Valor de los compromisos nuevos"), _get("new_amount_cop"), True),
    (N_("Cumplidos dentro del periodo"), _get("completed"), False),
    (N_("Avances reportados en el periodo"), _get("progress_updates"), False),
]


def key_figures(report: CoordinationReport, t: Labels) -> list[tuple[str, str]]:
    """The summary's headline figures, as (label, value) text."""
    s = report.summary
    return [
        (t(N_("Compromisos del periodo")), format_quantity(s.overall.total)),
        (completed_label(report, t), format_quantity(s.overall.completed)),
        (t(N_("% cumplido (sin cancelados)")), t.percent(s.overall.percent)),
        (t(N_("Vencidos")), format_quantity(s.overdue)),
        (
            t(N_("Vencen en los próximos {n} días")).format(n=report.request.due_soon_days),
            format_quantity(s.due_soon),
        ),
        (t(N_("Valor comprometido (COP)")), format_cop(s.committed_cop)),
        (t(N_("Compromisos nuevos en el periodo")), format_quantity(s.current.new)),
        (t(N_("Avances reportados en el periodo")), format_quantity(s.current.progress_updates)),
    ]


def completed_label(report: CoordinationReport, t: Labels) -> str:
    return t(N_("Cumplidos al {date}")).format(date=format_date(report.on))


CLUSTER_SUM = N_("Suma de los clústeres")
COMMITMENTS_SUM = N_("Total de compromisos")


def completed_note(report: CoordinationReport, t: Labels) -> str:
    """One sentence where the summary's two counts of completed commitments differ."""
    s, r = report.summary, report.request
    if s.overall.completed == s.current.completed == s.completed_within:
        return ""
    extra = s.current.completed - s.completed_within
    text = N_(
        "«Cumplidos al {date}» ({total}) cuenta los compromisos del periodo que están cumplidos "
        "en esa fecha; «Cumplidos dentro del periodo» ({completed}), los que se cumplieron "
        "entre el {start} y el {end}: {within} de aquellos {total} y {extra} de compromisos "
        "que vencían antes del periodo."
    )
    if not extra:
        text = N_(
            "«Cumplidos al {date}» ({total}) cuenta los compromisos del periodo que están "
            "cumplidos en esa fecha; «Cumplidos dentro del periodo» ({completed}), solo los que "
            "se cumplieron entre el {start} y el {end}."
        )
    return t(text).format(
        date=format_date(report.on),
        total=format_quantity(s.overall.completed),
        completed=format_quantity(s.current.completed),
        start=format_date(r.date_from),
        end=format_date(r.date_to),
        within=format_quantity(s.completed_within),
        extra=format_quantity(extra),
    )


def matrix_note(report: CoordinationReport, t: Labels) -> str:
    """One sentence where the cluster matrix's sum differs from the commitments counted."""
    matrix = report.cluster_matrix
    pairs = sum(matrix.column_total(cid).total for cid, _name in matrix.columns)
    total = report.summary.overall.total
    if pairs == total:
        return ""
    return t(
        N_(
            "«{sum}» ({pairs}) no es el número de compromisos ({total} en el periodo): cada "
            "compromiso cuenta una vez en cada clúster donde trabaja, y uno para todos los "
            "clústeres, en cada uno."
        )
    ).format(sum=t(CLUSTER_SUM), pairs=format_quantity(pairs), total=format_quantity(total))


def filter_lines(report: CoordinationReport, t: Labels) -> list[tuple[str, str]]:
    """What the report was filtered by; "todos"/"todas" agrees with each noun (entidad is
    feminine: "Entidades: todas")."""
    every, every_fem = t(N_("todos")), t(N_("todas"))
    return [
        (t(N_("Clústeres")), ", ".join(report.filters["clusters"]) or every),
        (t(N_("Componentes")), ", ".join(report.filters["components"]) or every),
        (t(N_("Entidades")), ", ".join(report.filters["partners"]) or every_fem),
    ]


def quantity_pair(achieved: float | None, target: float | None) -> str:
    if achieved is None:
        return ""
    if target:
        return f"{format_quantity(achieved)} / {format_quantity(target)}"
    return format_quantity(achieved)
