"""Benchmarks: accuracy against the gold set, end-to-end speed and size, query speed.

Run them as modules from the project root, e.g. `.venv/bin/python -m bench.run` (bench/README.md).
"""
