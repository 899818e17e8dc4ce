"""A git merge driver for the translation catalog: merges .po files entry by entry.

Two branches that each add strings touch the same sorted file; a line merge can splice one
entry's text into another's. This driver reads the three versions with Babel and keeps every
entry of both sides (for an entry both changed, the side that differs from the base), then
writes the catalog the way tools/i18n.py does. Set it up once per clone:

    git config merge.pocatalog.driver ".venv/bin/python tools/po_merge.py %O %A %B"

(.gitattributes names it for *.po; without it git falls back to its usual line merge).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))


def _read(path: str):
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh)


def merge(base_path: str, ours_path: str, theirs_path: str) -> None:
    from babel.messages.pofile import write_po

    base, ours, theirs = _read(base_path), _read(ours_path), _read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id)
        if mine is None:
            ours[message.id] = message
        elif mine.string != message.string:
            before = base.get(message.id)
            if before is not None and before.string == mine.string:
                ours[message.id] = message  # only their side changed it
    with open(ours_path, "wb") as fh:
        write_po(fh, ours, no_location=True, sort_output=True, ignore_obsolete=True, width=100)


if __name__ == "__main__":
    merge(*sys.argv[1:4])
