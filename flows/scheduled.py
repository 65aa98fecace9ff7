"""The flow a schedule runs: one configured source, by name, into the warehouse."""

from __future__ import annotations

from pathlib import Path

from prefect import flow

from flows.config import load_config
from flows.ingest import ingest, with_runner


@flow(name="scheduled-ingest", log_prints=True)
def scheduled_ingest(config_path: str, source_name: str, db_path: str) -> str:
    """Run one source of the config; returns its summary line."""
    config = load_config(Path(config_path))
    sources = [s for s in config.sources if s.name == source_name]
    if not sources:
        raise ValueError(f"{config_path} has no source named {source_name!r}")
    run = with_runner(ingest, config.settings)
    summary = run(sources, db_path, config.settings, command=f"serve:{source_name}")
    line: str = summary.sources[0].line()
    print(line)
    return line
