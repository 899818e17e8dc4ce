"""The bulk format: the sheets and columns shared by the full workbook, the bulk template and
the bulk import, so an exported workbook can be imported again as it is.

Columns of records' fields are built from their declarations (`pazos_desktop/records/`):
header, HXL tag and requirement come from there; this module adds widths and the order.
Columns are found on import by their header in Spanish or English (accents and case ignored)
or by their HXL hashtag; an HXL row right under the header is recognised and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from pazos_desktop.domain.fields import REFS_SEPARATOR, Field, Kind, Record
from pazos_desktop.domain.records import (
    AUTHORISATION,
    CLUSTER,
    COMMITMENT,
    CONTACT,
    NEIGHBOURHOOD,
    PARTNER,
    PARTNER_REPORT,
    PROGRAM,
    PROGRESS,
)
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import N_, translate

# Column kinds: how a value is written and parsed.
ID, TEXT, WRAP, NUMBER, COP, DATE, BOOL, CHOICE, VERSION = (
    "id",
    "text",
    "wrap",
    "number",
    "cop",
    "date",
    "bool",
    "choice",
    "version",
)


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Spanish source, translated when written
    hxl: str
    kind: str = TEXT
    width: float = 16
    required: bool = False
    info: bool = False  # written for reading, ignored by the import
    field: Field | None = None  # the declared field whose values this column holds

    def header(self, lang: str) -> str:
        return translate(self.label, lang)


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str  # Spanish source of the sheet name
    columns: tuple[Column, ...]
    importable: bool = True

    def name(self, lang: str) -> str:
        return translate(self.title, lang)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


# How a declared field's values are written in a sheet (styles, drop-downs).
KIND_COLUMN = {
    Kind.TEXT: TEXT,
    Kind.LONG: WRAP,
    Kind.QUANTITY: NUMBER,
    Kind.MONEY: COP,
    Kind.WHOLE: NUMBER,
    Kind.DATE: DATE,
    Kind.BOOL: BOOL,
    Kind.CHOICE: CHOICE,
    Kind.REF: TEXT,  # another record, by its name
    Kind.REFS: TEXT,  # other records, their names joined
}


def col(spec: Field, width: float, kind: str | None = None) -> Column:
    """The column of a declared field: key, header, HXL tag and requirement come from it."""
    return Column(
        spec.sheet_key(),
        spec.header or spec.label,
        spec.hxl or f"#x_{spec.key}",
        kind or KIND_COLUMN[spec.kind],
        width,
        required=spec.required,
        field=spec,
    )


def _id(hxl: str) -> Column:
    return Column("id", N_("ID"), hxl, ID, 7)


def _version() -> Column:
    return Column("version", N_("Versión"), "#x_version", VERSION, 8)


def _columns(record: Record, widths: dict[str, float], kinds: dict | None = None):
    return tuple(col(record[key], width, (kinds or {}).get(key)) for key, width in widths.items())


P, K, CL, N, PR, C, A = PARTNER, CONTACT, CLUSTER, NEIGHBOURHOOD, PROGRAM, COMMITMENT, PROGRESS
PARTNERS = SheetSpec(
    "partners",
    N_("Entidades"),
    (
        _id("#org+id"),
        *_columns(
            P,
            {"name": 36, "acronym": 10, "type": 22, "nit": 14, "address": 24, "phone": 16}
            | {"email": 26, "website": 22, "agreement_ref": 16, "agreement_start": 12}
            | {"agreement_end": 12, "notes": 30, "archived": 10},
        ),
        _version(),
    ),
)


AUTHORISATION_PREFIX = "auth_"
# field of the authorisation -> (spreadsheet kind, width)
_AUTHORISATION_KINDS = {
    "granted_on": ("date", 12),
    "means": ("text", 18),
    "purpose_ids": ("wrap", 34),
    "policy_id": ("text", 10),
    "evidence_ref": ("text", 24),
    "revoked_on": ("date", 12),
}


def authorisation_columns() -> tuple[Column, ...]:
    """The Contactos sheet's authorisation columns (Ley 1581), from their declarations."""
    columns = []
    for key, (kind, width) in _AUTHORISATION_KINDS.items():
        f = AUTHORISATION[key]
        columns.append(Column(AUTHORISATION_PREFIX + key, f.header, f.hxl, kind, width))
    return tuple(columns)


CONTACTS = SheetSpec(
    "contacts",
    N_("Contactos"),
    (
        _id("#contact+id"),
        *_columns(
            K,
            {"partner_id": 34, "name": 26, "position": 24, "email": 28, "phone": 16}
            | {"archived": 10},
        ),
        *authorisation_columns(),  # Ley 1581: the contact's latest authorisation
        _version(),
    ),
)

CLUSTERS = SheetSpec(
    "clusters",
    N_("Clústeres"),
    (_id("#loc+cluster+id"), *_columns(CL, {"name": 30, "description": 50}), _version()),
)

NEIGHBOURHOODS = SheetSpec(
    "neighbourhoods",
    N_("Barrios"),
    (
        _id("#loc+neighbourhood+id"),
        *_columns(
            N,
            {"name": 30, "comuna": 14, "cluster_id": 28}
            | {"department_code": 12, "municipality_code": 12},
        ),
        _version(),
    ),
)

PROGRAMS = SheetSpec(
    "programs",
    N_("Programas"),
    (
        _id("#activity+programme+id"),
        *_columns(
            PR,
            {"name": 30, "lead_partner_id": 30, "component_id": 20, "description": 44},
            {"component_id": CHOICE},
        ),
        _version(),
    ),
)

_COMMITMENT_WIDTHS = {"partner_id": 30, "component_id": 18, "cluster_ids": 24, "program_id": 20}
_COMMITMENT_WIDTHS |= {"contact_id": 22, "title": 40, "description": 30, "unit": 12}
_COMMITMENT_WIDTHS |= {"target_quantity": 9, "achieved_quantity": 9, "amount_cop": 15}
_COMMITMENT_WIDTHS |= {"start_date": 12, "due_date": 12, "status": 14}
COMMITMENTS = SheetSpec(
    "commitments",
    N_("Compromisos"),
    (
        _id("#activity+id"),
        *_columns(
            C,
            _COMMITMENT_WIDTHS,
            {"component_id": CHOICE, "cluster_ids": WRAP, "title": WRAP},
        ),
        Column("effective_status", N_("Estado a la fecha"), "#status+current", TEXT, 14, info=True),
        col(C["notes"], 30),
        _version(),
    ),
)

PROGRESS_SHEET = SheetSpec(
    "progress",
    N_("Avances"),
    (
        Column("id", N_("ID"), "#x_progress+id", ID, 7),
        col(A["commitment_id"], 10, ID),
        Column("partner", N_("Entidad"), "#org+name", TEXT, 28, info=True),
        Column("title", N_("Compromiso"), "#activity+name", WRAP, 36, info=True),
        *_columns(
            A,
            {"date": 12, "achieved_quantity": 9, "status": 14, "comment": 36, "source": 12}
            | {"source_ref": 24, "created_by": 16},
            {"status": TEXT, "source": TEXT},
        ),
    ),
    importable=False,
)

R = PARTNER_REPORT
# The reporting cycle's states, partner by period (written for reading; not imported).
REPORTS_SHEET = SheetSpec(
    "reports",
    N_("Reportes de los aliados"),
    (
        col(R["period_code"], 10, TEXT),
        Column("partner", N_("Entidad"), "#org+name", TEXT, 30),
        col(R["state"], 14, TEXT),
        Column("due", N_("Plazo"), "#date+due", DATE, 12),
        col(R["sent_at"], 16, TEXT),
        col(R["sent_to"], 26, WRAP),
        col(R["received_at"], 16, TEXT),
        col(R["received_file"], 24, TEXT),
        col(R["decided_at"], 16, TEXT),
        col(R["decided_by"], 14, TEXT),
        col(R["remark"], 36, WRAP),
    ),
    importable=False,
)

# In the order they are imported: what a later sheet refers to is created first.
IMPORT_SHEETS = (PARTNERS, CONTACTS, CLUSTERS, NEIGHBOURHOODS, PROGRAMS, COMMITMENTS)
WORKBOOK_SHEETS = (*IMPORT_SHEETS, PROGRESS_SHEET, REPORTS_SHEET)
ALL_CLUSTERS_LABEL = N_("Todos los clústeres")
CLUSTER_SEPARATOR = REFS_SEPARATOR
YES_NO = (N_("Sí"), N_("No"))


def sheet_for_name(name: str) -> SheetSpec | None:
    """The spec whose sheet name (Spanish or English) is `name`."""
    key = fold(name)
    for spec in WORKBOOK_SHEETS:
        if key in {fold(spec.title), fold(translate(spec.title, "en"))}:
            return spec
    return None


def column_lookup(spec: SheetSpec) -> dict[str, Column]:
    """Folded header (both languages) and HXL tag -> column."""
    out: dict[str, Column] = {}
    for col in spec.columns:
        out[fold(col.label)] = col
        out[fold(translate(col.label, "en"))] = col
        out[col.hxl.lower()] = col
    return out
