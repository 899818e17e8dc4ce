"""Vocabularies and pure rules of the domain: statuses, partner types, overdue, keys."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata

from .i18n import N_, _

DUE_SOON_DAYS = 30


class PartnerType(enum.StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    INTERNATIONAL = "international"
    COMMUNITY = "community"
    FOUNDATION = "foundation"
    ACADEMIA = "academia"


PARTNER_TYPE_LABELS = {
    PartnerType.PUBLIC: N_("Institución pública"),
    PartnerType.PRIVATE: N_("Sector privado"),
    PartnerType.INTERNATIONAL: N_("Organización internacional"),
    PartnerType.COMMUNITY: N_("Organización comunitaria"),
    PartnerType.FOUNDATION: N_("Fundación / ONG"),
    PartnerType.ACADEMIA: N_("Academia"),
}


class Status(enum.StrEnum):
    """Stored statuses, close to IATI's activity status codes (see `IATI_CODES`)."""

    PIPELINE = "pipeline"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    SUSPENDED = "suspended"


# "overdue" is never stored: it is derived from the due date (see `is_overdue`).
OVERDUE = "overdue"
OPEN_STATUSES = (Status.PIPELINE, Status.IN_PROGRESS)

STATUS_LABELS = {
    Status.PIPELINE: N_("Propuesto"),
    Status.IN_PROGRESS: N_("En ejecución"),
    Status.COMPLETED: N_("Cumplido"),
    Status.CANCELLED: N_("Cancelado"),
    Status.SUSPENDED: N_("Suspendido"),
    OVERDUE: N_("Vencido"),
}

IATI_CODES = {
    Status.PIPELINE: 1,
    Status.IN_PROGRESS: 2,
    Status.COMPLETED: 3,
    Status.CANCELLED: 5,
    Status.SUSPENDED: 6,
}


class ProgressSource(enum.StrEnum):
    MANUAL = "manual"
    MEETING = "meeting"
    IMPORT = "import"


SOURCE_LABELS = {
    ProgressSource.MANUAL: N_("Manual"),
    ProgressSource.MEETING: N_("Reunión"),
    ProgressSource.IMPORT: N_("Importación"),
}


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def partner_type_label(value: str) -> str:
    return _(PARTNER_TYPE_LABELS.get(value, value))


def source_label(value: str) -> str:
    return _(SOURCE_LABELS.get(value, value))


def is_overdue(status: str, due_date: dt.date | None, today: dt.date) -> bool:
    return status in OPEN_STATUSES and due_date is not None and due_date < today


def effective_status(status: str, due_date: dt.date | None, today: dt.date) -> str:
    """The status a user sees: the stored one, or "overdue" when the due date has passed."""
    return OVERDUE if is_overdue(status, due_date, today) else status


def fold(text: str | None) -> str:
    """Case- and accent-insensitive key: "Fundación  SIDOC" -> "fundacion sidoc"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def clean_text(text: str | None) -> str | None:
    """Trimmed text, or None when nothing but blanks was typed."""
    if text is None:
        return None
    text = str(text).strip()
    return text or None


# 6 to 15 digits before the check digit: a person's NIT is their cédula, and old cédulas have
# 6 digits, which python-stdnum's validate() refuses (it wants 8 to 16 with the digit).
_NIT_RE = re.compile(r"^(\d{6,15})-?(\d)$")


def nit_check_digit(number: str) -> int:
    """DIAN's check digit (dígito de verificación) for a NIT number without it: python-stdnum's
    `stdnum.co.nit` (weights 3, 7, 13 … 71 from the right; a test holds it to that formula)."""
    from stdnum.co import nit

    return int(nit.calc_check_digit(number))


def normalize_nit(raw: str) -> str | None:
    """'891.380.007-3' -> '891380007-3' when the check digit is right; None when invalid."""
    compact = re.sub(r"[\s.]", "", raw)
    match = _NIT_RE.match(compact)
    if not match:
        return None
    number, check = match.groups()
    if nit_check_digit(number) != int(check):
        return None
    return f"{number}-{check}"


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_cop(amount: int | float | None) -> str:
    """Colombian pesos as offices write them: "$ 1.234.567"."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}$ {abs(round(amount)):,}".replace(",", ".")


def format_quantity(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
