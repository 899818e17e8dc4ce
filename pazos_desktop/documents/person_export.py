"""One person's data written for them (PDF) or for the entity's file (JSON): the right to know,
art. 8 a), Ley 1581. What it holds is gathered by `services/personal_data/export.py`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from pazos_desktop.documents.header import document_info
from pazos_desktop.errors import PazosError
from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import N_, _, translate
from pazos_desktop.services.personal_data.export import as_json, gather_person
from pazos_desktop.writers.personal_data_pdf import write_person_pdf


def export_person(
    session: Session,
    contact_id: int,
    out: str | Path,
    lang: str = "es",
    page_size: str | None = None,
) -> Path:
    """Write `out` as JSON (.json) or PDF (.pdf) and return its full path."""
    target = Path(out).expanduser()
    suffix = target.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise PazosError(
            _("El archivo debe terminar en .pdf (para la persona) o .json (para el registro).")
        )
    record = gather_person(session, contact_id, lang)
    if suffix == ".json":
        text = as_json(record)
        atomic_write(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    else:
        info = document_info(
            session,
            translate(N_("Datos personales de {name}"), lang).format(name=record.contact["name"]),
            lang,
            page_size,
        )
        atomic_write(target, lambda tmp: write_person_pdf(tmp, record, info))
    return target.resolve()
