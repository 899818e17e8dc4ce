"""The user manual (docs/manual/): chapters in Markdown, shown as HTML in the window's help
(`chapters.py`) and written as one PDF for printing (`pdf.py`, `main.py manual --out`).

The chapters are Spanish content, not catalog strings: they are read from disk as they are."""
