"""A commitment (compromiso): what a partner committed to, where, by when."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record, link
from pazos_desktop.domain.vocabulary import STATUS_LABELS, Status
from pazos_desktop.i18n import N_

STATUS_CHOICES = {s.value: STATUS_LABELS[s] for s in Status}

COMMITMENT = Record(
    "commitment",
    N_("Compromiso"),
    (
        Field(
            "partner_id",
            N_("Entidad responsable"),
            Kind.REF,
            required=True,
            column="partner",
            header=N_("Entidad"),
            hxl="#org+name",
            ref="partner",
        ),  # fmt: skip
        Field(
            "component_id",
            N_("Componente"),
            Kind.REF,
            required=True,
            column="component",
            hxl="#sector",
            ref="component",
        ),  # fmt: skip
        Field(
            "cluster_ids",
            N_("Clústeres"),
            Kind.REFS,
            column="clusters",
            hxl="#loc+cluster+name",
            ref="cluster",
        ),  # fmt: skip
        link("program_id", N_("Programa"), "program", "#activity+programme"),
        link("contact_id", N_("Responsable"), "contact", "#contact+name"),
        Field("title", N_("Compromiso"), required=True, max_len=500, hxl="#activity+name"),
        Field(
            "description",
            N_("Descripción"),
            Kind.LONG,
            max_len=4000,
            hxl="#activity+description",
        ),  # fmt: skip
        Field("unit", N_("Unidad"), max_len=100, hxl="#x_unit"),
        Field("target_quantity", N_("Meta"), Kind.QUANTITY, hxl="#targeted"),
        Field("achieved_quantity", N_("Logrado"), Kind.QUANTITY, default=0.0, hxl="#reached"),
        Field("amount_cop", N_("Valor (COP)"), Kind.MONEY, hxl="#value+budget"),
        Field("start_date", N_("Fecha de inicio"), Kind.DATE, hxl="#date+start"),
        Field("due_date", N_("Fecha límite"), Kind.DATE, hxl="#date+end"),
        Field(
            "status",
            N_("Estado"),
            Kind.CHOICE,
            required=True,
            choices=STATUS_CHOICES,
            default=Status.PIPELINE.value,
            hxl="#status",
        ),  # fmt: skip
        Field("notes", N_("Notas"), Kind.LONG, max_len=4000, hxl="#description+notes"),
        Field("all_clusters", N_("Todos los clústeres"), Kind.BOOL, default=False),
        # The acta where it was agreed: the history reads "Acordado en: Acta No. 007 de 2026".
        Field("origin_meeting_id", N_("Acordado en"), Kind.REF, "meeting"),
    ),
)
