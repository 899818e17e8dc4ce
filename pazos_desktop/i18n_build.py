"""Compiling the translation catalog (.po → .mo) into a file: at build time (pyinstaller.spec)
and with `tools/i18n.py compile`.

The bundle ships only the .mo, so Babel is never imported by the frozen program; from source,
`i18n.catalog` compiles a missing or stale catalog in memory instead.
"""

from __future__ import annotations

from pathlib import Path

from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import compile_in_memory


def compile_po(po: Path, mo: Path) -> Path:
    """Write `mo` from `po` (fuzzy entries left out), atomically."""
    data = compile_in_memory(po)
    mo.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(mo, lambda temp: temp.write_bytes(data))
    return mo
