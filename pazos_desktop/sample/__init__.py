"""Sample data (`demo`): a realistic Palmira, every invented name marked as an example.

Each feature adds its own step to SAMPLE_STEPS; a step gets the session, today's date, a
seeded random generator and the dict of what earlier steps made, and returns counts to report.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.register import Cluster, Commitment, Partner
from pazos_desktop.services.settings import set_setting

SAMPLE_STEPS = [
    "pazos_desktop.sample.core",
    "pazos_desktop.sample.meetings",
    "pazos_desktop.sample.personal_data",
    "pazos_desktop.sample.indicators",
    "pazos_desktop.sample.reporting",
]


def holds_data(session: Session) -> bool:
    """True when the database already has records of its own (sample or real)."""
    return any(
        session.scalar(select(func.count()).select_from(model)) > 0
        for model in (Partner, Commitment, Cluster)
    )


def build_sample(session: Session, today: dt.date, seed: int = 2026) -> dict[str, int]:
    rng = random.Random(seed)
    made: dict[str, object] = {}
    counts: dict[str, int] = {}
    session.info["run"] = replace(run_of(session), actor="demo", person=None)
    for name in SAMPLE_STEPS:
        counts |= importlib.import_module(name).populate(session, today, rng, made)
    set_setting(session, "sample_data", "1")
    return counts
