"""The house style of every PDF: document and page template (`document`), header (`header`),
fonts (`fonts`), user text (`text`), tables (`tables`), contents page (`contents`), and the
characters a font cannot draw (`glyphs`)."""
