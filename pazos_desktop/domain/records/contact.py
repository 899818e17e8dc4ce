"""A contact person of a partner."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.i18n import N_

CONTACT = Record(
    "contact",
    N_("Contacto"),
    (
        Field(
            "partner_id",
            N_("Entidad"),
            Kind.REF,
            required=True,
            column="partner",
            hxl="#org+name",
            ref="partner",
            hidden=True,  # the history of a contact is read in its partner's
        ),  # fmt: skip
        Field("name", N_("Nombre"), required=True, max_len=200, hxl="#contact+name"),
        Field("position", N_("Cargo"), max_len=200, hxl="#contact+position"),
        Field("email", N_("Correo electrónico"), max_len=200, hxl="#contact+email"),
        Field("phone", N_("Teléfono"), max_len=100, hxl="#contact+phone"),
        Field("archived", N_("Archivado"), Kind.BOOL, default=False, hxl="#x_archived"),
    ),
)
