"""Run the Great Expectations suites on a batch's DataFrames before they load.

Each table has a suite in `expectations/suites/<table>.json` (GX's own suite format). Checks
that span columns or tables (a span matches the body, a child's article exists) are computed
here as boolean check columns that the suites then expect to be true. Failing rows are split
off to quarantine with the expectations they failed; children of a quarantined article follow it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from warehouse.tables import VALIDATED

SUITES = Path(__file__).parent / "suites"
TABLES = VALIDATED  # one suite each
CHECK_COLUMNS = (
    "past_event_not_after_publication",
    "currency_is_iso_4217",
    "span_matches_body",
    "parent_known",
    "published_in_range",
    "duplicate_of_known",
    "value_finite",
    "share_in_range",
)
_SPAN_COLUMN = {"events": "sentence"}
_VOLATILE = {"run_id", "first_seen_at"}
# A sentence about what will happen may date an event after the story; one about the past may not.
_FUTURE = re.compile(
    r"\b(will|would|shall|could|may|might|likely|is to|are to|to be held|scheduled|due to|due on|"
    r"plans? to|planned|proposed|expected to|set to|next|upcoming|later this|from \w+ \d|"
    r"starting|begins?)\b",
    re.I,
)
# Three capitals that are units, not currencies.
_UPPER_CASE_UNITS = frozenset({"TEU", "DWT", "BTU", "FEU", "GRT"})
# The plausible publication window's defaults; the flow passes the configured ones.
EARLIEST_PUBLISHED = date(1700, 1, 1)
MAX_FUTURE_DAYS = 2.0


@dataclass(slots=True)
class Validated:
    good: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    results: pd.DataFrame

    @property
    def quarantined(self) -> int:
        return len(self.quarantine)


@cache
def _currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def _context() -> Any:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")
    import logging

    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX sets levels on its own child loggers; quiet every one of them.
    for name in [n for n in logging.root.manager.loggerDict if n.startswith("great_expectations")]:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


_GX_LOCK = threading.RLock()
_docs_pending: set[str] = set()  # Data Docs folders with validations not yet rendered


def warm_up() -> None:
    """Import GX and build its context and batch definitions ahead of the first batch."""
    with _GX_LOCK:
        for table in TABLES:
            _batch_definition(table)
            load_suite(table)


@cache
def load_suite(table: str) -> Any:
    """The table's expectation suite, read from its JSON file."""
    import great_expectations as gx

    data = json.loads((SUITES / f"{table}.json").read_text(encoding="utf-8"))
    return gx.ExpectationSuite(
        name=data["name"], expectations=data["expectations"], meta=data.get("meta", {})
    )


@cache
def _batch_definition(table: str) -> Any:
    context = _context()
    source = context.data_sources.add_or_update_pandas(f"wirehouse_{table}")
    asset = source.add_dataframe_asset(table)
    return asset.add_batch_definition_whole_dataframe(f"{table}_batch")


def add_check_columns(
    frames: dict[str, pd.DataFrame],
    known_articles: set[str],
    now: datetime,
    earliest_published: date | str = EARLIEST_PUBLISHED,
    max_future_days: float = MAX_FUTURE_DAYS,
) -> dict[str, pd.DataFrame]:
    """Copies of the frames with the derived boolean columns the suites check; a publication
    time is in range from `earliest_published` to `max_future_days` after `now`."""
    out = {name: frame.reset_index(drop=True).copy() for name, frame in frames.items()}
    articles = out.get("articles", pd.DataFrame())
    bodies: dict[str, str] = (
        dict(zip(articles["article_id"], articles["body_text"], strict=True))
        if not articles.empty
        else {}
    )
    parents = set(bodies) | known_articles
    if not articles.empty:
        earliest, latest = _published_window(now, earliest_published, max_future_days)
        articles["published_in_range"] = [
            _is_missing(p) or earliest <= p.to_pydatetime() <= latest
            for p in pd.to_datetime(articles["published_at"], utc=True)
        ]
        articles["duplicate_of_known"] = [
            _is_missing(d) or d in parents for d in articles["duplicate_of"]
        ]
    for table in ("mentions", "time_expressions", "events", "metrics", "quotes"):
        frame = out.get(table)
        if frame is None or frame.empty:
            continue
        column = _SPAN_COLUMN.get(table, "text")
        frame["span_matches_body"] = [
            (body := bodies.get(a)) is not None and 0 <= s <= e <= len(body) and body[s:e] == t
            for a, s, e, t in zip(
                frame["article_id"],
                frame["start_char"],
                frame["end_char"],
                frame[column],
                strict=True,
            )
        ]
        frame["parent_known"] = frame["article_id"].isin(parents)
    events = out.get("events")
    if events is not None and not events.empty and not articles.empty:
        published = dict(
            zip(
                articles["article_id"],
                pd.to_datetime(articles["published_at"], utc=True),
                strict=True,
            )
        )
        events["past_event_not_after_publication"] = [
            _is_missing(start)
            or _is_missing(published.get(a))
            or bool(_FUTURE.search(str(sentence)))
            or pd.Timestamp(start).date() <= published[a].date() + timedelta(days=1)
            for a, start, sentence in zip(
                events["article_id"], events["date_start"], events["sentence"], strict=True
            )
        ]
    metrics = out.get("metrics")
    if metrics is not None and not metrics.empty:
        currencies = _currencies()
        metrics["currency_is_iso_4217"] = [
            not (isinstance(u, str) and len(u) == 3 and u.isupper())
            or u in currencies
            or u in _UPPER_CASE_UNITS
            for u in metrics["unit"]
        ]
        metrics["value_finite"] = [
            isinstance(v, int | float) and math.isfinite(v) for v in metrics["value"]
        ]
        metrics["share_in_range"] = [
            not (m == "share" and u == "percent") or 0 <= v <= 100
            for m, u, v in zip(metrics["measure"], metrics["unit"], metrics["value"], strict=True)
        ]
    return out


def _published_window(
    now: datetime, earliest: date | str, max_future_days: float
) -> tuple[datetime, datetime]:
    if isinstance(earliest, str):
        earliest = date.fromisoformat(earliest)
    if isinstance(earliest, datetime):
        earliest = earliest.date()
    try:
        latest = now + timedelta(days=max_future_days)
    except OverflowError:
        latest = datetime.max.replace(tzinfo=UTC)
    return datetime.combine(earliest, time.min, UTC), latest


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


@cache
def _site(docs_dir: str) -> str:
    return f"wirehouse-{hashlib.sha256(docs_dir.encode()).hexdigest()[:8]}"


@cache
def _checkpoint(table: str, docs_dir: str) -> Any:
    """A checkpoint that validates the table and keeps its results for the Data Docs site.

    The site itself is rendered once per run by `build_data_docs`, not after every batch:
    rendering costs more than validating.
    """
    import great_expectations as gx

    context = _context()
    site = _site(docs_dir)
    if site not in (context.get_config().data_docs_sites or {}):
        context.add_data_docs_site(
            site_name=site,
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": docs_dir,
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    suite = context.suites.add_or_update(load_suite(table))
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(data=_batch_definition(table), suite=suite, name=f"{table}-{site}")
    )
    return context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"{table}-{site}",
            validation_definitions=[definition],
            result_format={"result_format": "COMPLETE"},
        )
    )


def run_suite(
    table: str, frame: pd.DataFrame, docs_dir: str | None = None
) -> tuple[list[dict[str, Any]], dict[int, list[str]]]:
    """Validate one frame: per-expectation results, and failed expectation names per row.

    With `docs_dir`, the validation goes through a checkpoint that also updates GX Data Docs.
    """
    with _GX_LOCK:
        definition = _batch_definition(table)
        checkpoint = _checkpoint(table, docs_dir) if docs_dir else None
    if checkpoint is not None and docs_dir is not None:
        run = checkpoint.run(batch_parameters={"dataframe": frame})
        _docs_pending.add(docs_dir)
        result = next(iter(run.run_results.values()))
    else:
        batch = definition.get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(load_suite(table), result_format="COMPLETE")
    outcomes = []
    failures: dict[int, list[str]] = defaultdict(list)
    for item in result.results:
        config = item.expectation_config
        kwargs = dict(config.kwargs)
        column = kwargs.get("column") or ",".join(kwargs.get("column_list", []))
        name = f"{config.type}({column})"
        details = item.result or {}
        unexpected = details.get("unexpected_index_list") or []
        count = int(details.get("unexpected_count") or 0)
        if item.exception_info and item.exception_info.get("raised_exception"):
            # An expectation that cannot run fails the batch, not a row: record it as such.
            count = len(frame)
            details = {"exception": item.exception_info.get("exception_message")}
        outcomes.append(
            {
                "table_name": table,
                "expectation": name,
                "column_name": column or None,
                "success": bool(item.success),
                "unexpected_count": count,
                "details": json.dumps(_sample(details), default=str),
            }
        )
        for index in unexpected:
            position = index.get("index") if isinstance(index, dict) else index
            if position is not None:
                failures[int(position)].append(name)
    return outcomes, failures


def build_data_docs(docs_dir: str) -> Path | None:
    """Render the Data Docs site in `docs_dir` from this process's validations; its index page.

    Nothing to render (no validation since the last build) gives None.
    """
    with _GX_LOCK:
        if docs_dir not in _docs_pending:
            return None
        _context().build_data_docs(site_names=[_site(docs_dir)])
        _docs_pending.discard(docs_dir)
    return Path(docs_dir) / "index.html"


def _sample(details: dict[str, Any]) -> dict[str, Any]:
    keep = ("unexpected_count", "unexpected_percent", "partial_unexpected_list", "exception")
    return {k: details[k] for k in keep if k in details}


def validate_batch(
    frames: dict[str, pd.DataFrame],
    run_id: str,
    known_articles: set[str] | None = None,
    now: datetime | None = None,
    docs_dir: str | None = None,
    earliest_published: date | str = EARLIEST_PUBLISHED,
    max_future_days: float = MAX_FUTURE_DAYS,
) -> Validated:
    """Split a batch into rows that pass every expectation and rows for quarantine.

    With `docs_dir`, GX Data Docs for every validation are built in that folder. Articles
    published before `earliest_published` or over `max_future_days` ahead are quarantined.
    """
    now = now or datetime.now(UTC)
    checked = add_check_columns(
        frames, known_articles or set(), now, earliest_published, max_future_days
    )
    results: list[dict[str, Any]] = []
    bad_rows: dict[str, dict[int, list[str]]] = {}
    for table in TABLES:
        frame = checked.get(table)
        if frame is None or frame.empty:
            continue
        outcomes, failures = run_suite(table, frame, docs_dir)
        results.extend(outcomes)
        bad_rows[table] = failures
    _follow_parents(checked, bad_rows)
    good: dict[str, pd.DataFrame] = {}
    quarantine: list[dict[str, Any]] = []
    for table, frame in checked.items():
        failures = bad_rows.get(table, {})
        mask = frame.index.isin(list(failures))
        kept = frame.loc[~mask].drop(columns=[c for c in CHECK_COLUMNS if c in frame.columns])
        good[table] = kept.reset_index(drop=True)
        for position in sorted(failures):
            row = frame.drop(columns=[c for c in CHECK_COLUMNS if c in frame.columns]).iloc[
                position
            ]
            quarantine.append(quarantine_row(run_id, table, row.to_dict(), failures[position], now))
    result_frame = pd.DataFrame(results)
    if not result_frame.empty:
        result_frame.insert(0, "run_id", run_id)
    return Validated(good, pd.DataFrame(quarantine), result_frame)


def _follow_parents(
    frames: dict[str, pd.DataFrame], bad_rows: dict[str, dict[int, list[str]]]
) -> None:
    """Rows of a quarantined article, and participants of a quarantined event, go with it."""
    articles = frames.get("articles")
    bad_articles: set[str] = set()
    if articles is not None and not articles.empty:
        bad_articles = {articles.at[i, "article_id"] for i in bad_rows.get("articles", {})}
    if bad_articles:
        for table in ("mentions", "time_expressions", "events", "metrics", "quotes"):
            frame = frames.get(table)
            if frame is None or frame.empty:
                continue
            failures = bad_rows.setdefault(table, defaultdict(list))
            for position in frame.index[frame["article_id"].isin(bad_articles)]:
                failures[int(position)].append("parent article quarantined")
    events = frames.get("events")
    participants = frames.get("event_participants")
    if events is None or events.empty or participants is None or participants.empty:
        return
    bad_events = {events.at[i, "event_id"] for i in bad_rows.get("events", {})}
    failures = bad_rows.setdefault("event_participants", defaultdict(list))
    for position in participants.index[participants["event_id"].isin(bad_events)]:
        failures[int(position)].append("parent event quarantined")


def quarantine_row(
    run_id: str, table: str, row: dict[str, Any], reasons: list[str], now: datetime
) -> dict[str, Any]:
    """A quarantine record: the row as JSON and the expectations it failed."""
    row = {k: None if _is_missing(v) else v for k, v in row.items()}
    payload = json.dumps(row, default=str, sort_keys=True)
    # The key leaves out per-run bookkeeping so a row quarantined again is the same row.
    stable = json.dumps(
        {k: v for k, v in row.items() if k not in _VOLATILE}, default=str, sort_keys=True
    )
    return {
        "quarantine_id": hashlib.sha256(f"{table}:{stable}".encode()).hexdigest()[:16],
        "run_id": run_id,
        "table_name": table,
        "row": payload,
        "reasons": sorted(set(reasons)),
        "quarantined_at": now,
    }
