"""The database's refusals in the user's words (pazos_desktop/db/refusals.py), from the
driver's real errors: a rule of the schema, a read-only file, a disk error."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from pazos_desktop.db.models.register import Partner
from pazos_desktop.db.refusals import IOERR, primary_code, sqlite_problem
from pazos_desktop.errors import PazosError
from tests import factories as f


def test_a_constraint_that_reaches_the_commit_is_a_message(db):
    with db.session() as s:
        f.partner(s, "Fundación SIDOC")
    with pytest.raises(PazosError) as err, db.session() as s:  # past the service's checks
        s.add(Partner(name="Otra", name_key="fundacion sidoc", type="public"))
    assert "no se guard" in err.value.message.lower()  # SQLite: a rule; a server: a conflict
    with db.session(read_only=True) as s:
        assert s.scalars(select(Partner.name)).all() == ["Fundación SIDOC"]


@pytest.mark.sqlite_only
def test_a_read_only_file_and_a_disk_error(db_path):
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as real:  # the driver's own error
            con.execute("UPDATE partner SET phone = 'x'")
    finally:
        con.close()
    problem = sqlite_problem(real.value, db_path)
    assert problem.message.startswith(f"No se puede escribir en la base de datos {db_path}:")
    assert "solo lectura" in problem.message

    broken = sqlite3.OperationalError("disk I/O error")
    broken.sqlite_errorcode = IOERR | (3 << 8)  # SQLITE_IOERR_WRITE, as the driver sets it
    assert primary_code(broken) == IOERR
    message = sqlite_problem(broken, db_path).message
    assert message.startswith(f"El disco no pudo leer o escribir la base de datos {db_path}")
    assert sqlite_problem(sqlite3.OperationalError("no such table: x"), db_path) is None  # a bug
