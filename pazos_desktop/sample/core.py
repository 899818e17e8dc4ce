"""Sample partners, contacts, territory, programs, commitments and progress updates."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from pazos_desktop.domain.codes import nit_check_digit
from pazos_desktop.domain.text import fold
from pazos_desktop.domain.vocabulary import PartnerType, ProgressSource, Status
from pazos_desktop.i18n import _
from pazos_desktop.services import components, partners, programs, territory
from pazos_desktop.services.commitments import editing as commitments

T = PartnerType
PARTNERS = [
    ("Alcaldía de Palmira", "ALC", T.PUBLIC),
    ("Fundación SIDOC", "SIDOC", T.FOUNDATION),
    ("Pastoral Social Palmira", "PSP", T.COMMUNITY),
    ("WRI Colombia", "WRI", T.INTERNATIONAL),
    ("Fundación Despacio", "DESPACIO", T.FOUNDATION),
    ("Departamento para la Prosperidad Social", "DPS", T.PUBLIC),
    ("Compromiso Valle", "CV", T.PRIVATE),
    ("Pontificia Universidad Javeriana Cali", "PUJ", T.ACADEMIA),
    ("Gobierno nacional", "GN", T.PUBLIC),
    ("Secretaría de Seguridad y Convivencia (ejemplo)", "SSC", T.PUBLIC),
    ("Secretaría de Educación de Palmira (ejemplo)", "SEM", T.PUBLIC),
    ("Policía Metropolitana (ejemplo)", "POL", T.PUBLIC),
    ("Instituto Colombiano de Bienestar Familiar (ejemplo)", "ICBF", T.PUBLIC),
    ("SENA Regional Valle (ejemplo)", "SENA", T.PUBLIC),
    ("Cámara de Comercio de Palmira (ejemplo)", "CCP", T.PRIVATE),
    ("Junta de Acción Comunal Barrio Ejemplo", "JAC", T.COMMUNITY),
    ("Corporación Jóvenes con Futuro (ejemplo)", "CJF", T.FOUNDATION),
    ("Universidad Nacional sede Palmira (ejemplo)", "UNAL", T.ACADEMIA),
]

CLUSTER_NAMES = [f"Clúster {i} (ejemplo)" for i in range(1, 10)]
HOOD_NAMES = [
    "La Ceiba",
    "El Prado",
    "Los Samanes",
    "San Pedro",
    "Villa Verde",
    "La Esperanza",
    "El Triunfo",
    "Las Palmas",
    "Santa Rita",
    "Caimitos",
    "El Recreo",
    "Los Almendros",
    "Brisas del Bolo",
    "La Floresta",
    "Portal del Sol",
]
FIRST = [
    "Ana",
    "Luis",
    "Marta",
    "Carlos",
    "Diana",
    "Jorge",
    "Paola",
    "Andrés",
    "Lucía",
    "Óscar",
    "Sofía",
    "Julián",
    "Valentina",
    "Ñuflo",
    "Camila",
]
LAST = [
    "Gómez",
    "Rodríguez",
    "Martínez",
    "López",
    "Muñoz",
    "Castaño",
    "Ospina",
    "Quintero",
    "Zapata",
    "Hernández",
    "Valencia",
    "Restrepo",
]
POSITIONS = [
    "Coordinador(a) de programa",
    "Profesional social",
    "Director(a)",
    "Enlace territorial",
    "Secretario(a) técnico(a)",
    "Gestor(a) de convivencia",
]

ACTIVITIES = {
    1: [
        ("Mediaciones de conflictos entre pandillas", "mediaciones"),
        ("Gestores de convivencia en calle", "gestores"),
        ("Alertas tempranas atendidas", "alertas"),
    ],
    2: [
        ("Jóvenes vinculados a Forjar Oportunidades", "jóvenes"),
        ("Hojas de vida elaboradas", "hojas de vida"),
        ("Becas condicionadas entregadas", "becas"),
        ("Talleres de proyecto de vida", "talleres"),
    ],
    3: [
        ("Talleres de resolución pacífica de conflictos", "talleres"),
        ("Estudiantes en escuelas de paz", "estudiantes"),
        ("Atención en consumo de sustancias psicoactivas", "personas"),
    ],
    4: [
        ("Parques recuperados como espacio comunitario", "parques"),
        ("Jornadas de iluminación y limpieza", "jornadas"),
        ("Murales comunitarios", "murales"),
    ],
    5: [
        ("Casos de justicia juvenil restaurativa", "casos"),
        ("Jornadas de conciliación en equidad", "jornadas"),
        ("Orientaciones jurídicas gratuitas", "orientaciones"),
    ],
}


def _nit(rng: random.Random) -> str:
    number = str(rng.randint(800_000_000, 899_999_999))
    return f"{number}-{nit_check_digit(number)}"


def _make_partners(session, rng) -> list[partners.PartnerData]:
    made = []
    for name, acronym, kind in PARTNERS:
        made.append(
            partners.save_partner(
                session,
                partners.PartnerData(
                    name=name,
                    acronym=acronym,
                    type=kind.value,
                    nit=_nit(rng),
                    phone=f"+57 602 {rng.randint(2000000, 2999999)}",
                    email=f"contacto@{acronym.lower()}.example.org",
                    address=_("Palmira, Valle del Cauca"),
                    notes=_("Registro de ejemplo."),
                ),
            )
        )
    return made


def _make_contacts(session, rng, partner_list) -> dict[int, list[int]]:
    by_partner: dict[int, list[int]] = {}
    for p in partner_list:
        for _i in range(rng.randint(3, 6)):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            contact = partners.save_contact(
                session,
                partners.ContactData(
                    partner_id=p.id,
                    name=f"{first} {last}",
                    position=rng.choice(POSITIONS),
                    email=_email(first, last),
                    phone=f"+57 31{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}",
                ),
            )
            by_partner.setdefault(p.id, []).append(contact.id)
    return by_partner


def _email(first: str, last: str) -> str:
    """ "Óscar Rodríguez" -> "oscar.rodriguez@example.org": accents folded, never dropped."""
    return f"{fold(first)}.{fold(last)}@example.org".replace(" ", "")


def _make_territory(session, rng) -> list[int]:
    clusters = [
        territory.save_cluster(
            session,
            territory.ClusterData(name=name, description=_("Agrupación de barrios de ejemplo.")),
        )
        for name in CLUSTER_NAMES
    ]
    for i, hood in enumerate(HOOD_NAMES):
        territory.save_neighbourhood(
            session,
            territory.NeighbourhoodData(
                name=f"{hood} (ejemplo)",
                comuna=f"Comuna {1 + i % 7}",
                cluster_id=clusters[i % len(clusters)].id,
            ),
        )
    return [c.id for c in clusters]


def _make_programs(session, partner_list) -> dict[str, int]:
    by_acronym = {p.acronym: p.id for p in partner_list}
    forjar = programs.save_program(
        session,
        programs.ProgramData(
            name="Forjar Oportunidades",
            lead_partner_id=by_acronym["SIDOC"],
            component_id=2,
            description=_(
                "Ejecutado por la Fundación SIDOC, financiado por el gobierno nacional y "
                "Compromiso Valle."
            ),
        ),
    )
    gestores = programs.save_program(
        session,
        programs.ProgramData(
            name="Gestores de Convivencia",
            lead_partner_id=by_acronym["ALC"],
            component_id=1,
            description=_("Programa municipal de gestores de convivencia."),
        ),
    )
    return {"forjar": forjar.id, "gestores": gestores.id}


def _commitment(rng, today, partner, contacts, component, clusters, program_ids):
    """A commitment as first entered, and the status and achieved its follow-up will bring.

    Those that will be followed up start "En ejecución" at 0 and reach their final figures
    through progress updates, as a real one does: a "Cumplido" one ends at its target.
    """
    title, unit = rng.choice(ACTIVITIES[component])
    start = today - dt.timedelta(days=rng.randint(30, 400))
    due = start + dt.timedelta(days=rng.randint(60, 420))
    status = rng.choices(
        [Status.PIPELINE, Status.IN_PROGRESS, Status.COMPLETED, Status.CANCELLED, Status.SUSPENDED],
        weights=[2, 8, 5, 1, 1],
    )[0]
    target = float(rng.choice([10, 20, 25, 40, 50, 100, 120, 200]))
    achieved = {
        Status.PIPELINE: 0.0,
        Status.COMPLETED: target,
    }.get(status, float(rng.randint(0, int(target * 0.8))))
    followed = status in (Status.IN_PROGRESS, Status.COMPLETED)
    everywhere = rng.random() < 0.08
    program = (
        program_ids["forjar"]
        if component == 2 and rng.random() < 0.5
        else (program_ids["gestores"] if component == 1 and rng.random() < 0.5 else None)
    )
    data = commitments.CommitmentData(
        partner_id=partner,
        contact_id=rng.choice(contacts),
        component_id=component,
        title=title,
        unit=unit,
        target_quantity=target,
        achieved_quantity=0.0 if followed else achieved,
        amount_cop=rng.choice([None, 5_000_000, 12_500_000, 30_000_000, 85_000_000]),
        start_date=start,
        due_date=due,
        status=Status.IN_PROGRESS.value if followed else status.value,
        all_clusters=everywhere,
        cluster_ids=[] if everywhere else rng.sample(clusters, rng.randint(1, 3)),
        program_id=program,
        description=_("Compromiso de ejemplo."),
    )
    return data, (status.value, achieved) if followed else None


def _progress(session, rng, today, c: commitments.CommitmentData, final) -> int:
    """Between one and three updates, cumulative, the last one bringing the final status."""
    if final is None:
        return 0
    status, achieved = final
    steps = rng.randint(1, 3)
    for k in range(1, steps + 1):
        day = min(today, c.start_date + dt.timedelta(days=30 * k))
        commitments.add_progress(
            session,
            commitments.ProgressData(
                commitment_id=c.id,
                date=day,
                achieved_quantity=round(achieved * k / steps),
                status=status if k == steps else Status.IN_PROGRESS.value,
                comment=_("Avance reportado (ejemplo)."),
                source=ProgressSource.MANUAL.value,
            ),
        )
    return steps


def populate(session: Session, today: dt.date, rng: random.Random, made: dict) -> dict[str, int]:
    partner_list = _make_partners(session, rng)
    contacts = _make_contacts(session, rng, partner_list)
    clusters = _make_territory(session, rng)
    program_ids = _make_programs(session, partner_list)
    component_ids = [c.id for c in components.list_components(session)]
    created, updates = [], 0
    for i in range(150):
        partner = partner_list[i % len(partner_list)].id
        component = component_ids[i % len(component_ids)]
        data, final = _commitment(
            rng, today, partner, contacts[partner], component, clusters, program_ids
        )
        saved = commitments.save_commitment(session, data)
        created.append(saved)
        updates += _progress(session, rng, today, saved, final)
    made.update(
        partners=partner_list,
        contacts=contacts,
        clusters=clusters,
        programs=program_ids,
        commitments=created,
    )
    return {
        _("entidades"): len(partner_list),
        _("contactos"): sum(len(v) for v in contacts.values()),
        _("clústeres"): len(clusters),
        _("barrios"): len(HOOD_NAMES),
        _("programas"): len(program_ids),
        _("compromisos"): len(created),
        _("avances"): updates,
    }
