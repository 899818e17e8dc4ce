"""`self-check --db URL`: the installation's steps run on a server, in a scratch schema.

The schema (`pazos_selfcheck_<random>`) is created by the migration and dropped at the end
with everything in it, as are its automatic backups; the server's real data is not read or
touched. The role needs the right to create a schema (the owner role of docs/instalacion.md has it).
"""

from __future__ import annotations

import secrets
import shutil

from pazos_desktop.db.database import Database
from pazos_desktop.db.server import parse, with_schema
from pazos_desktop.safety import backup


def scratch_target(server: str) -> str:
    """`server` with a new temporary schema of its own."""
    return with_schema(server, f"pazos_selfcheck_{secrets.token_hex(4)}")


def drop_scratch(target: str) -> None:
    schema = parse(target).schema
    db = Database(target)
    try:
        folder = backup.folder_of(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
