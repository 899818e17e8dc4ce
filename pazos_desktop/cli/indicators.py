"""Indicator commands: `export indicators --out FILE.xlsx` (sheets, values and populations in
the bulk format, with HXL tags). Values are loaded or corrected with `import bulk`."""

from __future__ import annotations

from pathlib import Path

from pazos_desktop.cli.context import EXIT_OK
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _


def register(registry) -> None:
    export = registry.group("export", _("exporta documentos y hojas de cálculo"))
    cmd = export.command(
        "indicators",
        _("guarda las fichas de indicadores, sus valores y las poblaciones en un libro de Excel"),
        cmd_export_indicators,
    )
    cmd.add_argument("--out", required=True, metavar=_("ARCHIVO"), help=_("archivo .xlsx"))
    cmd.add_argument(
        "--no-hxl", action="store_true", help=_("sin la fila de etiquetas HXL bajo los encabezados")
    )


def cmd_export_indicators(args, ctx) -> int:
    from pazos_desktop.excel.common import describe_issues
    from pazos_desktop.excel.indicators.export import export_indicators
    from pazos_desktop.files import atomic_write

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise PazosError(_("--out: el archivo debe terminar en .xlsx: «{path}».").format(path=out))
    db = ctx.database()
    logs = []
    with db.session(read_only=True) as session:
        atomic_write(
            out, lambda temp: logs.append(export_indicators(session, temp, not args.no_hxl))
        )
    for line in describe_issues(logs[0]):
        ctx.out(line)
    ctx.out(_("Indicadores guardados: {path}").format(path=out))
    return EXIT_OK
