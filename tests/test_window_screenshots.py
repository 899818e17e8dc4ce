"""PNGs of every main view and every editor, in Spanish, English and at 150 % scaling, under
tests/_artifacts/window/ (ignored by git): look at them after a layout change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from window_render import VIEW_KEYS, render_all
from window_support import idle

HERE = Path(__file__).resolve().parent

pytest_plugins = ["window_fixtures"]  # the window fixtures


def _not_blank(path: Path) -> bool:
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    return image.width() > 200 and len(colours) > 3


def test_screenshots_of_views_and_editors(qtbot, window, artifacts):
    window.resize(1280, 800)
    files = render_all(window, artifacts / "window")
    assert len(files) == len(VIEW_KEYS) + 16
    assert [f.name for f in files if not _not_blank(f)] == []
    window.set_language("en")
    idle(qtbot, window)
    english = render_all(window, artifacts / "window", "en_")
    assert [f.name for f in english if not _not_blank(f)] == []


def test_screenshots_at_150_percent_scaling(sample_db_path, artifacts):
    out = artifacts / "window"
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(HERE / "window_render.py"), str(sample_db_path), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "error:" not in result.stdout
    files = [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    assert len(files) == len(VIEW_KEYS) + 16
    first = QImage(str(files[0]))
    assert first.width() >= 1280 * 1.5 - 2  # really scaled
