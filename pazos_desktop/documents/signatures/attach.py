"""Signatures made in another program (a token in a PDF reader, the certification authority's
own application) added to the stored acta: the file must be the stored acta with signatures
appended, nothing else.

A file that does not start with the stored acta byte for byte (edited elsewhere, re-saved,
another acta, missing signatures already stored), whose new signatures are broken, or that was
changed after a signature (other than by a later signature or validation data) is refused with
a message and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.documents.signatures.verify import SignatureCheck, trusted_by_office, verify_pdf
from pazos_desktop.domain.meetings import (
    SignatureState,
    acta_label,
    same_person,
    signature_state_label,
)
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.meetings.editing import load
from pazos_desktop.services.meetings.signatures import (
    StoredSignature,
    acta_signers,
    current_fingerprint,
    keep_signature,
    signed_pdf,
)
from pazos_desktop.services.meetings.snapshots import current_snapshot


def add_signed_file(session: Session, meeting_id: int, data: bytes) -> list[StoredSignature]:
    meeting = load(session, meeting_id)
    snapshot = current_snapshot(session, meeting_id)
    if snapshot is None:
        raise PazosError(_("Solo se firma un acta aprobada: apruebe el acta antes de firmarla."))
    base = signed_pdf(snapshot)
    label = acta_label(meeting.number, meeting.year)
    if not data.startswith(base):
        raise PazosError(
            _(
                "El archivo no es el {acta} aprobada tal como está guardada: fue modificado o "
                "guardado de nuevo en otro programa, es otra acta o le faltan firmas ya "
                "guardadas. Firme el PDF que exporta el programa. No se añadió nada."
            ).format(acta=label)
        )
    checks = verify_pdf(data, trusted_by_office(session), run_of(session).now)
    new = checks[len(snapshot.signatures) :]
    if len(data) == len(base) or not new:
        raise PazosError(_("El archivo no trae firmas nuevas."))
    _check_new(new)
    stored = []
    for number, check in enumerate(new, 1):
        # The last one takes what follows it too: validation data a reader added (allowed
        # after a signature; anything else made the check above refuse the file).
        end = len(data) if number == len(new) else check.end
        details = {
            "role": _role_of(snapshot, check.signer_name),
            "signer_name": check.signer_name[:300],
            "issuer": check.issuer[:300],
            "signed_at": _utc(check.signed_at) or run_of(session).utc,
            "timestamped": check.timestamped,
            "external": True,
        }
        fingerprint = current_fingerprint(snapshot)
        stored.append(keep_signature(session, snapshot, fingerprint, data[:end], details))
    return stored


def _check_new(new: list[SignatureCheck]) -> None:
    """Broken signatures, or a file changed after them, are refused; a signature that is
    intact but not trusted, expired or revoked is kept, and the list says so."""
    for check in new:
        if check.state in (SignatureState.INVALID, SignatureState.CHANGED):
            raise PazosError(
                _("La firma de {name} no es válida: {state}. No se añadió nada.").format(
                    name=check.signer_name, state=signature_state_label(check.state).lower()
                )
            )


def _role_of(snapshot, name: str) -> str:
    """The block of the person the certificate names, if unsigned; else "other"."""
    taken = {row.role for row in snapshot.signatures}
    for signer in acta_signers(snapshot):
        if signer.role not in taken and same_person(signer.name, name):
            return signer.role
    return "other"


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment else None
