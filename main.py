"""PAZOS Coordinación: starts the window, or runs a command (see `main.py --help`)."""

from __future__ import annotations

import sys

from pazos_desktop.cli import main as cli_main


def open_window(db_target: str, lang: str) -> int:
    from ui.app import run

    return run(db_target, lang)


if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:], open_window=open_window))
