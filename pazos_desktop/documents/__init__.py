"""Documents: what orchestrates the services and the writers, so services never import writers.

`actas` (approve, reopen, freeze, draw again), `meeting_pdfs` (export an acta or an attendance
sheet), `report_file` (save the coordination report), `list_export` (a window list to Excel),
`person_export` (one person's data, Ley 1581), `suppression` (suppress a person, redrawing
approved actas), `header` (a document's header from the settings)."""
