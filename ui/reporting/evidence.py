"""A commitment's evidence (medios de verificación) in its detail pane: the files of its
progress updates, added, opened with the system's program, or deleted with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.reporting import format_size
from ui import interaction
from ui.models.rows import Column, RowsModel
from ui.reporting.review import OPENED
from ui.views.base import TablePanel


def load_evidence(session, commitment_id: int):
    """The commitment's evidence, and its progress updates to attach new files to."""
    from pazos_desktop.services.commitments import editing
    from pazos_desktop.services.reporting.evidence import list_evidence

    updates = [
        (f"{format_date(p.date)} — {(p.comment or '')[:60]}".rstrip(" —"), p.id)
        for p in editing.list_progress(session, commitment_id)
    ]
    return list_evidence(session, commitment_id=commitment_id), updates


class EvidencePanel(QWidget):
    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.commitment_id: int | None = None
        self.updates: list[tuple[str, int]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = TablePanel(self.tr("Evidencia de los avances"), RowsModel(self._columns()))
        self.panel.add_button(self.tr("Añadir…"), self.add)
        self.panel.add_button(self.tr("Abrir"), self.open, needs_row=True)
        self.panel.add_button(self.tr("Eliminar…"), self.delete, needs_row=True)
        self.panel.on_open(self.open)
        layout.addWidget(self.panel)

    def _columns(self) -> list[Column]:
        yes, no = self.tr("Sí"), self.tr("No")
        return [
            Column(self.tr("Avance del"), lambda e: format_date(e.date)),
            Column(self.tr("Archivo"), lambda e: e.name, tooltip=lambda e: e.sha256),
            Column(self.tr("Tamaño"), lambda e: format_size(e.size), True),
            Column(self.tr("Datos personales"), lambda e: yes if e.personal_data else no),
            Column(
                self.tr("Descripción"),
                lambda e: e.description or "",
                tooltip=lambda e: e.description,
            ),  # fmt: skip
        ]

    def show_commitment(self, commitment_id: int | None) -> None:
        self.commitment_id = commitment_id
        if commitment_id is None:
            self.panel.model.set_rows([])
            return
        self.ops.run(lambda s: load_evidence(s, commitment_id), self._loaded, parent=self)

    def _loaded(self, result) -> None:
        rows, self.updates = result
        self.panel.model.set_rows(rows)

    def _reload(self, _result=None) -> None:
        self.show_commitment(self.commitment_id)

    def add(self) -> None:
        if self.commitment_id is None:
            return
        if not self.updates:
            interaction.inform(
                self,
                self.tr("Añadir evidencia"),
                self.tr("La evidencia respalda un avance: registre primero el avance."),
            )
            return
        from ui.dialogs.editor import open_editor
        from ui.reporting.dialogs import EvidenceDialog

        folder = getattr(self.window(), "prefs", None)
        start = folder.export_folder() if folder is not None else ""
        open_editor(EvidenceDialog(self.ops, self, self.updates, start), self._reload)

    def open(self) -> None:
        item = self.panel.current()
        if item is None:
            return
        from pazos_desktop.services.reporting.evidence import write_copy

        self.ops.run(
            lambda s: write_copy(s, item.id, OPENED),
            lambda path: interaction.open_path(self, str(path)),
            parent=self,
        )

    def delete(self) -> None:
        item = self.panel.current()
        if item is None:
            return
        reason = interaction.ask_text(
            self,
            self.tr("Eliminar evidencia"),
            self.tr("¿Por qué se elimina «{name}»? (queda en el historial)").format(name=item.name),
        )
        if reason is None:
            return
        from pazos_desktop.services.reporting.evidence import delete_evidence

        self.ops.run(lambda s: delete_evidence(s, item.id, reason), self._reload, parent=self)
