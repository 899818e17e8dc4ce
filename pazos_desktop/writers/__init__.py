"""Shared building blocks of the document writers (xlsx and PDF)."""
