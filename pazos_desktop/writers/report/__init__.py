"""The coordination report as PDF (`pdf`, `charts`, `lists`, `indicators_pdf`,
`indicators_charts`) and as Excel (`xlsx`, `xlsx_cells`, `xlsx_lists`, `xlsx_print`,
`indicators_xlsx`), both saying what `labels` says."""
