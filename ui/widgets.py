"""Small input widgets. What people type is parsed by the core's one parser per type
(`pazos_desktop.parsing`: dd/mm/aaaa, "1.234.567", "12,5"), as every other door does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QWidget,
)

from pazos_desktop.domain.formats import format_date, format_quantity
from pazos_desktop.parsing import ParseError, parse_date, parse_number
from ui.fit import available


def tr(text: str) -> str:
    return QCoreApplication.translate("Widgets", text)


def typed_or_text(parse, text: str):
    """`parse(text)` with the core's one parser of the type; the text itself when it refuses
    (the core's rules then give the field's message)."""
    try:
        return parse(text)
    except ParseError:
        return text.strip()


class DateField(QLineEdit):
    """An optional date typed as dd/mm/aaaa."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("dd/mm/aaaa"))
        self.setMaxLength(10)
        from ui.calendar import attach_calendar

        attach_calendar(self)  # a calendar button, Alt+↓ / F4

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def value(self) -> dt.date | None | str:
        return typed_or_text(parse_date, self.text())


class NumberField(QLineEdit):
    """An optional quantity or amount; shows "1.234" in Spanish style."""

    def __init__(self, parent: QWidget | None = None, money: bool = False):
        super().__init__(parent)
        self.money = money
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_number(self, value: float | None) -> None:
        self.setText(format_quantity(value) if value is not None else "")

    def value(self) -> float | None | str:
        return typed_or_text(parse_number, self.text())


class CheckList(QListWidget):
    """A short list of checkable items (clusters, components, programs), `rows` lines high."""

    def __init__(self, items: list[tuple[str, int]], rows: int = 5):
        super().__init__()
        self.setMaximumHeight(self.fontMetrics().height() * rows + 10)
        for label, item_id in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def set_ids(self, ids: list[int]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.checked()]

    def checked(self) -> list[QListWidgetItem]:
        return [
            self.item(i)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


def search_box(placeholder: str, name: str, changed) -> QLineEdit:
    """A list's search field: a hint, a name for screen readers, a clear button, and
    `changed(text)` at every keystroke (the list's query is a page: cheap to re-run)."""
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(name)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(changed)
    return box


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 7  # what typing in a searchable combo matches


def fill_combo(combo: QComboBox, items: list[tuple], blank: str | None = None):
    """Replace a combo's items, keeping the current choice when it still exists. An item is
    (label, data) or (label, data, also): `also` is more text typing finds it by (a partner's
    acronym: "ICBF" finds the Instituto Colombiano de Bienestar Familiar). The names of
    records can be long: the combo elides them, with the full text in tooltips and in the
    drop-down (`elide`)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
        combo.setItemData(0, blank, SEARCH_ROLE)
    for label, data, *also in items:
        combo.addItem(label, data)
        row = combo.count() - 1
        combo.setItemData(row, label, Qt.ItemDataRole.ToolTipRole)
        combo.setItemData(row, " ".join([label, *filter(None, also)]), SEARCH_ROLE)
    set_combo_data(combo, current)
    combo.blockSignals(False)
    elide(combo)
    _fit_popup(combo)
    _show_full_text(combo)


ELIDE_CHARS = 22  # what a combo shows of a long name before "…" (the rest: tooltip, list)


def elide(combo: QComboBox, chars: int = ELIDE_CHARS) -> QComboBox:
    """A combo as wide as its layout gives it, never as wide as its longest item: a long name
    is cut with "…" (the line edit of a searchable one scrolls), the whole name is its tooltip
    and the drop-down shows every name in full, wrapped when wider than the screen."""
    if combo.property("elided"):
        return combo
    combo.setProperty("elided", True)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.currentIndexChanged.connect(lambda _i: _show_full_text(combo))
    combo.installEventFilter(_elider())
    view = combo.view()
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    _fit_popup(combo)
    return combo


def _show_full_text(combo: QComboBox) -> None:
    text = combo.currentText()
    combo.setToolTip(text if combo.fontMetrics().horizontalAdvance(text) > combo.width() else "")
    if combo.isEditable() and not combo.lineEdit().hasFocus():
        combo.lineEdit().setCursorPosition(0)  # the start of a long name, not its end


class _Elider(QObject):
    """Paints a combo's chosen text cut with "…" where Qt's styles only clip it ("Todos los
    componente"); an editable combo's line edit scrolls instead."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(obj, QComboBox):
            return False
        if event.type() == QEvent.Type.Resize:
            _show_full_text(obj)  # narrower than its text: the whole text is its tooltip
            return False
        if event.type() != QEvent.Type.Paint or obj.isEditable():
            return False
        painter = QStylePainter(obj)
        option = QStyleOptionComboBox()
        obj.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = obj.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, obj
        )
        option.currentText = obj.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(field.width() - 4, 0)
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


_ELIDER: list[_Elider] = []


def _elider() -> _Elider:
    if not _ELIDER:
        _ELIDER.append(_Elider())
    return _ELIDER[0]


def _fit_popup(combo: QComboBox) -> None:
    """The drop-down as wide as its longest name, up to the screen (then names wrap)."""
    metrics = combo.view().fontMetrics()
    longest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
                  default=0)  # fmt: skip
    room = available(combo).width() - 40
    combo.view().setMinimumWidth(min(longest + 40, room))


def make_searchable(combo: QComboBox) -> QComboBox:
    """A long list (partners, contacts) you can type into: any part of a name finds it.

    The typed text only searches: leaving the box puts back the name of the item chosen, so
    what is shown is always what will be saved."""
    from PySide6.QtWidgets import QCompleter

    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setCompletionRole(SEARCH_ROLE)  # the name and its acronym (fill_combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.lineEdit().editingFinished.connect(lambda: _settle(combo))
    return combo


def _settle(combo: QComboBox) -> None:
    """The item whose name was typed, else the one item whose name or acronym holds the
    words typed ("icbf"); otherwise the choice stays as it was."""
    typed = combo.lineEdit().text().strip().casefold()
    names = [combo.itemText(i).casefold() for i in range(combo.count())]
    match = names.index(typed) if typed in names else -1
    if match < 0 and typed:
        found = [
            i
            for i in range(combo.count())
            if typed in str(combo.itemData(i, SEARCH_ROLE) or "").casefold().split()
            or typed == str(combo.itemData(i, SEARCH_ROLE) or "").casefold()
        ]
        match = found[0] if len(found) == 1 else -1
    if match >= 0 and match != combo.currentIndex():
        combo.setCurrentIndex(match)
    combo.lineEdit().setText(combo.itemText(combo.currentIndex()))
    combo.lineEdit().setCursorPosition(0)


def setup_table(view: QTableView, accessible_name: str) -> None:
    """Row selection, stretch last column, sensible defaults for every table. Tab leaves the
    table (arrows move inside it): with tabKeyNavigation, Tab cycled the cells for ever."""
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setAccessibleName(accessible_name)
    view.setWordWrap(False)


def add_labelled_rows(form: QFormLayout, rows) -> None:
    """Rows of (label with its &mnemonic, widget, the field inside the widget): Alt+letter
    reaches the field even when it sits in a box with a button, and a screen reader says the
    label's text."""
    for label, widget, named in rows:
        form.addRow(label, widget)
        named.setAccessibleName(label.replace("&", "").rstrip(":"))
        buddy = form.labelForField(widget)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(named)
