"""The window's outcome indicators: the view (`view`), the dashboard's panel (`panel`), the
chart (`chart`) and the editors (`editor`)."""
