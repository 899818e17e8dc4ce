"""Evidence files: kept in the database a chunk at a time with name, type, size and SHA-256,
refused past 20 MB or when they are programs, written back out byte for byte, deleted only with
a reason (in the history), listed in a person's data export when marked; and they travel with
a backup, a restore and a transfer to a PostgreSQL server."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.db.models.reporting import Evidence, StoredChunk, StoredFile
from pazos_desktop.domain.reporting import MAX_EVIDENCE_BYTES, period_containing
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.services.commitments import editing
from pazos_desktop.services.personal_data.export import gather_person
from pazos_desktop.services.reporting import closing, evidence, stored
from tests.conftest import database_on
from tests.meetings_fixtures import TODAY, world

__all__ = ["world"]


@pytest.fixture
def update_id(session, world) -> int:
    made = editing.add_progress(
        session,
        editing.ProgressData(commitment_id=world["commitments"][0], date=TODAY, comment="Taller"),
    )
    return made.id


def _file(tmp_path, name: str, size: int) -> os.PathLike:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def test_a_file_goes_in_by_chunks_and_comes_out_the_same(session, update_id, tmp_path):
    path = _file(tmp_path, "Lista de asistencia — Zamorano.pdf", stored.CHUNK * 2 + 123)
    kept = evidence.add_evidence(session, update_id, path, "Lista firmada", personal_data=True)
    assert (
        kept.name == "Lista de asistencia — Zamorano.pdf" and kept.media_type == "application/pdf"
    )
    assert kept.size == path.stat().st_size
    assert kept.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    chunks = session.scalar(
        select(func.count()).select_from(StoredChunk).where(StoredChunk.file_id == kept.file_id)
    )
    assert chunks == 3
    copy = evidence.write_copy(session, kept.id, tmp_path / "abierta")
    assert copy.read_bytes() == path.read_bytes()
    history = session.scalars(
        select(HistoryEntry.field).where(
            HistoryEntry.entity == "evidence", HistoryEntry.entity_id == kept.id
        )
    ).all()
    assert {"name", "description", "personal_data"} <= set(history)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("programa.exe", b"MZ\x90", "es un programa o un acceso directo"),
        ("acceso.lnk", b"L\x00\x00", "es un programa o un acceso directo"),
        ("script.vbs", b"MsgBox 1", "es un programa o un acceso directo"),
        ("informe.pdf", b"MZ\x90\x00 a program renamed", "es un programa"),
        ("datos.xyz", b"abc", "tipo de archivo no admitido"),
        ("vacio.pdf", b"", "está vacío"),
    ],
)
def test_programs_and_strange_files_are_refused(
    session, update_id, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as refused:
        evidence.add_evidence(session, update_id, path)
    assert message in refused.value.fields["file"] and name in refused.value.fields["file"]
    assert session.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_files_over_twenty_megabytes_are_refused(session, update_id, tmp_path):
    big = tmp_path / "fotos.zip"
    with open(big, "wb") as out:
        out.truncate(MAX_EVIDENCE_BYTES + 1)  # sparse: no 20 MB written to the test disk
    with pytest.raises(ValidationError, match="pesa 20 MB; una evidencia puede pesar hasta 20 MB"):
        evidence.add_evidence(session, update_id, big)
    # A file that grows while it is read is cut off at the limit by the store itself.
    chunks = iter([b"x" * stored.CHUNK] * 21)
    with pytest.raises(PazosError, match="pesa más de 20 MB"):
        stored.store(session, "creciente.pdf", lambda _n: next(chunks, b""))


def test_deleting_asks_a_reason_kept_in_the_history(session, update_id, tmp_path):
    kept = evidence.add_evidence(session, update_id, _file(tmp_path, "foto.jpg", 2000))
    with pytest.raises(ValidationError, match="Motivo"):
        evidence.delete_evidence(session, kept.id, " ")
    evidence.delete_evidence(session, kept.id, "Solicitud de supresión del acudiente")
    row = session.execute(
        select(HistoryEntry.action, HistoryEntry.old_value, HistoryEntry.reason).where(
            HistoryEntry.entity == "evidence", HistoryEntry.action == "delete"
        )
    ).one()
    assert row == ("delete", "foto.jpg", "Solicitud de supresión del acudiente")
    assert session.scalar(select(func.count()).select_from(StoredChunk)) == 0


def test_no_evidence_is_added_to_progress_of_a_closed_period(session, update_id, tmp_path):
    closing.close_period(session, period_containing("monthly", TODAY).code, [], "Presentado")
    with pytest.raises(PazosError, match="está cerrado"):
        evidence.add_evidence(session, update_id, _file(tmp_path, "tarde.pdf", 100))


def test_a_persons_export_lists_marked_evidence(session, world, update_id, tmp_path):
    contact = world["contacts"][0]
    data = editing.get_commitment(session, world["commitments"][0])
    data.contact_id = contact
    editing.save_commitment(session, data)
    evidence.add_evidence(session, update_id, _file(tmp_path, "lista.pdf", 50), "Asistentes", True)
    evidence.add_evidence(session, update_id, _file(tmp_path, "afiche.png", 50), "Afiche", False)
    record = gather_person(session, contact)
    assert [e["name"] for e in record.evidence] == ["lista.pdf"]
    other = gather_person(session, world["contacts"][2])
    assert other.evidence == []


# --- backups, restore, transfer -----------------------------------------------------------------


def _evidence_bytes(db) -> dict[str, bytes]:
    with db.session() as s:
        return {e.name: stored.read_all(s, e.file_id) for e in s.scalars(select(Evidence)).all()}


@pytest.mark.sqlite_only  # the file's own backup and restore (a server's: test_server_*.py)
def test_evidence_travels_with_a_backup_and_a_restore(db_path, tmp_path):
    from pazos_desktop.safety import backup, restore

    db = database_on(db_path)
    with db.session() as s:
        evidence.add_evidence(s, _update(s), _file(tmp_path, "acta.pdf", stored.CHUNK + 7))
    before = _evidence_bytes(db)
    copy = tmp_path / "copia.sqlite"
    backup.copy_database(Path(db_path), copy)
    with db.session() as s:
        [item] = s.scalars(select(Evidence)).all()
        evidence.delete_evidence(s, item.id, "prueba de restauración")
    assert _evidence_bytes(db) == {}
    db.dispose()
    restore.restore(Path(db_path), copy)
    again = database_on(db_path)
    try:
        assert _evidence_bytes(again) == before
    finally:
        again.dispose()


def _update(session) -> int:
    from tests import factories

    partner = factories.partner(session)
    cluster = factories.cluster(session)
    made = factories.commitment(session, partner.id, [cluster.id])
    return editing.add_progress(
        session, editing.ProgressData(commitment_id=made.id, date=TODAY, comment="Hecho")
    ).id


@pytest.mark.server_only  # an office's SQLite file moved to the server, evidence included
def test_evidence_travels_to_a_server(tmp_path):
    from pazos_desktop.db.database import Database
    from pazos_desktop.safety.transfer import transfer
    from tests import server_db

    source = database_on(tmp_path / "oficina.sqlite")
    source.migrate()
    with source.session() as s:
        evidence.add_evidence(s, _update(s), _file(tmp_path, "fotos.zip", stored.CHUNK * 3 + 1))
    before = _evidence_bytes(source)
    target = server_db.servers().create()
    try:
        transfer(source, target)
    finally:
        source.dispose()
    moved = Database(target)
    try:
        assert _evidence_bytes(moved) == before
    finally:
        moved.dispose()
