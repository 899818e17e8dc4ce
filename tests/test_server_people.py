"""Each person signs in as themselves, and the server enforces what each role may do.

On the throw-away server of `.ci/postgres.sh` (its pg_hba.conf asks every role but the suite's
superuser for a password, as an office's server does): four people, one per group role, made
by an administrator person through the program's own `users` statements. Each privileged
action is tried through the program's services and through raw SQL on that person's own
connection; the history's author, the approval's name, an upgrade run by the administrator,
and every refused sign-in are checked.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from pazos_desktop.clock import clock_on
from pazos_desktop.db import roles
from pazos_desktop.db.database import Database, downgrade
from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.db.models.register import HistoryEntry
from pazos_desktop.db.server import LoginRefused, PermissionProblem
from pazos_desktop.documents import actas
from pazos_desktop.errors import PazosError
from pazos_desktop.safety.opening import open_database
from pazos_desktop.services import partners, people, territory
from pazos_desktop.services.meetings import editing as meetings
from tests import server_db
from tests.conftest import SUITE_TODAY, sample_template_for

pytestmark = pytest.mark.server_only

TAG = f"p{os.getpid()}"
PASSWORD = "Clave-de-prueba-2026"
# Names and positions as Palmira's offices type them (shared/corpus/inputs.json).
PEOPLE = {
    "coordinacion": (
        "José Fernando Gómez de la Torre",
        "Profesional Universitario - Gestión Social",
    ),
    "secretaria": ("Luz Dary Ortiz Muñoz", "Secretaria de Seguridad y Convivencia Ciudadana"),
    "consulta": ("Yeison Andrés Cuéllar Güiza", ""),
    "admin": ("María José Rodríguez Ñañez", "Profesional Universitario - Sistemas"),
}


def login(role: str) -> str:
    return f"{TAG}_{role[:6]}"


def as_person(url: str, who: str) -> str:
    """The database's URL with a person's user name (the password goes to the driver apart)."""
    return make_url(url).set(username=who).render_as_string(hide_password=False)


def psql(url: str, who: str, password: str = PASSWORD) -> psycopg.Connection:
    """A raw connection with a person's credentials: what `psql` would have."""
    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=who, password=password)


def superuser(url: str, sql: str, **params) -> list:
    return server_db.servers().execute_rows(url, sql, **params)


def _drop_people(names) -> None:
    for name in names:
        superuser(server_db.SERVER_URL, f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture(scope="module")
def office(migrated_template):
    """A database on the server with four people; the administrator added the other three."""
    url = server_db.servers().create(template=str(migrated_template), keep=True)
    admin = login("admin")
    _drop_people([login(r) for r in PEOPLE])
    name, position = PEOPLE["admin"]
    first = people.add_statements(admin, name, position, "admin", PASSWORD)
    superuser(url, ";".join(s.sql for s in first))  # the README's first step, as superuser
    admin_db = open_database(as_person(url, admin), password=PASSWORD)
    with admin_db.engine.begin() as conn:
        for role, (name, position) in PEOPLE.items():
            if role != "admin":
                people.run(conn, people.add_statements(login(role), name, position, role, PASSWORD))
    dbs = {"admin": admin_db}
    for role in PEOPLE:
        if role != "admin":
            dbs[role] = open_database(as_person(url, login(role)), password=PASSWORD)
    yield url, dbs
    for db in dbs.values():
        db.dispose()
    server_db.servers().drop(url)
    _drop_people([login(r) for r in PEOPLE])


_worlds = itertools.count(1)


def _world(db: Database) -> dict:
    n = next(_worlds)
    with db.session() as s:
        p = partners.save_partner(s, partners.PartnerData(name=f"Fundación SIDOC {n}"))
        c = partners.save_contact(
            s,
            partners.ContactData(partner_id=p.id, name="Ana Lucía Peña-Caicedo", position="Enlace"),
        )
        cluster = territory.save_cluster(s, territory.ClusterData(f"Clúster {n} (ejemplo)"))
    return {"partner": p.id, "contact": c.id, "cluster": cluster.id}


def _meeting(db: Database, world: dict) -> int:
    with db.session() as s:
        return meetings.create_meeting(s, _meeting_data(world)).id


def _meeting_data(world: dict) -> meetings.MeetingData:
    return meetings.MeetingData(
        date=min(dt.date(SUITE_TODAY.year, 3, 4), SUITE_TODAY),
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="Sala de juntas",
        objective="Seguimiento",
        cluster_ids=[world["cluster"]],
        attendees=[meetings.AttendeeData(contact_id=world["contact"])],
        agenda=[meetings.AgendaItemData("Verificación de asistencia", "Hubo quórum.")],
    )


def test_each_person_sees_their_role_and_profile(office):
    _url, dbs = office
    for role, db in dbs.items():
        assert db.access.groups == (roles.SHORT_NAMES[role],)
        assert db.person.name == PEOPLE[role][0] and db.person.login == login(role)
        assert db.actor == login(role)
    assert dbs["consulta"].access.allowed == frozenset()
    assert dbs["secretaria"].access.may("approve_acta") and dbs["secretaria"].access.may(
        "edit_meetings"
    )
    assert not dbs["secretaria"].access.may("edit_register")
    assert not dbs["coordinacion"].access.may("approve_acta")
    assert dbs["coordinacion"].access.may("edit_register")
    assert dbs["admin"].access.may("manage_people") and dbs["admin"].access.may("restore")


def _try(db: Database, work) -> str | None:
    """None when `work(session)` was saved; else the refusal's message."""
    try:
        with db.session() as s:
            work(s)
    except PermissionProblem as exc:
        return exc.message
    return None


def test_the_services_do_what_each_role_may_and_the_server_refuses_the_rest(office):
    _url, dbs = office
    world = _world(dbs["coordinacion"])

    def new_partner(name):
        return lambda s: partners.save_partner(s, partners.PartnerData(name=name))

    for role, allowed in {
        "coordinacion": True,
        "admin": True,
        "secretaria": False,
        "consulta": False,
    }.items():
        refusal = _try(dbs[role], new_partner(f"Entidad de {role}"))
        assert (refusal is None) == allowed, (role, refusal)
        if refusal:
            assert "hace falta el rol Coordinación (pazos_coordinacion)" in refusal
            assert "No se guardó nada" in refusal

    # Meetings: the secretariat's; approving and reopening: the secretariat's alone.
    refusal = _try(dbs["consulta"], lambda s: meetings.create_meeting(s, _meeting_data(world)))
    assert "Secretaría (pazos_secretaria)" in refusal
    made = _meeting(dbs["secretaria"], world)
    coord_made = _meeting(dbs["coordinacion"], world)
    refusal = _try(dbs["coordinacion"], lambda s: actas.approve_meeting(s, coord_made))
    assert "aprobar un acta" in refusal and "Secretaría (pazos_secretaria)" in refusal
    refusal = _try(dbs["consulta"], lambda s: actas.approve_meeting(s, made))
    assert "Secretaría (pazos_secretaria)" in refusal  # refused on the table already
    assert _try(dbs["secretaria"], lambda s: actas.approve_meeting(s, made)) is None
    with dbs["consulta"].session() as s:  # nothing half-saved by the refused approvals
        assert (
            s.get(Meeting, coord_made).status == "draft"
            and not s.get(Meeting, coord_made).snapshots
        )
    refusal = _try(dbs["coordinacion"], lambda s: actas.reopen_meeting(s, made, "Corrección"))
    assert "reabrir un acta aprobada" in refusal
    assert _try(dbs["secretaria"], lambda s: actas.reopen_meeting(s, made, "Corrección")) is None


def test_the_acta_names_the_person_and_the_history_the_login_whatever_the_pc_says(office):
    url, dbs = office
    world = _world(dbs["coordinacion"])
    liar = Database(as_person(url, login("secretaria")), actor="root", password=PASSWORD)
    liar.sign_in()
    liar.actor = "root"  # the PC claims another name in every row it sends
    made = _meeting(liar, world)
    with liar.session() as s:
        approved = actas.approve_meeting(s, made)
    assert approved.approved_by == PEOPLE["secretaria"][0]  # the server wrote it
    with dbs["consulta"].session() as s:
        meeting = s.get(Meeting, made)
        assert meeting.approved_by == PEOPLE["secretaria"][0]
        assert meeting.snapshots[0].approved_by == PEOPLE["secretaria"][0]
        authors = set(
            s.scalars(
                select(HistoryEntry.actor).where(
                    HistoryEntry.entity == "meeting", HistoryEntry.entity_id == made
                )
            )
        )
    assert authors == {login("secretaria")}
    liar.dispose()
    with psql(url, login("coordinacion")) as conn:  # raw SQL: the same
        conn.execute(
            "INSERT INTO history_entry (at, actor, entity, entity_id, action) "
            "VALUES (now(), 'alcalde', 'partner', 1, 'update') RETURNING actor"
        )
        row = conn.execute("SELECT actor FROM history_entry ORDER BY id DESC LIMIT 1").fetchone()
        assert row[0] == login("coordinacion")
        conn.rollback()


# (raw SQL, the roles that may run it). Each runs on the person's own connection and is rolled
# back; a refusal is the server's (SQLSTATE 42501), whatever the program would have done.
RAW = [
    ("INSERT INTO partner (name, name_key, type, archived, version, created_at, updated_at) "
     "VALUES ('Por psql', 'por psql', 'public', false, 1, now(), now())", {"coordinacion", "admin"}),
    ("UPDATE meeting SET place = 'Otra sala'", {"coordinacion", "secretaria", "admin"}),
    ("UPDATE meeting SET status = 'approved' WHERE status = 'draft'", {"secretaria", "admin"}),
    ("UPDATE commitment SET title = 'Otro título'", {"coordinacion", "admin"}),
    ("UPDATE history_entry SET actor = 'alcalde'", {"admin"}),
    ("DELETE FROM history_entry", {"admin"}),
    ("INSERT INTO person_profile (login, full_name, active, created_at) "
     "VALUES ('x', 'X', true, now())", {"admin"}),
    ("UPDATE app_setting SET value = value", {"coordinacion", "admin"}),
    ("TRUNCATE partner CASCADE", {"admin"}),
    ("CREATE ROLE intruso LOGIN", {"admin"}),
    # Only the tables' owner (here the suite's superuser; pazos_admin on an office's server).
    ("ALTER TABLE history_entry DISABLE TRIGGER USER", set()),
]  # fmt: skip


def test_raw_sql_with_a_persons_credentials_can_do_no_more_than_the_program(office):
    url, dbs = office
    world = _world(dbs["coordinacion"])
    _meeting(dbs["secretaria"], world)
    for role in PEOPLE:
        with psql(url, login(role)) as conn:
            for sql, allowed in RAW:
                try:
                    with conn.transaction(force_rollback=True):
                        conn.execute(sql)
                    refused = None
                except psycopg.errors.InsufficientPrivilege as exc:
                    refused = exc
                assert (refused is None) == (role in allowed), (role, sql, refused)
            assert conn.execute("SELECT count(*) FROM partner").fetchone()[0] >= 1  # all may read


def test_a_role_removed_while_the_window_is_open_refuses_the_next_action(office):
    url, dbs = office
    db = open_database(as_person(url, login("coordinacion")), password=PASSWORD)
    with db.session() as s:
        partners.save_partner(s, partners.PartnerData(name="Antes del cambio de rol"))
    with dbs["admin"].engine.begin() as conn:
        people.run(conn, people.role_statements(login("coordinacion"), "consulta"))
    try:
        with pytest.raises(PermissionProblem, match="hace falta el rol Coordinación"):
            with db.session() as s:
                partners.save_partner(s, partners.PartnerData(name="Después del cambio"))
                territory.save_cluster(s, territory.ClusterData("Tampoco este"))
        with db.session() as s:
            names = {p.name for p in partners.list_partners(s)}
        assert "Después del cambio" not in names and "Antes del cambio de rol" in names
    finally:
        with dbs["admin"].engine.begin() as conn:
            people.run(conn, people.role_statements(login("coordinacion"), "coordinacion"))
        db.dispose()


def test_every_refused_sign_in_has_its_own_message(office):
    url, dbs = office
    target = as_person(url, login("consulta"))
    with pytest.raises(LoginRefused, match="no aceptó el usuario .* con esa contraseña") as info:
        open_database(target, password="equivocada")
    assert info.value.kind == "password" and "venció" in info.value.message
    with pytest.raises(LoginRefused) as info:
        open_database(target)
    assert info.value.kind == "no_password"
    name = f"{TAG}_sin_grupo"
    _drop_people([name])
    superuser(url, f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{PASSWORD}'")
    try:
        with pytest.raises(PazosError, match="no pertenece a ningún grupo de PAZOS"):
            open_database(as_person(url, name), password=PASSWORD)
        superuser(url, f"ALTER ROLE \"{name}\" VALID UNTIL '2001-01-01'")
        with pytest.raises(LoginRefused, match="venció"):
            open_database(as_person(url, name), password=PASSWORD)
    finally:
        _drop_people([name])
    with dbs["admin"].engine.begin() as conn:
        people.run(
            conn,
            people.add_statements(
                f"{TAG}_baja", "Jhon Jairo Mosquera Valencia", "", "consulta", PASSWORD
            ),
        )
        people.run(conn, people.disable_statements(f"{TAG}_baja"))
    try:
        with pytest.raises(LoginRefused, match="está desactivado") as info:
            open_database(as_person(url, f"{TAG}_baja"), password=PASSWORD)
        assert info.value.kind == "disabled"
    finally:
        _drop_people([f"{TAG}_baja"])


@pytest.fixture(scope="module")
def seeded(migrated_template, tmp_path_factory):
    """The Palmira sample on the server (built once per run, shared with other modules)."""
    return str(sample_template_for(SUITE_TODAY, migrated_template, tmp_path_factory))


def test_an_upgrade_by_the_administrator_keeps_every_grant(office, seeded):
    """A database behind the program, owned by pazos_admin (the README's way); an
    administrator person upgrades it: the new table is pazos_admin's, every group has its
    declared rights on every table, and each person works again."""
    copy = server_db.servers().create(template=seeded)
    owner = Database(copy, clock=clock_on(SUITE_TODAY))
    downgrade(owner.engine, "0010_reporting_cycle")  # behind the program, people table gone
    owner.dispose()
    superuser(
        copy,
        "DO $$ DECLARE t record; BEGIN "
        "FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP "
        "EXECUTE format('ALTER TABLE %I OWNER TO pazos_admin', t.tablename); END LOOP; "
        "FOR t IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP "
        "EXECUTE format('ALTER SEQUENCE %I OWNER TO pazos_admin', t.sequencename); END LOOP; "
        "END $$; GRANT CREATE ON SCHEMA public TO pazos_admin",
    )
    admin = open_database(as_person(copy, login("admin")), password=PASSWORD)
    try:
        tables = superuser(
            copy, "SELECT tablename, tableowner FROM pg_tables WHERE schemaname='public'"
        )
        assert dict(tables)["person_profile"] == "pazos_admin"
        assert {o for _t, o in tables} == {"pazos_admin"}
        held = {
            (g, t, p): v
            for g, t, p, v in superuser(
                copy,
                "SELECT g, t, p, has_table_privilege(g, t, p) FROM unnest(ARRAY["
                + ",".join(f"'{g}'" for g in roles.GROUPS)
                + "]) g, (SELECT tablename t FROM pg_tables WHERE schemaname = 'public') t, "
                "unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p",
            )
        }
        assert len(held) == len(tables) * 16
        for (group, table, privilege), value in held.items():
            declared = roles.table_rights(table)[group]
            expected = declared == "ALL" or privilege in declared.split("(")[0]
            if privilege == "UPDATE" and "UPDATE (" in declared:
                expected = False  # column privileges only: not the whole table
            assert value == expected, (group, table, privilege)
        with admin.engine.begin() as conn:  # the administrator adds a person on the new table
            people.run(
                conn,
                people.add_statements(
                    f"{TAG}_nueva", "Ana Lucía Peña-Caicedo", "", "consulta", PASSWORD
                ),
            )
        reader = open_database(as_person(copy, f"{TAG}_nueva"), password=PASSWORD)
        assert reader.person.name == "Ana Lucía Peña-Caicedo"
        reader.dispose()
        coord = open_database(as_person(copy, login("coordinacion")), password=PASSWORD)
        with coord.session() as s:
            partners.save_partner(s, partners.PartnerData(name="Después de la actualización"))
        coord.dispose()
    finally:
        admin.dispose()
        _drop_people([f"{TAG}_nueva"])
        server_db.servers().drop(copy)


def test_the_migration_goes_down_and_up_on_a_seeded_server(seeded):
    copy = server_db.servers().create(template=seeded)
    db = Database(copy, clock=clock_on(SUITE_TODAY))
    try:
        downgrade(db.engine, "0010_reporting_cycle")
        with db.engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'pazos\\_%'")
                ).scalar()
                == 0
            )
            partners_before = conn.execute(text("SELECT count(*) FROM partner")).scalar()
        db.migrate()
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT count(*) FROM partner")).scalar() == partners_before >= 1
            )
            assert conn.execute(text("SELECT pazos_may('approve_acta')")).scalar()
    finally:
        db.dispose()
        server_db.servers().drop(copy)


def test_the_users_command_prints_the_sql_it_runs(office, monkeypatch, capsys):
    from pazos_desktop.cli import main

    url, _dbs = office
    admin_url = as_person(url, login("admin"))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # the administrator's own, as libpq reads it
    new = f"{TAG}_cli"
    _drop_people([new])
    monkeypatch.setattr("sys.stdin", io.StringIO("Otra-clave-segura-1\n"))
    try:
        code = main(
            ["--db", admin_url, "users", "add", new, "--name", "Sor María del Carmen Zúñiga",
             "--position", "Presidenta de la JAC", "--role", "secretaria", "--password-stdin"]
        )  # fmt: skip
        out = capsys.readouterr().out
        assert code == 0, out
        assert f"CREATE ROLE \"{new}\" LOGIN NOCREATEROLE PASSWORD '********';" in out
        assert f'GRANT "pazos_secretaria" TO "{new}";' in out
        assert "Otra-clave-segura-1" not in out and "SCRAM" not in out
        assert main(["--db", admin_url, "users", "role", new, "consulta"]) == 0
        assert f'GRANT "pazos_consulta" TO "{new}";' in capsys.readouterr().out
        assert main(["--db", admin_url, "users", "list"]) == 0
        listed = capsys.readouterr().out
        assert "-- SELECT r.rolname" in listed
        line = next(x for x in listed.splitlines() if x.startswith(new))
        assert "Sor María del Carmen Zúñiga (Presidenta de la JAC)" in line and "Consulta" in line
        assert main(["--db", admin_url, "users", "disable", new]) == 0
        assert f'ALTER ROLE "{new}" NOLOGIN NOCREATEROLE;' in capsys.readouterr().out
        with pytest.raises(LoginRefused, match="desactivado"):
            open_database(as_person(url, new), password="Otra-clave-segura-1")
        # Someone who is not an administrator is refused by the server, in words.
        monkeypatch.setattr("sys.stdin", io.StringIO("Tercera-clave-segura\n"))
        code = main(
            ["--db", as_person(url, login("coordinacion")), "users", "add", f"{TAG}_no",
             "--name", "Padre Óscar Iván Lozano", "--role", "consulta", "--password-stdin"]
        )  # fmt: skip
        assert code == 1 and "Traceback" not in capsys.readouterr().err
    finally:
        _drop_people([new, f"{TAG}_no"])


def test_a_closed_period_holds_against_raw_sql_with_a_persons_credentials(office):
    """The server refuses a progress update dated inside a closed period however it is sent,
    and only coordination and administration may close one."""
    from pazos_desktop.services.reporting.closing import close_period, reopen_period
    from tests import factories as f

    url, dbs = office
    world = _world(dbs["coordinacion"])
    with dbs["coordinacion"].session() as s:
        commitment = f.commitment(s, world["partner"], [world["cluster"]]).id
    closed_day = dt.date(2024, 3, 15)  # a period no other test of the module closes
    insert = (
        "INSERT INTO progress_update (commitment_id, date, achieved_quantity, source, created_at, "
        f"created_by) VALUES ({commitment}, %s, 5, 'manual', now(), 'x')"
    )
    for role in ("secretaria", "consulta"):
        with pytest.raises(PazosError), dbs[role].session() as s:
            close_period(s, "2024-03", [world["cluster"]], "Presentado al comité")
    with dbs["coordinacion"].session() as s:
        closure = close_period(s, "2024-03", [world["cluster"]], "Presentado al comité")
    with psql(url, login("coordinacion")) as conn:
        with pytest.raises(psycopg.errors.CheckViolation, match="closed_period"):
            conn.execute(insert, (closed_day,))
        conn.rollback()
        with conn.transaction(force_rollback=True):  # the day after the period: accepted
            conn.execute(insert, (dt.date(2024, 4, 1),))
    with dbs["coordinacion"].session() as s:
        reopen_period(s, "2024-03", "Corrección del aliado", closure.id)
    with psql(url, login("coordinacion")) as conn, conn.transaction(force_rollback=True):
        conn.execute(insert, (closed_day,))  # reopened: accepted again
