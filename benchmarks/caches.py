"""What a benchmark run must not inherit from the run before it."""

from __future__ import annotations


def forget_texts() -> None:
    """Each run writes texts the process has not seen, as a new document does: the caches of
    whole texts (cleaned, wrapped) are emptied; word widths stay known, as in a program that
    has written documents before."""
    from pazos_desktop.writers.pdf import tables, text

    for cached in (tables._wrap_short, text._clean_short, text._printable_short, text._needs_short):
        cached.cache_clear()
