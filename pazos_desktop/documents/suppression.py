"""Suppressing one person (supresión, art. 8 e) and 15, Ley 1581): everywhere in the register,
and in approved actas, whose stored PDF is drawn again from their scrubbed content.

What is changed is planned and applied by `services/personal_data/suppression.py`; this module
adds the PDF drawing (`documents/actas.py`), and applies past suppressions again to a backup
about to be restored, so an older copy never brings a suppressed person back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.db.database import Database
from pazos_desktop.db.models.register import Contact
from pazos_desktop.documents.actas import redraw
from pazos_desktop.services.personal_data.purge import purge_freed_pages, suppressed_in
from pazos_desktop.services.personal_data.suppression import (
    SuppressionResult,
    apply_suppression,
    suppressed_ids,
)

log = logging.getLogger(__name__)


def suppress_contact(
    session: Session, contact_id: int, request_id: int | None = None
) -> SuppressionResult:
    """Suppress one person in the session's transaction (the caller backs up and commits first)."""
    return apply_suppression(session, contact_id, request_id, redraw)


def reapply_suppressions(staging: Path, current: Path) -> list[int]:
    """Suppress again, in a backup about to be restored, everyone suppressed in the current
    database: restoring an older copy must not bring a suppressed person back."""
    wanted = suppressed_in(current)
    if not wanted:
        return []
    db = Database(str(staging))
    done: list[int] = []
    try:
        with db.session(reason="restore") as session:
            already = suppressed_ids(session)
            for contact_id, created in sorted(wanted.items()):
                contact = session.get(Contact, contact_id)
                if contact is None or contact_id in already or contact.created_at != created:
                    continue
                suppress_contact(session, contact_id)
                done.append(contact_id)
        if done:
            purge_freed_pages(db.engine)
    finally:
        db.dispose()
    log.info("suppressions re-applied to the restored copy: %s", done)
    return done
