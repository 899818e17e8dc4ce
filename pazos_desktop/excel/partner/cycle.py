"""What a returned sheet brings to the reporting cycle: its period, the reception it records,
and the evidence files it names.

A sheet knows its period (hidden metadata, `_pazos`). An older sheet, generated before periods
existed, is taken as a report of the period partners were asked about the day it was generated
(or the one given on the command line), and the preview says so. A sheet of a period already
accepted, or of an earlier period than the one being asked about now, is a conflict: applied
only when ticked. Evidence named in the *Evidencia* column is looked for in the sheet's own
folder; a missing file, a program, or a file over 20 MB is said in the preview, and the row is
applied without it only when ticked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.reporting import PartnerReport, StoredFile
from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.reporting import Period, ReportState, standard_period
from pazos_desktop.errors import PazosError
from pazos_desktop.excel import reader
from pazos_desktop.excel.partner.sheets import EVIDENCE_SEPARATOR
from pazos_desktop.excel.preview import Change, Preview
from pazos_desktop.i18n import _
from pazos_desktop.services.reporting import evidence, states, stored
from pazos_desktop.services.reporting.periods import (
    current_period,
    resolve_period,
    sending_period,
)

IMPORTED_EVIDENCE = "Recibida con la hoja {file}"  # stored data: the working language


@dataclass
class Reception:
    """A returned sheet of a period: recorded as the partner's report when applied."""

    file: str
    path: str
    partner_id: int
    period: Period
    conflict: str | None = None  # the file's conflict key: recorded only when it is ticked
    reopen_accepted: bool = False


def meta_period(session: Session, meta: dict[str, str]) -> Period | None:
    code = meta.get("period_code")
    if not code:
        return None
    try:
        start = dt.date.fromisoformat(meta["period_start"])
        end = dt.date.fromisoformat(meta["period_end"])
    except (KeyError, ValueError):
        return standard_period(code)
    return Period(code, start, end, _custom_name(session, code))


def _custom_name(session: Session, code: str) -> str:
    if standard_period(code) is not None:
        return ""
    try:
        return resolve_period(session, code).name
    except PazosError:  # a custom period deleted since: its code still names it
        return ""


def sheet_period(
    session: Session, meta: dict[str, str], generated: dt.date, given: Period | None
) -> tuple[Period | None, str | None]:
    """The sheet's period and, when it had to be assumed, a note for the preview."""
    period = meta_period(session, meta)
    if period is not None:
        return period, None
    if given is not None:
        return given, None
    assumed = sending_period(session, generated)
    if assumed is None:
        return None, None
    note = _(
        "La hoja no dice su periodo (se generó con una versión anterior, el {date}): se registra "
        "como reporte de {period} ({label}). Para otro periodo, impórtela indicándolo."
    ).format(date=format_date(generated), period=assumed.code, label=assumed.label)
    return assumed, note


def file_reasons(
    session: Session, period: Period, partner_id: int, on: dt.date
) -> tuple[list[str], bool]:
    """Why a sheet of `period` needs a person's tick: its report already accepted, or a
    period earlier than the one being asked about now; and whether it reopens an accepted one."""
    reasons, reopens = [], False
    state = session.scalar(
        select(PartnerReport.state).where(
            PartnerReport.period_code == period.code, PartnerReport.partner_id == partner_id
        )
    )
    if state == ReportState.ACCEPTED:
        reopens = True
        reasons.append(
            _(
                "El reporte de {period} de esta entidad ya fue aceptado: si aplica la hoja, "
                "vuelve a quedar «Recibido» para revisarlo."
            ).format(period=period.code)
        )
    now = current_period(session, on)
    if now is not None and period.end < now.start:
        reasons.append(
            _(
                "Es la hoja de un periodo anterior ({period}); el periodo que se reporta ahora "
                "es {now}."
            ).format(period=period.code, now=now.code)
        )
    return reasons, reopens


def default_day(period: Period | None, on: dt.date) -> dt.date:
    """The date of a row reported without one: the import's day, or the period's last day
    when the sheet reports a period already over (its figures are that period's)."""
    return min(on, period.end) if period is not None else on


# --- evidence named in the sheet --------------------------------------------------------------


@dataclass
class NamedFiles:
    paths: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def named_evidence(folder: Path, raw) -> NamedFiles:
    """The files a row's *Evidencia* cell names, looked for beside the sheet."""
    found = NamedFiles()
    if raw is None or not str(raw).strip():
        return found
    for name in (n.strip() for n in str(raw).replace("\n", EVIDENCE_SEPARATOR).split(";")):
        if not name:
            continue
        path = folder / Path(name).name  # a name, never a path out of the sheet's folder
        problem = evidence.file_problem(path)
        if problem is None:
            found.paths.append(str(path))
        elif not path.is_file():
            found.problems.append(
                _("El archivo de evidencia «{name}» no está en la carpeta de la hoja.").format(
                    name=name
                )
            )
        else:
            found.problems.append(problem)
    return found


# --- applying ---------------------------------------------------------------------------------


def chosen(preview: Preview, accept: set[str] | None, accept_all: bool) -> list[Reception]:
    """The receptions to record: the file's own conflict ticked (or none), and something of it
    applied or nothing of it left unticked (a sheet whose only news the user set aside leaves
    the database as it was)."""
    ticked = accept or set()
    applied = {c.file for c in preview.to_apply(ticked, accept_all)}
    left = {k.file for k in preview.conflicts if not (accept_all or k.key in ticked)}
    return [
        r
        for r in preview.receptions
        if (r.conflict is None or accept_all or r.conflict in ticked)
        and (r.file in applied or r.file not in left)
    ]


def record_receptions(session: Session, receptions: list[Reception]) -> int:
    """Each chosen sheet becomes its partner's report for the period, the file kept with it;
    the same file imported again records nothing new."""
    count = 0
    for r in receptions:
        digest = _sha256(Path(r.path))
        kept = (
            select(StoredFile.id)
            .join(PartnerReport, PartnerReport.id == StoredFile.report_id)
            .where(
                PartnerReport.period_code == r.period.code,
                PartnerReport.partner_id == r.partner_id,
                StoredFile.sha256 == digest,
            )
        )
        if session.scalar(kept.limit(1)) is not None:
            continue  # this very file was received already
        report = states.record_reception(
            session, r.period, r.partner_id, r.file, reopen_accepted=r.reopen_accepted
        )
        stored.store_path(
            session, Path(r.path), r.file, limit=reader.MAX_FILE_BYTES, report_id=report.id
        )
        count += 1
    return count


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while data := source.read(stored.CHUNK):
            digest.update(data)
    return digest.hexdigest()


def attach_evidence(session: Session, changes: list[Change], ids: list[int]) -> int:
    """The files each applied row named, kept as evidence of its new progress update (marked
    as holding personal data until a person says otherwise: attendance lists name minors)."""
    count = 0
    for change, progress_id in zip(changes, ids, strict=True):
        for path in change.payload.get("evidence", []):
            evidence.add_evidence(
                session,
                progress_id,
                Path(path),
                description=IMPORTED_EVIDENCE.format(file=change.file),
                personal_data=True,
            )
            count += 1
    return count
