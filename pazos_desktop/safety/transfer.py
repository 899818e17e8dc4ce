"""`transfer --to`: an office's whole database copied to an empty one, and proved.

SQLite → an empty server database (the day several offices start sharing one), or a server →
a new SQLite file (back to a single PC). The target is created and migrated like any database
PAZOS opens (a server's schema, role and other applications' tables are checked first), then
filled in one transaction from a consistent read of the source, its sequences moved past the
copied ids, and compared table by table (row count and checksum) before that transaction
commits. A target that already holds data is refused: replacing data is `restore`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from pazos_desktop.db import roles, tablecopy
from pazos_desktop.db.database import Database
from pazos_desktop.db.urls import is_sqlite, to_url
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.server_backup import snapshot


@dataclass(frozen=True)
class TransferResult:
    target: str  # as messages show it (no password)
    tables: list[tablecopy.TableProof]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def transfer(
    source: Database, to: str, progress: tablecopy.Progress | None = None
) -> TransferResult:
    url = to_url(to)
    new_file = _new_sqlite_file(url)
    target = open_database(url)
    try:
        roles.require(target.access, "restore", target.describe())
        with read_snapshot(source) as src, target.engine.begin() as dst:
            if tablecopy.holds_data(dst):
                raise PazosError(not_empty_message(target.describe()))
            proofs = tablecopy.copy_database(src, dst, progress)
        return TransferResult(target.describe(), proofs)
    except BaseException:
        if new_file is not None:
            target.dispose()
            _remove(new_file)  # a new file that was not finished is not left behind
        raise
    finally:
        target.dispose()


def not_empty_message(where: str) -> str:
    return _(
        "La base de datos de destino {target} ya tiene datos. `transfer` solo copia a una base "
        "vacía; para reemplazar los datos de una base use `restore` con una copia de seguridad."
    ).format(target=where)


def _new_sqlite_file(url: str) -> Path | None:
    """The target file, which must not exist yet (None for a server)."""
    if not is_sqlite(url):
        return None
    path = Path(make_url(url).database or "")
    if path.exists() and path.stat().st_size > 0:
        raise PazosError(not_empty_message(str(path)))
    return path


@contextmanager
def read_snapshot(db: Database) -> Iterator:
    """A connection that reads the source as it was at one instant."""
    if db.path is None and not is_sqlite(db.engine):
        with snapshot(db.engine) as conn:
            yield conn
        return
    with db.engine.connect() as conn, conn.begin():  # WAL: one read transaction, one snapshot
        yield conn


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
