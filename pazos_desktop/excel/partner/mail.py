"""An e-mail draft (.eml) per partner: the commitment sheet attached, what is overdue and due
soon in the body, the return date and where to send the sheet back. No mail server involved.

Outlook opens a .eml marked `X-Unsent: 1` as a draft ready to send; Thunderbird opens it as a
message ("Edit as New…" to send it). Written with Python's `email` package (RFC 5322 and 2231:
accented names and subjects are encoded as mail clients expect).
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.text import is_valid_email
from pazos_desktop.domain.vocabulary import DUE_SOON_DAYS, OVERDUE
from pazos_desktop.excel.data import PartnerSheetData, Purpose
from pazos_desktop.files import FileBatch
from pazos_desktop.i18n import N_, translate

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
LIST_LIMIT = 60  # lines of each list in the body; the sheet has them all


def _t(data: PartnerSheetData, text: str) -> str:
    return translate(text, data.context.lang)


def recipients(data: PartnerSheetData) -> list[str]:
    """The partner's main contact, then the partner's own address (valid ones, once each)."""
    found: list[str] = []
    contact = data.contact
    for name, address in (
        (contact.name if contact else "", contact.email if contact else ""),
        (data.partner.name, data.partner.email),
    ):
        address = (address or "").strip()
        if address and is_valid_email(address) and address.lower() not in map(str.lower, found):
            found.append(formataddr((name, address)))
    return found


def overdue_and_due_soon(data: PartnerSheetData):
    today = data.context.today
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    overdue = [r for r in data.commitments if r.effective_status == OVERDUE]
    due_soon = [
        r
        for r in data.commitments
        if r.effective_status in ("pipeline", "in_progress")
        and r.due_date is not None
        and today <= r.due_date <= soon
    ]
    return overdue, due_soon


def _lines(data: PartnerSheetData, rows) -> list[str]:
    if not rows:
        return ["  " + _t(data, N_("Ninguno."))]
    out = [
        f"  - [{r.id}] {r.title} — {_t(data, N_('vence'))} {format_date(r.due_date)}"
        for r in rows[:LIST_LIMIT]
    ]
    if len(rows) > LIST_LIMIT:
        more = _t(data, N_("  … y {n} más (véalos en la hoja adjunta)."))
        out.append(more.format(n=len(rows) - LIST_LIMIT))
    return out


# The first paragraph of the e-mail, by why the sheet goes out (`excel.data.Purpose`).
OPENINGS = {
    Purpose.REQUEST: N_(
        "Le enviamos la hoja de compromisos de {partner} en la estrategia PAZOS "
        "({file}). Por favor registre en las celdas amarillas los avances del {start} "
        "al {end} y devuélvala a {send_to} a más tardar el {date}."
    ),
    Purpose.REMINDER: N_(
        "Le recordamos que aún no recibimos el reporte de {partner} del periodo {code}. "
        "Le enviamos de nuevo su hoja de compromisos ({file}): por favor registre en las "
        "celdas amarillas los avances del {start} al {end} y devuélvala a {send_to} a más "
        "tardar el {date}."
    ),
    Purpose.RETURNED: N_(
        "Revisamos el reporte de {partner} del periodo {code} y se lo devolvemos con "
        "observaciones. En la hoja adjunta ({file}), la columna «Observaciones de la "
        "coordinación» dice qué revisar en cada compromiso. Por favor corrija las celdas "
        "amarillas y devuélvala a {send_to} a más tardar el {date}."
    ),
}
SUBJECTS = {
    Purpose.REQUEST: N_("Compromisos PAZOS de {partner}: reporte de avances hasta el {date}"),
    Purpose.REMINDER: N_("Recordatorio — compromisos PAZOS de {partner}: reporte de {code}"),
    Purpose.RETURNED: N_("Reporte devuelto con observaciones — {partner}, periodo {code}"),
}


def _opening(data: PartnerSheetData, attachment: str, send_to: str) -> list[str]:
    period = data.period
    reporting = period.reporting if period else None
    text = _t(data, OPENINGS.get(data.purpose, OPENINGS[Purpose.REQUEST])).format(
        partner=data.partner.name,
        file=attachment,
        code=reporting.code if reporting else "",
        start=format_date(period.date_from) if period else "",
        end=format_date(period.date_to) if period else "",
        send_to=send_to,
        date=format_date(period.return_by) if period else "",
    )
    lines = [text]
    if data.purpose == Purpose.RETURNED and data.remark:
        lines += ["", _t(data, N_("Observaciones de la coordinación:")), data.remark]
    return lines


def body(data: PartnerSheetData, attachment: str) -> str:
    overdue, due_soon = overdue_and_due_soon(data)
    period = data.period
    send_to = period.send_to if period and period.send_to else _t(data, N_("la coordinación"))
    name = data.contact.name if data.contact else data.partner.name
    lines = [
        _t(data, N_("Buenos días, {name}:")).format(name=name),
        "",
        *_opening(data, attachment, send_to),
        "",
        _t(data, N_("Compromisos vencidos ({n}):")).format(n=len(overdue)),
        *_lines(data, overdue),
        "",
        _t(data, N_("Compromisos que vencen en los próximos {days} días ({n}):")).format(
            days=DUE_SOON_DAYS, n=len(due_soon)
        ),
        *_lines(data, due_soon),
        "",
        _t(data, N_("Gracias por su reporte.")),
        "",
        data.context.org_name,
    ]
    return "\n".join(lines) + "\n"


def email_draft(data: PartnerSheetData, sheet_name: str, sheet: bytes) -> EmailMessage:
    """The draft for one partner, with `sheet` (the written xlsx's bytes) attached."""
    msg = EmailMessage()
    period = data.period
    reporting = period.reporting if period else None
    subject = _t(data, SUBJECTS.get(data.purpose, SUBJECTS[Purpose.REQUEST]))
    msg["Subject"] = subject.format(
        partner=data.partner.name,
        date=format_date(period.return_by) if period else "",
        code=reporting.code if reporting else "",
    )
    to = recipients(data)
    if to:
        msg["To"] = ", ".join(to)
    if period and period.send_to and is_valid_email(period.send_to):
        msg["From"] = formataddr((data.context.org_name, period.send_to))
        msg["Reply-To"] = period.send_to
    msg["Date"] = format_datetime(data.context.generated_at)
    msg["Message-ID"] = make_msgid(domain="pazos.local")
    msg["X-Unsent"] = "1"  # Outlook: open as a draft, with Send
    msg.set_content(body(data, sheet_name))
    msg.add_attachment(sheet, maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=sheet_name)
    return msg


def write_email_draft(data: PartnerSheetData, sheet: Path, batch: FileBatch) -> Path:
    """`<sheet name>.eml` beside the sheet, in `batch` (which may still hold the sheet)."""
    target = sheet.with_suffix(".eml")
    message = email_draft(data, sheet.name, batch.staged(sheet).read_bytes())
    batch.write(target, lambda temp: Path(temp).write_bytes(message.as_bytes()))
    return target
