"""Alembic environment. Runs from code (pazos_desktop.db.database.upgrade) and from pytest-alembic.

No `logging.config.fileConfig` here: it would disable the application's own loggers.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Engine

from pazos_desktop.db.database import make_engine, raise_on_foreign_key_violations
from pazos_desktop.db.models.register import Base  # the package maps every table
from pazos_desktop.db.urls import is_sqlite

target_metadata = Base.metadata


def _configure_and_run(connection) -> None:
    sqlite = is_sqlite(connection.engine)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # Our engine emits BEGIN itself, so SQLite's DDL is transactional: run every pending
        # revision in ONE transaction (Alembic's SQLite default is one per revision).
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            # Inside the transaction: broken references roll the whole upgrade back.
            raise_on_foreign_key_violations(connection)


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if given is None:
        url = context.config.get_main_option("sqlalchemy.url") or os.environ["PAZOS_DB"]
        given = make_engine(url)
    # pytest-alembic hands over an Engine, the application a Connection.
    if isinstance(given, Engine):
        with given.connect() as connection:
            _configure_and_run(connection)
            connection.commit()
    else:
        _configure_and_run(given)


def run_migrations_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
