"""Ayuda → Manual de usuario (F1): the user manual of docs/manual/ in a window of its own.

A chapter list on the left, the chapter on the right (a QTextBrowser showing the HTML of
pazos_desktop.documents.manual.chapters, pictures read from disk): links between chapters and to
their sections are followed here, never by a web browser, and nothing comes from the network.
F1 on a view opens that view's chapter (VIEW_CHAPTERS, the one map from views to chapters).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pazos_desktop.documents.manual.chapters import (
    CHAPTERS,
    INDEX,
    manual_folder,
    read_chapter,
    split_link,
    to_html,
    window_html,
)
from ui.fit import FittedDialog

# The chapter (and section) F1 opens on each view of ui.views.VIEWS; the index elsewhere.
VIEW_CHAPTERS = {
    "dashboard": "02-la-ventana.md#el-panel",
    "commitments": "04-compromisos-y-avances.md",
    "meetings": "05-reuniones-y-actas.md",
    "reporting": "08-reportes-de-los-aliados.md",
    "partners": "03-entidades-y-territorio.md",
    "territory": "03-entidades-y-territorio.md#clusteres-y-barrios",
    "programs": "03-entidades-y-territorio.md#programas-y-componentes",
    "indicators": "10-indicadores.md",
    "reports": "09-informe-de-coordinacion.md",
    "personal_data": "11-datos-personales.md",
    "settings": "02-la-ventana.md#configuracion",
}
IMAGE_WIDTH = 760  # pixels at most: a 1366-pixel screenshot at a readable size beside the list
MIN_IMAGE_WIDTH = 240


def tr(text: str) -> str:
    return QCoreApplication.translate("Manual", text)


class ManualWindow(FittedDialog):
    """Not modal: it stays open beside the main window while the user works."""

    offers_help = False

    def __init__(self, parent: QWidget | None = None, target: str = INDEX):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manual de usuario"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.shown: str = ""  # the file on screen, relative to docs/manual/
        self.history: list[str] = []
        self.image_width = IMAGE_WIDTH
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Capítulos del manual"))
        for name in (INDEX, *CHAPTERS):
            item = QListWidgetItem(read_chapter(name).title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chosen)
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)  # followed here: between chapters, never to a browser
        self.page.anchorClicked.connect(self._follow)
        self.page.setAccessibleName(self.tr("Texto del manual"))
        self.back = QPushButton(self.tr("Atrás"))
        self.back.clicked.connect(self._back)
        self._lay_out()
        self.open(target)

    def _lay_out(self) -> None:
        split = QSplitter()
        split.addWidget(self.contents)
        split.addWidget(self.page)
        split.setStretchFactor(1, 1)
        width = self.fontMetrics().horizontalAdvance("M")
        self.contents.setMinimumWidth(width * 16)
        self.contents.setWordWrap(True)  # long chapter titles on two lines, never cut
        split.setSizes([width * 20, IMAGE_WIDTH + width * 4])
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        self.resize(width * 30 + IMAGE_WIDTH, width * 60)

    def open(self, target: str, remember: bool = True) -> None:
        """Show "chapter.md" or "chapter.md#section" (a file of docs/ too: ../cli.md)."""
        name, anchor = split_link(target, self.shown or INDEX)
        if name != self.shown:
            if remember and self.shown:
                self.history.append(self.shown)
            self._load(name)
        self.back.setEnabled(bool(self.history))
        if anchor:
            self.page.scrollToAnchor(anchor)
        else:
            self.page.verticalScrollBar().setValue(0)

    def _load(self, name: str) -> None:
        path = (manual_folder() / name).resolve()
        self.image_width = self._fitting_width()
        if path.parent == manual_folder().resolve():
            html = window_html(path.name, self.image_width)
            name = path.name
        else:  # another document of docs/ (installation, commands), shown the same way
            html = to_html(path.read_text(encoding="utf-8"))
        self.page.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.page.setHtml(html)
        self.shown = name
        self._mark(name)

    def _fitting_width(self) -> int:
        """The pictures' width: the page's, up to IMAGE_WIDTH (before the window is shown, the
        width it asked for)."""
        room = self.page.viewport().width() - 30 if self.isVisible() else IMAGE_WIDTH
        return max(MIN_IMAGE_WIDTH, min(IMAGE_WIDTH, room))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Pictures follow the page's width: the page is drawn again, at the same place."""
        super().resizeEvent(event)
        if self.shown and abs(self._fitting_width() - self.image_width) > 8:
            bar = self.page.verticalScrollBar()
            where = bar.value() / max(1, bar.maximum())
            self._load(self.shown)
            bar.setValue(round(where * bar.maximum()))

    def _mark(self, name: str) -> None:
        self.contents.blockSignals(True)
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)

    def _chosen(self, item, _previous) -> None:
        if item is not None:
            self.open(item.data(Qt.ItemDataRole.UserRole))

    def _follow(self, url: QUrl) -> None:
        href = url.toString()
        if url.scheme() or not href:
            return  # nothing leaves the program: the manual has no links to the internet
        if href.startswith("#"):
            self.page.scrollToAnchor(href[1:])
            return
        self.open(_relative(href, self.shown))

    def _back(self) -> None:
        if self.history:
            self.open(self.history.pop(), remember=False)


def _relative(href: str, shown: str) -> str:
    """A link of the page on screen as a path from docs/manual/ ("../cli.md" stays so)."""
    base = Path(shown).parent
    target, _sep, anchor = href.partition("#")
    path = (base / target).as_posix()
    return f"{path}#{anchor}" if anchor else path


def chapter_for(view_key: str | None) -> str:
    return VIEW_CHAPTERS.get(view_key or "", INDEX)


def open_manual(window, target: str | None = None, beside: QWidget | None = None) -> ManualWindow:
    """The window's one manual, raised and turned to `target` (else the open view's chapter).

    `beside`: the dialog whose F1 asked. A modal dialog blocks every other window, the
    manual's too: the manual then opens as that dialog's own (usable, closed with it).
    """
    target = target or chapter_for(window.current_key())
    if beside is not None and beside.isModal():
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        manual = beside.findChild(ManualWindow, "", direct) or ManualWindow(beside, target)
    else:
        manual = getattr(window, "manual_window", None)
        if manual is None:
            manual = window.manual_window = ManualWindow(window, target)
    manual.show()
    manual.open(target)  # after show: a section is scrolled to once the page has its size
    manual.raise_()
    manual.activateWindow()
    return manual
