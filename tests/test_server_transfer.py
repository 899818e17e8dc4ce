"""`transfer --to`: an office's SQLite file to an empty server and back, proved by counts and
checksums per table; a target holding data is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pazos_desktop.cli import main
from pazos_desktop.db import tablecopy
from pazos_desktop.db.database import Database
from pazos_desktop.db.models.register import Base, Partner
from pazos_desktop.errors import DatabaseProblem, PazosError
from pazos_desktop.safety.opening import open_database
from pazos_desktop.safety.transfer import transfer
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.partners import PartnerData, save_partner
from tests import server_db
from tests.conftest import sample_template_for
from tests.meetings_fixtures import TODAY

# Every table of the schema but Alembic's own: a feature's new tables travel too.
TABLES = len(set(Base.metadata.tables) - tablecopy.SKIPPED)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    """The sample as a SQLite file, whatever PAZOS_TEST_DB says: what an office has today."""
    from pazos_desktop.sample import build_sample

    path = tmp_path_factory.mktemp("oficina") / "pazos.sqlite"
    db = open_database(str(path))
    with db.session() as s:
        build_sample(s, TODAY)
    db.dispose()
    return path


def _proofs(target: str) -> dict:
    db = Database(target)
    try:
        with db.engine.connect() as conn:
            return tablecopy.proofs(conn)
    finally:
        db.dispose()


def test_a_file_to_a_new_file_is_proved(sample_file, tmp_path):
    source = Database(str(sample_file))
    try:
        result = transfer(source, str(tmp_path / "copia.sqlite"))
    finally:
        source.dispose()
    assert result.rows > 1000 and len(result.tables) == TABLES
    assert _proofs(str(tmp_path / "copia.sqlite")) == _proofs(str(sample_file))


def test_an_existing_file_is_never_overwritten(sample_file, tmp_path, capsys):
    taken = tmp_path / "ocupada.sqlite"
    taken.write_bytes(b"algo")
    assert main(["--db", str(sample_file), "transfer", "--to", str(taken)]) == 1
    assert "ya tiene datos" in capsys.readouterr().err
    assert taken.read_bytes() == b"algo"


def test_a_failed_copy_leaves_no_new_file(sample_file, tmp_path, monkeypatch):
    monkeypatch.setattr(tablecopy, "compare", _broken)
    source = Database(str(sample_file))
    try:
        with pytest.raises(DatabaseProblem):
            transfer(source, str(tmp_path / "a medias.sqlite"))
    finally:
        source.dispose()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("a medias")]


def _broken(read, written):
    raise DatabaseProblem("la copia no coincide (simulado)")


@pytest.mark.server_only
def test_a_file_to_an_empty_server_and_back(sample_file, tmp_path, capsys):
    server = server_db.servers().create()  # an empty database the administrator made
    assert main(["--db", str(sample_file), "transfer", "--to", server]) == 0
    said = capsys.readouterr().out
    assert f"Transferencia verificada: {TABLES} tablas" in said and "partner: 18 filas" in said
    assert _proofs(server) == _proofs(str(sample_file))

    db = Database(server)  # the server's sequences follow the copied ids
    try:
        with db.session() as s:
            made = save_partner(s, PartnerData(name="Primera entidad en el servidor"))
            assert made.id == s.scalar(select(func.max(Partner.id)))
            acta = meetings.create_meeting(s, meetings.MeetingData(date=TODAY))
            assert acta.id is not None and acta.number >= 1
    finally:
        db.dispose()

    back = tmp_path / "de vuelta.sqlite"
    assert main(["--db", server, "transfer", "--to", str(back)]) == 0
    assert _proofs(str(back)) == _proofs(server)


@pytest.mark.server_only
def test_a_server_holding_data_is_refused(sample_file, sample_server):
    before = _proofs(sample_server)
    source = Database(str(sample_file))
    try:
        with pytest.raises(PazosError, match="ya tiene datos"):
            transfer(source, sample_server)
    finally:
        source.dispose()
    assert _proofs(sample_server) == before


@pytest.mark.server_only
def test_a_server_made_by_init_counts_as_empty(sample_file, capsys):
    server = server_db.servers().create()
    assert main(["--db", server, "init"]) == 0
    assert main(["--db", str(sample_file), "transfer", "--to", server]) == 0
    assert _proofs(server) == _proofs(str(sample_file))


@pytest.fixture
def sample_server(migrated_template, tmp_path_factory):
    return server_db.servers().create(
        template=str(sample_template_for(TODAY, migrated_template, tmp_path_factory))
    )
