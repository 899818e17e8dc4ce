"""The signed versions of an approved acta, as stored: who may sign it, the signatures kept,
and the signed file they make.

A signature is an incremental update: the bytes it appended to the file are kept in
`ActaSignature.increment`, so the signed file is the approved PDF (`MeetingSnapshot.pdf`,
unchanged, its SHA-256 still the one recorded at approval) followed by every increment in
order. Each row also keeps the SHA-256 of the whole file after it, checked whenever the file
is put together. Signing and verifying (pyHanko) are in `documents/signatures/`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import ActaSignature, MeetingSnapshot
from pazos_desktop.domain.meetings import SIGNER_ROLES, signer_role_label
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.snapshots import stored_pdf

BLOCK_ROLES = tuple(role for role in SIGNER_ROLES if role != "other")


@dataclass(frozen=True)
class Signer:
    """Someone the approved acta names in a signature block."""

    role: str
    label: str  # "Preside"
    name: str
    position: str = ""


@dataclass(frozen=True)
class StoredSignature:
    seq: int
    role: str
    role_label: str
    signer_name: str
    issuer: str
    signed_at: dt.datetime  # naive UTC
    timestamped: bool
    external: bool
    pdf_sha256: str


def acta_signers(snapshot: MeetingSnapshot) -> list[Signer]:
    """The blocks of the approved acta's signature page that name someone, in page order."""
    content = json.loads(snapshot.content)
    doc = content["docs"].get(snapshot.lang) or content["docs"]["es"]
    out = []
    for role in BLOCK_ROLES:
        person = doc.get(role) or {}
        name = (person.get("name") or "").strip()
        if name:
            out.append(Signer(role, signer_role_label(role), name, person.get("position") or ""))
    return out


def signed_pdf(snapshot: MeetingSnapshot, upto: int | None = None) -> bytes:
    """The acta as signed so far (the approved PDF when nobody has signed yet), every stored
    fingerprint checked; `upto` stops after that many signatures."""
    data = stored_pdf(snapshot)
    for row in snapshot.signatures[:upto]:
        data += row.increment
        if hashlib.sha256(data).hexdigest() != row.pdf_sha256:
            raise PazosError(
                _(
                    "La versión firmada del acta guardada en la base de datos no coincide con "
                    "su huella SHA-256: la base de datos está dañada. Restaure una copia de "
                    "seguridad."
                )
            )
    return data


def current_fingerprint(snapshot: MeetingSnapshot) -> str:
    """The SHA-256 of the acta's file as it stands now (signed or not)."""
    rows = snapshot.signatures
    return rows[-1].pdf_sha256 if rows else snapshot.pdf_sha256


def keep_signature(
    session: Session,
    snapshot: MeetingSnapshot,
    signed_over: str,
    data: bytes,
    details: dict,
) -> StoredSignature:
    """Store a signature appended to the file whose SHA-256 was `signed_over`: refused when
    another signature was stored meanwhile (the new one would not include it)."""
    if current_fingerprint(snapshot) != signed_over:
        raise PazosError(
            _(
                "Otra firma se guardó en el acta mientras usted firmaba. Vuelva a firmar: la "
                "nueva firma incluirá la anterior."
            )
        )
    base = signed_pdf(snapshot)
    if not data.startswith(base) or len(data) == len(base):
        raise PazosError(_("La firma no se añadió al acta aprobada; no se guardó nada."))
    row = ActaSignature(
        meeting_id=snapshot.meeting_id,
        seq=len(snapshot.signatures) + 1,
        increment=data[len(base) :],
        pdf_sha256=hashlib.sha256(data).hexdigest(),
        signed_at=details.get("signed_at") or run_of(session).utc,
        **{k: details[k] for k in ("role", "signer_name", "issuer")},
        timestamped=bool(details.get("timestamped")),
        external=bool(details.get("external")),
    )
    snapshot.signatures.append(row)
    session.flush()
    return to_stored(row)


def stored_signatures(snapshot: MeetingSnapshot) -> list[StoredSignature]:
    return [to_stored(row) for row in snapshot.signatures]


def to_stored(row: ActaSignature) -> StoredSignature:
    return StoredSignature(
        seq=row.seq,
        role=row.role,
        role_label=signer_role_label(row.role),
        signer_name=row.signer_name,
        issuer=row.issuer,
        signed_at=row.signed_at,
        timestamped=row.timestamped,
        external=row.external,
        pdf_sha256=row.pdf_sha256,
    )


def drop_signatures(snapshot: MeetingSnapshot) -> int:
    """Forget the signed versions of a snapshot whose PDF is drawn again (a person's data
    suppressed): they sign bytes that are no longer the approved acta, and they hold the
    suppressed text. The acta is then signed again. Returns how many there were."""
    count = len(snapshot.signatures)
    snapshot.signatures.clear()
    return count


def sign_places(snapshot: MeetingSnapshot) -> dict | None:
    """Where each signer's block was drawn on the approved PDF (None: not recorded)."""
    return json.loads(snapshot.sign_places) if snapshot.sign_places else None


def latest_snapshot(session: Session, meeting_id: int) -> MeetingSnapshot | None:
    """The meeting's last approved version, in force or reopened since."""
    query = select(MeetingSnapshot).where(MeetingSnapshot.meeting_id == meeting_id)
    return session.scalars(query.order_by(MeetingSnapshot.id.desc()).limit(1)).first()
