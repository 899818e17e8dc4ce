"""The domain layer: vocabularies, pure rules and the field declarations, with no database.

`vocabulary` (statuses, partner types, overdue), `meetings` and `indicators` (their own
vocabularies and rules), `fields` + `records/` (every field declared once), `text` (folded keys),
`formats` (dates, pesos, quantities as people read them), `codes` (DANE, NIT), `figures`
(counts as plain data), `indicator_text`. Imports only the base (pazos_desktop's own modules).
"""
