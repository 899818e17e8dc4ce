"""A cluster (clúster): neighbourhoods grouped by their shared traits."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.i18n import N_

CLUSTER = Record(
    "cluster",
    N_("Clúster"),
    (
        Field("name", N_("Nombre"), required=True, max_len=200, hxl="#loc+cluster+name"),
        Field("description", N_("Descripción"), Kind.LONG, max_len=2000, hxl="#description"),
    ),
)
