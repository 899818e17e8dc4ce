"""PNGs of every main view and every dialog of ui/editors.py, in Spanish, English and on a
1366×768 laptop at 125 % and 150 % display scaling, under tests/_artifacts/window/ (ignored by
git): look at them after a layout change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from window_fit import laptop_env
from window_render import editor_keys, render_all, view_keys
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
    assert len(files) == len(view_keys()) + len(editor_keys())
    assert [f.name for f in files if not _not_blank(f)] == []
    window.set_language("en")
    idle(qtbot, window)
    english = render_all(window, artifacts / "window", "en_")
    assert [f.name for f in english if not _not_blank(f)] == []


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_screenshots_on_a_laptop_with_scaling(sample_db_path, artifacts, scale):
    # A folder per scale: the program's files (prefs.ini, the screen's config, the partner
    # sheet the import preview reads) must not be shared with a run on another xdist worker.
    out = artifacts / "window" / f"laptop{int(scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    env = laptop_env(dict(os.environ), scale, out)
    prefix = f"laptop{int(scale * 100)}_"
    result = subprocess.run(
        [sys.executable, str(HERE / "window_render.py"), str(sample_db_path), str(out), prefix],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "error:" not in result.stdout
    files = [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    assert len(files) == len(view_keys()) + len(editor_keys())
    first = QImage(str(files[0]))
    assert abs(first.width() - 1366) <= 2  # maximized on the laptop, really scaled
