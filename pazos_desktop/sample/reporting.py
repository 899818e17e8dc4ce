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
        rng.shuffle(lines)  # which partner gets which state: by the seed, not by name
        wanted = {line.partner_id: _state(age, i) for i, line in enumerate(lines)}
        sent = [line for line in lines if wanted[line.partner_id] != "pending"]
        states.mark_sent(session, period, [_sent(line, period) for line in sent])  # one batch
        counts["reports"] += len(sent)
        for line in sent:
            _answer(session, period, line, wanted[line.partner_id])
    counts["evidence"] = _evidence(session, recent[1] if len(recent) > 1 else recent[0], rng)
    _closure(session, today)
    return {
        _("reportes de los aliados"): counts["reports"],
        _("archivos de evidencia"): counts["evidence"],
    }


# The state of the i-th partner (shuffled) of a period `age` periods back, so that the demo
# shows every state whatever the day it is built: the month in course has a few sheets out; the
# latest ended one is mixed (its due date decides whether pending and sent read *Vencido*);
# older ones are mostly accepted.
LATEST = ["accepted", "received", "returned", "sent", "pending", "received", "accepted"]
OLDER = ["accepted"] * 6 + ["returned", "pending"]


def _state(age: int, i: int) -> str:
    if age == 0:
        return "sent" if i % 3 == 0 else "pending"
    cycle = LATEST if age == 1 else OLDER
    return cycle[i % len(cycle)]


def _answer(session: Session, period, line, state: str) -> None:
    """What came back of a sheet sent: nothing yet, a report to review, one sent back with
    remarks, or one accepted."""
    if state == "sent":
        return
    states.record_reception(session, period, line.partner_id, _sheet_name(line, period))
    if state == "returned":
        remark = _("(Ejemplo) Falta la lista de asistencia de los talleres; revise las cifras.")
        states.send_back(session, period, line.partner_id, remark, _row_remarks(session, line))
    elif state == "accepted":
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
