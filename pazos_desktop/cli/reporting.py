"""The reporting cycle's commands: who has reported (`reporting status`), a report accepted or
sent back (`reporting review`), reminders (`reporting remind`), how partners report
(`reporting settings`), and closed periods (`period close`, `period reopen`, `period list`,
`period add`). Periods are written as people write them: `2026-11` a month, `2026-T4` a
quarter, or the code of a period the office defined.
"""

from __future__ import annotations

from pathlib import Path

from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.i18n import _

PERIOD_HELP = _("periodo: 2026-11 (un mes), 2026-T4 (un trimestre) o el código de uno definido")


def register(registry) -> None:
    group = registry.group("reporting", _("reportes de los aliados por periodo"))
    status = group.command(
        "status", _("una línea por entidad con el estado de su reporte"), cmd_status
    )
    status.add_argument("--period", metavar=_("PERIODO"), help=PERIOD_HELP)
    review = group.command(
        "review", _("acepta el reporte de una entidad o lo devuelve con observaciones"), cmd_review
    )
    review.add_argument(
        "--partner", required=True, metavar=_("ENTIDAD"), help=_("id, nombre o sigla")
    )
    review.add_argument("--period", required=True, metavar=_("PERIODO"), help=PERIOD_HELP)
    what = review.add_mutually_exclusive_group(required=True)
    what.add_argument("--accept", action="store_true", help=_("acepta el reporte recibido"))
    what.add_argument(
        "--return",
        dest="send_back",
        metavar=_("OBSERVACIÓN"),
        help=_("lo devuelve con esta observación general; escribe la hoja y el correo"),
    )
    review.add_argument(
        "--remark",
        action="append",
        default=[],
        metavar=_("ID=TEXTO"),
        help=_("observación sobre un compromiso (su ID); se puede repetir"),
    )
    review.add_argument(
        "--out", default=".", metavar=_("CARPETA"), help=_("dónde escribir la hoja devuelta")
    )
    remind = group.command(
        "remind",
        _("las entidades que aún no reportan y un borrador de correo para cada una"),
        cmd_remind,
    )
    remind.add_argument("--period", metavar=_("PERIODO"), help=PERIOD_HELP)
    remind.add_argument(
        "--out", metavar=_("CARPETA"), help=_("carpeta de los borradores (sin ella, solo la lista)")
    )
    settings = group.command(
        "settings", _("muestra o cambia cómo reportan las entidades"), cmd_settings
    )
    settings.add_argument("--frequency", choices=("monthly", "quarterly", "custom"))
    settings.add_argument(
        "--due-days", metavar=_("DÍAS"), help=_("días hábiles después del fin del periodo")
    )
    _period_commands(registry.group("period", _("cierra y reabre periodos ya presentados")))


def _period_commands(group) -> None:
    close = group.command("close", _("cierra un periodo con un motivo"), cmd_close)
    close.add_argument("--period", required=True, metavar=_("PERIODO"), help=PERIOD_HELP)
    close.add_argument(
        "--cluster",
        action="append",
        default=[],
        metavar=_("CLÚSTER"),
        help=_("solo este clúster (id o nombre); se puede repetir; sin él, todos"),
    )
    close.add_argument("--reason", required=True, metavar=_("MOTIVO"), help=_("por qué se cierra"))
    reopen = group.command("reopen", _("reabre un periodo cerrado, con un motivo"), cmd_reopen)
    reopen.add_argument("--period", required=True, metavar=_("PERIODO"), help=PERIOD_HELP)
    reopen.add_argument("--reason", required=True, metavar=_("MOTIVO"), help=_("por qué se reabre"))
    group.command("list", _("los periodos cerrados y reabiertos"), cmd_list)
    add = group.command("add", _("define un periodo propio (frecuencia personalizada)"), cmd_add)
    add.add_argument("--code", required=True, metavar=_("CÓDIGO"))
    add.add_argument("--name", required=True, metavar=_("NOMBRE"))
    add.add_argument("--from", dest="date_from", required=True, metavar=_("FECHA"))
    add.add_argument("--to", dest="date_to", required=True, metavar=_("FECHA"))


def _period(session, text: str | None):
    from pazos_desktop.clock import today_in
    from pazos_desktop.errors import PazosError
    from pazos_desktop.services.reporting.periods import current_period, resolve_period

    if text:
        return resolve_period(session, text)
    found = current_period(session, today_in(session))
    if found is None:
        raise PazosError(_("No hay periodos de reporte todavía: indique --period."))
    return found


def cmd_status(args, ctx) -> int:
    from pazos_desktop.clock import today_in
    from pazos_desktop.services.reporting import states

    with ctx.database().session() as session:
        period = _period(session, args.period)
        today = today_in(session)
        lines = states.period_lines(session, period, today)
        due = states.due_of(session, period)
    ctx.out(_headline(period, due, lines))
    for line in lines:
        ctx.out(_status_line(line))
    return EXIT_OK


def _headline(period, due, lines) -> str:
    from pazos_desktop.domain.formats import format_date
    from pazos_desktop.services.reporting.states import RECEIVED

    received = sum(1 for line in lines if line.stored in RECEIVED)
    overdue = sum(1 for line in lines if line.state == "overdue")
    return _(
        "Periodo {code} ({label}), plazo hasta el {due}: {received} de {total} recibidos, "
        "{overdue} vencidos."
    ).format(
        code=period.code,
        label=period.label,
        due=format_date(due),
        received=received,
        total=len(lines),
        overdue=overdue,
    )


def _status_line(line) -> str:
    from pazos_desktop.domain.formats import format_moment

    when = line.received_at or line.sent_at
    extra = f" ({format_moment(when)})" if when else ""
    return f"{line.partner_id}\t{line.short_name}\t{line.label}{extra}"


def cmd_review(args, ctx) -> int:
    from pazos_desktop.excel.partner import outgoing
    from pazos_desktop.services.report.filters import resolve_partners
    from pazos_desktop.services.reporting import states

    remarks = _remarks(args.remark)
    db = ctx.database()
    with db.session() as session:
        partner_id = resolve_partners(session, [args.partner])[0]
        period = _period(session, args.period)
        if args.accept:
            line = states.accept(session, period, partner_id)
            ctx.out(_("{partner}, {period}: {state}.").format(
                partner=line.partner_name, period=period.code, state=line.label))  # fmt: skip
            return EXIT_OK
        line = states.send_back(session, period, partner_id, args.send_back, remarks)
        items = outgoing.returned_items(session, period, partner_id)
        # Inside the transaction: no «Devuelto» without its sheet and e-mail draft.
        results = outgoing.write(items, Path(args.out).expanduser())
    ctx.out(_("{partner}, {period}: {state}.").format(
        partner=line.partner_name, period=period.code, state=line.label))  # fmt: skip
    for result in results:
        ctx.out(_("{path}: hoja con las observaciones").format(path=result.path))
        ctx.out(_("{path}: borrador de correo").format(path=result.draft))
    return EXIT_OK


def _remarks(values: list[str]) -> dict[int, str]:
    from pazos_desktop.errors import ValidationError

    out = {}
    for value in values:
        key, _sep, text = value.partition("=")
        if not key.strip().isdigit() or not text.strip():
            raise ValidationError(
                {"--remark": _("--remark: escriba ID=texto (no «{value}»).").format(value=value)}
            )
        out[int(key)] = text.strip()
    return out


def cmd_remind(args, ctx) -> int:
    from pazos_desktop.clock import today_in
    from pazos_desktop.excel.partner import outgoing

    db = ctx.database()
    with db.session() as session:
        period = _period(session, args.period)
        today = today_in(session)
        lines = outgoing.owed(session, period, today)
        items = outgoing.reminder_items(session, period, today) if args.out else []
    ctx.out(_("Periodo {code}: {n} entidades sin reporte.").format(code=period.code, n=len(lines)))
    for line in lines:
        ctx.out(_status_line(line))
    if args.out and items:
        results = outgoing.write(items, Path(args.out).expanduser())
        ctx.out(_("Borradores de recordatorio: {n}.").format(n=len(results)))
    return EXIT_OK


def cmd_settings(args, ctx) -> int:
    from pazos_desktop.domain.reporting import FREQUENCY_LABELS
    from pazos_desktop.services.reporting import periods

    with ctx.database().session() as session:
        settings = periods.cycle_settings(session)
        if args.frequency or args.due_days is not None:
            settings = periods.save_cycle_settings(
                session,
                args.frequency or settings.frequency,
                args.due_days if args.due_days is not None else settings.due_days,
            )
    ctx.out(
        _(
            "Frecuencia: {frequency}; plazo: {days} días hábiles después del fin del periodo."
        ).format(frequency=_(FREQUENCY_LABELS[settings.frequency]).lower(), days=settings.due_days)
    )
    return EXIT_OK


def cmd_close(args, ctx) -> int:
    from pazos_desktop.services.report.filters import resolve_clusters
    from pazos_desktop.services.reporting.closing import close_period

    with ctx.database().session() as session:
        clusters = resolve_clusters(session, args.cluster)
        closure = close_period(session, args.period, clusters, args.reason)
    ctx.out(_("Periodo {code} cerrado ({scope}).").format(
        code=closure.period_code, scope=closure.scope))  # fmt: skip
    return EXIT_OK


def cmd_reopen(args, ctx) -> int:
    from pazos_desktop.services.reporting.closing import reopen_period

    with ctx.database().session() as session:
        reopened = reopen_period(session, args.period, args.reason)
    for closure in reopened:
        ctx.out(_("Periodo {code} reabierto ({scope}).").format(
            code=closure.period_code, scope=closure.scope))  # fmt: skip
    return EXIT_OK


def cmd_list(args, ctx) -> int:
    from pazos_desktop.domain.formats import format_moment
    from pazos_desktop.services.reporting.closures import list_closures

    with ctx.database().session() as session:
        closures = list_closures(session)
    if not closures:
        ctx.out(_("No hay periodos cerrados."))
    for c in closures:
        line = _("{code} ({scope}): cerrado el {when} por {who} — {reason}").format(
            code=c.period_code, scope=c.scope, when=format_moment(c.closed_at),
            who=c.closed_by, reason=c.reason)  # fmt: skip
        if c.reopened_at:
            line += " " + _("; reabierto el {when} por {who} — {reason}").format(
                when=format_moment(c.reopened_at), who=c.reopened_by, reason=c.reopen_reason)  # fmt: skip
        ctx.out(line)
    return EXIT_OK


def cmd_add(args, ctx) -> int:
    from pazos_desktop.services.reporting.periods import CustomPeriodData, save_custom_period

    with ctx.database().session() as session:
        period = save_custom_period(
            session,
            CustomPeriodData(args.code, args.name, args.date_from, args.date_to),
        )
    ctx.out(_("Periodo {code} definido: {name}.").format(code=period.code, name=period.name))
    return EXIT_OK
