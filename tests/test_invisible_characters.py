"""Invisible format characters (Unicode Cf) at every door: removed from what is stored, left
out of identity and search, so a name that differs only by them is refused as a duplicate; and
revision 0009, which refolds the keys a database stored before."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from pazos_desktop.db.database import downgrade, upgrade
from pazos_desktop.db.models.register import Cluster, Commitment, HistoryEntry, Partner
from pazos_desktop.errors import ValidationError
from pazos_desktop.excel.bulk.apply import apply_bulk
from pazos_desktop.excel.bulk.preview import preview_bulk
from pazos_desktop.excel.bulk.workbook import write_template, write_workbook
from pazos_desktop.excel.data import load_workbook_data, sheet_context
from pazos_desktop.parsing import parse_text
from pazos_desktop.services import partners
from pazos_desktop.services.commitments.search import CommitmentFilter, commitment_ids
from tests import factories as f

NAME = "José Núñez Fundación"
# As Palmira's offices paste them (../shared/corpus/inputs.json, "look_alike_text").
DISGUISED = {
    "zero-width joiner": "Jo\u200dsé Núñez Fundación",
    "zero-width space": "José\u200b Núñez Fundación",
    "soft hyphen": "José Núñez Fun\u00addación",
    "byte order mark": "\ufeffJosé Núñez Fundación",
    "left-to-right mark": "José Núñez Fundación\u200e",
    "right-to-left mark": "José Núñez\u200f Fundación",
    "word joiner": "José Nú\u2060ñez Fundación",
    "zero-width non-joiner": "José Núñez Fundaci\u200cón",
}


@pytest.mark.parametrize("how", DISGUISED)
def test_the_one_text_rule_removes_them(how):
    assert parse_text(DISGUISED[how]) == NAME


def test_the_partner_service_refuses_a_disguised_duplicate(session):
    f.partner(session, NAME, acronym="JNF")
    for how, name in DISGUISED.items():
        with pytest.raises(ValidationError) as err:
            f.partner(session, name)
        assert err.value.fields["name"] == f"Nombre: ya existe una entidad llamada «{NAME}».", how
        with pytest.raises(ValidationError) as err:
            f.partner(session, f"Otra {how}", acronym="J\u200bN\u00adF")
        assert err.value.fields["acronym"] == "Sigla: ya existe una entidad con la sigla «JNF»."
    clean = f.partner(session, "Fun\u00addación\u200b Nue\u2060va", acronym="\ufeffFN")
    stored = session.execute(
        select(Partner.name, Partner.name_key, Partner.acronym).where(Partner.id == clean.id)
    ).one()
    assert tuple(stored) == ("Fundación Nueva", "fundacion nueva", "FN")


def test_bulk_template_and_workbook_take_it_for_the_same_partner(db, tmp_path):
    """The bulk import finds a partner by its name: a disguised name is the stored partner
    (an update, never a second partner), a disguised acronym of another is refused."""
    with db.session() as s:
        jnf = f.partner(s, NAME, acronym="JNF", type="foundation")
        write_template(sheet_context(s), ["Prevención"], tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    wb["Entidades"].append([None, DISGUISED["zero-width joiner"], "JNF", "Fundación / ONG"])
    wb["Entidades"].append([None, "Otra Entidad", "J\u2060NF", "Fundación / ONG"])
    wb.save(tmp_path / "t.xlsx")
    with db.session(read_only=True) as s:
        preview = preview_bulk(s, tmp_path / "t.xlsx")
    assert [(p.row, p.column, p.message) for p in preview.problems] == [
        (4, "Sigla", "Sigla: ya existe una entidad con la sigla «JNF»."),
    ]
    assert [c.action for c in preview.changes] == [] and preview.unchanged == 1

    with db.session(read_only=True) as s:
        write_workbook(load_workbook_data(s), tmp_path / "w.xlsx")
    wb = load_workbook(tmp_path / "w.xlsx")
    ws = wb["Entidades"]
    row = next(r for r in ws.iter_rows(min_row=3) if r[0].value == jnf.id)
    row[1].value = DISGUISED["zero-width space"]  # the same name, pasted from a web page
    ws.append(
        [None, DISGUISED["byte order mark"], "JNF", "Fundación / ONG", None, "Calle 30 # 28-50"]
    )
    wb.save(tmp_path / "w.xlsx")
    with db.session() as s:
        preview = preview_bulk(s, tmp_path / "w.xlsx")
        assert preview.ok and [(c.entity_id, c.action) for c in preview.changes] == [
            (jnf.id, "update")
        ]
        apply_bulk(s, preview)
    with db.session(read_only=True) as s:
        assert s.execute(select(Partner.id, Partner.name)).all() == [(jnf.id, NAME)]


def test_both_searches_find_it_with_and_without(session):
    cluster = f.cluster(session, "Clúster Centro")
    found = f.partner(session, DISGUISED["word joiner"])
    c = f.commitment(session, found.id, [cluster.id], title="Talle\u00adres de con\u200bvivencia")
    assert session.scalar(select(Commitment.title).where(Commitment.id == c.id)) == (
        "Talleres de convivencia"
    )
    for typed in ("José Núñez", "jose\u200d nunez", "Nú\u2060ñez", "\ufeffFundación"):
        rows = partners.list_partners(session, text=typed)
        assert [r.id for r in rows] == [found.id], typed
    for typed in ("talleres convivencia", "Talle\u00adres", "con\u200bvivencia", "núñez"):
        assert commitment_ids(session, CommitmentFilter(text=typed)) == [c.id], typed


# --- revision 0009: keys stored before --------------------------------------------------------

PREVIOUS = "0007_acronym_key"
REVISION = "0009_invisible_characters"


def _raw(db, sql: str, **values) -> None:
    """Write as the earlier program could, past every door."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), values)


def test_revision_0009_refolds_stored_keys_up_and_down(db):
    """A database of the earlier program holds names with format characters and keys that kept
    them: the upgrade refolds the keys, renames the younger of two names that now fold alike
    (with a history row), and the downgrade gives the earlier keys back."""
    with db.session() as s:
        older = f.partner(s, NAME, acronym="SIDOC").id
        younger = f.partner(s, "Otra entidad").id
        north_old = f.cluster(s, "Clúster Viejo").id
        north_new = f.cluster(s, "Clúster Norte").id
        c = f.commitment(s, older, [north_new], title="Talleres").id
    downgrade(db.engine, PREVIOUS)
    _raw(db, "UPDATE partner SET name = :n, name_key = :k WHERE id = :i", i=younger,
         n="Jo\u200dsé Núñez Fundación", k="jo\u200dse nunez fundacion")  # fmt: skip
    _raw(db, "UPDATE partner SET acronym = :a, acronym_key = :k WHERE id = :i", i=older,
         a="SI\u2060DOC", k="si\u2060doc")  # fmt: skip
    _raw(db, "UPDATE cluster SET name = :n, name_key = :k WHERE id = :i", i=north_old,
         n="Clúster\u200b Norte", k="cluster\u200b norte")  # fmt: skip
    _raw(db, "UPDATE commitment SET title = :t, search_key = :k WHERE id = :i", i=c,
         t="Talle\u00adres", k="talle\u00adres")  # fmt: skip

    upgrade(db.engine)
    with db.session(read_only=True) as s:
        names = dict(s.execute(select(Partner.id, Partner.name)).all())
        keys = dict(s.execute(select(Partner.id, Partner.name_key)).all())
        assert names[older] == NAME and keys[older] == "jose nunez fundacion"
        assert names[younger] == f"Jo\u200dsé Núñez Fundación ({younger})"
        assert keys[younger] == f"jose nunez fundacion ({younger})"
        assert s.scalar(select(Partner.acronym_key).where(Partner.id == older)) == "sidoc"
        clusters = dict(s.execute(select(Cluster.id, Cluster.name)).all())
        # The older cluster keeps its name; the younger, now folding alike, gives way.
        assert clusters[north_old] == "Clúster\u200b Norte"
        assert clusters[north_new] == f"Clúster Norte ({north_new})"
        notes = s.execute(
            select(HistoryEntry.entity, HistoryEntry.entity_id, HistoryEntry.new_value).where(
                HistoryEntry.actor == "migración"
            )
        ).all()
        assert sorted(notes) == sorted(
            [
                ("partner", younger, names[younger]),
                ("cluster", north_new, clusters[north_new]),
            ]
        )
        assert commitment_ids(s, CommitmentFilter(text="talleres")) == [c]
        assert [r.id for r in partners.list_partners(s, text="josé núñez")] == sorted(
            [older, younger]
        )
    with db.session() as s:  # a new disguised duplicate is refused as any other
        with pytest.raises(ValidationError):
            f.partner(s, "José Núñez\u200b Fundación")

    downgrade(db.engine, PREVIOUS)
    with db.engine.connect() as conn:
        assert conn.execute(
            text("SELECT acronym_key FROM partner WHERE id = :i"), {"i": older}
        ).scalar() == ("si\u2060doc")
        assert conn.execute(
            text("SELECT search_key FROM commitment WHERE id = :i"), {"i": c}
        ).scalar() == ("talle\u00adres")
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == PREVIOUS
    upgrade(db.engine, REVISION)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == REVISION
        assert conn.execute(
            text("SELECT search_key FROM commitment WHERE id = :i"), {"i": c}
        ).scalar() == ("talleres")
