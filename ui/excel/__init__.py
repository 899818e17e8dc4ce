"""The window side of the Excel feature (issue 5): an "Excel" menu with the exports and the
imports, a partner chooser and the import preview. The work is the core's `pazos_desktop.excel.common`.

Wired into the main window at the end of `MainWindow._file_menu` (after Archivo):
    from .excel.menu import install as excel_menu
    excel_menu(self)
"""
