"""Exportar a Excel (Ctrl+E): the list a view shows, filtered and ordered as shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pazos_desktop.i18n import ngettext
from ui import interaction


def tr(text: str) -> str:
    return QCoreApplication.translate("ListExport", text)


def export_list(view, name: str, make_sheet: Callable) -> None:
    """Ask where, then on the worker read the list (`make_sheet(session)`) and write it."""
    ctx = view.ctx
    today = ctx.ops.run_context().today
    suggested = Path(ctx.prefs.export_folder()) / f"{name}_{today:%Y-%m-%d}.xlsx"
    caption = tr("Exportar la lista a Excel")
    chosen = interaction.save_file(view, caption, str(suggested), "Excel (*.xlsx)")
    if not chosen:
        return
    path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")

    def work(job):
        from pazos_desktop.writers.xlsx.lists import write_list

        sheet = job.in_session(make_sheet, read_only=True)
        job.check()
        return write_list(sheet, path), len(sheet.rows)

    def done(result) -> None:
        written, count = result
        text = ngettext(
            "Se exportó {n} fila a {path}.", "Se exportaron {n} filas a {path}.", count
        ).format(n=count, path=written)
        interaction.inform(view, caption, text, str(written))

    ctx.ops.job(caption, work, done, parent=view)


def combo_note(*pairs) -> str:
    """ "Entidad: SIDOC; Estado: Vencido" from (label, combo) pairs whose choice is not "all"."""
    parts = [f"{label}: {combo.currentText()}" for label, combo in pairs if combo.currentData()]
    return "; ".join(parts)
