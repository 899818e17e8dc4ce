"""The Qt layer: windows and dialogs that call the core's services (pazos_desktop)."""
