"""partner acronyms unique regardless of case and accents

Revision ID: 0007_acronym_key
Revises: 0006_acta_series_snapshot
Create Date: 2026-12-01 10:00:00

Adds `partner.acronym_key` (the folded acronym: "Sídoc" -> "sidoc") with a unique index, the
way `name_key` makes names unique. Existing databases may already hold acronyms that fold
alike ("SIDOC" and "sidoc"): the partner created first (lowest id) keeps its acronym; each
later one gets its id appended ("sidoc (14)"), so no acronym is lost and every key is unique,
and a history row (actor "migración", with the reason) records the change for the
coordinators to correct. A plain ADD COLUMN and CREATE INDEX: no copy of the partner table.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

from pazos_desktop.clock import utcnow

revision = "0007_acronym_key"
down_revision = "0006_acta_series_snapshot"
branch_labels = None
depends_on = None

MAX_LEN = 50
REASON = (
    "Sigla repetida (sin distinguir mayúsculas ni tildes) con la de otra entidad más antigua: "
    "se le añadió el número de la entidad. Corríjala si hace falta."
)


def fold(text: str | None) -> str:
    """As `pazos_desktop.domain.fold` was when this revision was written (frozen here)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _renamed(acronym: str, partner_id: int, taken: set[str]) -> str:
    n = 0
    while True:
        suffix = f" ({partner_id})" if n == 0 else f" ({partner_id}-{n})"
        candidate = acronym[: MAX_LEN - len(suffix)].rstrip() + suffix
        if fold(candidate) not in taken:
            return candidate
        n += 1


def upgrade() -> None:
    op.add_column("partner", sa.Column("acronym_key", sa.String(length=50), nullable=True))
    bind = op.get_bind()
    partner = sa.table("partner", sa.column("id"), sa.column("acronym"), sa.column("acronym_key"))
    history = sa.table(
        "history_entry",
        *(sa.column(c) for c in ("at", "actor", "entity", "entity_id", "action", "field")),
        *(sa.column(c) for c in ("old_value", "new_value", "reason")),
    )
    rows = bind.execute(
        sa.select(partner.c.id, partner.c.acronym)
        .where(partner.c.acronym.is_not(None))
        .order_by(partner.c.id)
    ).all()
    taken = {fold(a) for _i, a in rows if fold(a)}
    seen: set[str] = set()
    for partner_id, acronym in rows:
        key = fold(acronym)
        if not key:
            continue
        if key in seen:
            new = _renamed(acronym, partner_id, taken | seen)
            bind.execute(partner.update().where(partner.c.id == partner_id).values(acronym=new))
            bind.execute(
                history.insert().values(
                    at=utcnow(),
                    actor="migración",
                    entity="partner",
                    entity_id=partner_id,
                    action="update",
                    field="acronym",
                    old_value=acronym,
                    new_value=new,
                    reason=REASON,
                )
            )
            key = fold(new)
        seen.add(key)
        bind.execute(partner.update().where(partner.c.id == partner_id).values(acronym_key=key))
    op.create_index(op.f("ix_partner_acronym_key"), "partner", ["acronym_key"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_partner_acronym_key"), table_name="partner")
    with op.batch_alter_table("partner") as batch_op:
        batch_op.drop_column("acronym_key")
