"""Benchmarks on generated data at 10x Palmira's scale (see generate.py)."""
