"""Meeting documents from the command line: `export minutes` and `export attendance`."""

from __future__ import annotations

from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.i18n import _


def register(registry) -> None:
    export = registry.group("export", _("exporta documentos y hojas de cálculo"))
    minutes = export.command(
        "minutes", _("exporta el acta de una reunión en PDF"), cmd_export_minutes
    )
    _meeting_arguments(minutes)
    minutes.add_argument(
        "--page-size",
        choices=("letter", "a4"),
        help=_("tamaño de página: letter (carta) o a4; por defecto, el de la configuración"),
    )
    attendance = export.command(
        "attendance",
        _("exporta la planilla de asistencia de una reunión en PDF"),
        cmd_export_attendance,
    )
    _meeting_arguments(attendance)
    attendance.add_argument(
        "--page-size", choices=("letter", "a4"), help=_("tamaño de página: letter o a4")
    )
    attendance.add_argument(
        "--blank-rows",
        type=int,
        default=None,
        help=_(
            "filas vacías para quienes lleguen sin estar en la lista (sin esta opción: hasta "
            "10, las que quepan en la última página con nombres)"
        ),
    )


def _meeting_arguments(parser) -> None:
    parser.add_argument(
        "--meeting", type=int, required=True, metavar="N", help=_("número del acta en su año")
    )
    parser.add_argument("--year", type=int, required=True, help=_("año del acta"))
    parser.add_argument(
        "--series",
        metavar=_("SERIE"),
        help=_("serie del acta (comité técnico, mesa…), cuando varias tienen ese número en el año"),
    )
    parser.add_argument(
        "--out",
        metavar=_("ARCHIVO"),
        help=_(
            "archivo PDF a escribir; por defecto, en la carpeta actual, el nombre del documento "
            "con la serie del acta (Acta_Comite_tecnico_NNN_AAAA.pdf, "
            "Asistencia_Acta_Comite_tecnico_NNN_AAAA.pdf)"
        ),
    )


def warn(ctx, problems) -> None:
    """Characters the PDF cannot draw, said before the document is written (never silent)."""
    from pazos_desktop.writers.pdf.glyphs import describe

    for number, line in enumerate(describe(problems)):
        ctx.out(_("Aviso: {text}").format(text=line) if number == 0 else "  " + line)


def cmd_export_minutes(args, ctx) -> int:
    from pazos_desktop.documents.meeting_pdfs import export_minutes, minutes_problems

    db = ctx.database()
    with db.session(read_only=True) as session:
        warn(ctx, minutes_problems(session, args.year, args.meeting, ctx.lang, args.series))
        path = export_minutes(
            session,
            args.year,
            args.meeting,
            args.out,
            ctx.lang,
            page_size=args.page_size,
            series=args.series,
        )
    ctx.out(_("Acta guardada en {path}").format(path=path))
    return EXIT_OK


def cmd_export_attendance(args, ctx) -> int:
    from pazos_desktop.documents.meeting_pdfs import attendance_problems, export_attendance

    db = ctx.database()
    with db.session(read_only=True) as session:
        warn(ctx, attendance_problems(session, args.year, args.meeting, ctx.lang, args.series))
        path = export_attendance(
            session,
            args.year,
            args.meeting,
            args.out,
            ctx.lang,
            page_size=args.page_size,
            blank_rows=args.blank_rows,
            series=args.series,
        )
    ctx.out(_("Planilla de asistencia guardada en {path}").format(path=path))
    return EXIT_OK
