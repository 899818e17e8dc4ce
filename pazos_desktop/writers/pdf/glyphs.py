"""Before a PDF is written: the characters its fonts cannot draw, with the record and field
they come from, so the user hears of them instead of finding "�" on paper.

Two kinds: characters no font of ours has (drawn as "�"), and right-to-left scripts (Arabic,
Hebrew), which the PDFs draw neither shaped nor reordered. The exports (command line, window)
list them; nothing is ever drawn as an empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pazos_desktop.i18n import N_, _, ngettext
from pazos_desktop.writers.pdf.text import clean, right_to_left, undrawable

MISSING, RTL = "missing", "rtl"


@dataclass(frozen=True)
class GlyphProblem:
    record: str  # "Compromiso 123", "Asistente 3 (Ana Gómez)", "Configuración"
    field: str  # "Título"
    chars: str  # the characters, in order of appearance
    kind: str = MISSING

    def message(self) -> str:
        shown = ", ".join(f"«{ch}» ({_code(ch)})" for ch in self.chars[:6])
        if len(self.chars) > 6:
            shown += " …"
        if self.kind == RTL:
            text = _(
                "{record}, {field}: {chars}: escritura de derecha a izquierda; se imprime sin "
                "unir ni ordenar las letras."
            )
        else:
            text = _(
                "{record}, {field}: {chars}: las fuentes del programa no tienen estos "
                "caracteres; se imprimen como «�»."
            )
        return text.format(record=self.record, field=self.field, chars=shown)


def _code(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def scan(items: Iterable[tuple[str, str, str | None]]) -> list[GlyphProblem]:
    """Problems of (record, field label, text) triples, one per field and kind."""
    out: list[GlyphProblem] = []
    for record, label, text in items:
        if not text or str(text).isascii():
            continue
        cleaned = clean(text)
        for kind, found in ((MISSING, undrawable(cleaned)), (RTL, right_to_left(cleaned))):
            if found:
                ordered = "".join(dict.fromkeys(ch for ch in cleaned if ch in found))
                out.append(GlyphProblem(record, label, ordered, kind))
    return out


def describe(problems: list[GlyphProblem], limit: int = 25) -> list[str]:
    """Lines for the user: a heading, each problem, how many more."""
    if not problems:
        return []
    lines = [
        ngettext(
            "{n} texto tiene caracteres que el PDF no puede mostrar bien:",
            "{n} textos tienen caracteres que el PDF no puede mostrar bien:",
            len(problems),
        ).format(n=len(problems))
    ]
    lines += [p.message() for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(_("… y {n} más.").format(n=len(problems) - limit))
    return lines


# --- what each document prints --------------------------------------------------------------

SETTINGS = N_("Configuración")


def header_items(info) -> list[tuple[str, str, str]]:
    record = _(SETTINGS)
    return [
        (record, _("Nombre de la organización"), info.org_name),
        (record, _("Código del documento"), info.doc_code),
        (record, _("Versión"), info.doc_version),
    ]


def minutes_items(doc) -> list[tuple[str, str, str]]:
    """Every text of an acta (services.minutes.MinutesDoc), with where it comes from."""
    h = doc.header
    record = h.acta
    items = [
        (record, _("Lugar"), h.place),
        (record, _("Enlace"), h.link),
        (record, _("Objetivo"), h.objective),
        (record, _("Clústeres"), h.clusters),
        (record, _("Lugar de la próxima reunión"), doc.next_place),
    ]
    for label, people in (
        (_("Asistente {n}"), doc.present),
        (_("Invitado {n}"), doc.guests),
        (_("Excusado {n}"), doc.excused),
        (_("Ausente {n}"), doc.absent),
    ):
        items += _people(people, label)
    for label, person in (
        (_("Preside"), doc.chair),
        (_("Secretario(a)"), doc.secretary),
        (_("Elaboró"), doc.prepared),
        (_("Revisó"), doc.reviewed),
        (_("Aprobó"), doc.approver),
    ):
        items += [(record, label, person.name), (record, label, person.position)]
    for n, item in enumerate(doc.agenda, 1):
        where = _("Punto {n} del orden del día").format(n=n)
        items += [(where, _("Título"), item.title), (where, _("Desarrollo"), item.development)]
    items += [
        (_("Decisión {n}").format(n=n), _("Texto"), t) for n, t in enumerate(doc.decisions, 1)
    ]
    for f in doc.followups:
        where = _commitment(f.commitment_id)
        items += [(where, _("Título"), f.commitment), (where, _("Responsable"), f.responsible)]
        items.append((where, _("Avance / comentario"), f.report))
    for a in doc.agreed:
        where = _commitment(a.id)
        items += [(where, _("Título"), a.activity), (where, _("Responsable"), a.responsible)]
        items += [(where, _("Clústeres"), a.cluster), (where, _("Componente"), a.component)]
    return items


def attendance_items(doc) -> list[tuple[str, str, str]]:
    h = doc.header
    items = [(h.acta, _("Lugar"), h.place), (h.acta, _("Objetivo"), h.objective)]
    items += _people(doc.expected, _("Asistente {n}"))
    items.append((_(SETTINGS), _("Aviso de tratamiento de datos"), doc.notice))
    return items


def report_items(report) -> list[tuple[str, str, str]]:
    """Every user text of the coordination report (services.report.CoordinationReport)."""
    items = [(_(SETTINGS), _("Nombre de la organización"), report.settings.get("org_name"))]
    for kind, names in report.filters.items():
        items += [(_("Filtro"), kind, name) for name in names]
    for _id, name in report.cluster_matrix.rows:
        items.append((_("Clúster"), _("Nombre"), name))
    for _id, name in report.cluster_matrix.columns:
        items.append((_("Componente"), _("Nombre"), name))
    for p in report.partners:
        items.append((_("Entidad {id}").format(id=p.partner_id), _("Nombre"), p.name))
    rows = [line.row for line in report.overdue] + list(report.due_soon)
    rows += [s.row for s in report.stale]
    for r in rows:
        where = _commitment(r.id)
        items += [(where, _("Título"), r.title), (where, _("Responsable"), r.contact_name)]
    for p in report.progress:
        where = _commitment(p.commitment_id)
        items += [(where, _("Título"), p.title), (where, _("Comentario del avance"), p.comment)]
    return _unique(items)


def _people(people, label: str) -> list[tuple[str, str, str]]:
    out = []
    for n, p in enumerate(people, 1):
        where = label.format(n=n) + (f" ({p.name})" if p.name else "")
        out += [(where, _("Nombre"), p.name), (where, _("Entidad"), p.entity)]
        out.append((where, _("Cargo"), p.position))
    return out


def _commitment(cid) -> str:
    return _("Compromiso {id}").format(id=cid) if cid else _("Compromiso")


def _unique(items):
    return list(dict.fromkeys(items))
