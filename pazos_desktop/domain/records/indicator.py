"""An indicator sheet (ficha), its values and the population per territory and year: the
figures the strategy is followed by. Only aggregates, never data of persons.

The sheets' checks of figures are worded as they always were ("debe estar entre 1 y
100.000.000"), by the figure kinds (`Kind.FIGURE`, `COUNT`, `YEAR`); a choice typed wrong is
refused with "elija uno de la lista." (`unreadable`). Dates are checked against the period and
today by the services, never refused for being far away (`ANY_DATE`).
"""

from __future__ import annotations

from pazos_desktop.domain.fields import ANY_DATE, FROM_THE_LIST, MAX_FIGURE, Field, Kind, Record
from pazos_desktop.domain.indicators import (
    AGGREGATION_LABELS,
    DIRECTION_LABELS,
    LEVEL_LABELS,
    PERIODICITY_LABELS,
    SEX_LABELS,
)
from pazos_desktop.i18n import N_

SIGNED = {"minimum": -MAX_FIGURE, "maximum": MAX_FIGURE}  # a baseline may be negative
COUNTED = {"minimum": 0, "maximum": MAX_FIGURE}  # a numerator, a denominator
ABOVE_ZERO = {"minimum": 0, "positive": True}  # a divisor, a multiplier
DESCRIBED = {"kind": Kind.LONG, "max_len": 2000}  # what a numerator or a denominator counts


def _choice(key: str, label: str, choices: dict, hxl: str, required: bool = True) -> Field:
    return Field(
        key,
        label,
        Kind.CHOICE,
        required=required,
        choices=choices,
        hxl=hxl,
        unreadable=FROM_THE_LIST,
    )


INDICATOR = Record(
    "indicator",
    N_("Indicador"),
    (
        Field("code", N_("Código"), required=True, max_len=30, hxl="#indicator+code"),
        Field("name", N_("Nombre"), required=True, max_len=300, hxl="#indicator+name"),
        Field("definition", N_("Definición"), Kind.LONG, max_len=4000, hxl="#description"),
        _choice("level", N_("Nivel"), LEVEL_LABELS, "#indicator+level"),
        Field("numerator_description", N_("Numerador"), **DESCRIBED, hxl="#description+numerator"),
        Field(
            "denominator_description",
            N_("Denominador"),
            **DESCRIBED,
            hxl="#description+denominator",
        ),
        Field("unit", N_("Unidad"), max_len=100, hxl="#indicator+unit"),
        Field("source", N_("Fuente"), max_len=300, hxl="#meta+source"),
        _choice("periodicity", N_("Periodicidad"), PERIODICITY_LABELS, "#indicator+periodicity"),
        _choice(
            "aggregation", N_("Regla de agregación"), AGGREGATION_LABELS, "#indicator+aggregation"
        ),
        Field(
            "scale",
            N_("Multiplicador"),
            Kind.FIGURE,
            **ABOVE_ZERO,
            maximum=1e9,
            hxl="#indicator+scale",
        ),
        Field(
            "population_denominator",
            N_("Denominador: población"),
            Kind.BOOL,
            hxl="#indicator+denom+population",
        ),
        _choice("direction", N_("Sentido"), DIRECTION_LABELS, "#indicator+direction"),
        Field("by_sex", N_("Por sexo"), Kind.BOOL, hxl="#indicator+sex"),
        Field("age_bands", N_("Franjas de edad"), max_len=300, hxl="#indicator+age"),
        Field("baseline_value", N_("Línea base"), Kind.FIGURE, **SIGNED, hxl="#indicator+baseline"),
        Field("baseline_year", N_("Año de la línea base"), Kind.YEAR, hxl="#date+year+baseline"),
        Field("target_value", N_("Meta"), Kind.FIGURE, **SIGNED, hxl="#indicator+target"),
        Field("target_year", N_("Año de la meta"), Kind.YEAR, hxl="#date+year+target"),
        Field("partner_id", N_("Entidad responsable"), Kind.REF, "partner", hxl="#org+name"),
        Field("component_ids", N_("Componentes"), Kind.REFS, "component", hxl="#sector"),
        Field("program_ids", N_("Programas"), Kind.REFS, "program", hxl="#activity+programme"),
        Field(
            "commitment_ids",
            N_("Compromisos que contribuyen"),
            Kind.REFS,
            "commitment",
            hxl="#activity+id",
        ),
        Field("notes", N_("Notas"), Kind.LONG, max_len=4000, hxl="#description+notes"),
    ),
)

INDICATOR_VALUE = Record(
    "indicator_value",
    N_("Valor"),
    (
        Field(
            "indicator_id",
            N_("Código del indicador"),
            Kind.REF,
            "indicator",
            required=True,
            hxl="#indicator+code",
        ),
        Field("indicator_name", N_("Indicador"), max_len=300, hxl="#indicator+name", info=True),
        Field("cluster_id", N_("Territorio"), Kind.REF, "cluster", required=True, hxl="#loc"),
        Field("period_start", N_("Periodo"), Kind.PERIOD, required=True, hxl="#date+period"),
        _choice("sex", N_("Sexo"), SEX_LABELS, "#x_sex", required=False),
        Field("age_band", N_("Franja de edad"), max_len=30, hxl="#x_age"),
        Field("numerator", N_("Numerador"), Kind.FIGURE, **COUNTED, hxl="#indicator+num"),
        Field(
            "denominator",
            N_("Denominador"),
            Kind.FIGURE,
            **COUNTED,
            positive=True,
            hxl="#indicator+denom",
        ),
        Field("value", N_("Valor"), Kind.FIGURE, **SIGNED, hxl="#indicator+value"),
        Field(
            "computed",
            N_("Valor calculado"),
            Kind.FIGURE,
            hxl="#indicator+value+calculated",
            info=True,
        ),
        Field("source", N_("Fuente"), max_len=300, hxl="#meta+source"),
        Field("cut_off", N_("Fecha de corte"), Kind.DATE, **ANY_DATE, hxl="#date+reported"),
        Field("data_version", N_("Versión del dato"), Kind.COUNT, hxl="#meta+version", info=True),
        Field("is_current", N_("Vigente"), Kind.BOOL, hxl="#meta+current", info=True),
        Field("notes", N_("Notas"), Kind.LONG, max_len=4000, hxl="#description"),
    ),
)

POPULATION = Record(
    "population",
    N_("Población"),
    (
        Field("cluster_id", N_("Territorio"), Kind.REF, "cluster", required=True, hxl="#loc"),
        Field("year", N_("Año"), Kind.YEAR, required=True, hxl="#date+year"),
        Field(
            "population",
            N_("Población"),
            Kind.COUNT,
            required=True,
            minimum=1,
            maximum=100_000_000,
            hxl="#population",
        ),
        Field("source", N_("Fuente"), max_len=300, hxl="#meta+source"),
        Field("notes", N_("Notas"), Kind.LONG, max_len=4000, hxl="#description"),
    ),
)
