"""The history that concerns a person, summarised per record for the person (derecho a
conocer, art. 8 a), Ley 1581): what was recorded about them in each record, when and by whom.

The history itself keeps one row per field and raw values (ids, ISO moments, "present",
"False"); a citizen reads one line per record instead: its name as people know it ("Asistencia
— Acta No. 003 de 2026 — Comité técnico"), the fields as their declarations label and format
them in the export's language (hidden fields, ids and orders left out), when it was first
recorded and last changed, by whom, and how many changes it had.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.meetings import Meeting, MeetingAttendee
from pazos_desktop.db.models.register import Commitment, HistoryEntry
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.domain.meetings import acta_name
from pazos_desktop.domain.records import RECORDS, own_field
from pazos_desktop.i18n import N_, translate
from pazos_desktop.services.history.readable import names_of, shown_value

SEPARATOR = " · "
CONTACT_RECORD = N_("Sus datos de contacto")
ATTENDANCE_RECORD = N_("Asistencia — {acta}")
COMMITMENT_RECORD = N_("Compromiso {id} — {title}")


def summarise(session: Session, entries: list[HistoryEntry], lang: str) -> list[dict]:
    """One dict per record the entries touch (oldest first): record, recorded, first, first_by,
    last, last_by, changes."""
    groups: dict[tuple[str, int], list[HistoryEntry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda h: (h.at, h.id)):
        groups[(entry.entity, entry.entity_id)].append(entry)
    names = names_of(session, entries, lang)
    titles = _titles(session, groups, lang)
    out = []
    for key, rows in groups.items():
        first, last = rows[0], rows[-1]
        out.append(
            {
                "record": titles.get(key) or _record_label(key[0], lang),
                "recorded": SEPARATOR.join(_recorded(rows, names, lang)),
                "first": format_moment(first.at),
                "first_by": first.actor,
                "last": format_moment(last.at) if last.at != first.at else "",
                "last_by": last.actor if last.at != first.at else "",
                "changes": len({(h.at, h.actor) for h in rows}),
            }
        )
    return out


def _recorded(rows: list[HistoryEntry], names, lang: str) -> list[str]:
    """Each shown field once, with the value it holds after the last change."""
    latest: dict[str, str] = {}
    for h in rows:
        spec = own_field(h.entity, h.field) if h.field else None
        if spec is None or spec.hidden:
            continue
        value = shown_value(spec, h.new_value, names, lang)
        label = translate(spec.label, lang)
        if value:
            latest[label] = value
        else:
            latest.pop(label, None)
    return [f"{label}: {value}" for label, value in latest.items()]


def _record_label(entity: str, lang: str) -> str:
    record = RECORDS.get(entity)
    return translate(record.label, lang) if record is not None else ""


def _titles(session: Session, groups, lang: str) -> dict[tuple[str, int], str]:
    """The records' names as a reader knows them, read in one query per kind."""
    ids: dict[str, list[int]] = defaultdict(list)
    for entity, entity_id in groups:
        ids[entity].append(entity_id)
    out = {("contact", i): translate(CONTACT_RECORD, lang) for i in ids["contact"]}
    attended = _attendee_meetings(session, groups, ids["meeting_attendee"])
    meetings = _meeting_names(session, ids["meeting"] + list(attended.values()), lang)
    out |= {("meeting", i): meetings[i] for i in ids["meeting"] if i in meetings}
    template = translate(ATTENDANCE_RECORD, lang)
    for i, meeting_id in attended.items():
        if meeting_id in meetings:
            out[("meeting_attendee", i)] = template.format(acta=meetings[meeting_id])
    template = translate(COMMITMENT_RECORD, lang)
    query = select(Commitment.id, Commitment.title).where(Commitment.id.in_(ids["commitment"]))
    for i, title in session.execute(query):
        out[("commitment", i)] = template.format(id=i, title=title)
    return out


def _attendee_meetings(session: Session, groups, attendees: list[int]) -> dict[int, int]:
    """attendee id -> meeting id: the row's own, else its creation's (a row since deleted)."""
    found: dict[int, int] = {}
    for i in attendees:
        created = next(
            (h.new_value for h in groups[("meeting_attendee", i)] if h.field == "meeting_id"), None
        )
        if created and created.isdigit():
            found[i] = int(created)
    query = select(MeetingAttendee.id, MeetingAttendee.meeting_id)
    found.update(dict(session.execute(query.where(MeetingAttendee.id.in_(attendees))).all()))
    return found


def _meeting_names(session: Session, meeting_ids: list[int], lang: str) -> dict[int, str]:
    query = select(Meeting.id, Meeting.number, Meeting.year, Meeting.series)
    rows = session.execute(query.where(Meeting.id.in_(set(meeting_ids))))
    return {i: acta_name(n, y, s, lang) for i, n, y, s in rows}
