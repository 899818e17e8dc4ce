"""The declared fields of every record, one module each (see `pazos_desktop.fields`).

Importing this package registers them all in `fields.RECORDS`; a new record's module is added
to the imports below.
"""

from __future__ import annotations

from .cluster import CLUSTER
from .commitment import COMMITMENT
from .component import COMPONENT
from .contact import CONTACT
from .meeting import AGENDA_ITEM, ATTENDEE, DECISION, FOLLOWUP, MEETING
from .neighbourhood import NEIGHBOURHOOD
from .partner import PARTNER
from .program import PROGRAM
from .progress import PROGRESS

__all__ = [
    "AGENDA_ITEM",
    "ATTENDEE",
    "CLUSTER",
    "COMMITMENT",
    "COMPONENT",
    "CONTACT",
    "DECISION",
    "FOLLOWUP",
    "MEETING",
    "NEIGHBOURHOOD",
    "PARTNER",
    "PROGRAM",
    "PROGRESS",
]
