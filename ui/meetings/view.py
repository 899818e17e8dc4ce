"""The meeting list: filter by year, type, cluster and partner; open, create, delete a draft
(Supr, after asking, naming the acta), export the acta and the attendance sheet, export the
list shown to Excel."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.meetings import (
    MeetingStatus,
    MeetingType,
    meeting_status_label,
    meeting_type_label,
    series_label,
)
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import listing as meeting_list
from ui import interaction
from ui.meetings.actions import Choices, export_document, load_choices
from ui.meetings.editor import open_meeting_editor
from ui.models.rows import Column, RowsModel
from ui.views.base import TablePanel
from ui.views.export import combo_note, export_list
from ui.widgets import elide, fill_combo, make_searchable


class MeetingsView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.choices = Choices()
        self.last_editor = None  # the editor opened last (tests look at it)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.panel = TablePanel(self.tr("Reuniones y actas"), RowsModel(self._columns(), self))
        self.panel.add_button(
            self.tr("Nueva reunión"), self.new_record, self.tr("Ctrl+N"), needs="edit_meetings"
        )
        self.panel.add_button(self.tr("Abrir…"), self.open_selected, needs_row=True)
        self.delete_button = self.panel.add_button(
            self.tr("Eliminar…"),
            self.delete_selected,
            self.tr("Supr: elimina el borrador elegido"),
            needs_row=True,
        )
        self.panel.add_button(
            self.tr("Exportar PDF…"),
            lambda: self.export("minutes"),
            needs_row=True,
            second_row=True,
        )
        self.panel.add_button(
            self.tr("Imprimir planilla de asistencia…"),
            lambda: self.export("attendance"),
            needs_row=True,
            second_row=True,
        )
        self.panel.add_button(
            self.tr("Exportar a Excel…"),
            self.export_list,
            self.tr("Ctrl+E: la lista que se ve"),
            second_row=True,
        )
        self.panel.on_open(self.open_selected)
        layout.addWidget(self.panel, 1)
        self.panel.restore_columns(ctx.prefs, "meetings", [175, 90, 175, 260, 80, 85, 100])
        header = self.panel.table.horizontalHeader()  # the place takes what is left
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.year, self.type = QComboBox(), QComboBox()
        self.cluster, self.partner = QComboBox(), QComboBox()
        for label, combo in (
            (self.tr("Año"), self.year),
            (self.tr("Tipo"), self.type),
            (self.tr("Clúster"), self.cluster),
            (self.tr("Entidad"), self.partner),
        ):
            row.addWidget(QLabel(label))
            elide(combo, 10)  # four lists in a row on a laptop: long names cut with "…"
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(lambda _i: self.load_rows())
            row.addWidget(combo, 1 if combo in (self.cluster, self.partner) else 0)
        make_searchable(self.partner)
        fill_combo(
            self.type, [(meeting_type_label(t), t.value) for t in MeetingType], self.tr("Todos")
        )
        return row

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Acta"), lambda r: r.label),
            Column(self.tr("Fecha"), lambda r: format_date(r.date)),
            # The body (its series): the type's label unless another series was chosen.
            Column(self.tr("Tipo"), lambda r: series_label(r.series or r.type)),
            Column(self.tr("Lugar"), lambda r: r.place, tooltip=lambda r: r.place),
            Column(self.tr("Estado"), lambda r: meeting_status_label(r.status)),
            Column(self.tr("Asistentes"), lambda r: r.attendees, True),
            Column(self.tr("Compromisos"), lambda r: r.agreed, True),
        ]

    def refresh(self) -> None:
        def work(session):
            return load_choices(session), meeting_list.meeting_years(session)

        self.ops.read(work, success=self._show_choices, parent=self)

    def _show_choices(self, result) -> None:
        self.choices, years = result
        blank = self.tr("Todos")
        fill_combo(self.year, [(str(y), y) for y in years], blank)
        fill_combo(self.cluster, self.choices.clusters, blank)
        fill_combo(self.partner, self.choices.partners, self.tr("Todas"))  # las entidades
        self.load_rows()

    def current_filter(self) -> meeting_list.MeetingFilter:
        return meeting_list.MeetingFilter(
            year=self.year.currentData(),
            type=self.type.currentData(),
            cluster_id=self.cluster.currentData(),
            partner_id=self.partner.currentData(),
        )

    def load_rows(self) -> None:
        f = self.current_filter()
        self.ops.read(
            lambda s: meeting_list.list_meetings(s, f), success=self._show_rows, parent=self
        )

    def _show_rows(self, rows) -> None:
        selected = self.panel.current()
        self.panel.model.set_rows(rows)
        if selected is not None:
            self.panel.select_id(selected.id)

    def new_record(self) -> None:
        today = self.ops.run_context().today
        self.ops.read(
            lambda s: meeting_list.new_meeting_template(s, today), success=self._edit, parent=self
        )

    def open_selected(self) -> None:
        row = self.panel.current()
        if row is not None:
            self.ops.read(
                lambda s: meetings.get_meeting(s, row.id), success=self._edit, parent=self
            )

    def _edit(self, data) -> None:
        editor = open_meeting_editor(
            self.ops, self, data, self.choices, self._drafts(), self.ctx.prefs
        )
        editor.saved.connect(lambda _d: self.load_rows())
        editor.changed.connect(self.load_rows)  # commitments agreed: the count column
        self.last_editor = editor

    def delete_selected(self) -> None:
        """Delete the selected draft (Supr), after asking; an approved acta is never deleted.
        The commitments it agreed stay in the register."""
        row = self.panel.current()
        if row is None:
            return
        name = self.tr("{acta} ({body}, {date})").format(
            acta=row.label, body=series_label(row.series or row.type), date=format_date(row.date)
        )
        title = self.tr("Eliminar acta")
        if row.status == MeetingStatus.APPROVED.value:
            interaction.warn(
                self,
                title,
                self.tr(
                    "El {acta} está aprobada y no se elimina. Para corregirla, ábrala y reábrala "
                    "indicando el motivo."
                ).format(acta=name),
            )
            return
        question = self.tr(
            "¿Eliminar el borrador del {acta}? Se borran su asistencia, orden del día, "
            "decisiones y seguimiento; los compromisos que acordó quedan en el registro."
        ).format(acta=name)
        if not interaction.confirm(self, title, question, self.tr("Eliminar"), self.tr("Cancelar")):
            return
        drafts = self._drafts()

        def deleted(_result) -> None:
            if drafts is not None:  # its kept draft goes with it
                self.ops.submit(lambda: drafts.discard(f"meeting-{row.id}"), None)
            self.load_rows()

        self.ops.run(lambda s: meetings.delete_meeting(s, row.id), deleted, parent=self)

    def _drafts(self):
        """Where the acta editor keeps its drafts: this user's data folder, per database."""
        folder = getattr(self.ctx.window, "data_folder", None)
        if folder is None or self.ops.db is None:
            return None
        from pazos_desktop.services.meetings.drafts import Drafts

        return Drafts(folder, self.ops.db.describe())

    def export_list(self) -> None:
        f = self.current_filter()
        note = combo_note(
            (self.tr("Año"), self.year),
            (self.tr("Tipo"), self.type),
            (self.tr("Clúster"), self.cluster),
            (self.tr("Entidad"), self.partner),
        )

        def sheet(session):
            from pazos_desktop.documents.list_export import meeting_sheet

            return meeting_sheet(session, f, note)

        export_list(self, self.tr("Reuniones"), sheet)

    def export(self, kind: str) -> None:
        row = self.panel.current()
        if row is not None:
            export_document(self.ops, self, kind, row.year, row.number, row.series)

    def save_state(self) -> None:
        self.panel.save_columns(self.ctx.prefs, "meetings")
