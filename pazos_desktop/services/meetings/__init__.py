"""Meetings and their minutes (actas): create, number and edit (`editing`, `validation`), the
commitments at a meeting (`followup`, `tidying`), the list (`listing`), what an acta shows
(`minutes`), what an approved acta keeps (`snapshots`), and drafts kept while typing
(`drafts`). Approving and reopening, which draw the PDF, are `pazos_desktop.documents.actas`."""
