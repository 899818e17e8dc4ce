"""Commands for a shared server: `transfer` (backup, backups and restore work on a server too:
see cli/safety.py), and `users`: its people, for its administrator (a person of pazos_admin).

Each `users` subcommand prints the SQL it runs (the password masked) before running it, so an
IT department can review what the program does to its server; all of a subcommand's
statements run in one transaction.
"""

from __future__ import annotations

import getpass
import sys

from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.i18n import _

ROLE_CHOICES = ("coordinacion", "secretaria", "consulta", "admin")


def register(registry) -> None:
    _register_users(registry)
    transfer = registry.command(
        "transfer",
        _(
            "copia toda la base de datos a otra vacía (de SQLite a un servidor, o de un "
            "servidor a un archivo SQLite nuevo), verificada tabla por tabla"
        ),
        cmd_transfer,
    )
    transfer.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help=_("base de destino: postgresql+psycopg://… o la ruta de un archivo SQLite nuevo"),
    )


def cmd_transfer(args, ctx) -> int:
    from pazos_desktop.safety.transfer import transfer

    source = ctx.database()
    ctx.out(_("Copiando {source} a la base vacía…").format(source=source.describe()))
    result = transfer(
        source,
        args.to,
        progress=lambda table, n: ctx.out(_("  {table}: {n} filas").format(table=table, n=n)),
    )
    ctx.out(
        _(
            "Transferencia verificada: {tables} tablas, {rows} filas; cada tabla tiene en "
            "{target} el mismo número de filas y la misma suma de control (SHA-256)."
        ).format(tables=len(result.tables), rows=result.rows, target=result.target)
    )
    ctx.out(_("Para trabajar con ella, use --db o PAZOS_DB con esa dirección en cada equipo."))
    return EXIT_OK


def _register_users(registry) -> None:
    users = registry.group(
        "users", _("personas y roles de un servidor compartido (solo administradores)")
    )
    add = users.command("add", _("crea el usuario de una persona, con su rol"), cmd_add)
    add.add_argument("login", metavar=_("USUARIO"), help=_("su usuario del servidor"))
    add.add_argument("--name", required=True, help=_("nombre completo (el de las actas)"))
    add.add_argument("--position", default="", help=_("cargo"))
    add.add_argument("--role", required=True, choices=ROLE_CHOICES, help=_("su rol"))
    _password_option(add)
    role = users.command("role", _("cambia el rol de una persona"), cmd_role)
    role.add_argument("login", metavar=_("USUARIO"))
    role.add_argument("role", choices=ROLE_CHOICES, metavar=_("ROL"), help=", ".join(ROLE_CHOICES))
    disable = users.command(
        "disable", _("desactiva a una persona: no vuelve a entrar ni a cambiar nada"), cmd_disable
    )
    disable.add_argument("login", metavar=_("USUARIO"))
    password = users.command(
        "password", _("asigna una contraseña nueva (p. ej. vencida u olvidada)"), cmd_password
    )
    password.add_argument("login", metavar=_("USUARIO"))
    password.add_argument(
        "--valid-until", metavar="AAAA-MM-DD", help=_("vence ese día (por defecto, nunca)")
    )
    _password_option(password)
    users.command("list", _("lista las personas, sus roles y si pueden entrar"), cmd_list)


def _password_option(parser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("lee la contraseña de la entrada estándar (scripts) en lugar de preguntarla"),
    )


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_("Contraseña para {login}: ").format(login=args.login))
    again = getpass.getpass(_("Repítala: "))
    if first != again:
        from pazos_desktop.errors import PazosError

        raise PazosError(_("Las dos contraseñas no coinciden; no se cambió nada."))
    return first


def _run(ctx, statements) -> None:
    """Print every statement, then run them all in one transaction."""
    from pazos_desktop.services import people

    db = _server(ctx)
    for statement in statements:
        ctx.out(statement.shown + ";")
    with db.engine.begin() as conn:
        people.run(conn, statements)


def _server(ctx):
    from pazos_desktop.db.urls import is_sqlite
    from pazos_desktop.services import people

    db = ctx.database()
    people.on_server_only(not is_sqlite(db.engine))
    return db


def cmd_add(args, ctx) -> int:
    from pazos_desktop.services import people

    _server(ctx)  # before asking for a password that would not be used
    statements = people.add_statements(
        args.login, args.name, args.position, args.role, _password(args)
    )
    _run(ctx, statements)
    ctx.out(_("Persona creada: {login} ({role}).").format(login=args.login, role=args.role))
    return EXIT_OK


def cmd_role(args, ctx) -> int:
    from pazos_desktop.services import people

    _run(ctx, people.role_statements(args.login, args.role))
    ctx.out(_("Rol de {login}: {role}.").format(login=args.login, role=args.role))
    return EXIT_OK


def cmd_disable(args, ctx) -> int:
    from pazos_desktop.services import people

    _run(ctx, people.disable_statements(args.login))
    ctx.out(_("{login} quedó desactivado.").format(login=args.login))
    return EXIT_OK


def cmd_password(args, ctx) -> int:
    from pazos_desktop.parsing import parse_date
    from pazos_desktop.services import people

    _server(ctx)
    until = parse_date(args.valid_until) if args.valid_until else None
    _run(ctx, people.password_statements(args.login, _password(args), until))
    ctx.out(_("Contraseña de {login} cambiada.").format(login=args.login))
    return EXIT_OK


def cmd_list(args, ctx) -> int:
    from pazos_desktop.domain.formats import format_date
    from pazos_desktop.services import people

    db = _server(ctx)
    ctx.out("-- " + " ".join(people.LIST_SQL.split()))
    with db.engine.connect() as conn:
        rows = people.list_people(conn)
    for row in rows:
        state = _("puede entrar") if row.can_login else _("desactivado")
        if row.valid_until is not None and row.valid_until.year < 9999:
            state += " · " + _("vence el {day}").format(day=format_date(row.valid_until.date()))
        name = f"{row.full_name} ({row.position})" if row.position else row.full_name
        ctx.out(f"{row.login}\t{name}\t{row.role_labels}\t{state}")
    ctx.out(_("{n} personas.").format(n=len(rows)))
    return EXIT_OK
