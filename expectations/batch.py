"""Batch expectations: checks on what one run brought from each source, not on single rows.

The table suites (validate.py) judge rows and quarantine the ones that fail. These judge a
source's share of a run as a whole: its volume against its own recent runs, the share of its
documents that came without text, the share of its articles in which no entity was found, and how
long ago it last succeeded. Each check is a pure function over DataFrames that returns rows shaped
like `dq_results` (one per check and source, `batch_id` = `<run_id>-checks`, so loading them again
replaces them) plus `severity`, the config's word for what a failure means: `fail` marks the run
partial, `warn` is recorded and shown in the report only.

The flow calls `run_batch_checks` once per run, after its last batch, and loads the rows with the
run's end record:

    history = db.lookup(path, "report_source_volumes", {})
    checks = run_batch_checks(run_id, articles=..., mentions=..., rejected=..., volumes=...,
                              volume_history=history, source_state=..., now=now, sources=[...])
    db.load_batch(path, {"dq_results": checks})

A volume check's own rows are the volume history: `warehouse/sql/report_source_volumes.sql`
reads back the counts that earlier runs' checks observed.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

import pandas as pd

VOLUME_DROP = "expect_source_volume_to_not_drop"
VOLUME_SPIKE = "expect_source_volume_to_not_spike"
EMPTY_BODIES = "expect_share_of_empty_bodies_to_be_at_most"
NO_ENTITIES = "expect_share_of_articles_without_entities_to_be_at_most"
FRESHNESS = "expect_source_to_have_succeeded_recently"
CHECKS = (VOLUME_DROP, VOLUME_SPIKE, EMPTY_BODIES, NO_ENTITIES, FRESHNESS)

SEVERITIES = ("warn", "fail")
DEFAULT_SEVERITY: Mapping[str, str] = {
    VOLUME_DROP: "fail",
    VOLUME_SPIKE: "warn",
    EMPTY_BODIES: "fail",
    NO_ENTITIES: "warn",
    FRESHNESS: "warn",
}
DQ_COLUMNS = (
    "run_id",
    "batch_id",
    "table_name",
    "expectation",
    "column_name",
    "success",
    "unexpected_count",
    "details",
    "severity",
)
# Rejection reasons (transforms: documents, pages, articles) that mean "the document had no text".
EMPTY_BODY_REASONS = r"^(empty (document|page)|no article text|body too short \(0 words\))"
UNKNOWN_SOURCE = "(unknown source)"
SAMPLE_SIZE = 3


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """Thresholds and severities of the batch checks; `from_mapping` reads a config table."""

    recent_runs: int = 10  # the volume median is taken over this many earlier runs of the source
    min_recent_runs: int = 3  # fewer earlier runs than this: too early to judge volume
    min_median: float = 5.0  # below this median, a ratio says more about noise than about a feed
    drop_below: float = 0.5  # fail when a run brings less than this share of the median
    spike_above: float = 3.0  # warn when it brings more than this multiple of the median
    max_empty_body_share: float = 0.1
    max_no_entity_share: float = 0.5
    min_documents: int = 3  # shares of fewer documents than this are not judged
    max_age_hours: float = 48.0
    max_age_hours_by_source: Mapping[str, float] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)  # overrides DEFAULT_SEVERITY
    empty_body_reasons: str = EMPTY_BODY_REASONS

    def __post_init__(self) -> None:
        unknown = set(self.severity) - set(CHECKS)
        if unknown:
            raise ValueError(f"unknown batch check(s): {', '.join(sorted(unknown))}")
        for check, level in self.severity.items():
            if level not in SEVERITIES:
                raise ValueError(f"severity of {check} must be warn or fail, not {level!r}")
        if not 0 < self.drop_below < 1 < self.spike_above:
            raise ValueError("volume bounds need 0 < drop_below < 1 < spike_above")
        if self.recent_runs < 1 or self.min_recent_runs < 1:
            raise ValueError("recent_runs and min_recent_runs must be at least 1")
        re.compile(self.empty_body_reasons)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> BatchConfig:
        """A config from a table such as `[checks]` in wirehouse.toml; unknown keys are errors."""
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown batch check setting(s): {', '.join(sorted(unknown))}")
        return cls(**data)

    def severity_of(self, check: str) -> str:
        return self.severity.get(check, DEFAULT_SEVERITY[check])

    def max_age_for(self, source: str) -> float:
        return float(self.max_age_hours_by_source.get(source, self.max_age_hours))


def check_volume(
    run_id: str,
    volumes: pd.DataFrame,
    history: pd.DataFrame | None,
    config: BatchConfig | None = None,
) -> pd.DataFrame:
    """Each source's documents this run against the median of its last `recent_runs` runs.

    `volumes`: `source_name`, `documents` for this run; leave out sources that were not
    modified since their last fetch, whose zero says nothing about the feed. `history`:
    `run_id`, `started_at`, `source_name`, `documents` of earlier runs (report_source_volumes.sql).
    """
    config = config or BatchConfig()
    rows: list[dict[str, Any]] = []
    past = _frame(history, ("run_id", "started_at", "source_name", "documents"))
    past = past[past["run_id"] != run_id].sort_values("started_at", ascending=False)
    for source, observed in _counts(
        _frame(volumes, ("source_name", "documents")), "documents"
    ).items():
        recent = pd.to_numeric(past.loc[past["source_name"] == source, "documents"]).head(
            config.recent_runs
        )
        rows += _volume_rows(run_id, source, observed, recent, config)
    return _result(rows)


def _volume_rows(
    run_id: str, source: str, observed: int, recent: pd.Series, config: BatchConfig
) -> list[dict[str, Any]]:
    """The drop and spike rows of one source: passed with the reason when there is too little
    history to judge, else judged against the bounds around the recent median."""
    base: dict[str, Any] = {"source": source, "observed": observed, "recent_runs": len(recent)}
    median = float(recent.median()) if len(recent) else 0.0

    def row(check: str, ok: bool, deviation: int, details: dict[str, Any], note: str) -> Any:
        return _row(
            run_id, "articles", check, source, "source_name", ok, deviation, details, note, config
        )

    if len(recent) < config.min_recent_runs:
        note = f"{_documents(observed)}; too early to judge: {len(recent)} earlier run(s)"
        return [row(check, True, 0, base, note) for check in (VOLUME_DROP, VOLUME_SPIKE)]
    base["median"] = median
    if median < config.min_median:
        note = f"{_documents(observed)}; median {median:g} is too small to judge"
        return [row(check, True, 0, base, note) for check in (VOLUME_DROP, VOLUME_SPIKE)]
    lower, upper = median * config.drop_below, median * config.spike_above
    versus = f"median {median:g} over the last {len(recent)} runs"
    dropped, spiked = observed < lower, observed > upper
    return [
        row(
            VOLUME_DROP,
            not dropped,
            round(median - observed) if dropped else 0,
            base | {"lower": lower},
            f"{_documents(observed)}, {'below' if dropped else 'within'} {lower:g} "
            f"({config.drop_below:g} × {versus})",
        ),
        row(
            VOLUME_SPIKE,
            not spiked,
            round(observed - median) if spiked else 0,
            base | {"upper": upper},
            f"{_documents(observed)}, {'above' if spiked else 'within'} {upper:g} "
            f"({config.spike_above:g} × {versus})",
        ),
    ]


def check_empty_bodies(
    run_id: str,
    articles: pd.DataFrame,
    rejected: pd.DataFrame | None = None,
    config: BatchConfig | None = None,
) -> pd.DataFrame:
    """Per source, the share of documents that came without text.

    An article with a blank `body_text` counts, and so does a rejected document (`source_name`,
    `origin`, `reason`) whose reason says it had no text; other rejections count only as documents.
    """
    config = config or BatchConfig()
    pattern = re.compile(config.empty_body_reasons)
    arts = _frame(articles, ("article_id", "source_name", "body_text"))
    rej = _frame(rejected, ("source_name", "origin", "reason"))
    arts_source = arts["source_name"].map(_source)
    rej_source = rej["source_name"].map(_source)
    blank = arts["body_text"].map(lambda b: not isinstance(b, str) or not b.strip()).astype(bool)
    textless = (
        rej["reason"].map(lambda r: isinstance(r, str) and bool(pattern.search(r))).astype(bool)
    )
    rows = []
    for source in _ordered(arts_source, rej_source):
        empty_articles = arts.loc[(arts_source == source) & blank, "article_id"]
        empty_rejected = rej.loc[(rej_source == source) & textless, "origin"]
        documents = int((arts_source == source).sum() + (rej_source == source).sum())
        empty = len(empty_articles) + len(empty_rejected)
        sample = [str(v) for v in [*empty_articles, *empty_rejected][:SAMPLE_SIZE]]
        rows.append(
            _share_row(
                run_id,
                EMPTY_BODIES,
                "body_text",
                source,
                empty,
                documents,
                config.max_empty_body_share,
                "documents without text",
                sample,
                config,
            )
        )
    return _result(rows)


def check_entities(
    run_id: str,
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None,
    config: BatchConfig | None = None,
) -> pd.DataFrame:
    """Per source, the share of analysed articles in which no entity was found.

    Copies (`duplicate_of` set) are not analysed, so they are left out.
    """
    config = config or BatchConfig()
    arts = _frame(articles, ("article_id", "source_name", "title", "duplicate_of"))
    arts = arts.loc[arts["duplicate_of"].map(_missing).astype(bool)]
    mentioned = set(_frame(mentions, ("article_id",))["article_id"])
    sources = arts["source_name"].map(_source)
    without = ~arts["article_id"].isin(mentioned)
    rows = []
    for source in _ordered(sources):
        mine = sources == source
        lacking = arts.loc[mine & without]
        sample = [
            f"{a}: {t}" if isinstance(t, str) and t else str(a)
            for a, t in zip(lacking["article_id"], lacking["title"], strict=True)
        ][:SAMPLE_SIZE]
        rows.append(
            _share_row(
                run_id,
                NO_ENTITIES,
                "article_id",
                source,
                len(lacking),
                int(mine.sum()),
                config.max_no_entity_share,
                "articles without entities",
                sample,
                config,
            )
        )
    return _result(rows)


def check_freshness(
    run_id: str,
    source_state: pd.DataFrame,
    now: datetime,
    sources: Iterable[str] | None = None,
    config: BatchConfig | None = None,
) -> pd.DataFrame:
    """Hours since each source last succeeded, against `max_age_hours` (or its own limit).

    `source_state`: `source_name`, `last_success_at`. `sources`: the configured names, so that a
    source that never succeeded fails too; by default every source in `source_state`.
    """
    config = config or BatchConfig()
    now = _utc(now) or datetime.now(UTC)
    state = _frame(source_state, ("source_name", "last_success_at"))
    last_by_source = {
        str(name): _utc(value)
        for name, value in zip(state["source_name"], state["last_success_at"], strict=True)
    }
    rows = []
    for source in sources if sources is not None else last_by_source:
        last = last_by_source.get(source)
        limit = config.max_age_for(source)
        details: dict[str, Any] = {"source": source, "max_age_hours": limit}
        if last is None:
            ok, note = False, "never succeeded"
        else:
            age = (now - last).total_seconds() / 3600
            ok = age <= limit
            details |= {"last_success_at": last.isoformat(), "age_hours": round(age, 2)}
            note = f"last success {age:.1f} h ago ({'within' if ok else 'over'} {limit:g} h)"
        rows.append(
            _row(
                run_id,
                "source_state",
                FRESHNESS,
                source,
                "last_success_at",
                ok,
                0 if ok else 1,
                details,
                note,
                config,
            )
        )
    return _result(rows)


def run_batch_checks(
    run_id: str,
    *,
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    rejected: pd.DataFrame | None = None,
    volumes: pd.DataFrame | None = None,
    volume_history: pd.DataFrame | None = None,
    source_state: pd.DataFrame | None = None,
    now: datetime | None = None,
    sources: Sequence[str] | None = None,
    config: BatchConfig | None = None,
) -> pd.DataFrame:
    """Every batch check over one run, as rows for `dq_results`."""
    config = config or BatchConfig()
    now = now or datetime.now(UTC)
    parts = [
        check_volume(run_id, _frame(volumes, ("source_name", "documents")), volume_history, config),
        check_empty_bodies(run_id, articles, rejected, config),
        check_entities(run_id, articles, mentions, config),
        check_freshness(
            run_id, _frame(source_state, ("source_name", "last_success_at")), now, sources, config
        ),
    ]
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else _result([])


def checks_batch_id(run_id: str) -> str:
    """The `batch_id` of a run's batch checks: loading them again replaces them."""
    return f"{run_id}-checks"


def failed(results: pd.DataFrame, severity: str = "fail") -> pd.DataFrame:
    """The rows of `results` that failed with the given severity."""
    if results.empty:
        return results
    return results[~results["success"].astype(bool) & (results["severity"] == severity)]


def problems(results: pd.DataFrame) -> list[str]:
    """One line per failed check, worst first, for the end-of-run summary."""
    lines = []
    for severity in ("fail", "warn"):
        for expectation, details in zip(
            failed(results, severity)["expectation"],
            failed(results, severity)["details"],
            strict=True,
        ):
            lines.append(f"{severity}: {expectation}: {json.loads(details)['summary']}")
    return lines


def _share_row(
    run_id: str,
    check: str,
    column: str,
    source: str,
    count: int,
    total: int,
    limit: float,
    what: str,
    sample: list[str],
    config: BatchConfig,
) -> dict[str, Any]:
    share = count / total if total else 0.0
    judged = total >= config.min_documents
    ok = not judged or share <= limit
    note = f"{count} of {total} {what} ({share:.0%}, limit {limit:.0%})"
    if not judged:
        note += f"; fewer than {config.min_documents} documents, not judged"
    details = {
        "source": source,
        "count": count,
        "total": total,
        "share": round(share, 4),
        "max_share": limit,
        "sample": sample,
    }
    return _row(run_id, "articles", check, source, column, ok, count, details, note, config)


def _row(
    run_id: str,
    table: str,
    check: str,
    source: str,
    column: str,
    success: bool,
    unexpected: int,
    details: dict[str, Any],
    summary: str,
    config: BatchConfig,
) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "batch_id": checks_batch_id(run_id),
        "table_name": table,
        "expectation": f"{check}({source})",
        "column_name": column,
        "success": bool(success),
        "unexpected_count": int(unexpected),
        "details": json.dumps(details | {"check": check, "summary": summary}, default=str),
        "severity": config.severity_of(check),
    }


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def _result(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(DQ_COLUMNS))
    return frame.astype({"success": "bool", "unexpected_count": "int64"})


def _frame(frame: pd.DataFrame | None, columns: Sequence[str]) -> pd.DataFrame:
    """The frame with at least `columns` (missing ones as nulls); an empty one for None."""
    if frame is None or len(frame.columns) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out = frame.reset_index(drop=True)
    for column in columns:
        if column not in out.columns:
            out = out.assign(**{column: None})
    return out


def _counts(frame: pd.DataFrame, column: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for source, value in zip(frame["source_name"], frame[column], strict=True):
        name = _source(source)
        counts[name] = counts.get(name, 0) + (0 if _missing(value) else int(value))
    return counts


def _ordered(*columns: pd.Series) -> list[str]:
    """Distinct source names in order of first appearance."""
    return list(dict.fromkeys(name for column in columns for name in column))


def _source(value: Any) -> str:
    return value if isinstance(value, str) and value else UNKNOWN_SOURCE


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _utc(value: Any) -> datetime | None:
    if _missing(value):
        return None
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize(UTC)
    result: datetime = stamp.tz_convert(UTC).to_pydatetime()
    return result
