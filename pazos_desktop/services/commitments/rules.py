"""The rules of a commitment and of its progress updates, as pure functions of plain values.

Every door calls these: the window's saves (`services.commitments`), the bulk import (row by
row, on preloaded lookups), the partner-sheet import and the meetings' follow-ups. None of them
queries: what they need of the database (a commitment's current state) is handed in.

Two kinds of verdict: a *refusal* (the field's message; nothing is saved) and a *doubt*
(allowed, but probably a mistake: a cumulative figure going down, a closed commitment
reopened, an achieved far above its target). Doubts are asked in the window's editor and are
conflicts in an import's preview, applied only when a person accepts them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.domain.records import COMMITMENT, PROGRESS
from pazos_desktop.domain.vocabulary import Status, status_label
from pazos_desktop.i18n import _
from pazos_desktop.services.common import Checker

# The commitment's own columns, in declaration order (clusters and origin are handled apart).
SCALAR_FIELDS = [k for k in COMMITMENT.keys() if k not in ("cluster_ids", "origin_meeting_id")]
RULE_FIELDS = [*SCALAR_FIELDS, "cluster_ids"]
PROGRESS_FIELDS = ["date", "achieved_quantity", "status", "comment", "source", "source_ref"]
CLOSED_STATUSES = (Status.COMPLETED.value, Status.CANCELLED.value)
FAR_ABOVE_TARGET = 2  # an achieved beyond twice the target is more often a typo than a feat


def check_commitment_values(values: Mapping, c: Checker) -> dict:
    """Each declared field, the dates' order and the clusters: the values to store."""
    out = c.record(COMMITMENT, values, RULE_FIELDS)
    out["cluster_ids"] = out["cluster_ids"] or []
    start, due = out["start_date"], out["due_date"]
    if start and due and due < start:
        c.fail("due_date", _("Fecha límite: no puede ser anterior a la fecha de inicio."))
    if not out["all_clusters"] and not out["cluster_ids"]:
        c.fail("cluster_ids", _("Clústeres: elija al menos uno, o «todos»."))
    return out


@dataclass(frozen=True)
class CommitmentState:
    """What a progress update is checked against: the commitment as it is now."""

    id: int
    achieved: float
    status: str
    target: float | None
    start_date: dt.date | None = None
    created_on: dt.date | None = None  # the day it was entered (UTC)
    meeting_date: dt.date | None = None  # the meeting that agreed it

    @property
    def earliest(self) -> dt.date | None:
        """The first day the commitment could exist: it starts, is agreed or is entered.

        One day before the UTC creation date: a commitment entered at 21:00 in Palmira is
        stored on the next UTC day, and a progress update of that evening must be accepted.
        """
        created = self.created_on - dt.timedelta(days=1) if self.created_on else None
        known = [d for d in (self.start_date, created, self.meeting_date) if d is not None]
        return min(known) if known else None

    def values(self) -> dict:
        return {
            "achieved_quantity": self.achieved,
            "status": self.status,
            "target_quantity": self.target,
        }


def check_progress_values(values: Mapping, c: Checker, state: CommitmentState, today) -> dict:
    """A progress update's fields, its date between the commitment's start and today, and
    something to report."""
    refused_before = set(c.errors)
    out = c.record(PROGRESS, values, PROGRESS_FIELDS)
    day = out["date"]
    if day is not None and day > today:
        c.fail("date", _problem("date", _("no puede ser posterior a hoy ({today})."), today))
    earliest = state.earliest
    if day is not None and earliest is not None and day < earliest:
        problem = _(
            "no puede ser anterior al {today}: el compromiso empezó, se acordó o se registró ese "
            "día."
        )
        c.fail("date", _problem("date", problem, earliest))
    reported = ("achieved_quantity", "status", "comment")
    refused = set(c.errors) - refused_before  # a refused cell is already said: not "nothing"
    if not refused and all(out[k] is None for k in reported):
        c.fail("achieved_quantity", _("Indique al menos el avance, el estado o un comentario."))
    return out


def _problem(key: str, problem: str, day: dt.date) -> str:
    return PROGRESS[key].fail(problem.format(today=format_date(day))).message


def progress_effect(state: CommitmentState, values: Mapping) -> dict:
    """What a progress update changes in its commitment: the reported quantity and status."""
    out = {}
    achieved, status = values.get("achieved_quantity"), values.get("status")
    if achieved is not None and achieved != state.achieved:
        out["achieved_quantity"] = achieved
    if status is not None and status != state.status:
        out["status"] = status
    return out


def _name(key: str) -> str:
    return COMMITMENT[key].name


def _q(value: float) -> str:
    return format_quantity(value)


def doubts(old: Mapping | None, new: Mapping) -> list[str]:
    """What looks wrong in a change the rules allow, each as a sentence for a person.

    `old` is the commitment as stored (None for a new one); `new` the values it would take
    (absent keys keep their old value).
    """
    old = old or {}
    merged = {k: new.get(k, old.get(k)) for k in ("achieved_quantity", "status", "target_quantity")}
    found = []
    before, after = old.get("achieved_quantity"), merged["achieved_quantity"]
    if before is not None and after is not None and after < before:
        found.append(
            _(
                "{label}: baja de {old} a {new}. Es una cifra acumulada (el total hasta la "
                "fecha, no solo el del periodo)."
            ).format(label=_name("achieved_quantity"), old=_q(before), new=_q(after))
        )
    status = old.get("status")
    if status in CLOSED_STATUSES and merged["status"] not in (None, status):
        found.append(
            _(
                "{label}: pasa de «{old}» a «{new}»; un compromiso {old_lower} no suele reabrirse."
            ).format(
                label=_name("status"),
                old=status_label(status),
                new=status_label(merged["status"]),
                old_lower=status_label(status).lower(),
            )
        )
    target = merged["target_quantity"]
    changed = after != before or target != old.get("target_quantity")
    if target and after is not None and changed and after > FAR_ABOVE_TARGET * target:
        found.append(
            _("{label}: {new} es más del doble de la meta ({target}).").format(
                label=_name("achieved_quantity"), new=_q(after), target=_q(target)
            )
        )
    return found
