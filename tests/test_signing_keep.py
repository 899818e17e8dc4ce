"""What happens to a signed acta afterwards: a timestamp authority (B-T) or none answering,
reopening and approving again, signatures made in another program, the list and the history,
a person's data suppressed, the password never kept, the schema revision down and up again,
PDF/A kept when the acta is PDF/A."""

from __future__ import annotations

import hashlib
import io
import logging
import re

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select, text

from pazos_desktop.db.database import downgrade, make_engine, upgrade
from pazos_desktop.db.models.meetings import ActaSignature, Meeting
from pazos_desktop.documents import actas
from pazos_desktop.documents.signatures.attach import add_signed_file
from pazos_desktop.documents.signatures.listing import acta_signatures
from pazos_desktop.documents.signatures.sign import sign_meeting
from pazos_desktop.documents.signatures.trust import import_trust
from pazos_desktop.domain.meetings import SignatureState
from pazos_desktop.errors import PazosError
from pazos_desktop.services.history.readable import meeting_history
from pazos_desktop.services.meetings.signatures import latest_snapshot, signed_pdf
from pazos_desktop.services.meetings.snapshots import current_snapshot
from pazos_desktop.services.settings import set_setting
from tests.conftest import database_on
from tests.pdf_support import poppler_pages
from tests.signing_support import (
    PASSWORD,
    SECRETARY,
    TimestampAuthority,
    add_text_after_signing,
    in_session,
    pdfsig,
    sign_outside,
)

pytest_plugins = ["signing_support"]  # the fixtures: pki (a throw-away authority), office


@pytest.fixture
def copy(office, tmp_path):
    """The module's office, copied: this test may change it."""
    db = database_on(office.copy(tmp_path / "copia.sqlite"))
    yield db
    db.dispose()


def _signed(db, meeting_id) -> bytes:
    with db.session() as session:
        return actas.frozen_pdf(current_snapshot(session, meeting_id), "es", None)


def test_a_timestamp_authority_makes_it_b_t_and_offline_it_is_b_b(copy, office, pki, tmp_path):
    authority = TimestampAuthority(pki)
    try:
        with copy.session() as session:
            set_setting(session, "tsa_url", authority.url)
        done = sign_meeting(in_session(copy), office.ids[8], "chair", pki.files["chair"], PASSWORD)
    finally:
        authority.close()
    assert authority.requests >= 1 and done.signature.timestamped and not done.note
    with copy.session() as session:  # the authority is gone: signing still works, says so
        set_setting(session, "tsa_url", authority.url)
    later = sign_meeting(
        in_session(copy), office.ids[8], "secretary", pki.files["secretary"], PASSWORD
    )
    assert not later.signature.timestamped and "no respondió" in later.note
    with copy.session() as session:
        listed = acta_signatures(session, office.ids[8])
    assert [r.timestamped for r in listed.rows] == [True, False]
    assert [r.state for r in listed.rows] == [SignatureState.VALID] * 2
    path = tmp_path / "sellada.pdf"
    path.write_bytes(_signed(copy, office.ids[8]))
    assert [f["Signature Validation"] for f in pdfsig(path)] == ["Signature is Valid."] * 2


def test_reopening_keeps_the_signed_version_and_a_new_approval_starts_another(copy, office):
    meeting_id = office.ids[7]
    signed = _signed(copy, meeting_id)
    with copy.session() as session:
        actas.reopen_meeting(session, meeting_id, "Corregir el cargo de la secretaria")
    with copy.session() as session:
        listed = acta_signatures(session, meeting_id)
        kept = latest_snapshot(session, meeting_id)
        assert not listed.approved and "Corregir el cargo" in listed.note
        assert [r.state for r in listed.rows] == [SignatureState.VALID] * 2
        assert signed_pdf(kept) == signed  # kept with the reopening record
    with copy.session() as session:
        actas.approve_meeting(session, meeting_id)
    with copy.session() as session:
        fresh = current_snapshot(session, meeting_id)
        assert fresh.signatures == [] and acta_signatures(session, meeting_id).rows == []
        assert actas.frozen_pdf(fresh, "es", None) == fresh.pdf  # unsigned until signed again
        assert session.scalar(select(func.count()).select_from(ActaSignature)) == 2


def test_signatures_made_in_another_program_are_added_and_foreign_files_refused(copy, office, pki):
    meeting_id = office.ids[8]
    approved = _signed(copy, meeting_id)
    outside = sign_outside(approved, pki, "chair")
    with copy.session() as session:
        added = add_signed_file(session, meeting_id, outside)
    assert [(a.role, a.external) for a in added] == [("chair", True)]
    assert _signed(copy, meeting_id) == outside
    refusals = {
        "otra acta": sign_outside(_signed(copy, office.ids[7]), pki, "chair"),
        "guardada de nuevo": _rewritten(outside),
        "cambiada": add_text_after_signing(sign_outside(outside, pki, "secretary", "Firma 2")),
        "sin firmas nuevas": outside,
    }
    messages = {}
    for case, data in refusals.items():
        with pytest.raises(PazosError) as refused, copy.session() as session:
            add_signed_file(session, meeting_id, data)
        messages[case] = refused.value.message
    assert "no es el Acta No. 008" in messages["otra acta"]
    assert "no es el Acta No. 008" in messages["guardada de nuevo"]
    assert "documento modificado después de esta firma" in messages["cambiada"]
    assert messages["sin firmas nuevas"] == "El archivo no trae firmas nuevas."
    assert _signed(copy, meeting_id) == outside  # nothing changed


def _rewritten(pdf: bytes) -> bytes:
    """The file opened and saved again by another program (not an incremental update)."""
    out = io.BytesIO()
    PdfWriter(clone_from=PdfReader(io.BytesIO(pdf))).write(out)
    return out.getvalue()


def test_the_history_lists_the_signatures(office):
    with office.db.session() as session:
        lines = [r.change for r in meeting_history(session, office.ids[7])]
    signed = [line for line in lines if line.startswith("Firma digital:")]
    assert len(signed) == 2
    assert any(f"Firmante: {SECRETARY}" in line and "Firma como: Secretaría técnica" in line
               for line in signed)  # fmt: skip
    assert not any("increment" in line or "\\x" in line for line in lines)


def test_the_password_is_never_kept_nor_logged(copy, office, pki, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    sign_meeting(in_session(copy), office.ids[8], "chair", pki.files["chair"], PASSWORD)
    assert PASSWORD not in caplog.text
    with copy.session() as session:
        dump = "\n".join(
            str(row) for table in ("app_setting", "history_entry", "acta_signature")
            for row in session.execute(text(f"SELECT * FROM {table}"))  # noqa: S608
        )  # fmt: skip
    assert PASSWORD not in dump and "PRIVATE KEY" not in dump
    with copy.session() as session:  # a private key is refused as a trusted root
        with pytest.raises(PazosError, match="clave privada"):
            import_trust(session, pki.files["chair"])


def test_a_suppression_redraws_the_acta_and_its_signatures_go(copy, office):
    meeting_id = office.ids[7]
    with copy.session() as session:
        snapshot = current_snapshot(session, meeting_id)
        actas.redraw(session, [snapshot.id])
    with copy.session() as session:
        snapshot = current_snapshot(session, meeting_id)
        assert snapshot.signatures == []
        assert session.get(Meeting, meeting_id).approved_pdf_sha256 == snapshot.pdf_sha256


def test_revision_0012_down_and_up_on_a_signed_database(copy, office, pki, tmp_path):
    engine = make_engine(copy.url)
    with copy.session() as session:
        before = hashlib.sha256(current_snapshot(session, office.ids[7]).pdf).hexdigest()
    copy.dispose()
    downgrade(engine, "0011_people_roles")
    with engine.connect() as conn:
        tables = set(conn.dialect.get_table_names(conn))
        assert "acta_signature" not in tables
        assert conn.execute(text("SELECT count(*) FROM meeting_snapshot")).scalar() == 2
    upgrade(engine)
    engine.dispose()
    with copy.session() as session:
        snapshot = current_snapshot(session, office.ids[7])
        assert hashlib.sha256(snapshot.pdf).hexdigest() == before
        assert snapshot.sign_places is None and snapshot.signatures == []
    # Places not recorded (approved before the revision): found by drawing the acta again.
    sign_meeting(in_session(copy), office.ids[7], "chair", pki.files["chair"], PASSWORD)
    path = tmp_path / "de_nuevo.pdf"
    path.write_bytes(_signed(copy, office.ids[7]))
    assert "Firmado digitalmente por" in poppler_pages(path)[-1]  # poppler draws the stamps


def test_pdfa_markers_stay_and_every_font_is_embedded(office):
    approved, signed = office.snapshot_pdf(7), office.export(7, "pdfa.pdf")
    base, after = PdfReader(io.BytesIO(approved)), PdfReader(io.BytesIO(signed))
    assert "/Metadata" in base.trailer["/Root"]  # every acta is PDF/A-2b (house style)
    # Its markers survive the signing (an incremental update keeps what was there).
    xmp = after.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert re.search(rb"pdfaid:part[>=\"']+2", xmp)
    assert "/OutputIntents" in after.trailer["/Root"]
    fonts = [f for page in after.pages for f in _fonts(page, with_page=True)]
    assert len(fonts) >= 4  # the two stamps' regular and bold, at least
    for font in fonts:  # the stamps' fonts and the acta's own
        descriptor = (
            font.get("/FontDescriptor")
            or (font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
        )
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font


def _fonts(page, with_page: bool) -> list:
    """The fonts of the page's signature stamps (forms inside forms), and of the page."""
    found, todo = [], [page.get("/Resources")] if with_page else []
    for annot in page.get("/Annots") or []:
        appearance = annot.get_object().get("/AP")
        if appearance:
            todo.append(appearance["/N"].get_object().get("/Resources"))
    while todo:
        resources = todo.pop()
        if not resources:
            continue
        resources = resources.get_object()
        found += [f.get_object() for f in (resources.get("/Font") or {}).values()]
        for xobject in (resources.get("/XObject") or {}).values():
            todo.append(xobject.get_object().get("/Resources"))
    return found
