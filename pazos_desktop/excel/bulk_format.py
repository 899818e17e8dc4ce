"""The bulk format: the sheets and columns shared by the full workbook, the bulk template and
the bulk import, so an exported workbook can be imported again as it is.

Columns are found on import by their header in Spanish or English (accents and case ignored)
or by their HXL hashtag; an HXL row right under the header is recognised and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import fold
from ..i18n import N_, translate

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


def _version() -> Column:
    return Column("version", N_("Versión"), "#x_version", VERSION, 8)


PARTNERS = SheetSpec(
    "partners",
    N_("Entidades"),
    (
        Column("id", N_("ID"), "#org+id", ID, 7),
        Column("name", N_("Nombre"), "#org+name", TEXT, 36, required=True),
        Column("acronym", N_("Sigla"), "#org+acronym", TEXT, 10),
        Column("type", N_("Tipo de entidad"), "#org+type", CHOICE, 22),
        Column("nit", N_("NIT"), "#org+code", TEXT, 14),
        Column("address", N_("Dirección"), "#contact+address", TEXT, 24),
        Column("phone", N_("Teléfono"), "#contact+phone", TEXT, 16),
        Column("email", N_("Correo electrónico"), "#contact+email", TEXT, 26),
        Column("website", N_("Sitio web"), "#contact+url", TEXT, 22),
        Column("agreement_ref", N_("Convenio"), "#x_agreement", TEXT, 16),
        Column("agreement_start", N_("Inicio del convenio"), "#date+start", DATE, 12),
        Column("agreement_end", N_("Fin del convenio"), "#date+end", DATE, 12),
        Column("notes", N_("Notas"), "#description", WRAP, 30),
        Column("archived", N_("Archivada"), "#x_archived", BOOL, 10),
        _version(),
    ),
)


def _authorisation_columns() -> tuple[Column, ...]:
    from .bulk_authorisations import columns

    return columns()


CONTACTS = SheetSpec(
    "contacts",
    N_("Contactos"),
    (
        Column("id", N_("ID"), "#contact+id", ID, 7),
        Column("partner", N_("Entidad"), "#org+name", TEXT, 34, required=True),
        Column("name", N_("Nombre"), "#contact+name", TEXT, 26, required=True),
        Column("position", N_("Cargo"), "#contact+position", TEXT, 24),
        Column("email", N_("Correo electrónico"), "#contact+email", TEXT, 28),
        Column("phone", N_("Teléfono"), "#contact+phone", TEXT, 16),
        Column("archived", N_("Archivado"), "#x_archived", BOOL, 10),
        *_authorisation_columns(),  # Ley 1581: the contact's latest authorisation
        _version(),
    ),
)

CLUSTERS = SheetSpec(
    "clusters",
    N_("Clústeres"),
    (
        Column("id", N_("ID"), "#loc+cluster+id", ID, 7),
        Column("name", N_("Nombre"), "#loc+cluster+name", TEXT, 30, required=True),
        Column("description", N_("Descripción"), "#description", WRAP, 50),
        _version(),
    ),
)

NEIGHBOURHOODS = SheetSpec(
    "neighbourhoods",
    N_("Barrios"),
    (
        Column("id", N_("ID"), "#loc+neighbourhood+id", ID, 7),
        Column("name", N_("Nombre"), "#loc+neighbourhood+name", TEXT, 30, required=True),
        Column("comuna", N_("Comuna"), "#loc+comuna", TEXT, 14),
        Column("cluster", N_("Clúster"), "#loc+cluster+name", TEXT, 28),
        Column("department_code", N_("Código DANE del departamento"), "#adm1+code", TEXT, 12),
        Column("municipality_code", N_("Código DANE del municipio"), "#adm2+code", TEXT, 12),
        _version(),
    ),
)

PROGRAMS = SheetSpec(
    "programs",
    N_("Programas"),
    (
        Column("id", N_("ID"), "#activity+programme+id", ID, 7),
        Column("name", N_("Nombre"), "#activity+programme+name", TEXT, 30, required=True),
        Column("lead_partner", N_("Entidad líder"), "#org+lead+name", TEXT, 30),
        Column("component", N_("Componente"), "#sector", CHOICE, 20),
        Column("description", N_("Descripción"), "#description", WRAP, 44),
        _version(),
    ),
)

COMMITMENTS = SheetSpec(
    "commitments",
    N_("Compromisos"),
    (
        Column("id", N_("ID"), "#activity+id", ID, 7),
        Column("partner", N_("Entidad"), "#org+name", TEXT, 30, required=True),
        Column("component", N_("Componente"), "#sector", CHOICE, 18, required=True),
        Column("clusters", N_("Clústeres"), "#loc+cluster+name", WRAP, 24),
        Column("program", N_("Programa"), "#activity+programme", TEXT, 20),
        Column("contact", N_("Responsable"), "#contact+name", TEXT, 22),
        Column("title", N_("Compromiso"), "#activity+name", WRAP, 40, required=True),
        Column("description", N_("Descripción"), "#activity+description", WRAP, 30),
        Column("unit", N_("Unidad"), "#x_unit", TEXT, 12),
        Column("target_quantity", N_("Meta"), "#targeted", NUMBER, 9),
        Column("achieved_quantity", N_("Logrado"), "#reached", NUMBER, 9),
        Column("amount_cop", N_("Valor (COP)"), "#value+budget", COP, 15),
        Column("start_date", N_("Fecha de inicio"), "#date+start", DATE, 12),
        Column("due_date", N_("Fecha límite"), "#date+end", DATE, 12),
        Column("status", N_("Estado"), "#status", CHOICE, 14),
        Column("effective_status", N_("Estado a la fecha"), "#status+current", TEXT, 14, info=True),
        Column("notes", N_("Notas"), "#description+notes", WRAP, 30),
        _version(),
    ),
)

PROGRESS = SheetSpec(
    "progress",
    N_("Avances"),
    (
        Column("id", N_("ID"), "#x_progress+id", ID, 7),
        Column("commitment_id", N_("ID del compromiso"), "#activity+id", ID, 10),
        Column("partner", N_("Entidad"), "#org+name", TEXT, 28),
        Column("title", N_("Compromiso"), "#activity+name", WRAP, 36),
        Column("date", N_("Fecha"), "#date+reported", DATE, 12),
        Column("achieved_quantity", N_("Logrado"), "#reached", NUMBER, 9),
        Column("status", N_("Estado"), "#status", TEXT, 14),
        Column("comment", N_("Comentario"), "#description+comment", WRAP, 36),
        Column("source", N_("Origen"), "#meta+source", TEXT, 12),
        Column("source_ref", N_("Referencia"), "#meta+ref", TEXT, 24),
        Column("created_by", N_("Registrado por"), "#contact+reporter", TEXT, 16),
    ),
    importable=False,
)

# In the order they are imported: what a later sheet refers to is created first.
IMPORT_SHEETS = (PARTNERS, CONTACTS, CLUSTERS, NEIGHBOURHOODS, PROGRAMS, COMMITMENTS)
WORKBOOK_SHEETS = (*IMPORT_SHEETS, PROGRESS)
ALL_CLUSTERS_LABEL = N_("Todos los clústeres")
CLUSTER_SEPARATOR = "; "
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
