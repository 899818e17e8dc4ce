"""Personal data (Ley 1581) from the command line: `personal-data export|suppress|contacts|
requests|sheet`."""

from __future__ import annotations

import sys

from pazos_desktop.cli.context import EXIT_FAILED, EXIT_OK
from pazos_desktop.cli.safety import YES_WORDS
from pazos_desktop.domain.formats import format_date
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _, ngettext


def register(registry) -> None:
    group = registry.group("personal-data", _("datos personales (Ley 1581 de 2012)"))
    export = group.command(
        "export",
        _("exporta los datos de una persona: PDF para ella, JSON para el registro"),
        cmd_export,
    )
    _contact_argument(export)
    export.add_argument(
        "--out", required=True, metavar=_("ARCHIVO"), help=_("archivo .pdf o .json")
    )
    export.add_argument(
        "--page-size", choices=("letter", "a4"), help=_("tamaño de página: letter o a4")
    )
    suppress = group.command(
        "suppress",
        _("suprime los datos de una persona en toda la base (tras una copia de seguridad)"),
        cmd_suppress,
    )
    _contact_argument(suppress)
    suppress.add_argument("--request", type=int, metavar="N", help=_("la solicitud que lo pide"))
    suppress.add_argument("--yes", action="store_true", help=_("no pide confirmación"))
    contacts = group.command(
        "contacts", _("lista los contactos y el estado de su autorización"), cmd_contacts
    )
    contacts.add_argument(
        "--without-authorisation",
        action="store_true",
        help=_("solo los que no tienen una autorización vigente"),
    )
    reqs = group.command(
        "requests", _("lista las solicitudes de los titulares y su fecha límite"), cmd_requests
    )
    reqs.add_argument("--overdue", action="store_true", help=_("solo las vencidas"))
    sheet = group.command(
        "sheet",
        _("registra la planilla firmada de una reunión: autoriza a quienes marcaron la casilla"),
        cmd_sheet,
    )
    sheet.add_argument(
        "--meeting", type=int, required=True, metavar="N", help=_("número del acta en su año")
    )
    sheet.add_argument("--year", type=int, required=True, help=_("año del acta"))
    sheet.add_argument(
        "--contact", type=int, action="append", required=True, metavar="ID", dest="contacts",
        help=_("contacto que marcó la casilla (repita la opción por cada uno)"),
    )  # fmt: skip


def _contact_argument(parser) -> None:
    parser.add_argument(
        "--contact", type=int, required=True, metavar="ID", help=_("id del contacto")
    )


def cmd_export(args, ctx) -> int:
    from pazos_desktop.documents.person_export import export_person

    with ctx.database().session(read_only=True) as session:
        path = export_person(session, args.contact, args.out, ctx.lang, args.page_size)
    ctx.out(_("Datos de la persona guardados en {path}").format(path=path))
    return EXIT_OK


def cmd_suppress(args, ctx) -> int:
    from pazos_desktop.documents.suppression import suppress_contact
    from pazos_desktop.safety import backup
    from pazos_desktop.services.personal_data.purge import purge_freed_pages
    from pazos_desktop.services.personal_data.suppression import describe_plan, plan_suppression

    db = ctx.database()
    with db.session(read_only=True) as session:
        plan = plan_suppression(session, args.contact)
    if plan.already:
        raise PazosError(_("Los datos de este contacto ya fueron suprimidos."))
    for line in describe_plan(plan, len(_backups(db))):
        ctx.out(line)
    if not args.yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise PazosError(_("Sin terminal, confirme con --yes."))
        if input(_("¿Suprimir los datos de esta persona? [s/N] ")).strip().lower() not in YES_WORDS:
            ctx.out(_("No se suprimió nada."))
            return EXIT_FAILED
    copy = backup.before(db, "suppression")
    with db.session(reason=_("Supresión de datos personales")) as session:
        result = suppress_contact(session, args.contact, args.request)
    purge_freed_pages(db.engine)
    if copy is not None:
        ctx.out(_("Copia de seguridad previa: {path}").format(path=copy))
    ctx.out(
        ngettext(
            "Datos suprimidos: {n} registro cambió; la persona figura ahora como «{label}».",
            "Datos suprimidos: {n} registros cambiaron; la persona figura ahora como «{label}».",
            result.records,
        ).format(n=result.records, label=result.label)
    )
    return EXIT_OK


def _backups(db) -> list:
    from pazos_desktop.safety import backup

    return backup.list_backups(db.path) if db.path is not None else []


def cmd_contacts(args, ctx) -> int:
    from pazos_desktop.services.personal_data.authorisations import list_contact_states

    with ctx.database().session(read_only=True) as session:
        rows = list_contact_states(session, only_lacking=args.without_authorisation)
    for r in rows:
        auth = r.auth
        when = format_date(auth.granted_on) if auth.granted_on else ""
        ctx.out(f"{r.id:>5}  {auth.label():<18} {when:<10}  {r.name} — {r.partner_name}")
    ctx.out(ngettext("{n} contacto.", "{n} contactos.", len(rows)).format(n=len(rows)))
    return EXIT_OK


def cmd_requests(args, ctx) -> int:
    from pazos_desktop.services.personal_data.requests import list_requests, overdue_requests

    with ctx.database().session(read_only=True) as session:
        rows = overdue_requests(session) if args.overdue else list_requests(session)
    for r in rows:
        late = _("VENCIDA") if r.overdue else ""
        ctx.out(
            f"{r.id:>4}  {format_date(r.received_on)}  {format_date(r.due_on)}  "
            f"{r.type_label():<30} {r.status_label():<12} {late:<8} {r.requester_name}"
        )
    ctx.out(ngettext("{n} solicitud.", "{n} solicitudes.", len(rows)).format(n=len(rows)))
    return EXIT_OK


def cmd_sheet(args, ctx) -> int:
    from pazos_desktop.services.meetings.editing import find_meeting
    from pazos_desktop.services.personal_data.authorisations import record_signed_sheet

    with ctx.database().session() as session:
        meeting = find_meeting(session, args.year, args.meeting)
        result = record_signed_sheet(session, meeting.id, args.contacts)
    for name in result.created:
        ctx.out(_("Autorizado: {name}").format(name=name))
    for name in result.already:
        ctx.out(_("Ya tenía autorización vigente: {name}").format(name=name))
    ctx.out(_("Evidencia: {ref}").format(ref=result.evidence))
    return EXIT_OK
