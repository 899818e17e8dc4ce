"""Two editors of one record: the stale save is refused, says what changed, overwrites nothing."""

from __future__ import annotations

import dataclasses

import pytest

from pazos_desktop.db.database import Database
from pazos_desktop.errors import ConflictError
from pazos_desktop.i18n import set_language
from pazos_desktop.services.commitments.editing import get_commitment, save_commitment
from pazos_desktop.services.partners import get_partner, save_partner
from tests.safety_fixtures import *  # noqa: F403  (fixtures: sample_db, sample_template)


@pytest.fixture
def two_offices(sample_db):
    """Two program copies (two engines, two actors) on the same database file."""
    ana, luis = Database(str(sample_db), actor="ana"), Database(str(sample_db), actor="luis")
    yield ana, luis
    ana.dispose()
    luis.dispose()


def test_stale_commitment_editor_is_refused_with_the_changes(two_offices):
    ana, luis = two_offices
    with ana.session() as s:
        ana_form = get_commitment(s, 1)
    with luis.session() as s:
        luis_form = get_commitment(s, 1)
        luis_saved = save_commitment(
            s, dataclasses.replace(luis_form, status="completed", achieved_quantity=42)
        )

    ana_edit = dataclasses.replace(ana_form, notes="Notas de Ana", achieved_quantity=7)
    with pytest.raises(ConflictError) as info, ana.session() as s:
        save_commitment(s, ana_edit)

    message = info.value.message
    assert "fue modificado por otra persona" in message
    assert "Estado:" in message and "→ Cumplido (luis," in message
    assert "Logrado:" in message and "→ 42 (luis," in message
    assert "Notas" not in message  # only what the other person changed is listed
    assert info.value.changes["achieved_quantity"] == ("42", "7")
    with luis.session() as s:
        stored = get_commitment(s, 1)
    assert stored == luis_saved  # nothing of Ana's stale save landed


def test_changes_of_several_saves_are_all_listed(two_offices):
    ana, luis = two_offices
    with ana.session() as s:
        form = get_commitment(s, 2)
    with luis.session() as s:
        first = save_commitment(s, dataclasses.replace(form, title="Título corregido"))
    with luis.session() as s:
        save_commitment(s, dataclasses.replace(first, unit="talleres"))
    with pytest.raises(ConflictError) as info, ana.session() as s:
        save_commitment(s, dataclasses.replace(form, notes="x"))
    assert "Compromiso:" in info.value.message and "Título corregido" in info.value.message
    assert "Unidad:" in info.value.message and "talleres" in info.value.message


def test_a_fresh_editor_saves_and_the_version_moves(two_offices):
    ana, luis = two_offices
    with ana.session() as s:
        form = get_partner(s, 1)
    with ana.session() as s:
        saved = save_partner(s, dataclasses.replace(form, phone="602 555 0101"))
    assert saved.version == form.version + 1
    with luis.session() as s:
        stale = dataclasses.replace(form, email="nuevo@palmira.gov.co")
        with pytest.raises(ConflictError, match="Teléfono: \\(vacío\\) → 602 555 0101|Teléfono:"):
            save_partner(s, stale)
    with luis.session() as s:
        assert get_partner(s, 1).email == form.email


def test_conflict_message_in_english(two_offices):
    ana, luis = two_offices
    with ana.session() as s:
        form = get_commitment(s, 3)
    with luis.session() as s:
        save_commitment(s, dataclasses.replace(form, status="cancelled"))
    set_language("en")
    with pytest.raises(ConflictError) as info, ana.session() as s:
        save_commitment(s, dataclasses.replace(form, notes="x"))
    assert "was changed by someone else" in info.value.message
    assert "Status:" in info.value.message and "Cancelled" in info.value.message


def test_a_change_of_clusters_alone_is_detected(two_offices):
    ana, luis = two_offices
    with ana.session() as s:
        form = get_commitment(s, 5)
    other = [1] if form.cluster_ids != [1] else [2]
    with luis.session() as s:
        moved = save_commitment(s, dataclasses.replace(form, cluster_ids=other, all_clusters=False))
    assert moved.version == form.version + 1
    with pytest.raises(ConflictError) as info, ana.session() as s:
        save_commitment(s, dataclasses.replace(form, notes="sin ver el cambio de clúster"))
    assert "Clústeres:" in info.value.message
    with luis.session() as s:
        assert get_commitment(s, 5).cluster_ids == other
