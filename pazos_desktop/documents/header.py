"""The house header of a generated PDF (organisation, logo, quality-system block, page size),
read from the database's document settings on the day of the action."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pazos_desktop.clock import today_in
from pazos_desktop.services.settings import all_settings
from pazos_desktop.writers.pdf.document import DocumentInfo, info_from_settings


def document_info(session: Session, title: str, lang: str, page_size: str | None) -> DocumentInfo:
    info = info_from_settings(all_settings(session), title, lang, today_in(session))
    if page_size:
        info.page_size = page_size
    return info
