"""The main window: navigation list, the views, the status bar, window-wide shortcuts.

Start-up shows the window first (`MainWindow(..., deferred=True)` is an empty frame with its
title and remembered geometry) and builds its contents on the first event-loop turn
(`build()`): the operations worker, the views list and the error machinery are imported only
then, and nothing touches the `Qt` namespace before the first show (its first use costs
~15 ms, a tenth of a bare window's start-up; see benchmarks/bench_window.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.prefs import Preferences

log = logging.getLogger("pazos.window")


class MainWindow(QMainWindow):
    ready = Signal()  # the database is open and the first view is built
    reopen_requested = Signal()  # a restore let go of the database: open it again (ui.app)
    language_changed = Signal(str)

    def __init__(
        self, prefs: Preferences, db_target: str, ops=None, deferred: bool = False, clock=None
    ):
        super().__init__()
        self.prefs, self.db_target = prefs, db_target
        self.clock = clock  # pazos_desktop.clock.Clock for the database (None: the real one)
        self.ops = ops
        self.views: dict[str, QWidget] = {}
        self.attempt = None  # ui.recovery_dialog.Attempt: the target and its single-copy lock
        self.credentials = None  # ui.people.sign_in.Credentials on a server: in memory only
        self.built = False
        self.setWindowTitle(self.tr("PAZOS Coordinación"))
        self._restore_geometry()
        if not deferred:
            self.build()

    def build(self) -> None:
        """The window's contents (once): navigation, pages, status bar, shortcuts."""
        if self.built:
            return
        from ui.jobs.operations import Operations
        from ui.views import ViewContext

        self.built = True
        from ui import interaction

        interaction.remember_folders(self.prefs)  # file dialogs start where the user left off
        self.ops = self.ops or Operations(parent=self)
        self.ctx = ViewContext(self.ops, self.prefs, self)
        self.setWindowTitle(self.tr("PAZOS Coordinación"))  # now with its translation
        self._build()

    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navegación"))
        self.nav.setObjectName("navigation")
        from ui.fit import SMALL_SCREEN, available

        # On a laptop (1366×768 at 125-150 %) the list is narrower: every pixel it leaves goes
        # to the views' tables (ten views, "Datos personales" the longest title).
        self.nav_margin = 4 if available(self).width() < SMALL_SCREEN.width() else 24
        side = 8 if self.nav_margin == 4 else 14
        self.nav.setStyleSheet(
            "#navigation { border: none; background: #1f3b57; color: white; font-size: 11pt; }"
            f"#navigation::item {{ padding: 8px {side}px; }}"
            "#navigation::item:selected { background: #2f6690; }"
        )
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Abriendo la base de datos…"))
        self.stack.addWidget(_centred(self.loading))
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._fill_nav()
        self.nav.setEnabled(False)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.who_label, self.db_label = QLabel(), QLabel()
        self.who_label.setObjectName("signed_in")
        self.statusBar().addPermanentWidget(self.who_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self._shortcuts()
        from PySide6.QtCore import QTimer

        self.date_timer = QTimer(self)
        self.date_timer.timeout.connect(self._watch_the_date)
        self.date_timer.start(60_000)

    def _fill_nav(self) -> None:
        from ui.views import VIEWS

        self.nav.blockSignals(True)
        self.nav.clear()
        for view in VIEWS:
            self.nav.addItem(QListWidgetItem(view.title()))  # row i is VIEWS[i]
        width = max(self.nav.sizeHintForColumn(0), 120) + self.nav_margin
        self.nav.setFixedWidth(width)
        self.nav.blockSignals(False)

    def _shortcuts(self) -> None:
        from ui.views import VIEWS

        for sequence, method in (
            (QKeySequence.StandardKey.New, "new_record"),
            (QKeySequence.StandardKey.Find, "focus_search"),
            (QKeySequence.StandardKey.Delete, "delete_selected"),
            (QKeySequence("Ctrl+E"), "export_list"),
        ):
            action = QAction(self)  # window-wide: the default shortcut context
            action.setShortcut(sequence)
            action.triggered.connect(lambda _=False, m=method: self._to_view(m))
            self.addAction(action)
        for row, spec in enumerate(VIEWS[:10]):  # Ctrl+1 … Ctrl+9, Ctrl+0: the views, in order
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{(row + 1) % 10}"))
            action.triggered.connect(lambda _=False, k=spec.key: self._go(k))
            self.addAction(action)

    def _go(self, key: str) -> None:
        if self.nav.isEnabled():
            self.show_view(key)
            view = self.current_view()
            if view is not None:
                view.setFocus()
                view.focusNextChild()

    def _to_view(self, method: str) -> None:
        view = self.current_view()
        handler = getattr(view, method, None)
        if callable(handler):
            handler()

    # --- start-up -------------------------------------------------------------------------

    _data_folder = None

    @property
    def data_folder(self):
        """Where this user's drafts and cached figures go (the self-check uses its own)."""
        if self._data_folder is None:
            from pazos_desktop.paths import data_dir

            self._data_folder = data_dir()
        return self._data_folder

    @data_folder.setter
    def data_folder(self, folder) -> None:
        self._data_folder = folder

    def show_previous_figures(self, figures) -> None:
        """The dashboard with the previous run's figures, until the database is open."""
        from ui.views import VIEWS

        if figures is None or self.ops.db is not None or self.views:
            return
        view = self.view(VIEWS[0].key)
        if view is None or not hasattr(view, "show_figures"):
            return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(0)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(view)
        view.show_figures(figures, cached=True)

    def database_opened(self, db) -> None:
        """Called once the database is open and migrated: build the first view."""
        from ui.people.access import restrict
        from ui.views import VIEWS

        self.ops.db = db
        if not db.access.server:  # a file database: the name and position set in Configuración
            db.person = db.person or self.prefs.person(db.actor)  # (--persona on the command line)
        self.show_who()
        self.nav.setEnabled(True)
        if self.file_menu is None:
            self._file_menu()
        restrict(self.menuBar(), db.access)
        self.show_view(VIEWS[0].key)
        self.ready.emit()

    def show_who(self) -> None:
        """Who is signed in and their role; the server (or the file) beside it."""
        from ui.people.access import where_text, who_text

        db = self.ops.db
        self.who_label.setText(who_text(db))
        self.who_label.setVisible(bool(self.who_label.text()))
        self.db_label.setText(where_text(db))

    file_menu = None

    def _file_menu(self) -> None:
        """Archivo: back up now, restore a backup (the safety feature's actions), quit."""
        from pazos_desktop.i18n import _
        from pazos_desktop.safety.startup import BACKUP_NOW_LABEL, RESTORE_LABEL

        self.file_menu = self.menuBar().addMenu(self.tr("&Archivo"))
        self.file_menu.addAction(_(BACKUP_NOW_LABEL), lambda: self.back_up_now())
        restore = self.file_menu.addAction(_(RESTORE_LABEL), lambda: self.restore_backup())
        restore.setProperty("pazos_needs", "restore")  # ui/people/access.py
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.tr("&Salir"), self.close)
        from ui.excel.menu import install as excel_menu  # the Excel menu, after Archivo
        from ui.help import install as help_menu

        excel_menu(self)
        help_menu(self)

    def back_up_now(self, **dialogs) -> None:
        """`dialogs` (ask=, show=) replace the file chooser and the message, for tests.
        The copy is a job: it starts after the last queued change is committed."""
        from ui.safety.backup_actions import back_up_now

        if self.ops.db is not None:  # a server: its Database
            back_up_now(self, self.ops.db.path or self.ops.db, pipeline=self.ops, **dialogs)

    def restore_backup(self, **dialogs) -> None:
        """Replace the database by a backup (checked and confirmed), then reopen everything."""
        from ui.safety.backup_actions import restore_from_backup, tell

        db = self.ops.db
        if db is None:
            return
        show = dialogs.pop("show", tell)

        def told(parent, title: str, text: str) -> None:
            show(parent, title, text)
            if self.ops.db is None:  # let go for the restore: reopen, restored or not
                self.rebuild_views()
                self.reopen_requested.emit()

        closing = self._close_database
        target = db.path or db  # a server: its Database, which works again after dispose()
        restore_from_backup(
            self, target, close_database=closing, show=told, pipeline=self.ops, **dialogs
        )

    def _close_database(self) -> None:
        """Let go of the database (a restore replaces its file): the views go first, so none
        asks for rows while the file is being replaced off the UI thread."""
        self.rebuild_views()
        self.loading.setText(self.tr("Restaurando la copia de seguridad…"))
        self.ops.drain()
        if self.ops.db is not None:
            self.ops.db.dispose()
            self.ops.db = None
        self.nav.setEnabled(False)

    def release_lock(self) -> None:
        guard = getattr(self.attempt, "guard", None)
        if guard is not None:
            guard.release()

    def database_failed(self, exc: BaseException) -> None:
        from ui import errors

        self.loading.setText(errors.user_message(exc))
        self.loading.setWordWrap(True)
        errors.show_error(self, exc)

    # --- navigation -----------------------------------------------------------------------

    def view(self, key: str) -> QWidget | None:
        """The view for `key`, built the first time it is needed; None (after the one error
        dialog) when it cannot be built."""
        from ui import errors
        from ui.views import VIEWS

        if key not in self.views:
            spec = next(v for v in VIEWS if v.key == key)
            try:
                widget = spec.build(self.ctx)
            except Exception as exc:  # a view that fails is reported once, the window stays
                errors.show_error(self, exc)
                return None
            from ui.people.access import restrict

            restrict(widget, self.ops.db.access if self.ops.db is not None else None)
            self.views[key] = widget
            self.stack.addWidget(widget)
        return self.views[key]

    def manual_beside(self, dialog: QWidget) -> None:
        """F1 in a dialog (ui/fit.py): the manual at the open view's chapter."""
        from ui.manual.window import open_manual

        open_manual(self, beside=dialog)

    def current_view(self) -> QWidget | None:
        widget = self.stack.currentWidget()
        return widget if widget in self.views.values() else None

    def current_key(self) -> str | None:
        return next((k for k, w in self.views.items() if w is self.stack.currentWidget()), None)

    def show_view(self, key: str) -> QWidget | None:
        from ui.views import VIEWS

        row = next(i for i, v in enumerate(VIEWS) if v.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _nav_changed
        else:
            self._nav_changed(row)
        return self.views.get(key)

    def _nav_changed(self, row: int) -> None:
        from ui.views import VIEWS

        if row < 0 or self.ops.db is None:
            return
        widget = self.view(VIEWS[row].key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        self.shown_on = self.ops.run_context().today
        widget.refresh()

    shown_on = None  # the day the current view was last refreshed for

    def _watch_the_date(self) -> None:
        """A window left open past midnight: the view on screen is refreshed for the new day
        (overdue, due soon, days late); the others refresh anyway when next shown."""
        if self.ops.db is None or self.shown_on is None:
            return
        if self.ops.run_context().today != self.shown_on:
            view = self.current_view()
            self.shown_on = self.ops.run_context().today
            if view is not None:
                view.refresh()

    def show_commitments(self, f) -> None:
        """Open the commitments list with filter `f` (a CommitmentFilter)."""
        from ui.views import VIEWS

        view = self.view("commitments")
        if view is None:
            return
        row = next(i for i, v in enumerate(VIEWS) if v.key == "commitments")
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(view)
        view.apply_filter(f)

    # --- language -------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch language now: the views are rebuilt with the new translations."""
        from ui.people.access import restrict
        from ui.translations import apply_language
        from ui.views import VIEWS

        lang = apply_language(lang)
        self.prefs.set_language(lang)
        key = self.current_key() or VIEWS[0].key
        self.rebuild_views()
        self.setWindowTitle(self.tr("PAZOS Coordinación"))
        self.nav.setAccessibleName(self.tr("Navegación"))
        self._fill_nav()
        if self.file_menu is not None:
            self.menuBar().clear()
            self._file_menu()
        if self.ops.db is not None:
            self.show_who()
            restrict(self.menuBar(), self.ops.db.access)
            self.show_view(key)
        self.language_changed.emit(lang)

    def rebuild_views(self) -> None:
        """Drop every built view: each is built again, fresh, when next shown."""
        self.stack.setCurrentIndex(0)
        for widget in self.views.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.views.clear()

    # --- geometry -------------------------------------------------------------------------

    start_maximized = False  # ui.app shows the window maximized on a small screen

    def _restore_geometry(self) -> None:
        geometry = self.prefs.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            from ui.fit import available, first_window_size

            area = available()
            size, self.start_maximized = first_window_size(area)
            self.resize(size)
            self.move(area.center() - self.rect().center())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.prefs.set_geometry("main", QByteArray(self.saveGeometry()))
        for widget in self.views.values():
            save = getattr(widget, "save_state", None)
            if callable(save):
                save()
        self.prefs.sync()
        self.release_lock()
        super().closeEvent(event)


def _centred(widget: QWidget) -> QWidget:
    """`widget` in the middle of a page (stretches, not Qt.AlignCenter: see the docstring)."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page
