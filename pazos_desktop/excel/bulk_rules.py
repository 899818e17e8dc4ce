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

from ..domain import PARTNER_TYPE_LABELS, STATUS_LABELS, PartnerType, Status
from ..domain import fold as _fold
from ..errors import ValidationError
from ..i18n import _, translate
from ..models import (
    Cluster,
    Commitment,
    Contact,
    Neighbourhood,
    Partner,
    Program,
    commitment_cluster,
)
from ..services import components
from ..services.commitments import SCALAR_FIELDS
from ..services.common import Checker
from ..services.partners import PARTNER_FIELDS, PartnerData, validate_partner
from .bulk_format import ALL_CLUSTERS_LABEL, CLUSTER_SEPARATOR

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
    contact_fields = ["partner_id", "name", "position", "email", "phone", "archived"]
    idx.contacts = _table(session, Contact, contact_fields, lambda c: (c.partner_id, fold(c.name)))
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


# --- choices ----------------------------------------------------------------------------------


def _choices(labels: dict) -> dict[str, str]:
    out = {}
    for code, label in labels.items():
        out[fold(code)] = str(code)
        for lang in ("es", "en"):
            out[fold(translate(label, lang))] = str(code)
    return out


STATUS_CHOICES = _choices({s: STATUS_LABELS[s] for s in Status})
TYPE_CHOICES = _choices(PARTNER_TYPE_LABELS)
ALL_CLUSTERS = {fold(ALL_CLUSTERS_LABEL), fold(translate(ALL_CLUSTERS_LABEL, "en"))}


# --- row checks: each returns the values to save and fills `bad` (column key -> message) -------


class Bad(dict):
    def fail(self, key: str, message: str) -> None:
        self.setdefault(key, message)

    def absorb(self, checker: Checker, mapping: dict[str, str]) -> None:
        for field_name, message in checker.errors.items():
            self.fail(mapping.get(field_name, field_name), message)


def partner_ref(idx: Index, name, bad: Bad, key: str, required: bool) -> Ref | None:
    if not name:
        if required:
            bad.fail(key, _("Entidad: este campo es obligatorio."))
        return None
    found = idx.partners.keys.get(fold(name)) or idx.acronyms.get(fold(name))
    if found is None:
        bad.fail(key, _("No existe la entidad «{name}».").format(name=name))
    return found


def check_partner(session: Session, v: dict, current: dict | None, own_id, bad: Bad) -> dict:
    """The rules of services.partners.validate_partner (it is called itself: partners are few)."""
    values = _merge(v, current, PARTNER_FIELDS, {"type": PartnerType.PUBLIC.value})
    if v.get("type") is not None:
        values["type"] = TYPE_CHOICES.get(fold(v["type"]), v["type"])
    data = PartnerData(**{f: values.get(f) for f in PARTNER_FIELDS}, id=own_id)
    data.archived = bool(values.get("archived"))
    try:
        checked = validate_partner(session, data)
    except ValidationError as exc:
        for field_name, message in exc.fields.items():
            bad.fail(field_name, message)
        return values
    return {f: checked.get(f, values.get(f)) for f in PARTNER_FIELDS}


def check_contact(idx: Index, v: dict, current: dict | None, bad: Bad) -> dict:
    fields = ["partner_id", "name", "position", "email", "phone", "archived"]
    values = _merge(v, current, fields, {"archived": False})
    if "partner" in v:
        values["partner_id"] = partner_ref(idx, v.get("partner"), bad, "partner", True)
    c = Checker()
    values["name"] = c.text("name", values.get("name"), _("Nombre"), required=True, max_len=200)
    values["position"] = c.text("position", values.get("position"), _("Cargo"), max_len=200)
    values["email"] = _email(c, values.get("email"))
    values["phone"] = c.text("phone", values.get("phone"), _("Teléfono"), max_len=100)
    values["archived"] = bool(values.get("archived"))
    bad.absorb(c, {})
    return values


def _email(c: Checker, value):
    from ..domain import is_valid_email

    email = c.text("email", value, _("Correo electrónico"), max_len=200)
    if email and not is_valid_email(email):
        c.fail("email", _("Correo electrónico: «{v}» no es una dirección válida.").format(v=email))
    return email


def check_named(v: dict, current: dict | None, fields: list[str], bad: Bad) -> dict:
    """Clusters, neighbourhoods and programs: a required name and free texts."""
    values = _merge(v, current, fields, {})
    c = Checker()
    values["name"] = c.text("name", values.get("name"), _("Nombre"), required=True, max_len=200)
    if "description" in fields:
        values["description"] = c.text("description", values.get("description"), _("Descripción"))
    if "comuna" in fields:
        values["comuna"] = c.text("comuna", values.get("comuna"), _("Comuna"), max_len=100)
    bad.absorb(c, {})
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
            bad.fail("component", _("Componente: este campo es obligatorio."))
        return None
    found = idx.components.get(fold(name))
    if found is None:
        bad.fail("component", _("No existe el componente «{name}».").format(name=name))
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
    """The rules of services.commitments.validate_commitment, on preloaded lookups."""
    defaults = {"status": Status.PIPELINE.value, "achieved_quantity": 0.0, "all_clusters": False}
    values = _merge(v, current, COMMITMENT_FIELDS, defaults)
    values.setdefault("cluster_ids", frozenset())
    if "partner" in v or current is None:
        values["partner_id"] = partner_ref(idx, v.get("partner"), bad, "partner", True)
    if "component" in v or current is None:
        values["component_id"] = component_id(idx, v.get("component"), bad, True)
    if "program" in v:
        message = _("No existe el programa «{name}».")
        values["program_id"] = ref_by_name(idx.programs, v["program"], "program", bad, message)
    if "contact" in v:
        values["contact_id"] = _contact_ref(idx, values.get("partner_id"), v["contact"], bad)
    if v.get("status") is not None:
        values["status"] = STATUS_CHOICES.get(fold(v["status"]))
        if values["status"] is None:
            bad.fail("status", _("Estado: elija uno de la lista."))
    if "clusters" in v and (v["clusters"] or current is None):
        _clusters(idx, v["clusters"], values, bad)
    _commitment_rules(values, bad)
    return values


def _contact_ref(idx: Index, partner: Ref | None, name, bad: Bad) -> Ref | None:
    if not name or partner is None:
        return None
    found = idx.contacts.keys.get((partner, fold(name)))
    if found is None:
        bad.fail(
            "contact", _("Responsable: «{name}» no es un contacto de la entidad.").format(name=name)
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
            bad.fail("clusters", _("No existe el clúster «{name}».").format(name=name))
        refs.add(ref)
    values["all_clusters"], values["cluster_ids"] = False, frozenset(refs)


def _commitment_rules(values: dict, bad: Bad) -> None:
    c = Checker()
    values["title"] = c.text("title", values.get("title"), _("Compromiso"), True, 500)
    values["description"] = c.text("description", values.get("description"), _("Descripción"))
    values["unit"] = c.text("unit", values.get("unit"), _("Unidad"), max_len=100)
    values["notes"] = c.text("notes", values.get("notes"), _("Notas"))
    for key, label in (
        ("target_quantity", _("Meta")),
        ("achieved_quantity", _("Logrado")),
        ("amount_cop", _("Valor (COP)")),
    ):
        values[key] = c.non_negative(key, values.get(key), label)
    values["achieved_quantity"] = values["achieved_quantity"] or 0.0
    if values["amount_cop"] is not None:
        values["amount_cop"] = round(values["amount_cop"])
    start, due = values.get("start_date"), values.get("due_date")
    if start and due and due < start:
        c.fail("due_date", _("Fecha límite: no puede ser anterior a la fecha de inicio."))
    if not values.get("all_clusters") and not values.get("cluster_ids"):
        c.fail("clusters", _("Clústeres: elija al menos uno, o «todos»."))
    bad.absorb(c, {"amount_cop": "amount_cop"})
