"""The main window's "Excel" menu. Only Qt here: the core and openpyxl load on first use.

The entries are disabled until the database is open (`ready`), and retitled when the language
changes (`language_changed`); each calls `ExcelActions` (built the first time it is needed).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ui.people import access

# Methods of ExcelActions in menu order ("hxl" is the workbook's check box); None: a separator.
ENTRIES = [
    "export_partner_sheets",
    "export_workbook",
    "hxl",
    "download_template",
    None,
    "import_returned_sheets",
    "import_bulk",
]
HXL_KEY = "excel/hxl"


class ExcelMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._actions = None
        self.menu = window.menuBar().addMenu("")
        self.entries: dict[str, QAction] = {}
        for entry in ENTRIES:
            if entry is None:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction("")
            action.setEnabled(getattr(window.ops, "db", None) is not None)
            if entry == "hxl":
                action.setCheckable(True)
                action.setChecked(self._hxl_preference())
                action.toggled.connect(self._set_hxl)
            else:
                action.triggered.connect(lambda _=False, m=entry: self.trigger(m))
            if entry.startswith("import_"):
                access.needs(action, "edit_register")
            self.entries[entry] = action
        self.retranslate()
        window.ready.connect(self.enable)
        window.language_changed.connect(lambda _lang: self.retranslate())

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Excel"))
        titles = {
            "export_partner_sheets": self.tr("Exportar hojas de compromisos…"),
            "export_workbook": self.tr("Exportar libro completo…"),
            "hxl": self.tr("Incluir etiquetas HXL (para herramientas de coordinación humanitaria)"),
            "download_template": self.tr("Descargar plantilla de carga masiva…"),
            "import_returned_sheets": self.tr("Importar hojas devueltas…"),
            "import_bulk": self.tr("Importar carga masiva…"),
        }
        for key, action in self.entries.items():
            action.setText(titles[key])
        explained = self.tr(
            "HXL (Humanitarian Exchange Language): una fila de etiquetas como #org, #sector o "
            "#status bajo cada encabezado del libro, para que otras herramientas de "
            "coordinación lo lean sin ayuda."
        )
        self.entries["hxl"].setToolTip(explained)
        self.entries["hxl"].setStatusTip(explained)
        self.menu.setToolTipsVisible(True)  # a menu hides its tooltips unless told

    def enable(self) -> None:
        for action in self.entries.values():
            action.setEnabled(not access.refused(action))  # what the role may not: stays off

    @property
    def actions(self):
        if self._actions is None:
            from ui.excel.actions import ExcelActions

            self._actions = ExcelActions(self.window)
        return self._actions

    def trigger(self, method: str) -> None:
        if self.window.ops is None or self.window.ops.db is None:
            return  # the database is closed (a restore is under way)
        if method == "export_workbook":
            self.actions.export_workbook(hxl=self.entries["hxl"].isChecked())
        else:
            getattr(self.actions, method)()

    def _hxl_preference(self) -> bool:
        value = self.window.prefs.qs.value(HXL_KEY, True)
        return value not in (False, "false", "0", 0)

    def _set_hxl(self, checked: bool) -> None:
        self.window.prefs.qs.setValue(HXL_KEY, checked)


def install(window) -> ExcelMenu:
    """Add the menu to `window` (a MainWindow), kept as `window.excel_menu`.

    The window calls this after building its Archivo menu, again after a language switch
    has cleared the menu bar: the same menu is then put back, retitled.
    """
    existing = getattr(window, "excel_menu", None)
    if existing is None:
        window.excel_menu = ExcelMenu(window)
    else:
        window.menuBar().addMenu(existing.menu)
        existing.retranslate()
    return window.excel_menu
