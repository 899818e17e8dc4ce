"""The reporting cycle: who has reported each period, review and send back, evidence,
reminders and closed periods.

- `periods.py`: how partners report (settings), the periods, the one to report now;
- `states.py`: each partner's report per period and its steps (sent, received, accepted,
  sent back), the grid of the *Reportes de los aliados* view and the Panel's tile;
- `review.py`: what a partner reported in a period beside the previous one;
- `stored.py`: files kept in the database a chunk at a time; `evidence.py`: evidence files;
- `closures.py`: the rule every door calls before it touches a progress update
  (`refuse_closed`); `closing.py`: closing and reopening a period (one function each, so a
  server-side rule can wrap them); `frozen.py`: the closed period's report kept as presented;
- `section.py`: the cycle's section of the coordination report.
"""
