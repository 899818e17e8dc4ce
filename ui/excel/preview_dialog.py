"""The preview of an Excel import, shown before anything changes.

Three tabs: the problems (file, sheet, row, column, message), the conflicts (each with a box
to accept it) and the changes (one line per field, old → new). "Aplicar" stays disabled while
there is any problem (all or nothing) and while there is nothing to apply. The dialog only
collects the decision: `accepted_keys()` after `accepted`; the caller applies.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.excel.preview import Change, Conflict, Preview, format_preview
from ui.fit import FittedDialog
from ui.models.rows import Column, RowsModel
from ui.widgets import setup_table

PROBLEM_STYLE = "color: #9b1c1c; font-weight: bold;"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExcelPreview", text)


def _row_text(row: int | None) -> str:
    return str(row) if row else ""


def change_lines(changes: list[Change]) -> list[tuple[Change, object]]:
    """One line per changed field (a change with no field still gets its line)."""
    return [(c, f) for c in changes for f in (c.fields or [None])]


def _record(entity_id: int | None, label: str) -> str:
    """ "ID 186 · Talleres…": the record's ID (the sheet's ID column) before its title, so two
    rows of one partner with the same title are told apart."""
    return tr("ID {id} · {label}").format(id=entity_id, label=label) if entity_id else label


def _conflict_id(conflict: Conflict) -> int | None:
    return next((c.entity_id for c in conflict.changes if c.entity_id), None)


def _full(row) -> str:
    change = row[0] if isinstance(row, tuple) else row
    entity_id = change.entity_id if isinstance(change, Change) else _conflict_id(change)
    return _record(entity_id, change.label)


def _action(change: Change) -> str:
    names = {"create": tr("Nuevo"), "update": tr("Actualiza"), "progress": tr("Avance")}
    return names.get(change.action, change.action)


def change_columns(kind: str) -> list[Column]:
    """A returned sheet's changes are told apart by file; a bulk file's by sheet."""
    where = (
        Column(tr("Archivo"), lambda r: r[0].file)
        if kind == "progress"
        else Column(tr("Hoja"), lambda r: r[0].sheet)
    )
    return [
        where,
        Column(tr("Fila"), lambda r: _row_text(r[0].row), right=True),
        Column(tr("Registro"), lambda r: _record(r[0].entity_id, r[0].label), tooltip=_full),
        Column(tr("Acción"), lambda r: _action(r[0])),
        Column(tr("Campo"), lambda r: r[1].field if r[1] else ""),
        Column(tr("Antes"), lambda r: r[1].old if r[1] else ""),
        Column(tr("Después"), lambda r: r[1].new if r[1] else "", tooltip=lambda r: None),
    ]


def problem_columns() -> list[Column]:
    return [
        Column(tr("Archivo"), lambda p: p.file),
        Column(tr("Hoja"), lambda p: p.sheet or ""),
        Column(tr("Fila"), lambda p: _row_text(p.row), right=True),
        Column(tr("Columna"), lambda p: p.column or ""),
        Column(tr("Problema"), lambda p: p.message, tooltip=lambda p: p.message),
    ]


def _conflict_fields(conflict: Conflict) -> str:
    parts = [f"{f.field}: {f.old} → {f.new}" for c in conflict.changes for f in c.fields]
    return "; ".join(parts)


def conflict_columns() -> list[Column]:
    return [
        Column(tr("Aceptar"), lambda c: ""),
        Column(tr("Archivo"), lambda c: c.file),
        Column(tr("Fila"), lambda c: _row_text(c.row), right=True),
        Column(tr("Registro"), lambda c: _record(_conflict_id(c), c.label), tooltip=_full),
        Column(tr("Motivo"), lambda c: c.reason, tooltip=lambda c: c.reason),
        Column(tr("Cambios"), _conflict_fields, tooltip=_conflict_fields),
    ]


class ConflictModel(RowsModel):
    """Conflicts with a check box in the first column: ticked ones are applied."""

    def __init__(self, conflicts: list[Conflict], parent=None):
        super().__init__(conflict_columns(), parent)
        self.set_rows(conflicts)
        self.accepted: set[str] = set()

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            key = self.rows[index.row()].key
            return Qt.CheckState.Checked if key in self.accepted else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_accepted(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_accepted(self, row: int, accepted: bool) -> None:
        key = self.rows[row].key
        (self.accepted.add if accepted else self.accepted.discard)(key)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def set_all(self, accepted: bool) -> None:
        for row in range(len(self.rows)):
            self.set_accepted(row, accepted)


class ExcelPreviewDialog(FittedDialog):
    """What the import would do; the user accepts conflicts one by one, then applies."""

    def __init__(self, preview: Preview, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self._add_tabs()
        layout.addWidget(self.tabs, 1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        layout.addWidget(self._buttons())
        self.conflicts.dataChanged.connect(lambda *_a: self._update_state())
        self._update_state()
        self.resize(980, 560)

    # --- building --------------------------------------------------------------------------

    def _summary_text(self) -> str:
        p = self.preview
        text = self.tr(
            "Cambios: {changes} · Conflictos: {conflicts} · Problemas: {problems} · "
            "Sin cambios: {same}"
        ).format(
            changes=len(p.changes),
            conflicts=len(p.conflicts),
            problems=len(p.problems),
            same=p.unchanged,
        )
        files = ", ".join(Path(f).name for f in p.files)
        return "\n".join([self.tr("Archivos: {names}").format(names=files), text, *p.notes])

    def _table(self, model: RowsModel, name: str, caps: list[int]) -> QTableView:
        """A table whose columns fit their contents, each up to its cap (the last stretches)."""
        view = QTableView()
        view.setModel(model)
        setup_table(view, name)
        view.horizontalHeader().setResizeContentsPrecision(200)  # rows sampled: stays quick
        for column, cap in enumerate(caps):
            view.resizeColumnToContents(column)
            view.setColumnWidth(column, min(view.columnWidth(column) + 12, cap))
        return view

    def _add_tabs(self) -> None:
        p = self.preview
        self.problems = RowsModel(problem_columns(), self)
        self.problems.set_rows(p.problems)
        self.changes = RowsModel(change_columns(p.kind), self)
        self.changes.set_rows(change_lines(p.changes))
        self.conflicts = ConflictModel(p.conflicts, self)
        self.problem_view = self._table(self.problems, self.tr("Problemas"), [320, 140, 60, 220])
        self.conflict_view = self._table(
            self.conflicts, self.tr("Conflictos"), [70, 240, 60, 220, 280]
        )
        # Conflicts are few and each needs reading: wrap their text instead of cutting it.
        self.conflict_view.setWordWrap(True)
        self.change_view = self._table(
            self.changes, self.tr("Cambios"), [300, 60, 280, 90, 160, 160]
        )
        if len(p.files) <= 1:  # one file: named above, not on every line
            self.problem_view.hideColumn(0)
            self.conflict_view.hideColumn(1)
            if p.kind == "progress":
                self.change_view.hideColumn(0)
        if len(p.conflicts) <= 500:
            self.conflict_view.resizeRowsToContents()  # after hiding: widths are final
        tabs = [
            (self.problem_view, self.tr("Problemas ({n})"), len(p.problems)),
            (self._conflict_page(), self.tr("Conflictos ({n})"), len(p.conflicts)),
            (self.change_view, self.tr("Cambios ({n})"), len(p.changes)),
        ]
        for widget, label, count in tabs:
            self.tabs.addTab(widget, label.format(n=count))
        # Open on what needs attention first: problems, then conflicts, then the changes.
        first = next((i for i, (_w, _l, n) in enumerate(tabs) if n), 2)
        self.tabs.setCurrentIndex(first)

    def _conflict_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Un conflicto no se aplica a menos que lo marque: revise el motivo de cada uno."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        for text, value in ((self.tr("Aceptar todos"), True), (self.tr("Ninguno"), False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, v=value: self.conflicts.set_all(v))
            button.setEnabled(bool(self.preview.conflicts))
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.conflict_view, 1)
        return page

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.apply_button = box.addButton(
            self.tr("Aplicar"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button = box.addButton(
            self.tr("Copiar la lista"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(
            self.tr("Copia cambios, conflictos y problemas como texto, para enviarlos por correo.")
        )
        self.copy_button.clicked.connect(self.copy_text)
        box.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box

    # --- state -----------------------------------------------------------------------------

    def accepted_keys(self) -> set[str]:
        return set(self.conflicts.accepted)

    def to_apply(self) -> int:
        """How many changes "Aplicar" would write now."""
        return len(self.preview.to_apply(self.accepted_keys()))

    def _update_state(self) -> None:
        count = self.to_apply()
        work = self.preview.has_work(self.accepted_keys())
        if self.preview.problems:
            text = self.tr(
                "Problemas por corregir: {n}. No se aplicará nada: corrija el archivo y vuelva a "
                "importarlo."
            ).format(n=len(self.preview.problems))
            self.verdict.setStyleSheet(PROBLEM_STYLE)
        elif not work:
            text = self.tr("No hay nada que aplicar.")
            self.verdict.setStyleSheet("")
        elif count == 0:
            text = self.tr("Sin cambios en las cifras: se registra la hoja como recibida.")
            self.verdict.setStyleSheet("")
        else:
            text = self.tr("Cambios por aplicar: {n}, todos juntos o ninguno.").format(n=count)
            self.verdict.setStyleSheet("")
        self.verdict.setText(text)
        self.apply_button.setEnabled(not self.preview.problems and work)

    def copy_text(self) -> None:
        QApplication.clipboard().setText("\n".join(format_preview(self.preview, limit=None)))
