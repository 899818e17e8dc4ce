"""Writing a bulk preview, all or nothing, in the caller's transaction.

Partners, contacts, clusters, neighbourhoods and programs (hundreds at most) go through their
services, which validate again. Commitments (tens of thousands) take a fast path: the rules
were checked by `rules.check_commitment` (those of `validate_commitment`), and rows go
in with executemany, each update guarded by its version; their history rows are built by the
history listener's own functions (`history.created`, `changed`, `entries`), so they read as if
the window had saved each one: a "create" row and one per field, one per changed field.
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from pazos_desktop.db import history
from pazos_desktop.db.fastwrite import insert_many, insert_rows
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Contact,
    HistoryEntry,
    Neighbourhood,
    Partner,
    Program,
    commitment_cluster,
)
from pazos_desktop.errors import ConflictError, PazosError, ValidationError
from pazos_desktop.excel.bulk import authorisations as bulk_authorisations
from pazos_desktop.excel.bulk.preview import refuse_closed_figures
from pazos_desktop.excel.bulk.rules import COMMITMENT_FIELDS
from pazos_desktop.excel.common import CancelFn, ProgressFn, never_cancel, no_progress, step
from pazos_desktop.excel.indicators import apply as indicator_apply
from pazos_desktop.excel.preview import ApplyResult, Change, Preview, refuse_problems
from pazos_desktop.i18n import _
from pazos_desktop.services import partners, programs, territory
from pazos_desktop.services.commitments.editing import search_key

SOURCE_REF = "importación de {file}"  # stored as the history's reason: the working language
ORDER = ["partners", "contacts", "clusters", "neighbourhoods", "programs", "commitments"]
MODELS = {
    "partners": Partner,
    "contacts": Contact,
    "clusters": Cluster,
    "neighbourhoods": Neighbourhood,
    "programs": Program,
    "commitments": Commitment,
}


def apply_bulk(
    session: Session,
    preview: Preview,
    accept: set[str] | None = None,
    accept_all: bool = False,
    progress: ProgressFn = no_progress,
    cancel: CancelFn = never_cancel,
) -> ApplyResult:
    refuse_problems(preview)
    changes = preview.to_apply(accept, accept_all)
    result = ApplyResult()
    result.skipped_conflicts = sum(
        1 for c in preview.conflicts if not (accept_all or c.key in (accept or set()))
    )
    _check_versions(session, changes)
    refuse_closed_figures(session, [c for c in changes if c.entity == "commitments"])
    previous = session.info.get("reason")
    session.info["reason"] = SOURCE_REF.format(file=changes[0].file)[:300] if changes else None
    refs: dict[str, int] = {}
    try:
        for done, entity in enumerate(ORDER):
            step(progress, cancel, done, len(ORDER), entity)
            batch = [c for c in changes if c.entity == entity]
            if entity == "commitments":
                _commitments(session, batch, refs)
            else:
                for change in batch:
                    _save(session, entity, change, refs)
            result.created += sum(1 for c in batch if c.action == "create")
            result.updated += sum(1 for c in batch if c.action == "update")
        indicator_apply.apply_changes(session, changes, refs, result)
    finally:
        session.info["reason"] = previous
    progress(len(ORDER), len(ORDER), _("Listo"))
    return result


def _check_versions(session: Session, changes: list[Change]) -> None:
    """Refuse when a record changed between the preview and now (another window, a person)."""
    for entity, model in MODELS.items():
        wanted = {c.entity_id: c for c in changes if c.entity == entity and c.entity_id}
        ids = list(wanted)
        for start in range(0, len(ids), 5_000):
            query = select(model.id, model.version).where(model.id.in_(ids[start : start + 5_000]))
            for obj_id, version in session.execute(query):
                if version != wanted[obj_id].db_version:
                    raise ConflictError(
                        _(
                            "«{label}» cambió mientras revisaba la vista previa; no se aplicó "
                            "nada. Vuelva a importar el archivo."
                        ).format(label=wanted[obj_id].label)
                    )


def _resolve(value, refs: dict[str, int]):
    return refs[value] if isinstance(value, str) and value.startswith("new:") else value


def _save(session: Session, entity: str, change: Change, refs: dict[str, int]) -> None:
    v = change.payload["values"]
    ident = {"id": change.entity_id, "version": change.db_version}
    try:
        if entity == "partners":
            fields = {f: v.get(f) for f in partners.PARTNER_FIELDS}
            saved = partners.save_partner(session, partners.PartnerData(**fields, **ident))
        elif entity == "contacts":
            fields = {f: v.get(f) for f in ("name", "position", "email", "phone", "archived")}
            data = partners.ContactData(partner_id=_resolve(v["partner_id"], refs), **fields)
            saved = partners.save_contact(session, _with(data, ident))
            bulk_authorisations.apply(session, saved.id, v)  # Ley 1581
        elif entity == "clusters":
            data = territory.ClusterData(name=v["name"], description=v.get("description"))
            saved = territory.save_cluster(session, _with(data, ident))
        elif entity == "neighbourhoods":
            data = territory.NeighbourhoodData(
                name=v["name"],
                comuna=v.get("comuna"),
                cluster_id=_resolve(v.get("cluster_id"), refs),
                department_code=v.get("department_code"),
                municipality_code=v.get("municipality_code"),
            )
            saved = territory.save_neighbourhood(session, _with(data, ident))
        else:
            data = programs.ProgramData(
                name=v["name"],
                lead_partner_id=_resolve(v.get("lead_partner_id"), refs),
                component_id=v.get("component_id"),
                description=v.get("description"),
            )
            saved = programs.save_program(session, _with(data, ident))
    except ValidationError as exc:
        raise PazosError(
            f"{change.file}, {change.sheet}, {_('fila')} {change.row}: {exc.message}"
        ) from exc
    refs[change.payload["ref"]] = saved.id if change.entity_id is None else change.entity_id


def _with(data, ident: dict):
    data.id, data.version = ident["id"], ident["version"]
    return data


# --- commitments: the fast path ---------------------------------------------------------------


def _row(values: dict, refs: dict[str, int]) -> dict:
    row = {f: _resolve(values.get(f), refs) for f in COMMITMENT_FIELDS}
    row["search_key"] = search_key(row["title"], row["description"], row["notes"])
    return row


def _commitments(session: Session, changes: list[Change], refs: dict[str, int]) -> None:
    base = history.run_base(session)
    now = base["at"]
    creates = [c for c in changes if c.action == "create"]
    updates = [c for c in changes if c.action == "update"]
    names = dict(session.execute(select(Cluster.id, Cluster.name)).all())
    rows: list[dict] = []
    links: list[dict] = []
    if creates:
        new_rows = [
            _row(c.payload["values"], refs) | {"version": 1, "created_at": now, "updated_at": now}
            for c in creates
        ]
        new_ids = insert_many(session, Commitment, new_rows, now)
        for change, new_id, row in zip(creates, new_ids, new_rows, strict=True):
            new_links = _links(new_id, change.payload["values"], refs)
            links += new_links
            clusters = [names[link["cluster_id"]] for link in new_links]
            fields = history.created(KEYS, row) + history.collection("clusters", [], clusters)
            rows += history.entries(base, "commitment", new_id, "create", fields)
    if updates:
        links += _update(session, updates, refs, now, rows, base, names)
    if links:
        session.execute(insert(commitment_cluster), links)
    if rows:
        insert_rows(session, HistoryEntry.__table__, rows)
    session.expire_all()  # ORM objects loaded earlier must not hide the rows written here


# The history listener's columns of a commitment: a row written here reads like one it wrote.
KEYS = history.tracked_keys(Commitment)


def _links(commitment_id: int, values: dict, refs: dict[str, int]) -> list[dict]:
    if values.get("all_clusters"):
        return []
    ids = sorted(_resolve(c, refs) for c in values.get("cluster_ids", ()))
    return [{"commitment_id": commitment_id, "cluster_id": c} for c in ids]


def _update(session, updates, refs, now, rows, base, names) -> list[dict]:
    table = Commitment.__table__
    params = []
    for change in updates:
        row = _row(change.payload["values"], refs)
        params.append(
            {f"p_{k}": v for k, v in row.items()}
            | {"p_id": change.entity_id, "p_old": change.db_version, "p_now": now}
        )
        rows += _field_history(change, row, base, names, refs)
    columns = [*COMMITMENT_FIELDS, "search_key"]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("p_id"), table.c.version == bindparam("p_old"))
        .values(
            {c: bindparam(f"p_{c}") for c in columns}
            | {"version": table.c.version + 1, "updated_at": bindparam("p_now")}
        )
    )
    done = session.connection().execute(stmt, params).rowcount
    if done != len(params):
        raise ConflictError(
            _("Otro usuario cambió compromisos durante la importación; no se aplicó nada.")
        )
    moved = [c.entity_id for c in updates if "cluster_ids" in c.payload["values"]]
    for start in range(0, len(moved), 5_000):
        chunk = moved[start : start + 5_000]
        session.execute(
            delete(commitment_cluster).where(commitment_cluster.c.commitment_id.in_(chunk))
        )
    links = []
    for change in updates:
        links += _links(change.entity_id, change.payload["values"], refs)
    return links


def _field_history(change: Change, row: dict, base: dict, names: dict, refs: dict) -> list[dict]:
    """The rows the history listener would write for the same update."""
    old = change.payload["old"]
    fields = history.changed(KEYS, old, row)
    new_clusters = change.payload["values"].get("cluster_ids", old["cluster_ids"])
    if set(new_clusters) != set(old["cluster_ids"]):
        before = [names.get(c, str(c)) for c in old["cluster_ids"]]
        after = [names.get(_resolve(c, refs), str(c)) for c in new_clusters]
        fields += history.collection("clusters", before, after)
    action = history.action_for("commitment", fields)
    return history.entries(base, "commitment", change.entity_id, action, fields)
