"""Sample meetings: a year of coordination meetings with their minutes and follow-ups.

Dated relative to today so that meeting 1 of the current year exists; the older ones approved.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.documents import actas
from pazos_desktop.domain.meetings import MeetingType, Presence
from pazos_desktop.domain.vocabulary import Status
from pazos_desktop.i18n import N_, _
from pazos_desktop.sample.core import ACTIVITIES
from pazos_desktop.services.commitments.editing import CommitmentData
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup

TOPICS = [
    N_("Balance de la estrategia en los clústeres priorizados"),
    N_("Avance de Forjar Oportunidades y vinculación laboral"),
    N_("Recuperación de parques como espacios comunitarios"),
    N_("Rutas de atención en consumo de sustancias psicoactivas"),
    N_("Justicia juvenil restaurativa: casos y retos"),
    N_("Planeación de la intervención del próximo trimestre"),
    N_("Gestores de convivencia: cobertura y turnos"),
]
DEVELOPMENT = N_(
    "La secretaría técnica presentó el avance del periodo y las entidades complementaron con "
    "sus reportes. Se discutieron las dificultades de acceso en algunos barrios y la necesidad "
    "de coordinar horarios con las juntas de acción comunal.\n\nLas entidades coincidieron en "
    "priorizar a los jóvenes sin vinculación educativa ni laboral (texto de ejemplo)."
)
DECISIONS = [
    N_("Presentar un informe consolidado de avance en la próxima reunión."),
    N_("Coordinar una jornada conjunta en el clúster con menor avance."),
    N_("Solicitar a cada entidad actualizar el reporte de sus compromisos."),
    N_("Invitar a la Policía a la próxima mesa para revisar alertas tempranas."),
]
REPORTS = [
    (Status.IN_PROGRESS, N_("Avanza según lo previsto (ejemplo).")),
    (Status.IN_PROGRESS, N_("Con retraso por dificultades de convocatoria (ejemplo).")),
    (Status.COMPLETED, N_("Cumplido y soportado con listados (ejemplo).")),
]


def meeting_dates(today: dt.date) -> list[dt.date]:
    """Seven dates over the last year, one of them early in the current year."""
    dates = {today - dt.timedelta(days=56 * k) for k in range(0, 7)}
    dates.add(min(today, dt.date(today.year, 1, 20)))
    return sorted(dates)[-8:]


def populate(session: Session, today: dt.date, rng: random.Random, made: dict) -> dict[str, int]:
    partner_list, contacts = made["partners"], made["contacts"]
    host = partner_list[0].id  # the Mayor's Office chairs and keeps the secretariat
    counts = {"meetings": 0, "agreed": 0, "followups": 0}
    dates = meeting_dates(today)
    for i, day in enumerate(dates):
        data = _meeting(rng, day, i, host, contacts, partner_list, made["clusters"])
        saved = meetings.create_meeting(session, data)
        counts["followups"] += _followups(session, rng, saved.id, day)
        counts["agreed"] += _agreed(session, rng, saved, contacts, partner_list, made["clusters"])
        if i < len(dates) - 2:  # the two latest stay drafts, the older ones are approved
            actas.approve_meeting(session, saved.id)
        counts["meetings"] += 1
    return {
        _("reuniones"): counts["meetings"],
        _("compromisos acordados en reuniones"): counts["agreed"],
        _("seguimientos en reuniones"): counts["followups"],
    }


def _meeting(rng, day, i, host, contacts, partner_list, clusters) -> meetings.MeetingData:
    chair, secretary = contacts[host][0], contacts[host][1]
    invited = rng.sample([p.id for p in partner_list[1:]], 7)
    attendees = [
        meetings.AttendeeData(contact_id=chair),
        meetings.AttendeeData(contact_id=secretary),
    ]
    for k, partner_id in enumerate(invited):
        presence = Presence.PRESENT if k < 5 else (Presence.EXCUSED if k == 5 else Presence.ABSENT)
        attendees.append(
            meetings.AttendeeData(contact_id=rng.choice(contacts[partner_id]), presence=presence)
        )
    attendees.append(
        meetings.AttendeeData(
            name=_("Invitada de ejemplo"),
            entity=_("Personería Municipal (ejemplo)"),
            position=_("Delegada"),
            is_guest=True,
        )
    )
    kind = [MeetingType.TECHNICAL_COMMITTEE, MeetingType.INTERINSTITUTIONAL, MeetingType.CLUSTER][
        i % 3
    ]
    return meetings.MeetingData(
        type=kind.value,
        date=day,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 30),
        place=_("Centro Administrativo Municipal, sala de juntas (ejemplo)"),
        objective=_(
            "Hacer seguimiento a los compromisos de la estrategia PAZOS y acordar nuevas acciones."
        ),
        chair_contact_id=chair,
        secretary_contact_id=secretary,
        cluster_ids=rng.sample(clusters, 2 if kind == MeetingType.CLUSTER else 4),
        attendees=attendees,
        agenda=_agenda(rng),
        decisions=[meetings.DecisionData(_(text)) for text in rng.sample(DECISIONS, 2)],
        next_date=day + dt.timedelta(days=56),
        next_place=_("Centro Administrativo Municipal (ejemplo)"),
        prepared_by=_("Secretaría técnica PAZOS"),
        reviewed_by=_("Coordinación de la estrategia PAZOS"),
    )


def _agenda(rng) -> list[meetings.AgendaItemData]:
    return [
        meetings.AgendaItemData(
            _("Verificación de asistencia y quórum"), _("Se verificó la asistencia y hubo quórum.")
        ),
        meetings.AgendaItemData(
            _("Revisión de los compromisos de la reunión anterior"),
            _("Cada entidad informó el estado de sus compromisos (ver tabla de seguimiento)."),
        ),
        meetings.AgendaItemData(_(rng.choice(TOPICS)), _(DEVELOPMENT)),
        meetings.AgendaItemData(_("Proposiciones y varios"), _("Sin proposiciones adicionales.")),
    ]


def _followups(session, rng, meeting_id: int, day: dt.date) -> int:
    """Reports on commitments that had started by the meeting and were not reported on later
    (a report never contradicts a later one); "Cumplido" comes with the target reached. The
    random draws do not depend on which are reported: the sample is the same on any date."""
    done = 0
    for row in followup.suggest_followups(session, meeting_id)[:8]:
        status, comment = rng.choice(REPORTS)
        if not _reportable(session, row.commitment_id, day):
            continue
        target = session.get(Commitment, row.commitment_id).target_quantity
        followup.record_followup(
            session,
            meeting_id,
            followup.FollowupData(
                row.commitment_id,
                reported_status=status.value,
                reported_achieved=target if status == Status.COMPLETED else None,
                comment=_(comment),
            ),
        )
        done += 1
    return done


def _reportable(session, commitment_id: int, day: dt.date) -> bool:
    c = session.get(Commitment, commitment_id)
    later = session.scalar(
        select(func.count()).where(
            ProgressUpdate.commitment_id == commitment_id, ProgressUpdate.date > day
        )
    )
    return c.start_date is not None and c.start_date <= day and not later


def _agreed(session, rng, meeting, contacts, partner_list, clusters) -> int:
    n = rng.randint(3, 5)
    for _k in range(n):
        partner = rng.choice(partner_list[1:])
        component = rng.randint(1, 5)
        title, unit = rng.choice(ACTIVITIES[component])
        followup.add_agreed_commitment(
            session,
            meeting.id,
            CommitmentData(
                partner_id=partner.id,
                contact_id=rng.choice(contacts[partner.id]),
                component_id=component,
                title=title,
                unit=unit,
                target_quantity=float(rng.choice([5, 10, 20, 40])),
                due_date=meeting.date + dt.timedelta(days=rng.randint(45, 150)),
                status=Status.IN_PROGRESS.value,
                cluster_ids=rng.sample(clusters, rng.randint(1, 2)),
                description=_("Compromiso acordado en reunión (ejemplo)."),
            ),
        )
    return n
