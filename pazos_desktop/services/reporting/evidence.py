"""Evidence (medios de verificación): files that prove a progress update, kept in the database.

Added in the window or named in a returned sheet's *Evidencia* column; at most 20 MB a file,
never a program (`domain.reporting.evidence_problem`). Each keeps its name, type, size,
SHA-256, a description and the mark "contiene datos personales / de menores" (Ley 1581: a
person's data export lists the marked ones). Deleting one asks for a reason, which the history
keeps with the deletion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.register import Commitment, Partner, ProgressUpdate
from pazos_desktop.db.models.reporting import Evidence, StoredFile
from pazos_desktop.domain.records import EVIDENCE
from pazos_desktop.domain.reporting import evidence_problem
from pazos_desktop.domain.text import fold
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker, get_or_fail
from pazos_desktop.services.reporting import stored
from pazos_desktop.services.reporting.closures import refuse_closed
from pazos_desktop.services.reporting.periods import require_reason

HEAD = 8  # bytes read to tell a program from a document


@dataclass
class EvidenceData:
    id: int
    progress_update_id: int
    commitment_id: int
    date: dt.date  # the progress update's
    name: str
    media_type: str
    size: int
    sha256: str
    description: str | None
    personal_data: bool
    created_at: dt.datetime
    created_by: str | None
    file_id: int
    commitment_title: str = ""
    partner_name: str = ""


def file_problem(path: Path) -> str | None:
    """Why the file at `path` cannot be evidence, or None (missing, a program, too big…)."""
    path = Path(path)
    if not path.is_file():
        return _("No se encontró el archivo «{name}».").format(name=path.name)
    with open(path, "rb") as source:
        head = source.read(HEAD)
    return evidence_problem(path.name, path.stat().st_size, head)


def add_evidence(
    session: Session,
    progress_update_id: int,
    path: Path,
    description: str | None = None,
    personal_data: bool = False,
    name: str | None = None,
) -> EvidenceData:
    """Keep the file at `path` as evidence of the progress update (streamed in)."""
    update = get_or_fail(session, ProgressUpdate, progress_update_id, _("El avance"))
    # The update's own door is shut too: its period's report was presented as it was.
    refuse_closed(session, [(update.commitment_id, update.date)])
    problem = file_problem(path)
    if problem:
        raise ValidationError({"file": problem})
    values = _checked(name or Path(path).name, description, personal_data)
    kept = stored.store_path(session, Path(path), values["name"])
    return _keep(session, update, kept, values)


def add_evidence_bytes(session: Session, progress_update_id: int, name: str, data: bytes, **more):
    """Evidence from bytes already in memory (the sample data's small files)."""
    update = get_or_fail(session, ProgressUpdate, progress_update_id, _("El avance"))
    problem = evidence_problem(name, len(data), data[:HEAD])
    if problem:
        raise PazosError(problem)
    values = _checked(name, more.get("description"), more.get("personal_data", False))
    view = memoryview(data)
    position = [0]

    def read(n: int) -> bytes:
        piece = bytes(view[position[0] : position[0] + n])
        position[0] += len(piece)
        return piece

    return _keep(session, update, stored.store(session, values["name"], read), values)


def _checked(name: str, description, personal_data) -> dict:
    c = Checker()
    values = c.record(
        EVIDENCE,
        {"name": name, "description": description, "personal_data": personal_data},
        ["name", "description", "personal_data"],
    )
    c.raise_if_any()
    return values


def _keep(session, update: ProgressUpdate, kept: stored.StoredData, values: dict):
    evidence = Evidence(
        progress_update_id=update.id,
        file_id=kept.id,
        created_by=run_of(session).actor,
        **values,
    )
    session.add(evidence)
    session.flush()
    return get_evidence(session, evidence.id)


# --- reading ----------------------------------------------------------------------------------


def _query():
    e, f, p = Evidence, StoredFile, ProgressUpdate
    return (
        select(
            e.id, e.progress_update_id, p.commitment_id, p.date, e.name, f.media_type, f.size,
            f.sha256, e.description, e.personal_data, e.created_at, e.created_by, e.file_id,
            Commitment.title, Partner.name,
        )
        .join(f, f.id == e.file_id)
        .join(p, p.id == e.progress_update_id)
        .join(Commitment, Commitment.id == p.commitment_id)
        .join(Partner, Partner.id == Commitment.partner_id)
        .order_by(p.date.desc(), e.id)
    )  # fmt: skip


def get_evidence(session: Session, evidence_id: int) -> EvidenceData:
    row = session.execute(_query().where(Evidence.id == evidence_id)).one_or_none()
    if row is None:
        raise PazosError(_("La evidencia ya no existe (id {id}).").format(id=evidence_id))
    return EvidenceData(*row)


def list_evidence(
    session: Session, commitment_id: int | None = None, progress_ids: list[int] | None = None
) -> list[EvidenceData]:
    query = _query()
    if commitment_id is not None:
        query = query.where(ProgressUpdate.commitment_id == commitment_id)
    if progress_ids is not None:
        query = query.where(Evidence.progress_update_id.in_(progress_ids or [-1]))
    return [EvidenceData(*row) for row in session.execute(query)]


def write_copy(session: Session, evidence_id: int, folder: Path) -> Path:
    """The evidence written to `folder` under its own name (to open it with the system's
    program, or to hand it on)."""
    item = get_evidence(session, evidence_id)
    folder.mkdir(parents=True, exist_ok=True)
    return stored.write_out(session, item.file_id, folder / _safe_name(item.name))


def _safe_name(name: str) -> str:
    bad = '<>:"/\\|?*'
    cleaned = "".join("_" if ch in bad or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned or "evidencia"


def delete_evidence(session: Session, evidence_id: int, reason: str | None) -> None:
    """Delete the evidence and its file; the reason goes into the history with the deletion.

    Allowed in a closed period: a holder's request (Ley 1581) may require it; the history says
    who removed what, when and why."""
    why = require_reason(reason)
    item = get_or_fail(session, Evidence, evidence_id, _("La evidencia"))
    file_id = item.file_id
    previous = session.info.get("reason")
    session.info["reason"] = why
    try:
        session.delete(item)
        session.flush()
    finally:
        session.info["reason"] = previous
    stored.discard(session, file_id)


def marked_for_person(session: Session, contact_id: int, names: list[str]) -> list[EvidenceData]:
    """Evidence marked as holding personal data that may hold this person's: of commitments
    they answer for, or whose file name or description names them (`names`: their names,
    compared folded: accents and case typed differently still match)."""
    keys = [key for key in (fold(n) for n in names if n) if len(key) >= 4]
    theirs = set(session.scalars(select(Commitment.id).where(Commitment.contact_id == contact_id)))
    found = []
    for row in session.execute(_query().where(Evidence.personal_data.is_(True))):
        item = EvidenceData(*row)
        text = fold(f"{item.name} {item.description or ''}")
        if item.commitment_id in theirs or any(key in text for key in keys):
            found.append(item)
    return found
