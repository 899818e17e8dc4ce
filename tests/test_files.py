"""The one atomic write: every file the program hands a user fails the same clear way."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pazos_desktop.errors import PazosError
from pazos_desktop.files import FileBatch, atomic_write
from tests.disk_support import mount_tmpfs, unmount
from tests.excel_support import sample_db, sample_template  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent


def _write_bytes(data: bytes):
    def write(temp: Path) -> int:
        temp.write_bytes(data)
        return len(data)

    return write


def test_the_file_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "informe.pdf"
    assert atomic_write(target, _write_bytes(b"%PDF-1")) == 6 and target.read_bytes() == b"%PDF-1"

    def broken(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise RuntimeError("cancelled half-way")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"%PDF-1"  # the earlier, whole file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["informe.pdf"]  # no temporary left


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX's")
def test_a_file_gets_the_permissions_of_any_new_file(tmp_path):
    """An exported acta on a shared folder opens for the colleagues the user's umask lets
    in (mkstemp's files were the owner's only); a backup, the whole register, stays private."""
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "acta.pdf", _write_bytes(b"%PDF-1"))
        atomic_write(tmp_path / "copia.sqlite", _write_bytes(b"SQLite"), private=True)
        os.umask(0o027)
        with FileBatch() as batch:
            batch.write(tmp_path / "hoja.xlsx", _write_bytes(b"PK"))
            batch.commit()
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert modes == {"acta.pdf": 0o644, "copia.sqlite": 0o600, "hoja.xlsx": 0o640}


def test_a_batch_takes_its_names_together_or_not_at_all(tmp_path):
    sent = tmp_path / "Compromisos_SIDOC.xlsx"
    sent.write_bytes(b"sent last month")
    names = [sent, tmp_path / "Compromisos_SENA.xlsx", tmp_path / "Compromisos_ICBF.xlsx"]

    def third_fails(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError), FileBatch() as batch:
        batch.write(names[0], _write_bytes(b"new SIDOC"))
        assert batch.staged(names[0]).read_bytes() == b"new SIDOC"  # readable before commit
        assert sent.read_bytes() == b"sent last month"
        batch.write(names[1], _write_bytes(b"new SENA"))
        batch.write(names[2], third_fails)
        batch.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Compromisos_SIDOC.xlsx"]
    assert sent.read_bytes() == b"sent last month"

    with FileBatch() as batch:
        for name in names:
            batch.write(name, _write_bytes(name.stem.encode()))
        batch.commit()
    assert [p.read_bytes() for p in names] == [p.stem.encode() for p in names]
    assert len(list(tmp_path.iterdir())) == 3


def test_a_file_open_in_another_program(tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open: PermissionError on the rename."""
    target = tmp_path / "Compromisos_SIDOC.xlsx"
    target.write_bytes(b"old")

    def locked(_src, _dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PazosError) as err:
        atomic_write(target, _write_bytes(b"new"))
    assert str(target) in err.value.message and "abierto en otro programa" in err.value.message
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


def test_a_missing_folder(tmp_path):
    with pytest.raises(PazosError) as err:
        atomic_write(tmp_path / "no" / "acta.pdf", _write_bytes(b"x"))
    assert err.value.message == f"No existe la carpeta {tmp_path / 'no'}."


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 KiB file system when the tests may mount one (root), else None."""
    folder = tmp_path / "tiny"
    if os.geteuid() != 0 or not mount_tmpfs(folder, "size=64k"):
        yield None
        return
    yield folder
    unmount(folder)


def test_a_full_disk(tiny_disk, tmp_path, monkeypatch):
    if tiny_disk is None:  # no mount allowed: the driver's error, as a full disk raises it
        tiny_disk = tmp_path

        def full(temp: Path) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        write = full
    else:
        write = _write_bytes(b"x" * 200_000)
    target = tiny_disk / "libro.xlsx"
    with pytest.raises(PazosError) as err:
        atomic_write(target, write)
    # The issue "doors hold" made every full-disk message name the folder and what to free.
    assert err.value.message.startswith(
        f"El disco de la carpeta {tiny_disk} está lleno: no se pudo escribir libro.xlsx. "
        "Libere espacio en ese disco (vacíe la papelera"
    )
    assert list(tiny_disk.iterdir()) == []


def test_a_read_only_folder(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    mounted = os.geteuid() == 0 and mount_tmpfs(folder, "size=64k,ro")
    if not mounted:
        folder.mkdir(exist_ok=True)
        folder.chmod(0o555)
    try:
        if not mounted and os.access(folder, os.W_OK):
            pytest.skip("this user writes into read-only folders and cannot mount one")
        with pytest.raises(PazosError) as err:
            atomic_write(folder / "acta.pdf", _write_bytes(b"x"))
        assert str(folder) in err.value.message and "solo lectura" in err.value.message
    finally:
        if mounted:
            unmount(folder)
        else:
            folder.chmod(0o755)


def test_every_writer_goes_through_the_one_helper():
    """No other module renames a finished file into place by itself."""
    offenders = []
    for folder in ("pazos_desktop", "ui"):
        for path in ROOT.joinpath(folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "os.replace(" in text and path.name not in {"files.py", "restore.py"}:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_exporting_over_an_open_partner_sheet_names_the_file(
    sample_db,  # noqa: F811 (the fixture)
    tmp_path,
    monkeypatch,
    capsys,
):
    from pazos_desktop.cli import main

    out = tmp_path / "hojas"
    argv = ["--db", sample_db.url, "export", "partner-sheets", "--out", str(out)]
    assert main(argv) == 0
    written = sorted(out.glob("*.xlsx"))
    before = {p: p.read_bytes() for p in written}
    real_replace = os.replace

    def excel_holds_it(src, dst):
        if Path(dst) == written[0]:
            raise PermissionError(errno.EACCES, "sharing violation")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", excel_holds_it)
    capsys.readouterr()
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert str(written[0]) in err and "abierto en otro programa" in err
    assert err.count("\n") == 1  # one line, no traceback
    assert written[0].read_bytes() == before[written[0]]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
