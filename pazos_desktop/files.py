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
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .errors import PazosError
from .i18n import _

T = TypeVar("T")

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def atomic_write(path: Path, write: Callable[[Path], T]) -> T:
    """Call `write(temp)` to fill a temporary file, then move it onto `path`.

    Raises PazosError (the message names the file) for the expected failures; whatever
    `write` raises (a cancel, a validation error) passes through, and the temporary file is
    removed in every case.
    """
    path = Path(path).expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise PazosError(_("No existe la carpeta {folder}.").format(folder=folder))
    temp = _temporary_beside(path)
    try:
        result = write(temp)
        os.replace(temp, path)
        return result
    except OSError as exc:
        if exc.errno in _READ_ONLY:
            raise PazosError(_locked_message(path)) from exc
        raise PazosError(_os_message(path, exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


def _temporary_beside(path: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        if exc.errno in _READ_ONLY:
            raise PazosError(_folder_message(path.parent)) from exc
        raise PazosError(_os_message(path, exc)) from exc
    os.close(fd)
    return Path(name)


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


def _os_message(path: Path, exc: OSError) -> str:
    if exc.errno in _NO_SPACE:
        return _("No hay espacio suficiente en el disco para escribir {path}.").format(path=path)
    return _("No se pudo escribir {path}: {detail}").format(path=path, detail=exc.strerror or exc)
