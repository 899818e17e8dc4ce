"""Where a database is: a SQLite file path or a server URL, and which of the two."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url


def to_url(target: str) -> str:
    """A SQLAlchemy URL from either a URL or a plain file path."""
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    db = engine.url.database
    if not is_sqlite(engine) or not db or db == ":memory:":
        return None
    return Path(db)
