"""The Panel's tile of the reporting cycle: "Reportes de este periodo: 12 de 18 recibidos,
3 vencidos", the reports whose figures are not accepted yet, and a warning when the evidence
kept in the database passes 1 GB. Its figures are read on the worker when the Panel refreshes
(nothing of the core is imported before: the Panel appears before SQLAlchemy is loaded)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from pazos_desktop.domain.formats import format_date
from pazos_desktop.domain.reporting import EVIDENCE_WARNING_BYTES, format_size
from pazos_desktop.i18n import ngettext


def load_tile(session):
    from pazos_desktop.clock import today_in
    from pazos_desktop.services.reporting.states import tile

    return tile(session, today_in(session))


class ReportingTile(QFrame):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.figures = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ReportingTile { background: white; border-left: 5px solid #6a1b9a; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel("…")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Reportes de los aliados"))
        row.addWidget(self.text, 1)
        self.go = QPushButton(self.tr("Ver reportes"))
        self.go.clicked.connect(lambda _=False: self.ctx.window.show_view("reporting"))
        row.addWidget(self.go)

    def refresh(self) -> None:
        if self.ops.db is not None:
            self.ops.run(load_tile, self.show_figures, parent=self)

    def show_figures(self, t) -> None:
        self.figures = t
        if t.period is None:
            self.text.setText(self.tr("Reportes de los aliados: todavía no hay periodos."))
            return
        lines = [
            self.tr(
                "<b>Reportes de este periodo ({code}):</b> {received} de {expected} recibidos, "
                "{overdue} vencidos (plazo: {due})."
            ).format(
                code=escape(t.period.code),  # a code the office typed: text, not markup
                received=t.received,
                expected=t.expected,
                overdue=t.overdue,
                due=format_date(t.due),
            )
        ]
        if t.unaccepted:
            lines.append(
                ngettext(
                    "{n} reporte recibido o devuelto sin aceptar: sus cifras aún no están "
                    "aceptadas.",
                    "{n} reportes recibidos o devueltos sin aceptar: sus cifras aún no están "
                    "aceptadas.",
                    t.unaccepted,
                ).format(n=t.unaccepted)
            )
        if t.evidence_bytes > EVIDENCE_WARNING_BYTES:
            lines.append(
                self.tr(
                    "⚠ La evidencia guardada ocupa {size} (más de 1 GB): las copias de seguridad "
                    "y las transferencias tardan más; revise los archivos grandes."
                ).format(size=format_size(t.evidence_bytes))
            )
        self.text.setText("<br>".join(lines))
