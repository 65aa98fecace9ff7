"""The config file's schema: pydantic models that forbid unknown keys, one per source kind.

Imported by `flows.config.load_config` only when a config is read (pydantic costs a second to
import), and turned into the plain `Source` and `Settings` the rest of Wirehouse uses.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
)

from flows.config import SOURCE_KINDS, ConfigError, Settings, Source, _resolve

# --- the models ------------------------------------------------------------------------------

_DURATION = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
_DURATION_UNITS = (86400, 3600, 60, 1)
# Prefect's cron (croniter) accepts these nicknames; cronsim, which checks the rest, does not.
_CRON_NICKNAMES = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}


def _interval_seconds(value: object) -> object:
    """Seconds from an integer or a duration string such as "90s", "15m", "1h30m", "1d"."""
    if isinstance(value, bool):
        raise ValueError("must be a number of seconds or a duration such as '15m'")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        if text.isdigit():
            value = int(text)
        else:
            match = _DURATION.fullmatch(text)
            if not text or match is None:
                raise ValueError(
                    f"not a duration: {value!r} (use seconds, or e.g. '30s', '15m', '1h30m', '1d')"
                )
            value = sum(
                int(n) * unit for n, unit in zip(match.groups(), _DURATION_UNITS, strict=True) if n
            )
    if not isinstance(value, int):
        raise ValueError("must be a number of seconds or a duration such as '15m'")
    if value <= 0:
        raise ValueError("must be more than 0 seconds")
    return value


def _cron(value: str) -> str:
    """A cron expression that `wirehouse serve` can schedule (checked now, not at serve time)."""
    # Prefect validates cron with its vendored croniter, but importing Prefect here would cost a
    # second on every command and change how `wirehouse run` starts Prefect's API server.
    # cronsim (installed with Prefect) reads the same five-field syntax.
    from cronsim import CronSim, CronSimError

    text = " ".join(value.split())
    expression = _CRON_NICKNAMES.get(text.lower(), text)
    if any(part.lower() in ("r", "h") for part in expression.split()):
        raise ValueError(f"random and hashed cron fields are not supported: {value!r}")
    try:
        CronSim(expression, datetime(2000, 1, 1))
    except CronSimError as exc:
        raise ValueError(f"not a valid cron expression: {value!r} ({str(exc).lower()})") from None
    return text


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown timezone {value!r} (use an IANA name such as 'Asia/Dubai')"
        ) from None
    return value


def _iso_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
    return value


Interval = Annotated[int, BeforeValidator(_interval_seconds)]
Cron = Annotated[str, AfterValidator(_cron)]
TimeZone = Annotated[str, AfterValidator(_timezone)]
IsoDate = Annotated[str, AfterValidator(_iso_date)]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SettingsModel(_Table):
    """`[settings]`: every key optional; the defaults are `Settings`'s."""

    batch_size: Annotated[int, Field(ge=1)] = 200
    lock_wait_seconds: Annotated[float, Field(ge=0)] = 30.0
    allow_private_hosts: bool = False
    timeout_seconds: Annotated[float, Field(gt=0)] = 20.0
    connect_timeout_seconds: Annotated[float, Field(gt=0)] = 10.0
    max_body_bytes: Annotated[int, Field(ge=1)] = 10 * 1024 * 1024
    fetch_retries: Annotated[int, Field(ge=0)] = 3
    max_retry_after_seconds: Annotated[float, Field(ge=0)] = 30.0
    min_host_interval_seconds: Annotated[float, Field(ge=0)] = 1.0
    max_concurrency: Annotated[int, Field(ge=1)] = 4
    published_default: IsoDate | None = None
    data_docs_dir: str | None = None
    raw_retention_days: Annotated[float | None, Field(ge=0)] = None
    results_retention_days: Annotated[float | None, Field(ge=0)] = None
    transform_workers: int = 2
    transform_chunk: int = 25
    transform_pool_min_articles: int = 100
    task_runner: Literal["local", "dask"] = "local"
    dask_address: str | None = None
    dask_workers: Annotated[int, Field(ge=1)] = 2
    max_document_seconds: Annotated[float, Field(gt=0)] = 5.0
    max_body_chars: Annotated[int, Field(ge=1)] = 100_000
    earliest_published: IsoDate = "1700-01-01"
    max_future_days: Annotated[float, Field(ge=0)] = 2.0


class _SourceModel(_Table):
    """What every kind of source takes; `Source.options` gets all but the first five."""

    name: NonEmpty
    location: NonEmpty
    cron: Cron | None = None
    interval: Interval | None = None
    timezone: TimeZone | None = None  # zone of naive publication times
    respect_robots: bool = True  # obey robots.txt for the pages a document links to
    min_body_words: Annotated[int, Field(ge=0)] = (
        0  # fewer words: not an article (0: one sentence is enough)
    )


class FeedSource(_SourceModel):
    kind: Literal["feed"]


class PageSource(_SourceModel):
    kind: Literal["page"]


class ArchiveSource(_SourceModel):
    kind: Literal["archive"]


class ApiSource(_SourceModel):
    kind: Literal["api"]
    api_key_env: NonEmpty | None = None  # the variable holding the key, never the key itself
    api_key_header: NonEmpty = "X-Api-Key"
    api_key_param: NonEmpty | None = None  # send the key in the query string instead
    page_param: NonEmpty | None = None
    max_pages: Annotated[int, Field(ge=1)] = 1


AnySource = FeedSource | PageSource | ApiSource | ArchiveSource
SourceModel = Annotated[AnySource, Field(discriminator="kind")]
_SOURCE_MODELS: dict[str, type[_SourceModel]] = {
    "feed": FeedSource,
    "page": PageSource,
    "api": ApiSource,
    "archive": ArchiveSource,
}
_SCHEDULE_KEYS = {"name", "kind", "location", "cron", "interval"}


class ConfigFile(_Table):
    """The whole file: `[settings]`, `[[sources]]` and the batch checks' `[checks]`."""

    settings: SettingsModel = SettingsModel()
    sources: list[SourceModel] = []
    checks: dict[str, Any] = {}


_CONFIG_FILE = TypeAdapter(ConfigFile)


# --- loading ---------------------------------------------------------------------------------


def parse_config(data: dict[str, Any], path: Path) -> tuple[list[Source], Settings]:
    """The sources and settings of a parsed TOML file; ConfigError on the first problem."""
    try:
        parsed = _CONFIG_FILE.validate_python(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc, data)}") from None
    if not parsed.sources:
        raise ConfigError(f"{path}: no [[sources]] configured")
    first: dict[str, int] = {}
    for index, model in enumerate(parsed.sources, start=1):
        if model.name in first:
            raise ConfigError(
                f"{path}: source {model.name!r} (#{index}): key 'name': "
                f"{model.name!r} is already the name of source #{first[model.name]}"
            )
        first[model.name] = index
    try:
        from expectations.batch import BatchConfig

        BatchConfig.from_mapping(parsed.checks)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: [checks]: {exc}") from exc
    base = path.resolve().parent
    sources = [_source(model, base) for model in parsed.sources]
    settings = Settings(**parsed.settings.model_dump(), checks=dict(parsed.checks))
    return sources, settings


def _source(model: AnySource, base: Path) -> Source:
    options = model.model_dump(exclude=_SCHEDULE_KEYS, exclude_none=True)
    return Source(
        name=model.name,
        kind=model.kind,
        location=_resolve(model.location, base),
        cron=model.cron,
        interval_seconds=model.interval,
        options=options,
    )


def _describe(exc: ValidationError, data: dict[str, Any]) -> str:
    """Pydantic's first error as one line: where (table or source), which key, what is wrong."""
    error = exc.errors(include_url=False)[0]
    loc = list(error["loc"])
    kind, message = error["type"], _message(error)
    if loc and loc[0] == "sources" and len(loc) >= 2 and isinstance(loc[1], int):
        raw = data.get("sources", [])[loc[1]]
        where = f"source {_source_label(raw, loc[1])}"
        keys = [k for k in loc[3:] if isinstance(k, str)]
        return f"{where}: {_about(kind, message, keys, raw)}"
    if loc and loc[0] in ("settings", "checks"):
        known = list(SettingsModel.model_fields) if loc[0] == "settings" else []
        return f"[{loc[0]}]: {_about(kind, message, [str(k) for k in loc[1:2]], None, known)}"
    return _about(kind, message, [str(k) for k in loc[:1]], None, list(ConfigFile.model_fields))


def _source_label(raw: object, index: int) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    return repr(name) if isinstance(name, str) and name else f"#{index + 1}"


def _about(
    kind: str, message: str, keys: list[str], raw: object, known: list[str] | None = None
) -> str:
    """The problem with one key; `raw` is the source's table, when it is a source's key."""
    key = keys[0] if keys else None
    if kind == "union_tag_not_found":
        return f"missing key 'kind' (one of {', '.join(SOURCE_KINDS)})"
    if kind == "union_tag_invalid":
        tag = raw.get("kind") if isinstance(raw, dict) else None
        hint = _guess(str(tag), list(SOURCE_KINDS))
        return f"key 'kind': {tag!r} is not one of {', '.join(SOURCE_KINDS)}{hint}"
    if kind in ("model_attributes_type", "model_type", "dict_type"):
        return f"key {key!r} must be a table" if key else "must be a table"
    if key is None:
        return message
    if kind == "missing":
        return f"missing key {key!r}"
    if kind == "extra_forbidden":
        if isinstance(raw, dict):
            model = _SOURCE_MODELS.get(str(raw.get("kind")))
            known = list(model.model_fields) if model else []
            owners = [k for k, m in _SOURCE_MODELS.items() if key in m.model_fields]
            if owners:
                return f"unknown key {key!r} (an option of {' and '.join(owners)} sources only)"
        return f"unknown key {key!r}{_guess(key, known or [])}"
    return f"key {key!r}: {message}"


def _guess(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _message(error: Any) -> str:
    """Pydantic's message, lower-cased, with the rejected value when it is short."""
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] in ("value_error", "missing", "extra_forbidden"):
        return message
    message = message[:1].lower() + message[1:]
    value = error.get("input")
    if isinstance(value, str | int | float | bool) and len(repr(value)) <= 60:
        message += f" (got {value!r})"
    return message
