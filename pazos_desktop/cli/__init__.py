"""Command line: `main.py [--db PATH] [--lang es|en] [COMMAND [options]]`.

Each feature registers its commands in its own module (`core`, `meetings`, `safety`, `report`,
`excel`, `personal_data`, `server`, `indicators`, `reporting`, `signing`); `export`, `import` and the other groups are
shared, so several modules can add subcommands to them. What a handler needs (the database,
the services, the writers) it imports when it runs: `main.py` goes through this package at
every start, and the window must not wait for SQLAlchemy, openpyxl or reportlab to show itself.
That is the one reason the core imports inside functions, and only here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from pazos_desktop import APP_NAME, __version__
from pazos_desktop.cli import argparse_es
from pazos_desktop.cli.context import EXIT_FAILED, EXIT_USAGE, Context, Registry
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import LANGUAGES, _, set_language


def _pre_parse(argv: list[str]) -> tuple[str, str | None, list[str]]:
    """Language and database before anything else: the help texts need the language, and a
    plain start (no command) opens the window without building every command's parser."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    pre.add_argument("--db")
    known, rest = pre.parse_known_args(argv)
    return known.lang or os.environ.get("PAZOS_LANG") or "es", known.db, rest


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=_(
            "{app}: aliados, compromisos, actas y reportes de la estrategia PAZOS."
        ).format(app=APP_NAME),
        epilog=_("Sin comando, abre la ventana del programa."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("muestra la versión del programa y termina"),
    )
    parser.add_argument(
        "--db",
        metavar=_("RUTA"),
        help=_("base de datos a usar (archivo SQLite o URL); también PAZOS_DB"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=_("idioma: es (por defecto) o en"))
    parser.add_argument(
        "--persona",
        metavar=_("NOMBRE"),
        help=_(
            "quien actúa: su nombre queda en el historial y en las actas que apruebe; "
            "también PAZOS_PERSON (sin él, el usuario del sistema, que no se imprime)"
        ),
    )
    parser.add_argument(
        "--cargo", metavar=_("CARGO"), help=_("el cargo de esa persona; también PAZOS_POSITION")
    )
    sub = parser.add_subparsers(title=_("comandos"), dest="command", metavar=_("COMANDO"))
    registry = Registry(sub)
    # Imported only when a command is given: a plain start opens the window without them.
    from pazos_desktop.cli import (
        core,
        excel,
        indicators,
        meetings,
        personal_data,
        report,
        reporting,
        safety,
        server,
        signing,
    )

    modules = (
        core,
        meetings,
        safety,
        report,
        excel,
        personal_data,
        server,
        indicators,
        reporting,
        signing,
    )
    for module in modules:
        module.register(registry)
    return parser


def _person(args: argparse.Namespace):
    """Who acts, from --persona/--cargo or PAZOS_PERSON/PAZOS_POSITION (None: nobody said)."""
    from pazos_desktop.clock import make_person

    name = args.persona or os.environ.get("PAZOS_PERSON")
    position = args.cargo or os.environ.get("PAZOS_POSITION")
    return make_person(name, position)


def main(
    argv: list[str] | None = None, open_window: Callable[[str, str], int] | None = None
) -> int:
    from pazos_desktop.paths import resolve_db_target

    argv = list(sys.argv[1:] if argv is None else argv)
    lang, db, rest = _pre_parse(argv)
    lang = set_language(lang)
    if not rest and open_window is not None:
        return open_window(resolve_db_target(db), lang)
    argparse_es.install(lang)
    args = build_parser().parse_args(argv)
    ctx = Context(db_target=resolve_db_target(args.db), lang=lang, person=_person(args))
    try:
        if args.command is None:
            if open_window is None:
                print(_("No hay ventana disponible; use --help para ver los comandos."))
                return EXIT_USAGE
            return open_window(ctx.db_target, lang)
        return args.handler(args, ctx)
    except PazosError as exc:
        print(_("Error: {message}").format(message=exc.message), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(_("Cancelado."), file=sys.stderr)
        return EXIT_FAILED
    finally:
        ctx.close()
