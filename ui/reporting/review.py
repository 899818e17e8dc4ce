"""The review of one partner's report for one period: what it reported beside the previous
period, comments and evidence per commitment, the sheets received; accept it, or send it back
with a remark per row and in general (the sheet is written again with them, and an e-mail
draft carries it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pazos_desktop.domain.formats import format_date, format_moment, format_quantity
from pazos_desktop.domain.reporting import ReportState, format_size
from pazos_desktop.domain.vocabulary import status_label
from ui import errors, interaction
from ui.fit import FittedDialog

REMARK_COLUMN = 5
OPENED = Path(tempfile.gettempdir()) / "pazos-evidencia"  # copies opened with their program


def open_review(actions, period, partner_id: int) -> None:
    """Read the report on the worker, then show it (the view's *Revisar…*)."""
    from pazos_desktop.services.reporting.review import load_review

    def show(review) -> None:
        actions.dialog = dialog = ReviewDialog(actions.ops, actions.view, review)
        dialog.finished.connect(lambda _code: actions.view.refresh())
        dialog.open()

    actions.ops.run(lambda s: load_review(s, period, partner_id), show, parent=actions.view)


def _reported(r) -> str:
    if not r.updates:
        return "—"
    parts = [format_date(r.date)]
    if r.achieved is not None:
        parts.append(format_quantity(r.achieved))
    if r.status:
        parts.append(status_label(r.status))
    return " · ".join(parts)


class ReviewDialog(FittedDialog):
    def __init__(self, ops, parent, review):
        super().__init__(parent)
        self.ops, self.review = ops, review
        line = review.line
        self.setWindowTitle(self.tr("Reporte de {partner}").format(partner=line.short_name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self._heading())
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        label = QLabel(self.tr("&Observaciones generales (si lo devuelve):"))
        self.general = QPlainTextEdit(line.remark or "")
        self.general.setTabChangesFocus(True)
        self.general.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        label.setBuddy(self.general)
        layout.addWidget(label)
        layout.addWidget(self.general)
        layout.addWidget(self._buttons())
        self.resize(1100, 620)

    def _heading(self) -> str:
        line, r = self.review.line, self.review
        text = self.tr(
            "{partner} — periodo {code} ({label}). Estado: {state}; plazo hasta el {due}. "
            "Comparado con {previous}."
        ).format(
            partner=line.partner_name,
            code=line.period.code,
            label=line.period.label,
            state=line.label,
            due=format_date(line.due),
            previous=r.previous.label,
        )
        if line.received_at:
            text += " " + self.tr("Recibido el {when} ({file}).").format(
                when=format_moment(line.received_at), file=line.received_file or ""
            )
        return text

    def _table(self) -> QTableWidget:
        headers = [
            self.tr("Compromiso"),
            self.tr("Periodo anterior"),
            self.tr("Este periodo"),
            self.tr("Comentarios"),
            self.tr("Evidencia"),
            self.tr("Observación de la coordinación"),
        ]
        table = QTableWidget(len(self.review.rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(self.tr("Lo reportado por compromiso"))
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for row, item in enumerate(self.review.rows):
            texts = [
                item.title,
                _reported(item.previous),
                _reported(item.current),
                "\n".join(item.current.comments),
                "; ".join(f"{e.name} ({format_size(e.size)})" for e in item.evidence),
            ]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cell.setToolTip(text)
                table.setItem(row, column, cell)
            table.setItem(row, REMARK_COLUMN, QTableWidgetItem(item.remark))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((230, 120, 120, 170, 130)):
            header.resizeSection(column, width)
        # The texts share the dialog's width and wrap: on a narrow screen the coordination's
        # remark, the column typed in, stayed behind a horizontal scroll bar.
        for column in (0, 3, REMARK_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow label: "Observación…"
        for column, text in enumerate(headers):
            table.horizontalHeaderItem(column).setToolTip(text)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        waiting = self.review.line.stored == ReportState.RECEIVED
        self.accept_button = box.addButton(
            self.tr("&Aceptar el reporte"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.return_button = box.addButton(
            self.tr("&Devolver con observaciones…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.accept_button, self.return_button):
            button.setEnabled(waiting)
            if not waiting:
                button.setToolTip(self.tr("Solo se revisa un reporte recibido."))
        self.evidence_button = QPushButton(self.tr("Abrir &evidencia"))
        self.sheet_button = QPushButton(self.tr("Abrir la &hoja recibida"))
        self.sheet_button.setEnabled(bool(self.review.files))
        box.addButton(self.evidence_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.sheet_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = box.addButton(self.tr("Cerrar"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_report)
        self.return_button.clicked.connect(self.send_back)
        self.evidence_button.clicked.connect(self.open_evidence)
        self.sheet_button.clicked.connect(self.open_sheet)
        return box

    # --- values ---------------------------------------------------------------------------

    def remarks(self) -> dict[int, str]:
        """The remark typed on each row (commitment id -> text), blanks left out."""
        out = {}
        for row, item in enumerate(self.review.rows):
            cell = self.table.item(row, REMARK_COLUMN)
            text = cell.text().strip() if cell is not None else ""
            if text:
                out[item.commitment_id] = text
        return out

    # --- actions --------------------------------------------------------------------------

    def accept_report(self) -> None:
        from pazos_desktop.services.reporting import states

        line = self.review.line
        self.ops.run(
            lambda s: states.accept(s, line.period, line.partner_id, line.version),
            lambda done: self._finish(
                self.tr("Reporte de {partner} para {code}: aceptado.").format(
                    partner=done.short_name, code=line.period.code
                )
            ),
            parent=self,
        )

    def send_back(self) -> None:
        folder = interaction.choose_folder(
            self, self.tr("Carpeta para la hoja devuelta"), self._export_folder()
        )
        if not folder:
            return
        from pazos_desktop.excel.partner import outgoing
        from pazos_desktop.services.reporting import states

        line, general, remarks = self.review.line, self.general.toPlainText(), self.remarks()

        def work(session):
            states.send_back(session, line.period, line.partner_id, general, remarks, line.version)
            items = outgoing.returned_items(session, line.period, line.partner_id)
            # Written inside the transaction: no «Devuelto» without its sheet and draft.
            return outgoing.write(items, Path(folder))

        def done(results) -> None:
            text = self.tr(
                "Reporte devuelto. La hoja con las observaciones y su borrador de correo "
                "quedaron en {folder}."
            ).format(folder=folder)
            self._finish(text, folder)

        self.ops.run(work, done, lambda exc: errors.show_error(self, exc), parent=self)

    def _export_folder(self) -> str:
        window = self.parent().window() if self.parent() is not None else None
        prefs = getattr(window, "prefs", None)
        return prefs.export_folder() if prefs is not None else str(Path.home())

    def _finish(self, text: str, folder: str | None = None) -> None:
        interaction.inform(self, self.tr("Revisión del reporte"), text, folder)
        self.accept()

    def open_evidence(self) -> None:
        row = self.table.currentRow()
        items = self.review.rows[row].evidence if 0 <= row < len(self.review.rows) else []
        if not items:
            interaction.inform(
                self, self.tr("Evidencia"), self.tr("Este compromiso no trae evidencia.")
            )
            return
        from pazos_desktop.services.reporting.evidence import write_copy

        def work(session):
            return [write_copy(session, e.id, OPENED) for e in items]

        def opened(paths) -> None:
            for path in paths:
                interaction.open_path(self, str(path))

        self.ops.run(work, opened, parent=self)

    def open_sheet(self) -> None:
        if not self.review.files:
            return
        from pazos_desktop.services.reporting.stored import write_out

        latest = self.review.files[0]

        def work(session):
            OPENED.mkdir(parents=True, exist_ok=True)
            return write_out(session, latest.id, OPENED / Path(latest.name).name)

        self.ops.run(work, lambda path: interaction.open_path(self, str(path)), parent=self)
