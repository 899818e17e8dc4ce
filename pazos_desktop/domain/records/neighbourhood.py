"""A neighbourhood (barrio), in at most one cluster."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Record, link
from pazos_desktop.i18n import N_

NEIGHBOURHOOD = Record(
    "neighbourhood",
    N_("Barrio"),
    (
        Field("name", N_("Nombre"), required=True, max_len=200, hxl="#loc+neighbourhood+name"),
        Field("comuna", N_("Comuna"), max_len=100, hxl="#loc+comuna"),
        link("cluster_id", N_("Clúster"), "cluster", "#loc+cluster+name"),
        # DANE DIVIPOLA codes, text with their leading zeros (the service normalises them;
        # blank: the entity's own, from Configuración).
        Field(
            "department_code",
            N_("Código DANE del departamento"),
            max_len=12,
            hxl="#adm1+code",
        ),
        Field(
            "municipality_code",
            N_("Código DANE del municipio"),
            max_len=12,
            hxl="#adm2+code",
        ),
    ),
)
