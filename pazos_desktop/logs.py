"""The program's log file: `<log folder>/pazos.log`, rotated, for what users cannot see.

Backups taken, restores, failed migrations and failed daily backups are logged here (with
their tracebacks), so a support person can tell what happened on a PC without a console.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from pazos_desktop.paths import log_dir

LOG_NAME = "pazos.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file (5 × 1 MB); returns its path, or None when it cannot be written."""
    folder = folder or log_dir()
    path = Path(os.path.abspath(folder / LOG_NAME))  # as FileHandler.baseFilename has it
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path  # already set up (by the window or an earlier call): no doubled lines
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only profile must not keep the program from starting
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def current_log_file() -> Path | None:
    """The log file this process writes to (the latest set up), or None."""
    for handler in reversed(logging.getLogger().handlers):
        name = getattr(handler, "baseFilename", None)
        if name and Path(name).name == LOG_NAME:
            return Path(name)
    return None
