"""A calendar for typed date fields (dd/mm/aaaa): a button at the field's end, Alt+↓ or F4.

The field stays a line edit (typing is still the fast way); the calendar only writes the
chosen date into it as dd/mm/aaaa, in the program's language (month and day names from the
default QLocale, set with the language).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

_icon: QIcon | None = None


def tr(text: str) -> str:
    return QCoreApplication.translate("Calendar", text)


def calendar_icon() -> QIcon:
    """A small calendar drawn once (no icon theme on Windows has one we could rely on)."""
    global _icon
    if _icon is None:
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#41566b"))
        painter.setBrush(QColor("white"))
        painter.drawRect(1, 2, 13, 12)
        painter.fillRect(2, 3, 12, 3, QColor("#2f6690"))
        for x in (4, 7, 10):
            for y in (8, 11):
                painter.fillRect(x, y, 2, 2, QColor("#41566b"))
        painter.end()
        _icon = QIcon(pixmap)
    return _icon


class CalendarPopup(QWidget):
    """The month of the field's date (or today's); a click or Enter writes the date."""

    def __init__(self, field: QLineEdit, day: dt.date | None):
        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        if day is not None:
            self.calendar.setSelectedDate(QDate(day))
        self.calendar.activated.connect(self.choose)
        self.calendar.clicked.connect(self.choose)
        layout.addWidget(self.calendar)

    def choose(self, date: QDate) -> None:
        self.field.setText(date.toString("dd/MM/yyyy"))
        self.field.setModified(True)
        self.field.editingFinished.emit()  # filters and forms react as to a typed date
        self.close()
        self.field.setFocus()


def open_calendar(field: QLineEdit) -> CalendarPopup:
    value = field.value() if hasattr(field, "value") else None
    popup = CalendarPopup(field, value if isinstance(value, dt.date) else None)
    popup.adjustSize()
    popup.move(field.mapToGlobal(QPoint(0, field.height())))
    popup.show()
    popup.calendar.setFocus()
    field.calendar_popup = popup  # tests reach it here
    return popup


def attach_calendar(field: QLineEdit) -> None:
    """The calendar button and keys on a date field."""
    action = field.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(tr("Elegir en el calendario (Alt+↓)"))
    action.triggered.connect(lambda: open_calendar(field))
    for keys in ("Alt+Down", "F4"):
        QShortcut(
            QKeySequence(keys),
            field,
            activated=lambda: open_calendar(field),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
