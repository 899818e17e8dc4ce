"""What CI runs (.ci/run): the whole suite in every pass, and the faked dates really seen.

docs/development.md ("Continuous integration") says why the passes run as they do; a pass that
ran only part of the suite would have to be named there, and allowed here.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from pathlib import Path

import pytest

from pazos_desktop.clock import system_clock

ROOT = Path(__file__).resolve().parent.parent
FAR_DATES = ["2028-02-29 23:30:00", "2031-12-31 23:30:00"]
# Options that change how the suite runs, never which tests: quiet, workers, timings.
HARMLESS = {"-q", "-n", "--durations"}


def commands() -> list[str]:
    """The commands of .ci/run, continuation lines joined, comments left out."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.split(" #")[0].strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def pytest_passes() -> list[tuple[str, list[str]]]:
    """(what comes before `uv run pytest`, the options after it) for every pass."""
    found = []
    for line in commands():
        if "uv run pytest" in line:
            before, after = line.split("uv run pytest", 1)
            found.append((before, shlex.split(after)))
    return found


def test_every_pass_runs_the_whole_suite():
    passes = pytest_passes()
    assert passes, "no `uv run pytest` in .ci/run"
    for before, options in passes:
        names = [o.split("=")[0] for o in options if o.startswith("-")]
        values = [o for o in options if not o.startswith("-")]
        assert set(names) <= HARMLESS, f"{before}: {options}"
        assert all(v.isdigit() or v == "auto" for v in values), f"{before}: {options}"


def test_the_suite_runs_on_sqlite_postgresql_and_two_far_dates():
    before = [b for b, _ in pytest_passes()]
    assert any("postgres" not in b and "faketime" not in b for b in before), before  # SQLite
    assert any(".ci/postgres.sh" in b for b in before), before
    assert any('faketime "$when"' in b for b in before), before
    loop = next(line for line in commands() if line.startswith("for when in"))
    assert all(f"'{when}'" in loop for when in FAR_DATES), loop


def test_a_faked_date_is_seen_by_the_process_running_the_tests():
    """Under `faketime`, .ci/run names the date in PAZOS_TEST_FAKETIME: an xdist worker, which
    runs this test, must see that date too (libfaketime inherited), not the real one."""
    when = os.environ.get("PAZOS_TEST_FAKETIME")
    if not when:
        pytest.skip("not under .ci/run's faketime")
    faked = dt.datetime.fromisoformat(when)
    now = system_clock().astimezone().replace(tzinfo=None)
    assert faked <= now < faked + dt.timedelta(hours=3), (when, now)
