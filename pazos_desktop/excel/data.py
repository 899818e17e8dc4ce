"""The data the Excel writers need, loaded in a few queries and handed over as plain values.

Writers never query: everything they print comes from here (and from `services`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pazos_desktop.clock import run_of
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import (
    Cluster,
    Commitment,
    Contact,
    Neighbourhood,
    Partner,
    Program,
    ProgressUpdate,
    commitment_cluster,
)
from pazos_desktop.db.models.reporting import PartnerReport
from pazos_desktop.domain.formats import format_moment
from pazos_desktop.domain.reporting import Period, state_label
from pazos_desktop.domain.vocabulary import (
    effective_status,
    partner_type_label,
    source_label,
    status_label,
)
from pazos_desktop.errors import PazosError
from pazos_desktop.excel.bulk.authorisations import export_cells as cells
from pazos_desktop.excel.bulk.format import ALL_CLUSTERS_LABEL, CLUSTER_SEPARATOR
from pazos_desktop.excel.indicators import sheets as indicator_sheets
from pazos_desktop.i18n import _, get_language, translate
from pazos_desktop.services import components, partners, settings
from pazos_desktop.services.commitments import search
from pazos_desktop.services.report import summaries
from pazos_desktop.services.reporting import states
from pazos_desktop.services.reporting.periods import due_of, sending_period

CHUNK = 5_000  # ids per IN (...) list: far below SQLite's limit on bound variables


@dataclass
class SheetContext:
    """What every generated file states: who, when, language, paper."""

    generated_at: dt.datetime
    today: dt.date
    lang: str
    org_name: str
    paper: str
    author: str


@dataclass
class SheetPeriod:
    """What a partner is asked for: progress between two dates, back by a date, to whom, and
    the reporting period the sheet answers (written in its hidden metadata)."""

    date_from: dt.date
    date_to: dt.date
    return_by: dt.date
    send_to: str = ""  # the coordinator's e-mail (settings); empty: "la coordinación"
    reporting: Period | None = None


RETURN_DAYS = 7  # a week to fill the sheet in


class Purpose:
    """Why a sheet goes out: the request of a period's report, a reminder, or a report sent
    back with the coordination's remarks (the e-mail's words follow it)."""

    REQUEST, REMINDER, RETURNED = "request", "reminder", "returned"


@dataclass
class PartnerSheetData:
    partner: partners.PartnerData
    contact: partners.ContactData | None
    commitments: list[search.CommitmentRow]
    component_order: dict[int, int]
    context: SheetContext
    period: SheetPeriod | None = None
    purpose: str = Purpose.REQUEST
    # Sent back: the coordination's remark per commitment (a column of its own) and in general.
    remarks: dict[int, str] | None = None
    remark: str = ""


@dataclass
class WorkbookData:
    sheets: dict[str, list[dict]] = field(default_factory=dict)  # spec key -> rows by column key
    matrix: summaries.Matrix | None = None
    context: SheetContext | None = None
    components: list[str] = field(default_factory=list)  # names, for the drop-down list


def sheet_context(session: Session, on: dt.date | None = None) -> SheetContext:
    values, run = settings.all_settings(session), run_of(session)
    return SheetContext(
        generated_at=run.now.astimezone().replace(microsecond=0),  # local, with its offset
        today=on or run.today,
        lang=get_language(),
        org_name=values.get("org_name", ""),
        paper=values.get("page_size", "letter"),
        author=run.who,
    )


# --- partner sheets ---------------------------------------------------------------------------


def default_partner_ids(session: Session) -> list[int]:
    """Partners that get a sheet when none are chosen: active ones with commitments."""
    query = (
        select(Partner.id)
        .where(Partner.archived.is_(False), Partner.id.in_(select(Commitment.partner_id)))
        .order_by(Partner.name_key)
    )
    return list(session.scalars(query))


def _rows_by_partner(session: Session, partner_ids: list[int], on: dt.date):
    ids = search.commitment_ids(session, search.CommitmentFilter(partner_ids=partner_ids), on=on)
    by_partner: dict[int, list[search.CommitmentRow]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for row in search.commitment_rows(session, ids[start : start + CHUNK], on):
            by_partner[row.partner_id].append(row)
    return by_partner


def default_period(
    session: Session,
    today: dt.date,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    return_by: dt.date | None = None,
) -> SheetPeriod:
    """Progress since the last meeting (the day after it; else since the first of the month)
    up to the return date, a week from today unless chosen."""
    if return_by is None:
        return_by = today + dt.timedelta(days=RETURN_DAYS)
    if date_from is None:
        last = session.scalar(select(func.max(Meeting.date)).where(Meeting.date < today))
        date_from = last + dt.timedelta(days=1) if last else today.replace(day=1)
    date_to = date_to or max(return_by, date_from)
    if date_to < date_from:
        raise PazosError(
            _("Periodo: el fin ({to}) es anterior al inicio ({start}).").format(
                to=date_to.strftime("%d/%m/%Y"), start=date_from.strftime("%d/%m/%Y")
            )
        )
    email = settings.get_setting(session, "coordinator_email").strip()
    return SheetPeriod(date_from, date_to, return_by, email, sending_period(session, today))


def reporting_sheet_period(session: Session, period: Period, today: dt.date) -> SheetPeriod:
    """A sheet for a reporting period: its dates, back by its due date (a week from today when
    that has passed: a reminder, a report sent back)."""
    due = due_of(session, period)
    return_by = due if due >= today else today + dt.timedelta(days=RETURN_DAYS)
    email = settings.get_setting(session, "coordinator_email").strip()
    return SheetPeriod(period.start, period.end, return_by, email, period)


def load_partner_sheets(
    session: Session,
    partner_ids: list[int] | None = None,
    on: dt.date | None = None,
    period: SheetPeriod | None = None,
) -> list[PartnerSheetData]:
    context = sheet_context(session, on)
    period = period or default_period(session, context.today)
    ids = partner_ids if partner_ids else default_partner_ids(session)
    order = {c.id: c.code for c in components.list_components(session)}
    by_partner = _rows_by_partner(session, ids, context.today)
    contacts = defaultdict(list)
    for contact in partners.list_contacts(session):
        contacts[contact.partner_id].append(contact)
    out = []
    for partner_id in ids:
        rows = by_partner.get(partner_id, [])
        rows.sort(
            key=lambda r: (
                order.get(r.component_id, 99),
                r.clusters,
                r.due_date or dt.date.max,
                r.id,
            )
        )
        out.append(
            PartnerSheetData(
                partner=partners.get_partner(session, partner_id),
                contact=_main_contact(contacts.get(partner_id, []), rows),
                commitments=rows,
                component_order=order,
                context=context,
                period=period,
            )
        )
    return out


def _main_contact(contacts: list[partners.ContactData], rows) -> partners.ContactData | None:
    """The contact responsible for most of the partner's commitments, else the first."""
    if not contacts:
        return None
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.contact_name:
            counts[row.contact_name] += 1
    return max(contacts, key=lambda c: counts.get(c.name, 0))


# --- the full workbook ------------------------------------------------------------------------


def load_workbook_data(session: Session, on: dt.date | None = None) -> WorkbookData:
    context = sheet_context(session, on)
    lang = context.lang
    comp_names = {c.id: c.name(lang) for c in components.list_components(session)}
    names = dict(session.execute(select(Partner.id, Partner.name)).all())
    data = WorkbookData(context=context, components=list(comp_names.values()))
    data.sheets["partners"] = _partners(session)
    data.sheets["contacts"] = _contacts(session, names)
    data.sheets["clusters"] = _clusters(session)
    data.sheets["neighbourhoods"] = _neighbourhoods(session)
    data.sheets["programs"] = _programs(session, names, comp_names)
    data.sheets["commitments"] = _commitments(session, names, comp_names, context.today, lang)
    data.sheets["progress"] = _progress(session, names)
    data.sheets["reports"] = _reports(session, context.today)
    data.sheets |= indicator_sheets.load_sheets(session, lang)
    data.matrix = summaries.cluster_component_matrix(session, on=context.today)
    return data


def _plain(obj, keys: list[str]) -> dict:
    return {k: getattr(obj, k) for k in keys}


def _partners(session: Session) -> list[dict]:
    keys = ["id", *partners.PARTNER_FIELDS, "version"]
    rows = []
    for p in session.scalars(select(Partner).order_by(Partner.name_key)):
        row = _plain(p, keys)
        row["type"] = partner_type_label(p.type)
        rows.append(row)
    return rows


def export_cells(session: Session, rows: list[dict]) -> list[dict]:
    return cells(session, rows)


def _contacts(session: Session, names: dict[int, str]) -> list[dict]:
    keys = ["id", "name", "position", "email", "phone", "archived", "version"]
    query = select(Contact).order_by(Contact.partner_id, Contact.name)
    rows = [_plain(c, keys) | {"partner": names[c.partner_id]} for c in session.scalars(query)]
    return export_cells(session, rows)  # Ley 1581: each contact's latest authorisation


def _clusters(session: Session) -> list[dict]:
    query = select(Cluster).order_by(Cluster.name_key)
    return [_plain(c, ["id", "name", "description", "version"]) for c in session.scalars(query)]


def _neighbourhoods(session: Session) -> list[dict]:
    clusters = dict(session.execute(select(Cluster.id, Cluster.name)).all())
    query = select(Neighbourhood).order_by(Neighbourhood.name_key)
    return [
        _plain(n, ["id", "name", "comuna", "department_code", "municipality_code", "version"])
        | {"cluster": clusters.get(n.cluster_id)}
        for n in session.scalars(query)
    ]


def _programs(session: Session, names: dict, comp_names: dict) -> list[dict]:
    query = select(Program).order_by(Program.name_key)
    return [
        _plain(p, ["id", "name", "description", "version"])
        | {
            "lead_partner": names.get(p.lead_partner_id),
            "component": comp_names.get(p.component_id),
        }
        for p in session.scalars(query)
    ]


def _cluster_lists(session: Session) -> dict[int, list[str]]:
    query = (
        select(commitment_cluster.c.commitment_id, Cluster.name)
        .join(Cluster, Cluster.id == commitment_cluster.c.cluster_id)
        .order_by(Cluster.name_key)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for commitment_id, name in session.execute(query):
        out[commitment_id].append(name)
    return out


COMMITMENT_KEYS = [
    "id",
    "title",
    "description",
    "unit",
    "target_quantity",
    "achieved_quantity",
    "amount_cop",
    "start_date",
    "due_date",
    "status",
    "notes",
    "version",
    "partner_id",
    "component_id",
    "program_id",
    "contact_id",
    "all_clusters",
]


def _commitments(session, names, comp_names, on: dt.date, lang: str) -> list[dict]:
    programs = dict(session.execute(select(Program.id, Program.name)).all())
    contacts = dict(session.execute(select(Contact.id, Contact.name)).all())
    clusters = _cluster_lists(session)
    everywhere = translate(ALL_CLUSTERS_LABEL, lang)
    cols = [getattr(Commitment, k) for k in COMMITMENT_KEYS]
    rows = []
    for r in session.execute(select(*cols).order_by(Commitment.partner_id, Commitment.id)):
        row = dict(zip(COMMITMENT_KEYS, r, strict=True))
        row["partner"] = names[row["partner_id"]]
        row["component"] = comp_names.get(row["component_id"])
        row["program"] = programs.get(row["program_id"])
        row["contact"] = contacts.get(row["contact_id"])
        cluster_text = CLUSTER_SEPARATOR.join(clusters.get(row["id"], []))
        row["clusters"] = everywhere if row["all_clusters"] else cluster_text
        row["effective_status"] = status_label(effective_status(row["status"], row["due_date"], on))
        row["status"] = status_label(row["status"])
        rows.append(row)
    return rows


def _progress(session: Session, names: dict[int, str]) -> list[dict]:
    p = ProgressUpdate
    query = (
        select(
            p.id,
            p.commitment_id,
            p.date,
            p.achieved_quantity,
            p.status,
            p.comment,
            p.source,
            p.source_ref,
            p.created_by,
            Commitment.partner_id,
            Commitment.title,
        )
        .join(Commitment, Commitment.id == p.commitment_id)
        .order_by(p.commitment_id, p.date, p.id)
    )
    rows = []
    for r in session.execute(query):
        row = r._asdict()
        row["partner"] = names[row.pop("partner_id")]
        row["status"] = status_label(r.status) if r.status else None
        row["source"] = source_label(r.source)
        rows.append(row)
    return rows


def _reports(session: Session, on: dt.date) -> list[dict]:
    """Every expected report of the view's periods, newest period first, with its steps."""
    grid = states.grid(session, on)
    r = PartnerReport
    codes = [p.code for p in grid.periods]
    stored = {
        (row.partner_id, row.period_code): row
        for row in session.scalars(select(r).where(r.period_code.in_(codes or [""])))
    }
    names = {pid: name for pid, name, _acronym in grid.partners}
    rows = []
    for period in grid.periods:
        for partner_id, name in names.items():
            state = grid.state(partner_id, period.code)
            if state is None:
                continue
            row = stored.get((partner_id, period.code))
            rows.append(
                {
                    "period_code": period.code,
                    "partner": name,
                    "state": state_label(state),
                    "due": grid.dues[period.code],
                    "sent_at": _moment(row.sent_at) if row else None,
                    "sent_to": row.sent_to if row else None,
                    "received_at": _moment(row.received_at) if row else None,
                    "received_file": row.received_file if row else None,
                    "decided_at": _moment(row.decided_at) if row else None,
                    "decided_by": row.decided_by if row else None,
                    "remark": row.remark if row else None,
                }
            )
    return rows


def _moment(value) -> str | None:
    return format_moment(value) if value else None
