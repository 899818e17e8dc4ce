"""Real names fit the screen: a 1366×768 laptop at 125 % and 150 %, and a 1280×720 one at
100 %, with the real names' data (tests/real_names.py: every text at its longest, the
149-character partner, 60 attendees). Every dialog of ui/editors.py fits the screen (frame
included); at 125 % and 100 % no editor needs a horizontal scroll bar, a record's editor with
an error under every field grows to the screen before it scrolls, and Tab reaches every field
of the commitment and meeting editors in sight; the window opens maximized, every view keeps
it on the screen, the key columns stay readable, the chart labels every bar and the Informes
preview cuts no text. Each screen runs in its own process (tests/window_fit.py); PNGs under
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

SCREENS = {  # name: (scale, screen size), each a process of its own
    "125": (1.25, (1366, 768)),
    "150": (1.5, (1366, 768)),
    "1280x720": (1.0, (1280, 720)),
}


def _run(scale: float, size, db: Path, ids: dict, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    env = laptop_env(dict(os.environ), scale, out, size)
    result = subprocess.run(
        [sys.executable, str(HERE / "window_fit.py"), str(db), str(out), json.dumps(ids)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", list(SCREENS))
def test_real_names_fit_the_screen_and_columns_stay_readable(
    real_names_db_path, real_names_ids, artifacts, screen
):
    from ui.editors import EDITORS

    scale, size = SCREENS[screen]
    found = _run(scale, size, real_names_db_path, real_names_ids, artifacts / "window_fit" / screen)
    assert found["errors"] == []
    assert found["screen"] == [round(size[0] / scale), round((size[1] - 48) / scale)]
    assert found["maximized"]  # a small screen: the window takes all of it
    assert set(found["editors"]) == {e.key for e in EDITORS}
    assert {k: v for k, v in found["editors"].items() if not v["fits"]} == {}
    if scale < 1.5:  # at 150 % the three columns of an indicator sheet scroll
        assert {k: v["hscroll"] for k, v in found["editors"].items() if v["hscroll"]} == {}
        room = found["screen"][1]
        cramped = {
            k: v for k, v in found["grown"].items() if v["scrolls"] and v["height"] < room - 60
        }
        assert cramped == {}  # an editor with errors grows to the screen before it scrolls
    assert found["walk"] == {"commitment": [], "meeting": [], "agreed_commitment": []}
    screen_size = found["screen"]
    too_big = {
        k: v for k, v in found["views"].items() if v[0] > screen_size[0] or v[1] > screen_size[1]
    }
    assert too_big == {}  # no view pushes the maximized window past the screen
    wide = found["columns"]
    assert wide["title"] >= (240 if scale == 1.25 else 170)
    assert wide["title"] >= 0.24 * wide["table"]
    assert wide["due"] >= wide["due_needs"] and wide["status"] >= wide["status_needs"]
    for name, width, longest_word in wide["matrix"]:
        assert width >= longest_word + 6, name  # no "nterrupción"
        assert width >= wide["matrix_cell_needs"], name  # no "10 · …"
    assert len(wide["chart"]["categories"]) == 12 and wide["chart"]["hidden"] == []
    assert found["informes"]["rows"] and found["informes"]["cut"] == []  # no "licac"
