"""People on a shared server, for the administrator: add, change role, disable, list.

Each person is a PostgreSQL login role, a member of one PAZOS group role
(`pazos_desktop.db.roles`), with a row in `person_profile` for their full name and position.
Nothing here keeps a password: the server stores its SCRAM-SHA-256 verifier, which this
module computes on the PC (RFC 5802, as `psql`'s \\password does), so the clear password never
travels in a statement that the server's log could keep.

Every function returns the statements it runs as `Statement`s: what an IT department reads
(`shown`, the password masked) and what is sent (`sql`). The command line prints them, the
people page of Configuración shows them before running.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import text

from pazos_desktop.db import roles
from pazos_desktop.errors import PazosError, ValidationError
from pazos_desktop.i18n import _

LOGIN = re.compile(r"^[a-z_][a-z0-9_.]{0,62}$")
MIN_PASSWORD = 10
MASK = "'********'"
SCRAM_ITERATIONS = 4096  # PostgreSQL's own default (scram_iterations)


@dataclass(frozen=True)
class Statement:
    sql: str  # what is run
    shown: str  # what a person reviews: the same, the password masked


@dataclass(frozen=True)
class PersonRow:
    login: str
    full_name: str
    position: str
    roles: tuple[str, ...]  # PAZOS group roles
    can_login: bool
    valid_until: dt.datetime | None

    @property
    def role_labels(self) -> str:
        return ", ".join(_(roles.LABELS[g]) for g in self.roles) or _("(sin rol)")


# --- checks -----------------------------------------------------------------------------------


def check_login(login: str) -> str:
    login = (login or "").strip()
    if not LOGIN.match(login):
        raise ValidationError(
            {
                "login": _(
                    "Usuario: use minúsculas sin tildes, cifras, _ o . (p. ej. maria.lopez), "
                    "hasta 63 caracteres."
                )
            }
        )
    if login.startswith("pazos_") or login.startswith("pg_"):
        raise ValidationError(
            {"login": _("Usuario: «pazos_…» y «pg_…» son nombres reservados del servidor.")}
        )
    return login


def check_role(role: str) -> str:
    group = roles.SHORT_NAMES.get((role or "").strip().lower())
    if group is None:
        raise ValidationError({"role": _("Rol: use coordinacion, secretaria, consulta o admin.")})
    return group


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(
            {
                "password": _("Contraseña: al menos {n} caracteres.").format(n=MIN_PASSWORD),
            }
        )
    return password


def _check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Nombre completo: es obligatorio.")})
    if len(name) > 200:
        raise ValidationError({"name": _("Nombre completo: máximo 200 caracteres.")})
    return name


# --- SQL --------------------------------------------------------------------------------------


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str | None) -> str:
    """A string constant (standard_conforming_strings is on: only quotes are doubled)."""
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802 / 7677)."""
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, SCRAM_ITERATIONS)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.digest(salted, b"Server Key", "sha256")

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _with_password(head: str, password: str, tail: str = "") -> Statement:
    secret = _literal(scram_verifier(password))
    return Statement(f"{head} PASSWORD {secret}{tail}", f"{head} PASSWORD {MASK}{tail}")


def _plain(sql: str) -> Statement:
    return Statement(sql, sql)


def _attributes(group: str) -> str:
    # An administrator adds people: CREATEROLE is a role attribute, never inherited from a
    # group, so it is given to the person.
    return " CREATEROLE" if group == roles.ADMIN else " NOCREATEROLE"


def add_statements(login: str, name: str, position: str, role: str, password: str):
    login, name, group = check_login(login), _check_name(name), check_role(role)
    check_password(password)
    position = " ".join((position or "").split())[:200] or None
    head = f"CREATE ROLE {_ident(login)} LOGIN{_attributes(group)}"
    return [
        _with_password(head, password),
        _plain(f"GRANT {_ident(group)} TO {_ident(login)}"),
        _plain(
            "INSERT INTO person_profile (login, full_name, position, active, created_at) "
            f"VALUES ({_literal(login)}, {_literal(name)}, {_literal(position)}, true, "
            "now() AT TIME ZONE 'UTC')"
        ),
    ]


def role_statements(login: str, role: str):
    login, group = check_login(login), check_role(role)
    others = ", ".join(_ident(g) for g in roles.GROUPS if g != group)
    return [
        _plain(f"REVOKE {others} FROM {_ident(login)}"),
        _plain(f"GRANT {_ident(group)} TO {_ident(login)}"),
        _plain(f"ALTER ROLE {_ident(login)}{_attributes(group)}"),
    ]


def disable_statements(login: str):
    """No more sign-ins, and no group: a window left open is refused at its next action."""
    login = check_login(login)
    every = ", ".join(_ident(g) for g in roles.GROUPS)
    return [
        _plain(f"ALTER ROLE {_ident(login)} NOLOGIN NOCREATEROLE"),
        _plain(f"REVOKE {every} FROM {_ident(login)}"),
        _plain(f"UPDATE person_profile SET active = false WHERE login = {_literal(login)}"),
    ]


def password_statements(login: str, password: str, valid_until: dt.date | None = None):
    login = check_login(login)
    check_password(password)
    until = f" VALID UNTIL {_literal(valid_until.isoformat())}" if valid_until else ""
    until = until or " VALID UNTIL 'infinity'"
    return [_with_password(f"ALTER ROLE {_ident(login)}", password, until)]


LIST_SQL = (
    "SELECT r.rolname, p.full_name, p.position, r.rolcanlogin, r.rolvaliduntil, "
    "ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "WHERE m.member = r.oid AND g.rolname LIKE 'pazos\\_%') AS groups "
    "FROM pg_roles r LEFT JOIN person_profile p ON p.login = r.rolname "
    "WHERE p.login IS NOT NULL OR EXISTS (SELECT 1 FROM pg_auth_members m "
    "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname LIKE 'pazos\\_%') "
    "ORDER BY r.rolname"
)


# --- running them -----------------------------------------------------------------------------


def run(connection, statements: list[Statement]) -> None:
    """Run the statements in the caller's transaction (all of them, or none)."""
    for statement in statements:
        # The driver reads "%" as a placeholder even without parameters: "%%" is one "%".
        connection.exec_driver_sql(statement.sql.replace("%", "%%"))


def list_people(connection) -> list[PersonRow]:
    rows = connection.execute(text(LIST_SQL)).all()
    return [
        PersonRow(
            login=r[0],
            full_name=r[1] or "",
            position=r[2] or "",
            roles=tuple(g for g in roles.GROUPS if g in set(r[5] or ())),
            can_login=bool(r[3]),
            valid_until=r[4],
        )
        for r in rows
    ]


def on_server_only(is_server: bool) -> None:
    if not is_server:
        raise PazosError(
            _(
                "Las personas y los roles son de un servidor compartido. Una base de datos en "
                "un archivo tiene un solo usuario: su nombre y cargo van en Configuración."
            )
        )
