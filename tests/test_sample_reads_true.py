"""The sample data reads true: what the program would doubt or refuse, it never shows itself."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import select

from pazos_desktop.db.models.register import Commitment, Contact, ProgressUpdate
from pazos_desktop.domain.text import fold
from tests.conftest import SUITE_TODAY, copy_database, database_on, sample_template_for


@pytest.fixture  # per test: on a server each test's database is its own (dropped after it)
def sample(migrated_template, tmp_path_factory):
    path = sample_template_for(SUITE_TODAY, migrated_template, tmp_path_factory)
    copy = copy_database(path, tmp_path_factory.mktemp("truth") / "s.sqlite")
    db = database_on(copy, SUITE_TODAY)
    yield db
    db.dispose()


def test_completed_commitments_reached_their_target(sample):
    with sample.session() as s:
        done = s.scalars(select(Commitment).where(Commitment.status == "completed")).all()
        assert done
        for c in done:
            explained = any(p.comment and "meta" in fold(p.comment) for p in c.progress_updates)
            assert c.achieved_quantity == c.target_quantity or explained, c.title


def test_progress_is_cumulative_dated_and_within_the_commitment(sample):
    with sample.session() as s:
        trail = defaultdict(list)
        query = select(ProgressUpdate).order_by(ProgressUpdate.date, ProgressUpdate.id)
        for p in s.scalars(query):
            trail[p.commitment_id].append(p)
        for cid, updates in trail.items():
            c = s.get(Commitment, cid)
            figures = [p.achieved_quantity for p in updates if p.achieved_quantity is not None]
            assert figures == sorted(figures), f"{c.title}: {figures}"
            for p in updates:
                assert p.date <= SUITE_TODAY
                assert c.start_date is None or p.date >= c.start_date
                if c.target_quantity and p.achieved_quantity is not None:
                    assert p.achieved_quantity <= 2 * c.target_quantity


def test_email_addresses_fold_accents(sample):
    with sample.session() as s:
        for name, email in s.execute(select(Contact.name, Contact.email)):
            assert email.isascii()
            assert email.split("@")[0] == fold(name).replace(
                " ", "."
            )  # "rodriguez", never "rodrguez"
