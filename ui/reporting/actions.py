"""The view's actions: review a report, send the period's sheets, reminders, close and reopen
a period, and how partners report. Each reads and writes through the job pipeline and talks
through the interaction seam; the rules are the core's (`services/reporting/`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from pazos_desktop.i18n import ngettext
from ui import interaction

LISTED = 20  # partners named in a question; the rest are counted


def load_grid(session):
    from pazos_desktop.clock import today_in
    from pazos_desktop.services.reporting import closures, periods, states

    today = today_in(session)
    return (
        states.grid(session, today),
        closures.list_closures(session),
        periods.current_period(session, today),
    )


class ReportingActions(QObject):
    def __init__(self, view):
        super().__init__(view)
        self.view, self.ops = view, view.ops
        self.dialog = None  # the dialog open now (tests reach it here)
        self.running = None

    def _folder(self) -> str:
        return self.view.ctx.prefs.export_folder()

    def _done(self, title: str, text: str, folder: str | None = None) -> None:
        self.view.refresh()
        interaction.inform(self.view, title, text, folder)

    # --- review ---------------------------------------------------------------------------

    def review(self, partner_id: int, period) -> None:
        from ui.reporting.review import open_review

        open_review(self, period, partner_id)

    # --- sheets and reminders -------------------------------------------------------------

    def export_sheets(self) -> None:
        self.view.ctx.window.excel_menu.actions.export_partner_sheets(self.view.period())

    def reminders(self) -> None:
        period = self.view.period()
        if period is None:
            return
        from pazos_desktop.clock import today_in
        from pazos_desktop.excel.partner.outgoing import owed

        self.ops.run(
            lambda s: owed(s, period, today_in(s)),
            lambda lines: self._remind(period, lines),
            parent=self.view,
        )

    def _remind(self, period, lines) -> None:
        title = self.tr("Recordatorios")
        if not lines:
            text = self.tr("Todas las entidades reportaron {code}.").format(code=period.code)
            interaction.inform(self.view, title, text)
            return
        names = "\n".join(f"• {line.short_name}: {line.label}" for line in lines[:LISTED])
        if len(lines) > LISTED:
            names += "\n" + self.tr("… y {n} más.").format(n=len(lines) - LISTED)
        question = ngettext(
            "Sin reporte de {code}: {n} entidad.\n{names}\n\n¿Preparar un borrador de correo "
            "con su hoja?",
            "Sin reporte de {code}: {n} entidades.\n{names}\n\n¿Preparar un borrador de correo "
            "con su hoja para cada una?",
            len(lines),
        ).format(code=period.code, n=len(lines), names=names)
        yes, no = self.tr("Preparar borradores"), self.tr("Cancelar")
        if not interaction.confirm(self.view, title, question, yes, no):
            return
        folder = interaction.choose_folder(
            self.view, self.tr("Carpeta para los recordatorios"), self._folder()
        )
        if folder:
            self._write_reminders(period, Path(folder))

    def _write_reminders(self, period, folder: Path) -> None:
        from pazos_desktop.clock import today_in
        from pazos_desktop.excel.partner import outgoing

        def job(j):
            items = j.in_session(lambda s: outgoing.reminder_items(s, period, today_in(s)))
            return outgoing.write(items, folder, j.progress, j.cancelled)

        def done(results) -> None:
            text = ngettext(
                "Se preparó {n} borrador de correo en {folder}.",
                "Se prepararon {n} borradores de correo en {folder}.",
                len(results),
            ).format(n=len(results), folder=folder)
            self._done(self.tr("Recordatorios"), text, str(folder))

        title = self.tr("Preparando recordatorios")
        cancelled = lambda: interaction.inform(  # noqa: E731
            self.view, title, self.tr("Cancelado: no se guardó ningún borrador.")
        )
        self.running = self.ops.job(title, job, done, on_cancel=cancelled, parent=self.view)

    # --- closing --------------------------------------------------------------------------

    def close_period(self) -> None:
        from ui.dialogs.editor import open_editor
        from ui.reporting.dialogs import CloseDialog, load_close_choices

        chosen = self.view.period()

        def closed(closure) -> None:
            text = self.tr(
                "Periodo {code} cerrado ({scope}). Ninguna puerta registra ni cambia avances "
                "con fecha de ese periodo; sus informes dan siempre las mismas cifras."
            ).format(code=closure.period_code, scope=closure.scope)
            self._done(self.tr("Cerrar periodo"), text)

        def show(choices) -> None:
            self.dialog = CloseDialog(self.ops, self.view, choices, chosen)
            open_editor(self.dialog, closed)

        self.ops.run(load_close_choices, show, parent=self.view)

    def reopen_period(self) -> None:
        period = self.view.period()
        if period is None:
            return
        title = self.tr("Reabrir periodo")
        reason = interaction.ask_text(
            self.view,
            title,
            self.tr("¿Por qué se reabre {code}? (queda en el historial y en el informe)").format(
                code=period.code
            ),
        )
        if reason is None:
            return
        from pazos_desktop.services.reporting.closing import reopen_period

        def done(closures) -> None:
            text = self.tr("Periodo {code} reabierto.").format(code=period.code)
            self._done(title, text)

        self.ops.run(lambda s: reopen_period(s, period.code, reason), done, parent=self.view)

    # --- how partners report --------------------------------------------------------------

    def settings(self) -> None:
        from ui.dialogs.editor import open_editor
        from ui.reporting.dialogs import CycleSettingsDialog, load_cycle_settings

        def show(current) -> None:
            self.dialog = CycleSettingsDialog(self.ops, self.view, current)
            open_editor(self.dialog, lambda _s: self.view.refresh())

        self.ops.run(load_cycle_settings, show, parent=self.view)
