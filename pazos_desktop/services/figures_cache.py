"""The dashboard's figures of the previous run, shown at once at the next start.

Kept as JSON in the user's data folder (`<data>/figures/<database>.json`, one atomic write),
with the database's change counter and the day they were for. They are valid only while the
counter still matches: `history_entry`'s highest id (every change of a record, by any door,
writes a history row), the schema revision and the database's settings. SQLite's
`PRAGMA data_version` would not do: it is per connection, and says nothing across processes or
runs. A file database's counter is
read with plain sqlite3, read-only, before SQLAlchemy is even imported (that import alone
costs three bare windows); a server database gets no early figures.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from pazos_desktop.domain.figures import DashboardFigures
from pazos_desktop.files import atomic_write

# The same statement reads the counter through sqlite3 here and through a session's
# connection when the fresh figures are computed: they cannot disagree.
# Settings (the first steps read them) write no history: they are part of the counter.
COUNTER_SQL = (
    "SELECT (SELECT coalesce(max(id), 0) FROM history_entry) || ':' || "
    "(SELECT coalesce(max(version_num), '') FROM alembic_version) || ':' || "
    "(SELECT coalesce(group_concat(key || '=' || coalesce(value, ''), ';'), '') "
    "FROM (SELECT key, value FROM app_setting ORDER BY key))"
)


def cache_path(data_folder: Path, database: str) -> Path:
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return Path(data_folder) / "figures" / f"{digest}.json"


def sqlite_file(database: str) -> Path | None:
    """The file of a SQLite target (a path or a sqlite:/// URL); None for servers."""
    if "://" not in database:
        return Path(database).expanduser()
    if database.startswith("sqlite:///") and database != "sqlite:///:memory:":
        return Path(database.removeprefix("sqlite:///"))
    return None


def file_counter(path: Path) -> str | None:
    """The change counter of a database file, or None (missing, not ours, locked…)."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            return connection.execute(COUNTER_SQL).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def session_counter(session) -> str:
    """The same counter, read inside the session that computes the figures; "" on a server
    (its figures are never cached, and the statement is SQLite's: `group_concat`)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return ""
    return connection.exec_driver_sql(COUNTER_SQL).scalar()


def load(data_folder: Path, database: str, today, lang: str) -> DashboardFigures | None:
    """The cached figures when still true: same database state, same day, same language."""
    path = sqlite_file(database)
    if path is None:
        return None
    try:
        figures = DashboardFigures.from_json(
            json.loads(cache_path(data_folder, database).read_text(encoding="utf-8"))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if figures.on != today or figures.lang != lang:
        return None
    return figures if figures.counter and figures.counter == file_counter(path) else None


def save(data_folder: Path, database: str, figures: DashboardFigures) -> None:
    if sqlite_file(database) is None or not figures.counter:
        return
    target = cache_path(data_folder, database)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(figures.to_json(), ensure_ascii=False)
    atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))
