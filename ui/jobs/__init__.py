"""The one job pipeline: database and file work off the UI thread (`operations`), its progress
window (`progress`), and the cyclic collector kept on the UI thread (`ui_thread_gc`)."""
