"""The database layer: the ORM mapping (`models/`), engines and sessions (`database`), where a
database is (`urls`), a PostgreSQL server's particulars (`server`), the automatic history
(`history`), consecutive numbers (`numbering`), bulk inserts (`fastwrite`) and table copies
between databases (`tablecopy`). Imports the domain and the base."""
