"""The window and its people: signing in to a server with one's own user, the password kept
only in the credential store (never in the preferences, the log or a backup), who is signed
in and their role in the status bar, the buttons a role cannot use disabled; and on a file
database, the person's name and position set once in Configuración and named by approvals.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy.engine import make_url
from window_support import Recorder, close_window, open_window

from pazos_desktop.db.models.meetings import Meeting
from pazos_desktop.documents import actas
from pazos_desktop.safety.server_backup import write_backup
from pazos_desktop.services import partners, people, territory
from pazos_desktop.services.meetings import editing as meetings
from tests import server_db
from tests.conftest import SUITE_TODAY
from ui import interaction
from ui.people import credentials
from ui.people.page import PeopleBox, PersonBox
from ui.people.sign_in import SignInDialog

pytest_plugins = ["window_fixtures"]

PASSWORD = "Contraseña-de-Luz-2026"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The credential store, in memory (keyring's own backends need a desktop session)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def store():
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@dataclass
class SigningIn(Recorder):
    """The seam, answering the sign-in dialog from a script: (user, password, remember)."""

    answers: list = field(default_factory=list)
    said: list = field(default_factory=list)  # what each sign-in dialog said above the fields

    def confirm_dialog(self, dialog, text) -> bool:
        if isinstance(dialog, SignInDialog):
            self.said.append(dialog.message.text() if dialog.message.isVisibleTo(dialog) else "")
            if not self.answers:
                return False  # the person chose Salir
            login, password, remember = self.answers.pop(0)
            dialog.login.setText(login)
            dialog.password.setText(password)
            dialog.remember.setChecked(remember)
            return True
        return super().confirm_dialog(dialog, text)


# --- a file database: one user, named once in Configuración -----------------------------------


@pytest.mark.sqlite_only  # a file database's own way; a server's is below
def test_on_a_file_the_name_set_in_configuracion_signs_the_approvals(qtbot, empty_window):
    window = empty_window
    assert window.ops.db.person is None and window.who_label.text() == ""
    assert "Base de datos:" in window.db_label.text()
    view = window.show_view("settings")
    assert view.people is None  # no people page: a file database has one user
    box = view.findChild(PersonBox)
    box.name.setText("Luz Dary Ortiz Muñoz")
    box.position.setText("Secretaria de Seguridad y Convivencia Ciudadana")
    box.save()
    assert window.who_label.text() == "Luz Dary Ortiz Muñoz"
    assert window.prefs.person("x").position.startswith("Secretaria de Seguridad")
    assert all(b.isEnabled() for b in [view.save_button])  # one user may do everything

    def approve(session):
        p = partners.save_partner(session, partners.PartnerData(name="Fundación SIDOC"))
        c = partners.save_contact(session, partners.ContactData(partner_id=p.id, name="Ana Gómez"))
        cluster = territory.save_cluster(session, territory.ClusterData("Clúster 1"))
        made = meetings.create_meeting(
            session,
            meetings.MeetingData(
                date=SUITE_TODAY,
                start_time=dt.time(9, 0),
                place="Sala de juntas",
                cluster_ids=[cluster.id],
                attendees=[meetings.AttendeeData(contact_id=c.id)],
                agenda=[meetings.AgendaItemData("Verificación de asistencia")],
            ),
        )
        return actas.approve_meeting(session, made.id)

    done = []
    window.ops.run(approve, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done[0].approved_by == "Luz Dary Ortiz Muñoz"
    with window.ops.db.session() as s:
        assert s.get(Meeting, done[0].id).snapshots[0].approved_by == "Luz Dary Ortiz Muñoz"


# --- a server: each person signs in as themselves ---------------------------------------------


@pytest.fixture
def office(migrated_template):
    """A server database with one person of Consulta (made as the README's first steps are)."""
    url = server_db.servers().create(template=str(migrated_template))
    who = f"v{os.getpid()}_luz"
    server_db.servers().execute_rows(server_db.SERVER_URL, f'DROP ROLE IF EXISTS "{who}"')
    made = people.add_statements(who, "Luz Dary Ortiz Muñoz", "Secretaria", "consulta", PASSWORD)
    server_db.servers().execute_rows(url, ";".join(s.sql for s in made))
    yield make_url(url)._replace(username=None).render_as_string(hide_password=False), who
    server_db.servers().drop(url)
    server_db.servers().execute_rows(server_db.SERVER_URL, f'DROP ROLE IF EXISTS "{who}"')


@pytest.mark.server_only
def test_a_person_signs_in_and_the_password_stays_in_the_credential_store(
    qtbot, office, prefs, store, monkeypatch, tmp_path, caplog
):
    target, who = office
    seam = SigningIn(answers=[(who, "equivocada", False), (who, PASSWORD, True)])
    monkeypatch.setattr(interaction, "current", seam)
    caplog.set_level(logging.DEBUG)
    window = open_window(qtbot, target, prefs)
    try:
        # The wrong password came back with the server's reason; the right one let her in.
        assert len(seam.said) == 2, (seam.said, window.ops.db.access, window.attempt.target)
        assert seam.said[0] == "" and "no aceptó el usuario" in seam.said[1]
        db = window.ops.db
        assert (db.access.login, db.person.name) == (who, "Luz Dary Ortiz Muñoz")
        assert window.who_label.text() == "Luz Dary Ortiz Muñoz · Consulta"
        assert window.db_label.text().startswith("Servidor: 127.0.0.1:")
        assert store.items == {(credentials.SERVICE, credentials.key(target, who)): PASSWORD}
        # Consulta reads everything and changes nothing: the window does not offer it.
        partners_view = window.show_view("partners")
        buttons = {b.text(): b for b in partners_view.findChildren(QPushButton)}
        assert not buttons["Nueva entidad"].isEnabled()
        assert "Consulta" in buttons["Nueva entidad"].toolTip()
        assert buttons["Exportar a Excel…"].isEnabled()  # exports are reading
        settings = window.show_view("settings")
        assert not settings.save_button.isEnabled() and settings.people is None
        restore = next(a for a in window.file_menu.actions() if a.property("pazos_needs"))
        assert not restore.isEnabled()
        backup = write_backup(db, tmp_path / "copia.sqlite")
        assert PASSWORD.encode() not in backup.read_bytes()
    finally:
        close_window(window)
    prefs.sync()
    saved = Path(prefs.qs.fileName()).read_text(encoding="utf-8")
    assert PASSWORD not in saved and who in saved  # the user name is remembered, not more
    assert not [r for r in caplog.records if PASSWORD in r.getMessage()]

    # The next start: the user name and the remembered password, no dialog.
    seam.said.clear()
    again = open_window(qtbot, target, prefs)
    try:
        assert seam.said == [] and again.ops.db.access.login == who
    finally:
        close_window(again)


@pytest.mark.server_only
def test_an_administrator_sees_the_people_page(qtbot, office, prefs, store, monkeypatch):
    target, who = office
    server_db.servers().execute_rows(
        make_url(target).set(username="pazos").render_as_string(hide_password=False),
        ";".join(s.sql for s in people.role_statements(who, "admin")),
    )
    seam = SigningIn(answers=[(who, PASSWORD, False)])
    monkeypatch.setattr(interaction, "current", seam)
    window = open_window(qtbot, target, prefs)
    try:
        view = window.show_view("settings")
        assert isinstance(view.people, PeopleBox)
        qtbot.waitUntil(lambda: bool(view.people.panel.model.rows), timeout=10000)
        rows = {p.login: p for p in view.people.panel.model.rows}
        assert rows[who].full_name == "Luz Dary Ortiz Muñoz" and rows[who].roles == ("pazos_admin",)
        assert window.who_label.text() == "Luz Dary Ortiz Muñoz · Administración"
        assert store.items == {}  # not asked to remember: nothing stored
    finally:
        close_window(window)


@pytest.mark.sqlite_only
def test_users_on_a_file_database_says_it_has_one_user(db_path, capsys):
    from pazos_desktop.cli import main

    assert main(["--db", str(db_path), "users", "list"]) == 1
    err = capsys.readouterr().err
    assert "tiene un solo usuario" in err and "Configuración" in err
