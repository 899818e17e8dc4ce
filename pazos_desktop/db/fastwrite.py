"""Inserting many rows at once and learning their new ids, on SQLite and PostgreSQL alike.

`INSERT ... RETURNING` in parameter order makes SQLAlchemy fall back to one statement per row
on SQLite (it cannot guarantee the order of a batch): 20,000 rows took 30 s instead of 1 s.
So rows go in with a plain executemany, all stamped with the same `created_at`, and their ids
are read back in insertion order (ids grow within one transaction on both databases).
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from pazos_desktop.errors import ConflictError
from pazos_desktop.i18n import _


def insert_many(session: Session, model, rows: list[dict], stamp: dt.datetime) -> list[int]:
    """Insert `rows` (each with created_at == `stamp`); their ids, in the same order."""
    if not rows:
        return []
    before = session.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0
    # The table, not the ORM class: the ORM splits rows whose empty values differ into
    # separate statements (55,000 of them for a bulk import), the table takes one executemany.
    insert_rows(session, model.__table__, rows)
    query = select(model.id).where(model.id > before, model.created_at == stamp).order_by(model.id)
    ids = list(session.scalars(query))
    if len(ids) != len(rows):  # someone else wrote the same instant: refuse rather than guess
        raise ConflictError(
            _("Otro usuario cambió compromisos durante la importación; no se aplicó nada.")
        )
    return ids


def insert_rows(session: Session, table, rows: list[dict]) -> None:
    """Insert `rows` (dicts with the same keys) into `table`, as fast as the driver allows.

    On SQLite the rows go to the driver's executemany as tuples, each value through its
    column type's own bind processor (what SQLAlchemy would apply): the history rows of a
    20,000-row import (200,000-300,000 of them) go in about a third faster than through
    SQLAlchemy's per-row parameter handling. Other databases take the plain Core insert.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    if dialect.name != "sqlite" or _defaults_left_out(table, keys):
        connection.execute(insert(table), rows)
        return
    columns = ", ".join(keys)
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('?' * len(keys))})"
    connection.exec_driver_sql(sql, _tuples(rows, keys, table, dialect))


def _defaults_left_out(table, keys: list[str]) -> bool:
    """Whether a column the rows leave out takes a value Python supplies (`default=`): only
    SQLAlchemy's own insert fills it in."""
    given = set(keys)
    return any(column.default is not None and column.key not in given for column in table.c)


def _tuples(rows: list[dict], keys: list[str], table, dialect) -> list:
    """Each row's values in `keys` order; only the columns whose type converts a value (dates
    and times on SQLite) go through their converter, the others are taken as they are."""
    take = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    converters = [
        (index, _converter(processor))
        for index, key in enumerate(keys)
        if (processor := _processor(table.c[key].type, dialect)) is not None
    ]
    if not converters:
        return list(map(take, rows))
    data = []
    for row in rows:
        values = list(take(row))
        for index, convert in converters:
            values[index] = convert(values[index])
        data.append(tuple(values))
    return data


def _processor(column_type, dialect):
    # The dialect's own type (SQLite's DATETIME, not the generic DateTime) converts the value
    # as SQLAlchemy's own inserts do; the generic type has no converter, and the driver's
    # default adapter wrote times in another text form.
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def _converter(processor):
    """The column's bind processor, remembering its last result: the rows of one import share
    their timestamp, converted once instead of 200,000 times."""
    last = [object(), None]

    def convert(value):
        if value is not last[0]:
            last[0], last[1] = value, processor(value)
        return last[1]

    return convert
