"""The log file records backups and failed daily backups, with tracebacks."""

from __future__ import annotations

import logging

from pazos_desktop.db.database import Database
from pazos_desktop.logs import setup_logging
from pazos_desktop.safety import backup, startup
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)


def test_backups_and_failures_are_logged(sample_db, tmp_path, monkeypatch):
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    log_file = setup_logging(tmp_path / "logs")
    try:
        db = Database(str(sample_db))  # a file or, with PAZOS_TEST_DB, a server database
        written = backup.before(db, "import")
        db.dispose()

        def broken(db, now=None):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backup, "daily", broken)
        startup.prepare_database(str(sample_db)).dispose()  # still opens
    finally:
        for handler in root.handlers[len(handlers) :]:
            handler.close()
            root.removeHandler(handler)
        root.setLevel(level)
    text = log_file.read_text(encoding="utf-8")
    assert f"backup written: {written}" in text
    assert "daily backup failed" in text and "No space left on device" in text
