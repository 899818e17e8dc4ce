"""Editors (one dialog per record type) and the other dialogs of the window."""
