"""One copy of the program per database: a QLockFile next to the database file.

`setStaleLockTime(0)` means a lock is never judged stale by age, only by its owner: a lock
left by a killed or crashed process (same machine) is reclaimed at once, while a live copy
keeps it however long it runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class SingleInstance:
    """The lock of one database file; `acquire()` before the database is opened or migrated."""

    def __init__(self, db_path: Path):
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """False only when another live copy holds the lock.

        A folder where no lock can be written (read-only, missing) is not "another copy":
        the start-up checks explain that one better, so acquire() lets them run.
        """
        self._make_folder()
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # reported by the start-up checks

    def holder(self) -> str | None:
        """'pid@host' of the copy holding the lock, when the lock file says."""
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        if not info or len(info) < 2 or not info[-3]:
            return None
        pid, host = info[-3], info[-2]
        return f"{pid}@{host}" if host else str(pid)

    def message(self) -> str:
        from pazos_desktop.safety.startup import second_copy_message

        return second_copy_message(self.holder())

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def guard_for(db_target: str) -> SingleInstance | None:
    """The lock for a SQLite file; None for a server database (shared by design).

    Kept free of SQLAlchemy (no `pazos_desktop.db.database` import): the window takes the lock
    before the core is loaded, so its first paint does not wait.
    """
    if "://" not in db_target:
        return SingleInstance(Path(db_target).expanduser().resolve())
    if db_target.startswith("sqlite:///") and db_target != "sqlite:///:memory:":
        return SingleInstance(Path(db_target.removeprefix("sqlite:///")))
    return None
