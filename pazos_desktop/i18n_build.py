"""Compiling the translation catalog (.po → .mo) with Babel: at build time, and from source.

The bundle compiles at build time (pyinstaller.spec) and ships only the .mo, so Babel is
never imported by the frozen program. From source the .mo is made on first use beside the
.po, or in the temporary folder when the program's folder cannot be written.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def compile_po(po: Path, mo: Path) -> Path:
    """Write `mo` from `po`; fuzzy (unreviewed) entries are left out, as msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from .files import atomic_write

    with po.open("rb") as fh:
        catalog = read_po(fh)

    def write(temp: Path) -> None:
        with temp.open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)

    mo.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(mo, write)
    return mo


def compile_for_run(po: Path, mo: Path) -> Path | None:
    """The .mo for `po`, compiled now; None when neither place can be written."""
    fallback = Path(tempfile.gettempdir()) / f"pazos-{po.parent.parent.name}-{mo.name}"
    for target in (mo, fallback):
        if target.is_file() and target.stat().st_mtime >= po.stat().st_mtime:
            return target
        try:
            return compile_po(po, target)
        except Exception as exc:  # a read-only program folder: try the next place
            log.warning("could not compile %s into %s: %s", po, target, exc)
    return None
