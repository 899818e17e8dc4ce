"""A component (eje) of the strategy: five, seeded; their names are editable."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.i18n import N_

COMPONENT = Record(
    "component",
    N_("Componente"),
    (
        Field("name_es", N_("Nombre en español"), required=True, max_len=200),
        Field("name_en", N_("Nombre en inglés"), required=True, max_len=200),
        Field("description_es", N_("Descripción (español)"), Kind.LONG, max_len=2000),
        Field("description_en", N_("Descripción (inglés)"), Kind.LONG, max_len=2000),
        Field("code", N_("Número"), Kind.WHOLE, info=True),  # 1 to 5, seeded
    ),
)
