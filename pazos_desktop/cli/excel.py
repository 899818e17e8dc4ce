"""Excel commands: partner sheets, the full workbook, the bulk template, and the imports.

Imports print their preview (changes, conflicts, problems with sheet/row/column) and apply it
unless --dry-run. Conflicts are skipped unless --force (which accepts them all); any problem
stops the import with nothing changed (exit 1).
"""

from __future__ import annotations

from pathlib import Path

from pazos_desktop.cli.context import EXIT_FAILED, EXIT_OK
from pazos_desktop.i18n import _, ngettext


def register(registry) -> None:
    export = registry.group("export", _("exporta documentos y hojas de cálculo"))
    sheets = export.command(
        "partner-sheets",
        _("guarda la hoja de compromisos de cada entidad (o de las elegidas) en una carpeta"),
        cmd_partner_sheets,
    )
    sheets.add_argument("--out", required=True, metavar=_("CARPETA"), help=_("carpeta destino"))
    sheets.add_argument(
        "--partner",
        action="append",
        default=[],
        metavar=_("ENTIDAD"),
        help=_("id, nombre o sigla de una entidad (repetible); por defecto, todas las activas"),
    )
    sheets.add_argument(
        "--email-drafts",
        action="store_true",
        help=_("también un borrador de correo (.eml) por entidad, con la hoja adjunta"),
    )
    sheets.add_argument(
        "--period-from",
        metavar=_("FECHA"),
        help=_(
            "inicio del periodo que se reporta (por defecto, el día después de la última reunión)"
        ),
    )
    sheets.add_argument(
        "--period-to",
        metavar=_("FECHA"),
        help=_("fin del periodo que se reporta (por defecto, la fecha de devolución)"),
    )
    sheets.add_argument(
        "--return-by",
        metavar=_("FECHA"),
        help=_("fecha de devolución de las hojas (por defecto, en una semana)"),
    )
    sheets.add_argument(
        "--period",
        metavar=_("PERIODO"),
        help=_(
            "periodo de reporte (2026-11, 2026-T4): sus fechas y su plazo; las entidades "
            "quedan como «Enviado»"
        ),
    )
    workbook = export.command(
        "workbook", _("guarda todo el registro en un libro de Excel"), cmd_workbook
    )
    workbook.add_argument("--out", required=True, metavar=_("ARCHIVO"), help=_("archivo .xlsx"))
    workbook.add_argument(
        "--no-hxl", action="store_true", help=_("sin la fila de etiquetas HXL bajo los encabezados")
    )
    imports = registry.group("import", _("importa archivos de Excel"))
    progress = imports.command(
        "progress", _("importa los avances de hojas de compromisos devueltas"), cmd_progress
    )
    progress.add_argument("files", nargs="+", metavar=_("ARCHIVO"))
    progress.add_argument("--partner", metavar=_("ENTIDAD"), help=_("entidad esperada"))
    progress.add_argument(
        "--period",
        metavar=_("PERIODO"),
        help=_("periodo de las hojas que no dicen el suyo (hechas con una versión anterior)"),
    )
    bulk = imports.command("bulk", _("carga masiva desde la plantilla o el libro"), cmd_bulk)
    bulk.add_argument("file", metavar=_("ARCHIVO"))
    for parser in (progress, bulk):
        parser.add_argument(
            "--dry-run", action="store_true", help=_("solo muestra la vista previa")
        )
        parser.add_argument("--force", action="store_true", help=_("aplica también los conflictos"))
    template = registry.group("template", _("guarda plantillas para llenar"))
    tpl = template.command("bulk", _("guarda la plantilla de carga masiva"), cmd_template)
    tpl.add_argument("--out", required=True, metavar=_("ARCHIVO"), help=_("archivo .xlsx"))


def _issues(ctx, log) -> None:
    from pazos_desktop.excel.common import describe_issues

    for line in describe_issues(log):
        ctx.out(line)


def cmd_partner_sheets(args, ctx) -> int:
    from pazos_desktop.cli.report import parse_date
    from pazos_desktop.clock import today_in
    from pazos_desktop.excel.data import (
        default_period,
        load_partner_sheets,
        reporting_sheet_period,
    )
    from pazos_desktop.excel.partner.outgoing import record_sent
    from pazos_desktop.excel.partner.sheets import export_partner_sheets
    from pazos_desktop.services.report.filters import resolve_partners
    from pazos_desktop.services.reporting.periods import resolve_period

    dates = {
        key: parse_date(value, option) if value else None
        for key, value, option in (
            ("date_from", args.period_from, "--period-from"),
            ("date_to", args.period_to, "--period-to"),
            ("return_by", args.return_by, "--return-by"),
        )
    }
    db = ctx.database()
    with db.session(read_only=True) as session:
        ids = resolve_partners(session, args.partner) if args.partner else None
        period = default_period(session, today_in(session), **dates)
        if args.period:
            chosen = resolve_period(session, args.period)
            period = reporting_sheet_period(session, chosen, today_in(session))
        items = load_partner_sheets(session, ids, period=period)
    results = export_partner_sheets(items, Path(args.out), email_drafts=args.email_drafts)
    with db.session() as session:
        record_sent(session, items, results)
    for result in results:
        count = ngettext("{n} compromiso", "{n} compromisos", result.rows).format(n=result.rows)
        ctx.out(_("{path}: {count}").format(path=result.path, count=count))
        if result.draft is not None:
            ctx.out(_("{path}: borrador de correo").format(path=result.draft))
        _issues(ctx, result.log)
    ctx.out(_("Hojas guardadas: {n}.").format(n=len(results)))
    return EXIT_OK


def cmd_workbook(args, ctx) -> int:
    from pazos_desktop.excel.bulk.workbook import write_workbook
    from pazos_desktop.excel.data import load_workbook_data

    db = ctx.database()
    with db.session(read_only=True) as session:
        data = load_workbook_data(session)
    out = Path(args.out)
    log = write_workbook(data, out, hxl=not args.no_hxl)
    _issues(ctx, log)
    ctx.out(_("Libro guardado: {path}").format(path=out))
    return EXIT_OK


def cmd_template(args, ctx) -> int:
    from pazos_desktop.excel.bulk.workbook import write_template
    from pazos_desktop.excel.data import sheet_context
    from pazos_desktop.services.components import list_components

    db = ctx.database()
    with db.session(read_only=True) as session:
        context = sheet_context(session)
        names = [c.name() for c in list_components(session)]
    write_template(context, names, Path(args.out))
    ctx.out(_("Plantilla guardada: {path}").format(path=args.out))
    return EXIT_OK


def cmd_progress(args, ctx) -> int:
    from pazos_desktop.excel.partner.apply import apply_progress
    from pazos_desktop.excel.partner.returned import preview_progress
    from pazos_desktop.services.report.filters import resolve_partners
    from pazos_desktop.services.reporting.periods import resolve_period

    paths = [Path(f) for f in args.files]

    def preview(session):
        expected = resolve_partners(session, [args.partner])[0] if args.partner else None
        period = resolve_period(session, args.period) if args.period else None
        return preview_progress(session, paths, expected, period=period)

    return _import(args, ctx, preview, apply_progress, ", ".join(p.name for p in paths))


def cmd_bulk(args, ctx) -> int:
    from pazos_desktop.excel.bulk.apply import apply_bulk
    from pazos_desktop.excel.bulk.preview import preview_bulk

    path = Path(args.file)
    return _import(args, ctx, lambda s: preview_bulk(s, path), apply_bulk, path.name)


def _import(args, ctx, make_preview, apply, names: str) -> int:
    from pazos_desktop.excel.common import backup_before_import
    from pazos_desktop.excel.preview import format_preview

    db = ctx.database()
    with db.session(read_only=True) as session:
        preview = make_preview(session)
    for line in format_preview(preview, limit=None):
        ctx.out(line)
    if not preview.ok:
        ctx.out(_("No se aplicó nada: corrija los problemas y vuelva a importar."))
        return EXIT_FAILED
    if args.dry_run:
        ctx.out(_("Vista previa solamente (--dry-run): no se cambió nada."))
        return EXIT_OK
    if not preview.has_work(accept_all=args.force):
        ctx.out(_("Nada que aplicar."))
        return EXIT_OK
    backup_before_import(db, "import")
    with db.session() as session:
        # The file is read again inside the writing transaction: what is applied is exactly
        # what was checked against the database as it is now.
        preview = make_preview(session)
        result = apply(session, preview, accept_all=args.force)
    ctx.out(
        _(
            "Importación aplicada: {created} creados, {updated} actualizados, {progress} avances; "
            "{skipped} conflictos omitidos."
        ).format(
            created=result.created,
            updated=result.updated,
            progress=result.progress,
            skipped=result.skipped_conflicts,
        )
    )
    if result.receptions or result.evidence:
        ctx.out(
            _("Reportes recibidos: {n}; archivos de evidencia guardados: {e}.").format(
                n=result.receptions, e=result.evidence
            )
        )
    return EXIT_OK
