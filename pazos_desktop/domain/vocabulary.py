"""Vocabularies and pure rules of the register: partner types, commitment statuses (IATI-like),
progress sources, and when a commitment is overdue."""

from __future__ import annotations

import datetime as dt
import enum

from pazos_desktop.i18n import N_, _

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
