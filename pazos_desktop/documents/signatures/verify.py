"""Verify every signature of a PDF (an acta of ours or any file received by e-mail) against
the roots and revocation lists the office trusts, at the action's moment, without network.

One conclusion per signature (`domain/meetings.py: SignatureState`), the most serious that
applies: the signed bytes altered (invalid), the document changed after it by something other
than a signature, the certificate revoked, expired, not meant for signing, its issuer not
trusted, or valid. A signature counts as made at its timestamp when it has one (B-T), else at
the time its signer's computer reported.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.documents.signatures.credentials import signs_documents
from pazos_desktop.documents.signatures.trust import TrustStore, trust_store
from pazos_desktop.domain.meetings import SignatureState
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.services.settings import all_settings

log = logging.getLogger(__name__)

MAX_BYTES = 200_000_000
# Signing documents: either use is enough (pyHanko's default asks for non-repudiation only).
USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})
# What may follow a signature without changing what it signed: later signatures, form filling
# (a signature field is a form field), validation data.
ALLOWED_AFTER = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)
EXPIRY = (AdESIndeterminate.EXPIRED, AdESIndeterminate.NOT_YET_VALID,
          AdESIndeterminate.OUT_OF_BOUNDS_NO_POE, AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED)  # fmt: skip


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer_name: str
    issuer: str
    signed_at: dt.datetime | None  # aware
    timestamped: bool
    state: str  # a SignatureState value
    end: int  # where the revision it signed ends in the file (bytes)

    @property
    def valid(self) -> bool:
        return self.state == SignatureState.VALID


def verify_pdf(data: bytes, trust: TrustStore, moment: dt.datetime) -> list[SignatureCheck]:
    """Every signature of the file, in the order they were made."""
    if len(data) > MAX_BYTES:
        raise PazosError(_("El archivo pesa más de 200 MB: no es un acta."))
    if not data.lstrip()[:5] == b"%PDF-":
        raise PazosError(_("El archivo no es un PDF."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError) as exc:
        message = _("El PDF está dañado y no se puede leer: {error}").format(error=exc)
        raise PazosError(message) from exc
    context = trust.context(moment)
    return [_check(sig, context) for sig in signatures]


def _check(sig, context) -> SignatureCheck:
    cert = sig.signer_cert
    end = int(sig.byte_range[2]) + int(sig.byte_range[3])
    names = dict(signer_name=_name(cert.subject) if cert else "?",
                 issuer=_name(cert.issuer) if cert else "?")  # fmt: skip
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=USAGE)
    except Exception as exc:  # a file from anywhere: a signature pyHanko cannot even read
        log.warning("signature %s could not be validated: %s", sig.field_name, exc)
        return SignatureCheck(sig.field_name, **names, signed_at=None, timestamped=False,
                              state=SignatureState.INVALID, end=end)  # fmt: skip
    stamp = status.timestamp_validity
    return SignatureCheck(
        field=sig.field_name,
        **names,
        signed_at=stamp.timestamp if stamp else status.signer_reported_dt,
        timestamped=stamp is not None,
        state=_state(status, cert),
        end=end,
    )


def _state(status, cert) -> SignatureState:
    if not (status.intact and status.valid):
        return SignatureState.INVALID
    level = status.modification_level
    whole = status.coverage in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    )
    if not whole or level not in ALLOWED_AFTER or status.docmdp_ok is False:
        return SignatureState.CHANGED
    if status.trusted and not status.revoked:
        return SignatureState.VALID
    problem = status.trust_problem_indic
    if status.revoked or problem in (
        AdESIndeterminate.REVOKED_NO_POE,
        AdESIndeterminate.REVOKED_CA_NO_POE,
    ):
        return SignatureState.REVOKED
    if problem in EXPIRY:
        return SignatureState.EXPIRED
    if cert is not None and not signs_documents(x509.load_der_x509_certificate(cert.dump())):
        return SignatureState.WRONG_USE
    return SignatureState.UNTRUSTED


def _name(name: asn1_x509.Name) -> str:
    """The common name (as credentials.holder_name gives it), from pyHanko's asn1crypto form."""
    common = name.native.get("common_name")
    if isinstance(common, list):
        common = common[0]
    return str(common) if common else name.human_friendly


def trusted_by_office(session: Session) -> TrustStore:
    return trust_store(all_settings(session))


def verify_file(session: Session, data: bytes, extra: TrustStore | None = None):
    """Verify with the office's trusted roots (and `extra`), at the session's moment."""
    trust = trusted_by_office(session)
    if extra is not None:
        trust.roots += extra.roots
        trust.crls += extra.crls
    return verify_pdf(data, trust, run_of(session).now)
