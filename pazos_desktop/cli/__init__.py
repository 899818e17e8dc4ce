"""Command line: `main.py [--db PATH] [--lang es|en] [COMMAND [options]]`.

Each feature registers its commands in its own module (see COMMAND_MODULES); `export`,
`import` and the other groups are shared, so several modules can add subcommands to them.
Imports stay light here: the window must not wait for SQLAlchemy to show itself.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from pazos_desktop import APP_NAME, __version__
from pazos_desktop.cli import argparse_es
from pazos_desktop.clock import RunContext, fixed_clock
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import LANGUAGES, _, set_language

COMMAND_MODULES = [
    "pazos_desktop.cli.core",
    "pazos_desktop.cli.meetings",
    "pazos_desktop.cli.safety",
    "pazos_desktop.cli.report",
    "pazos_desktop.cli.excel",
    "pazos_desktop.cli.personal_data",
    "pazos_desktop.cli.server",
    "pazos_desktop.cli.indicators",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, "Context"], int]


class Registry:
    """Adds commands to a (sub)parser; `group()` returns the same child for every caller."""

    def __init__(self, subparsers):
        self._subparsers = subparsers
        self._groups: dict[str, Registry] = {}

    def command(self, name: str, help: str, handler: Handler) -> argparse.ArgumentParser:
        parser = self._subparsers.add_parser(name, help=help, description=help)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, help: str) -> Registry:
        if name not in self._groups:
            parser = self._subparsers.add_parser(name, help=help, description=help)
            sub = parser.add_subparsers(
                title=_("subcomandos"), dest=f"{name}_command", metavar=_("SUBCOMANDO")
            )
            sub.required = True
            self._groups[name] = Registry(sub)
        return self._groups[name]


@dataclass
class Context:
    """What a command handler needs: the database it was pointed at, where to write, and the
    command's run context (the clock is read once, when the command starts)."""

    db_target: str
    lang: str
    out: Callable[[str], None] = field(default=print)
    run: RunContext = None  # type: ignore[assignment]
    _db: object = None

    def __post_init__(self) -> None:
        if self.run is None:
            self.run = RunContext.start(lang=self.lang)

    def database(self, migrate: bool = True):
        """Open (creating and migrating) the database; raises PazosError with a user message."""
        if self._db is None:
            from pazos_desktop.safety.opening import open_database
            from pazos_desktop.safety.startup import prepare_database

            clock = fixed_clock(self.run.now)  # every action of the command: one moment
            if migrate:  # the same checks, migration backup and daily backup as the window
                allow_network = os.environ.get("PAZOS_ALLOW_NETWORK") == "1"
                self._db = prepare_database(
                    self.db_target, allow_network=allow_network, clock=clock
                )
            else:
                self._db = open_database(self.db_target, migrate=False, clock=clock)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


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
    sub = parser.add_subparsers(title=_("comandos"), dest="command", metavar=_("COMANDO"))
    registry = Registry(sub)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(registry)
    return parser


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
    ctx = Context(db_target=resolve_db_target(args.db), lang=lang)
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
