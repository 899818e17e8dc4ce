"""What the attendance sheet prints about personal data: the current policy's short notice and
which expected attendees have no valid authorisation on file (to ask them on the day)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from pazos_desktop.services.personal_data.authorisations import states_for
from pazos_desktop.services.personal_data.policies import current_policy

MARK = "(*)"


@dataclass
class SheetDataProtection:
    notice: str = ""  # empty when no policy is in force: the writer keeps its general line
    policy_version: str = ""
    lacking: list[bool] = field(default_factory=list)  # per attendee, in the sheet's order

    def marked(self, index: int) -> bool:
        return index < len(self.lacking) and self.lacking[index]


def sheet_data_protection(session: Session, attendees: list, on: dt.date) -> SheetDataProtection:
    """`attendees`: the sheet's rows (objects with `contact_id`), in the order printed; a guest
    typed by hand has no authorisation on file and is marked too."""
    states = states_for(session, {a.contact_id for a in attendees if a.contact_id is not None})
    policy = current_policy(session, on) or current_policy(session)  # an old meeting: today's
    return SheetDataProtection(
        notice=policy.notice if policy else "",
        policy_version=policy.version_label if policy else "",
        lacking=[a.contact_id is None or not states[a.contact_id].valid for a in attendees],
    )
