"""Data-safety commands: backup, backups, restore, self-check."""

from __future__ import annotations

import sys
from pathlib import Path

from pazos_desktop.cli.context import EXIT_FAILED, EXIT_OK
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _

YES_WORDS = {"s", "si", "sí", "y", "yes"}


def register(registry) -> None:
    backup = registry.command(
        "backup", _("hace una copia de seguridad verificada de la base de datos"), cmd_backup
    )
    backup.add_argument(
        "--out",
        metavar=_("ARCHIVO"),
        help=_("archivo de la copia (por defecto, en la carpeta backups junto a la base)"),
    )
    registry.command("backups", _("lista las copias de seguridad automáticas"), cmd_backups)
    restore = registry.command(
        "restore",
        _("reemplaza la base de datos por una copia de seguridad (guarda antes la actual)"),
        cmd_restore,
    )
    restore.add_argument("file", metavar=_("ARCHIVO"), help=_("la copia de seguridad"))
    restore.add_argument("--yes", action="store_true", help=_("no pide confirmación"))
    selfcheck = registry.command(
        "self-check",
        _("comprueba la instalación con una base de datos temporal y datos de ejemplo"),
        cmd_self_check,
    )
    selfcheck.add_argument(
        "--report", metavar=_("ARCHIVO"), help=_("guarda también el resultado en este archivo")
    )


def _db_file(ctx):
    """The database file, or for a server its opened `Database` (backed up the same way)."""
    from pazos_desktop.safety.startup import sqlite_file

    path = sqlite_file(ctx.db_target)
    return ctx.database() if path is None else path


def cmd_backup(args, ctx) -> int:
    from pazos_desktop.safety import backup

    db_path = _db_file(ctx)
    if args.out:
        out = Path(args.out).expanduser()
        if out.exists():
            raise PazosError(_("El archivo {path} ya existe; elija otro nombre.").format(path=out))
        written = backup.write_backup_of(db_path, out)
    else:
        written = backup.before(db_path, "manual")
        if written is None:
            raise PazosError(_("No existe la base de datos {path}.").format(path=db_path))
    ctx.out(_("Copia de seguridad verificada: {path}").format(path=written))
    return EXIT_OK


def cmd_backups(args, ctx) -> int:
    from pazos_desktop.safety import backup

    db_path = _db_file(ctx)
    found = backup.list_backups(db_path)
    ctx.out(_("Copias en {folder}: {n}").format(folder=backup.folder_of(db_path), n=len(found)))
    for b in found:
        size = b.path.stat().st_size / 1024
        ctx.out(f"  {b.taken_at:%d/%m/%Y %H:%M:%S}  {b.reason:<10} {size:>8.0f} KB  {b.path.name}")
    return EXIT_OK


def cmd_restore(args, ctx) -> int:
    from pazos_desktop.safety.restore import check_restorable, restore_into

    source = Path(args.file).expanduser()
    check_restorable(source)
    db_path = _db_file(ctx)
    if not args.yes and sys.stdin is not None and sys.stdin.isatty():
        where = db_path if isinstance(db_path, Path) else db_path.describe()
        question = _("¿Reemplazar la base de datos {db} por la copia {src}? [s/N] ").format(
            db=where, src=source
        )
        if input(question).strip().lower() not in YES_WORDS:
            ctx.out(_("No se restauró nada."))
            return EXIT_FAILED
    result = restore_into(db_path, source)
    ctx.out(_("Base de datos restaurada desde {path}.").format(path=source))
    if result.safety_copy is not None:
        ctx.out(_("La base anterior quedó guardada en {path}.").format(path=result.safety_copy))
    if result.revision_before != result.revision_after:
        ctx.out(
            _("La copia se actualizó de la revisión {old} a la {new}.").format(
                old=result.revision_before, new=result.revision_after
            )
        )
    return EXIT_OK


def cmd_self_check(args, ctx) -> int:
    from pazos_desktop.selfcheck.runner import checked_lines, run_self_check

    # The report is written line by line: if Qt aborts the process (a platform plugin that
    # cannot load does), the lines so far still say how far it got.
    report = Path(args.report).open("w", encoding="utf-8", buffering=1) if args.report else None

    def out(line: str) -> None:
        ctx.out(line)
        if report is not None:
            report.write(line + "\n")

    from pazos_desktop.safety.startup import sqlite_file

    # --db naming a server: its steps run there, in a temporary schema; otherwise on a
    # temporary file, never on the user's database.
    server = None if sqlite_file(ctx.db_target) else ctx.db_target
    try:
        results = run_self_check(out, server=server)
        failed = [r.name for r in results if not r.ok]
        for line in checked_lines(results):
            out(line)
        out(
            _("Autocomprobación: {n} pasos correctos.").format(n=len(results))
            if not failed
            else _("Autocomprobación: FALLARON {names}.").format(names=", ".join(failed))
        )
    finally:
        if report is not None:
            report.close()
    return EXIT_FAILED if failed else EXIT_OK
