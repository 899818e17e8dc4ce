"""The reporting cycle's records: the office's own periods, a partner's report for a period and
the coordination's remarks on it, evidence files, and closed periods. The steps of a report
(sent, received, accepted, sent back) and a closure's dates are stamped by their services
(`info`): declared here for the history's labels."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.domain.reporting import STATE_LABELS, ReportState
from pazos_desktop.i18n import N_


def _shown(key: str, label: str, kind: Kind = Kind.TEXT, ref: str | None = None, **more) -> Field:
    return Field(key, label, kind, ref, info=True, **more)


REPORTING_PERIOD = Record(
    "reporting_period",
    N_("Periodo de reporte"),
    (
        Field("code", N_("Código"), required=True, max_len=20),
        Field("name", N_("Nombre"), required=True, max_len=100),
        Field("start_date", N_("Desde"), Kind.DATE, required=True),
        Field("end_date", N_("Hasta"), Kind.DATE, required=True),
    ),
)

PARTNER_REPORT = Record(
    "partner_report",
    N_("Reporte de un aliado"),
    (
        _shown("period_code", N_("Periodo"), max_len=20),
        _shown("period_start", N_("Inicio del periodo"), Kind.DATE, hidden=True),
        _shown("period_end", N_("Fin del periodo"), Kind.DATE, hidden=True),
        _shown("partner_id", N_("Entidad"), Kind.REF, "partner"),
        _shown(
            "state",
            N_("Estado del reporte"),
            Kind.CHOICE,
            choices={s.value: STATE_LABELS[s] for s in ReportState},
        ),
        _shown("sent_at", N_("Enviado el"), Kind.MOMENT),
        _shown("sent_to", N_("Enviado a"), max_len=500),
        _shown("sent_file", N_("Hoja enviada"), max_len=300),
        _shown("received_at", N_("Recibido el"), Kind.MOMENT),
        _shown("received_file", N_("Hoja recibida"), max_len=300),
        _shown("decided_at", N_("Revisado el"), Kind.MOMENT),
        _shown("decided_by", N_("Revisado por"), max_len=200),
        Field("remark", N_("Observaciones de la coordinación"), Kind.LONG, max_len=4000),
    ),
)

REPORT_REMARK = Record(
    "partner_report_remark",
    N_("Observación de la coordinación"),
    (
        _shown("report_id", N_("Reporte"), Kind.REF, "partner_report", hidden=True),
        _shown("commitment_id", N_("Compromiso"), Kind.REF, "commitment"),
        Field("remark", N_("Observación"), Kind.LONG, required=True, max_len=2000),
    ),
)

EVIDENCE = Record(
    "evidence",
    N_("Evidencia"),
    (
        _shown("progress_update_id", N_("Avance"), Kind.REF, "progress_update", hidden=True),
        _shown("file_id", N_("Archivo"), Kind.WHOLE, hidden=True),
        Field("name", N_("Archivo"), required=True, max_len=255),
        Field("description", N_("Descripción"), Kind.LONG, max_len=2000),
        Field("personal_data", N_("Contiene datos personales o de menores"), Kind.BOOL),
        _shown("created_by", N_("Registrado por"), max_len=200),
    ),
)

CLOSURE = Record(
    "period_closure",
    N_("Cierre de un periodo"),
    (
        _shown("period_code", N_("Periodo"), max_len=20),
        _shown("period_start", N_("Inicio del periodo"), Kind.DATE),
        _shown("period_end", N_("Fin del periodo"), Kind.DATE),
        _shown("cluster_ids", N_("Clústeres"), Kind.REFS, "cluster"),
        Field("reason", N_("Motivo del cierre"), Kind.LONG, required=True, max_len=2000),
        _shown("closed_at", N_("Cerrado el"), Kind.MOMENT),
        _shown("closed_by", N_("Cerrado por"), max_len=200),
        _shown("reopened_at", N_("Reabierto el"), Kind.MOMENT),
        _shown("reopened_by", N_("Reabierto por"), max_len=200),
        _shown("reopen_reason", N_("Motivo de la reapertura"), Kind.LONG, max_len=2000),
    ),
)
