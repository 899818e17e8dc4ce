"""The one way the program writes a file a user receives: PDFs, xlsx, e-mail drafts, backups.

The content goes to a temporary file beside the target, which takes the target's name only
when it is complete: a failure, a cancel or a power cut never leaves half a file under the
name the user expects. Every way a write can fail on an office PC gets a message naming the
file: the file open in Excel or a PDF viewer (Windows refuses to replace it), a read-only or
missing folder, a full disk.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import _

T = TypeVar("T")

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def atomic_write(path: Path, write: Callable[[Path], T], private: bool = False) -> T:
    """Call `write(temp)` to fill a temporary file, then move it onto `path`.

    Raises PazosError (the message names the file) for the expected failures; whatever
    `write` raises (a cancel, a validation error) passes through, and the temporary file is
    removed in every case. The file gets the permissions any program's new file gets (the
    user's umask: colleagues sharing the folder can open it); `private`, for a copy of the
    whole register, only its owner's.
    """
    with FileBatch(private=private) as batch:
        result = batch.write(path, write)
        batch.commit()
        return result


def make_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) when missing; a refusal (a full disk, a read-only
    place) is the message every write gives."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in _READ_ONLY:
            raise PazosError(_folder_message(Path(folder))) from exc
        raise PazosError(_os_message(Path(folder), exc)) from exc
    return Path(folder)


class FileBatch:
    """Files that take their names together, or not at all (a partner sheet per entity).

    `write(path, fn)` fills a temporary file beside `path`; `commit()` moves every one onto
    its name. Leaving the `with` block without committing (a failure, a cancel) removes the
    temporary files and leaves every earlier file of those names as it was. A rename refused
    during `commit()` (a sheet open in Excel) stops there: the files before it are the new
    ones, the rest keep their earlier content, and the message names the refused file.
    """

    def __init__(self, private: bool = False):
        self._staged: dict[Path, Path] = {}  # target -> its temporary file, in write order
        self._mode = 0o600 if private else 0o666  # before the umask, as open() does

    def __enter__(self) -> FileBatch:
        return self

    def __exit__(self, *_exc) -> None:
        self.discard()

    def write(self, path: Path, write: Callable[[Path], T]) -> T:
        path = Path(path).expanduser()
        if not path.parent.is_dir():
            raise PazosError(_("No existe la carpeta {folder}.").format(folder=path.parent))
        temp = _temporary_beside(path, self._mode)
        self._staged[path] = temp
        try:
            return write(temp)
        except OSError as exc:
            raise PazosError(_write_message(path, exc)) from exc

    def staged(self, path: Path) -> Path:
        """Where `path`'s content is until `commit()` (to read it back, to attach it)."""
        return self._staged.get(Path(path).expanduser(), path)

    def commit(self) -> None:
        for path in list(self._staged):
            try:
                os.replace(self._staged[path], path)
            except OSError as exc:
                raise PazosError(_write_message(path, exc)) from exc
            del self._staged[path]

    def discard(self) -> None:
        for temp in self._staged.values():
            temp.unlink(missing_ok=True)
        self._staged.clear()


def _write_message(path: Path, exc: OSError) -> str:
    if exc.errno in _READ_ONLY:
        return _locked_message(path)
    return _os_message(path, exc)


def _temporary_beside(path: Path, mode: int) -> Path:
    """A new empty file beside `path`. Created as `open()` creates files (`mode` less the
    umask): `tempfile.mkstemp` makes them readable by their owner only, and every exported
    acta or sheet kept that on a shared folder."""
    for _attempt in range(100):
        name = path.parent / f".{path.stem[:40]}-{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in _READ_ONLY:
                raise PazosError(_folder_message(path.parent)) from exc
            raise PazosError(_os_message(path, exc)) from exc
        os.close(fd)
        return name
    raise PazosError(_os_message(path, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))))


def _locked_message(path: Path) -> str:
    if not path.is_file():
        return _folder_message(path.parent)
    return _(
        "No se pudo escribir {path}: el archivo está abierto en otro programa (Excel, el "
        "visor de PDF…) o es de solo lectura. Ciérrelo e intente de nuevo."
    ).format(path=path)


def _folder_message(folder: Path) -> str:
    return _(
        "No se puede escribir en la carpeta {folder}: no tiene permiso (¿es de solo lectura?)."
    ).format(folder=folder)


def no_space_message(folder: Path, what: str) -> str:
    """The one full-disk message of every write: the folder, what was not written, what to free."""
    full = _("El disco de la carpeta {folder} está lleno: {what}.").format(folder=folder, what=what)
    advice = _(
        "Libere espacio en ese disco (vacíe la papelera de reciclaje, borre descargas o copias "
        "de seguridad antiguas que ya no necesite) e intente de nuevo."
    )
    return f"{full} {advice}"


def _os_message(path: Path, exc: OSError) -> str:
    if exc.errno in _NO_SPACE:
        what = _("no se pudo escribir {name}").format(name=path.name)
        return no_space_message(path.parent, what)
    return _("No se pudo escribir {path}: {detail}").format(path=path, detail=exc.strerror or exc)


def read_limited(path: str | Path, limit: int, too_big: str) -> bytes:
    """A file a user chose, read whole: refused before reading when it has more than `limit`
    bytes (`too_big` says why; `{size}` is its size in MB), and a message naming the file when
    it cannot be read."""
    path = Path(path).expanduser()
    try:
        size = path.stat().st_size
        if size > limit:
            raise PazosError(too_big.format(size=size / 1_000_000))
        return path.read_bytes()
    except OSError as exc:
        raise PazosError(
            _("No se pudo leer {path}: {error}").format(path=path, error=exc.strerror or exc)
        ) from exc
