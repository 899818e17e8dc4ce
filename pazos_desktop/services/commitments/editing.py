"""Commitments (compromisos): the heart of the register, and their progress updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from pazos_desktop.clock import run_of, today_in
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Component,
    Contact,
    Partner,
    Program,
    ProgressUpdate,
)
from pazos_desktop.domain.text import fold
from pazos_desktop.domain.vocabulary import ProgressSource, Status, effective_status
from pazos_desktop.errors import DoubtError
from pazos_desktop.i18n import _
from pazos_desktop.services.commitments.rules import (
    SCALAR_FIELDS,
    CommitmentState,
    check_commitment_values,
    check_progress_values,
    doubts,
    progress_effect,
)
from pazos_desktop.services.common import Checker, apply_fields, check_version, get_or_fail, touch
from pazos_desktop.services.reporting.closures import refuse_closed

__all__ = ["SCALAR_FIELDS", "CommitmentData", "ProgressData", "add_progress", "save_commitment"]


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
    """The commitment's rules (`rules.py`) and its references, against the database."""
    c = Checker()
    values = check_commitment_values(vars(data), c)
    _check_references(session, c, values)
    c.raise_if_any()
    values.pop("cluster_ids")
    if data.origin_meeting_id is not None:
        values["origin_meeting_id"] = data.origin_meeting_id
    return values


def _check_references(session: Session, c: Checker, v: dict) -> None:
    if v["partner_id"] is not None and session.get(Partner, v["partner_id"]) is None:
        c.fail("partner_id", _("Entidad responsable: no existe."))
    if v["component_id"] is not None and session.get(Component, v["component_id"]) is None:
        c.fail("component_id", _("Componente: no existe."))
    if v["contact_id"] is not None:
        contact = session.get(Contact, v["contact_id"])
        if contact is None or contact.partner_id != v["partner_id"]:
            c.fail("contact_id", _("Responsable: el contacto no pertenece a la entidad."))
    if v["program_id"] is not None and session.get(Program, v["program_id"]) is None:
        c.fail("program_id", _("Programa: no existe."))
    for cluster_id in v["cluster_ids"]:
        if session.get(Cluster, cluster_id) is None:
            c.fail("cluster_ids", _("Clústeres: uno de los clústeres elegidos no existe."))


def save_commitment(
    session: Session, data: CommitmentData, accept_doubts: bool = False
) -> CommitmentData:
    """Create or update a commitment. A change that looks wrong (see `rules.doubts`)
    raises DoubtError unless `accept_doubts`: the window asks, then saves again."""
    values = validate_commitment(session, data)
    values["search_key"] = search_key(values["title"], values["description"], values["notes"])
    clusters = [] if data.all_clusters else _clusters(session, data.cluster_ids)
    if data.id is None:
        _refuse_doubts(None, values, accept_doubts)
        commitment = Commitment(**values, clusters=clusters)
        session.add(commitment)
    else:
        commitment = get_or_fail(session, Commitment, data.id, _("El compromiso"))
        check_version(commitment, data.version, _("El compromiso"), values)
        figures = {
            k: getattr(commitment, k) for k in ("achieved_quantity", "status", "target_quantity")
        }
        _refuse_doubts(figures, values, accept_doubts)
        _refuse_closed_figures(session, commitment, figures, values)
        # Compared before the fields change: loading the clusters later would autoflush a
        # first UPDATE, and one save would bump the version twice.
        clusters_changed = {cl.id for cl in commitment.clusters} != {cl.id for cl in clusters}
        apply_fields(commitment, values)
        if clusters_changed:
            commitment.clusters = clusters
            touch(session, commitment)
    session.flush()
    return _to_data(commitment)


def _refuse_closed_figures(session: Session, commitment: Commitment, old: dict, new: dict):
    """Its achieved figure or status typed over is progress of today: not inside a closed
    period (`services/reporting/closures.py`, the rule of every door)."""
    if any(new.get(k) != old.get(k) for k in ("achieved_quantity", "status")):
        refuse_closed(session, [(commitment.id, today_in(session))])


def _refuse_doubts(old: dict | None, new: dict, accepted: bool) -> None:
    found = doubts(old, new)
    if found and not accepted:
        raise DoubtError(found)


def _state(c: Commitment) -> CommitmentState:
    meeting = _meeting_date(c)
    return CommitmentState(
        id=c.id,
        achieved=c.achieved_quantity,
        status=c.status,
        target=c.target_quantity,
        start_date=c.start_date,
        created_on=c.created_at.date() if c.created_at else None,
        meeting_date=meeting,
    )


def _meeting_date(c: Commitment) -> dt.date | None:
    """The date of the meeting that agreed `c` (None when entered by hand)."""
    if c.origin_meeting_id is None:
        return None

    return object_session(c).scalar(select(Meeting.date).where(Meeting.id == c.origin_meeting_id))


def _clusters(session: Session, ids: list[int]) -> list[Cluster]:
    return list(session.scalars(select(Cluster).where(Cluster.id.in_(ids)).order_by(Cluster.name)))


def get_commitment(session: Session, commitment_id: int) -> CommitmentData:
    return _to_data(get_or_fail(session, Commitment, commitment_id, _("El compromiso")))


# --- progress updates -------------------------------------------------------------------------


def add_progress(session: Session, data: ProgressData, accept_doubts: bool = False) -> ProgressData:
    """Record a follow-up; the commitment takes the reported quantity and status.

    A figure that looks wrong (a cumulative achieved going down, a closed commitment reopened,
    an achieved far above its target) raises DoubtError unless `accept_doubts`."""
    # Locked: two people reporting on one commitment at once both succeed, one after the other.
    commitment = get_or_fail(session, Commitment, data.commitment_id, _("El compromiso"), lock=True)
    state = _state(commitment)
    c = Checker()
    values = check_progress_values(vars(data), c, state, today_in(session))
    c.raise_if_any()
    refuse_closed(session, [(commitment.id, values["date"])])
    effect = progress_effect(state, values)
    _refuse_doubts(state.values(), effect, accept_doubts)
    update = ProgressUpdate(commitment_id=commitment.id, **values, created_by=run_of(session).who)
    session.add(update)
    for key, value in effect.items():
        setattr(commitment, key, value)
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
