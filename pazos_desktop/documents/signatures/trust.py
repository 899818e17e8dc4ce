"""Whom the office trusts: the roots of the accredited certification authorities and their
revocation lists, imported once in Configuración and kept in the database settings (PEM text,
so backups, the shared server and transfers carry them). Public certificates only: a file with
a private key is refused.

Verification reads them from here (`trust_store`); nothing is fetched from the network, so a
desk PC offline verifies as well as one online, with what the office imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko_certvalidator import ValidationContext
from sqlalchemy.orm import Session

from pazos_desktop.documents.signatures.credentials import holder_name, is_pkcs12
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.i18n import _
from pazos_desktop.services.settings import all_settings, set_setting

ROOTS, CRLS = "trusted_roots", "revocation_lists"
MAX_BYTES = 20_000_000  # a national authority's revocation list can weigh a few MB
PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.+?-----END \1-----", re.S)
DER = serialization.Encoding.DER
PEM = serialization.Encoding.PEM


@dataclass(frozen=True)
class TrustItem:
    kind: str  # "root" or "crl"
    name: str  # the authority's common name
    valid_until: dt.date | None  # a root's expiry; a list's next update
    fingerprint: str  # SHA-256 of its DER bytes


@dataclass
class TrustStore:
    roots: list[x509.Certificate] = field(default_factory=list)
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)

    def revoked(self) -> list[tuple[x509.Name, int, dt.datetime]]:
        """(issuer, serial, revocation date) of every certificate the lists revoke."""
        return [
            (crl.issuer, entry.serial_number, entry.revocation_date_utc)
            for crl in self.crls
            for entry in crl
        ]

    def context(self, moment: dt.datetime) -> ValidationContext:
        """pyHanko's validation context at `moment`: these roots and lists, no network."""
        return ValidationContext(
            trust_roots=[asn1_x509.Certificate.load(c.public_bytes(DER)) for c in self.roots],
            crls=[asn1_crl.CertificateList.load(c.public_bytes(DER)) for c in self.crls],
            allow_fetching=False,
            moment=moment,
            revocation_mode="soft-fail",
        )


def read_trust_file(data: bytes) -> TrustStore:
    """The authorities' certificates and revocation lists in a .cer/.crt/.pem/.crl file."""
    if len(data) > MAX_BYTES:
        raise PazosError(_("El archivo pesa más de 20 MB: no es un certificado raíz."))
    if b"PRIVATE KEY-----" in data or is_pkcs12(data):
        raise PazosError(
            _(
                "Este archivo contiene una clave privada. Importe solo el certificado público "
                "de la entidad certificadora (.cer, .crt o .pem); una clave privada nunca se "
                "guarda en la base de datos."
            )
        )
    store = TrustStore()
    blocks = [(m[1], m[0]) for m in PEM_BLOCK.finditer(data)] or [(None, data)]
    for kind, block in blocks:
        _read_block(store, kind, block)
    if not store.roots and not store.crls:
        raise PazosError(
            _(
                "El archivo no es un certificado de una entidad certificadora (.cer, .crt, .pem) "
                "ni una lista de revocación (.crl)."
            )
        )
    for cert in store.roots:
        if not _is_authority(cert):
            raise PazosError(
                _(
                    "«{name}» es el certificado de una persona, no de una entidad "
                    "certificadora: importe el certificado raíz de quien lo emitió."
                ).format(name=holder_name(cert.subject))
            )
    return store


def _read_block(store: TrustStore, kind: bytes | None, block: bytes) -> None:
    loaders = {
        b"CERTIFICATE": [(store.roots, x509.load_pem_x509_certificate)],
        b"X509 CRL": [(store.crls, x509.load_pem_x509_crl)],
        None: [(store.roots, x509.load_der_x509_certificate), (store.crls, x509.load_der_x509_crl)],
    }
    for target, load in loaders.get(kind, []):
        try:
            target.append(load(block))
            return
        except ValueError:
            continue


def _is_authority(cert: x509.Certificate) -> bool:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return cert.issuer == cert.subject  # an old self-signed root without the extension


def trust_store(settings: dict[str, str]) -> TrustStore:
    """What the office imported (the database settings)."""
    store = TrustStore()
    for key, target in ((ROOTS, store.roots), (CRLS, store.crls)):
        text = (settings.get(key) or "").encode("ascii", "ignore")
        if text:
            found = read_trust_file(text) if key == ROOTS else _crls_only(text)
            target += found.roots if key == ROOTS else found.crls
    return store


def _crls_only(text: bytes) -> TrustStore:
    store = TrustStore()
    for m in PEM_BLOCK.finditer(text):
        _read_block(store, m[1], m[0])
    return store


def trust_items(session: Session) -> list[TrustItem]:
    store = trust_store(all_settings(session))
    roots = [
        TrustItem("root", holder_name(c.subject), c.not_valid_after_utc.date(), _print(c))
        for c in store.roots
    ]
    crls = [TrustItem("crl", holder_name(c.issuer), _next_update(c), _print(c)) for c in store.crls]
    return roots + crls


def import_trust(session: Session, data: bytes) -> list[TrustItem]:
    """Add the roots and lists of a file (a list replaces the earlier one of its authority);
    returns what was added."""
    new = read_trust_file(data)
    store = trust_store(all_settings(session))
    known = {_print(c) for c in store.roots}
    added = [c for c in new.roots if _print(c) not in known]
    store.roots += added
    replaced = {c.issuer for c in new.crls}
    store.crls = [c for c in store.crls if c.issuer not in replaced] + new.crls
    _save(session, store)
    return [
        TrustItem("root", holder_name(c.subject), c.not_valid_after_utc.date(), _print(c))
        for c in added
    ] + [TrustItem("crl", holder_name(c.issuer), _next_update(c), _print(c)) for c in new.crls]


def remove_trust(session: Session, fingerprint: str) -> None:
    store = trust_store(all_settings(session))
    store.roots = [c for c in store.roots if _print(c) != fingerprint]
    store.crls = [c for c in store.crls if _print(c) != fingerprint]
    _save(session, store)


def _save(session: Session, store: TrustStore) -> None:
    set_setting(session, ROOTS, b"".join(c.public_bytes(PEM) for c in store.roots).decode())
    set_setting(session, CRLS, b"".join(c.public_bytes(PEM) for c in store.crls).decode())


def _print(item) -> str:
    return hashlib.sha256(item.public_bytes(DER)).hexdigest()


def _next_update(crl: x509.CertificateRevocationList) -> dt.date | None:
    return crl.next_update_utc.date() if crl.next_update_utc else None


def save_signing_settings(session: Session, place: str, tsa_url: str) -> None:
    """Where actas are signed and the timestamp authority's address (empty: none)."""
    place, tsa_url = (place or "").strip(), (tsa_url or "").strip()
    problems = {}
    if len(place) > 200:
        problems["place"] = _("Lugar de firma: como máximo 200 caracteres.")
    if tsa_url and not re.fullmatch(r"https?://[^\s/]+\S*", tsa_url):
        problems["tsa_url"] = _(
            "Sellado de tiempo: escriba la dirección completa (http:// o https://) que da la "
            "entidad, o déjelo vacío."
        )
    if problems:
        raise ValidationError(problems)
    set_setting(session, "signing_place", place)
    set_setting(session, "tsa_url", tsa_url)
