"""A meeting as the services hand it over and take it back: plain dataclasses, never ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pazos_desktop.domain.meetings import MeetingStatus, acta_label


@dataclass
class AttendeeData:
    name: str = ""
    entity: str | None = None
    position: str | None = None
    contact_id: int | None = None
    email: str | None = None
    phone: str | None = None
    presence: str = "present"
    is_guest: bool = False
    id: int | None = None


@dataclass
class AgendaItemData:
    title: str = ""
    development: str | None = None
    id: int | None = None


@dataclass
class DecisionData:
    text: str = ""
    id: int | None = None


@dataclass
class MeetingData:
    type: str = "technical_committee"
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    link: str | None = None
    objective: str | None = None
    chair_contact_id: int | None = None
    chair_name: str | None = None
    chair_position: str | None = None
    secretary_contact_id: int | None = None
    secretary_name: str | None = None
    secretary_position: str | None = None
    next_date: dt.date | None = None
    next_place: str | None = None
    next_time: dt.time | None = None
    prepared_by: str | None = None
    prepared_position: str | None = None
    reviewed_by: str | None = None
    reviewed_position: str | None = None
    approver_name: str | None = None
    approver_position: str | None = None
    cluster_ids: list[int] = field(default_factory=list)
    attendees: list[AttendeeData] = field(default_factory=list)
    agenda: list[AgendaItemData] = field(default_factory=list)
    decisions: list[DecisionData] = field(default_factory=list)
    # The body whose consecutive the acta takes; None when creating: the type's own series.
    series: str | None = None
    # None when creating: the next free consecutive of the series and year is assigned.
    number: int | None = None
    year: int | None = None
    status: str = MeetingStatus.DRAFT.value
    approved_at: dt.datetime | None = None
    approved_by: str | None = None
    id: int | None = None
    version: int | None = None

    @property
    def label(self) -> str:
        return acta_label(self.number or 0, self.year or 0)

    @property
    def approved(self) -> bool:
        return self.status == MeetingStatus.APPROVED.value
