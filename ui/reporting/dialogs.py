"""The cycle's editors: close a period (for every cluster or some, with a reason), how partners
report (frequency and term), a period of the office's own, and an evidence file for a progress
update. Each collects what was typed; the core checks it and its messages appear under the
fields (`ui.dialogs.editor.EditorDialog`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.records import CLOSURE, EVIDENCE, REPORTING_PERIOD
from pazos_desktop.domain.reporting import (
    ALLOWED,
    FREQUENCY_LABELS,
    MAX_EVIDENCE_BYTES,
    format_size,
)
from pazos_desktop.i18n import _
from pazos_desktop.services.reporting import closing, evidence, periods
from ui import interaction
from ui.dialogs.commitment import ClusterPicker
from ui.dialogs.editor import EditorDialog, open_editor
from ui.widgets import DateField


def _text(widget: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(widget.fontMetrics().height() * lines + 12)
    return edit


# --- closing a period -------------------------------------------------------------------------


def load_close_choices(session):
    from pazos_desktop.clock import today_in
    from pazos_desktop.services import territory

    return periods.view_periods(session, today_in(session)), territory.cluster_choices(session)


class CloseDialog(EditorDialog):
    """Close a period once presented: every cluster or the ones ticked, and why."""

    def __init__(self, ops, parent, choices, chosen=None):
        super().__init__(ops, parent, self.tr("Cerrar un periodo"))
        period_list, clusters = choices
        intro = QLabel(
            self.tr(
                "Cerrado el periodo, ninguna puerta (el editor, las hojas devueltas, la carga "
                "masiva, el seguimiento en reuniones) registra, cambia ni borra avances con "
                "fecha en él, y su informe da siempre las cifras de hoy. Reabrirlo pide un motivo."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.period = self.add_field("period", self.tr("&Periodo:"), QComboBox())
        for period in period_list:
            self.period.addItem(f"{period.code} — {period.label}", period.code)
            if chosen is not None and period.code == chosen.code:
                self.period.setCurrentIndex(self.period.count() - 1)
        self.clusters = self.add_field("clusters", self.tr("&Clústeres:"), ClusterPicker(clusters))
        self.clusters.set_value(True, [])
        self.reason = self.add_declared(CLOSURE["reason"], _text(self, 3))
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setText(self.tr("Cerrar el periodo"))
        self.mark_clean()

    def collect(self) -> dict:
        everywhere = self.clusters.all.isChecked()
        return {
            "period": self.period.currentData(),
            "clusters": [] if everywhere else self.clusters.ids(),
            "reason": self.reason.toPlainText(),
        }

    def values(self) -> dict:
        return self.collect()

    def save_call(self, data: dict, accept_doubts: bool = False):
        return lambda s: closing.close_period(s, data["period"], data["clusters"], data["reason"])


# --- how partners report ----------------------------------------------------------------------


def load_cycle_settings(session):
    return periods.cycle_settings(session), periods.custom_periods(session)


class CycleSettingsDialog(EditorDialog):
    """The frequency of the reports and their term in business days; the office's own periods
    when the frequency is custom."""

    def __init__(self, ops, parent, current):
        super().__init__(ops, parent, self.tr("Cómo reportan las entidades"))
        settings, custom = current
        self.frequency = self.add_declared(periods.FREQUENCY, QComboBox())
        for value, label in FREQUENCY_LABELS.items():
            self.frequency.addItem(_(label), value.value)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(settings.frequency)))
        self.due_days = self.add_declared(periods.DUE_DAYS, QLineEdit(str(settings.due_days)))
        note = QLabel(
            self.tr(
                "Días hábiles colombianos después del último día del periodo (festivos "
                "incluidos en el cálculo): pasado el plazo, un reporte no recibido queda "
                "«Vencido»."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.custom = QListWidget()
        self.custom.setAccessibleName(self.tr("Periodos definidos por la oficina"))
        for p in custom:
            self.custom.addItem(
                f"{p.code} — {p.name} ({format_date(p.start)}–{format_date(p.end)})"
            )
        add = QPushButton(self.tr("Nuevo periodo…"))
        add.clicked.connect(self.new_period)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.custom)
        column.addWidget(add)
        self.form.addRow(self.tr("Periodos propios:"), box)
        self.mark_clean()

    def new_period(self) -> None:
        open_editor(CustomPeriodEditor(self.ops, self), self._added)

    def _added(self, period) -> None:
        self.custom.addItem(
            f"{period.code} — {period.name} ({format_date(period.start)}–{format_date(period.end)})"
        )

    def collect(self) -> dict:
        return {"frequency": self.frequency.currentData(), "due_days": self.typed("due_days")}

    def save_call(self, data: dict, accept_doubts: bool = False):
        return lambda s: periods.save_cycle_settings(s, data["frequency"], data["due_days"])


class CustomPeriodEditor(EditorDialog):
    """A period of the office's own: its code, its name and its dates."""

    def __init__(self, ops, parent):
        super().__init__(ops, parent, self.tr("Nuevo periodo de reporte"))
        R = REPORTING_PERIOD
        self.code = self.add_declared(R["code"], QLineEdit())
        self.code.setPlaceholderText(self.tr("p. ej. 2026-P1"))
        self.name = self.add_declared(R["name"], QLineEdit())
        self.start = self.add_declared(R["start_date"], DateField())
        self.end = self.add_declared(R["end_date"], DateField())
        self.mark_clean()

    def collect(self):
        return periods.CustomPeriodData(
            code=self.code.text(),
            name=self.name.text(),
            start_date=self.typed("start_date"),
            end_date=self.typed("end_date"),
        )

    def save_call(self, data, accept_doubts: bool = False):
        return lambda s: periods.save_custom_period(s, data)


# --- evidence ---------------------------------------------------------------------------------


class EvidenceDialog(EditorDialog):
    """Attach a file to one of a commitment's progress updates."""

    def __init__(self, ops, parent, updates: list[tuple[str, int]], folder: str = ""):
        super().__init__(ops, parent, self.tr("Añadir evidencia"))
        self.folder = folder
        self.update_box = self.add_field("progress_update_id", self.tr("&Avance:"), QComboBox())
        for label, update_id in updates:
            self.update_box.addItem(label, update_id)
        self.path = QLineEdit()
        choose = QPushButton(self.tr("Elegir…"))
        choose.clicked.connect(self.choose_file)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path, 1)
        line.addWidget(choose)
        self.add_field("file", self.tr("A&rchivo:"), row)
        self.fields["file"] = self.path  # its text is what is saved and checked
        limit = QLabel(
            self.tr("PDF, imágenes, hojas de cálculo o documentos; hasta {size}. Nunca programas.")
            .format(size=format_size(MAX_EVIDENCE_BYTES))
        )  # fmt: skip
        limit.setWordWrap(True)
        self.form.addRow(limit)
        self.description = self.add_declared(EVIDENCE["description"], _text(self, 3))
        self.personal = self.add_declared(
            EVIDENCE["personal_data"], QCheckBox(self.tr("Sí (listas de asistencia, fotos…)"))
        )
        self.mark_clean()

    def choose_file(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(ALLOWED))
        kinds = self.tr("PDF, imágenes, hojas de cálculo y documentos") + f" ({patterns})"
        chosen = interaction.open_file(self, self.tr("Archivo de evidencia"), self.folder, kinds)
        if chosen:
            self.path.setText(chosen)

    def collect(self) -> dict:
        return {
            "progress_update_id": self.update_box.currentData(),
            "path": self.path.text().strip(),
            "description": self.description.toPlainText(),
            "personal_data": self.personal.isChecked(),
        }

    def save_call(self, data: dict, accept_doubts: bool = False):
        return lambda s: evidence.add_evidence(
            s,
            data["progress_update_id"],
            Path(data["path"]),
            data["description"],
            data["personal_data"],
        )
