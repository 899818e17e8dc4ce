"""The people who sign in to a shared server: their full name and position, by login role.

Never a password: the server keeps those (or the office's directory, through LDAP). The row
is written by an administrator (`users add`, the people page of Configuración); the server
reads it to put a person's full name on the approvals they make.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pazos_desktop.clock import utcnow
from pazos_desktop.db.models.register import Base


class PersonProfile(Base):
    __tablename__ = "person_profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The PostgreSQL role name (at most 63 bytes there).
    login: Mapped[str] = mapped_column(String(63), unique=True, nullable=False)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    position: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
