"""Configuración's box for digital signatures (stored in the database, for everyone using it):
where actas are signed, the timestamp authority, and the certification authorities trusted —
their root certificates and revocation lists, imported once from the files the accredited
authorities publish. Never a private key: the core refuses one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from pazos_desktop.domain.formats import format_date
from pazos_desktop.errors import PazosError
from ui import errors, interaction
from ui.widgets import add_labelled_rows


class SigningSettingsBox(QGroupBox):
    def __init__(self, ctx):
        super().__init__(
            self.tr("Firmas digitales de las actas (para todos los que usan esta base)")
        )
        self.ctx, self.ops = ctx, ctx.ops
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Palmira, Valle del Cauca, Colombia"))
        self.tsa_url = QLineEdit()
        self.tsa_url.setPlaceholderText(
            self.tr("Vacío: firmas sin sello de tiempo (sirve sin conexión)")
        )
        self.trusted = QListWidget()
        self.trusted.setMaximumHeight(110)
        add_labelled_rows(
            form,
            [
                (self.tr("&Lugar de firma:"), self.place, self.place),
                (self.tr("&Sellado de tiempo (URL):"), self.tsa_url, self.tsa_url),
                (self.tr("Entidades de &confianza:"), self.trusted, self.trusted),
            ],
        )
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Importar certificado raíz o lista de revocación…"), self.import_file),
            (self.tr("Quitar"), self.remove),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.clicked.connect(lambda _=False: self.save())
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def refresh(self) -> None:
        def read(session):
            from pazos_desktop.documents.signatures.trust import trust_items
            from pazos_desktop.services.settings import all_settings

            return all_settings(session), trust_items(session)

        self.ops.run(read, self._show, parent=self)

    def _show(self, result) -> None:
        values, items = result
        self.place.setText(values.get("signing_place", ""))
        self.tsa_url.setText(values.get("tsa_url", ""))
        self.trusted.clear()
        for item in items:
            entry = QListWidgetItem(self._describe(item))
            entry.setData(Qt.ItemDataRole.UserRole, item.fingerprint)
            self.trusted.addItem(entry)
        if not items:
            self.trusted.addItem(
                self.tr("Ninguna: las firmas se verán íntegras pero «no de confianza».")
            )

    def _describe(self, item) -> str:
        until = format_date(item.valid_until) if item.valid_until else "—"
        if item.kind == "root":
            return (
                self.tr("Certificado raíz: {name} (vence el {date})")
                .replace("{name}", item.name)
                .replace("{date}", until)
            )
        return (
            self.tr("Lista de revocación: {name} (próxima el {date})")
            .replace("{name}", item.name)
            .replace("{date}", until)
        )

    def save(self) -> None:
        place, url = self.place.text(), self.tsa_url.text()

        def work(session):
            from pazos_desktop.documents.signatures.trust import save_signing_settings

            save_signing_settings(session, place, url)

        self.ops.run(work, lambda _r: self._saved(), self._failed, parent=self)

    def _saved(self) -> None:
        self.error.setVisible(False)
        window = getattr(self.ctx, "window", None)
        if window is not None:
            window.statusBar().showMessage(self.tr("Configuración guardada."), 5000)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PazosError):  # a ValidationError too
            self.error.setText(exc.message)
            self.error.setVisible(True)
        else:
            errors.show_error(self, exc)

    def import_file(self) -> None:
        path = interaction.open_file(
            self,
            self.tr("Certificado raíz o lista de revocación"),
            "",
            self.tr(
                "Certificados y listas (*.cer *.crt *.pem *.der *.crl);;Todos los archivos (*)"
            ),
        )
        if not path:
            return

        def work(session):
            from pazos_desktop.documents.signatures.trust import MAX_BYTES, import_trust
            from pazos_desktop.files import read_limited

            data = read_limited(path, MAX_BYTES, self.tr("El archivo pesa {size:.0f} MB."))
            return import_trust(session, data)

        self.ops.run(work, self._imported, self._failed, parent=self)

    def _imported(self, added) -> None:
        self.error.setVisible(False)
        names = ", ".join(self._describe(item) for item in added) or self.tr("nada nuevo")
        interaction.inform(
            self,
            self.tr("Entidades de confianza"),
            self.tr("Importado: {what}").replace("{what}", names),
        )
        self.refresh()

    def remove(self) -> None:
        item = self.trusted.currentItem()
        fingerprint = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not fingerprint:
            return
        if not interaction.confirm(
            self,
            self.tr("Quitar"),
            self.tr("¿Quitar «{what}» de las entidades de confianza?").replace(
                "{what}", item.text()
            ),
            self.tr("Quitar"),
            self.tr("Cancelar"),
        ):
            return

        def work(session):
            from pazos_desktop.documents.signatures.trust import remove_trust

            remove_trust(session, fingerprint)

        self.ops.run(work, lambda _r: self.refresh(), parent=self)
