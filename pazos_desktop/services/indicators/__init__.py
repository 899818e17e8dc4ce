"""Outcome indicators: their sheets (fichas) and populations (`sheets`), values with every
version kept (`values`), figures from the database (`figures`), the dashboard's panel (`panel`)
and the coordination report's section (`report`)."""
