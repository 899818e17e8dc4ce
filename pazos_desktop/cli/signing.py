"""Digital signatures from the command line: `sign` an approved acta with a certificate (or
add the signatures of a file signed in another program), `verify` any PDF.

The certificate's password comes from PAZOS_CERT_PASSWORD or is asked without echo; it is
never printed, logged or stored.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from pazos_desktop.cli.context import EXIT_FAILED, EXIT_OK
from pazos_desktop.i18n import _

PASSWORD_VARIABLE = "PAZOS_CERT_PASSWORD"
ROLES = ("chair", "secretary", "prepared", "reviewed", "approver")


def register(registry) -> None:
    sign = registry.command(
        "sign", _("firma digitalmente un acta aprobada con un certificado (.p12 / .pfx)"), cmd_sign
    )
    sign.add_argument("--meeting", type=int, required=True, metavar="N", help=_("número del acta"))
    sign.add_argument("--year", type=int, required=True, help=_("año del acta"))
    sign.add_argument(
        "--series", metavar=_("SERIE"), help=_("serie del acta, cuando varias tienen ese número")
    )
    source = sign.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--cert",
        metavar=_("ARCHIVO"),
        help=_("certificado de firma (.p12 o .pfx); la contraseña, de {var} o se pregunta").format(
            var=PASSWORD_VARIABLE
        ),
    )
    source.add_argument(
        "--signed-pdf",
        metavar=_("ARCHIVO"),
        help=_("en vez de firmar: añade las firmas de este PDF, firmado en otro programa"),
    )
    sign.add_argument(
        "--role",
        choices=ROLES,
        help=_("bloque que firma; por defecto, el que nombra al titular del certificado"),
    )
    sign.add_argument("--out", metavar=_("ARCHIVO"), help=_("guarda además el PDF firmado aquí"))
    verify = registry.command(
        "verify", _("verifica las firmas digitales de un PDF (sale con 1 si alguna no es válida)"),
        cmd_verify,
    )  # fmt: skip
    verify.add_argument("pdf", metavar=_("ARCHIVO.pdf"), help=_("el PDF a verificar"))
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar=_("ARCHIVO"),
        help=_("certificado raíz o lista de revocación más, además de los de la configuración"),
    )


def cmd_sign(args, ctx) -> int:
    from pazos_desktop.documents.signatures.attach import add_signed_file
    from pazos_desktop.documents.signatures.credentials import read_certificate
    from pazos_desktop.documents.signatures.sign import sign_meeting
    from pazos_desktop.services.meetings.editing import find_meeting

    db = ctx.database()

    def in_session(fn):
        with db.session() as session:
            return fn(session)

    meeting = in_session(lambda s: find_meeting(s, args.year, args.meeting, args.series))
    if args.signed_pdf:
        data = _read(args.signed_pdf)
        added = in_session(lambda s: add_signed_file(s, meeting.id, data))
        for signature in added:
            _said_signed(ctx, meeting.label, signature)
    else:
        certificate = read_certificate(args.cert)
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            password = getpass.getpass(_("Contraseña del certificado: "))
        done = sign_meeting(in_session, meeting.id, args.role, certificate, password)
        del password  # used once
        _said_signed(ctx, meeting.label, done.signature)
        if done.note:
            ctx.out(_("Aviso: {text}").format(text=done.note))
    if args.out:
        _write_signed(ctx, in_session, meeting.id, args.out)
    return EXIT_OK


def _said_signed(ctx, label: str, signature) -> None:
    ctx.out(
        _("{acta}: firmada por {name} ({role}).").format(
            acta=label, name=signature.signer_name, role=signature.role_label
        )
    )


def _write_signed(ctx, in_session, meeting_id: int, out: str) -> None:
    from pazos_desktop.files import atomic_write
    from pazos_desktop.services.meetings.signatures import signed_pdf
    from pazos_desktop.services.meetings.snapshots import current_snapshot

    data = in_session(lambda s: signed_pdf(current_snapshot(s, meeting_id)))
    target = Path(out).expanduser()
    atomic_write(target, lambda tmp: Path(tmp).write_bytes(data))
    ctx.out(_("PDF firmado guardado en {path}").format(path=target.resolve()))


def cmd_verify(args, ctx) -> int:
    from pazos_desktop.documents.signatures.trust import TrustStore, read_trust_file
    from pazos_desktop.documents.signatures.verify import verify_file

    extra = TrustStore()
    for name in args.trust:
        found = read_trust_file(_read(name))
        extra.roots += found.roots
        extra.crls += found.crls
    data = _read(args.pdf)
    with ctx.database().session() as session:
        checks = verify_file(session, data, extra)
    if not checks:
        ctx.out(_("{file}: el archivo no tiene firmas digitales.").format(file=args.pdf))
        return EXIT_FAILED
    for number, check in enumerate(checks, 1):
        ctx.out(_line(number, check))
    return EXIT_OK if all(c.valid for c in checks) else EXIT_FAILED


def _line(number: int, check) -> str:
    from pazos_desktop.domain.meetings import signature_state_label

    when = check.signed_at.astimezone().strftime("%d/%m/%Y %H:%M") if check.signed_at else "?"
    if check.timestamped:
        when += " " + _("(con sello de tiempo)")
    return _("{n}. {name} — emitido por {issuer} — {when} — {state}").format(
        n=number,
        name=check.signer_name,
        issuer=check.issuer,
        when=when,
        state=signature_state_label(check.state),
    )


def _read(name: str) -> bytes:
    """A PDF, root certificate or revocation list the user named (at most 200 MB)."""
    from pazos_desktop.files import read_limited

    return read_limited(name, 200_000_000, _("El archivo pesa {size:.0f} MB: no es un acta."))
