"""Approved actas signed with the signers' certificates (PAdES, pyHanko) and verified by us and
by an independent reader (poppler's pdfsig): two signers in turn, a byte changed afterwards,
the approved content's SHA-256 unchanged, the stamp in the signer's block, every refusal.

One office database is built and signed once for the module (a throw-away certification
authority from tests/signing_support.py); tests that change it work on a copy.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader

from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents.signatures.sign import sign_meeting
from pazos_desktop.documents.signatures.trust import TrustStore, import_trust, read_trust_file
from pazos_desktop.documents.signatures.verify import verify_pdf
from pazos_desktop.domain.meetings import SignatureState
from pazos_desktop.errors import PazosError
from pazos_desktop.services.meetings.snapshots import current_snapshot
from tests.conftest import SUITE_TODAY, database_on
from tests.pdf_support import render_png, words_with_boxes
from tests.signing_support import (
    CHAIR,
    PASSWORD,
    SECRETARY,
    add_text_after_signing,
    in_session,
    moment,
    pdfsig,
    sign_outside,
)

pytest_plugins = ["signing_support"]  # the fixtures: pki (a throw-away authority), office

YEAR = SUITE_TODAY.year


def trusted(pki) -> TrustStore:
    return read_trust_file(pki.root_pem())


def test_two_signers_in_turn_both_valid_for_us_and_for_pdfsig(office, pki):
    signed = office.export(7, "firmada.pdf")
    checks = verify_pdf(signed, trusted(pki), moment())
    assert [c.state for c in checks] == [SignatureState.VALID, SignatureState.VALID]
    assert [c.signer_name for c in checks] == [CHAIR.upper(), SECRETARY]
    assert {c.issuer for c in checks} == {"Autoridad de Certificación de Pruebas PAZOS"}
    found = pdfsig(office.folder / "firmada.pdf")
    assert [f["Signature Validation"] for f in found] == ["Signature is Valid."] * 2
    assert [f["Signer Certificate Common Name"] for f in found] == [CHAIR.upper(), SECRETARY]
    assert "Total document signed" in found[1]  # the last signature covers the whole file
    reader = PdfReader(io.BytesIO(signed))
    fields = {f: v for f, v in reader.get_fields().items() if f.startswith("PAZOS_firma")}
    reasons = {v["/V"]["/Reason"] for v in fields.values()}
    assert reasons == {f"Aprobación del acta No. 007 de {YEAR} — Mesa interinstitucional"}
    assert {v["/V"]["/Location"] for v in fields.values()} == {"Palmira, Valle del Cauca, Colombia"}


def test_the_approved_content_and_its_sha256_do_not_change(office):
    approved = office.snapshot_pdf(7)
    signed = office.export(7, "firmada2.pdf")
    assert signed.startswith(approved) and len(signed) > len(approved)
    with office.db.session() as session:
        meeting = session.get(Meeting, office.ids[7])
        assert hashlib.sha256(approved).hexdigest() == meeting.approved_pdf_sha256
        snapshot = current_snapshot(session, meeting.id)
        assert snapshot.pdf_sha256 == meeting.approved_pdf_sha256
        assert hashlib.sha256(signed).hexdigest() == snapshot.signatures[-1].pdf_sha256
    assert office.export(7, "otra_vez.pdf") == signed  # every export: the signed file


def test_the_stamp_sits_in_the_signers_block(office, artifacts):
    office.export(7, "sello.pdf")
    path = office.folder / "sello.pdf"
    last = len(PdfReader(path).pages)
    words = words_with_boxes(path, last)
    role = next(w for w in words if w[0] == "Preside")
    line_name = next(w for w in words if w[0] == "María" and w[2] > role[4] + 20)
    stamped = [w for w in words if w[0] == "Firmado"]
    assert len(stamped) == 2  # the chair's and the secretary's
    chair_stamp = min(stamped, key=lambda w: abs(w[1] - role[1]))
    assert role[4] < chair_stamp[2] < line_name[2]  # between the role and the signed line
    assert abs(chair_stamp[1] - role[1]) < 10
    render_png(path, artifacts / "acta_firmada", last, last, dpi=70)


def test_a_byte_changed_in_the_approved_content_breaks_both_signatures(office, pki, tmp_path):
    signed = office.export(7, "para_alterar.pdf")
    at = signed.index(b"Mesa interinstitucional") if b"Mesa inter" in signed else None
    at = at if at is not None else signed.index(b"/Producer")
    assert at < len(office.snapshot_pdf(7))  # inside the approved content
    altered = signed[:at] + bytes([signed[at] ^ 1]) + signed[at + 1 :]
    checks = verify_pdf(altered, trusted(pki), moment())
    assert [c.state for c in checks] == [SignatureState.INVALID, SignatureState.INVALID]
    (tmp_path / "alterada.pdf").write_bytes(altered)
    found = pdfsig(tmp_path / "alterada.pdf")
    assert [f["Signature Validation"] for f in found] == ["Digest Mismatch."] * 2


def _stored_count(office, number: int) -> int:
    with office.db.session() as session:
        return len(current_snapshot(session, office.ids[number]).signatures)


@pytest.mark.parametrize(
    ("certificate", "password", "message"),
    [
        ("chair", "otra clave", "La contraseña del certificado no es correcta."),
        ("expired", PASSWORD, "El certificado venció el"),
        ("no_key", PASSWORD, "no su clave privada"),
        ("server", PASSWORD, "no sirve para firmar documentos"),
        ("a pdf", PASSWORD, "no es un certificado PKCS#12"),
        ("50 MB", PASSWORD, "pesa 50.0 MB"),
        ("other", PASSWORD, "El certificado es de «Jhon Jairo Mosquera Valencia»"),
    ],
)
def test_bad_certificates_are_refused_and_change_nothing(
    office, pki, certificate, password, message
):
    data = {
        "a pdf": office.snapshot_pdf(8)[:4000],
        "50 MB": b"\x30" * 50_000_000,
    }.get(certificate) or pki.files[certificate]
    with pytest.raises(PazosError) as refused:
        sign_meeting(in_session(office.db), office.ids[8], "chair", data, password)
    assert message in refused.value.message
    assert _stored_count(office, 8) == 0


def test_a_certificate_revoked_on_a_date_is_refused_once_the_list_says_so(office, pki, tmp_path):
    db = database_on(office.copy(tmp_path / "revocada.sqlite"))
    with db.session() as session:
        import_trust(session, pki.crl({"revoked": moment(-3)}))
    with pytest.raises(PazosError, match="fue revocado el"):
        sign_meeting(in_session(db), office.ids[8], "chair", pki.files["revoked"], PASSWORD)
    db.dispose()


def test_what_verification_says_of_each_case(office, pki, tmp_path):
    signed = office.export(7, "estados.pdf")
    root = trusted(pki)
    # The chair's certificate expires 730 days after the suite's day: checked later, without a
    # timestamp to prove when it signed, it reads as expired; the secretary's is still in force.
    later = [c.state for c in verify_pdf(signed, root, moment(731))]
    assert later == [SignatureState.EXPIRED, SignatureState.EXPIRED]
    assert [c.state for c in verify_pdf(signed, TrustStore(), moment())] == [
        SignatureState.UNTRUSTED
    ] * 2
    # The secretary's certificate revoked on day +5: valid before that day, revoked after.
    with_list = read_trust_file(pki.root_pem() + pki.crl({"secretary": moment(5)}))
    assert [c.state for c in verify_pdf(signed, with_list, moment(1))] == [SignatureState.VALID] * 2
    assert [c.state for c in verify_pdf(signed, with_list, moment(6))] == [
        SignatureState.VALID,
        SignatureState.REVOKED,
    ]
    # Content added after the signatures (not another signature): both say the file changed.
    changed = add_text_after_signing(signed)
    assert [c.state for c in verify_pdf(changed, root, moment())] == [SignatureState.CHANGED] * 2
    # A certificate meant for a server, signed outside the program (which refuses it).
    other_use = sign_outside(office.snapshot_pdf(8), pki, "server")
    assert [c.state for c in verify_pdf(other_use, root, moment())] == [SignatureState.WRONG_USE]
