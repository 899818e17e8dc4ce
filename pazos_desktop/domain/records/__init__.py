"""The declared fields of every record (see `pazos_desktop.domain.fields`): a module per
record, or per family of records (a meeting and its parts; an indicator sheet, its values and
the populations; the personal-data records).

`RECORDS` finds a record by its entity name (the history's and the importers' key); a new
record's module is added to the imports below and to `RECORDS`.
"""

from __future__ import annotations

from pazos_desktop.domain.fields import Field, Record
from pazos_desktop.domain.records.cluster import CLUSTER
from pazos_desktop.domain.records.commitment import COMMITMENT
from pazos_desktop.domain.records.component import COMPONENT
from pazos_desktop.domain.records.contact import CONTACT
from pazos_desktop.domain.records.indicator import INDICATOR, INDICATOR_VALUE, POPULATION
from pazos_desktop.domain.records.meeting import (
    AGENDA_ITEM,
    ATTENDEE,
    DECISION,
    FOLLOWUP,
    MEETING,
    SIGNATURE,
)
from pazos_desktop.domain.records.neighbourhood import NEIGHBOURHOOD
from pazos_desktop.domain.records.partner import PARTNER
from pazos_desktop.domain.records.personal_data import AUTHORISATION, POLICY, PURPOSE, REQUEST
from pazos_desktop.domain.records.program import PROGRAM
from pazos_desktop.domain.records.progress import PROGRESS
from pazos_desktop.domain.records.reporting import (
    CLOSURE,
    EVIDENCE,
    PARTNER_REPORT,
    REPORT_REMARK,
    REPORTING_PERIOD,
)

__all__ = [
    "RECORDS",
    "declared",
    "field_label",
    "own_field",
    "AGENDA_ITEM",
    "ATTENDEE",
    "AUTHORISATION",
    "CLOSURE",
    "CLUSTER",
    "COMMITMENT",
    "COMPONENT",
    "CONTACT",
    "DECISION",
    "EVIDENCE",
    "FOLLOWUP",
    "INDICATOR",
    "INDICATOR_VALUE",
    "MEETING",
    "NEIGHBOURHOOD",
    "PARTNER",
    "PARTNER_REPORT",
    "POLICY",
    "POPULATION",
    "PROGRAM",
    "PROGRESS",
    "PURPOSE",
    "REPORT_REMARK",
    "REPORTING_PERIOD",
    "REQUEST",
    "SIGNATURE",
]

RECORDS: dict[str, Record] = {
    r.entity: r
    for r in (
        CLUSTER,
        COMMITMENT,
        COMPONENT,
        CONTACT,
        MEETING,
        ATTENDEE,
        AGENDA_ITEM,
        DECISION,
        FOLLOWUP,
        NEIGHBOURHOOD,
        PARTNER,
        PROGRAM,
        PROGRESS,
        # Added after the register's records: a key they share keeps the label it had where
        # `declared` falls back to any record.
        INDICATOR,
        INDICATOR_VALUE,
        POPULATION,
        POLICY,
        PURPOSE,
        REQUEST,
        AUTHORISATION,
        REPORTING_PERIOD,
        PARTNER_REPORT,
        REPORT_REMARK,
        EVIDENCE,
        CLOSURE,
        SIGNATURE,
    )
}


def field_label(entity: str | None, key: str) -> str:
    """The translated label of a field of a record, for the history and conflict messages."""
    spec = declared(entity, key)
    return spec.name if spec is not None else key


def declared(entity: str | None, key: str) -> Field | None:
    """The declared field `key` of `entity` (else of any record)."""
    own = own_field(entity, key)
    if own is not None:
        return own
    return next((f for r in RECORDS.values() if (f := own_field(r.entity, key))), None)


def own_field(entity: str | None, key: str) -> Field | None:
    """The field `key` as `entity`'s own record declares it. The history names a link list by
    its relationship ("clusters"), the declaration by its ids ("cluster_ids")."""
    record = RECORDS.get(entity)
    for name in (key, f"{key.removesuffix('s')}_ids"):
        if record is not None and name in record:
            return record[name]
    return None
