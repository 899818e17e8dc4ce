"""A 1366×768 laptop at 125 % and 150 %: every dialog of ui/editors.py fits the screen (frame
included), the window opens maximized, every view keeps it on the screen, and the key columns
stay readable. Each scale runs in its own process (tests/window_fit.py); PNGs under
tests/_artifacts/window_fit/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from window_fit import laptop_env

pytest_plugins = ["window_fixtures"]
HERE = Path(__file__).resolve().parent


def _run(scale: float, db: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    env = laptop_env(dict(os.environ), scale, out)
    result = subprocess.run(
        [sys.executable, str(HERE / "window_fit.py"), str(db), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_every_dialog_fits_a_laptop_and_columns_stay_readable(sample_db_path, artifacts, scale):
    from ui.editors import EDITORS

    found = _run(scale, sample_db_path, artifacts / "window_fit" / f"{int(scale * 100)}")
    assert found["errors"] == []
    assert found["screen"] == [round(1366 / scale), round(720 / scale)]
    assert found["maximized"]  # a small screen: the window takes all of it
    assert set(found["editors"]) == {e.key for e in EDITORS}
    assert {k: v for k, v in found["editors"].items() if not v["fits"]} == {}
    screen = found["screen"]
    too_big = {k: v for k, v in found["views"].items() if v[0] > screen[0] or v[1] > screen[1]}
    assert too_big == {}  # no view pushes the maximized window past the screen
    wide = found["columns"]
    assert wide["title"] >= (240 if scale == 1.25 else 170)
    assert wide["title"] >= 0.24 * wide["table"]
    assert wide["due"] >= wide["due_needs"] and wide["status"] >= wide["status_needs"]
    for name, width, longest_word in wide["matrix"]:
        assert width >= longest_word + 6, name  # no "nterrupción"
        assert width >= wide["matrix_cell_needs"], name  # no "10 · …"
