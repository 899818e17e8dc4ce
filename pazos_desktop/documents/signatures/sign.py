"""Sign an approved acta: a PAdES signature (baseline B-B; B-T when the office configured a
timestamp authority and it answers) appended to the stored file as an incremental update, with
a visible stamp in the signer's block of the signature page.

Three steps, so no database transaction waits on the network: `prepare_signing` reads what
the signature needs (in a session), `sign_prepared` signs (no session; it may ask the
timestamp authority), `store_signed` keeps the result (in a session), refusing it when someone
else signed meanwhile. `sign_meeting` runs the three with the caller's way of opening sessions.
The approved PDF and its recorded SHA-256 never change: each signature only adds bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
from pyhanko.stamp.static import StaticStampStyle
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import MeetingSnapshot
from pazos_desktop.documents.actas import render
from pazos_desktop.documents.signatures.credentials import Credentials, load_credentials
from pazos_desktop.documents.signatures.trust import TrustStore, trust_store
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.domain.meetings import same_person, series_label, signer_role_label
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.services.meetings.editing import load
from pazos_desktop.services.meetings.signatures import (
    StoredSignature,
    acta_signers,
    current_fingerprint,
    keep_signature,
    sign_places,
    signed_pdf,
)
from pazos_desktop.services.meetings.snapshots import current_snapshot
from pazos_desktop.services.settings import all_settings
from pazos_desktop.writers.pdf.stamp import StampText, stamp_pdf

log = logging.getLogger(__name__)

TSA_TIMEOUT = 8  # seconds: an office on a slow network still gets its timestamp
MARGIN = 2.0  # points between the signer's room and the stamp


@dataclass(frozen=True)
class Prepared:
    """What one signature of one approved acta needs, read from the database."""

    meeting_id: int
    snapshot_id: int
    role: str | None  # the block signed; None: the one that names the certificate's holder
    blocks: dict[str, str]  # the unsigned blocks that name someone: role -> name
    pdf: bytes  # the file as signed so far
    fingerprint: str  # its SHA-256: the store refuses the signature if it changed
    seq: int
    places: dict  # role -> [page from 0, x0, y0, x1, y1]
    reason: str
    location: str
    tsa_url: str
    lang: str
    moment: dt.datetime  # aware: the action's clock
    trust: TrustStore


@dataclass(frozen=True)
class SignedFile:
    data: bytes
    timestamped: bool
    note: str = ""  # what the user should know (the timestamp authority did not answer)


@dataclass(frozen=True)
class SignOutcome:
    signature: StoredSignature
    note: str = ""


def prepare_signing(session: Session, meeting_id: int, role: str | None) -> Prepared:
    """Refuses an acta that is not approved, a block that names nobody or is signed already
    (`role` None: any unsigned block; the certificate's holder chooses it)."""
    meeting = load(session, meeting_id)
    snapshot = current_snapshot(session, meeting_id)
    if snapshot is None:
        raise PazosError(_("Solo se firma un acta aprobada: apruebe el acta antes de firmarla."))
    named = {s.role: s.name for s in acta_signers(snapshot)}
    if role is not None and role not in named:
        raise PazosError(
            _("El acta aprobada no nombra a nadie en el bloque «{role}».").format(
                role=signer_role_label(role)
            )
        )
    done = next((row for row in snapshot.signatures if row.role == role), None)
    if done is not None:
        raise PazosError(
            _("El bloque «{role}» ya está firmado ({name}, {when}).").format(
                role=signer_role_label(role),
                name=done.signer_name,
                when=format_moment(done.signed_at),
            )
        )
    signed = {row.role for row in snapshot.signatures}
    settings = all_settings(session)
    lang = snapshot.lang
    body = series_label(meeting.series or meeting.type, lang)
    reason = translate(N_("Aprobación del acta No. {number} de {year} — {body}"), lang)
    return Prepared(
        meeting_id=meeting_id,
        snapshot_id=snapshot.id,
        role=role,
        blocks={r: name for r, name in named.items() if r not in signed},
        pdf=signed_pdf(snapshot),
        fingerprint=current_fingerprint(snapshot),
        seq=len(snapshot.signatures) + 1,
        places=sign_places(snapshot) or places_by_drawing(snapshot),
        reason=reason.format(number=f"{meeting.number:03d}", year=meeting.year, body=body),
        location=settings.get("signing_place", ""),
        tsa_url=(settings.get("tsa_url") or "").strip(),
        lang=lang,
        moment=run_of(session).now,
        trust=trust_store(settings),
    )


def places_by_drawing(snapshot: MeetingSnapshot) -> dict:
    """For an acta approved before the blocks' places were recorded: draw it again and keep
    the places only if the drawing is the stored file, byte for byte."""
    places: dict = {}
    pdf = render(json.loads(snapshot.content), snapshot.lang, snapshot.page_size, places)
    return places if pdf == snapshot.pdf else {}


def for_holder(prepared: Prepared, credentials: Credentials) -> Prepared:
    """The block the certificate signs: the one chosen, which must name its holder (every word
    of the name the acta gives is in the certificate's: "Ana Gómez" signs as "ANA MARÍA GÓMEZ
    PÉREZ"); without a choice, the unsigned block that names the holder."""
    if prepared.role is None:
        role = next(
            (r for r, n in prepared.blocks.items() if same_person(n, credentials.name)), None
        )
        if role is None:
            raise PazosError(
                _(
                    "El certificado es de «{holder}», a quien el acta no nombra en ningún "
                    "bloque de firma sin firmar ({blocks})."
                ).format(
                    holder=credentials.name,
                    blocks=", ".join(
                        f"{signer_role_label(r)}: {n}" for r, n in prepared.blocks.items()
                    )
                    or "—",
                )
            )
        return replace(prepared, role=role)
    if not same_person(prepared.blocks[prepared.role], credentials.name):
        raise PazosError(
            _(
                "El certificado es de «{holder}», pero el bloque «{role}» del acta es de "
                "«{named}». Cada persona firma en su propio bloque; si es la misma persona con "
                "el nombre escrito de otra forma, reabra el acta, corrija el nombre como está "
                "en su certificado y apruébela de nuevo."
            ).format(
                holder=credentials.name,
                role=signer_role_label(prepared.role),
                named=prepared.blocks[prepared.role],
            )
        )
    return prepared


def sign_prepared(prepared: Prepared, credentials: Credentials) -> SignedFile:
    """Sign (B-T when the timestamp authority answers, else B-B with a note); `prepared`'s
    block chosen (`for_holder`)."""
    if prepared.tsa_url:
        try:
            stamper = HTTPTimeStamper(prepared.tsa_url, timeout=TSA_TIMEOUT)
            return SignedFile(_sign(prepared, credentials, stamper), timestamped=True)
        except Exception as exc:  # offline, refused, a bad answer: signing must still work
            log.warning("timestamp authority %s: %s", prepared.tsa_url, exc)
            note = _(
                "La autoridad de sellado de tiempo ({url}) no respondió: el acta quedó firmada "
                "sin sello de tiempo."
            ).format(url=prepared.tsa_url)
            return SignedFile(_sign(prepared, credentials, None), False, note)
    return SignedFile(_sign(prepared, credentials, None), timestamped=False)


class _OnOurClock(PdfSigner):
    """pyHanko reads the computer's clock for the signing time; the program has one clock."""

    moment: dt.datetime | None = None

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.moment
        return session


def _sign(prepared: Prepared, credentials: Credentials, stamper) -> bytes:
    name = f"PAZOS_firma_{prepared.seq}_{prepared.role}"
    meta = PdfSignatureMetadata(
        field_name=name,
        name=credentials.name,
        reason=prepared.reason,
        location=prepared.location or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    with tempfile.TemporaryDirectory() as folder:
        style, spec = _appearance(prepared, credentials, name, Path(folder))
        signer = _OnOurClock(
            meta, credentials.signer, timestamper=stamper, stamp_style=style, new_field_spec=spec
        )
        signer.moment = prepared.moment
        writer = IncrementalPdfFileWriter(io.BytesIO(prepared.pdf))
        data = signer.sign_pdf(writer).getvalue()
    if not data.startswith(prepared.pdf):  # never: pyHanko appends; the check costs nothing
        raise PazosError(_("La firma no se añadió al acta aprobada; no se guardó nada."))
    return data


def _appearance(prepared: Prepared, credentials: Credentials, name: str, folder: Path):
    """The stamp in the signer's room; an invisible signature when the room is unknown."""
    place = prepared.places.get(prepared.role)
    if place is None:
        return None, SigFieldSpec(name)
    page, x0, y0, x1, y1 = place
    box = (x0 + MARGIN, y0 + MARGIN, x1 - MARGIN, y1 - MARGIN)
    when = prepared.moment.astimezone().strftime("%d/%m/%Y %H:%M")
    text = StampText(
        heading=translate(N_("Firmado digitalmente por"), prepared.lang),
        name=credentials.name,
        lines=[
            translate(N_("Fecha: {when}"), prepared.lang).format(when=when),
            translate(N_("Emisor: {issuer}"), prepared.lang).format(issuer=credentials.issuer),
            prepared.location,
            prepared.reason,
        ],
    )
    stamp = folder / "sello.pdf"
    stamp.write_bytes(stamp_pdf(box[2] - box[0], box[3] - box[1], text))
    # pyHanko's default layout leaves 5 pt around the background and shrinks it to fit: ours
    # is drawn to the box's size already.
    fill = SimpleBoxLayoutRule(AxisAlignment.ALIGN_MIN, AxisAlignment.ALIGN_MIN, Margins())
    style = StaticStampStyle(
        background=ImportedPdfPage(str(stamp)), border_width=0, background_layout=fill
    )
    return style, SigFieldSpec(name, on_page=page, box=box)


def store_signed(
    session: Session, prepared: Prepared, signed: SignedFile, credentials: Credentials
) -> StoredSignature:
    """Keep the signed version; refused if the acta was reopened or signed meanwhile."""
    snapshot = current_snapshot(session, prepared.meeting_id)
    if snapshot is None or snapshot.id != prepared.snapshot_id:
        raise PazosError(_("El acta se reabrió mientras usted firmaba: no se guardó la firma."))
    details = {
        "role": prepared.role,
        "signer_name": credentials.name[:300],
        "issuer": credentials.issuer[:300],
        "signed_at": prepared.moment.astimezone(dt.UTC).replace(tzinfo=None),
        "timestamped": signed.timestamped,
    }
    return keep_signature(session, snapshot, prepared.fingerprint, signed.data, details)


InSession = Callable[[Callable[[Session], object]], object]


def sign_meeting(
    in_session: InSession, meeting_id: int, role: str | None, certificate: bytes, password: str
) -> SignOutcome:
    """Sign with the certificate file's bytes and its password (used once, kept nowhere), in
    the block `role` (None: the one naming the certificate's holder). `in_session(fn)` runs
    `fn(session)` in a session of its own, committed when it returns."""
    prepared = in_session(lambda s: prepare_signing(s, meeting_id, role))
    credentials = load_credentials(certificate, password, prepared.moment, prepared.trust.revoked())
    prepared = for_holder(prepared, credentials)
    signed = sign_prepared(prepared, credentials)
    stored = in_session(lambda s: store_signed(s, prepared, signed, credentials))
    return SignOutcome(stored, signed.note)
