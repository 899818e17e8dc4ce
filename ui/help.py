"""Menu Ayuda: the user manual (F1, ui/manual.py), the keyboard shortcuts and the About box."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.fit import FittedDialog

# (keys, what they do): keys in Qt's portable form (shown translated), text translated.
SHORTCUTS = [
    ("Ctrl+N", QT_TRANSLATE_NOOP("Help", "Nuevo registro en la vista actual")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("Help", "Ir al cuadro de búsqueda")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("Help", "Exportar a Excel la lista que se ve")),
    (
        "Ctrl+1 … Ctrl+9, Ctrl+0",
        QT_TRANSLATE_NOOP("Help", "Ir a Panel, Compromisos, Reuniones… (en orden)"),
    ),
    ("Del", QT_TRANSLATE_NOOP("Help", "Archivar o restaurar la entidad elegida")),
    ("Return", QT_TRANSLATE_NOOP("Help", "Abrir el compromiso o registro elegido")),
    ("Tab, Shift+Tab", QT_TRANSLATE_NOOP("Help", "Pasar al campo o botón siguiente o anterior")),
    ("Alt+Down, F4", QT_TRANSLATE_NOOP("Help", "Abrir el calendario de un campo de fecha")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Help", "Guardar el editor abierto")),
    ("Esc", QT_TRANSLATE_NOOP("Help", "Cerrar el editor (pregunta si hay cambios sin guardar)")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("Help", "Pestaña siguiente del acta")),
    (
        "F1",
        QT_TRANSLATE_NOOP(
            "Help",
            "Manual de usuario, en el capítulo de la vista abierta (también desde un diálogo)",
        ),
    ),
]


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def keys_text(keys: str) -> str:
    """ "Ctrl+N" as this system writes it in the program's language ("Control+N", "Suprimir")."""
    parts = [p.strip() for p in keys.split(",")]
    shown = []
    for part in parts:
        ends = [e.strip() for e in part.split("…")]  # "Ctrl+1 … Ctrl+9": a range of keys
        text = [QKeySequence(e).toString(QKeySequence.SequenceFormat.NativeText) or e for e in ends]
        shown.append(" … ".join(text))
    return ", ".join(shown)


class ShortcutsDialog(FittedDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Atajos de teclado"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(SHORTCUTS), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Teclas"), self.tr("Qué hace")])
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Atajos de teclado"))
        for row, (keys, text) in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(keys_text(keys)))
            self.table.setItem(row, 1, QTableWidgetItem(tr(text)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        tip = QLabel(self.tr("Las letras subrayadas de cada campo llevan a él con Alt + la letra."))
        tip.setWordWrap(True)
        layout.addWidget(tip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("M") * 44
        self.resize(width, self.table.verticalHeader().length() + 150)


class AboutDialog(FittedDialog):
    def __init__(self, parent: QWidget | None = None, database: str = "", log: str = ""):
        super().__init__(parent)
        from PySide6 import __version__ as pyside

        from pazos_desktop import APP_NAME, __version__

        self.setWindowTitle(self.tr("Acerca de PAZOS Coordinación"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME}</h2>")
        text = QLabel(
            self.tr(
                "Versión {version}\n\nCoordinación de la Estrategia de Paz y Oportunidades "
                "(PAZOS) de la Alcaldía de Palmira: entidades aliadas, compromisos por clúster "
                "y componente, su seguimiento, reuniones y actas."
            ).format(version=__version__)
        )
        text.setWordWrap(True)
        where = QLabel(
            self.tr("Base de datos: {db}\nRegistro de errores: {log}\nPySide6 {qt}").format(
                db=database or "—", log=log or "—", qt=pyside
            )
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (title, text, where):
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)


def install(window) -> None:
    """Ayuda, last in the menu bar (built again after a language switch)."""
    menu = window.menuBar().addMenu(tr("Ay&uda"))
    manual = menu.addAction(tr("Manual de usuario"), lambda: show_manual(window))
    manual.setShortcut(QKeySequence.StandardKey.HelpContents)
    menu.addAction(tr("Atajos de teclado"), lambda: show_shortcuts(window))
    menu.addSeparator()
    menu.addAction(tr("Acerca de PAZOS Coordinación…"), lambda: show_about(window))
    window.help_menu = menu


def show_manual(window) -> None:
    # The Markdown library is loaded when the manual is first asked for, not at start-up.
    from ui.manual.window import open_manual

    open_manual(window)


def show_shortcuts(window) -> None:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_about(window) -> None:
    from ui import errors

    db = window.ops.db.describe() if window.ops is not None and window.ops.db else ""
    dialog = AboutDialog(window, db, str(errors.log_file() or ""))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
