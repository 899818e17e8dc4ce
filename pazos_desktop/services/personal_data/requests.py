"""Holders' rights requests and their legal terms (Ley 1581 de 2012, arts. 14 and 15).

- Consulta (art. 14): answered within 10 business days "contados a partir de la fecha de
  recibo"; when that is not possible, the holder is told why and the answer may come up to 5
  business days after the first term ends.
- Reclamo (art. 15: corrección, actualización, supresión, or a breach of the law): 15 business
  days "contados a partir del día siguiente a la fecha de su recibo", extendable by up to 8
  business days after the first term ends. A revocation of the authorisation or a request to
  delete the data is made "mediante la presentación de un reclamo" (Decreto 1377 de 2013,
  art. 9; Decreto 1074 de 2015, art. 2.2.2.25.2.8): the same terms.

The due date is never stored: it is computed from the received date, the type and whether the
term was extended, with Colombia's holidays (`business_days`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.business_days import add_business_days, business_days_between, nth_business_day
from pazos_desktop.clock import today_in
from pazos_desktop.db.models.personal_data import RightsRequest
from pazos_desktop.db.models.register import Contact
from pazos_desktop.domain.personal_data import (
    STATUS_LABELS,
    TYPE_LABELS,
    RequestStatus,
    RequestType,
)
from pazos_desktop.domain.records import REQUEST
from pazos_desktop.i18n import _
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
    get_or_fail,
)

OPEN = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)


@dataclass(frozen=True)
class Term:
    days: int
    extension: int
    counts_receipt_day: bool  # art. 14 counts from the day received; art. 15 from the next
    article: str


QUERY_TERM = Term(10, 5, True, "art. 14")
CLAIM_TERM = Term(15, 8, False, "art. 15")


def term_for(request_type: str) -> Term:
    return QUERY_TERM if request_type == RequestType.QUERY else CLAIM_TERM


def due_date(request_type: str, received_on: dt.date, extended: bool = False) -> dt.date:
    """The last day to answer, in Colombian business days."""
    term = term_for(request_type)
    start = received_on if term.counts_receipt_day else received_on + dt.timedelta(days=1)
    first = nth_business_day(start, term.days)
    return add_business_days(first, term.extension) if extended else first


@dataclass
class RequestData:
    type: str = RequestType.QUERY.value
    received_on: dt.date | None = None
    requester_name: str = ""
    requester_contact: str | None = None
    description: str = ""
    extended: bool = False
    extension_reason: str | None = None
    status: str = RequestStatus.RECEIVED.value
    answered_on: dt.date | None = None
    answer: str | None = None
    contact_id: int | None = None
    id: int | None = None
    version: int | None = None


@dataclass
class RequestRow:
    id: int
    type: str
    received_on: dt.date
    requester_name: str
    contact_id: int | None
    status: str
    due_on: dt.date
    answered_on: dt.date | None
    overdue: bool
    days_left: int  # business days from today to the due date (negative: late)
    extended: bool

    def type_label(self) -> str:
        return _(TYPE_LABELS.get(self.type, self.type))

    def status_label(self) -> str:
        return _(STATUS_LABELS.get(self.status, self.status))


def _to_data(r: RightsRequest) -> RequestData:
    keys = REQUEST.keys()
    return RequestData(
        **{k: getattr(r, k) for k in keys}, contact_id=r.contact_id, id=r.id, version=r.version
    )


def _to_row(r: RightsRequest, today: dt.date) -> RequestRow:
    due = due_date(r.type, r.received_on, r.extended)
    is_open = r.status in OPEN
    return RequestRow(
        id=r.id,
        type=r.type,
        received_on=r.received_on,
        requester_name=r.requester_name,
        contact_id=r.contact_id,
        status=r.status,
        due_on=due,
        answered_on=r.answered_on,
        overdue=is_open and due < today,
        days_left=business_days_between(today, due),
        extended=r.extended,
    )


def validate_request(session: Session, data: RequestData) -> dict:
    c = Checker()
    values = c.given(REQUEST, vars(data))
    today = today_in(session)
    received, answered = values.get("received_on"), values.get("answered_on")
    if received and received > today:
        c.fail("received_on", _("Recibida el: no puede ser posterior a hoy."))
    if answered and received and answered < received:
        c.fail("answered_on", _("Respondida el: no puede ser anterior a la fecha de recibo."))
    if values.get("status") == RequestStatus.ANSWERED:
        if not answered:
            c.fail("answered_on", _("Respondida el: indique cuándo se respondió."))
        if not values.get("answer"):
            c.fail("answer", _("Respuesta: escriba qué se respondió."))
    if values.get("extended") and not values.get("extension_reason"):
        c.fail(
            "extension_reason",
            _("Motivo de la prórroga: la ley exige informar al titular los motivos de la demora."),
        )
    if data.contact_id is not None and session.get(Contact, data.contact_id) is None:
        c.fail("contact_id", _("Contacto: no existe."))
    c.raise_if_any()
    return values | {"contact_id": data.contact_id}


def save_request(session: Session, data: RequestData) -> RequestData:
    values = validate_request(session, data)
    record = create_or_update(session, RightsRequest, data, _("La solicitud"), values)
    session.flush()
    return _to_data(record)


def get_request(session: Session, request_id: int) -> RequestData:
    return _to_data(get_or_fail(session, RightsRequest, request_id, _("La solicitud")))


def list_requests(
    session: Session, open_only: bool = False, contact_id: int | None = None
) -> list[RequestRow]:
    query = select(RightsRequest).order_by(
        RightsRequest.received_on.desc(), RightsRequest.id.desc()
    )
    if open_only:
        query = query.where(RightsRequest.status.in_([s.value for s in OPEN]))
    if contact_id is not None:
        query = query.where(RightsRequest.contact_id == contact_id)
    today = today_in(session)
    return [_to_row(r, today) for r in session.scalars(query)]


def overdue_requests(session: Session) -> list[RequestRow]:
    """Open requests past their legal due date, most late first (the dashboard's list)."""
    rows = [r for r in list_requests(session, open_only=True) if r.overdue]
    return sorted(rows, key=lambda r: r.due_on)
