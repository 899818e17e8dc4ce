"""A signer's certificate and private key, opened from a PKCS#12 file (.p12 / .pfx), with a
clear message for each way it can be unusable.

The password is used once, to open the file, and kept nowhere: not in the database, not in
the log, not in the returned object. Nothing here is stored; the file is read, checked and
dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from pazos_desktop.domain.formats import format_date
from pazos_desktop.errors import PazosError
from pazos_desktop.files import read_limited
from pazos_desktop.i18n import _

MAX_BYTES = 1_000_000  # a .p12 with its whole chain weighs a few KB
SIGNING_USES = ("digital_signature", "content_commitment")  # content_commitment: non-repudiation


@dataclass(frozen=True)
class Credentials:
    """What signing needs: pyHanko's signer (certificate, key, chain) and who it names."""

    signer: SimpleSigner
    name: str
    issuer: str
    not_after: dt.datetime
    certificate: x509.Certificate


def read_certificate(path: str | Path) -> bytes:
    """The certificate file's bytes, refused before reading when it is far too big."""
    return read_limited(path, MAX_BYTES, _too_big())


def _too_big() -> str:
    return _(
        "El archivo del certificado pesa {size:.1f} MB; un certificado .p12 o .pfx pesa unos "
        "pocos KB. Elija el archivo que le entregó la entidad certificadora."
    )


def load_credentials(data: bytes, password: str, moment: dt.datetime, revoked=()) -> Credentials:
    """Open the certificate file; refuse it with a message when it cannot sign at `moment`
    (`revoked`: (issuer, serial, revocation date) from the office's revocation lists)."""
    if len(data) > MAX_BYTES:
        raise PazosError(_too_big().format(size=len(data) / 1_000_000))
    _check_container(data)
    key, cert, chain = _open(data, password)
    check_certificate(cert, moment, revoked)
    return Credentials(
        signer=_signer(key, cert, chain),
        name=holder_name(cert.subject),
        issuer=holder_name(cert.issuer),
        not_after=cert.not_valid_after_utc,
        certificate=cert,
    )


def is_pkcs12(data: bytes) -> bool:
    """Whether the bytes are a PKCS#12 container (whatever its password)."""
    try:
        asn1_pkcs12.Pfx.load(data)["auth_safe"]["content_type"].native  # noqa: B018 (parses)
        return True
    except Exception:  # asn1crypto raises ValueError, TypeError… on foreign bytes
        return False


def _check_container(data: bytes) -> None:
    if not is_pkcs12(data):
        raise PazosError(
            _(
                "El archivo no es un certificado PKCS#12 (.p12 o .pfx). Elija el archivo del "
                "certificado de firma digital, no su certificado público (.cer) ni un PDF."
            )
        )


def _open(data: bytes, password: str):
    candidates = [password.encode("utf-8")] if password else [None, b""]
    for secret in candidates:
        try:
            loaded = pkcs12.load_pkcs12(data, secret)
            break
        except ValueError:
            continue
    else:
        raise PazosError(_("La contraseña del certificado no es correcta."))
    if loaded.key is None:  # certificates only (its "certificate" then comes as a chain)
        raise PazosError(
            _(
                "El archivo trae el certificado pero no su clave privada: con él no se puede "
                "firmar. Pida a la entidad certificadora el archivo .p12 o .pfx completo."
            )
        )
    if loaded.cert is None:
        raise PazosError(_("El archivo no trae un certificado de firma."))
    chain = [c.certificate for c in loaded.additional_certs]
    return loaded.key, loaded.cert.certificate, chain


def check_certificate(cert: x509.Certificate, moment: dt.datetime, revoked=()) -> None:
    """Refuse a certificate that is not in force at `moment` or is not meant for signing."""
    if moment < cert.not_valid_before_utc:
        raise PazosError(
            _("El certificado solo es válido desde el {date}.").format(
                date=format_date(cert.not_valid_before_utc.date())
            )
        )
    if moment > cert.not_valid_after_utc:
        raise PazosError(
            _("El certificado venció el {date}: pida uno nuevo a la entidad certificadora.").format(
                date=format_date(cert.not_valid_after_utc.date())
            )
        )
    if not signs_documents(cert):
        raise PazosError(
            _(
                "Este certificado no sirve para firmar documentos (su uso es otro, por ejemplo "
                "un servidor o el cifrado). Use su certificado de firma digital."
            )
        )
    for issuer, serial, when in revoked:
        if issuer == cert.issuer and serial == cert.serial_number and when <= moment:
            raise PazosError(
                _("El certificado fue revocado el {date}: ya no sirve para firmar.").format(
                    date=format_date(when.date())
                )
            )


def signs_documents(cert: x509.Certificate) -> bool:
    """A signer's certificate: not a CA, and its key usage (when stated) allows signing."""
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return False
    except x509.ExtensionNotFound:
        pass
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return any(getattr(usage, name) for name in SIGNING_USES)


def holder_name(name: x509.Name) -> str:
    """The common name of a certificate's subject or issuer (else its whole name)."""
    common = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(common[0].value) if common else name.rfc4514_string()


def _signer(key, cert: x509.Certificate, chain: list[x509.Certificate]) -> SimpleSigner:
    der = serialization.Encoding.DER
    key_der = key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
        signing_key=load_private_key_from_pemder_data(key_der, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(c.public_bytes(der)) for c in chain]
        ),
    )
