"""Wirehouse flows: Prefect flows, the CLI, and the only code that talks to the network."""

__version__ = "0.1.0"
