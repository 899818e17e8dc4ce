"""`self-check --db URL`: the installation's steps run on a server, in a scratch schema.

The schema (`pazos_selfcheck_<random>`) is created by the migration and dropped at the end
with everything in it, as are its automatic backups; the server's real data is not read or
touched. The role needs the right to create a schema (the owner role of the README has it).
"""

from __future__ import annotations

import secrets
import shutil
from contextlib import contextmanager

from .server import with_schema


@contextmanager
def temporary_schema(ctx, server: str):
    schema = f"pazos_selfcheck_{secrets.token_hex(4)}"
    ctx.server = with_schema(server, schema)
    try:
        yield ctx.server
    finally:
        ctx.close()
        _drop(ctx.server, schema)


def _drop(target: str, schema: str) -> None:
    from . import backup
    from .database import Database

    db = Database(target)
    try:
        folder = backup.folder_of(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
