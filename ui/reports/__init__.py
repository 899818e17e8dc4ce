"""The Informes view: the coordination report's period, filter, preview and export."""
