"""The coordination report's figures: gathered once per period (`coordination`), from the
counts (`summaries`) and the period's lists (`period`); `filters` turns what a user typed into
the ids a filter needs."""
