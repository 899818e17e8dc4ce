"""Which partners get a commitment sheet, and into which folder.

Returns plain values (`chosen_ids()`, `folder()`); the actions do the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.i18n import ngettext
from ui import interaction
from ui.fit import FittedDialog


def load_choices(session) -> tuple[list[tuple[str, int, int]], tuple]:
    """The partners with commitments (name, id, how many), and the reporting periods with the
    one sheets ask about today (the dialog's choice)."""
    from pazos_desktop.clock import today_in
    from pazos_desktop.services import partners
    from pazos_desktop.services.reporting.periods import sending_period, view_periods

    rows = partners.list_partners(session)
    today = today_in(session)
    periods = (view_periods(session, today), sending_period(session, today))
    return [(p.name, p.id, p.commitments) for p in rows if p.commitments], periods


class ExcelPartnerDialog(FittedDialog):
    """A ticked list of partners (all ticked), the reporting period and the destination folder."""

    def __init__(
        self,
        partners: list[tuple[str, int, int]],
        folder: str,
        parent: QWidget = None,
        periods: tuple | None = None,
    ):
        """`partners`: (name, id, number of commitments); `periods`: (the periods, the one
        chosen first), from `load_choices`."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exportar hojas de compromisos"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Se guarda un archivo de Excel por entidad con sus compromisos, para que reporte "
                "sus avances y lo devuelva."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Entidades"))
        for name, partner_id, count in partners:
            text = ngettext("{name} ({n} compromiso)", "{name} ({n} compromisos)", count)
            text = text.format(name=name, n=count)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, partner_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._update_state())
        layout.addLayout(self._select_buttons())
        layout.addWidget(self.list, 1)
        layout.addLayout(self._period_row(periods))
        layout.addLayout(self._folder_row(folder))
        self.drafts = QCheckBox(
            self.tr("Preparar también un borrador de correo (.eml) por entidad, con su hoja")
        )
        layout.addWidget(self.drafts)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Exportar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 480)
        self._update_state()

    def _select_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        for text, state in (
            (self.tr("Todas"), Qt.CheckState.Checked),
            (self.tr("Ninguna"), Qt.CheckState.Unchecked),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.set_all(s))
            row.addWidget(button)
        return row

    def _period_row(self, periods: tuple | None) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Periodo de reporte:"))
        self.periods = QComboBox()
        label.setBuddy(self.periods)
        choices, chosen = periods or ([], None)
        for period in choices:
            self.periods.addItem(f"{period.code} — {period.label}", period)
            if chosen is not None and period.code == chosen.code:
                self.periods.setCurrentIndex(self.periods.count() - 1)
        self.periods.setToolTip(
            self.tr(
                "Las hojas piden los avances de este periodo y su plazo; las entidades quedan "
                "como «Enviado» en Reportes de los aliados."
            )
        )
        row.addWidget(label)
        row.addWidget(self.periods, 1)
        label.setVisible(bool(choices))
        self.periods.setVisible(bool(choices))
        return row

    def period(self):
        """The reporting period chosen (None when the dialog offered none)."""
        return self.periods.currentData() if self.periods.count() else None

    def _folder_row(self, folder: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Carpeta:")))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setAccessibleName(self.tr("Carpeta de destino"))
        self.folder_edit.textChanged.connect(lambda _t: self._update_state())
        row.addWidget(self.folder_edit, 1)
        choose = QPushButton(self.tr("Elegir…"))
        choose.clicked.connect(self.choose_folder)
        row.addWidget(choose)
        return row

    def choose_folder(self) -> None:
        chosen = interaction.choose_folder(
            self, self.tr("Carpeta para las hojas"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def chosen_ids(self) -> list[int]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def email_drafts(self) -> bool:
        return self.drafts.isChecked()

    def _update_state(self) -> None:
        chosen = len(self.chosen_ids())
        total = self.list.count()
        self.count.setText(
            ngettext("{n} de {total} entidad", "{n} de {total} entidades", total).format(
                n=chosen, total=total
            )
        )
        self.ok.setEnabled(chosen > 0 and bool(self.folder()))
