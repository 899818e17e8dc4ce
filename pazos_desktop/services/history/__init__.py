"""The change history, read: as stored (`stored`), as people read it (`readable`), and what
changed under a stale editor (`conflicts`). It is written by `pazos_desktop.db.history`."""
