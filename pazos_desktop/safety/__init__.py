"""Data safety: opening a database with every check (`startup`, `location`, `opening`: a
backup before migrating), backups (`backup`, `server_backup`), restore (`restore`) and copying
a whole database to another (`transfer`)."""
