"""`export report`: the coordination report as PDF or Excel, for a period and a filter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pazos_desktop import parsing
from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.errors import ValidationError
from pazos_desktop.i18n import LANGUAGES, _


def register(registry) -> None:
    export = registry.group("export", _("exporta documentos y hojas de cálculo"))
    cmd = export.command(
        "report",
        _("informe de coordinación de un periodo (PDF o Excel) para la mesa interinstitucional"),
        cmd_report,
    )
    cmd.add_argument(
        "--from",
        dest="date_from",
        metavar=_("FECHA"),
        help=_("inicio del periodo (AAAA-MM-DD o DD/MM/AAAA)"),
    )
    cmd.add_argument(
        "--to",
        dest="date_to",
        metavar=_("FECHA"),
        help=_("fin del periodo (AAAA-MM-DD o DD/MM/AAAA)"),
    )
    cmd.add_argument(
        "--period",
        metavar=_("PERIODO"),
        help=_(
            "en vez de --from y --to: un periodo de reporte (2026-11, 2026-T4); cerrado, "
            "sus cifras son las que se presentaron"
        ),
    )
    cmd.add_argument(
        "--out", required=True, metavar=_("ARCHIVO"), help=_("archivo a escribir: .pdf o .xlsx")
    )
    cmd.add_argument(
        "--cluster",
        action="append",
        default=[],
        metavar=_("CLÚSTER"),
        help=_("solo este clúster (id o nombre); se puede repetir"),
    )
    cmd.add_argument(
        "--component",
        action="append",
        default=[],
        metavar=_("COMPONENTE"),
        help=_("solo este componente (código 1–5 o nombre); se puede repetir"),
    )
    cmd.add_argument(
        "--partner",
        action="append",
        default=[],
        metavar=_("ENTIDAD"),
        help=_("solo esta entidad (id, nombre o sigla); se puede repetir"),
    )
    cmd.add_argument(
        "--page-size",
        choices=("letter", "a4"),
        help=_("tamaño de página del PDF (por defecto, el de la configuración: carta)"),
    )
    cmd.add_argument(
        "--on",
        metavar=_("FECHA"),
        help=_("fecha de referencia para vencidos y estados (por defecto, hoy)"),
    )
    cmd.add_argument(
        "--no-progress-list",
        action="store_true",
        help=_("sin la lista de avances reportados en el periodo (las cifras se mantienen)"),
    )
    # Accepted here too so that `export report ... --lang en` works; the language is read first.
    cmd.add_argument(
        "--lang", dest="report_lang", choices=LANGUAGES, help=_("idioma: es (por defecto) o en")
    )


def parse_date(text: str, option: str) -> dt.date:
    """A date option: the one date parser of every door (dd/mm/aaaa or aaaa-mm-dd)."""
    try:
        day = parsing.parse_date(text)
    except parsing.ParseError as exc:
        raise ValidationError({option: f"{option}: {exc.message}"}) from None
    if day is None:
        raise ValidationError({option: _("{option}: falta la fecha.").format(option=option)})
    return day


def _output(path_text: str) -> Path:
    from pazos_desktop.documents.report_file import check_target

    return check_target(Path(path_text).expanduser())


def cmd_report(args, ctx) -> int:
    from pazos_desktop.services.report.coordination import ReportRequest, gather_report
    from pazos_desktop.services.report.filters import (
        resolve_clusters,
        resolve_components,
        resolve_partners,
    )

    path = _output(args.out)
    if not args.period and not (args.date_from and args.date_to):
        raise ValidationError({"--from": _("Indique --from y --to, o --period.")})
    request = ReportRequest(
        date_from=parse_date(args.date_from, "--from") if args.date_from else None,
        date_to=parse_date(args.date_to, "--to") if args.date_to else None,
        on=parse_date(args.on, "--on") if args.on else None,
        include_progress=not args.no_progress_list,
    )
    db = ctx.database()
    with db.session(read_only=True) as session:
        if args.period:
            from pazos_desktop.services.reporting.periods import resolve_period

            chosen = resolve_period(session, args.period)
            request.date_from, request.date_to = chosen.start, chosen.end
        request.cluster_ids = resolve_clusters(session, args.cluster)
        request.component_ids = resolve_components(session, args.component)
        request.partner_ids = resolve_partners(session, args.partner)
        report = gather_report(session, request)
    from pazos_desktop.cli.meetings import warn
    from pazos_desktop.documents.report_file import report_problems, save_report

    warn(ctx, report_problems(report, path, ctx.lang))
    if report.frozen is not None:
        ctx.out(
            _("Periodo cerrado: cifras como se presentaron al cerrarlo ({who}, {reason}).").format(
                who=report.frozen.closed_by, reason=report.frozen.reason
            )
        )
    save_report(report, path, ctx.lang, args.page_size)
    ctx.out(
        _("Informe guardado en {path}: {total} compromisos del periodo, {late} vencidos.").format(
            path=path, total=report.summary.overall.total, late=report.summary.overdue
        )
    )
    return EXIT_OK
