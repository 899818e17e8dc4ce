"""Sample reporting cycle: the partners' reports of the last months in every state (sent,
received, accepted, sent back with remarks, overdue, pending), a few evidence files, and a
period closed for one cluster. All through the services, as a coordinator would; every
text marked as an example."""

from __future__ import annotations

import datetime as dt
import io
import random

from reportlab.pdfgen import canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
from pazos_desktop.domain.reporting import period_containing
from pazos_desktop.i18n import _
from pazos_desktop.services import territory
from pazos_desktop.services.reporting import closing, evidence, periods, states


def populate(session: Session, today: dt.date, rng: random.Random, made: dict) -> dict[str, int]:
    rng = random.Random(rng.random())  # this step's own sequence
    recent = periods.view_periods(session, today, 5)  # newest first
    counts = {"reports": 0, "evidence": 0}
    # The oldest periods mostly accepted, the latest ended one mixed, the one in course sent.
    for age, period in enumerate(recent):
        lines = states.period_lines(session, period, today)
        draws = {line.partner_id: rng.random() for line in lines}
        sent = [line for line in lines if _is_sent(age, draws[line.partner_id])]
        states.mark_sent(session, period, [_sent(line, period) for line in sent])  # one batch
        counts["reports"] += len(sent)
        for line in sent:
            _answer(session, period, line, age, draws[line.partner_id])
    counts["evidence"] = _evidence(session, recent[1] if len(recent) > 1 else recent[0], rng)
    _closure(session, today)
    return {
        _("reportes de los aliados"): counts["reports"],
        _("archivos de evidencia"): counts["evidence"],
    }


def _is_sent(age: int, draw: float) -> bool:
    """`age` periods back (0: the one in course): a few sheets of the month in course are out;
    of earlier months, most (the rest never came in: *Vencido* once due)."""
    return draw < 0.4 if age == 0 else draw >= (0.12 if age > 1 else 0.25)


def _answer(session: Session, period, line, age: int, draw: float) -> None:
    """What came back of a sheet sent: nothing yet, a report to review, one sent back with
    remarks, or one accepted."""
    if age == 0 or draw < (0.2 if age > 1 else 0.4):
        return  # sent, still waiting
    states.record_reception(session, period, line.partner_id, _sheet_name(line, period))
    if age == 1 and draw < 0.6:
        return  # received, to review
    if draw < (0.3 if age > 1 else 0.75):
        remark = _("(Ejemplo) Falta la lista de asistencia de los talleres; revise las cifras.")
        states.send_back(session, period, line.partner_id, remark, _row_remarks(session, line))
        return
    states.accept(session, period, line.partner_id)


def _sent(line, period) -> tuple[int, str, str]:
    return line.partner_id, f"{line.short_name} <contacto@ejemplo.org>", _sheet_name(line, period)


def _sheet_name(line, period) -> str:
    return f"Compromisos_{line.short_name}_{period.code}.xlsx"


def _row_remarks(session: Session, line) -> dict[int, str]:
    first = session.scalar(
        select(Commitment.id)
        .where(Commitment.partner_id == line.partner_id)
        .order_by(Commitment.id)
    )
    text = _("(Ejemplo) El logrado baja respecto al periodo anterior: ¿es acumulado?")
    return {first: text} if first else {}


def _evidence(session: Session, period, rng: random.Random) -> int:
    """A sample attendance list (PDF) and its spreadsheet for a few updates of `period`."""
    query = (
        select(ProgressUpdate.id)
        .where(ProgressUpdate.date >= period.start, ProgressUpdate.date <= period.end)
        .order_by(ProgressUpdate.id)
    )
    ids = list(session.scalars(query))
    count = 0
    for progress_id in rng.sample(ids, min(4, len(ids))):
        evidence.add_evidence_bytes(
            session,
            progress_id,
            _("Lista de asistencia (ejemplo).pdf"),
            _attendance_pdf(progress_id),
            description=_("(Ejemplo) Lista de asistencia del taller, con firmas."),
            personal_data=True,
        )
        evidence.add_evidence_bytes(
            session,
            progress_id,
            _("Asistentes (ejemplo).csv"),
            _("nombre;edad\nParticipante de ejemplo 1;16\nParticipante de ejemplo 2;17\n").encode(),
            description=_("(Ejemplo) Asistentes del taller: menores de edad."),
            personal_data=True,
        )
        count += 2
    return count


def _attendance_pdf(number: int) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)
    page.setTitle(_("Lista de asistencia (ejemplo)"))
    page.drawString(72, 760, _("Lista de asistencia (ejemplo) n.º {n}").format(n=number))
    page.drawString(72, 740, _("Datos de ejemplo: no corresponden a personas reales."))
    page.showPage()
    page.save()
    return out.getvalue()


def _closure(session: Session, today: dt.date) -> None:
    """A period closed for one cluster once presented to the mesa: the month before the
    sample's first commitment began (core.py: at most 400 days ago), so that no progress a
    person types on the sample, whatever its date, meets a closed door by chance."""
    clusters = territory.cluster_choices(session)
    if not clusters:
        return
    period = period_containing("monthly", today - dt.timedelta(days=431))
    closing.close_period(
        session,
        period.code,
        [clusters[0].id],
        _("(Ejemplo) Presentado en la mesa interinstitucional; cifras validadas."),
    )
