"""The acta as it will print, in the window, before any export: the same content the PDF is
drawn from (`services/meetings/minutes.py: MinutesDoc`), section by section and in the same
order — what prints is what the secretary saw. A draft says so at the top, as its PDF does."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pazos_desktop.i18n import N_, translate
from pazos_desktop.services.meetings.minutes import (
    AGREED_COLUMNS,
    FOLLOWUP_COLUMNS,
    agreed_cells,
    followup_cells,
)
from ui.fit import FittedDialog


class MinutesPreview(FittedDialog):
    def __init__(self, parent: QWidget | None, doc):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vista previa del acta"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Vista previa del acta"))
        self.text.setOpenLinks(False)
        self.text.setHtml(minutes_html(doc))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.height() * 40)


def minutes_html(doc) -> str:
    """The MinutesDoc as HTML (every text typed by a user escaped: never markup)."""
    h = doc.header
    t = lambda text: escape(translate(text, h.lang))  # noqa: E731 (one line per label)
    parts = [f"<h2>{escape(h.title)}</h2><p><b>{escape(h.body)}</b></p>"]
    if h.draft:
        parts.append(f"<p style='color:#b00020'><b>{t(N_('BORRADOR — sin aprobar'))}</b></p>")
    elif h.approval:
        parts.append(f"<p><i>{escape(h.approval)}</i></p>")
    facts = [
        (N_("Fecha"), h.date),
        (N_("Tipo de reunión"), h.type_label),
        (N_("Hora de inicio"), h.start_time),
        (N_("Hora de finalización"), h.end_time),
        (N_("Lugar"), h.place),
        (N_("Enlace"), h.link),
        (N_("Clústeres"), h.clusters),
        (N_("Objetivo"), h.objective),
    ]
    parts.append(_facts(t, facts))
    parts += _people(t, doc)
    parts.append(f"<h3>{t(N_('Orden del día'))}</h3>")
    parts.append(_numbered([a.title for a in doc.agenda]) or t(N_("Sin orden del día registrado.")))
    parts.append(f"<h3>{t(N_('Desarrollo de la reunión'))}</h3>")
    for n, item in enumerate(doc.agenda, 1):
        text = item.development or translate(N_("Sin desarrollo registrado."), h.lang)
        parts.append(f"<p><b>{n}. {escape(item.title)}</b><br>{_lines(text)}</p>")
    parts.append(f"<h3>{t(N_('Decisiones'))}</h3>")
    parts.append(_numbered(doc.decisions) or t(N_("No se registraron decisiones.")))
    parts += _commitments(t, doc)
    parts += _closing(t, doc)
    return "".join(parts)


def _facts(t, facts) -> str:
    rows = "".join(
        f"<tr><td><b>{t(label)}</b></td><td>{_lines(value)}</td></tr>"
        for label, value in facts
        if value
    )
    return f"<table cellpadding='3'>{rows}</table>"


def _people(t, doc) -> list[str]:
    out = [f"<h3>{t(N_('Asistentes'))}</h3>"]
    for label, rows in (
        (None, doc.present),
        (N_("Invitados"), doc.guests),
        (N_("Excusados"), doc.excused),
        (N_("Ausentes"), doc.absent),
    ):
        if not rows:
            continue
        if label:
            out.append(f"<p><b>{t(label)}</b></p>")
        out.append(
            _table(
                [t(N_("No.")), t(N_("Nombre")), t(N_("Entidad")), t(N_("Cargo"))],
                [[str(n), p.name, p.entity, p.position] for n, p in enumerate(rows, 1)],
            )
        )
    if len(out) == 1:
        out.append(t(N_("Sin asistentes registrados.")))
    return out


def _commitments(t, doc) -> list[str]:
    out = [f"<h3>{t(N_('Seguimiento a compromisos anteriores'))}</h3>"]
    rows = followup_cells(doc.followups)
    none = t(N_("No hubo compromisos anteriores para revisar."))
    out.append(_table([t(c) for c in FOLLOWUP_COLUMNS], rows) if rows else none)
    out.append(f"<h3>{t(N_('Compromisos acordados'))}</h3>")
    rows = agreed_cells(doc.agreed)
    none = t(N_("No se acordaron compromisos."))
    out.append(_table([t(c) for c in AGREED_COLUMNS], rows) if rows else none)
    return out


def _closing(t, doc) -> list[str]:
    unknown = translate(N_("Por definir"), doc.header.lang)
    out = [f"<h3>{t(N_('Próxima reunión'))}</h3>"]
    out.append(
        _facts(
            t,
            [
                (N_("Fecha"), doc.next_date or unknown),
                (N_("Hora"), doc.next_time or unknown),
                (N_("Lugar"), doc.next_place or unknown),
            ],
        )
    )
    out.append(f"<h3>{t(N_('Firmas'))}</h3>")
    people = [
        (N_("Preside"), doc.chair),
        (N_("Secretaría técnica"), doc.secretary),
        (N_("Elaboró"), doc.prepared),
        (N_("Revisó"), doc.reviewed),
        (N_("Aprobó"), doc.approver),
    ]
    out.append(
        _table(
            ["", t(N_("Nombre")), t(N_("Cargo")), t(N_("Entidad"))],
            [
                [translate(role, doc.header.lang), p.name, p.position, p.entity]
                for role, p in people
            ],
        )
    )
    return out


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th align='left'>{h}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{_lines(value)}</td>" for value in row) + "</tr>" for row in rows
    )
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{cells}</tr>{body}</table>"


def _numbered(items: list[str]) -> str:
    return "<ol>" + "".join(f"<li>{_lines(i)}</li>" for i in items) + "</ol>" if items else ""


def _lines(text: str) -> str:
    return escape(text or "").replace("\n", "<br>")
