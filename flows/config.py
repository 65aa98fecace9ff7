"""The one config file: sources with their schedules, and run settings.

`wirehouse.toml` is checked by pydantic models (`flows/config_schema.py`: one for `[settings]`,
one per source kind) that forbid unknown keys; the first problem becomes one `ConfigError` line
naming the file, the source and the key. The rest of Wirehouse sees only the plain `Source`,
`Settings` and `Config` below. The schema is imported when a config is read, not before: a
command that reads none (`sql`, `report`) does not pay for pydantic.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "wirehouse.toml"
SOURCE_KINDS = ("feed", "page", "api", "archive")


class ConfigError(ValueError):
    """The config file is missing or says something we cannot do."""


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    location: str
    cron: str | None = None
    interval_seconds: int | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def is_remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Settings:
    batch_size: int = 200
    lock_wait_seconds: float = 30.0
    allow_private_hosts: bool = False
    timeout_seconds: float = 20.0
    connect_timeout_seconds: float = 10.0
    max_body_bytes: int = 10 * 1024 * 1024
    fetch_retries: int = 3
    max_retry_after_seconds: float = 30.0
    min_host_interval_seconds: float = 1.0
    max_concurrency: int = 4
    published_default: str | None = None
    checks: dict[str, Any] = field(default_factory=dict)  # the [checks] table: batch checks
    data_docs_dir: str | None = None  # build GX Data Docs here (relative: beside the database)
    raw_retention_days: float | None = None  # prune the raw archive after a run; None keeps all
    results_retention_days: float | None = None  # prune Prefect's stored task results by age
    transform_workers: int = 2  # processes analysing the new articles of a large enough run
    transform_chunk: int = 25  # articles per task of those processes
    # Fewer new articles than this are analysed in the flow's process: starting the workers
    # (each imports spaCy and loads the model, about 4 s) would cost more than it saves.
    transform_pool_min_articles: int = 100
    task_runner: str = "local"  # or "dask": transform batches on a Dask cluster
    dask_address: str | None = None  # a running scheduler, e.g. "tcp://10.0.0.5:8786"
    dask_workers: int = 2  # workers of the local cluster when no address is given
    max_document_seconds: float = 5.0  # analysis time allowed to one document
    max_body_chars: int = 100_000  # a body is cut to this many characters before analysis
    earliest_published: str = "1700-01-01"  # publication dates before this are implausible
    max_future_days: float = 2.0  # publication dates further ahead than this are implausible


@dataclass(frozen=True, slots=True)
class Config:
    sources: list[Source]
    settings: Settings
    path: Path | None = None


def source_timezone(source: Source) -> tzinfo:
    """The zone of the source's naive publication times (option `timezone`, default UTC)."""
    name = source.options.get("timezone")
    if not name:
        return UTC
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"source {source.name!r}: unknown timezone {name!r}") from exc


def _resolve(location: str, base: Path) -> str:
    if location.startswith(("http://", "https://")):
        return location
    path = Path(os.path.expanduser(location))
    return str(path if path.is_absolute() else (base / path).resolve())


def load_config(path: Path | None = None) -> Config:
    """Read `path`, `$WIREHOUSE_CONFIG`, else the bundled sample-corpus config."""
    from flows.config_schema import parse_config

    path = path or Path(os.environ.get("WIREHOUSE_CONFIG") or DEFAULT_CONFIG)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    sources, settings = parse_config(data, path)
    return Config(sources=sources, settings=settings, path=path)


def sources_for_targets(targets: list[str]) -> list[Source]:
    """One ad-hoc source per `wirehouse ingest` target (URL, file or folder)."""
    sources = []
    for index, target in enumerate(targets):
        if target.startswith(("http://", "https://")):
            sources.append(Source(name=f"ingest-{index + 1}", kind="page", location=target))
        else:
            path = Path(target).expanduser().resolve()
            if not path.exists():
                raise ConfigError(f"no such file or folder: {target}")
            sources.append(Source(name=path.name, kind="archive", location=str(path)))
    return sources
