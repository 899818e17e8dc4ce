"""The meeting editor: tabs for general data, attendance, agenda and development, commitments
agreed, follow-up, decisions and history; save, preview the acta as it will print, approve
(after asking, and once who approves: a person, never the computer's login), reopen with a
reason, export the PDFs, the approved acta's digital signatures (Firmas…:
ui/meetings/signatures.py).

As secretaries work: it asks before discarding unsaved edits (Esc, Cerrar, ✕); while they
type, a draft of the form is kept every few seconds in the user's data folder
(`pazos_desktop.services.meetings.drafts`) and offered back when the acta is opened again
after a crash. A save the core refuses brings forward the tab and row it names; a new acta
dated before the latest of its series (or a date moved past another acta's) says which number
it carries before it is saved (`services/meetings/order.py`). It opens at any screen size (no fixed minimum; the general tab scrolls). Build-only constructor
(tests); `open_meeting_editor()` shows it. Approved minutes open read-only: the core refuses
edits anyway, the screen says so before anyone types.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import asdict

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop import parsing
from pazos_desktop.clock import make_person
from pazos_desktop.documents import actas
from pazos_desktop.domain.meetings import meeting_status_label, series_label
from pazos_desktop.errors import ValidationError
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings.data import (
    AgendaItemData,
    AttendeeData,
    DecisionData,
    MeetingData,
)
from pazos_desktop.services.meetings.order import number_notice
from ui import errors, interaction
from ui.fit import FitScrollArea, FittedDialog
from ui.meetings.actions import Choices, export_document
from ui.meetings.commitments_tabs import AgreedTab, FollowupTab
from ui.meetings.drafts import DRAFT_MS, DraftKeeper
from ui.meetings.general import DATE_FIELDS, TEXT_FIELDS, TIME_FIELDS, GeneralTab
from ui.meetings.parts import AgendaTab, AttendanceTab, DecisionsTab
from ui.meetings.preview import MinutesPreview
from ui.meetings.signatures import open_signatures
from ui.models.rows import RowsModel
from ui.people import access
from ui.prefs import remember_person
from ui.views.detail import history_columns, history_table
from ui.widgets import typed_or_text

# What each button needs of the signed-in person's role (ui/people/access.py).
NEEDS = {"approve": "approve_acta", "reopen": "reopen_acta", "save": "edit_meetings"}


def parse_time(text: str) -> dt.time | None | str:
    """The core's time parser (09:30, 9.30, 930); the text itself when it is not a time."""
    return typed_or_text(parsing.parse_time, text)


class MeetingEditor(FittedDialog):
    saved = Signal(object)  # the meeting saved (or approved, reopened)
    changed = Signal()  # its commitment lists changed (the list's counts follow)

    def __init__(
        self,
        ops,
        parent: QWidget | None,
        data: MeetingData,
        choices: Choices,
        drafts=None,
        prefs=None,
    ):
        super().__init__(parent)
        self.ops, self.data, self.choices, self.prefs = ops, data, choices, prefs
        self.keeper = DraftKeeper(self, drafts)
        outer = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addWidget(self.error)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self._build_tabs()
        outer.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 38)
        self.set_data(data)
        self.draft_timer = QTimer(self)
        self.draft_timer.timeout.connect(self.keeper.keep)
        self.draft_timer.start(DRAFT_MS)

    def _build_tabs(self) -> None:
        self.general = GeneralTab(self.choices)
        # The fields tests and the keyboard reach by name live on the General tab.
        self.fields, self.type, self.series = (
            self.general.fields,
            self.general.type,
            self.general.series,
        )
        self.objective, self.clusters = self.general.objective, self.general.clusters
        self.tabs.addTab(FitScrollArea(self.general), self.tr("General"))
        self.attendance = AttendanceTab()
        self.attendance.set_contacts(self.choices.contacts)
        self.agenda = AgendaTab()
        self.agreed = AgreedTab(self.ops)
        self.followup = FollowupTab(self.ops)
        self.decisions = DecisionsTab()
        self.history_model = RowsModel(history_columns(self), self)
        for part in (self.agreed, self.followup):
            part.changed.connect(self.changed)
        self.tabs.addTab(self.attendance, self.tr("Asistencia"))
        self.tabs.addTab(self.agenda, self.tr("Orden del día y desarrollo"))
        self.tabs.addTab(self.agreed, self.tr("Compromisos acordados"))
        self.tabs.addTab(self.followup, self.tr("Seguimiento"))
        self.tabs.addTab(self.decisions, self.tr("Decisiones"))
        self.history = history_table(self, self.history_model, self.tr("Historial del acta"))
        self.tabs.addTab(self.history, self.tr("Historial"))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("minutes", self.tr("Exportar PDF…"), lambda: self.export("minutes")),
            (
                "attendance",
                self.tr("Imprimir planilla de asistencia…"),
                lambda: self.export("attendance"),
            ),
            ("preview", self.tr("Vista previa…"), self.preview),
            ("signatures", self.tr("Firmas…"), self.signatures),
            ("approve", self.tr("Aprobar acta…"), self.approve),
            ("reopen", self.tr("Reabrir…"), self.reopen),
            ("save", self.tr("Guardar"), self.save),
            ("close", self.tr("Cerrar"), self.reject),
        ):
            button = QPushButton(text)
            if key in NEEDS:
                access.needs(button, NEEDS[key])
            button.setAutoDefault(False)  # Enter in a field does not press a button
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
            if key == "signatures":
                row.addStretch(1)
        return row

    # --- data in and out ----------------------------------------------------------------------

    def set_data(self, data: MeetingData) -> None:
        self.data = data
        self.general.set_values(data)
        self.attendance.set_values(data.attendees)
        self.agenda.set_values(data.agenda)
        self.decisions.set_values(data.decisions)
        self.agreed.load(data.id, data.approved, data.date)
        self.followup.load(data.id, data.approved)
        self._load_history()
        self._show_state()
        self.clean_state = self.form_state()

    def _load_history(self) -> None:
        self.history.horizontalScrollBar().setValue(0)  # "Cuándo" and "Quién" in sight
        if self.data.id is None:
            self.history_model.set_rows([])
            return
        from pazos_desktop.services.history.readable import meeting_history

        meeting_id = self.data.id
        self.ops.read(lambda s: meeting_history(s, meeting_id), self.history_model.set_rows)

    def _show_state(self) -> None:
        data, locked = self.data, self.data.approved
        title = data.label if data.id else self.tr("Nueva reunión")
        if data.id:
            title += f" ({series_label(data.series or data.type)})"
        self.setWindowTitle(title)
        state = meeting_status_label(data.status)
        note = self.tr(" — solo lectura; reábrala para corregirla") if locked else ""
        self.status.setText(f"<b>{html.escape(title)}</b> · {state}{note}")
        self.general.set_read_only(locked, data.id is None)
        for part in (self.attendance, self.agenda, self.decisions):
            part.set_read_only(locked)
        self.buttons["save"].setEnabled(not locked)
        self.buttons["approve"].setEnabled(not locked and data.id is not None)
        self.buttons["reopen"].setEnabled(locked)
        for key in ("minutes", "attendance", "preview", "signatures"):
            self.buttons[key].setEnabled(data.id is not None)
        access.restrict(self, getattr(self.ops.db, "access", None))  # after every state

    def form_state(self) -> dict:
        """Everything the form holds, as typed (JSON-ready): for "unsaved edits?" and drafts."""
        return self.general.state() | {
            "attendees": [asdict(a) for a in self.attendance.values()],
            "agenda": [asdict(a) for a in self.agenda.values()],
            "decisions": [asdict(d) for d in self.decisions.values()],
        }

    def set_form_state(self, state: dict) -> None:
        """Put a kept draft back into the form (what was typed, valid or not)."""
        self.general.set_state(state, self.data.id is None)
        self.attendance.set_values([AttendeeData(**a) for a in state.get("attendees", [])])
        self.agenda.set_values([AgendaItemData(**a) for a in state.get("agenda", [])])
        self.decisions.set_values([DecisionData(**d) for d in state.get("decisions", [])])

    def is_dirty(self) -> bool:
        return not self.data.approved and self.form_state() != self.clean_state

    def collect(self) -> MeetingData:
        """The form as MeetingData; text that is not a date or a time stops here, under its
        own field's name."""
        values, problems = {}, {}
        for key in DATE_FIELDS + TIME_FIELDS:
            widget = self.fields[key]
            value = widget.value() if key in DATE_FIELDS else parse_time(widget.text())
            if isinstance(value, str):
                problems[key] = self.tr("«{text}» no es una fecha u hora válida.").replace(
                    "{text}", value
                )
            values[key] = None if isinstance(value, str) else value
        if problems:
            raise ValidationError(problems)
        for key in TEXT_FIELDS:
            values[key] = self.fields[key].text()
        old = self.data
        return MeetingData(
            **values,
            type=self.type.currentData(),
            series=self.general.chosen_series() if old.id is None else old.series,
            objective=self.objective.toPlainText(),
            chair_contact_id=old.chair_contact_id,
            secretary_contact_id=old.secretary_contact_id,
            cluster_ids=self.general.checked_clusters(),
            attendees=self.attendance.values(),
            agenda=self.agenda.values(),
            decisions=self.decisions.values(),
            number=old.number if old.id is None else None,
            id=old.id,
            version=old.version,
        )

    # --- actions ------------------------------------------------------------------------------

    def _run(self, fn, then=None) -> None:
        self.error.clear()

        def done(data: MeetingData) -> None:
            self._done(data)
            if then is not None:
                then()

        self.ops.run(fn, success=done, failure=self._failed, parent=self)

    def _done(self, data: MeetingData) -> None:
        was_new = self.data.id is None
        self.set_data(data)
        self.keeper.discard(new=was_new)
        self.saved.emit(data)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.fields.values()))
            if exc.fields:
                self.show_field(next(iter(exc.fields)))
        else:
            errors.show_error(self, exc)

    def show_field(self, key: str) -> None:
        """Bring forward what a refusal names: its tab, its row ("decisions.2"), its field."""
        part, _dot, rest = key.partition(".")
        tabs = {"attendees": self.attendance, "agenda": self.agenda, "decisions": self.decisions}
        if part in tabs:
            self.tabs.setCurrentWidget(tabs[part])
            number = rest.split(".")[0]
            if number.isdigit():
                tabs[part].show_row(int(number))
            return
        self.tabs.setCurrentIndex(0)
        widget = {"objective": self.objective, "type": self.type, "series": self.series}.get(
            key, self.fields.get(key)
        )
        if widget is not None:
            widget.setFocus()

    def save(self, then=None) -> None:
        if self.data.approved:
            return
        try:
            data = self.collect()
        except ValidationError as exc:
            self._failed(exc)
            return
        self._checked(data, lambda s: meetings.save_meeting(s, data), then)

    def _checked(self, data: MeetingData, work, then=None) -> None:
        """Run `work` once the acta's number and date agree, or the user has said they may
        disagree (a meeting entered late: the number says so before it is saved)."""

        def asked(notice: str | None) -> None:
            yes, no = self.tr("Guardar"), self.tr("Revisar la fecha")
            if notice and not interaction.confirm(self, self.tr("Número"), notice, yes, no):
                self.show_field("date")
                return
            self._run(work, then)

        self.ops.run(lambda s: number_notice(s, data), asked, self._failed, parent=self)

    def approve(self) -> None:
        """Ask first (and, once, who approves); unsaved edits are saved with the approval."""
        if self.data.id is None or self.data.approved:
            return
        if not ensure_person(self, self.ops, self.prefs):
            return
        question = self.tr(
            "¿Aprobar el {acta}? Una vez aprobada queda bloqueada: para corregirla habrá que "
            "reabrirla indicando el motivo."
        ).format(acta=self.data.label)
        if self.is_dirty():
            question += "\n" + self.tr("Los cambios sin guardar se guardan al aprobar.")
        if not interaction.confirm(
            self, self.tr("Aprobar acta"), question, self.tr("Aprobar"), self.tr("Cancelar")
        ):
            return
        try:
            data = self.collect() if self.is_dirty() else None
        except ValidationError as exc:
            self._failed(exc)
            return
        meeting_id, version = self.data.id, self.data.version

        def work(session):
            if data is not None:
                version_now = meetings.save_meeting(session, data).version
            else:
                version_now = version
            return actas.approve_meeting(session, meeting_id, version_now)

        if data is None:
            self._run(work)
        else:
            self._checked(data, work)

    def reopen(self) -> None:
        reason = interaction.ask_text(
            self,
            self.tr("Reabrir acta"),
            self.tr("Motivo de la reapertura (queda en el historial):"),
        )
        if reason is not None:
            meeting_id, version = self.data.id, self.data.version
            self._run(lambda s: actas.reopen_meeting(s, meeting_id, reason, version))

    def preview(self) -> None:
        """The acta as it will print, in the window; unsaved edits are saved first."""
        if self.data.id is None:
            return
        if self.is_dirty():
            self.save(then=self.preview)
            return
        from pazos_desktop.i18n import get_language
        from pazos_desktop.services.meetings.minutes import minutes_document

        meeting_id, lang = self.data.id, get_language()
        self.ops.run(
            lambda s: minutes_document(s, meeting_id, lang), self._show_preview, parent=self
        )

    def _show_preview(self, doc) -> None:
        self.last_preview = MinutesPreview(self, doc)
        self.last_preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_preview.open()

    last_preview = None

    def signatures(self) -> None:
        """The approved acta's digital signatures: list, sign, verify (a dialog of its own)."""
        if self.data.id is not None:
            self.last_signatures = open_signatures(self.ops, self, self.data.id)
            self.last_signatures.panel.changed.connect(self._load_history)

    def export(self, kind: str) -> None:
        if self.data.id is not None:
            export_document(
                self.ops, self, kind, self.data.year, self.data.number, self.data.series
            )

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.type.setFocus()  # the first field, not a button

    _shown_once = False

    def reject(self) -> None:
        """Esc, Cerrar or ✕: ask before unsaved edits are lost; the kept draft goes too."""
        if self.is_dirty() and not interaction.confirm(
            self,
            self.tr("Descartar cambios"),
            self.tr("El acta tiene cambios sin guardar. ¿Desea descartarlos?"),
            self.tr("Descartar"),
            self.tr("Seguir editando"),
        ):
            return
        self.draft_timer.stop()
        self.keeper.discard()
        super().reject()


def ensure_person(parent: QWidget, ops, prefs) -> bool:
    """Who approves: this user's name and position, asked once and kept in the preferences;
    False when the user would not say (the approval waits). On a server the administrator's
    profile names each person (the server writes who approved): nothing is asked."""
    if ops.db is not None and (ops.db.person is not None or ops.db.access.server):
        return True
    known = prefs.person() if prefs is not None else None
    if known is None:
        answer = interaction.ask_person(parent)
        known = make_person(*answer) if answer else None
        if known is None:
            return False
    remember_person(prefs, ops, known.name, known.position)
    return True


def open_meeting_editor(
    ops, parent, data: MeetingData, choices: Choices, drafts=None, prefs=None
) -> MeetingEditor:
    editor = MeetingEditor(ops, parent, data, choices, drafts, prefs)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    editor.keeper.offer()
    return editor
