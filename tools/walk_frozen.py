"""Walk the frozen program under a real X server (Xvfb), as a user on Linux would meet it.

    uv run python tools/walk_frozen.py [dist/PAZOS/PAZOS] [--display :N] [--seconds 8]

In a scratch home (HOME and the XDG folders point into a temporary folder, so nothing of the
user's is read or written): `PAZOS --db sample demo` makes a sample database, `PAZOS --db
sample` starts the window on it with Qt's xcb plugin and must still be running, its main
window on the X server, after `--seconds`; then `PAZOS self-check` under xcb starts the window
once more on its own sample database and shows every view of the navigation and every
editor. Every log line of the three runs is read back: any ERROR (or a traceback) fails the
walk. Without `--display` a private Xvfb is started (`Xvfb -displayfd`, any free display)
and stopped at the end. Exit 0 when all is well.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROGRAM = ROOT / "dist" / "PAZOS" / ("PAZOS.exe" if os.name == "nt" else "PAZOS")
WINDOW_TITLE = "PAZOS Coordinación"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private X server on a free display; returns it and its ":N"."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def scratch_env(home: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAZOS_", "XDG_"))}
    env |= {"HOME": str(home), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def run(program: Path, args: list[str], env: dict, timeout: float = 300) -> tuple[int, str]:
    result = subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    return result.returncode, result.stdout + result.stderr


def window_run(program: Path, db: Path, env: dict, seconds: float) -> list[str]:
    """Start the window on `db`; problems found (empty when it ran and showed its window)."""
    proc = subprocess.Popen(
        [str(program), "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(seconds)
    problems = []
    if proc.poll() is not None:
        problems.append(
            f"the window ended by itself (exit {proc.returncode}): {proc.stdout.read()}"
        )
    elif not window_on_screen(env):
        problems.append(f"no window titled {WINDOW_TITLE!r} on {env['DISPLAY']}")
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=30)
    return problems


def window_on_screen(env: dict) -> bool:
    if shutil.which("xwininfo") is None:
        return True  # cannot look: the process being alive is the check
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, timeout=30
    ).stdout
    return WINDOW_TITLE in tree


def log_errors(home: Path) -> list[str]:
    lines = []
    for log in sorted(home.rglob("pazos.log*")):
        text = log.read_text(encoding="utf-8", errors="replace")
        lines += [
            line for line in text.splitlines() if re.search(r" (ERROR|CRITICAL) |Traceback", line)
        ]
    return lines


def walk(program: Path, display: str, seconds: float) -> int:
    from ui.views import VIEWS

    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pazos-walk-") as folder:
        home = Path(folder)
        env = scratch_env(home, display)
        db = home / "muestra.sqlite"
        code, out = run(program, ["--db", str(db), "demo"], env)
        print(f"demo: exit {code}; {out.strip().splitlines()[-1] if out.strip() else ''}")
        if code != 0:
            failures.append(f"demo failed: {out}")
        problems = window_run(program, db, env, seconds)
        print(f"window on the sample database for {seconds:.0f} s: {'; '.join(problems) or 'ok'}")
        failures += problems
        report = home / "self-check.txt"
        code, out = run(program, ["self-check", "--report", str(report)], env)
        text = report.read_text(encoding="utf-8") if report.exists() else out
        print(text.rstrip())
        views = f"({len(VIEWS)}/{len(VIEWS)})"
        if code != 0 or views not in text:
            failures.append(f"self-check under xcb: exit {code}, views {views} not all checked")
        errors = log_errors(home)
        print(f"log: {len(errors)} error line(s)")
        failures += errors
    for failure in failures:
        print("FAILED:", failure)
    print("walk:", "FAILED" if failures else "ok")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?", type=Path, default=DEFAULT_PROGRAM)
    parser.add_argument("--display", help="an X server to use instead of a private Xvfb")
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    server = None
    display = args.display
    if display is None:
        server, display = start_xvfb()
    try:
        return walk(args.program.resolve(), display, args.seconds)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
