"""Informes: choose a period and a filter, preview the key figures, export PDF or Excel.

The database work (reading the choices, gathering, writing) runs through the job pipeline
(`ui.jobs.operations`), one session per action; the view only collects choices and shows results.
`ReportsView(ops)` takes the window's `Operations`; its progress bar and Cancelar are the
job's (`ops.job(..., dialog=False)`): the same cancel idiom as every long job.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.i18n import _
from ui import errors, interaction
from ui.reports.periods import PRESETS, preset_period


class _Ask:
    """A gathered report whose PDF would miss characters: the user is asked before writing."""

    def __init__(self, report, found: list):
        self.report, self.found = report, found


class ReportsView(QWidget):
    preview_ready = Signal(object)  # the CoordinationReport shown
    exported = Signal(str)  # the path written
    failed = Signal(object)  # the exception (PazosError: already shown)

    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.running = None  # the Job under way (its Cancelar is the view's)
        self._build()
        self.load_choices()
        self.apply_preset(0)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self._period_box())
        left.addWidget(self._filter_box(), 1)
        left.addLayout(self._buttons())
        layout.addLayout(left, 1)  # the preview's tables take the larger share
        layout.addWidget(self._preview_box(), 2)

    def _period_box(self) -> QGroupBox:
        box = QGroupBox(_("Periodo del informe"))
        form = QFormLayout(box)
        self.preset = QComboBox()
        self.preset.addItems([_(label) for label, _code in PRESETS])
        self.preset.currentIndexChanged.connect(self.apply_preset)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        form.addRow(_("Periodo"), self.preset)
        form.addRow(_("Desde"), self.date_from)
        form.addRow(_("Hasta"), self.date_to)
        self.page_size = QComboBox()
        self.page_size.addItem(_("Carta"), "letter")
        self.page_size.addItem("A4", "a4")
        form.addRow(_("Tamaño de página"), self.page_size)
        self.with_progress = QCheckBox(_("Incluir la lista de avances del periodo"))
        self.with_progress.setChecked(True)
        self.with_progress.setToolTip(
            _("Sin ella el informe es más corto; las cifras de avances se mantienen.")
        )
        form.addRow("", self.with_progress)
        return box

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _filter_box(self) -> QGroupBox:
        box = QGroupBox(_("Filtro (nada marcado = todos)"))
        tabs = QTabWidget()
        self.lists = {key: QListWidget() for key in ("clusters", "components", "partners")}
        for key, label in (
            ("clusters", _("Clústeres")),
            ("components", _("Componentes")),
            ("partners", _("Entidades")),
        ):
            tabs.addTab(self.lists[key], label)
        QVBoxLayout(box).addWidget(tabs)
        return box

    def _buttons(self) -> QVBoxLayout:
        column = QVBoxLayout()
        row = QHBoxLayout()
        self.preview_button = QPushButton(_("Actualizar vista previa"))
        self.pdf_button = QPushButton(_("Exportar PDF…"))
        self.xlsx_button = QPushButton(_("Exportar Excel…"))
        self.preview_button.clicked.connect(self.refresh_preview)
        self.pdf_button.clicked.connect(lambda: self.choose_and_export(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.choose_and_export(".xlsx"))
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            row.addWidget(button)
        column.addLayout(row)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(_("Cancelar"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        column.addLayout(progress_row)
        self.status = QLabel("")
        column.addWidget(self.status)
        return column

    def _preview_box(self) -> QGroupBox:
        from ui.reports.preview import PreviewPanel

        box = QGroupBox(_("Vista previa"))
        self.preview = PreviewPanel()
        QVBoxLayout(box).addWidget(self.preview)
        return box

    # --- choices ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        """Fill the filter lists (small queries: a few hundred rows at most), on the worker."""
        self.ops.read(read_choices, self._show_choices, parent=self)

    def _show_choices(self, choices: dict) -> None:
        for key, items in choices.items():
            widget = self.lists[key]
            widget.clear()
            for item_id, name in items:
                item = QListWidgetItem(name)
                item.setData(Qt.UserRole, item_id)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
                widget.addItem(item)

    def checked(self, key: str) -> list[int]:
        widget = self.lists[key]
        return [
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
        ]

    @property
    def today(self) -> dt.date:
        """Read at each use: the window stays open across midnight."""
        return self.ops.run_context().today

    def apply_preset(self, index: int) -> None:
        period = preset_period(PRESETS[index][1], self.today)
        custom = period is None
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if period:
            self.date_from.setDate(QDate(period[0]))
            self.date_to.setDate(QDate(period[1]))

    def request(self):
        from pazos_desktop.services.report.coordination import ReportRequest

        return ReportRequest(
            date_from=self.date_from.date().toPython(),
            date_to=self.date_to.date().toPython(),
            cluster_ids=self.checked("clusters"),
            component_ids=self.checked("components"),
            partner_ids=self.checked("partners"),
            on=self.today,
            include_progress=self.with_progress.isChecked(),
        )

    # --- actions ---------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        request = self.request()
        self._busy(_("Calculando…"))
        self._start(
            _("Calculando…"),
            lambda job: job.in_session(gather(request), read_only=True),
            self._show_preview,
        )

    def _show_preview(self, report) -> None:
        self._idle("")
        self.preview.show_report(report)
        self.preview_ready.emit(report)

    def choose_and_export(self, suffix: str) -> None:
        """A PDF first offers the header settings (once, when empty); then where to save."""
        if suffix != ".pdf":
            self._choose(suffix)
            return
        from ui.dialogs.document_checks import prepare_export

        prepare_export(self._in_session, self, lambda: self._choose(suffix))

    def _in_session(self, fn, done) -> None:
        """document_checks' runner: `fn(session)` through the pipeline, its result to `done`."""
        self.ops.run(fn, done, self._failed, parent=self)

    def _choose(self, suffix: str) -> None:
        kinds = {".pdf": _("Documento PDF (*.pdf)"), ".xlsx": _("Libro de Excel (*.xlsx)")}
        start = str(Path.home() / f"{_('informe')}_{self.date_to.date().toPython():%Y%m%d}{suffix}")
        path = interaction.save_file(self, _("Guardar informe"), start, kinds[suffix])
        if path:
            self.export_to(Path(path).with_suffix(suffix))

    def export_to(self, path: Path) -> None:
        """Gather and write `path` (.pdf or .xlsx) in the background, with progress; a PDF
        whose texts have characters its fonts cannot draw asks first (document_checks)."""
        from pazos_desktop.documents.report_file import report_problems, save_report

        request, page_size = self.request(), self.page_size.currentData()

        def work(job):
            report = job.in_session(gather(request), read_only=True)
            found = report_problems(report, path)
            if found:
                return _Ask(report, found)
            return save_report(report, path, page_size=page_size, on_page=_pages(job))

        text = _("Escribiendo {name}…").format(name=path.name)
        self._busy(text, cancellable=True)
        self._start(text, work, lambda result: self._written(result, path, page_size))

    def _written(self, result, path: Path, page_size: str) -> None:
        if not isinstance(result, _Ask):
            self._exported(result)
            return
        from ui.dialogs.document_checks import confirm_glyphs

        self._idle(_("Exportación cancelada."))  # unless the user accepts the characters
        confirm_glyphs(self, result.found, lambda: self._write(result.report, path, page_size))

    def _write(self, report, path: Path, page_size: str) -> None:
        """Write a report already gathered (the user accepted its characters)."""
        from pazos_desktop.documents.report_file import save_report

        def work(job):
            return save_report(report, path, page_size=page_size, on_page=_pages(job))

        text = _("Escribiendo {name}…").format(name=path.name)
        self._busy(text, cancellable=True)
        self._start(text, work, self._exported)

    def _on_progress(self, page: int, _total: int, _text: str) -> None:
        if page:
            self.status.setText(_("Página {n}…").format(n=page))

    def _exported(self, path) -> None:
        self._idle(_("Informe guardado en {path}").format(path=path))
        self.exported.emit(str(path))
        interaction.inform(
            self, _("Informe"), _("Informe guardado en {path}").format(path=path), str(path)
        )

    # --- plumbing --------------------------------------------------------------------------

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()

    def _start(self, title: str, work, on_done) -> None:
        def done(result):
            self.running = None
            on_done(result)

        self.running = self.ops.job(
            title,
            work,
            done,
            self._failed,
            on_cancel=self._cancelled,
            parent=self,
            progress=self._on_progress,
            dialog=False,
        )

    def _cancelled(self) -> None:
        self.running = None
        self._idle(_("Exportación cancelada."))

    def _failed(self, exc: BaseException) -> None:
        self.running = None
        self._idle("")
        errors.show_error(self, exc)  # the one way: user errors plainly, others logged too
        self.failed.emit(exc)

    def _busy(self, text: str, cancellable: bool = False) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)  # busy indicator: the page count is not known in advance
        self.progress.setVisible(True)
        self.cancel_button.setVisible(cancellable)
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.preview_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(True)


def read_choices(session) -> dict:
    from pazos_desktop.services.components import list_components
    from pazos_desktop.services.partners import list_partners
    from pazos_desktop.services.territory import list_clusters

    return {
        "clusters": [(c.id, c.name) for c in list_clusters(session)],
        "components": [(c.id, f"{c.code}. {c.name()}") for c in list_components(session)],
        "partners": [(p.id, p.name) for p in list_partners(session, include_archived=True)],
    }


def gather(request):
    """The report's figures, as a function of a session."""

    def run(session):
        from pazos_desktop.services.report.coordination import gather_report

        return gather_report(session, request)

    return run


def _pages(job):
    """The PDF writer's page callback: progress, and the one cancel check."""

    def on_page(page: int) -> None:
        job.check()
        job.progress(page)

    return on_page
