"""The dashboard's figures: one read, plain data that survives JSON, cached for the next start
and valid only while the database's change counter (history, schema, settings) matches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pazos_desktop.domain.figures import DashboardFigures
from pazos_desktop.services import figures_cache, settings
from pazos_desktop.services.dashboard import dashboard_figures
from pazos_desktop.services.partners import PartnerData, save_partner
from tests.conftest import SUITE_TODAY
from tests.meetings_fixtures import sample_db, sample_template  # noqa: F401


def test_figures_survive_json_and_explain_the_matrix(sample_db):  # noqa: F811
    with sample_db.session() as s:
        figures = dashboard_figures(s)
    again = DashboardFigures.from_json(json.loads(json.dumps(figures.to_json())))
    assert again == figures
    assert sum(c.total for c in figures.by_component.values()) == figures.overall.total
    assert figures.multi_counted > 0  # commitments of several clusters count in each
    assert figures.steps.commitments == figures.overall.total and figures.steps.clusters == 9
    assert bool(figures.counter) == (sample_db.path is not None)  # a server's: never cached


@pytest.mark.sqlite_only  # a server's figures are never cached
def test_cache_is_valid_only_while_nothing_changed(sample_db, tmp_path):  # noqa: F811
    target, lang = str(sample_db.path), "es"
    with sample_db.session() as s:
        figures = dashboard_figures(s)
    assert figures.counter == figures_cache.file_counter(Path(target))
    figures_cache.save(tmp_path, target, figures)
    assert figures_cache.load(tmp_path, target, SUITE_TODAY, lang) == figures
    assert figures_cache.load(tmp_path, target, SUITE_TODAY, "en") is None  # labels differ
    with sample_db.session() as s:
        save_partner(s, PartnerData(name="Entidad nueva"))
    assert figures_cache.load(tmp_path, target, SUITE_TODAY, lang) is None
    with sample_db.session() as s:
        figures_cache.save(tmp_path, target, dashboard_figures(s))
    with sample_db.session() as s:  # settings write no history: they count anyway
        settings.set_setting(s, "doc_code", "GD-F-01")
    assert figures_cache.load(tmp_path, target, SUITE_TODAY, lang) is None


def test_no_early_figures_for_a_server_or_a_missing_file(tmp_path):
    assert figures_cache.sqlite_file("postgresql+psycopg://pazos@servidor/pazos") is None
    assert figures_cache.load(tmp_path, "postgresql://x/y", SUITE_TODAY, "es") is None
    assert figures_cache.file_counter(tmp_path / "no-existe.sqlite") is None


def test_first_steps_of_an_empty_database(session):
    steps = dashboard_figures(session).steps
    assert (steps.clusters, steps.partners, steps.commitments) == (0, 0, 0)
    assert not steps.documents and not steps.done
