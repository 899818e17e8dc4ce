"""The bulk format: its sheets and columns (`format`), the template and the full workbook
(`workbook`), reading (`read`, `rows`), previewing (`preview`, `rules`), applying (`apply`),
and the contacts' authorisation columns (`authorisations`)."""
