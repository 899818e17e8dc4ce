"""Excel in and out, the partners' side of the program: their commitment sheets and the return
import (`partner/`), the bulk format (`bulk/`: template, full workbook, bulk import), the
indicator sheets (`indicators/`), and what they share (`common`, `reader`, `preview`, `data`).

Writers receive plain data (`data.py` is the only place that queries for them); importers
preview every row, then apply it all or nothing through the services' rule functions."""
