"""The bulk import's rules: what the database already holds (loaded once), how a row finds
its record (ID, else its natural key), and each kind of row checked with the services' rules.

References between sheets are by name; a record created by an earlier sheet of the same file
is referred to as "new:<folded name>" until it exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Contact,
    Neighbourhood,
    Partner,
    Program,
    commitment_cluster,
)
from pazos_desktop.domain.text import fold as _fold
from pazos_desktop.domain.vocabulary import PartnerType, Status
from pazos_desktop.errors import ValidationError
from pazos_desktop.excel.bulk.format import ALL_CLUSTERS_LABEL, CLUSTER_SEPARATOR
from pazos_desktop.i18n import _, translate
from pazos_desktop.services import components, partners
from pazos_desktop.services.commitments.rules import SCALAR_FIELDS, check_commitment_values
from pazos_desktop.services.common import Checker
from pazos_desktop.services.partners import (
    CONTACT_FIELDS,
    PARTNER_FIELDS,
    PartnerData,
    validate_partner,
)
from pazos_desktop.services.report.filters import ambiguous_partner

Ref = int | str  # an existing id, or "new:<folded name>"

# Names, components and statuses repeat on every row: folding them once saves a quarter of
# the checking time at 20,000 rows.
fold = lru_cache(maxsize=100_000)(_fold)

# The same fields the commitment service saves: bulk rows follow the same rules.
COMMITMENT_FIELDS = list(SCALAR_FIELDS)


@dataclass
class Table:
    """Current records of one kind: id -> values, and natural key -> id."""

    rows: dict[int, dict] = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    names: dict[Ref, str] = field(default_factory=dict)

    def add_new(self, key, name: str) -> str:
        ref = f"new:{key if isinstance(key, str) else '|'.join(map(str, key))}"
        self.keys[key] = ref
        self.names[ref] = name
        return ref


@dataclass
class Index:
    components: dict[str, int] = field(default_factory=dict)
    component_names: dict[int, str] = field(default_factory=dict)
    partners: Table = field(default_factory=Table)
    acronyms: dict[str, int] = field(default_factory=dict)
    contacts: Table = field(default_factory=Table)
    clusters: Table = field(default_factory=Table)
    neighbourhoods: Table = field(default_factory=Table)
    programs: Table = field(default_factory=Table)
    commitments: Table = field(default_factory=Table)


def _table(session: Session, model, fields: list[str], key) -> Table:
    table = Table()
    for obj in session.scalars(select(model)):
        values = {f: getattr(obj, f) for f in fields} | {"version": obj.version}
        table.rows[obj.id] = values
        table.keys[key(obj)] = obj.id
        table.names[obj.id] = obj.name
    return table


def load_index(session: Session) -> Index:
    idx = Index()
    for comp in components.list_components(session):
        idx.component_names[comp.id] = comp.name()
        for text in (comp.name_es, comp.name_en, str(comp.code)):
            idx.components[fold(text)] = comp.id
    idx.partners = _table(session, Partner, PARTNER_FIELDS, lambda p: p.name_key)
    idx.acronyms = {fold(p["acronym"]): i for i, p in idx.partners.rows.items() if p["acronym"]}
    idx.contacts = _table(session, Contact, CONTACT_FIELDS, lambda c: (c.partner_id, fold(c.name)))
    idx.clusters = _table(session, Cluster, ["name", "description"], lambda c: c.name_key)
    hood_fields = ["name", "comuna", "cluster_id", "department_code", "municipality_code"]
    idx.neighbourhoods = _table(session, Neighbourhood, hood_fields, lambda n: n.name_key)
    program_fields = ["name", "lead_partner_id", "component_id", "description"]
    idx.programs = _table(session, Program, program_fields, lambda p: p.name_key)
    idx.commitments = _commitments(session, idx.clusters.names)
    return idx


def commitment_key(partner, component, title, clusters, start, due) -> tuple:
    """How a commitment without ID is recognised: everything that tells two apart."""
    return (partner, component, fold(title), clusters, start, due)


def clusters_key(text: str | None) -> str | tuple:
    if fold(text) in ALL_CLUSTERS:
        return "*"
    parts = (p.strip() for p in (text or "").split(CLUSTER_SEPARATOR.strip()))
    return tuple(sorted(fold(p) for p in parts if p))


def _commitments(session: Session, cluster_names: dict) -> Table:
    table = Table()
    cols = [getattr(Commitment, f) for f in ["id", "version", *COMMITMENT_FIELDS]]
    for row in session.execute(select(*cols)):
        values = dict(zip(["id", "version", *COMMITMENT_FIELDS], row, strict=True))
        cid = values.pop("id")
        values["cluster_ids"] = frozenset()
        table.rows[cid] = values
    for cid, cluster_id in session.execute(select(commitment_cluster)):
        table.rows[cid]["cluster_ids"] |= {cluster_id}
    for cid, v in table.rows.items():
        names = tuple(sorted(fold(cluster_names[c]) for c in v["cluster_ids"]))
        key = commitment_key(
            v["partner_id"],
            v["component_id"],
            v["title"],
            "*" if v["all_clusters"] else names,
            v["start_date"],
            v["due_date"],
        )
        table.keys.setdefault(key, []).append(cid)
    return table


ALL_CLUSTERS = {fold(ALL_CLUSTERS_LABEL), fold(translate(ALL_CLUSTERS_LABEL, "en"))}


# --- row checks: each returns the values to save and fills `bad` (field key -> message) --------
# Names are resolved here against the preloaded index; every other rule is the service's own
# rule function (`check_*_values`), the one the window's saves call.


class Bad(dict):
    def fail(self, key: str, message: str) -> None:
        self.setdefault(key, message)

    def absorb(self, checker: Checker) -> None:
        for field_name, message in checker.errors.items():
            self.fail(field_name, message)


def partner_ref(idx: Index, name, bad: Bad, key: str, required: bool) -> Ref | None:
    """A partner by name or acronym, as `services/report/filters.resolve_partners` finds one."""
    if not name:
        if required:
            bad.fail(key, _("Entidad: este campo es obligatorio."))
        return None
    by_name, by_acronym = idx.partners.keys.get(fold(name)), idx.acronyms.get(fold(name))
    if by_name is not None and by_acronym is not None and by_name != by_acronym:
        rows = [
            _Named(r, idx.partners.names.get(r), _acronym(idx, r)) for r in (by_name, by_acronym)
        ]
        bad.fail(key, ambiguous_partner(name, rows))
        return None
    found = by_name if by_name is not None else by_acronym
    if found is None:
        bad.fail(key, _("No existe la entidad «{name}».").format(name=name))
    return found


@dataclass
class _Named:
    id: Ref
    name: str | None
    acronym: str | None


def _acronym(idx: Index, ref: Ref) -> str | None:
    row = idx.partners.rows.get(ref) if isinstance(ref, int) else None
    return row.get("acronym") if row else None


def check_partner(session: Session, v: dict, current: dict | None, own_id, bad: Bad) -> dict:
    """The rules of services.partners.validate_partner (it is called itself: partners are few)."""
    values = _merge(v, current, PARTNER_FIELDS, {"type": PartnerType.PUBLIC.value})
    data = PartnerData(**{f: values.get(f) for f in PARTNER_FIELDS}, id=own_id)
    try:
        checked = validate_partner(session, data)
    except ValidationError as exc:
        for field_name, message in exc.fields.items():
            bad.fail(field_name, message)
        return values
    return {f: checked.get(f, values.get(f)) for f in PARTNER_FIELDS}


def check_contact(idx: Index, v: dict, current: dict | None, bad: Bad) -> dict:
    values = _merge(v, current, CONTACT_FIELDS, {"archived": False})
    if "partner" in v:
        values["partner_id"] = partner_ref(idx, v.get("partner"), bad, "partner_id", True)
    c = Checker()
    values |= partners.check_contact_values(values, c)
    bad.absorb(c)
    return values


def check_named(v: dict, current: dict | None, fields: list[str], rules, bad: Bad) -> dict:
    """Clusters, neighbourhoods and programs: their service's rule function on the row."""
    values = _merge(v, current, fields, {})
    c = Checker()
    checked = rules(values, c)
    values |= {k: checked[k] for k in fields if k in checked and not k.endswith("_id")}
    bad.absorb(c)
    return values


def ref_by_name(table: Table, name, key: str, bad: Bad, message: str) -> Ref | None:
    if not name:
        return None
    found = table.keys.get(fold(name))
    if found is None:
        bad.fail(key, message.format(name=name))
    return found


def component_id(idx: Index, name, bad: Bad, required: bool) -> int | None:
    if not name:
        if required:
            bad.fail("component_id", _("Componente: este campo es obligatorio."))
        return None
    found = idx.components.get(fold(name))
    if found is None:
        bad.fail("component_id", _("No existe el componente «{name}».").format(name=name))
    return found


def _merge(v: dict, current: dict | None, fields: list[str], defaults: dict) -> dict:
    """The row's values over the current record's (a column absent from the sheet keeps its
    value); a new record starts from `defaults`."""
    base = dict(current) if current else dict(defaults)
    for key in fields:
        if key in v:
            base[key] = v[key] if v[key] is not None or key not in defaults else defaults[key]
    return base


def check_commitment(idx: Index, v: dict, current: dict | None, bad: Bad) -> dict:
    """Names resolved on the preloaded index, then services' `check_commitment_values`."""
    defaults = {"status": Status.PIPELINE.value, "achieved_quantity": 0.0, "all_clusters": False}
    values = _merge(v, current, COMMITMENT_FIELDS, defaults)
    values.setdefault("cluster_ids", frozenset())
    if "partner" in v or current is None:
        values["partner_id"] = partner_ref(idx, v.get("partner"), bad, "partner_id", True)
    if "component" in v or current is None:
        values["component_id"] = component_id(idx, v.get("component"), bad, True)
    if "program" in v:
        message = _("No existe el programa «{name}».")
        values["program_id"] = ref_by_name(idx.programs, v["program"], "program_id", bad, message)
    if "contact" in v:
        values["contact_id"] = _contact_ref(idx, values.get("partner_id"), v["contact"], bad)
    if "clusters" in v and (v["clusters"] or current is None):
        _clusters(idx, v["clusters"], values, bad)
    c = Checker()
    checked = check_commitment_values({**values, "cluster_ids": list(values["cluster_ids"])}, c)
    for key in ("partner_id", "component_id"):
        if key in bad:
            c.errors.pop(key, None)  # already said: the name is unknown
    values |= {k: checked[k] for k in COMMITMENT_FIELDS if k not in REF_KEYS}
    bad.absorb(c)
    return values


REF_KEYS = {"partner_id", "component_id", "program_id", "contact_id"}


def _contact_ref(idx: Index, partner: Ref | None, name, bad: Bad) -> Ref | None:
    if not name or partner is None:
        return None
    found = idx.contacts.keys.get((partner, fold(name)))
    if found is None:
        bad.fail(
            "contact_id",
            _("Responsable: «{name}» no es un contacto de la entidad.").format(name=name),
        )
    return found


def _clusters(idx: Index, text, values: dict, bad: Bad) -> None:
    text = text or ""
    if fold(text) in ALL_CLUSTERS:
        values["all_clusters"], values["cluster_ids"] = True, frozenset()
        return
    refs = set()
    for name in filter(None, (part.strip() for part in text.split(CLUSTER_SEPARATOR.strip()))):
        ref = idx.clusters.keys.get(fold(name))
        if ref is None:
            bad.fail("cluster_ids", _("No existe el clúster «{name}».").format(name=name))
        refs.add(ref)
    values["all_clusters"], values["cluster_ids"] = False, frozenset(refs)
