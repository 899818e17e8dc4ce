"""Self-check step of the personal-data feature: a person's export written and read back, and
Colombia's holidays found (the frozen program must carry the holidays library's data)."""

from __future__ import annotations

import datetime as dt
import json

from pazos_desktop.business_days import is_holiday
from pazos_desktop.documents.person_export import export_person
from pazos_desktop.i18n import N_, _, ngettext
from pazos_desktop.selfcheck.documents import _pdf_text
from pazos_desktop.selfcheck.runner import DOCUMENT, checks
from pazos_desktop.services.partners import list_contacts
from pazos_desktop.services.personal_data.requests import due_date


@checks(DOCUMENT, N_("datos de una persona (PDF y JSON)"))
def check_personal_data_export(ctx) -> str:
    if not is_holiday(dt.date(ctx.today.year, 12, 25)) or is_holiday(dt.date(2026, 7, 9)):
        raise RuntimeError(_("el calendario de festivos de Colombia no está disponible"))
    due_date("query", ctx.today)
    with ctx.database().session() as session:
        contact = list_contacts(session)[0]
        pdf = export_person(session, contact.id, ctx.workdir / "persona.pdf", "es")
        record = export_person(session, contact.id, ctx.workdir / "persona.json", "es")
    pages, text = _pdf_text(pdf)
    loaded = json.loads(record.read_text(encoding="utf-8"))
    if "DATOS PERSONALES" not in text or loaded["contact"]["id"] != contact.id:
        raise RuntimeError(_("los datos de la persona no se leyeron completos"))
    return ngettext(
        "datos de una persona escritos y leídos: PDF de {n} página y JSON",
        "datos de una persona escritos y leídos: PDF de {n} páginas y JSON",
        pages,
    ).format(n=pages)
