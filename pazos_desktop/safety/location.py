"""Is this a safe place for a SQLite database? Network shares, synced folders, writability, space.

SQLite's locking and WAL are not reliable over SMB/NFS or synced folders (the main cause of
corruption in the field), and a full or read-only disk turns every save into an error. These
checks run before the database is opened, so the user hears about it before typing anything.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path, PurePath, PureWindowsPath

from pazos_desktop.files import no_space_message
from pazos_desktop.i18n import _

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb3",
    "afs",
    "ncpfs",
    "9p",
    "davfs",
    "ceph",
    "glusterfs",
    "lustre",
}
SYNCED_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "mega")
MIN_FREE_BYTES = 50 * 1024 * 1024
DRIVE_REMOTE = 4


def is_unc_path(path: str | PurePath) -> bool:
    """`\\\\server\\share\\...` (also written with forward slashes), but not `\\\\?\\C:\\...`."""
    text = str(path)
    if not (text.startswith("\\\\") or text.startswith("//")):
        return False
    return not text.replace("/", "\\").startswith(("\\\\?\\", "\\\\.\\"))


def windows_drive_is_remote(path: str | PurePath) -> bool:
    """A mapped network drive (`Z:` → `\\\\server\\share`), asked of Windows itself."""
    if sys.platform != "win32":
        return False
    import ctypes

    drive = PureWindowsPath(str(path)).drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def mount_filesystem(path: Path, mounts_text: str | None = None) -> str | None:
    """The type of the file system holding `path`, from /proc/mounts (Linux)."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fields[2]
    return best_type


def is_network_filesystem(fstype: str | None) -> bool:
    if not fstype:
        return False
    # fuse.sshfs, fuse.rclone, fuse.onedriver, fuse.gvfsd-fuse... user-space file systems are
    # remote or synced far more often than not.
    return fstype in NETWORK_FILESYSTEMS or fstype.startswith("fuse.")


def _existing_ancestor(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def network_location_problem(db_path: Path, mounts_text: str | None = None) -> str | None:
    """A message when the database would live on a network share or in a synced folder."""
    if is_unc_path(db_path) or windows_drive_is_remote(db_path):
        return _network_message(db_path)
    if sys.platform.startswith("linux") or mounts_text is not None:
        # realpath: a symlink into a share is on the share; it works for files not yet made.
        fstype = mount_filesystem(Path(os.path.realpath(db_path)), mounts_text)
        if is_network_filesystem(fstype):
            return _network_message(db_path)
    if any(part.lower().startswith(SYNCED_FOLDER_NAMES) for part in db_path.parts):
        return _(
            "La base de datos {path} está en una carpeta sincronizada (OneDrive, Dropbox...). "
            "La sincronización puede dañar una base de datos abierta: guárdela en una carpeta "
            "local y use las copias de seguridad."
        ).format(path=db_path)
    return None


def _network_message(db_path: Path) -> str:
    return _(
        "La base de datos {path} está en una carpeta de red. SQLite no es seguro en carpetas "
        "compartidas: puede dañarse. Guárdela en este equipo, o use un servidor PostgreSQL "
        "para compartirla entre oficinas."
    ).format(path=db_path)


def folder_problem(db_path: Path, min_free: int = MIN_FREE_BYTES) -> str | None:
    """A message when the database's folder cannot be written to or the disk is (nearly) full."""
    folder = _existing_ancestor(db_path.parent)
    try:
        _probe_write(folder)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            return disk_full_message(folder)
        return _(
            "No se puede escribir en la carpeta {folder} ({detail}). Elija otra ubicación para "
            "la base de datos o pida permiso de escritura."
        ).format(folder=folder, detail=exc.strerror or exc)
    if shutil.disk_usage(folder).free < min_free:
        return disk_full_message(folder)
    return None


def disk_full_message(folder: Path) -> str:
    """At start-up (full or nearly): the one full-disk message, with the other way out."""
    what = _(
        "sin espacio no se pueden guardar cambios ni copias de seguridad (también puede elegir "
        "otra ubicación para la base de datos)"
    )
    return no_space_message(folder, what)


def _probe_write(folder: Path) -> None:
    # os.access() answers from the mode bits; only a real write tells the truth on Windows
    # ACLs, read-only media and network folders.
    fd, name = tempfile.mkstemp(prefix=".pazos-write-test-", dir=folder)
    try:
        os.write(fd, b"x")
        os.fsync(fd)
    finally:
        os.close(fd)
        os.unlink(name)
