"""Self-check step: an approved acta of the sample signed with a throw-away certificate and
verified, which proves the installation carries pyHanko, cryptography and their parts (a
frozen bundle missing one of them would fail only when a secretary first signs).

The certificate and its authority are made here, for this check only, and dropped with the
scratch database: nothing is a real certificate, and the step says so.
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import select

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents.signatures.sign import sign_meeting
from pazos_desktop.documents.signatures.trust import import_trust
from pazos_desktop.documents.signatures.verify import verify_file
from pazos_desktop.i18n import N_, _
from pazos_desktop.selfcheck.runner import DOCUMENT, checks
from pazos_desktop.services.meetings.signatures import acta_signers, signed_pdf
from pazos_desktop.services.meetings.snapshots import current_snapshot

PASSWORD = "autocomprobacion"  # of a certificate made and dropped within this step


@checks(DOCUMENT, N_("acta firmada digitalmente (PAdES)"))
def check_signed_acta(ctx) -> str:
    db = ctx.database()
    with db.session() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.status == "approved").order_by(Meeting.id)
        ).first()
        if meeting is None:
            raise RuntimeError(_("la muestra no tiene actas aprobadas"))
        snapshot = current_snapshot(session, meeting.id)
        signer = acta_signers(snapshot)[0]
        approved, now = snapshot.pdf, run_of(session).now
        root, p12 = _throwaway(signer.name, now)
        import_trust(session, root)

    def in_session(fn):
        with db.session() as session:
            return fn(session)

    sign_meeting(in_session, meeting.id, signer.role, p12, PASSWORD)
    with db.session() as session:
        data = signed_pdf(current_snapshot(session, meeting.id))
        checks_ = verify_file(session, data)
    if not data.startswith(approved) or [c.state for c in checks_] != ["valid"]:
        raise RuntimeError(_("la firma digital del acta no se verificó"))
    return _("acta firmada con un certificado de prueba y verificada")


def _throwaway(holder: str, now: dt.datetime) -> tuple[bytes, bytes]:
    """A root (PEM) and a signer's .p12 for `holder`, valid around `now`."""
    authority_key, signer_key = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    authority = _name("PAZOS autocomprobación (no es real)")
    root = _certificate(authority, authority, authority_key, authority_key.public_key(), now, True)
    leaf = _certificate(_name(holder), authority, authority_key, signer_key.public_key(), now)
    p12 = pkcs12.serialize_key_and_certificates(
        b"autocomprobacion",
        signer_key,
        leaf,
        [root],
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    return root.public_bytes(serialization.Encoding.PEM), p12


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, common)])


def _certificate(subject, issuer, key, public, now: dt.datetime, authority: bool = False):
    usage = dict.fromkeys(
        ("content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
         "encipher_only", "decipher_only"),
        False,
    )  # fmt: skip
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=authority, crl_sign=authority, **usage
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
