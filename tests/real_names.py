"""The "real names" data: the Palmira sample plus records as Palmira's offices really type
them, every text field at the longest its declaration allows (`Record.max_lengths()`),
filled with realistic Spanish words (from ../shared/corpus/inputs.json, copied here).

What it adds, through the real services: the 149-character partner of the issue and a partner
whose name takes all 300 characters, each with a long acronym; contacts with long names and
positions; a programme with a long name; commitments of both partners with every text at its
maximum; a draft meeting with 60 attendees, every text field at its maximum, agenda items,
decisions and follow-up. `build_real_names(session, today)` returns the ids a test needs;
`real_names_template_for(...)` builds it once per run (a template copied per test).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pazos_desktop.domain.records import RECORDS

LONG_PARTNER = (
    "Corporación para el Desarrollo Integral de la Juventud y la Convivencia Pacífica del Valle "
    "del Cauca y el Suroccidente Colombiano - Seccional Palmira"
)
assert len(LONG_PARTNER) == 149

OFFICIAL_NAMES = [
    "Instituto Colombiano de Bienestar Familiar Cecilia de la Fuente de Lleras - Regional Valle "
    "del Cauca - Centro Zonal Palmira",
    "Alcaldía Municipal de Palmira — Secretaría de Seguridad y Convivencia Ciudadana — "
    "Subsecretaría de Prevención del Delito y Convivencia (Valle del Cauca)",
    "Departamento Administrativo para la Prosperidad Social - DPS - Dirección Regional Valle del "
    "Cauca",
]
PEOPLE = [
    "María José Rodríguez Ñañez",
    "José Fernando Gómez de la Torre",
    "Ana Lucía Peña-Caicedo",
    "Jhon Jairo Mosquera Valencia",
    "Luz Dary Ortiz Muñoz",
    "Yeison Andrés Cuéllar Güiza",
    "Sor María del Carmen Zúñiga",
    "Padre Óscar Iván Lozano",
]
POSITIONS = [
    "Coordinadora Regional de Programas de Prevención del Reclutamiento de Niños, Niñas y "
    "Adolescentes",
    "Presidente de la Junta de Acción Comunal del barrio Zamorano",
    "Profesional Universitario - Gestión Social",
    "Secretaria de Seguridad y Convivencia Ciudadana",
]
PROSE = (
    "Se realizaron talleres de convivencia y resolución pacífica de conflictos con jóvenes de "
    "los barrios Zamorano, La Emilia y Harold Eder, en articulación con la institución educativa "
    "y la junta de acción comunal; participaron madres comunitarias, gestores de convivencia y "
    "el equipo psicosocial de la entidad, que hará el seguimiento mensual de cada caso. "
)


def fill(text: str, length: int) -> str:
    """`text` repeated and cut to exactly `length` characters, ending on a letter."""
    out = (text.strip() + " ") * (length // max(len(text), 1) + 2)
    out = out[:length]
    return out[:-1] + "s" if out.endswith(" ") else out


def longest(record: str, field: str, text: str) -> str:
    """`text` filled to the longest value the record's declaration allows for `field`."""
    return fill(text, RECORDS[record].max_lengths()[field])


def _person(i: int) -> str:
    return fill(f"{PEOPLE[i % len(PEOPLE)]} {PEOPLE[(i + 3) % len(PEOPLE)]}", 200)


def build_real_names(session, today: dt.date) -> dict:
    from pazos_desktop.services import partners, programs, territory
    from pazos_desktop.services.commitments import editing as commitments

    made: dict = {}
    long_partner = partners.save_partner(session, _partner(LONG_PARTNER, "CORPOJUVENTUD"))
    widest = partners.save_partner(
        session, _partner(longest("partner", "name", " ".join(OFFICIAL_NAMES)), "ICBF-DPS")
    )
    made["partner_ids"] = [long_partner.id, widest.id]
    contacts = [
        partners.save_contact(
            session,
            partners.ContactData(
                partner_id=p.id,
                name=_person(i),
                position=longest("contact", "position", POSITIONS[i % len(POSITIONS)]),
                email=_email(i),
                phone=longest("contact", "phone", "+57 (602) 285 6000 ext. 1234 / 315 678 9012"),
            ),
        )
        for i, p in enumerate([long_partner, widest, long_partner])
    ]
    made["contact_ids"] = [c.id for c in contacts]
    program = programs.save_program(
        session,
        programs.ProgramData(
            name=longest(
                "program",
                "name",
                "Programa Integral de Oportunidades para la Juventud Forjar Oportunidades y "
                "Gestores de Convivencia en los barrios priorizados de Palmira",
            ),
            lead_partner_id=long_partner.id,
            component_id=2,
            description=longest("program", "description", PROSE),
        ),
    )
    made["program_id"] = program.id
    clusters = [c.id for c in territory.cluster_choices(session)]
    made["cluster_ids"] = clusters
    ids = []
    for i, (partner, contact) in enumerate(((long_partner, contacts[0]), (widest, contacts[1]))):
        saved = commitments.save_commitment(
            session, _commitment(partner.id, contact.id, program.id, clusters, today, i)
        )
        ids.append(saved.id)
    made["commitment_ids"] = ids
    made["meeting_id"] = _meeting(session, today, long_partner, contacts, clusters, ids)
    return made


def _partner(name: str, acronym: str):
    from pazos_desktop.services.partners import PartnerData

    return PartnerData(
        name=name,
        type="foundation",
        acronym=fill(acronym + "-VALLE-SUROCCIDENTE-SECCIONAL-PALMIRA", 50),
        address=longest(
            "partner",
            "address",
            "Carrera 29 No. 30-45, barrio Zamorano, comuna 1, oficina de atención a la comunidad",
        ),
        phone=longest("partner", "phone", "+57 (602) 285 6000 ext. 1234 / 315 678 9012"),
        email=_email(7),
        website=("https://www.corporacionjuventudconvivenciapacifica.org.co/" + "programas/" * 30)[
            :300
        ],
        agreement_ref=longest(
            "partner", "agreement_ref", "Convenio interadministrativo No. 2026-0457 de 2026"
        ),
        notes=longest("partner", "notes", PROSE),
    )


def _email(i: int) -> str:
    """An address of exactly 200 characters (64 before the @, labels under 64)."""
    local = ("coordinacion.programas.prevencion.reclutamiento.juventud." * 2)[:64]
    tail = f".seccional{i}.palmira.org.co"
    label = "corporacionjuventudconvivenciapacificavalle"[:40]
    middle = f"{label}.{label}."
    rest = 200 - len(local) - 1 - len(middle) - len(tail)
    return f"{local}@{middle}{label[:rest]}{tail}"


def _commitment(partner_id, contact_id, program_id, clusters, today, i):
    from pazos_desktop.services.commitments.editing import CommitmentData

    return CommitmentData(
        partner_id=partner_id,
        component_id=2 + i,
        title=longest(
            "commitment",
            "title",
            "Acompañamiento psicosocial y orientación vocacional a jóvenes en riesgo de "
            "reclutamiento de los barrios priorizados, con talleres de convivencia",
        ),
        cluster_ids=clusters[1:4],
        contact_id=contact_id,
        program_id=program_id,
        description=longest("commitment", "description", PROSE),
        unit=longest("commitment", "unit", "jóvenes con plan de vida y ruta de empleabilidad"),
        target_quantity=1_500,
        achieved_quantity=350,
        amount_cop=2_500_000_000,
        start_date=today - dt.timedelta(days=90),
        due_date=today - dt.timedelta(days=10) if i == 0 else today + dt.timedelta(days=200),
        status="pipeline" if i == 0 else "in_progress",  # the first is overdue
        notes=longest("commitment", "notes", PROSE),
    )


def _meeting(session, today, partner, contacts, clusters, commitment_ids) -> int:
    from pazos_desktop.services.meetings import editing as meetings
    from pazos_desktop.services.meetings import followup as fu
    from pazos_desktop.services.meetings.data import (
        AgendaItemData,
        AttendeeData,
        DecisionData,
        MeetingData,
    )

    text = {
        key: longest("meeting", key, source)
        for key, source in {
            "place": "Salón del Concejo Municipal de Palmira, Centro Administrativo Municipal",
            "link": "https://meet.google.com/abc-defg-hij?authuser=coordinacion.pazos",
            "objective": PROSE,
            "next_place": "Sede de la Corporación, barrio Zamorano, salón comunal",
        }.items()
    }
    for role, i in (("chair", 0), ("secretary", 4), ("prepared", 4), ("reviewed", 1),
                    ("approver", 2)):  # fmt: skip
        name_key = f"{role}_by" if role in ("prepared", "reviewed") else f"{role}_name"
        text[name_key] = _person(i)
        text[f"{role}_position"] = longest("meeting", f"{role}_position", POSITIONS[i % 4])
    attendees = [
        AttendeeData(
            name=_person(i),
            entity=longest("meeting_attendee", "entity", OFFICIAL_NAMES[i % 3]),
            position=longest("meeting_attendee", "position", POSITIONS[i % 4]),
            email=_email(i),
            phone=longest("meeting_attendee", "phone", "+57 315 678 9012"),
            presence=("present", "present", "excused", "absent")[i % 4],
            is_guest=i % 7 == 0,
        )
        for i in range(60)
    ]
    agenda = [
        AgendaItemData(
            longest("meeting_agenda_item", "title", f"Punto {n}: revisión de compromisos. "),
            longest("meeting_agenda_item", "development", PROSE),
        )
        for n in range(1, 4)
    ]
    decisions = [DecisionData(longest("meeting_decision", "text", PROSE)) for _ in range(3)]
    made = meetings.create_meeting(
        session,
        MeetingData(
            type="interinstitutional",
            date=today,
            start_time=dt.time(9, 0),
            end_time=dt.time(12, 30),
            next_date=today + dt.timedelta(days=14),
            next_time=dt.time(9, 0),
            cluster_ids=clusters,
            attendees=attendees,
            agenda=agenda,
            decisions=decisions,
            **text,
        ),
    )
    for commitment_id in commitment_ids:
        fu.record_followup(
            session,
            made.id,
            fu.FollowupData(commitment_id, comment=longest("meeting_followup", "comment", PROSE)),
        )
    return made.id


def real_names_template_for(day, sample_template: Path, tmp_path_factory) -> Path:
    """The sample plus the real names as of `day`, built once per run."""
    from tests.conftest import built_template

    return built_template(
        ("real_names", day), sample_template, build_real_names, tmp_path_factory, day
    )[0]


def real_names_ids(day) -> dict:
    """The ids `build_real_names` returned for the template of `day` (built first)."""
    from tests.conftest import _templates

    return _templates[("real_names", day)][1]


def real_samples(ids: dict):
    """`ui.selfcheck.editor_samples.Samples` whose records are the real names' (the long
    partner, its contact, the overdue commitment, the meeting with 60 attendees)."""
    from ui.selfcheck.editor_samples import Samples

    class RealSamples(Samples):
        def load_partner(self):
            from pazos_desktop.services import partners

            return self._read(lambda s: partners.get_partner(s, ids["partner_ids"][0]))

        def load_contact(self):
            from pazos_desktop.services import partners

            found = self._read(lambda s: partners.list_contacts(s, ids["partner_ids"][0]))
            return next(c for c in found if c.id == ids["contact_ids"][0])

        def load_commitment(self):
            from pazos_desktop.services.commitments.editing import get_commitment

            return self._read(lambda s: get_commitment(s, ids["commitment_ids"][0]))

        def load_meeting(self):
            from pazos_desktop.services.meetings.editing import get_meeting

            return self._read(lambda s: get_meeting(s, ids["meeting_id"]))

        def load_program(self):
            from pazos_desktop.services import programs

            return next(p for p in self._read(programs.list_programs) if p.id == ids["program_id"])

    return RealSamples
