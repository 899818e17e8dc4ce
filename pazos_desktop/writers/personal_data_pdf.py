"""The PDF a person receives with their data (derecho a conocer, art. 8 a), Ley 1581).

From a `PersonRecord` (services.personal_data.export); runs no query. Text is drawn as text.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from pazos_desktop.i18n import N_
from pazos_desktop.services.personal_data.export import PersonRecord, format_iso
from pazos_desktop.writers.minutes_pdf import Labels
from pazos_desktop.writers.pdf.document import (
    DocumentInfo,
    bold_label,
    build_pdf,
    data_table,
    frame_width,
    markup,
    para,
    styles,
)

RIGHTS = N_(
    "Como titular de estos datos usted puede conocerlos, actualizarlos y rectificarlos, pedir "
    "prueba de la autorización, ser informado del uso que se les da, revocar la autorización "
    "y pedir su supresión, y presentar quejas ante la Superintendencia de Industria y Comercio "
    "(Ley 1581 de 2012, art. 8). Las consultas se responden en 10 días hábiles y los reclamos "
    "en 15 (arts. 14 y 15)."
)


def write_person_pdf(
    target: str | Path | io.BytesIO, record: PersonRecord, info: DocumentInfo, invariant=False
) -> None:
    t = Labels(record.lang)
    width = frame_width(info)
    st = styles()
    c = record.contact
    story: list[Flowable] = [
        Paragraph(markup(t(N_("DATOS PERSONALES REGISTRADOS"))), st.title),
        para(
            t(N_("Generado el {moment} por PAZOS Coordinación.")).format(moment=record.generated),
            st.small,
        ),
        Spacer(1, 0.2 * cm),
        _heading(t(N_("Datos de contacto"))),
        bold_label(t(N_("Nombre")), c["name"]),
        bold_label(t(N_("Entidad")), c["partner"]),
        bold_label(t(N_("Cargo")), c["position"] or ""),
        bold_label(t(N_("Correo electrónico")), c["email"] or ""),
        bold_label(t(N_("Teléfono")), c["phone"] or ""),
    ]
    story += _section(
        t,
        N_("Autorizaciones de tratamiento"),
        [
            N_("Fecha"),
            N_("Medio"),
            N_("Política"),
            N_("Finalidades"),
            N_("Evidencia"),
            N_("Revocada el"),
        ],
        [
            [
                format_iso(a["granted_on"]),
                a["means_label"],
                a["policy_version"],
                "; ".join(a["purposes"]),
                a["evidence"] or "",
                format_iso(a["revoked_on"]),
            ]
            for a in record.authorisations
        ],
        width,
        (0.1, 0.14, 0.08, 0.36, 0.2, 0.12),
    )
    story += _section(
        t,
        N_("Asistencia a reuniones"),
        [N_("Acta"), N_("Fecha"), N_("Tipo"), N_("Asistencia"), N_("Registrado como")],
        [
            [a["acta"], format_iso(a["date"]), a["type"], a["presence"], a["recorded_as"]]
            for a in record.attendances
        ],
        width,
        (0.3, 0.1, 0.17, 0.11, 0.32),
    )
    story += _section(
        t,
        N_("Funciones en reuniones"),
        [N_("Acta"), N_("Fecha"), N_("Función")],
        [[r["acta"], format_iso(r["date"]), r["role"]] for r in record.roles],
        width,
        (0.4, 0.2, 0.4),
    )
    story += _section(
        t,
        N_("Compromisos a su cargo"),
        [N_("ID"), N_("Compromiso"), N_("Entidad"), N_("Estado"), N_("Fecha límite")],
        [
            [str(r["id"]), r["title"], r["partner"], r["status"], format_iso(r["due_date"])]
            for r in record.responsibilities
        ],
        width,
        (0.07, 0.45, 0.22, 0.12, 0.14),
    )
    story += _section(
        t,
        N_("Solicitudes presentadas"),
        [N_("Tipo"), N_("Recibida el"), N_("Vence el"), N_("Estado"), N_("Respondida el")],
        [
            [
                r["type"],
                format_iso(r["received_on"]),
                format_iso(r["due_on"]),
                r["status"],
                format_iso(r["answered_on"]),
            ]
            for r in record.requests
        ],
        width,
        (0.3, 0.15, 0.15, 0.2, 0.2),
    )
    story += _section(
        t,
        N_("Evidencia marcada con datos personales que puede contener los suyos"),
        [N_("Fecha del avance"), N_("Archivo"), N_("Compromiso"), N_("Descripción")],
        [
            [format_iso(e["date"]), e["name"], e["commitment"], e["description"] or ""]
            for e in record.evidence
        ],
        width,
        (0.12, 0.24, 0.34, 0.3),
    )
    story += _history(t, record, width)
    if record.history_cut:
        story.append(
            para(
                t(
                    N_(
                        "Se resumen los cambios más recientes; el archivo JSON del registro los tiene todos."
                    )
                ),
                st.small,
            )
        )
    # The citizen's rights in one piece: never cut by a page break and a header.
    story += [Spacer(1, 0.3 * cm), KeepTogether([para(t(RIGHTS), st.small)])]
    build_pdf(target, info, story, invariant=invariant)


def _history(t: Labels, record: PersonRecord, width: float) -> list[Flowable]:
    """The history, one row per record: what it holds about the person, when it was first
    recorded and last changed, by whom (services/personal_data/summary.py)."""
    by = t(N_("por {who}"))
    rows = [
        [
            r["record"],
            r["recorded"],
            f"{r['first']}\n{by.format(who=r['first_by'])}",
            f"{r['last']}\n{by.format(who=r['last_by'])}" if r["last"] else "—",
            str(r["changes"]),
        ]
        for r in record.records
    ]
    header = [
        N_("Registro"),
        N_("Lo registrado sobre usted"),
        N_("Registrado el"),
        N_("Último cambio"),
        N_("Cambios"),
    ]
    intro = para(
        t(
            N_(
                "Cada registro del programa que guarda datos suyos o le menciona, con lo que "
                "dice hoy, cuándo se registró, quién lo hizo y cuántas veces cambió."
            )
        ),
        styles().small,
    )
    section = _section(t, N_("Historial de sus datos"), header, rows, width, HISTORY_SHARES)
    return [section[0], intro, *section[1:]]


HISTORY_SHARES = (0.25, 0.41, 0.13, 0.13, 0.08)


def _heading(text: str) -> Paragraph:
    return Paragraph(markup(text), styles().h1)


def _section(
    t: Labels, title: str, header: list[str], rows: list[list[str]], width: float, shares
) -> list[Flowable]:
    if not rows:
        return [_heading(t(title)), para(t(N_("No hay registros.")), styles().small)]
    widths = [width * s for s in shares]
    return [_heading(t(title)), *data_table([t(h) for h in header], rows, widths)]
