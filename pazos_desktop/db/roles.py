"""Who may do what on a shared server: the group roles, their grants, and what a person may do.

The server enforces it, not the program: each person signs in with their own login role, a
member of one or more group roles below; the GRANTs (`apply_rights`, run after every
migration, so a table added by any revision gets them too) say which tables each group may
change, and the rules finer than a table (approving or reopening an acta) are checked by the
server's own functions (`pazos_may`, revision 0011_people_roles). The program only asks the
server what the person may do (`read_access`), to disable what they cannot, and words a
refusal (`refusal_message`).

A file database has one user: `FULL` access, nothing to enforce.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import text

from pazos_desktop.db.models.register import Base
from pazos_desktop.errors import PazosError
from pazos_desktop.i18n import N_, _

log = logging.getLogger(__name__)

COORDINACION = "pazos_coordinacion"
SECRETARIA = "pazos_secretaria"
CONSULTA = "pazos_consulta"
ADMIN = "pazos_admin"
GROUPS = (COORDINACION, SECRETARIA, CONSULTA, ADMIN)
# What `users add --role` and the people page call them.
SHORT_NAMES = {
    "coordinacion": COORDINACION,
    "secretaria": SECRETARIA,
    "consulta": CONSULTA,
    "admin": ADMIN,
}
LABELS = {
    COORDINACION: N_("Coordinación"),
    SECRETARIA: N_("Secretaría"),
    CONSULTA: N_("Consulta"),
    ADMIN: N_("Administración"),
}

READ = "SELECT"
WRITE = "SELECT, INSERT, UPDATE, DELETE"
# The acta and everything in it: the secretariat's tables.
MEETING_TABLES = frozenset(
    {
        "meeting",
        "meeting_cluster",
        "meeting_attendee",
        "meeting_agenda_item",
        "meeting_decision",
        "meeting_followup",
        "meeting_snapshot",
        "acta_signature",  # the chair and the secretary sign the approved acta
    }
)
# What the secretariat writes outside the acta's tables, because the acta records it: the
# commitments agreed at the meeting, the follow-up of earlier ones (a progress update and the
# quantity and status it reports), and the history of both. Column lists keep the rest of a
# commitment, and who wrote a history row, out of its reach.
SECRETARIA_EXTRA = {
    "commitment": "SELECT, INSERT, UPDATE (achieved_quantity, status, version, updated_at)",
    "commitment_cluster": "SELECT, INSERT",
    "progress_update": "SELECT, INSERT",
    "history_entry": "SELECT, INSERT",
}
# Only an administrator writes people; nobody but the tables' owner rewrites who did what.
COORDINACION_EXCEPT = {
    "person_profile": READ,
    "alembic_version": READ,
    "history_entry": "SELECT, INSERT, UPDATE (old_value, new_value, reason)",
}


def table_rights(table: str) -> dict[str, str]:
    """The privileges each group role holds on `table` (the declaration the server applies)."""
    rights = {
        CONSULTA: READ,
        ADMIN: "ALL",
        COORDINACION: COORDINACION_EXCEPT.get(table, WRITE),
        SECRETARIA: WRITE if table in MEETING_TABLES else SECRETARIA_EXTRA.get(table, READ),
    }
    if table == "alembic_version":
        rights[ADMIN] = READ  # only the owner's migration moves it
    return rights


def writers_of(table: str) -> list[str]:
    """The group roles that may change `table`, administration last."""
    found = [g for g, r in table_rights(table).items() if r != READ and g != ADMIN]
    return found + [ADMIN]


# --- applying the grants ----------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_groups(connection) -> list[str]:
    """Create the group roles that are missing (needs CREATEROLE); the ones that exist.

    Run as the session's own user (CREATEROLE is not inherited through SET ROLE). Two
    programs migrating at once may both try: the loser's duplicate is ignored.
    """
    for group in GROUPS:
        statement = (
            f"DO $$ BEGIN CREATE ROLE {_quote(group)} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
        if _exists(connection, group):
            continue
        try:
            with connection.begin_nested():
                connection.exec_driver_sql(statement)
        except Exception as exc:  # no CREATEROLE: the README's step creates them
            log.warning("could not create role %s: %s", group, exc)
    return [g for g in GROUPS if _exists(connection, g)]


def _exists(connection, role: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found.scalar() is not None


def _our_tables(connection) -> list[str]:
    ours = set(Base.metadata.tables) | {"alembic_version"}
    rows = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    ).scalars()
    return sorted(name for name in rows if name in ours)


def _sequences(connection) -> dict[str, str]:
    """sequence -> the table whose column owns it (serial or identity)."""
    rows = connection.execute(
        text(
            "SELECT s.relname, t.relname FROM pg_class s "
            "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace"
        )
    )
    return {seq: table for seq, table in rows}


def rights_sql(connection, groups: list[str]) -> list[str]:
    """The statements that give `groups` exactly their declared rights (idempotent)."""
    if not groups:
        return []
    everyone = ", ".join(_quote(g) for g in groups)
    schema = connection.execute(text("SELECT current_schema()")).scalar()
    out = [f"GRANT USAGE ON SCHEMA {_quote(schema)} TO {everyone}"]
    for table in _our_tables(connection):
        out.append(f"REVOKE ALL ON TABLE {_quote(table)} FROM {everyone}")
        for group, rights in table_rights(table).items():
            if group in groups:
                out.append(f"GRANT {rights} ON TABLE {_quote(table)} TO {_quote(group)}")
    for sequence, table in sorted(_sequences(connection).items()):
        out.append(f"REVOKE ALL ON SEQUENCE {_quote(sequence)} FROM {everyone}")
        inserting = [g for g, r in table_rights(table).items() if "INSERT" in r or r == "ALL"]
        users = [g for g in inserting if g in groups]
        if users:
            names = ", ".join(_quote(g) for g in users)
            out.append(f"GRANT USAGE, SELECT ON SEQUENCE {_quote(sequence)} TO {names}")
        if ADMIN in groups:
            out.append(f"GRANT ALL ON SEQUENCE {_quote(sequence)} TO {_quote(ADMIN)}")
    return out


def apply_rights(connection) -> None:
    """After every migration, by the tables' owner: each group gets its declared rights on
    every PAZOS table and sequence (new ones included), nothing more."""
    groups = [g for g in GROUPS if _exists(connection, g)]
    statements = rights_sql(connection, groups)
    if statements:
        connection.exec_driver_sql(";\n".join(statements))


# --- migrating as the tables' owner -----------------------------------------------------------


def owner_to_become(connection) -> str | None:
    """The role a migration must run as so PAZOS's tables keep one owner: the owner of the
    existing tables, or on a new database `pazos_admin` when it may create there; None when
    the session's own role is that owner (or cannot become it)."""
    me, superuser = connection.execute(
        text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    owner = connection.execute(
        text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename = 'alembic_version'"
        )
    ).scalar()
    if owner is None:
        if superuser or not _exists(connection, ADMIN):
            return None
        may = connection.execute(
            text("SELECT has_schema_privilege(:r, current_schema(), 'CREATE')"), {"r": ADMIN}
        ).scalar()
        owner = ADMIN if may else None
    if owner is None or owner == me:
        return None
    member = connection.execute(
        text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": owner}
    ).scalar()
    return owner if member else None


def become(connection, role: str | None) -> None:
    if role:
        connection.exec_driver_sql(f"SET ROLE {_quote(role)}")


def back_to_self(connection) -> None:
    """Committed: a RESET left in an open transaction would be rolled back by the pool."""
    connection.exec_driver_sql("RESET ROLE")
    connection.commit()


# --- what the signed-in person may do ---------------------------------------------------------

# Each capability as the server answers it for the session's person.
CAPABILITIES = {
    "edit_register": "has_table_privilege('partner', 'INSERT')",
    "edit_meetings": "has_table_privilege('meeting', 'UPDATE')",
    "agree_commitments": "has_table_privilege('commitment', 'INSERT')",
    "edit_indicators": "has_table_privilege('indicator', 'INSERT')",
    "edit_personal_data": "has_table_privilege('contact_authorisation', 'INSERT')",
    "edit_settings": "has_table_privilege('app_setting', 'UPDATE')",
    "approve_acta": "pazos_may('approve_acta')",
    "reopen_acta": "pazos_may('reopen_acta')",
    "manage_people": "pazos_may('manage_people')",
    "restore": "pazos_owner_session()",
}
ACTIONS = {
    "restore": N_("restaurar una copia de seguridad ni traer datos de otra base"),
    "approve_acta": N_("aprobar un acta"),
    "reopen_acta": N_("reabrir un acta aprobada"),
    "manage_people": N_("administrar personas y roles"),
}


@dataclass(frozen=True)
class Access:
    """What the signed-in person may do, as the server answered at sign-in."""

    login: str
    groups: tuple[str, ...]
    owner: bool  # may alter the tables (owner, administrator, superuser)
    allowed: frozenset[str]
    server: bool = True

    def may(self, capability: str) -> bool:
        return capability in self.allowed

    @property
    def role_label(self) -> str:
        """The person's roles in words ("Secretaría"); the owner's is "Administración"."""
        groups = self.groups or ((ADMIN,) if self.owner else ())
        return ", ".join(_(LABELS[g]) for g in groups)


FULL = Access(login="", groups=(), owner=True, allowed=frozenset(CAPABILITIES), server=False)


def read_access(connection) -> Access:
    """Ask the server what the session's person may do (once, at sign-in)."""
    login = connection.execute(text("SELECT session_user")).scalar()
    groups = connection.execute(
        text(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:groups) "
            "AND pg_has_role(session_user, oid, 'USAGE')"
        ),
        {"groups": list(GROUPS)},
    ).scalars()
    held = set(groups)
    superuser = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
    ).scalar()
    # A superuser "holds" every role: say what it is, the owner, not four roles.
    mine = () if superuser else tuple(g for g in GROUPS if g in held)
    if not _has_rules(connection):  # a schema older than 0011: its owner, or table rights
        owner = bool(superuser) or bool(
            connection.execute(
                text(
                    "SELECT bool_and(pg_has_role(session_user, tableowner, 'USAGE')) "
                    "FROM pg_tables WHERE schemaname = current_schema()"
                )
            ).scalar()
        )
        return Access(login, mine, owner, frozenset(CAPABILITIES) if owner else frozenset())
    if superuser:
        return Access(login, mine, True, frozenset(CAPABILITIES))
    answers = connection.execute(
        text("SELECT " + ", ".join(f"{sql} AS {key}" for key, sql in CAPABILITIES.items()))
    ).one()
    allowed = frozenset(k for k, v in answers._mapping.items() if v)
    return Access(login, mine, "restore" in allowed, allowed)


def _has_rules(connection) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_proc WHERE proname = 'pazos_may'")).scalar()
    return found is not None


def no_group_message(login: str, server: str) -> str:
    return _(
        "El usuario {login} entró al servidor {server}, pero no pertenece a ningún grupo de "
        "PAZOS (Coordinación, Secretaría, Consulta o Administración). Pida al administrador "
        "que le asigne un rol: `users role {login} ROL`."
    ).format(login=login, server=server)


# --- a refusal in the user's words ------------------------------------------------------------


def role_names(groups: list[str]) -> str:
    return _(" o ").join(f"{_(LABELS[g])} ({g})" for g in groups)


def refusal_message(server: str, detail: str, hint: str | None) -> str | None:
    """The Spanish message for a refusal of the server, naming the role needed (None when
    the refusal is not one of ours)."""
    first = (detail or "").strip().splitlines()[0] if detail else ""
    if first.startswith("pazos:"):
        action = first.split(":", 1)[1].strip()
        groups = [g for g in (hint or "").split(",") if g in LABELS] or [ADMIN]
        what = _(ACTIONS[action]) if action in ACTIONS else action
    else:
        table = _denied_table(first)
        if table is None:
            return None
        groups = writers_of(table)
        what = _("cambiar estos datos")
    return refused_for(server, what, groups)


def refused_for(server: str, what: str, groups: list[str]) -> str:
    return _(
        "Su usuario no tiene permiso para {what} en el servidor {server}: hace falta el rol "
        "{roles}. No se guardó nada. Si debería poder hacerlo, pida al administrador que le "
        "asigne ese rol."
    ).format(server=server, what=what, roles=role_names(groups))


def require(access: Access, capability: str, server: str) -> None:
    """Refuse before starting what the server would refuse half-way (a restore empties every
    table first): the same words as the server's own refusal."""
    if not access.may(capability):
        groups = [ADMIN] if capability in ("restore", "manage_people") else [SECRETARIA, ADMIN]
        raise PazosError(refused_for(server, _(ACTIONS[capability]), groups))


def _denied_table(detail: str) -> str | None:
    for kind in ("table", "sequence"):
        marker = f"permission denied for {kind} "
        if marker in detail:
            name = detail.split(marker, 1)[1].strip().strip('"')
            if kind == "sequence" and name.endswith("_id_seq"):
                name = name[: -len("_id_seq")]
            return name
    return None
