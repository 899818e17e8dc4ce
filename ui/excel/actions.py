"""The Excel menu's work: exports (partner sheets, the full workbook, the bulk template) and
imports (returned sheets, bulk) through a preview the user confirms.

All of it calls the Qt-free core in `pazos_desktop.excel.common`, through the job pipeline
(`ops.job`: off the UI thread, progress dialog, Cancelar) and the interaction seam. An import is read twice: once for the preview,
and again inside the writing transaction, so what is applied is what was checked against the
database as it is then; if that differs from what the user saw, nothing is applied.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from pazos_desktop.files import atomic_write
from pazos_desktop.i18n import ngettext
from ui import interaction

XLSX_FILTER = "Excel (*.xlsx)"


class ExcelActions(QObject):
    """One per window; every method is a menu entry."""

    message = Signal(str, str)  # title, text: what the user was told when the work ended
    preview_shown = Signal(object)  # the ExcelPreviewDialog, open

    def __init__(self, window):
        super().__init__(window)
        self.window, self.ops, self.prefs = window, window.ops, window.prefs
        self.dialog = None  # the dialog open now (tests reach it here)
        self.running = None  # the last job started (tests cancel it)

    # --- small seams -----------------------------------------------------------------------

    def folder(self) -> str:
        """The export folder chosen in Configuración (the home folder until one is chosen)."""
        return self.prefs.export_folder()

    def tell(self, title: str, text: str, folder: str | None = None) -> None:
        """Say how the work ended; with `folder` (or a file), offer to open it."""
        self.message.emit(title, text)
        interaction.inform(self.window, title, text, folder)

    def _save_path(self, caption: str, name: str) -> Path | None:
        path = interaction.save_file(
            self.window, caption, str(Path(self.folder()) / name), XLSX_FILTER
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def _progress(self, title: str, job, done: Callable, cancelled_text: str) -> None:
        """Run `job(job)` through the pipeline; a cancel says so plainly."""
        self.running = self.ops.job(
            title, job, done, on_cancel=lambda: self.tell(title, cancelled_text), parent=self.window
        )

    def _refresh(self) -> None:
        view = self.window.current_view()
        if view is not None and hasattr(view, "refresh"):
            view.refresh()

    # --- partner sheets --------------------------------------------------------------------

    def export_partner_sheets(self, period=None) -> None:
        """`period`: the reporting period chosen first (the view of the reports' own)."""
        from ui.excel.partner_dialog import load_choices

        def chosen(found) -> None:
            rows, (periods, default) = found
            self._choose_partners((rows, (periods, period or default)))

        self.ops.read(load_choices, success=chosen, parent=self.window)

    def _choose_partners(self, partners: tuple) -> None:
        from ui.excel.partner_dialog import ExcelPartnerDialog

        if not partners[0]:
            self.tell(self.tr("Hojas de compromisos"), self.tr("No hay entidades con compromisos."))
            return
        partners, periods = partners
        self.dialog = dialog = ExcelPartnerDialog(partners, self.folder(), self.window, periods)
        dialog.accepted.connect(
            lambda: self._write_sheets(
                dialog.chosen_ids(), dialog.folder(), dialog.email_drafts(), dialog.period()
            )
        )
        dialog.open()

    def _write_sheets(self, ids: list[int], folder: str, drafts=False, period=None) -> None:
        from pazos_desktop.excel.data import load_partner_sheets
        from pazos_desktop.excel.partner.outgoing import record_sent, sheets_for
        from pazos_desktop.excel.partner.sheets import export_partner_sheets

        reading = self.tr("Leyendo los compromisos…")

        def read(session):
            if period is None:
                return load_partner_sheets(session, ids)
            return sheets_for(session, period, ids)

        def job(j):
            j.progress(0, 0, reading)
            items = j.in_session(read, read_only=True)
            results = export_partner_sheets(items, Path(folder), j.progress, j.cancelled, drafts)
            # The sheets are out: their partners' reports of the period are «Enviado».
            j.in_session(lambda session: record_sent(session, items, results))
            return results

        title = self.tr("Exportando hojas de compromisos")
        cancelled = self.tr("Exportación cancelada: no se guardó ninguna hoja.")
        self._progress(title, job, lambda r: self._sheets_written(r, folder), cancelled)

    def _sheets_written(self, results, folder: str) -> None:
        from pazos_desktop.excel.common import describe_issues

        lines = [
            ngettext(
                "Se guardó {n} hoja en {folder}.",
                "Se guardaron {n} hojas en {folder}.",
                len(results),
            ).format(n=len(results), folder=folder)
        ]
        drafts = sum(1 for r in results if r.draft is not None)
        if drafts:
            lines.append(self.tr("Borradores de correo (.eml): {n}.").format(n=drafts))
        for result in results:
            lines += describe_issues(result.log)
        self.tell(self.tr("Hojas de compromisos"), "\n".join(lines), folder)

    # --- workbook and template -------------------------------------------------------------

    def export_workbook(self, hxl: bool = True) -> None:
        name = f"PAZOS_libro_{self.ops.db.run_context().today:%Y-%m-%d}.xlsx"
        path = self._save_path(self.tr("Guardar el libro completo"), name)
        if path is None:
            return
        from pazos_desktop.excel.bulk.workbook import write_workbook
        from pazos_desktop.excel.data import load_workbook_data

        reading = self.tr("Leyendo el registro…")

        def job(j):
            j.progress(0, 0, reading)
            data = j.in_session(load_workbook_data, read_only=True)
            return atomic_write(
                path, lambda tmp: write_workbook(data, tmp, hxl, j.progress, j.cancelled)
            )

        def done(log):
            from pazos_desktop.excel.common import describe_issues

            text = self.tr("Libro guardado: {path}").format(path=path)
            lines = [text, *describe_issues(log)]
            self.tell(self.tr("Libro completo"), "\n".join(lines), str(path))

        cancelled = self.tr("Exportación cancelada: no se guardó el libro.")
        self._progress(self.tr("Exportando el libro completo"), job, done, cancelled)

    def download_template(self) -> None:
        path = self._save_path(
            self.tr("Guardar la plantilla de carga masiva"), "PAZOS_plantilla_carga_masiva.xlsx"
        )
        if path is None:
            return
        from pazos_desktop.excel.bulk.workbook import write_template
        from pazos_desktop.excel.data import sheet_context
        from pazos_desktop.services.components import list_components

        def read(session):
            return sheet_context(session), [c.name() for c in list_components(session)]

        def write(j):
            context, names = j.in_session(read, read_only=True)
            atomic_write(path, lambda tmp: write_template(context, names, tmp))
            return path

        def done(written):
            text = self.tr("Plantilla guardada: {path}").format(path=written)
            self.tell(self.tr("Plantilla de carga masiva"), text, str(written))

        title = self.tr("Plantilla de carga masiva")
        self._progress(title, write, done, self.tr("No se guardó la plantilla."))

    # --- imports ---------------------------------------------------------------------------

    def import_returned_sheets(self) -> None:
        paths = interaction.open_files(
            self.window, self.tr("Hojas de compromisos devueltas"), self.folder(), XLSX_FILTER
        )
        if not paths:
            return
        from pazos_desktop.excel.partner.apply import apply_progress
        from pazos_desktop.excel.partner.returned import preview_progress

        files = [Path(p) for p in paths]

        def make(session, progress, cancel):
            return preview_progress(session, files, progress=progress, cancel=cancel)

        title = self.tr("Importar hojas devueltas")
        self._preview(title, make, apply_progress, ", ".join(f.name for f in files))

    def import_bulk(self) -> None:
        path = interaction.open_file(
            self.window, self.tr("Archivo de carga masiva"), self.folder(), XLSX_FILTER
        )
        if not path:
            return
        from pazos_desktop.excel.bulk.apply import apply_bulk
        from pazos_desktop.excel.bulk.preview import preview_bulk

        def make(session, progress, cancel):
            return preview_bulk(session, Path(path), progress=progress, cancel=cancel)

        self._preview(self.tr("Importar carga masiva"), make, apply_bulk, Path(path).name)

    def _preview(self, title: str, make, apply, names: str) -> None:
        def job(j):  # reads only: nothing to commit
            return j.in_session(
                lambda session: make(session, j.progress, j.cancelled), read_only=True
            )

        cancelled = self.tr("Importación cancelada: no se cambió nada.")
        done = lambda preview: self._show_preview(title, preview, make, apply, names)  # noqa: E731
        self._progress(self.tr("Leyendo {files}").format(files=names), job, done, cancelled)

    def _show_preview(self, title: str, preview, make, apply, names: str) -> None:
        from ui.excel.preview_dialog import ExcelPreviewDialog

        self.dialog = dialog = ExcelPreviewDialog(preview, title, self.window)
        dialog.finished.connect(
            lambda code: (
                code == QDialog.DialogCode.Accepted
                and self._apply(title, preview, dialog.accepted_keys(), make, apply, names)
            )
        )
        dialog.open()
        self.preview_shown.emit(dialog)

    def _apply(self, title: str, shown, accept: set[str], make, apply, names: str) -> None:
        from pazos_desktop.errors import PazosError
        from pazos_desktop.excel.common import backup_before_import

        db, wanted = self.ops.db, sorted(c.key for c in shown.to_apply(accept))
        differs = self.tr(
            "Los archivos o la base de datos cambiaron desde la vista previa; no se aplicó nada. "
            "Vuelva a importar."
        )

        reading = self.tr("Leyendo {files}").format(files=names)

        def in_session(j, session):
            fresh = make(session, lambda *a: None, j.cancelled)
            if sorted(c.key for c in fresh.to_apply(accept)) != wanted:
                raise PazosError(differs)
            return apply(session, fresh, accept=accept, progress=j.progress, cancel=j.cancelled)

        def job(j):
            j.progress(0, 0, reading)
            # The backup's reason is part of its file name: a plain word the backup list reads.
            backup_before_import(db, "import")
            return j.in_session(lambda session: in_session(j, session))

        cancelled = self.tr("Importación cancelada: no se cambió nada.")
        self._progress(title, job, lambda result: self._applied(title, result), cancelled)

    def _applied(self, title: str, result) -> None:
        # Counts after a colon: "Creados: 1" reads right for any number (no "1 creados").
        text = self.tr(
            "Importación aplicada. Creados: {created}; actualizados: {updated}; avances "
            "registrados: {progress}; conflictos omitidos: {skipped}."
        ).format(
            created=result.created,
            updated=result.updated,
            progress=result.progress,
            skipped=result.skipped_conflicts,
        )
        if result.receptions or result.evidence:
            text += " " + self.tr(
                "Reportes recibidos: {n}; archivos de evidencia guardados: {e}."
            ).format(n=result.receptions, e=result.evidence)
        self._refresh()
        self.tell(title, text)
