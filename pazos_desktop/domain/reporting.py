"""The reporting cycle's vocabulary and pure rules: how partners report (monthly, quarterly or
custom periods), the state of a partner's report for a period, when it is due, and which
evidence files are accepted.

A report's state is stored (*Pendiente*, *Enviado*, *Recibido*, *Aceptado*, *Devuelto*);
*Vencido* is never stored: like a commitment's "overdue", it follows the dates (a report still
pending or sent after its due date), so nobody has to mark it.
"""

from __future__ import annotations

import datetime as dt
import enum
import mimetypes
from dataclasses import dataclass

from pazos_desktop.business_days import add_business_days
from pazos_desktop.domain.indicators import Periodicity, period_label, period_of, read_period
from pazos_desktop.i18n import N_, _


class ReportState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    RETURNED = "returned"


OVERDUE_REPORT = "overdue"  # derived: pending or sent after the due date
WAITING = (ReportState.PENDING, ReportState.SENT)  # nothing received yet
UNACCEPTED = (ReportState.RECEIVED, ReportState.RETURNED)  # figures in, not yet accepted

STATE_LABELS = {
    ReportState.PENDING: N_("Pendiente"),
    ReportState.SENT: N_("Enviado"),
    ReportState.RECEIVED: N_("Recibido"),
    ReportState.ACCEPTED: N_("Aceptado"),
    ReportState.RETURNED: N_("Devuelto"),
    OVERDUE_REPORT: N_("Vencido"),
}
# Colours say the state at a glance; the text says it too (a colour alone excludes people).
STATE_COLORS = {
    ReportState.PENDING: "#eeeeee",
    ReportState.SENT: "#dbe9f6",
    ReportState.RECEIVED: "#ede1f5",
    ReportState.ACCEPTED: "#dcefdc",
    ReportState.RETURNED: "#fdebd0",
    OVERDUE_REPORT: "#fde2e1",
}
ALL_STATES = [*ReportState, OVERDUE_REPORT]


def state_label(state: str) -> str:
    return _(STATE_LABELS.get(state, state))


def effective_state(state: str, due: dt.date, on: dt.date) -> str:
    """The state a user sees: the stored one, or *Vencido* when nothing came in by the due
    date."""
    return OVERDUE_REPORT if state in WAITING and due < on else state


# Which stored states each step may start from (services/reporting/states.py applies them).
ALLOWED_FROM = {
    "send": (ReportState.PENDING, ReportState.SENT),
    "receive": (
        ReportState.PENDING,
        ReportState.SENT,
        ReportState.RECEIVED,
        ReportState.RETURNED,
    ),
    "accept": (ReportState.RECEIVED,),
    "return": (ReportState.RECEIVED,),
}


# --- periods ----------------------------------------------------------------------------------


class Frequency(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    CUSTOM = "custom"


FREQUENCY_LABELS = {
    Frequency.MONTHLY: N_("Mensual"),
    Frequency.QUARTERLY: N_("Trimestral"),
    Frequency.CUSTOM: N_("Periodos definidos por la oficina"),
}
DEFAULT_DUE_DAYS = 10  # business days after a period's end
MAX_DUE_DAYS = 60
MONTH_NAMES = (
    N_("enero"),
    N_("febrero"),
    N_("marzo"),
    N_("abril"),
    N_("mayo"),
    N_("junio"),
    N_("julio"),
    N_("agosto"),
    N_("septiembre"),
    N_("octubre"),
    N_("noviembre"),
    N_("diciembre"),
)


@dataclass(frozen=True)
class Period:
    """A reporting period: "2026-11" (a month), "2026-T4" (a quarter) or one the office
    defined with its own code and dates."""

    code: str
    start: dt.date
    end: dt.date
    name: str = ""  # a custom period's own name; months and quarters are named when shown

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """ "noviembre de 2026", "4.º trimestre de 2026", or the custom period's name."""
        if self.name:
            return self.name
        found = read_period(self.code)
        if found is not None and found[0] == Periodicity.QUARTERLY:
            quarter = 1 + (self.start.month - 1) // 3
            return _("{n}.º trimestre de {year}").format(n=quarter, year=self.start.year)
        if found is not None and found[0] == Periodicity.MONTHLY:
            month = _(MONTH_NAMES[self.start.month - 1])
            return _("{month} de {year}").format(month=month, year=self.start.year)
        return self.code


def standard_period(text: str) -> Period | None:
    """A month or a quarter as people write it ("2026-11", "2026-T4", "T4 2026", "11/2026");
    None for anything else (a custom period's code, a typo)."""
    found = read_period(text)
    if found is None or found[0] == Periodicity.YEARLY:
        return None
    unit, start = found
    first, last, _months = period_of(unit, start)
    return Period(period_label(unit, first), first, last)


def period_containing(frequency: str, day: dt.date) -> Period:
    """The month or quarter (a custom frequency counts by months here) that holds `day`."""
    unit = Periodicity.QUARTERLY if frequency == Frequency.QUARTERLY else Periodicity.MONTHLY
    first, last, _months = period_of(unit, day)
    return Period(period_label(unit, first), first, last)


def previous_period(frequency: str, period: Period) -> Period:
    return period_containing(frequency, period.start - dt.timedelta(days=1))


def recent_periods(frequency: str, today: dt.date, count: int) -> list[Period]:
    """The `count` latest months or quarters up to the one holding `today`, newest first."""
    out = [period_containing(frequency, today)]
    while len(out) < count:
        out.append(previous_period(frequency, out[-1]))
    return out


def due_date(period: Period, days: int) -> dt.date:
    """`days` Colombian business days after the period's last day (0: that day itself)."""
    return add_business_days(period.end, days)


def period_to_report(periods: list[Period], today: dt.date) -> Period | None:
    """The period partners are asked about now: the latest that has ended (reports come in
    after a period closes); before any has ended, the one in course."""
    ended = [p for p in periods if p.end < today]
    if ended:
        return max(ended, key=lambda p: p.end)
    running = [p for p in periods if p.contains(today)]
    return running[0] if running else None


def period_to_send(
    periods: list[Period], today: dt.date, dues: dict[str, dt.date]
) -> Period | None:
    """The period to ask partners about when their sheets go out now: the latest that has
    ended while its report is not yet due; else the one in course (sheets sent near a period's
    end, to be returned after it)."""
    ended = [p for p in periods if p.end < today and dues[p.code] >= today]
    if ended:
        return max(ended, key=lambda p: p.end)
    running = [p for p in periods if p.contains(today)]
    return running[0] if running else period_to_report(periods, today)


# --- evidence (medios de verificación) --------------------------------------------------------

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
EVIDENCE_WARNING_BYTES = 1024**3  # the Panel warns past 1 GB of evidence in all
# Programs and scripts Windows runs on a double click: never stored, never opened.
EXECUTABLE = {
    ".exe", ".bat", ".cmd", ".com", ".js", ".jse", ".vbs", ".vbe", ".lnk", ".scr", ".pif",
    ".msi", ".msp", ".ps1", ".psm1", ".wsf", ".wsh", ".hta", ".jar", ".dll", ".cpl", ".reg",
    ".sh", ".app", ".url",
}  # fmt: skip
# What partners send as proof: documents, spreadsheets, images, and the PDFs of it all.
ALLOWED = {
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic",
    ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv", ".ppt",
    ".pptx", ".odp", ".zip",
}  # fmt: skip
# A program renamed ".pdf" is still a program: the first bytes of Windows and Linux binaries.
PROGRAM_SIGNATURES = (b"MZ", b"\x7fELF", b"#!")


def evidence_problem(name: str, size: int, head: bytes = b"") -> str | None:
    """Why a file cannot be evidence (said with its name), or None when it can."""
    suffix = _suffix(name)
    if suffix in EXECUTABLE or head.startswith(PROGRAM_SIGNATURES):
        return _(
            "«{name}» es un programa o un acceso directo: no se admite como evidencia."
        ).format(name=name)
    if suffix not in ALLOWED:
        return _(
            "«{name}»: tipo de archivo no admitido como evidencia (PDF, imágenes, hojas de "
            "cálculo, documentos, presentaciones o ZIP)."
        ).format(name=name)
    if size > MAX_EVIDENCE_BYTES:
        return _("«{name}» pesa {size}; una evidencia puede pesar hasta {limit}.").format(
            name=name, size=format_size(size), limit=format_size(MAX_EVIDENCE_BYTES)
        )
    if size == 0:
        return _("«{name}» está vacío.").format(name=name)
    return None


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower().strip() if dot >= 0 else ""


def media_type(name: str) -> str:
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


def format_size(size: int) -> str:
    """ "850 KB", "1,5 MB", "2,1 GB": sizes as people read them (1 KB = 1024 bytes)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = f"{size / scale:.1f}".replace(".", ",").removesuffix(",0")
            return f"{value} {unit}"
    return f"{size} B"
