"""Where the program finds its resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_DIR_NAME = "PAZOS Coordinacion"
APP_AUTHOR = "PAZOS"


def project_root() -> Path:
    """The folder holding `resources/` and `migrations/` (the bundle's folder when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return project_root() / "migrations"


def data_dir() -> Path:
    # roaming=False: %LOCALAPPDATA% on Windows, because SQLite must not live on a synced profile.
    return Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR, roaming=False))


def log_dir() -> Path:
    return Path(user_log_dir(APP_DIR_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "pazos.sqlite"


def resolve_db_target(cli_value: str | None) -> str:
    """The database the user asked for: --db, then PAZOS_DB, then the data folder's file."""
    return cli_value or os.environ.get("PAZOS_DB") or str(default_db_path())


def docs_path(*parts: str) -> Path:
    """The documentation shipped with the program (the user manual: `docs/manual/`)."""
    return project_root().joinpath("docs", *parts)
