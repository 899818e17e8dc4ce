"""Sample reporting cycle: the partners' reports of the last months in every state (sent,
received, accepted, sent back with remarks, overdue, pending), a few evidence files, and an
older period closed for one cluster. All through the services, as a coordinator would; every
text marked as an example."""

from __future__ import annotations

import datetime as dt
import io
import random

from reportlab.pdfgen import canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, ProgressUpdate
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
        for line in lines:
            counts["reports"] += _report(session, period, line, age, rng)
    counts["evidence"] = _evidence(session, recent[1] if len(recent) > 1 else recent[0], rng)
    _closure(session, recent[-1])
    return {
        _("reportes de los aliados"): counts["reports"],
        _("archivos de evidencia"): counts["evidence"],
    }


def _report(session: Session, period, line, age: int, rng: random.Random) -> int:
    """One partner's report of `period`, `age` periods back (0: the one in course)."""
    draw = rng.random()
    if age == 0:
        if draw < 0.4:
            _sent(session, period, line)
            return 1
        return 0
    if draw < (0.12 if age > 1 else 0.25):
        return 0  # never came in: *Vencido* once due
    _sent(session, period, line)
    if draw < (0.2 if age > 1 else 0.4):
        return 1  # sent, still waiting
    states.record_reception(session, period, line.partner_id, _sheet_name(line, period))
    if age == 1 and draw < 0.6:
        return 1  # received, to review
    if draw < (0.3 if age > 1 else 0.75):
        remark = _("(Ejemplo) Falta la lista de asistencia de los talleres; revise las cifras.")
        states.send_back(session, period, line.partner_id, remark, _row_remarks(session, line))
        return 1
    states.accept(session, period, line.partner_id)
    return 1


def _sent(session, period, line) -> None:
    to = f"{line.short_name} <contacto@ejemplo.org>"
    states.mark_sent(session, period, [(line.partner_id, to, _sheet_name(line, period))])


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


def _closure(session: Session, period) -> None:
    """The oldest sample period, closed for one cluster once presented to the mesa."""
    clusters = territory.cluster_choices(session)
    if not clusters:
        return
    closing.close_period(
        session,
        period.code,
        [clusters[0].id],
        _("(Ejemplo) Presentado en la mesa interinstitucional; cifras validadas."),
    )
