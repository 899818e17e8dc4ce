"""Informes: choose a period and a filter, preview the key figures, export PDF or Excel.

The database work (gathering, writing) runs off the UI thread, one session per action; the
view only collects choices and shows results. `ReportsView(db)` takes a
`pazos_desktop.database.Database`; `runner` may replace `run_in_background` (same call).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
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

from .. import errors
from .background import run_in_background
from .periods import PRESETS, preset_period


class ExportCancelled(Exception):
    """Raised from the PDF's page callback when the user presses Cancel."""


class _Ask:
    """A gathered report whose PDF would miss characters: the user is asked before writing."""

    def __init__(self, report, found: list):
        self.report, self.found = report, found


class ReportsView(QWidget):
    preview_ready = Signal(object)  # the CoordinationReport shown
    exported = Signal(str)  # the path written
    failed = Signal(object)  # the exception (PazosError: already shown)

    def __init__(self, db, parent=None, runner=None):
        super().__init__(parent)
        self.db, self.runner = db, runner or run_in_background
        self._tasks: list = []  # keep running tasks' signal objects alive
        self._cancel = threading.Event()
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
        layout.addLayout(left, 2)
        layout.addWidget(self._preview_box(), 3)

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
        self.cancel_button.clicked.connect(self._cancel.set)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        column.addLayout(progress_row)
        self.status = QLabel("")
        column.addWidget(self.status)
        return column

    def _preview_box(self) -> QGroupBox:
        from .preview import PreviewPanel

        box = QGroupBox(_("Vista previa"))
        self.preview = PreviewPanel()
        QVBoxLayout(box).addWidget(self.preview)
        return box

    # --- choices ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        """Fill the filter lists (small queries: a few hundred rows at most)."""
        from pazos_desktop.services.components import list_components
        from pazos_desktop.services.partners import list_partners
        from pazos_desktop.services.territory import list_clusters

        with self.db.session() as session:
            choices = {
                "clusters": [(c.id, c.name) for c in list_clusters(session)],
                "components": [(c.id, f"{c.code}. {c.name()}") for c in list_components(session)],
                "partners": [(p.id, p.name) for p in list_partners(session, include_archived=True)],
            }
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
        return self.db.run_context().today

    def apply_preset(self, index: int) -> None:
        period = preset_period(PRESETS[index][1], self.today)
        custom = period is None
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if period:
            self.date_from.setDate(QDate(period[0]))
            self.date_to.setDate(QDate(period[1]))

    def request(self):
        from pazos_desktop.services.report import ReportRequest

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

    def _gather(self, request):
        from pazos_desktop.services.report import gather_report

        with self.db.session() as session:
            return gather_report(session, request)

    def refresh_preview(self) -> None:
        request = self.request()
        self._busy(_("Calculando…"))
        self._start(lambda progress: self._gather(request), self._show_preview)

    def _show_preview(self, report) -> None:
        self._idle("")
        self.preview.show_report(report)
        self.preview_ready.emit(report)

    def choose_and_export(self, suffix: str) -> None:
        """A PDF first offers the header settings (once, when empty); then where to save."""
        if suffix != ".pdf":
            self._choose(suffix)
            return
        from ..document_checks import prepare_export

        prepare_export(self._in_session, self, lambda: self._choose(suffix))

    def _in_session(self, fn, done) -> None:
        db = self.db

        def work(_progress):
            with db.session() as session:
                return fn(session)

        self._start(work, done)

    def _choose(self, suffix: str) -> None:
        kinds = {".pdf": _("Documento PDF (*.pdf)"), ".xlsx": _("Libro de Excel (*.xlsx)")}
        start = str(Path.home() / f"{_('informe')}_{self.date_to.date().toPython():%Y%m%d}{suffix}")
        path, _kind = QFileDialog.getSaveFileName(self, _("Guardar informe"), start, kinds[suffix])
        if path:
            self.export_to(Path(path).with_suffix(suffix))

    def export_to(self, path: Path) -> None:
        """Gather and write `path` (.pdf or .xlsx) in the background, with progress; a PDF
        whose texts have characters its fonts cannot draw asks first (document_checks)."""
        from pazos_desktop.writers.report_file import report_problems, save_report

        request, page_size = self.request(), self.page_size.currentData()
        self._cancel.clear()

        def work(progress):
            report = self._gather(request)
            found = report_problems(report, path)
            if found:
                return _Ask(report, found)
            return save_report(report, path, page_size=page_size, on_page=self._page(progress))

        self._busy(_("Escribiendo {name}…").format(name=path.name), cancellable=True)
        self._start(work, lambda result: self._written(result, path, page_size), self._on_page)

    def _written(self, result, path: Path, page_size: str) -> None:
        if not isinstance(result, _Ask):
            self._exported(result)
            return
        from ..document_checks import confirm_glyphs

        self._idle(_("Exportación cancelada."))
        confirm_glyphs(self, result.found, lambda: self._write(result.report, path, page_size))

    def _write(self, report, path: Path, page_size: str) -> None:
        """Write a report already gathered (the user accepted its characters)."""
        from pazos_desktop.writers.report_file import save_report

        def work(progress):
            return save_report(report, path, page_size=page_size, on_page=self._page(progress))

        self._busy(_("Escribiendo {name}…").format(name=path.name), cancellable=True)
        self._start(work, self._exported, progress=self._on_page)

    def _page(self, progress):
        def on_page(page: int) -> None:
            if self._cancel.is_set():
                raise ExportCancelled
            progress(page)

        return on_page

    def _on_page(self, page: int) -> None:
        self.status.setText(_("Página {n}…").format(n=page))

    def _exported(self, path) -> None:
        self._idle(_("Informe guardado en {path}").format(path=path))
        self.exported.emit(str(path))

    # --- plumbing --------------------------------------------------------------------------

    def _start(self, work, on_done, progress=None) -> None:
        def done(result):
            self._tasks.clear()
            on_done(result)

        self._tasks.append(self.runner(work, done, self._failed, progress))

    def _failed(self, exc: BaseException) -> None:
        self._tasks.clear()
        if isinstance(exc, ExportCancelled):
            self._idle(_("Exportación cancelada."))
            return
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
