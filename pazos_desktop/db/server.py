"""A PostgreSQL server as the database: engine options, error messages, schema and role checks.

Everything PAZOS must know about a shared server lives here, so `database.py` only asks
"is it SQLite?" and hands a server URL over:

- timeouts, so a server that stops answering never hangs the program (connect, lock,
  statement, idle-in-transaction; TCP keepalives and a user timeout for a dead network);
- one translation of the driver's errors: a lost or unreachable server, a timeout or a
  refused login becomes a `PazosError` with a message in the user's language, and the
  errors of two saves that collide (serialization failure, deadlock, lock timeout) become
  the `ConflictError` every door already shows;
- `?schema=NAME` in the URL, so PAZOS can live beside another application's tables;
- the checks before a migration: the schema holds no other application's tables, and the
  role may change the schema (an application role that only reads and writes may not).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

from pazos_desktop.db.models.register import Base
from pazos_desktop.db.roles import refusal_message
from pazos_desktop.db.urls import is_sqlite, to_url
from pazos_desktop.errors import ConflictError, DatabaseProblem, PazosError
from pazos_desktop.i18n import _

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_MS = 15_000
STATEMENT_TIMEOUT_MS = 120_000
IDLE_IN_TRANSACTION_MS = 600_000
# A server whose network vanished: keepalive probes after 15 s idle, declared dead after
# three unanswered ones; unacknowledged writes give up after 40 s (TCP_USER_TIMEOUT).
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 15,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 40_000,
}
SCHEMA_OPTION = "schema"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# SQLSTATE codes of the server (PostgreSQL's errcodes appendix).
CONFLICT_STATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock timeout
TIMEOUT_STATES = {"57014", "25P03"}  # statement timeout, idle-in-transaction timeout
LOST_STATES = {"57P01", "57P02", "57P03", "53300"}  # shut down, crashed, starting, full
LOGIN_STATES = {"28000", "28P01"}
PERMISSION_STATE = "42501"
MISSING_DATABASE_STATE = "3D000"
TOO_LONG_STATE = "22001"  # SQLite keeps a longer text; a server's VARCHAR(n) refuses it


class ServerUnavailable(DatabaseProblem):
    """The server cannot be reached, the connection was lost, or it did not answer in time."""


class PermissionProblem(DatabaseProblem):
    """The server's role may not do what was asked (e.g. migrate with the application role)."""


class LoginRefused(DatabaseProblem):
    """The server did not let the person in: `kind` is "password" (wrong, expired or unknown
    user: the server does not say which), "disabled" or "no_password" (it asks for one)."""

    def __init__(self, message: str, kind: str, login: str):
        super().__init__(message)
        self.kind, self.login = kind, login


# How the server says it refused a login (its FATAL line, in English or Spanish), and what
# the driver says when the server asked for a password it was not given.
_LOGIN_PATTERNS = (
    ("no_password", ("no password supplied", "no se entregó una contraseña")),
    ("disabled", ("is not permitted to log in", "no se le permite conectarse")),
    ("password", ("password authentication failed", "autentificación password falló")),
)
_QUOTED = re.compile(r'["«]([^"»]+)["»]')


@dataclass(frozen=True)
class ServerTarget:
    """A server URL split into what the driver gets and the schema PAZOS works in."""

    url: URL
    schema: str | None

    @property
    def label(self) -> str:
        return server_label(self.url, self.schema)


def parse(target: str | URL) -> ServerTarget:
    url = make_url(target)
    schema = url.query.get(SCHEMA_OPTION)
    if isinstance(schema, tuple):
        schema = schema[-1]
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise DatabaseProblem(
            _(
                "El esquema «{schema}» no es válido: use minúsculas, cifras y _ (p. ej. pazos)."
            ).format(schema=schema)
        )
    return ServerTarget(url.difference_update_query([SCHEMA_OPTION]), schema)


def with_schema(target: str, schema: str) -> str:
    """`target` with `?schema=` set (replacing any schema it had)."""
    url = make_url(target).difference_update_query([SCHEMA_OPTION])
    return url.update_query_dict({SCHEMA_OPTION: schema}).render_as_string(hide_password=False)


def schema_target(target: str, schema: str) -> str:
    """`init --schema`: the server URL with its schema; refused for a SQLite file."""
    if is_sqlite(to_url(target)):
        raise DatabaseProblem(_("--schema solo sirve para una base de datos en un servidor."))
    parse(with_schema(target, schema))  # the name is checked here
    return with_schema(target, schema)


def server_label(url: URL, schema: str | None = None) -> str:
    """How messages name a server: host:port/database[ (esquema x)], never the password."""
    where = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"
    return where + (_(" (esquema {schema})").format(schema=schema) if schema else "")


def make_server_engine(target: str, password: str | None = None) -> Engine:
    parsed = parse(target)
    args = _connect_args(parsed)
    if password:
        args["password"] = password  # to the driver only, never into the URL
    engine = create_engine(
        parsed.url,
        connect_args=args,
        pool_pre_ping=True,  # a connection the server dropped overnight is replaced silently
        pool_recycle=1800,
    )
    engine.pazos_server = parsed  # what messages and the schema checks need later
    event.listen(engine, "handle_error", _translator(parsed.label, parsed.url.username))
    return engine


def _connect_args(parsed: ServerTarget) -> dict:
    """Our defaults; a value given in the URL (e.g. `?connect_timeout=3`) wins."""
    given = parsed.url.query
    settings = {
        "lock_timeout": LOCK_TIMEOUT_MS,
        "statement_timeout": STATEMENT_TIMEOUT_MS,
        "idle_in_transaction_session_timeout": IDLE_IN_TRANSACTION_MS,
    }
    if parsed.schema:
        settings["search_path"] = parsed.schema
    # The URL's own `options` come last: PostgreSQL keeps the last value of a repeated -c.
    options = " ".join(f"-c {k}={v}" for k, v in settings.items())
    if given.get("options"):
        options += " " + str(given["options"])
    args: dict = {"options": options, "application_name": "PAZOS Coordinacion"}
    if "connect_timeout" not in given:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    args |= {k: v for k, v in KEEPALIVES.items() if k not in given}
    return args


# --- the driver's errors in the user's words --------------------------------------------------


def _translator(label: str, login: str | None = None):
    def translate(context) -> None:
        exc = context.original_exception
        problem = translate_error(exc, label, context.is_disconnect, login)
        if problem is not None:
            log.warning("server error on %s: %s", label, exc)
            raise problem

    return translate


def translate_error(
    exc: BaseException, label: str, disconnected: bool = False, login: str | None = None
):
    """The PazosError that says what `exc` means to the user, or None to leave it as it is."""
    import psycopg

    if not isinstance(exc, psycopg.Error):
        return None
    refused = login_refused(str(exc), label, login)
    if refused is not None:
        return refused
    state = getattr(exc, "sqlstate", None) or ""
    if state in CONFLICT_STATES:
        return ConflictError(busy_message())
    if state in TIMEOUT_STATES:
        return ServerUnavailable(unavailable_message(label, _("no respondió a tiempo")))
    if state in LOGIN_STATES:
        return DatabaseProblem(
            _(
                "El servidor {server} rechazó el usuario o la contraseña. Revise la dirección "
                "de la base de datos (PAZOS_DB) o pida los datos de acceso al administrador."
            ).format(server=label)
        )
    if state == MISSING_DATABASE_STATE:
        return DatabaseProblem(
            _(
                "El servidor {server} no tiene esa base de datos. Pida al administrador que la "
                "cree (guía de instalación, docs/instalacion.md, «Servidor compartido»)."
            ).format(server=label)
        )
    if state == PERMISSION_STATE:
        diag = getattr(exc, "diag", None)
        hint = getattr(diag, "message_hint", None)
        ours = refusal_message(label, getattr(diag, "message_primary", None) or str(exc), hint)
        return PermissionProblem(ours or permission_message(label, str(exc).strip()))
    if state == TOO_LONG_STATE or (isinstance(exc, psycopg.DataError) and "NUL" in str(exc)):
        return PazosError(
            _(
                "Un texto es demasiado largo o contiene caracteres que el servidor no admite; "
                "no se guardó nada. Acórtelo o revíselo y vuelva a intentarlo."
            )
        )
    lost = disconnected or state.startswith("08") or state in LOST_STATES
    broken = isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) and not state
    if lost or broken:
        return ServerUnavailable(unavailable_message(label, _reason(exc, disconnected)))
    return None


def login_refused(detail: str, label: str, login: str | None = None) -> LoginRefused | None:
    """A refused sign-in in the user's words, or None when `detail` is not one."""
    lowered = detail.lower()
    kind = next((k for k, says in _LOGIN_PATTERNS if any(w in lowered for w in says)), None)
    if kind is None:
        return None
    if not login:  # the driver's default user: the server's FATAL line names it
        found = _QUOTED.search(detail.split("FATAL", 1)[-1]) if "FATAL" in detail else None
        login = found.group(1) if found else ""
    if kind == "disabled":
        text_ = _(
            "El usuario «{login}» está desactivado en el servidor {server}: no puede entrar. "
            "Si debería poder hacerlo, pida al administrador que lo active."
        )
    elif kind == "no_password":
        text_ = _("El servidor {server} pide la contraseña del usuario «{login}».")
    else:
        text_ = _(
            "El servidor {server} no aceptó el usuario «{login}» con esa contraseña. Revise que "
            "la escribió bien (las mayúsculas cuentan). Si la contraseña venció o la olvidó, "
            "pida al administrador una nueva."
        )
    return LoginRefused(text_.format(login=login, server=label), kind, login)


def _reason(exc: BaseException, disconnected: bool) -> str:
    detail = str(exc).lower()
    if "timeout" in detail or "timed out" in detail:
        return _("no respondió a tiempo")
    if disconnected or "closed" in detail or "terminat" in detail or "lost" in detail:
        return _("se perdió la conexión")
    return _("no responde o rechazó la conexión")


def unavailable_message(label: str, reason: str) -> str:
    return _(
        "No hay comunicación con el servidor de base de datos {server}: {reason}. La última "
        "acción no se completó (si estaba guardando, vuelva a abrir el registro para comprobar "
        "qué quedó guardado). Revise la red o avise al administrador, y vuelva a intentarlo."
    ).format(server=label, reason=reason)


def busy_message() -> str:
    return _(
        "Otra persona o ventana estaba guardando los mismos datos en ese momento; sus cambios "
        "no se guardaron. Vuelva a abrir el registro para ver los datos actuales e inténtelo "
        "de nuevo."
    )


def permission_message(label: str, detail: str) -> str:
    return _(
        "Su usuario del servidor {server} no tiene permiso para esta operación ({detail}). "
        "Pida al administrador que revise los permisos (guía de instalación, docs/instalacion.md, "
        "«Servidor compartido»)."
    ).format(server=label, detail=detail.splitlines()[0] if detail else "")


# --- before a migration: whose schema is it, and may this role change it? ---------------------


def target_of(engine: Engine) -> ServerTarget:
    return getattr(engine, "pazos_server", None) or ServerTarget(engine.url, None)


def label_of(engine: Engine) -> str:
    return target_of(engine).label


def schema_of(engine: Engine) -> str | None:
    return target_of(engine).schema


def ensure_schema(connection) -> None:
    """Create the URL's schema when it is missing (the owner role may; others are told)."""
    schema = schema_of(connection.engine)
    if not schema:
        return
    found = connection.execute(
        text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}
    ).scalar()
    if found is None:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')


def other_tables(connection) -> list[str]:
    """Tables of the working schema that are not PAZOS's (an empty list when it is ours)."""
    ours = set(Base.metadata.tables) | {"alembic_version"}
    rows = connection.execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
    ).scalars()
    return [name for name in rows if name not in ours]


def refuse_foreign_schema(connection, current: str | None) -> None:
    """A database holding another application's tables is never mixed with ours."""
    if current is not None:
        return
    foreign = other_tables(connection)
    if foreign:
        shown = ", ".join(foreign[:5]) + ("…" if len(foreign) > 5 else "")
        raise DatabaseProblem(
            _(
                "La base de datos {server} ya tiene tablas de otra aplicación ({tables}). "
                "PAZOS no mezcla sus tablas con ellas: indique un esquema propio, con "
                "`init --schema pazos` o añadiendo ?schema=pazos a la dirección (PAZOS_DB)."
            ).format(server=label_of(connection.engine), tables=shown)
        )


def may_migrate(connection) -> bool:
    """Only the owner of PAZOS's tables (or a member of the owning role, such as a person of
    pazos_admin) and of the schema can change them."""
    row = connection.execute(
        text(
            "SELECT has_schema_privilege(current_schema(), 'CREATE'), "
            "(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
            " AND NOT pg_has_role(current_user, tableowner, 'USAGE'))"
        )
    ).one()
    return bool(row[0]) and row[1] == 0


def upgrade_refused(engine: Engine, current: str | None, head: str) -> PermissionProblem:
    return PermissionProblem(
        _(
            "La base de datos del servidor {server} debe actualizarse (revisión {current} → "
            "{head}) y su usuario no tiene permiso para hacerlo. Un administrador debe "
            "actualizarla con el usuario propietario: `main.py --db URL_DEL_PROPIETARIO init` "
            "(guía de instalación, docs/instalacion.md, «Servidor compartido»)."
        ).format(server=label_of(engine), current=current or _("ninguna"), head=head)
    )


def prepare_for_migration(connection, current: str | None, head: str) -> None:
    """Run before Alembic touches a server; raises a user message instead of half a DDL."""
    if current is None:
        ensure_schema(connection)
    if connection.execute(text("SELECT current_schema()")).scalar() is None:
        raise DatabaseProblem(
            _("El esquema de la dirección no existe en el servidor {server}.").format(
                server=label_of(connection.engine)
            )
        )
    refuse_foreign_schema(connection, current)
    if not may_migrate(connection):
        raise upgrade_refused(connection.engine, current, head)


# --- `check` on a server ----------------------------------------------------------------------


def check_server(engine: Engine) -> tuple[str, int]:
    """(integrity, broken references) as `check` reports them for SQLite.

    A server keeps its own pages consistent; what can still be wrong is a foreign key or an
    index left unvalidated (NOT VALID, a failed CREATE INDEX CONCURRENTLY).
    """
    with engine.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar()
        unvalidated = conn.execute(
            text(
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n "
                "ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
                "AND c.contype = 'f' AND NOT c.convalidated"
            )
        ).scalar()
        invalid_indexes = conn.execute(
            text(
                "SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT i.indisvalid"
            )
        ).scalar()
    if invalid_indexes:
        return _("{n} índices no válidos").format(n=invalid_indexes), unvalidated
    log.info("server %s: PostgreSQL %s", label_of(engine), version)
    return "ok", unvalidated
