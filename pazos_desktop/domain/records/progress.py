"""A progress update (avance) of a commitment."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.domain.records.commitment import STATUS_CHOICES
from pazos_desktop.domain.vocabulary import SOURCE_LABELS, ProgressSource
from pazos_desktop.i18n import N_

PROGRESS = Record(
    "progress_update",
    N_("Avance"),
    (
        Field(
            "commitment_id",
            N_("ID del compromiso"),
            Kind.REF,
            required=True,
            hxl="#activity+id",
            ref="commitment",
        ),  # fmt: skip
        Field("date", N_("Fecha del avance"), Kind.DATE, required=True, hxl="#date+reported"),
        Field("achieved_quantity", N_("Logrado"), Kind.QUANTITY, hxl="#reached"),
        Field("status", N_("Estado"), Kind.CHOICE, choices=STATUS_CHOICES, hxl="#status"),
        Field("comment", N_("Comentario"), Kind.LONG, max_len=2000, hxl="#description+comment"),
        Field(
            "source",
            N_("Origen"),
            Kind.CHOICE,
            required=True,
            choices={s.value: SOURCE_LABELS[s] for s in ProgressSource},
            default=ProgressSource.MANUAL.value,
            hxl="#meta+source",
        ),  # fmt: skip
        Field("source_ref", N_("Referencia"), max_len=300, hxl="#meta+ref"),
        Field("created_by", N_("Registrado por"), max_len=200, hxl="#contact+reporter"),
    ),
)
