"""folded keys without invisible format characters

Revision ID: 0009_invisible_characters
Revises: 0007_acronym_key
Create Date: 2026-12-10 10:00:00

The program now removes format characters (Unicode category Cf: zero-width space and
joiners, soft hyphen, BOM, bidirectional marks, word joiner) from every text it is given and
leaves them out of the folded keys that make names unique and searchable. Rows stored before
may hold them: their keys are computed again here (only rows whose text holds one change).
Two names that now fold alike ("José Núñez Fundación" and the same with a zero-width joiner)
cannot keep the same unique key: the row created first keeps its name; each later one gets its
id appended ("… (14)") and a history row (actor "migración", with the reason) says so, as
revision 0007 does for acronyms. No table is altered: data only, so nothing assumes tables
other revisions add. The downgrade computes the keys as before.
"""

from __future__ import annotations

import itertools
import unicodedata

import sqlalchemy as sa
from alembic import op

from pazos_desktop.clock import utcnow

revision = "0009_invisible_characters"
down_revision = "0007_acronym_key"
branch_labels = None
depends_on = None

REASON = (
    "Nombre igual al de otro registro más antiguo salvo por caracteres invisibles (p. ej. "
    "un espacio de ancho cero pegado desde una página web): se le añadió su número. "
    "Corríjalo o archive el repetido."
)
# table, unique key column, the text it folds, the text's maximum length
UNIQUE_KEYS = (
    ("partner", "name_key", "name", 300),
    ("partner", "acronym_key", "acronym", 50),
    ("cluster", "name_key", "name", 200),
    ("neighbourhood", "name_key", "name", 200),
    ("program", "name_key", "name", 300),
    ("data_purpose", "name_key", "name", 300),
    ("indicator", "code_key", "code", 30),
)
SEARCH_SOURCES = ("title", "description", "notes")


def _fold_as_0007(text: str | None) -> str:
    """`fold` as it was before this revision (frozen here): format characters kept."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def _visible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fold(text: str | None) -> str:
    """`pazos_desktop.domain.text.fold` as this revision wrote it (frozen here)."""
    return _fold_as_0007(_visible(text)) if text else ""


def _invisible(text: str | None) -> bool:
    return bool(text) and any(unicodedata.category(ch) == "Cf" for ch in text)


def _history():
    return sa.table(
        "history_entry",
        *(sa.column(c) for c in ("at", "actor", "entity", "entity_id", "action", "field")),
        *(sa.column(c) for c in ("old_value", "new_value", "reason")),
    )


def _renamed(text: str, row_id: int, taken: set[str], max_len: int) -> str:
    """`text` with its id appended ("… (14)", else "… (14-1)" …), folding unlike any taken."""
    suffixes = (f" ({row_id})" if n == 0 else f" ({row_id}-{n})" for n in itertools.count())
    candidates = (text[: max_len - len(suffix)].rstrip() + suffix for suffix in suffixes)
    return next(c for c in candidates if fold(c) not in taken)


def _refold_unique(bind, name: str, key: str, source: str, max_len: int) -> None:
    table = sa.table(name, sa.column("id"), sa.column(key), sa.column(source))
    rows = bind.execute(sa.select(table.c.id, table.c[source], table.c[key])).all()
    if not any(_invisible(text) for _id, text, _stored in rows):
        return
    projected = {fold(text) for _id, text, _stored in rows}
    taken: set[str] = set()
    changes = []  # (id, new text or None, new key)
    for row_id, text, stored in sorted(rows, key=lambda r: r[0]):  # the oldest keeps its name
        new_key = fold(text) if _invisible(text) else stored
        if new_key and new_key in taken:
            new_text = _renamed(text, row_id, taken | projected, max_len)
            _note(bind, name, row_id, source, text, new_text)
            new_key = fold(new_text)
            changes.append((row_id, new_text, new_key))
        elif new_key != stored:
            changes.append((row_id, None, new_key))
        taken.add(new_key)
    # Two steps: a row's new key may be another changed row's old one (unique index).
    for row_id, _text, _key in changes:
        bind.execute(table.update().where(table.c.id == row_id).values({key: f"#0009-{row_id}"}))
    for row_id, new_text, new_key in changes:
        values = {key: new_key or None} | ({source: new_text} if new_text else {})
        bind.execute(table.update().where(table.c.id == row_id).values(values))


def _note(bind, entity: str, row_id: int, field: str, old: str, new: str) -> None:
    values = dict(at=utcnow(), actor="migración", entity=entity, entity_id=row_id)
    values |= dict(action="update", field=field, old_value=old, new_value=new, reason=REASON)
    bind.execute(_history().insert().values(**values))


def _refold_search(bind, fold_fn) -> None:
    table = sa.table("commitment", sa.column("id"), sa.column("search_key"))
    table.append_column(sa.column("title"))
    table.append_column(sa.column("description"))
    table.append_column(sa.column("notes"))
    query = sa.select(table.c.id, *(table.c[c] for c in SEARCH_SOURCES))
    for row_id, *texts in bind.execute(query).all():
        if any(_invisible(t) for t in texts):
            key = fold_fn(" ".join(filter(None, texts)))
            bind.execute(table.update().where(table.c.id == row_id).values(search_key=key))


def upgrade() -> None:
    bind = op.get_bind()
    for name, key, source, max_len in UNIQUE_KEYS:
        _refold_unique(bind, name, key, source, max_len)
    _refold_search(bind, fold)


def downgrade() -> None:
    """The keys as the earlier program computes them; names renamed above keep their number
    (they are unique either way)."""
    bind = op.get_bind()
    for name, key, source, _max_len in UNIQUE_KEYS:
        table = sa.table(name, sa.column("id"), sa.column(key), sa.column(source))
        for row_id, text in bind.execute(sa.select(table.c.id, table.c[source])).all():
            if _invisible(text):
                old_key = _fold_as_0007(text) or None
                bind.execute(table.update().where(table.c.id == row_id).values({key: old_key}))
    _refold_search(bind, _fold_as_0007)
