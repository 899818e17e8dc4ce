"""Copy every PAZOS table from one database to another (SQLite file ↔ server), and prove it.

Used by the server's backups (server → SQLite file), restore onto a server (file → server) and
`transfer`. Both sides are at the same schema revision; tables are read as each side reflects
them, so the values are Python's (dates, booleans, floats) whatever the engine stored. The
proof is per table: the row count, and a SHA-256 over the sorted rows as Python sees them. Sequences of the target are moved past the copied ids, or its next insert collides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import LargeBinary, MetaData, Table, func, select, text

from pazos_desktop.db.database import head_revision
from pazos_desktop.db.models.register import Base
from pazos_desktop.errors import DatabaseProblem
from pazos_desktop.i18n import _

BATCH = 2_000
FILE_BATCH = 8  # rows of stored file chunks (1 MiB each) per batch
SKIPPED = {"alembic_version"}  # written by Alembic on both sides, compared separately
# Rows every migrated database starts with (components: 0001; data-processing purposes: the
# personal-data revision).
SEEDED = {"component", "app_setting", "data_purpose"}

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class TableProof:
    name: str
    rows: int
    checksum: str


def data_tables(connection) -> list[Table]:
    """PAZOS's tables as this connection sees them, parents before children.

    At the latest revision they are the models' own (reflecting a server costs ~0.3 s);
    an older database is reflected.
    """
    if revision(connection) == head_revision():
        metadata = Base.metadata
    else:
        metadata = MetaData()
        metadata.reflect(bind=connection)
    return [t for t in metadata.sorted_tables if t.name not in SKIPPED]


def revision(connection) -> str | None:
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def holds_data(connection) -> bool:
    """True when any table has rows beyond what a fresh migration puts there."""
    for table in data_tables(connection):
        if table.name in SEEDED:
            continue
        if connection.execute(select(func.count()).select_from(table)).scalar():
            return True
    keys = set(connection.execute(text("SELECT key FROM app_setting")).scalars())
    return bool(keys - {"app"})


def clear(connection, tables: list[Table]) -> None:
    """Empty every data table (seed rows included) inside the caller's transaction."""
    if connection.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
        return
    for table in reversed(tables):  # children first: foreign keys stay on
        connection.execute(table.delete())


def copy_rows(source, target, tables: list[Table], into: dict[str, Table], progress=None):
    """Insert every row of `source` into the (empty) same-named tables of `target`; returns
    the proofs of what was read, so the source is read only once."""
    read: dict[str, TableProof] = {}
    for table in tables:
        other = _matching(table, into)
        lines: list[str] = []
        names = sorted(table.c.keys())
        size = _batch(table)
        query = select(*[table.c[n] for n in names]).execution_options(yield_per=size)
        for batch in source.execute(query).partitions(size):
            target.execute(other.insert(), [dict(zip(names, row, strict=True)) for row in batch])
            lines.extend(_line(row) for row in batch)
        read[table.name] = _digest(table.name, lines)
        if progress is not None:
            progress(table.name, len(lines))
    return read


def _batch(table: Table) -> int:
    """Rows per batch: files kept in the database (chunks of 1 MiB) go a few at a time, so a
    copy never holds more than a few megabytes of them."""
    binary = any(isinstance(c.type, LargeBinary) for c in table.columns)
    return FILE_BATCH if binary else BATCH


def _matching(table: Table, theirs: dict[str, Table]) -> Table:
    other = theirs.get(table.name)
    if other is None or set(other.c.keys()) != set(table.c.keys()):
        raise DatabaseProblem(
            _("Las dos bases no tienen la misma estructura (tabla {table}).").format(
                table=table.name
            )
        )
    return other


def reset_sequences(connection, tables: list[Table]) -> None:
    """The next id of every table follows the highest copied one (a server's sequences)."""
    if connection.dialect.name != "postgresql":
        return  # SQLite gives max(rowid) + 1 by itself (no AUTOINCREMENT tables here)
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence:
                connection.execute(
                    text(
                        f'SELECT setval(:s, COALESCE((SELECT max("{column.name}") FROM '
                        f'"{table.name}"), 0) + 1, false)'
                    ),  # fmt: skip
                    {"s": sequence},
                )


def proofs(connection, tables: list[Table] | None = None) -> dict[str, TableProof]:
    return {t.name: _proof(connection, t) for t in tables or data_tables(connection)}


def _proof(connection, table: Table) -> TableProof:
    names = sorted(table.c.keys())
    size = _batch(table)
    query = select(*[table.c[n] for n in names]).execution_options(yield_per=size)
    return _digest(table.name, [_line(row) for row in connection.execute(query)])


def _line(row) -> str:
    # repr of the row: both engines return the same Python types for a column of the models
    # (SQLAlchemy converts SQLite's text dates and 0/1 booleans), and it is ~5x faster than
    # spelling every value in Python (2.2 million values at 10x). A value whose type changed
    # on the way (a float in an INTEGER column of a SQLite file) shows as a difference.
    # Bytes (a stored file's chunk) by their SHA-256: the proof of 1 GB of evidence would
    # otherwise hold several GB of their repr.
    values = tuple(row)
    if any(isinstance(v, bytes | memoryview) for v in values):
        values = tuple(_digest_of(v) for v in values)
    return repr(values)


def _digest_of(value):
    if isinstance(value, bytes | memoryview):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def _digest(name: str, lines: list[str]) -> TableProof:
    # Sorted in Python: the two engines order text by different collations.
    lines.sort()
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass") + b"\x1e")
    return TableProof(name, len(lines), digest.hexdigest())


def compare(read: dict[str, TableProof], written: dict[str, TableProof]) -> list[TableProof]:
    """Per table the same count and checksum; else a DatabaseProblem naming the table."""
    for name, proof in read.items():
        other = written.get(name)
        if other is None or other.rows != proof.rows or other.checksum != proof.checksum:
            raise DatabaseProblem(
                _(
                    "La copia no coincide con el original en la tabla {table} ({a} filas "
                    "de {b}); no se usó."
                ).format(table=name, a=other.rows if other else 0, b=proof.rows)
            )
    return list(read.values())


def same_revision(source, target) -> None:
    if revision(source) != revision(target):
        raise DatabaseProblem(
            _("La copia quedó en otra revisión del esquema ({a} ≠ {b}).").format(
                a=revision(target), b=revision(source)
            )
        )


def copy_database(source, target, progress: Progress | None = None) -> list[TableProof]:
    """Empty `target`, copy `source` into it, move its sequences, and prove the copy by
    reading it back (one transaction on `target`, which the caller commits)."""
    same_revision(source, target)
    tables = data_tables(source)
    into = {t.name: t for t in data_tables(target)}
    clear(target, list(into.values()))
    read = copy_rows(source, target, tables, into, progress)
    reset_sequences(target, list(into.values()))
    return compare(read, proofs(target, [into[t.name] for t in tables]))
