"""Real small file systems for the tests of a full or read-only disk (tmpfs, when the tests
may mount one: as root here; the callers skip, or simulate, with the reason otherwise)."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path


def mount_tmpfs(folder: Path, options: str) -> bool:
    """Mount a tmpfs with `options` ("size=64k", "size=8m,ro") on `folder`; False if refused."""
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def unmount(folder: Path) -> None:
    done = subprocess.run(["umount", str(folder)], capture_output=True)
    if done.returncode != 0:  # still busy (a file left open): detach it, never leak a mount
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Take every free byte of `folder`'s file system with one file; returns it (delete it to
    free the disk again)."""
    filler = folder / "relleno.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)  # unbuffered: nothing left
    try:  # to flush on close, which would fail again
        for size in (1 << 20, 1 << 16, 1 << 12, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    return filler
