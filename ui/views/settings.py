"""Configuración: language and folders (this user's preferences), organisation and document
settings (stored in the database, shared by everyone using it), where the database is, the
personal-data policy and the digital signatures' trusted authorities (ui/meetings/trust_box.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.parsing import ParseError, parse_date
from pazos_desktop.services import settings
from ui import interaction
from ui.meetings.trust_box import SigningSettingsBox
from ui.people import access
from ui.people.page import PeopleBox, PersonBox
from ui.personal_data.hooks import PolicyBox
from ui.widgets import DateField, add_labelled_rows, set_combo_data

DB_KEYS = ("org_name", "org_logo", "page_size", "doc_code", "doc_version", "doc_approval_date",
           "coordinator_email", "habeas_data_notice")  # fmt: skip


class SettingsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # a laptop at 150 %: the boxes scroll, the window keeps its size
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.setMaximumWidth(16777215)
        layout.addWidget(self._user_box())
        layout.addWidget(PersonBox(ctx))
        db = ctx.db
        self.people = None  # the administrator's page, on a server
        if db is not None and db.access.server and db.access.may("manage_people"):
            self.people = PeopleBox(ctx)
            layout.addWidget(self.people)
        layout.addWidget(self._org_box())
        layout.addWidget(self._db_box())
        self.personal_data = PolicyBox(ctx)  # Ley 1581: the policy in force, its versions
        layout.addWidget(self.personal_data)
        self.signing = SigningSettingsBox(ctx)  # trusted authorities, timestamps, place
        layout.addWidget(self.signing)
        layout.addStretch(1)

    def _user_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preferencias de este usuario"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language.setAccessibleName(self.tr("Idioma"))
        from pazos_desktop.i18n import get_language

        set_combo_data(self.language, get_language())
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("&Idioma:"), self.language)
        self.export_folder = QLineEdit(self.ctx.prefs.export_folder())
        self.export_folder.setAccessibleName(self.tr("Carpeta de exportación"))
        self.export_folder.editingFinished.connect(
            lambda: self.ctx.prefs.set_export_folder(self.export_folder.text())
        )
        form.addRow(
            self.tr("Carpeta de &exportación:"),
            _with_button(self.export_folder, self.tr("Elegir…"), self.choose_export_folder),
        )
        return box

    def _org_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organización y documentos (para todos los que usan esta base)"))
        outer = QVBoxLayout(box)
        form = QFormLayout()
        outer.addLayout(form)
        self.org_name = QLineEdit()
        self.org_logo = QLineEdit()
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("Carta (Letter)"), "letter")
        self.page_size.addItem(self.tr("A4"), "a4")
        self.doc_code, self.doc_version = QLineEdit(), QLineEdit()
        self.doc_approval = DateField()
        self.coordinator_email = QLineEdit()
        self.coordinator_email.setPlaceholderText(self.tr("coordinacion@palmira.gov.co"))
        self.notice = QPlainTextEdit()
        self.notice.setPlaceholderText(
            self.tr("Vacío: el aviso de la Ley 1581 de 2012 que trae el programa.")
        )
        self.notice.setMaximumHeight(90)
        self.notice.setTabChangesFocus(True)  # Tab moves on to the next field, as in every form
        rows = [
            (self.tr("&Nombre de la organización:"), self.org_name, self.org_name),
            (
                self.tr("&Logotipo:"),
                _with_button(self.org_logo, self.tr("Elegir…"), self.choose_logo),
                self.org_logo,
            ),
            (self.tr("&Tamaño de página:"), self.page_size, self.page_size),
            (self.tr("&Código del documento:"), self.doc_code, self.doc_code),
            (self.tr("&Versión:"), self.doc_version, self.doc_version),
            (self.tr("Fecha de &aprobación:"), self.doc_approval, self.doc_approval),
            (
                self.tr("&Correo de la coordinación:"),
                self.coordinator_email,
                self.coordinator_email,
            ),
            (self.tr("Aviso de &datos personales:"), self.notice, self.notice),
        ]
        add_labelled_rows(form, rows)
        self.org_error = QLabel()
        self.org_error.setStyleSheet("color: #b00020;")
        self.org_error.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.org_error, 1)
        buttons.addStretch(1)
        self.save_button = access.needs(QPushButton(self.tr("Guardar")), "edit_settings")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        return box

    def _db_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Base de datos"))
        form = QFormLayout(box)
        self.db_path = QLineEdit(self.ctx.db.describe() if self.ctx.db else "")
        self.db_path.setReadOnly(True)
        self.db_path.setAccessibleName(self.tr("Ruta de la base de datos"))
        form.addRow(
            self.tr("Archivo:"),
            _with_button(self.db_path, self.tr("Abrir carpeta"), self.open_db_folder),
        )
        return box

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ops.read(settings.all_settings, self._show, parent=self)
        self.personal_data.refresh()
        if self.people is not None:
            self.people.refresh()
        self.signing.refresh()

    def _show(self, values: dict[str, str]) -> None:
        self.org_name.setText(values.get("org_name", ""))
        self.org_logo.setText(values.get("org_logo", ""))
        set_combo_data(self.page_size, values.get("page_size") or "letter")
        self.doc_code.setText(values.get("doc_code", ""))
        self.doc_version.setText(values.get("doc_version", ""))
        self.coordinator_email.setText(values.get("coordinator_email", ""))
        self.notice.setPlainText(values.get("habeas_data_notice", ""))
        approval = values.get("doc_approval_date") or ""
        try:
            self.doc_approval.set_date(dt.date.fromisoformat(approval) if approval else None)
        except ValueError:
            self.doc_approval.setText(approval)

    def values(self) -> dict[str, str] | None:
        """The database settings as stored (dates ISO), or None after showing an input error."""
        try:
            approval = parse_date(self.doc_approval.text())
        except ParseError as exc:  # the core's parser and message, as every date field
            self.org_error.setText(self.tr("Fecha de aprobación") + ": " + exc.message)
            self.org_error.setVisible(True)
            return None
        email = self.coordinator_email.text().strip()
        from pazos_desktop.domain.text import is_valid_email

        if email and not is_valid_email(email):
            self.org_error.setText(
                self.tr("Correo de la coordinación: «{v}» no es una dirección válida.").replace(
                    "{v}", email
                )
            )
            self.org_error.setVisible(True)
            return None
        self.org_error.setVisible(False)
        return {
            "org_name": self.org_name.text().strip(),
            "org_logo": self.org_logo.text().strip(),
            "page_size": self.page_size.currentData(),
            "doc_code": self.doc_code.text().strip(),
            "doc_version": self.doc_version.text().strip(),
            "doc_approval_date": approval.isoformat() if approval else "",
            "coordinator_email": self.coordinator_email.text().strip(),
            "habeas_data_notice": self.notice.toPlainText().strip(),
        }

    def save(self) -> None:
        values = self.values()
        if values is None:
            return

        def work(session):
            for key, value in values.items():
                if settings.get_setting(session, key) != value:
                    settings.set_setting(session, key, value)

        self.ops.run(work, lambda _r: self._saved(), parent=self)

    def _saved(self) -> None:
        self.ctx.window.statusBar().showMessage(self.tr("Configuración guardada."), 5000)

    # --- actions --------------------------------------------------------------------------

    def _language_changed(self) -> None:
        self.ctx.window.set_language(self.language.currentData())

    def choose_export_folder(self) -> None:
        folder = interaction.choose_folder(
            self, self.tr("Carpeta de exportación"), self.export_folder.text()
        )
        if folder:
            self.export_folder.setText(folder)
            self.ctx.prefs.set_export_folder(folder)

    def choose_logo(self) -> None:
        path = interaction.open_file(
            self,
            self.tr("Logotipo"),
            self.org_logo.text(),
            self.tr("Imágenes (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.org_logo.setText(path)

    def open_db_folder(self) -> None:
        """The database's folder; for a server, the folder of its backups on this PC."""
        from pazos_desktop.safety.backup import folder_of

        db = self.ctx.db
        folder = (Path(db.path).parent if db.path else folder_of(db)) if db else None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _with_button(edit: QLineEdit, text: str, slot) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    button = QPushButton(text)
    button.clicked.connect(lambda _=False: slot())
    row.addWidget(button)
    return box
