"""A program (e.g. Forjar Oportunidades)."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record, link
from pazos_desktop.i18n import N_

PROGRAM = Record(
    "program",
    N_("Programa"),
    (
        Field("name", N_("Nombre"), required=True, max_len=300, hxl="#activity+programme+name"),
        Field(
            "lead_partner_id",
            N_("Entidad líder"),
            Kind.REF,
            column="lead_partner",
            hxl="#org+lead+name",
            ref="partner",
        ),  # fmt: skip
        link("component_id", N_("Componente"), "component", "#sector"),
        Field("description", N_("Descripción"), Kind.LONG, max_len=4000, hxl="#description"),
    ),
)
