"""Windows that fit the screen they open on (1366×768 at 125 % is the common office laptop).

`FittedDialog` is the base of every dialog of ui/: when shown it shrinks itself to the screen's
available geometry, frame included, and moves inside it; its long contents sit in a
`FitScrollArea`, which asks for its contents' full size but scrolls instead of growing past
the screen; its F1 opens the user manual. `first_window_size(screen)` is the main window's
first size.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QStyle, QWidget

TITLE_BAR = 32  # what a window manager adds above a window (Windows 10/11: ~31 logical px)
BORDER = 8  # left + right frame, when the window manager draws one
SMALL_SCREEN = QSize(1280, 760)  # below this (logical px) the main window opens maximized


def available(widget: QWidget | None = None) -> QRect:
    screen = widget.screen() if widget is not None else None
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    """Frame around the client area: the real one once shown under a window manager, else
    the usual title bar and borders (offscreen and Xvfb draw no frame)."""
    extra = window.frameGeometry().size() - window.geometry().size()
    return QSize(max(extra.width(), BORDER), max(extra.height(), TITLE_BAR))


def fit_to_screen(window: QWidget) -> None:
    """Shrink `window` (frame included) to its screen's available area and move it inside.

    Set as client geometry (`setGeometry`): `move()` places the frame, which offscreen and
    under some window managers is not known before the window is shown."""
    area, extra = available(window), frame_extra(window)
    side = extra.width() // 2
    title = extra.height() - side
    width = min(window.width(), area.width() - extra.width())
    height = min(window.height(), area.height() - extra.height())
    width, height = max(width, window.minimumWidth()), max(height, window.minimumHeight())
    g = window.geometry()
    x = max(min(g.left(), area.right() + 1 - side - width), area.left() + side)
    y = max(min(g.top(), area.bottom() + 1 - side - height), area.top() + title)
    if (x, y, width, height) != (g.left(), g.top(), g.width(), g.height()):
        window.setGeometry(x, y, width, height)


def grow_to_contents(window: QWidget) -> None:
    """Grow `window` towards what its contents ask for (errors shown under its fields, a list
    filled), up to the screen: a dialog grows before it scrolls. It never shrinks here."""
    for area in window.findChildren(QScrollArea):  # their contents first: the hint reads them
        inner = area.widget().layout() if area.widget() is not None else None
        if inner is not None:
            inner.activate()
        area.updateGeometry()  # a scroll area does not tell its layout that its hint moved
    layout = window.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()
    hint = window.sizeHint()
    wanted = QSize(max(window.width(), hint.width()), max(window.height(), hint.height()))
    if wanted != window.size():
        window.resize(wanted)
        fit_to_screen(window)


def fits(window: QWidget) -> bool:
    """The window, frame included (a title bar assumed where none is known), lies inside its
    screen's available area."""
    area, extra = available(window), frame_extra(window)
    side, g = extra.width() // 2, window.geometry()
    outer = QRect(g.left() - side, g.top() - (extra.height() - side), g.width() + extra.width(),
                  g.height() + extra.height())  # fmt: skip
    return area.contains(outer)


def first_window_size(area: QRect) -> tuple[QSize, bool]:
    """The main window's first size on a screen with `area` available; True: maximize."""
    if area.width() < SMALL_SCREEN.width() or area.height() < SMALL_SCREEN.height():
        return area.size(), True
    size = QSize(min(1440, int(area.width() * 0.9)), min(900, int(area.height() * 0.9)))
    return size, False


class FittedDialog(QDialog):
    """A dialog that never opens larger than its screen, and whose F1 opens the manual.

    F1 opens the chapter of the view the dialog was opened from, beside the dialog: the main
    window keeps the manual (`MainWindow.manual_beside`), this only finds it.
    """

    offers_help = True  # the manual's own window does not open another

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_to_screen(self)
        if self.offers_help and getattr(self, "help_key", None) is None:
            self.help_key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
            self.help_key.activated.connect(self.show_help)

    def show_help(self) -> None:
        owner = self.parentWidget()
        while owner is not None and not hasattr(owner, "manual_beside"):
            owner = owner.parentWidget()
        if owner is not None:  # a dialog of the start-up, before the window, has no manual
            owner.manual_beside(self)


class FitScrollArea(QScrollArea):
    """Scrolls `body` when the screen is too small for it; otherwise shows it whole."""

    def __init__(self, body: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: its fields are

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # QScrollArea caps its hint at 36×24 lines; ours is the body's, up to the screen.
        # Never narrower than the body's minimum: a dialog takes the screen's width before
        # its fields scroll sideways.
        hint = self.widget().sizeHint().expandedTo(self.widget().minimumSizeHint())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        area = available(self)
        room = QSize(area.width() - 2 * BORDER, area.height() - TITLE_BAR - 4 * bar)
        return QSize(min(hint.width() + bar, room.width()), min(hint.height(), room.height()))
