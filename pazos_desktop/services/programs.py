"""Programs (e.g. Forjar Oportunidades): a lead partner, a component, their commitments."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.db.models.register import Commitment, Component, Partner, Program
from pazos_desktop.domain.records import PROGRAM
from pazos_desktop.domain.text import fold
from pazos_desktop.i18n import _
from pazos_desktop.services.common import (
    Checker,
    create_or_update,
    name_taken,
)
from pazos_desktop.services.components import component_name_column


@dataclass
class ProgramData:
    name: str = ""
    lead_partner_id: int | None = None
    component_id: int | None = None
    description: str | None = None
    id: int | None = None
    version: int | None = None
    lead_partner_name: str | None = None
    component_name: str | None = None
    commitments: int = 0


def list_programs(session: Session) -> list[ProgramData]:
    count = select(func.count()).where(Commitment.program_id == Program.id).scalar_subquery()
    query = (
        select(Program, Partner.name, component_name_column(), count)
        .outerjoin(Partner, Program.lead_partner_id == Partner.id)
        .outerjoin(Component, Program.component_id == Component.id)
        .order_by(Program.name_key)
    )
    return [_data(p, partner, comp, n) for p, partner, comp, n in session.execute(query)]


def _data(p: Program, partner=None, component=None, n=0) -> ProgramData:
    return ProgramData(
        name=p.name,
        lead_partner_id=p.lead_partner_id,
        component_id=p.component_id,
        description=p.description,
        id=p.id,
        version=p.version,
        lead_partner_name=partner,
        component_name=component,
        commitments=n,
    )


def check_program_values(values, c: Checker) -> dict:
    """A program's own rules (no query); the bulk import calls it too."""
    return c.record(PROGRAM, values)


def save_program(session: Session, data: ProgramData) -> ProgramData:
    c = Checker()
    values = check_program_values(vars(data), c)
    name = values["name"]
    if name and name_taken(session, Program, name, data.id):
        c.fail("name", _("Nombre: ya existe un programa llamado «{name}».").format(name=name))
    if data.lead_partner_id is not None and session.get(Partner, data.lead_partner_id) is None:
        c.fail("lead_partner_id", _("Entidad líder: no existe."))
    if data.component_id is not None and session.get(Component, data.component_id) is None:
        c.fail("component_id", _("Componente: no existe."))
    c.raise_if_any()
    values["name_key"] = fold(name)
    program = create_or_update(session, Program, data, _("El programa"), values)
    session.flush()
    return _data(program)
