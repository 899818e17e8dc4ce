"""A partner (entidad aliada)."""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Kind, Record
from pazos_desktop.domain.vocabulary import PARTNER_TYPE_LABELS, PartnerType
from pazos_desktop.i18n import N_

PARTNER = Record(
    "partner",
    N_("Entidad"),
    (
        Field("name", N_("Nombre"), required=True, max_len=300, hxl="#org+name"),
        Field("acronym", N_("Sigla"), max_len=50, hxl="#org+acronym"),
        Field(
            "type",
            N_("Tipo de entidad"),
            Kind.CHOICE,
            required=True,
            choices={str(k): v for k, v in PARTNER_TYPE_LABELS.items()},
            default=PartnerType.PUBLIC.value,
            hxl="#org+type",
        ),
        Field("nit", N_("NIT"), max_len=20, hxl="#org+code"),
        Field("address", N_("Dirección"), max_len=300, hxl="#contact+address"),
        Field("phone", N_("Teléfono"), max_len=100, hxl="#contact+phone"),
        Field("email", N_("Correo electrónico"), max_len=200, hxl="#contact+email"),
        Field("website", N_("Sitio web"), max_len=300, hxl="#contact+url"),
        Field("agreement_ref", N_("Convenio"), max_len=200, hxl="#x_agreement"),
        Field("agreement_start", N_("Inicio del convenio"), Kind.DATE, hxl="#date+start"),
        Field("agreement_end", N_("Fin del convenio"), Kind.DATE, hxl="#date+end"),
        Field("notes", N_("Notas"), Kind.LONG, max_len=4000, hxl="#description"),
        Field("archived", N_("Archivada"), Kind.BOOL, default=False, hxl="#x_archived"),
    ),
)
