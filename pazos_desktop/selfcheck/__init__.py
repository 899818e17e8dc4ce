"""`main.py self-check`: the steps and their runner (`runner`), the documents written and read
back (`documents`, `personal_data`), and a server's scratch schema (`server`). The window adds
its own steps (ui.selfcheck)."""
