"""The ORM mapping of the schema, one module per area. Change it only with a new Alembic revision.

Importing this package maps every table (the register, meetings, indicators, personal data,
the reporting cycle, people), so any user of `Base.metadata` sees them all; every module here
imports only `register`'s base.
"""

from pazos_desktop.db.models import (
    indicators,
    meetings,
    people,
    personal_data,
    register,
    reporting,
)

__all__ = ["indicators", "meetings", "people", "personal_data", "register", "reporting"]
