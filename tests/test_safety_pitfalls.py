"""PITFALLS.md entries about Alembic in a frozen, windowed program, reproduced as tests."""

from __future__ import annotations

import logging
import shutil
import sys

from pazos_desktop import paths
from pazos_desktop.db.database import current_revision, head_revision
from pazos_desktop.safety.opening import open_database
from pazos_desktop.selfcheck.runner import run_self_check


def test_migrating_leaves_the_programs_loggers_enabled(fresh_target):
    ours = logging.getLogger("pazos_desktop.safety.backup")
    open_database(fresh_target).dispose()
    assert not ours.disabled  # env.py must not call logging.config.fileConfig


def test_windowed_program_without_stdout_migrates_and_self_checks(fresh_target, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # what a windowed frozen program gets
    db = open_database(fresh_target)
    assert current_revision(db.engine) == head_revision()
    db.dispose()
    lines = []
    results = run_self_check(lines.append)
    assert all(r.ok for r in results), lines


def test_frozen_program_finds_migrations_in_its_own_folder(tmp_path, fresh_target, monkeypatch):
    bundle = tmp_path / "PAZOS" / "_internal"
    shutil.copytree(paths.project_root() / "migrations", bundle / "migrations")
    shutil.copytree(paths.project_root() / "resources", bundle / "resources")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.migrations_dir() == bundle / "migrations"
    db = open_database(fresh_target)
    assert current_revision(db.engine) == head_revision()
    db.dispose()
