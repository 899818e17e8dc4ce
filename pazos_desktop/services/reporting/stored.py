"""Files kept in the database (evidence, returned sheets), a chunk at a time.

A file goes in as it is read, one chunk (1 MiB) per row of `stored_file_chunk`, and comes out
the same way: neither side ever holds more than one chunk (the driver keeps its own copy of the
row it sends or reads: two copies in all, however big the file). Its SHA-256 is computed on
the way in and checked on the way out. Plain SQL statements, not the ORM: a file's bytes have
no place in the change history (the evidence row that names it does).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.reporting import StoredChunk, StoredFile
from pazos_desktop.domain.reporting import MAX_EVIDENCE_BYTES, format_size, media_type
from pazos_desktop.errors import PazosError
from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import _

CHUNK = 1024 * 1024
Reader = Callable[[int], bytes]


@dataclass
class StoredData:
    id: int
    name: str
    media_type: str
    size: int
    sha256: str


def store(
    session: Session,
    name: str,
    read: Reader,
    limit: int = MAX_EVIDENCE_BYTES,
    report_id: int | None = None,
) -> StoredData:
    """Read `read(CHUNK)` until it returns nothing, storing each chunk as it comes; refuse
    (nothing kept: the caller's transaction rolls back) past `limit` bytes."""
    run = run_of(session)
    files, chunks = StoredFile.__table__, StoredChunk.__table__
    row = {"name": name[:255], "media_type": media_type(name), "size": 0, "sha256": ""}
    row |= {"created_at": run.utc, "created_by": run.actor, "report_id": report_id}
    file_id = session.execute(insert(files).values(row)).inserted_primary_key[0]
    digest, size, seq = hashlib.sha256(), 0, 0
    while data := read(CHUNK):
        size += len(data)
        if size > limit:
            raise PazosError(
                _("«{name}» pesa más de {limit}: no se guardó.").format(
                    name=name, limit=format_size(limit)
                )
            )
        digest.update(data)
        session.execute(insert(chunks).values(file_id=file_id, seq=seq, data=data))
        seq += 1
        del data  # the next chunk replaces it: one in memory at a time
    sha = digest.hexdigest()
    session.execute(update(files).where(files.c.id == file_id).values(size=size, sha256=sha))
    return StoredData(file_id, row["name"], row["media_type"], size, sha)


def store_path(session: Session, path: Path, name: str | None = None, **more) -> StoredData:
    with open(path, "rb") as source:
        return store(session, name or Path(path).name, source.read, **more)


def stored(session: Session, file_id: int) -> StoredData:
    f = StoredFile
    query = select(f.id, f.name, f.media_type, f.size, f.sha256).where(f.id == file_id)
    row = session.execute(query).one_or_none()
    if row is None:
        raise PazosError(_("El archivo guardado ya no existe."))
    return StoredData(*row)


def chunks(session: Session, file_id: int) -> Iterator[bytes]:
    """The file's bytes, a chunk per query: one chunk in memory at a time on every driver
    (a server-side cursor is not needed, and SQLite's rows are never read ahead)."""
    c = StoredChunk
    count = session.scalar(select(func.count()).select_from(c).where(c.file_id == file_id))
    for seq in range(count or 0):
        yield session.scalar(select(c.data).where(c.file_id == file_id, c.seq == seq))


def write_out(session: Session, file_id: int, target: Path) -> Path:
    """The stored file written to `target` (complete or not at all), checked against its
    SHA-256: a damaged database never hands a user a silently different file."""
    info = stored(session, file_id)

    def write(temp: Path) -> None:
        digest = hashlib.sha256()
        with open(temp, "wb") as out:
            for data in chunks(session, file_id):
                digest.update(data)
                out.write(data)
        if digest.hexdigest() != info.sha256:
            raise PazosError(
                _(
                    "El archivo «{name}» guardado en la base de datos no coincide con su huella "
                    "SHA-256: la base está dañada. Restaure una copia de seguridad."
                ).format(name=info.name)
            )

    atomic_write(target, write)
    return target


def read_all(session: Session, file_id: int) -> bytes:
    """A small stored file whole (a returned sheet read back by a test or a check)."""
    return b"".join(chunks(session, file_id))


def discard(session: Session, file_id: int) -> None:
    """Delete a stored file and its chunks (the chunks first: foreign keys stay on)."""
    session.execute(delete(StoredChunk.__table__).where(StoredChunk.file_id == file_id))
    session.execute(delete(StoredFile.__table__).where(StoredFile.id == file_id))
