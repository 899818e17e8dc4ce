"""The window's personal-data parts (Ley 1581): the *Datos personales* view and its dialogs,
and the small hooks other views call (Entidades, Panel, Configuración)."""
