"""What a run did, per source and in all: the lines it prints and records."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from expectations.validate import Validated
from flows.plan import Plan
from transforms.model import Article


@dataclass(slots=True)
class SourceSummary:
    name: str
    fetched: int = 0
    new: int = 0
    duplicate: int = 0
    unchanged: int = 0
    quarantined: int = 0
    failed: int = 0
    not_modified: bool = False
    error: str | None = None
    problems: list[str] = field(default_factory=list)
    internal_errors: int = 0  # of `failed`: documents that code raised on (bugs to report)

    def line(self) -> str:
        text = (
            f"{self.name}: fetched {self.fetched}, new {self.new}, duplicate {self.duplicate}, "
            f"unchanged {self.unchanged}, quarantined {self.quarantined}, failed {self.failed}"
        )
        if self.not_modified:
            text += " (not modified since last run)"
        if self.error:
            text += f" — source failed: {self.error}"
        return text


@dataclass(slots=True)
class RunSummary:
    run_id: str
    db_path: str
    sources: list[SourceSummary]
    loaded_rows: int = 0
    status: str = "success"
    staged: list[str] = field(default_factory=list)  # batches left as Parquet (database locked)
    staged_before: tuple[int, int] = (0, 0)  # earlier staged (batches, rows) loaded first

    checks: list[str] = field(default_factory=list)  # failed batch checks, one line each
    internal_errors: int = 0  # documents rejected because code raised on them
    log_path: str | None = None  # the run's log, when it holds tracebacks

    @property
    def exit_code(self) -> int:
        return 0 if self.status in ("success", "warn") else 1

    def totals(self) -> dict[str, int]:
        keys = ("fetched", "new", "duplicate", "unchanged", "quarantined", "failed")
        counts = {k: sum(getattr(s, k) for s in self.sources) for k in keys}
        counts["loaded_rows"] = self.loaded_rows
        return counts


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def publish_artifacts(result: RunSummary) -> None:
    """A markdown summary and a per-source table on the Prefect run, for the Prefect UI."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    lines = [f"# Wirehouse run `{result.run_id}`: {result.status}", ""]
    lines += [f"- {s.line()}" for s in result.sources]
    lines += [f"- batch check {line}" for line in result.checks]
    if result.staged:
        lines.append(f"- {len(result.staged)} batch(es) staged: the warehouse was locked")
    create_markdown_artifact(
        markdown="\n".join(lines), key="wirehouse-run-summary", description="Run summary"
    )
    keys = ("fetched", "new", "duplicate", "unchanged", "quarantined", "failed")
    create_table_artifact(
        table=[{"source": s.name, **{k: getattr(s, k) for k in keys}} for s in result.sources],
        key="wirehouse-run-sources",
        description="Documents and rows per source",
    )


def count_batch(
    summaries: dict[str, SourceSummary],
    batch: list[Article],
    plan: Plan,
    validated: Validated | None,
) -> None:
    quarantined_articles: set[str] = set()
    per_source: Counter[str] = Counter()
    source_of = {a.article_id: a.source_name or "" for a in batch}
    if validated is not None and not validated.quarantine.empty:
        for table, row in zip(
            validated.quarantine["table_name"], validated.quarantine["row"], strict=True
        ):
            article_id = json.loads(row).get("article_id")
            if table == "articles":
                quarantined_articles.add(article_id)
            per_source[source_of.get(article_id, "")] += 1
    for article in batch:
        if article.article_id in quarantined_articles:
            continue
        summary = summaries[article.source_name or ""]
        if article.article_id in plan.duplicate_of:
            summary.duplicate += 1
        else:
            summary.new += 1
    for name, count in per_source.items():
        if name in summaries:
            summaries[name].quarantined += count
