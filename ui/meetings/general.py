"""The acta editor's General tab: type and series, date and times, place, objective, the
people who preside, take the minutes, prepare, review and approve it, the next meeting, and
the clusters.

What a new acta carries over from the previous meeting (its clusters above all) is shown in
full where it is set: the cluster list is a short box, so a line under it names every
cluster chosen ("Clústeres elegidos: Clúster 2, Clúster 3, …"), checked rows first — what the
acta will print is what the secretary sees.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.meetings import MeetingType, meeting_type_label
from pazos_desktop.services.meetings.data import MeetingData
from ui.widgets import CheckList, DateField

TEXT_FIELDS = ("place", "link", "chair_name", "chair_position", "secretary_name",
               "secretary_position", "next_place", "prepared_by", "prepared_position",
               "reviewed_by", "reviewed_position", "approver_name", "approver_position")  # fmt: skip
DATE_FIELDS = ("date", "next_date")
TIME_FIELDS = ("start_time", "end_time", "next_time")
LEFT = ("date", "start_time", "end_time", "place", "link")
RIGHT = ("chair_name", "chair_position", "secretary_name", "secretary_position", "next_date",
         "next_time", "next_place", "prepared_by", "prepared_position", "reviewed_by",
         "reviewed_position", "approver_name", "approver_position")  # fmt: skip


class GeneralTab(QWidget):
    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        columns = QHBoxLayout(self)
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        labels = self._labels()
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Tipo de reunión"))
        for value in MeetingType:
            self.type.addItem(meeting_type_label(value), value.value)
        left.addRow(self.tr("Tipo de reunión"), self.type)
        left.addRow(self.tr("Serie (numeración)"), self._series(choices.series))
        for key in LEFT:
            left.addRow(labels[key], self._field(key, labels[key]))
        self.objective = QPlainTextEdit()
        self.objective.setAccessibleName(self.tr("Objetivo"))
        self.objective.setTabChangesFocus(True)  # Tab leaves the box instead of typing a tab
        self.objective.setMinimumHeight(self.fontMetrics().height() * 4)
        left.addRow(self.tr("Objetivo"), self.objective)
        for key in RIGHT:
            right.addRow(labels[key], self._field(key, labels[key]))
        right.addRow(self.tr("Clústeres"), self._clusters(choices.clusters))

    def _labels(self) -> dict[str, str]:
        return {
            "date": self.tr("Fecha"), "start_time": self.tr("Hora de inicio"),
            "end_time": self.tr("Hora de finalización"), "place": self.tr("Lugar"),
            "link": self.tr("Enlace (si es virtual)"), "chair_name": self.tr("Preside"),
            "chair_position": self.tr("Cargo de quien preside"),
            "secretary_name": self.tr("Secretario(a)"),
            "secretary_position": self.tr("Cargo del secretario(a)"),
            "next_date": self.tr("Próxima reunión: fecha"),
            "next_time": self.tr("Próxima reunión: hora"),
            "next_place": self.tr("Próxima reunión: lugar"), "prepared_by": self.tr("Elaboró"),
            "prepared_position": self.tr("Cargo de quien elaboró"),
            "reviewed_by": self.tr("Revisó"),
            "reviewed_position": self.tr("Cargo de quien revisó"),
            "approver_name": self.tr("Aprobó (si no es quien preside)"),
            "approver_position": self.tr("Cargo de quien aprobó"),
        }  # fmt: skip

    def _series(self, series: list[tuple[str, str]]) -> QComboBox:
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.setAccessibleName(self.tr("Serie (numeración)"))
        self.series.setToolTip(
            self.tr(
                "Cada cuerpo numera sus actas: el comité técnico, cada mesa. Elija la serie o "
                "escriba el nombre de otra; no cambia después de crear el acta."
            )
        )
        for label, key in series:
            self.series.addItem(label, key)
        return self.series

    def _clusters(self, clusters: list[tuple[str, int]]) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.clusters = CheckList(clusters, rows=7)
        self.clusters.setAccessibleName(self.tr("Clústeres"))
        self.clusters.itemChanged.connect(lambda _item: self._show_chosen())
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setAccessibleName(self.tr("Clústeres elegidos"))
        column.addWidget(self.clusters)
        column.addWidget(self.chosen)
        self._show_chosen()
        return box

    def _field(self, key: str, label: str) -> QWidget:
        widget = DateField() if key in DATE_FIELDS else QLineEdit()
        if key in TIME_FIELDS:
            widget.setPlaceholderText(self.tr("hh:mm"))
        widget.setAccessibleName(label)
        self.fields[key] = widget
        return widget

    # --- values --------------------------------------------------------------------------------

    def set_values(self, data: MeetingData) -> None:
        self.type.setCurrentIndex(max(0, self.type.findData(data.type)))
        self._show_series(data.series or data.type)
        for key in TEXT_FIELDS:
            self.fields[key].setText(getattr(data, key) or "")
            self.fields[key].setCursorPosition(0)  # show the start of long places
        for key in DATE_FIELDS:
            self.fields[key].set_date(getattr(data, key))
        for key in TIME_FIELDS:
            value = getattr(data, key)
            self.fields[key].setText(value.strftime("%H:%M") if value else "")
        self.objective.setPlainText(data.objective or "")
        self.set_clusters(data.cluster_ids)

    def set_clusters(self, ids) -> None:
        """Tick `ids`, checked ones first: a carried-over choice is in sight, not below."""
        wanted = set(ids)
        self.clusters.blockSignals(True)
        items = [self.clusters.takeItem(0) for _ in range(self.clusters.count())]
        items.sort(key=lambda item: item.data(Qt.ItemDataRole.UserRole) not in wanted)
        for item in items:
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.clusters.addItem(item)
        self.clusters.blockSignals(False)
        self.clusters.scrollToTop()
        self._show_chosen()

    def checked_clusters(self) -> list[int]:
        return self.clusters.ids()

    def _show_chosen(self) -> None:
        names = [item.text() for item in self.clusters.checked()]
        self.chosen.setText(
            self.tr("Clústeres elegidos: {names}").format(names=", ".join(names))
            if names
            else self.tr("Ningún clúster elegido.")
        )

    def _show_series(self, key: str) -> None:
        index = self.series.findData(key)
        if index < 0:
            self.series.addItem(key, key)
            index = self.series.count() - 1
        self.series.setCurrentIndex(index)

    def chosen_series(self) -> str | None:
        """The key of the series chosen, or the name typed for a new one."""
        text = self.series.currentText().strip()
        index = self.series.findText(text)
        if index >= 0:
            return self.series.itemData(index)
        return text or None

    def state(self) -> dict:
        return {
            "type": self.type.currentData(),
            "series": self.series.currentText(),  # as typed: a new series has no key yet
            "fields": {key: widget.text() for key, widget in self.fields.items()},
            "objective": self.objective.toPlainText(),
            "clusters": sorted(self.checked_clusters()),
        }

    def set_state(self, state: dict, new: bool) -> None:
        self.type.setCurrentIndex(max(0, self.type.findData(state.get("type"))))
        if new and state.get("series"):  # a saved acta keeps its series
            self.series.setEditText(state["series"])
        for key, text in state.get("fields", {}).items():
            if key in self.fields:
                self.fields[key].setText(text)
        self.objective.setPlainText(state.get("objective", ""))
        self.set_clusters(state.get("clusters", []))

    def set_read_only(self, locked: bool, new: bool) -> None:
        for widget in [*self.fields.values(), self.objective]:
            widget.setReadOnly(locked)
        self.type.setEnabled(not locked)
        self.series.setEnabled(new)  # its number belongs to the series
        self.clusters.setEnabled(not locked)
