"""Commitments (compromisos): the heart of the register, and their progress updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import run_of
from ..domain import ProgressSource, Status, effective_status, fold
from ..i18n import _
from ..models import (
    Cluster,
    Commitment,
    Component,
    Contact,
    Partner,
    Program,
    ProgressUpdate,
)
from .common import Checker, apply_fields, check_version, get_or_fail, touch


@dataclass
class CommitmentData:
    partner_id: int | None = None
    component_id: int | None = None
    title: str = ""
    cluster_ids: list[int] = field(default_factory=list)
    all_clusters: bool = False
    contact_id: int | None = None
    program_id: int | None = None
    description: str | None = None
    unit: str | None = None
    target_quantity: float | None = None
    achieved_quantity: float = 0.0
    amount_cop: int | None = None
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    status: str = Status.PIPELINE.value
    notes: str | None = None
    # Set once, by the meeting that agreed the commitment; None never clears it.
    origin_meeting_id: int | None = None
    id: int | None = None
    version: int | None = None

    def effective_status(self, on: dt.date) -> str:
        return effective_status(self.status, self.due_date, on)


@dataclass
class ProgressData:
    commitment_id: int
    date: dt.date
    achieved_quantity: float | None = None
    status: str | None = None
    comment: str | None = None
    source: str = ProgressSource.MANUAL.value
    source_ref: str | None = None
    id: int | None = None
    created_by: str | None = None


SCALAR_FIELDS = [
    "partner_id",
    "component_id",
    "title",
    "all_clusters",
    "contact_id",
    "program_id",
    "description",
    "unit",
    "target_quantity",
    "achieved_quantity",
    "amount_cop",
    "start_date",
    "due_date",
    "status",
    "notes",
]


def _to_data(c: Commitment) -> CommitmentData:
    return CommitmentData(
        **{f: getattr(c, f) for f in SCALAR_FIELDS},
        origin_meeting_id=c.origin_meeting_id,
        cluster_ids=[cl.id for cl in c.clusters],
        id=c.id,
        version=c.version,
    )


def search_key(title: str | None, description: str | None, notes: str | None) -> str:
    return fold(" ".join(filter(None, (title, description, notes))))


def validate_commitment(session: Session, data: CommitmentData) -> dict:
    c = Checker()
    values = {
        "title": c.text("title", data.title, _("Compromiso"), required=True, max_len=500),
        "description": c.text("description", data.description, _("Descripción")),
        "unit": c.text("unit", data.unit, _("Unidad"), max_len=100),
        "notes": c.text("notes", data.notes, _("Notas")),
        "target_quantity": c.non_negative("target_quantity", data.target_quantity, _("Meta")),
        "achieved_quantity": c.non_negative(
            "achieved_quantity", data.achieved_quantity, _("Logrado")
        )
        or 0.0,
        "amount_cop": c.non_negative("amount_cop", data.amount_cop, _("Valor (COP)")),
        "start_date": data.start_date,
        "due_date": data.due_date,
        "status": data.status,
        "all_clusters": bool(data.all_clusters),
        "partner_id": data.partner_id,
        "component_id": data.component_id,
        "contact_id": data.contact_id,
        "program_id": data.program_id,
    }
    if values["amount_cop"] is not None:
        values["amount_cop"] = round(values["amount_cop"])
    if data.origin_meeting_id is not None:
        values["origin_meeting_id"] = data.origin_meeting_id
    _check_references(session, c, data)
    if data.status not in set(Status):
        c.fail("status", _("Estado: elija uno de la lista."))
    if data.start_date and data.due_date and data.due_date < data.start_date:
        c.fail("due_date", _("Fecha límite: no puede ser anterior a la fecha de inicio."))
    if not data.all_clusters and not data.cluster_ids:
        c.fail("cluster_ids", _("Clústeres: elija al menos uno, o «todos»."))
    c.raise_if_any()
    return values


def _check_references(session: Session, c: Checker, data: CommitmentData) -> None:
    if c.required("partner_id", data.partner_id, _("Entidad responsable")) is not None:
        if session.get(Partner, data.partner_id) is None:
            c.fail("partner_id", _("Entidad responsable: no existe."))
    if c.required("component_id", data.component_id, _("Componente")) is not None:
        if session.get(Component, data.component_id) is None:
            c.fail("component_id", _("Componente: no existe."))
    if data.contact_id is not None:
        contact = session.get(Contact, data.contact_id)
        if contact is None or contact.partner_id != data.partner_id:
            c.fail("contact_id", _("Responsable: el contacto no pertenece a la entidad."))
    if data.program_id is not None and session.get(Program, data.program_id) is None:
        c.fail("program_id", _("Programa: no existe."))
    for cluster_id in data.cluster_ids:
        if session.get(Cluster, cluster_id) is None:
            c.fail("cluster_ids", _("Clústeres: uno de los clústeres elegidos no existe."))


def save_commitment(session: Session, data: CommitmentData) -> CommitmentData:
    values = validate_commitment(session, data)
    values["search_key"] = search_key(values["title"], values["description"], values["notes"])
    clusters = [] if data.all_clusters else _clusters(session, data.cluster_ids)
    if data.id is None:
        commitment = Commitment(**values, clusters=clusters)
        session.add(commitment)
    else:
        commitment = get_or_fail(session, Commitment, data.id, _("El compromiso"))
        check_version(commitment, data.version, _("El compromiso"), values)
        # Compared before the fields change: loading the clusters later would autoflush a
        # first UPDATE, and one save would bump the version twice.
        clusters_changed = {cl.id for cl in commitment.clusters} != {cl.id for cl in clusters}
        apply_fields(commitment, values)
        if clusters_changed:
            commitment.clusters = clusters
            touch(session, commitment)
    session.flush()
    return _to_data(commitment)


def _clusters(session: Session, ids: list[int]) -> list[Cluster]:
    return list(session.scalars(select(Cluster).where(Cluster.id.in_(ids)).order_by(Cluster.name)))


def get_commitment(session: Session, commitment_id: int) -> CommitmentData:
    return _to_data(get_or_fail(session, Commitment, commitment_id, _("El compromiso")))


def delete_commitment(session: Session, commitment_id: int) -> None:
    session.delete(get_or_fail(session, Commitment, commitment_id, _("El compromiso")))
    session.flush()


# --- progress updates -------------------------------------------------------------------------


def add_progress(session: Session, data: ProgressData) -> ProgressData:
    """Record a follow-up; the commitment takes the reported quantity and status."""
    # Locked: two people reporting on one commitment at once both succeed, one after the other.
    commitment = get_or_fail(session, Commitment, data.commitment_id, _("El compromiso"), lock=True)
    c = Checker()
    c.required("date", data.date, _("Fecha"))
    achieved = c.non_negative("achieved_quantity", data.achieved_quantity, _("Logrado"))
    comment = c.text("comment", data.comment, _("Comentario"))
    if data.status is not None and data.status not in set(Status):
        c.fail("status", _("Estado: elija uno de la lista."))
    if data.source not in set(ProgressSource):
        c.fail("source", _("Origen: no válido."))
    if achieved is None and data.status is None and comment is None:
        c.fail("achieved_quantity", _("Indique al menos el avance, el estado o un comentario."))
    c.raise_if_any()
    update = ProgressUpdate(
        commitment_id=commitment.id,
        date=data.date,
        achieved_quantity=achieved,
        status=data.status,
        comment=comment,
        source=data.source,
        source_ref=data.source_ref,
        created_by=run_of(session).actor,
    )
    session.add(update)
    if achieved is not None and achieved != commitment.achieved_quantity:
        commitment.achieved_quantity = achieved
    if data.status is not None and data.status != commitment.status:
        commitment.status = data.status
    session.flush()
    return _progress_data(update)


def _progress_data(p: ProgressUpdate) -> ProgressData:
    return ProgressData(
        commitment_id=p.commitment_id,
        date=p.date,
        achieved_quantity=p.achieved_quantity,
        status=p.status,
        comment=p.comment,
        source=p.source,
        source_ref=p.source_ref,
        id=p.id,
        created_by=p.created_by,
    )


def list_progress(session: Session, commitment_id: int) -> list[ProgressData]:
    query = (
        select(ProgressUpdate)
        .where(ProgressUpdate.commitment_id == commitment_id)
        .order_by(ProgressUpdate.date.desc(), ProgressUpdate.id.desc())
    )
    return [_progress_data(p) for p in session.scalars(query)]
