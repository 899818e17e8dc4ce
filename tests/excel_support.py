"""Shared helpers of the Excel tests: a sample database built once, readers of xlsx files."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from pazos_desktop.db.database import Database
from pazos_desktop.db.models.register import Commitment, HistoryEntry, ProgressUpdate
from tests.conftest import copy_database, database_on, sample_template_for

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def sample_template(migrated_template, tmp_path_factory) -> Path:
    return sample_template_for(TODAY, migrated_template, tmp_path_factory)


@pytest.fixture
def sample_db(sample_template, tmp_path) -> Database:
    database = database_on(copy_database(sample_template, tmp_path / "s.sqlite"), TODAY)
    yield database
    database.dispose()


def formula_count(path: Path) -> int:
    """Cells holding a formula (`<f>` elements) in every worksheet of the file."""
    with zipfile.ZipFile(path) as zf:
        return sum(
            zf.read(n).count(b"<f>") + zf.read(n).count(b"<f ")
            for n in zf.namelist()
            if n.startswith("xl/worksheets/")
        )


def calamine_rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def db_state(db: Database) -> tuple:
    """Counts that any import would change."""
    with db.session(read_only=True) as s:
        return (
            s.scalar(select(func.count()).select_from(Commitment)),
            s.scalar(select(func.count()).select_from(ProgressUpdate)),
            s.scalar(select(func.count()).select_from(HistoryEntry)),
            s.scalar(select(func.sum(Commitment.version))),
        )


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(path: Path, out_dir: Path, fmt: str = "xlsx") -> Path:
    """Re-save `path` with LibreOffice headless (as a partner using LibreOffice would)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo_profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out_dir / f"{path.stem}.{fmt}"
