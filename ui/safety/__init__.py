"""The window's data safety: backing up and restoring from the File menu (`backup_actions`)
and the start-up recovery dialog (`recovery_dialog`)."""
