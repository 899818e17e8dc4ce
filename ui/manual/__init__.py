"""The user manual in the window (Ayuda → Manual de usuario, F1): `window.py`."""
