"""Drafts kept while someone types, offered back after a crash (the acta editor's).

A draft is whatever the form holds, unvalidated (a half-typed time included), as JSON in the
user's data folder: `<data>/drafts/<database>/<key>.json`, written with the one atomic write
so a crash mid-write leaves the previous draft whole. Per user and per database, never in
the database itself: it is personal and unfinished, it must not reach other users of a shared
database, bump the records' versions or write history every few seconds.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pazos_desktop.files import atomic_write, make_folder


def folder_for(data_folder: Path, database: str) -> Path:
    """Drafts of one database (its description: a file path or a server URL)."""
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return Path(data_folder) / "drafts" / digest


class Drafts:
    """The drafts of one database."""

    def __init__(self, data_folder: Path, database: str):
        self.folder = folder_for(data_folder, database)

    def path(self, key: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key)
        return self.folder / f"{safe}.json"

    def save(self, key: str, content: dict) -> Path:
        make_folder(self.folder)
        text = json.dumps(content, ensure_ascii=False, indent=1, default=str)
        atomic_write(self.path(key), lambda tmp: tmp.write_text(text, encoding="utf-8"))
        return self.path(key)

    def load(self, key: str) -> dict | None:
        """The draft, or None (none kept, or unreadable: a draft is never worth an error)."""
        try:
            value = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def discard(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)
