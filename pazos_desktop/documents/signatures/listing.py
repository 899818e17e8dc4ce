"""An acta's signatures as the window and the command line list them: who signed which block,
the certificate's issuer, when, and what a verification of the stored file concludes now.

The version listed is the acta's approved one; after a reopening, the last approved version
with its reopening record (the new approval starts a new signed version). The approved PDF's
SHA-256 is checked too: signing never changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.documents.signatures.verify import SignatureCheck, trusted_by_office, verify_pdf
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.domain.meetings import acta_label, signature_state_label
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.editing import load
from pazos_desktop.services.meetings.signatures import (
    Signer,
    acta_signers,
    latest_snapshot,
    signed_pdf,
    stored_signatures,
)
from pazos_desktop.services.meetings.snapshots import current_snapshot


@dataclass(frozen=True)
class SignatureRow:
    seq: int
    role: str
    role_label: str
    signer_name: str
    issuer: str
    signed_at: dt.datetime | None  # aware
    timestamped: bool
    state: str
    state_label: str
    external: bool = False


@dataclass
class ActaSignatures:
    approved: bool  # an approved version in force (one that can be signed)
    note: str = ""  # the version shown, when it is not in force (reopened: when, who, why)
    signers: list[Signer] = field(default_factory=list)  # the blocks that name someone
    rows: list[SignatureRow] = field(default_factory=list)
    content_intact: bool = True  # the approved PDF still has its recorded SHA-256

    def unsigned(self) -> list[Signer]:
        done = {row.role for row in self.rows}
        return [s for s in self.signers if s.role not in done]


def acta_signatures(session: Session, meeting_id: int) -> ActaSignatures:
    snapshot = latest_snapshot(session, meeting_id)
    if snapshot is None:
        return ActaSignatures(approved=False)
    out = ActaSignatures(approved=snapshot.reopened_at is None, signers=acta_signers(snapshot))
    if snapshot.reopened_at is not None:
        out.note = _("Versión aprobada reabierta el {when} por {who}: {why}").format(
            when=format_moment(snapshot.reopened_at),
            who=snapshot.reopened_by or "?",
            why=snapshot.reopen_reason or "",
        )
    out.content_intact = hashlib.sha256(snapshot.pdf).hexdigest() == snapshot.pdf_sha256
    stored = stored_signatures(snapshot)
    if not stored or not out.content_intact:
        return out
    checks = verify_pdf(signed_pdf(snapshot), trusted_by_office(session), run_of(session).now)
    out.rows = [_row(s, c) for s, c in zip(stored, checks, strict=False)]
    return out


def _row(stored, check: SignatureCheck) -> SignatureRow:
    return SignatureRow(
        seq=stored.seq,
        role=stored.role,
        role_label=stored.role_label,
        signer_name=check.signer_name,
        issuer=check.issuer,
        signed_at=check.signed_at,
        timestamped=check.timestamped,
        state=check.state,
        state_label=signature_state_label(check.state),
        external=stored.external,
    )


@dataclass(frozen=True)
class SignTarget:
    """What the window's signing dialog offers: the acta and its unsigned blocks."""

    meeting_id: int
    label: str  # "Acta No. 007 de 2026"
    blocks: list[Signer]


def sign_target(session: Session, meeting_id: int) -> SignTarget:
    meeting = load(session, meeting_id)
    snapshot = current_snapshot(session, meeting_id)
    done = {row.role for row in snapshot.signatures} if snapshot else set()
    blocks = [s for s in acta_signers(snapshot) if s.role not in done] if snapshot else []
    return SignTarget(meeting_id, acta_label(meeting.number, meeting.year), blocks)
