"""A throw-away certification authority for the signing tests, made with `cryptography`: its
root, signer certificates (valid, expired, revoked on a date, for another purpose, without a
private key), a revocation list and a timestamp authority answering over HTTP on 127.0.0.1.

Dates follow the suite's day (`SUITE_TODAY`), so the same certificates are valid, expired or
revoked the same way under `faketime`. Nothing here is a real certificate: every name says so.
"""

from __future__ import annotations

import datetime as dt
import http.server
import io
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, SimpleSigner
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from pazos_desktop.documents.actas import approve_meeting
from pazos_desktop.documents.meeting_pdfs import export_minutes
from pazos_desktop.documents.signatures.sign import sign_meeting
from pazos_desktop.documents.signatures.trust import import_trust
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings.snapshots import current_snapshot
from tests import server_db
from tests.conftest import SUITE_TODAY, copy_database, database_on

PASSWORD = "Clave-de-prueba-2026"
CHAIR = "María José Rodríguez Ñañez"
SECRETARY = "Luz Dary Ortiz Muñoz"
OTHER = "Jhon Jairo Mosquera Valencia"
PDFSIG = shutil.which("pdfsig")
CRL_URL = "http://127.0.0.1:9/pruebas.crl"  # never fetched: verification stays offline
KU_NONE = dict(digital_signature=False, content_commitment=False, key_encipherment=False,
               data_encipherment=False, key_agreement=False, key_cert_sign=False,
               crl_sign=False, encipher_only=False, decipher_only=False)  # fmt: skip


def moment(days: int = 0) -> dt.datetime:
    """Noon UTC of the suite's day, moved by `days`."""
    return dt.datetime.combine(SUITE_TODAY, dt.time(12), dt.UTC) + dt.timedelta(days=days)


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CO"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pruebas PAZOS (no es real)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


@dataclass
class Pki:
    key: ec.EllipticCurvePrivateKey
    root: x509.Certificate
    serial: int = 100
    files: dict[str, bytes] = field(default_factory=dict)  # name -> .p12 bytes
    certs: dict[str, x509.Certificate] = field(default_factory=dict)

    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    def issue(self, name: str, holder: str, days=(-200, 730), rsa_key=False, usage=None, eku=None):
        """A signer's certificate and its .p12 (key, certificate, the root as chain)."""
        key = (
            rsa.generate_private_key(65537, 2048)
            if rsa_key
            else ec.generate_private_key(ec.SECP256R1())
        )
        self.serial += 1
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(holder))
            .issuer_name(self.root.subject)
            .public_key(key.public_key())
            .serial_number(self.serial)
            .not_valid_before(moment(days[0]))
            .not_valid_after(moment(days[1]))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    **(KU_NONE | (usage or {"digital_signature": True, "content_commitment": True}))
                ),
                critical=True,
            )  # fmt: skip
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
            .add_extension(_crl_point(), critical=False)
        )
        if eku:
            # RFC 3161: a timestamp authority's extended key usage is critical.
            critical = ExtendedKeyUsageOID.TIME_STAMPING in eku
            builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=critical)
        cert = builder.sign(self.key, hashes.SHA256())
        self.certs[name] = cert
        self.files[name] = pkcs12.serialize_key_and_certificates(
            name.encode(),
            key,
            cert,
            [self.root],
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
        return cert

    def crl(self, revoked: dict[str, dt.datetime]) -> bytes:
        """A revocation list (PEM) revoking the named certificates on the dates given."""
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.root.subject)
            .last_update(moment(-1))
            .next_update(moment(30))
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
            .add_extension(x509.CRLNumber(1), critical=False)
        )
        for name, when in revoked.items():
            entry = x509.RevokedCertificateBuilder().serial_number(self.certs[name].serial_number)
            builder = builder.add_revoked_certificate(entry.revocation_date(when).build())
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def _crl_point() -> x509.CRLDistributionPoints:
    uri = x509.UniformResourceIdentifier(CRL_URL)
    return x509.CRLDistributionPoints([x509.DistributionPoint([uri], None, None, None)])


def make_pki() -> Pki:
    key = ec.generate_private_key(ec.SECP256R1())
    usage = KU_NONE | dict(key_cert_sign=True, crl_sign=True, digital_signature=True)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Autoridad de Certificación de Pruebas PAZOS"))
        .issuer_name(_name("Autoridad de Certificación de Pruebas PAZOS"))
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(moment(-3650))
        .not_valid_after(moment(3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(**usage), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    pki = Pki(key, root)
    pki.issue("chair", CHAIR.upper(), rsa_key=True)  # as Colombian authorities write names
    pki.issue("secretary", SECRETARY)
    pki.issue("expired", CHAIR, days=(-400, -10))
    pki.issue("revoked", CHAIR)
    pki.issue(
        "server", CHAIR, usage={"key_encipherment": True}, eku=[ExtendedKeyUsageOID.SERVER_AUTH]
    )
    pki.issue("other", OTHER)
    no_key = pkcs12.serialize_key_and_certificates(
        b"sin clave", None, pki.certs["chair"], None,
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )  # fmt: skip
    pki.files["no_key"] = no_key
    # RSA: pyHanko's test stamper answers with RSA keys only.
    pki.issue("tsa", "Sellado de tiempo de pruebas", usage={"digital_signature": True},
              eku=[ExtendedKeyUsageOID.TIME_STAMPING], rsa_key=True)  # fmt: skip
    return pki


@pytest.fixture(scope="session")
def pki() -> Pki:
    return make_pki()


# --- a timestamp authority on 127.0.0.1 ---------------------------------------------------------


class TimestampAuthority:
    """RFC 3161 over HTTP, answered by pyHanko's own test stamper with our TSA certificate."""

    def __init__(self, pki: Pki):
        cert = pki.certs["tsa"]
        key = self._key_of(pki)
        self.stamper = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            tsa_key=load_private_key_from_pemder_data(key, passphrase=None),
            fixed_dt=moment(),
        )
        self.requests = 0
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def _key_of(pki: Pki) -> bytes:
        loaded = pkcs12.load_pkcs12(pki.files["tsa"], PASSWORD.encode())
        return loaded.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    def _handler(self):
        authority = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                authority.requests += 1
                request = tsp.TimeStampReq.load(body)
                answer = authority.stamper.request_tsa_response(request).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def pdfsig(path) -> list[dict[str, str]]:
    """poppler's pdfsig, an independent reader: each signature's fields as it prints them."""
    if PDFSIG is None:
        pytest.skip("pdfsig (poppler-utils) is not installed")
    out = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True).stdout
    found: list[dict[str, str]] = []
    for line in out.splitlines():
        if line.startswith("Signature #"):
            found.append({})
        elif found and line.strip().startswith("- "):
            key, _sep, value = line.strip()[2:].partition(":")
            found[-1][key.strip()] = value.strip()  # "Total document signed": no value
    return found


def sign_outside(pdf: bytes, pki: Pki, name: str, field: str = "Firma externa") -> bytes:
    """A signature made the way another program would (pyHanko alone, no check of ours)."""
    loaded = pkcs12.load_pkcs12(pki.files[name], PASSWORD.encode())
    der = serialization.Encoding.DER
    key = loaded.key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(loaded.cert.certificate.public_bytes(der)),
        signing_key=load_private_key_from_pemder_data(key, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([]),
    )
    meta = PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return PdfSigner(meta, signer).sign_pdf(writer).getvalue()


def add_text_after_signing(pdf: bytes) -> bytes:
    """An incremental update that draws on the first page: a change no signature allows."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (Cambiado) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- an office with approved actas ------------------------------------------------------------


def in_session(db):
    def run(fn):
        with db.session() as session:
            return fn(session)

    return run


def approved_acta(session, number: int) -> int:
    """Acta No. `number` of the mesa interinstitucional, chaired and taken down by the two
    signers, approved."""
    people = [
        meetings.AttendeeData(name=CHAIR, entity="Alcaldía de Palmira", position="Secretaria"),
        meetings.AttendeeData(name=SECRETARY, entity="Alcaldía de Palmira", position="Apoyo"),
    ]
    data = meetings.MeetingData(
        type="interinstitutional",
        date=min(dt.date(SUITE_TODAY.year, 3, 4), SUITE_TODAY),
        start_time=dt.time(9),
        end_time=dt.time(11),
        place="Concejo Municipal de Palmira",
        objective="Seguimiento a la estrategia PAZOS",
        chair_name=CHAIR,
        chair_position="Secretaria de Seguridad y Convivencia Ciudadana",
        secretary_name=SECRETARY,
        secretary_position="Profesional Universitario - Gestión Social",
        attendees=people,
        agenda=[meetings.AgendaItemData("Verificación de asistencia", "Hubo quórum.")],
        number=number,
    )
    made = meetings.create_meeting(session, data)
    approve_meeting(session, made.id)
    return made.id


@dataclass
class Office:
    db: object
    path: Path | str
    ids: dict[int, int]  # acta number -> meeting id
    folder: Path

    def snapshot_pdf(self, number: int) -> bytes:
        with self.db.session() as session:
            return current_snapshot(session, self.ids[number]).pdf

    def copy(self, target: Path) -> Path | str:
        """A copy of the office's database for a test that changes it (on a server, a copy
        made from it as a template, which no open connection may hold)."""
        self.db.dispose()
        return copy_database(self.path, target)

    def export(self, number: int, name: str) -> bytes:
        with self.db.session() as session:
            return export_minutes(
                session, SUITE_TODAY.year, number, self.folder / name
            ).read_bytes()


@pytest.fixture(scope="module")
def office(migrated_template, tmp_path_factory, pki):  # noqa: F811
    """Actas 007 (signed by the chair, then the secretary) and 008 (approved, unsigned); the
    throw-away root trusted, as an office imports it in Configuración."""
    folder = tmp_path_factory.mktemp("firmas")
    path = copy_database(migrated_template, folder / "firmas.sqlite")
    if server_db.is_server_target(path):
        server_db.servers().keep(path)  # shared by the module's tests
    db = database_on(path)
    with db.session() as session:
        import_trust(session, pki.root_pem())
        ids = {n: approved_acta(session, n) for n in (7, 8)}
    for role in ("chair", "secretary"):
        sign_meeting(in_session(db), ids[7], role, pki.files[role], PASSWORD)
    yield Office(db, path, ids, folder)
    db.dispose()
