"""A server database as an administrator sets it up: its own schema beside another
application's tables, an owner role that migrates and an application role that only reads
and writes; and the PostgreSQL-only bugs (sequences, Decimal sums, copy-and-move migrations)."""

from __future__ import annotations

import decimal
import os
import re

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from pazos_desktop.cli import main
from pazos_desktop.db.database import Database, downgrade, head_revision
from pazos_desktop.db.server import PermissionProblem, with_schema
from pazos_desktop.errors import DatabaseProblem
from pazos_desktop.paths import migrations_dir
from pazos_desktop.safety.opening import open_database
from pazos_desktop.services.components import ComponentData, list_components, save_component
from pazos_desktop.services.partners import PartnerData, save_partner
from pazos_desktop.services.report.coordination import ReportRequest, gather_report
from pazos_desktop.writers.report.xlsx import write_report_xlsx
from pazos_desktop.writers.xlsx.cells import write_value
from tests import server_db
from tests.report_world import FROM, ON, TO, build_world
from tests.server_support import admin_execute

ROLE = f"pazos_t{os.getpid()}"
PASSWORD = "clave-de-prueba"


def test_a_sixth_component_gets_a_new_id(session):
    made = save_component(session, ComponentData(code=6, name_es="Sexto", name_en="Sixth"))
    assert made.id == 6 and [c.code for c in list_components(session)] == [1, 2, 3, 4, 5, 6]


def test_sums_of_money_are_numbers_in_the_report_workbook(session, tmp_path):
    build_world(session)
    report = gather_report(session, ReportRequest(FROM, TO, on=ON))
    assert type(report.summary.committed_cop) is int  # a server's SUM is numeric: Decimal
    write_report_xlsx(report, tmp_path / "informe.xlsx")
    sheet = load_workbook(tmp_path / "informe.xlsx")["Resumen"]
    money = [row[1] for row in sheet.iter_rows() if row[0].value == "Valor comprometido (COP)"]
    assert money and money[0].data_type == "n"
    assert money[0].value == report.summary.committed_cop > 0


def test_a_decimal_is_written_as_a_number():
    ws = Workbook().active
    assert write_value(ws["A1"], decimal.Decimal("3500000")).value == 3_500_000
    assert write_value(ws["A2"], decimal.Decimal("2.5")).data_type == "n"
    assert write_value(ws["A3"], decimal.Decimal("NaN")).value is None


def test_no_revision_copies_tables_by_hand():
    """`recreate="always"` fails on a server's parent tables: revisions use migration_ops."""
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"recreate\s*=\s*[\"']always", source), path.name


@pytest.mark.server_only
def test_the_copy_helper_alters_a_parent_table_in_place_on_a_server(sample_server_db):
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import Column, Text

    from pazos_desktop import migration_ops

    db = sample_server_db
    with db.engine.begin() as conn:
        before = conn.execute(text("SELECT count(*) FROM commitment_cluster")).scalar()
        with Operations.context(MigrationContext.configure(conn)):
            with migration_ops.batch_alter_table("commitment") as batch:
                batch.add_column(Column("extra", Text))
        assert conn.execute(text("SELECT count(*) FROM commitment_cluster")).scalar() == before
        assert conn.execute(text("SELECT count(extra) FROM commitment")).scalar() == 0


@pytest.fixture
def sample_server_db(migrated_template, tmp_path_factory):
    from tests.conftest import sample_template_for
    from tests.meetings_fixtures import TODAY

    url = server_db.servers().create(
        template=str(sample_template_for(TODAY, migrated_template, tmp_path_factory))
    )
    db = Database(url)
    yield db
    db.dispose()


# --- another application's database, and the schema option -----------------------------------


@pytest.mark.server_only
def test_init_refuses_a_database_of_another_application(capsys):
    url = server_db.servers().create()
    admin_execute(url, "CREATE TABLE cliente (id integer PRIMARY KEY, nombre text)")
    assert main(["--db", url, "init"]) == 1
    err = capsys.readouterr().err
    assert "ya tiene tablas de otra aplicación (cliente)" in err and "--schema pazos" in err
    assert _tables(url, "public") == ["cliente"]  # nothing of ours was added


@pytest.mark.server_only
def test_init_with_a_schema_lives_beside_them(capsys):
    url = server_db.servers().create()
    admin_execute(url, "CREATE TABLE cliente (id integer PRIMARY KEY, nombre text)")
    assert main(["--db", url, "init", "--schema", "pazos"]) == 0
    said = capsys.readouterr().out
    assert "(esquema pazos)" in said and "?schema=pazos" in said
    assert _tables(url, "public") == ["cliente"]
    assert "partner" in _tables(url, "pazos") and "alembic_version" in _tables(url, "pazos")
    ours = with_schema(url, "pazos")
    assert main(["--db", ours, "demo"]) == 0
    assert main(["--db", ours, "check"]) == 0
    assert "Resultado: correcto" in capsys.readouterr().out


@pytest.mark.server_only
def test_a_bad_schema_name_is_refused(capsys):
    url = server_db.servers().create()
    assert main(["--db", url, "init", "--schema", "Pazos; DROP"]) == 1
    assert "no es válido" in capsys.readouterr().err


def _tables(url: str, schema: str) -> list[str]:
    rows = admin_execute(
        url, "SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY 1", s=schema
    )
    return [r[0] for r in rows]


# --- the owner migrates, the application role reads and writes -------------------------------

GRANTS = """
GRANT USAGE ON SCHEMA public TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO {app};
"""


@pytest.fixture
def roles(migrated_template):  # the group roles exist once a database was migrated
    """An owner role and an application role, and a database the owner owns (docs/instalacion.md steps)."""
    owner, app = f"{ROLE}_duena", f"{ROLE}_app"
    admin = server_db.SERVER_URL
    for role in (owner, app):  # the server asks every role but the suite's for a password
        admin_execute(admin, f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{PASSWORD}'")
    # A shared application role is gone (personal roles, tests/test_server_people.py): the
    # one left here must at least belong to a PAZOS group to be let in.
    admin_execute(admin, f'GRANT pazos_coordinacion TO "{app}"')
    url = server_db.servers().create()
    admin_execute(url, f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" OWNER TO "{owner}"')
    yield _as(url, owner), _as(url, app), (owner, app)
    server_db.servers().drop(url)
    for role in (app, owner):
        admin_execute(admin, f'DROP ROLE IF EXISTS "{role}"')


def _as(url: str, role: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


@pytest.mark.server_only
def test_the_application_role_works_and_cannot_upgrade(roles, capsys):
    owner_url, app_url, (owner, app) = roles
    assert main(["--db", owner_url, "init"]) == 0
    admin_execute(owner_url, GRANTS.format(owner=owner, app=app))
    app_db = Database(app_url)
    with app_db.session() as s:  # reads and writes
        save_partner(s, PartnerData(name="Guardada por la aplicación"))
    app_db.dispose()
    owner_db = open_database(owner_url)
    downgrade(owner_db.engine, "0002")  # the server is behind the program
    owner_db.dispose()
    with pytest.raises(PermissionProblem) as info:
        open_database(app_url)
    message = info.value.message
    assert "debe actualizarse (revisión 0002 → " + head_revision() in message
    assert "Un administrador debe actualizarla con el usuario propietario" in message

    assert main(["--db", app_url, "init"]) == 1
    assert "administrador" in capsys.readouterr().err
    assert main(["--db", owner_url, "init"]) == 0  # the administrator upgrades
    admin_execute(owner_url, GRANTS.format(owner=owner, app=app))
    db = open_database(app_url)
    with db.session() as s:
        save_partner(s, PartnerData(name="Después de actualizar"))
    db.dispose()


@pytest.mark.server_only
def test_the_application_role_is_told_it_may_not_restore(roles, tmp_path, capsys):
    owner_url, app_url, (owner, app) = roles
    assert main(["--db", owner_url, "demo"]) == 0
    admin_execute(owner_url, GRANTS.format(owner=owner, app=app))
    copy = tmp_path / "copia.sqlite"
    assert main(["--db", app_url, "backup", "--out", str(copy)]) == 0  # reading is enough
    capsys.readouterr()
    assert main(["--db", app_url, "restore", str(copy), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "no tiene permiso" in err and "Traceback" not in err
    assert main(["--db", owner_url, "restore", str(copy), "--yes"]) == 0


@pytest.mark.server_only
def test_a_role_without_rights_on_the_schema_cannot_create_it(roles):
    _owner_url, app_url, _names = roles
    with pytest.raises(DatabaseProblem, match="administrador|permiso"):
        open_database(app_url)


@pytest.mark.server_only
def test_self_check_runs_on_the_server_in_a_schema_it_drops(capsys):
    url = server_db.servers().create()
    assert main(["--db", url, "init"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "self-check"]) == 0
    said = capsys.readouterr().out
    assert "Autocomprobación:" in said and "pasos correctos" in said
    schemas = admin_execute(url, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pazos%'")
    assert schemas == []  # the temporary schema is gone
    assert _tables(url, "public")  # the real tables are untouched
