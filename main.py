"""PAZOS Coordinación: starts the window, or runs a command (see `main.py --help`)."""

from __future__ import annotations

import sys

from pazos_desktop.cli import main as cli_main


def open_window(db_target: str, lang: str) -> int:
    from ui.app import run

    return run(db_target, lang)


def register_window_checks() -> None:
    """The Qt layer's self-check steps: Qt, the window, every view and editor (the core's
    list must not name `ui` itself; a string, so no Qt is loaded unless a self-check runs)."""
    from pazos_desktop.selfcheck.steps import SELF_CHECK_STEPS

    SELF_CHECK_STEPS.append("ui.selfcheck.steps:STEPS")


if __name__ == "__main__":
    from pazos_desktop.logs import setup_logging

    setup_logging()
    register_window_checks()
    sys.exit(cli_main(sys.argv[1:], open_window=open_window))
