"""What every command shares: exit codes, the registry that adds commands to the parser, and
the context a handler runs in (its database, its output, its one moment)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from pazos_desktop.clock import Person, RunContext, fixed_clock
from pazos_desktop.i18n import _

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
    person: Person | None = None  # --persona/--cargo: who acts, as documents name them
    _db: object = None

    def __post_init__(self) -> None:
        if self.run is None:
            self.run = RunContext.start(lang=self.lang, person=self.person)

    def database(self, migrate: bool = True):
        """Open (creating and migrating) the database; raises PazosError with a user message."""
        if self._db is None:
            from pazos_desktop.db.server import LoginRefused

            try:
                self._db = self._open(migrate)
            except LoginRefused as exc:  # a server asking for a password: a person may type it
                if exc.kind != "no_password" or not sys.stdin or not sys.stdin.isatty():
                    raise
                import getpass

                asked = _("Contraseña de {login} en el servidor: ").format(login=exc.login)
                self._db = self._open(migrate, getpass.getpass(asked))
            # Who works: on a server the signed-in login and their profile; else --persona.
            self._db.person = self._db.person or self.run.person
            self.run = replace(self.run, actor=self._db.actor, person=self._db.person)
        return self._db

    def _open(self, migrate: bool, password: str | None = None):
        from pazos_desktop.safety.opening import open_database
        from pazos_desktop.safety.startup import prepare_database

        clock = fixed_clock(self.run.now)  # every action of the command: one moment
        if migrate:  # the same checks, migration backup and daily backup as the window
            allow_network = os.environ.get("PAZOS_ALLOW_NETWORK") == "1"
            return prepare_database(
                self.db_target, allow_network=allow_network, clock=clock, password=password
            )
        return open_database(self.db_target, migrate=False, clock=clock, password=password)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
