"""Commands for a shared server: `transfer` (backup, backups and restore work on a server too:
see cli/safety.py)."""

from __future__ import annotations

from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.i18n import _


def register(registry) -> None:
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
