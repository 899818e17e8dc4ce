"""The one clock, and the run context every user action or command works in.

Nothing else in the program reads the real clock. A `RunContext` (now, today, actor,
language) is made once per user action (one database session, see `Database.session`) or per
command, and services, writers and importers take their dates from it: a sheet's generation
time, a PDF's "Generado el", "overdue", the default period of a report. A window left open past
midnight therefore shows the new day at its next refresh, and a test that gives the program a
clock (`fixed_clock`, `clock_on`) gets the same day in every layer.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from pazos_desktop.i18n import get_language

Clock = Callable[[], dt.datetime]  # returns an aware datetime


def system_clock() -> dt.datetime:
    """The real time, aware (UTC): the only place the program asks the operating system."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock stopped at `moment` (naive means local time)."""
    aware = moment if moment.tzinfo else moment.astimezone()
    return lambda: aware


def clock_on(day: dt.date, base: Clock = system_clock) -> Clock:
    """A clock whose date is always `day` while its time of day keeps running.

    Tests pin the day this way: timestamps still move forward within the day (backup names,
    history order) and a suite that runs across midnight does not change day half-way.
    """

    def now() -> dt.datetime:
        local = base().astimezone()
        return dt.datetime.combine(day, local.timetz())

    return now


def default_actor() -> str:
    """Who is working: PAZOS_USER when set, else the operating system's user name."""
    try:
        return os.environ.get("PAZOS_USER") or getpass.getuser()
    except Exception:  # getuser raises when no user name can be found at all
        return "?"


@dataclass(frozen=True)
class Person:
    """Who works, as documents name them: full name and position; `login` is the server's role
    (or the computer's user name on a file database)."""

    name: str
    position: str
    login: str


@dataclass(frozen=True)
class RunContext:
    """When, who and in which language one action or command runs."""

    now: dt.datetime  # aware
    actor: str
    lang: str
    person: Person | None = None  # the profile (server) or the preferences (file), when known

    @classmethod
    def start(
        cls,
        clock: Clock | None = None,
        actor: str | None = None,
        lang: str | None = None,
        person: Person | None = None,
    ) -> RunContext:
        return cls(
            now=(clock or system_clock)(),
            actor=actor or default_actor(),
            lang=lang or get_language(),
            person=person,
        )

    @property
    def signer(self) -> str:
        """The name an approval carries: the person's full name, else the login."""
        return (self.person.name if self.person and self.person.name else "") or self.actor

    @property
    def local_now(self) -> dt.datetime:
        """Wall-clock time where the program runs (naive), for file names and footers."""
        return self.now.astimezone().replace(tzinfo=None)

    @property
    def today(self) -> dt.date:
        return self.local_now.date()

    @property
    def utc(self) -> dt.datetime:
        """Naive UTC, as timestamps are stored in the database."""
        return self.now.astimezone(dt.UTC).replace(tzinfo=None)

    def with_lang(self, lang: str) -> RunContext:
        return replace(self, lang=lang)


def utcnow() -> dt.datetime:
    """Naive UTC from the real clock: only for bookkeeping columns outside any action."""
    return system_clock().astimezone(dt.UTC).replace(tzinfo=None)


def run_of(session) -> RunContext:
    """The run context of a database session (made when the session began its action)."""
    info = session.info
    run = info.get("run")
    if run is None:
        run = RunContext.start(actor=info.get("actor"))
        info["run"] = run
    return run


def today_in(session) -> dt.date:
    return run_of(session).today
