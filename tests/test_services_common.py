"""The one create-or-update of a versioned record (`services.common.create_or_update`)."""

from __future__ import annotations

import dataclasses

import pytest

from pazos_desktop.db.models.register import Cluster
from pazos_desktop.errors import ConflictError, NotFoundError
from pazos_desktop.services import territory
from pazos_desktop.services.common import create_or_update
from pazos_desktop.services.personal_data import policies


def test_a_stale_version_is_refused_with_the_message_it_always_had(db):
    with db.session() as s:
        read = territory.save_cluster(s, territory.ClusterData(name="Norte"))
    with db.session() as s:
        moved = territory.save_cluster(s, dataclasses.replace(read, name="Norte Alto"))
    assert moved.version == read.version + 1
    with pytest.raises(ConflictError) as err, db.session() as s:
        territory.save_cluster(s, dataclasses.replace(read, description="Ladera"))
    lines = err.value.message.split("\n")
    assert lines[0] == (
        "El clúster fue modificado por otra persona o ventana mientras usted lo editaba; sus "
        "cambios no se guardaron."
    )
    assert lines[1] == "Cambió:" and lines[2].startswith("• Nombre: Norte → Norte Alto (pytest, ")
    assert lines[-1] == "Vuelva a abrirlo para ver los datos actuales y repita sus cambios."
    with db.session() as s:
        kept = s.get(Cluster, read.id)
        assert (kept.name, kept.description, kept.version) == ("Norte Alto", None, moved.version)


def test_a_new_row_takes_what_only_a_new_row_takes(session):
    first = policies.save_purpose(session, policies.PurposeData(name="Convocatorias"))
    second = policies.save_purpose(session, policies.PurposeData(name="Informes"))
    assert second.sort_order == first.sort_order + 1
    renamed = policies.save_purpose(session, dataclasses.replace(first, name="Convocar"))
    assert (renamed.sort_order, renamed.version) == (first.sort_order, first.version + 1)


def test_a_missing_row_is_not_found(session):
    data = territory.ClusterData(name="Sur", id=999_999, version=1)
    with pytest.raises(NotFoundError, match="El clúster no existe"):
        create_or_update(session, Cluster, data, "El clúster", {"name": "Sur"})
