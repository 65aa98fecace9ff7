"""`wirehouse serve`: one Prefect deployment per source, each on its own schedule.

Scheduled runs need a real Prefect API (the ephemeral one schedules nothing). When
`PREFECT_API_URL` is unset, a local `prefect server start` (SQLite under `PREFECT_HOME`) is
started for the duration and stopped on exit.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from flows.apiserver import ApiServer, ApiServerError
from flows.config import Config, ConfigError
from flows.warm import ADDRESS, KEY, WarmTransforms


class ServeError(RuntimeError):
    """The scheduler could not start."""


@contextmanager
def prefect_server() -> Iterator[str]:
    """The API URL to use: `$PREFECT_API_URL`, else a local server started for the duration."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    server = ApiServer("full", Path(os.environ.get("PREFECT_HOME") or ".prefect"))
    try:
        try:
            url = server.wait()
        except ApiServerError as exc:
            raise ServeError(str(exc)) from exc
        print(f"started a local Prefect server (pid {server.pid}) at {url}", flush=True)
        yield url
    finally:
        server.stop()


@contextmanager
def warm_workers(config: Config) -> Iterator[WarmTransforms]:
    """Transform workers started once for every scheduled run of this `serve` (`flows/warm.py`);
    their address is in the environment the runs inherit."""
    settings = config.settings
    service = WarmTransforms(settings.transform_workers, settings.max_document_seconds)
    os.environ.update(service.environment())
    try:
        yield service
    finally:
        for name in (ADDRESS, KEY):
            os.environ.pop(name, None)
        service.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(config: Config, db_path: Path) -> int:
    """Register a deployment per source and run them until interrupted."""
    if config.path is None:
        raise ConfigError("serve needs a config file")
    schedules = {s.name: (s.cron, s.interval_seconds) for s in config.sources}
    missing = [name for name, (cron, interval) in schedules.items() if not cron and not interval]
    if missing:
        raise ConfigError(f"sources without a cron or interval: {', '.join(missing)}")
    with prefect_server() as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        from prefect import serve as prefect_serve

        from flows.scheduled import scheduled_ingest

        deployments = [
            scheduled_ingest.to_deployment(
                name=source.name,
                cron=source.cron,
                interval=timedelta(seconds=source.interval_seconds)
                if source.interval_seconds and not source.cron
                else None,
                parameters={
                    "config_path": str(config.path.resolve()),
                    "source_name": source.name,
                    "db_path": str(db_path.resolve()),
                },
                concurrency_limit=1,  # two runs of one source never overlap
                tags=["wirehouse"],
            )
            for source in config.sources
        ]
        # SIGTERM (a service manager stopping us) ends the loop like Ctrl-C, so the local
        # server is stopped too.
        signal.signal(signal.SIGTERM, _interrupt)
        with warm_workers(config) as warm:
            print(
                f"serving {len(deployments)} source(s) against {api_url} with "
                f"{warm.workers} warm transform worker(s); Ctrl-C stops",
                flush=True,
            )
            with suppress(KeyboardInterrupt):
                prefect_serve(*cast("list[Any]", deployments), print_starting_message=False)
    print(
        f"stopped; the warm transform workers analysed {warm.served} run(s), "
        f"and {warm.validated} batch(es) were validated here",
        flush=True,
    )
    return 0
