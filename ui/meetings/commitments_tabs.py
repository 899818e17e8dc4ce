"""The editor's commitment tabs: commitments agreed at the meeting, follow-up of earlier ones.

Agreed commitments are full commitments, added and edited with the commitment editor (every
field: several clusters, the partner's contact, unit, target…) and removable while the acta
is a draft. The follow-up list can be pruned (one row, or every row with nothing reported)
and ordered; what was typed and not yet recorded survives those changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.domain.formats import format_quantity
from pazos_desktop.domain.vocabulary import Status, status_label
from pazos_desktop.parsing import parse_number
from pazos_desktop.services.commitments.editing import CommitmentData
from pazos_desktop.services.meetings import followup as fu
from pazos_desktop.services.meetings import tidying as meeting_lists
from pazos_desktop.services.meetings.minutes import list_agreed
from ui import interaction
from ui.dialogs.commitment import CommitmentEditor, load_choices
from ui.dialogs.editor import open_editor
from ui.widgets import setup_table, typed_or_text


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if len(value) > 30:
                item.setToolTip(value)  # cut with "…" in its column: whole in the tooltip
            table.setItem(r, c, item)


def _fit_columns(table: QTableWidget, stretch: set[int]) -> None:
    """Every column in sight (no sideways scrolling): texts share what is left, the short
    ones (states, dates, figures) take what their contents need."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        mode = QHeaderView.ResizeMode
        header.setSectionResizeMode(
            column, mode.Stretch if column in stretch else mode.ResizeToContents
        )


def _buttons(layout: QVBoxLayout, hint: QLabel, *specs, per_row: int = 3) -> list[QPushButton]:
    """The hint on its own line, then the buttons, `per_row` a row: the editor stays narrow
    enough for a laptop at 150 %."""
    layout.addWidget(hint)
    made = []
    for start in range(0, len(specs), per_row):
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot in specs[start : start + per_row]:
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            made.append(button)
        layout.addLayout(row)
    return made


class AgreedCommitmentEditor(CommitmentEditor):
    """The commitment editor, saving through the meeting (its origin, its start date)."""

    def __init__(self, ops, parent, choices, data, meeting_id: int):
        super().__init__(ops, parent, choices, data)
        self.meeting_id = meeting_id
        if data is None or data.id is None:
            self.setWindowTitle(self.tr("Nuevo compromiso acordado"))

    def save_call(self, data: CommitmentData):
        meeting_id = self.meeting_id
        return lambda s: fu.add_agreed_commitment(s, meeting_id, data)


class AgreedTab(QWidget):
    """The commitments born at this meeting."""

    changed = Signal()  # a commitment was added, edited or removed

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops, self.meeting_id, self.locked, self.rows = ops, None, False, []
        self.meeting_date = None
        self.last_editor = None  # the commitment editor opened last (tests reach it)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Actividad"),
                self.tr("Responsable"),
                self.tr("Clúster"),
                self.tr("Componente"),
                self.tr("Fecha límite"),
            ]
        )
        setup_table(self.table, self.tr("Compromisos acordados"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemActivated.connect(lambda _item: self.edit())
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        _fit_columns(self.table, {0, 1, 2})
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_button, self.edit_button, self.remove_button = _buttons(
            layout,
            self.hint,
            (self.tr("Agregar compromiso…"), self.add),
            (self.tr("Editar…"), self.edit),
            (self.tr("Quitar del acta"), self.remove),
        )

    def load(self, meeting_id: int | None, locked: bool, meeting_date=None) -> None:
        self.meeting_id, self.locked, self.meeting_date = meeting_id, locked, meeting_date
        self.hint.setText(
            "" if meeting_id else self.tr("Guarde la reunión para agregar compromisos.")
        )
        if meeting_id is not None:
            self.ops.read(lambda s: list_agreed(s, meeting_id), success=self.show_rows, parent=self)
        else:
            self.show_rows([])

    def show_rows(self, rows) -> None:
        self.rows = rows
        _fill_table(
            self.table,
            [[r.activity, r.responsible, r.cluster, r.component, r.due_date] for r in rows],
        )
        self._enable()

    def _enable(self) -> None:
        ready = self.meeting_id is not None and not self.locked
        chosen = ready and 0 <= self.table.currentRow() < len(self.rows)
        self.add_button.setEnabled(ready)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def add(self) -> None:
        preset = CommitmentData(status=Status.IN_PROGRESS.value, start_date=self.meeting_date)
        self._open(None, preset)

    def edit(self) -> None:
        commitment_id = self._current_id()
        if commitment_id is not None and not self.locked:
            self._open(commitment_id, None)

    def _open(self, commitment_id: int | None, preset: CommitmentData | None) -> None:
        """Read the lists (and the record) on the worker, then open the commitment editor."""
        from pazos_desktop.services.commitments.editing import get_commitment

        meeting_id = self.meeting_id

        def work(session):
            data = get_commitment(session, commitment_id) if commitment_id else preset
            return load_choices(session, data.partner_id), data

        def opened(result) -> None:
            choices, data = result
            self.last_editor = AgreedCommitmentEditor(self.ops, self, choices, data, meeting_id)
            open_editor(self.last_editor, lambda _d: self._reload())

        self.ops.read(work, opened, parent=self)

    def remove(self) -> None:
        row, commitment_id = self.table.currentRow(), self._current_id()
        if commitment_id is None or self.locked:
            return
        question = self.tr(
            "¿Quitar «{title}» del acta? El compromiso se elimina del registro."
        ).format(title=self.rows[row].activity)
        if not interaction.confirm(
            self, self.tr("Compromisos acordados"), question, self.tr("Quitar"), self.tr("Cancelar")
        ):
            return
        meeting_id = self.meeting_id
        self.ops.run(
            lambda s: meeting_lists.remove_agreed_commitment(s, meeting_id, commitment_id),
            lambda _r: self._reload(),
            parent=self,
        )

    def _reload(self) -> None:
        self.load(self.meeting_id, self.locked, self.meeting_date)
        self.changed.emit()


class FollowupTab(QWidget):
    """Earlier commitments reviewed at this meeting: what was reported for each."""

    changed = Signal()

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops, self.meeting_id, self.rows, self.locked = ops, None, [], False
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Compromiso"),
                self.tr("Responsable"),
                self.tr("Estado actual"),
                self.tr("Estado reportado"),
                self.tr("Avance"),
                self.tr("Comentario"),
            ]
        )
        setup_table(self.table, self.tr("Seguimiento a compromisos anteriores"))
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        _fit_columns(self.table, {0, 1, 5})
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        specs = (
            (self.tr("Subir"), lambda: self.move(-1)),
            (self.tr("Bajar"), lambda: self.move(1)),
            (self.tr("Quitar de la lista"), self.drop),
            (self.tr("Traer compromisos pendientes"), self.prefill),
            (self.tr("Quitar los que no tienen reporte"), self.prune),
            (self.tr("Registrar lo reportado"), self.record),
        )
        buttons = _buttons(layout, self.hint, *specs)
        self.up_button, self.down_button, self.drop_button = buttons[:3]
        self.prefill_button, self.prune_button, self.record_button = buttons[3:]
        self.prefill_button.setToolTip(
            self.tr("Los abiertos de la reunión anterior y de las entidades invitadas")
        )

    def load(self, meeting_id: int | None, locked: bool) -> None:
        self.meeting_id, self.locked = meeting_id, locked
        self.hint.setText(
            "" if meeting_id else self.tr("Guarde la reunión para hacer el seguimiento.")
        )
        if meeting_id is not None:
            self._run(lambda s: fu.list_followups(s, meeting_id), keep=False)
        else:
            self.show_rows([])

    def _enable(self) -> None:
        ready = self.meeting_id is not None and not self.locked
        chosen = ready and 0 <= self.table.currentRow() < len(self.rows)
        for button in (self.prefill_button, self.prune_button, self.record_button):
            button.setEnabled(ready)
        for button in (self.up_button, self.down_button, self.drop_button):
            button.setEnabled(chosen)

    def show_rows(self, rows: list[fu.FollowupData], typed: dict | None = None) -> None:
        """Show `rows`; `typed` (commitment id → report typed, not yet recorded) is put back."""
        typed = typed or {}
        self.rows = rows
        _fill_table(
            self.table,
            [[r.title, r.responsible, status_label(r.current_status), "", "", ""] for r in rows],
        )
        for i, r in enumerate(rows):
            status, achieved, comment = typed.get(
                r.commitment_id, (r.reported_status, r.reported_achieved, r.comment)
            )
            combo = QComboBox()
            combo.addItem(self.tr("(sin reporte)"), None)
            for value in Status:
                combo.addItem(status_label(value), value.value)
            combo.setCurrentIndex(max(0, combo.findData(status)))
            combo.setEnabled(not self.locked)
            combo.setAccessibleName(self.tr("Estado reportado"))
            self.table.setCellWidget(i, 3, combo)
            shown = achieved if isinstance(achieved, str) else format_quantity(achieved)
            self.table.setItem(i, 4, QTableWidgetItem(shown or ""))
            self.table.setItem(i, 5, QTableWidgetItem(comment or ""))
        triggers = QTableWidget.EditTrigger
        self.table.setEditTriggers(
            triggers.NoEditTriggers if self.locked else triggers.AllEditTriggers
        )
        if self.meeting_id is not None:  # the whole list in one line: it may not fit the box
            recorded = sum(1 for r in rows if r.progress_update_id or r.comment)
            self.hint.setText(
                self.tr("En el seguimiento: {n}; con reporte registrado: {m}.").format(
                    n=len(rows), m=recorded
                )
            )
        self._enable()

    def typed(self) -> dict[int, tuple]:
        """What each row's cells hold now (status, achieved text, comment)."""
        out = {}
        for i, r in enumerate(self.rows):
            combo, achieved, comment = (
                self.table.cellWidget(i, 3),
                self.table.item(i, 4),
                self.table.item(i, 5),
            )
            out[r.commitment_id] = (
                combo.currentData() if combo else r.reported_status,
                achieved.text() if achieved else "",
                (comment.text().strip() or None) if comment else r.comment,
            )
        return out

    def _run(self, fn, keep: bool = True) -> None:
        """Run `fn(session)` (returns the rows) and show them, keeping what was typed."""
        typed = self.typed() if keep else {}

        def shown(rows) -> None:
            self.show_rows(rows, typed)
            self.changed.emit()

        self.ops.run(fn, success=shown, parent=self)

    def _current(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].commitment_id if 0 <= row < len(self.rows) else None

    def prefill(self) -> None:
        meeting_id = self.meeting_id
        self._run(lambda s: fu.prefill_followups(s, meeting_id))

    def move(self, step: int) -> None:
        meeting_id, commitment_id = self.meeting_id, self._current()
        if commitment_id is None:
            return
        target = self.table.currentRow() + step

        def moved(session):
            return meeting_lists.move_followup(session, meeting_id, commitment_id, step)

        typed = self.typed()

        def shown(rows) -> None:
            self.show_rows(rows, typed)
            self.table.setCurrentCell(max(0, min(target, len(rows) - 1)), 0)

        self.ops.run(moved, success=shown, parent=self)

    def drop(self) -> None:
        """Take the selected commitment off the follow-up, after asking (naming it, and
        what is lost with it: a report typed, or the one recorded in this acta)."""
        meeting_id, commitment_id = self.meeting_id, self._current()
        if commitment_id is None:
            return
        row = self.rows[self.table.currentRow()]
        question = self.tr("¿Quitar «{title}» del seguimiento de esta acta?").format(
            title=_short(row.title)
        )
        if commitment_id in {r.commitment_id for r in self.reports()}:
            question += " " + self.tr("Lo escrito y no registrado se pierde.")
        elif row.progress_update_id:
            question += " " + self.tr("El avance que registró esta acta se borra.")
        if interaction.confirm(
            self, self.tr("Seguimiento"), question, self.tr("Quitar"), self.tr("Cancelar")
        ):
            self._run(lambda s: meeting_lists.drop_followup(s, meeting_id, commitment_id))

    def prune(self) -> None:
        """Drop the rows with nothing reported; a row with a report typed and not yet
        recorded stays (the question names them)."""
        meeting_id, typed = self.meeting_id, self.reports()
        keep = [r.commitment_id for r in typed]
        question = self.tr(
            "¿Quitar de la lista los compromisos sin estado, avance ni comentario registrados?"
        )
        if typed:
            titles = "; ".join(f"«{_short(r.title)}»" for r in self._rows_of(keep))
            question += "\n" + self.tr(
                "Se conservan los que tienen algo escrito sin registrar: {titles}."
            ).format(titles=titles)
        if interaction.confirm(
            self, self.tr("Seguimiento"), question, self.tr("Quitar"), self.tr("Cancelar")
        ):
            self._run(lambda s: meeting_lists.prune_unreported(s, meeting_id, keep))

    def _rows_of(self, ids: list[int]) -> list[fu.FollowupData]:
        return [r for r in self.rows if r.commitment_id in set(ids)]

    def reports(self) -> list[fu.FollowupData]:
        """Rows whose reported status, progress or comment differ from what is saved."""
        changed, typed = [], self.typed()
        for r in self.rows:
            status, achieved_text, comment = typed[r.commitment_id]
            achieved = typed_or_text(parse_number, achieved_text)  # the core's rules say why
            if (status, achieved, comment) != (r.reported_status, r.reported_achieved, r.comment):
                changed.append(fu.FollowupData(r.commitment_id, status, achieved, comment))
        return changed

    def record(self) -> None:
        meeting_id, reports = self.meeting_id, self.reports()

        def work(session):
            for report in reports:
                fu.record_followup(session, meeting_id, report)
            return fu.list_followups(session, meeting_id)

        self._run(work, keep=False)
