"""The window side of the Excel feature (issue 5): an "Excel" menu with the exports and the
imports, a partner chooser and the import preview. The work is the core's `pazos_desktop.excel`.

Wired into the main window with one line (in `MainWindow._build`):
    install_excel_menu(self)   # from .excel.menu import install as install_excel_menu
"""
