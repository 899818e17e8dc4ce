"""Sample personal-data records: two policy versions, authorisations for most contacts (some
revoked, some missing), and rights requests (answered, open, overdue). All marked as sample."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from pazos_desktop.business_days import add_business_days
from pazos_desktop.i18n import _
from pazos_desktop.services.partners import get_contact
from pazos_desktop.services.personal_data import authorisations as auth
from pazos_desktop.services.personal_data import policies, requests

NOTICE = (
    "(Ejemplo) La Alcaldía de Palmira trata sus datos personales (nombre, entidad, cargo, "
    "teléfono, correo y firma) para convocar las reuniones, registrar la asistencia, elaborar "
    "las actas y hacer seguimiento a los compromisos de la estrategia PAZOS, conforme a la Ley "
    "1581 de 2012. Puede conocer, actualizar, rectificar y suprimir sus datos y revocar la "
    "autorización escribiendo a datospersonales@palmira.example.gov.co."
)


def populate(session: Session, today: dt.date, rng: random.Random, made: dict) -> dict[str, int]:
    rng = random.Random(rng.random())  # this step's own sequence
    v1 = _policy(session, "1.0", today - dt.timedelta(days=500))
    v2 = _policy(session, "2.0", today - dt.timedelta(days=60))
    purposes = [p.id for p in policies.list_purposes(session)]
    contact_ids = [cid for ids in made["contacts"].values() for cid in ids]
    count = 0
    for cid in contact_ids:
        draw = rng.random()
        if draw < 0.15:
            continue  # no authorisation on file
        granted = today - dt.timedelta(days=rng.randint(5, 480))
        policy = v2 if granted >= today - dt.timedelta(days=60) else v1
        auth.save_authorisation(
            session,
            auth.AuthorisationData(
                contact_id=cid,
                granted_on=granted,
                means=rng.choice([m.value for m in auth.Means]),
                purpose_ids=rng.sample(purposes, rng.randint(2, len(purposes))),
                policy_id=policy.id,
                evidence_ref=_("Formato de ejemplo n.º {n}").format(n=cid),
                revoked_on=today - dt.timedelta(days=2) if draw > 0.95 else None,
            ),
        )
        count += 1
    made["authorised"] = count
    return {
        _("autorizaciones de datos"): count,
        _("solicitudes de titulares"): _requests(session, today, contact_ids),
    }


def _policy(session, label: str, since: dt.date) -> policies.PolicyData:
    return policies.save_policy(
        session,
        policies.PolicyData(
            version_label=label,
            title=_("Política de tratamiento de datos personales (ejemplo)"),
            effective_on=since,
            notice=NOTICE,
            text=_("Texto de ejemplo de la política de tratamiento de datos personales."),
            url="https://www.palmira.example.gov.co/datos-personales",
        ),
    )


def _requests(session, today: dt.date, contact_ids: list[int]) -> int:
    cases = [
        (requests.RequestType.QUERY, 40, requests.RequestStatus.ANSWERED),
        (requests.RequestType.UPDATE, 3, requests.RequestStatus.IN_PROGRESS),
        (requests.RequestType.QUERY, 25, requests.RequestStatus.RECEIVED),  # overdue
    ]
    for (kind, days_ago, status), cid in zip(cases, contact_ids[1::7], strict=False):
        contact = get_contact(session, cid)
        received = today - dt.timedelta(days=days_ago)
        answered = status == requests.RequestStatus.ANSWERED
        requests.save_request(
            session,
            requests.RequestData(
                type=kind.value,
                received_on=received,
                requester_name=contact.name,
                requester_contact=contact.email,
                description=_("Solicitud de ejemplo."),
                status=status.value,
                answered_on=min(add_business_days(received, 4), today) if answered else None,
                answer=_("Respuesta de ejemplo.") if answered else None,
                contact_id=cid,
            ),
        )
    return len(cases)
