"""The reporting cycle in the window: the *Reportes de los aliados* view, the review of a
partner's report, closing and reopening periods, evidence, and the Panel's tile."""
