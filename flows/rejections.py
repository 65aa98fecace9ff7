"""Documents the run turned away or that failed, as `rejected_documents` rows, and the
cleaning warnings that go to `dq_results`."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import pandas as pd

from flows.plan import Plan
from flows.runlog import RunLog
from flows.summary import SourceSummary
from transforms.batch import (
    FAILURES,
)
from transforms.failures import LIMIT_CLASSES, Failure
from transforms.model import Article

Rejection = dict[str, Any]  # one `rejected_documents` row, less the run bookkeeping


def rejection(origin: str, reason: str, stage: str) -> Rejection:
    """A document turned away for what it is (not an article, too short, malformed)."""
    return {"origin": origin, "reason": reason, "stage": stage, "traceback": ""}


def failure_rejection(origin: str, failure: Failure) -> Rejection:
    """A document that code raised on, or that ran out of time or killed its worker."""
    return {
        "origin": origin,
        "reason": failure.reason,
        "stage": failure.stage,
        "error_class": failure.error_class,
        "error_message": failure.message,
        "raised_in": failure.raised_in,
        "traceback": failure.traceback,
    }


def warning_frame(run_id: str, source: str, articles: list[Article]) -> pd.DataFrame:
    """`dq_results` rows for what cleaning set aside or cut in each article (severity warn)."""
    rows = [
        {
            "run_id": run_id,
            "table_name": "articles",
            "expectation": check,
            "column_name": None,
            "success": False,
            "unexpected_count": 1,
            "details": json.dumps(
                {
                    "source": source,
                    "article_id": a.article_id,
                    "origin": a.origin or a.url,
                    "title": a.title,
                    "detail": detail,
                }
            ),
            "severity": "warn",
        }
        for a in articles
        for check, detail in a.warnings
    ]
    return pd.DataFrame(rows)


def rejection_frame(
    run_id: str, source: str, rejected: list[Rejection], now: datetime, log: RunLog | None = None
) -> pd.DataFrame:
    """`rejected_documents` rows; tracebacks go to the run's log, not the table."""
    rows = []
    for item in rejected:
        origin = item["origin"]
        if log is not None and item.get("error_class"):
            log.failure(origin, item["reason"], item.get("traceback", ""))
        rows.append(
            {
                "rejection_id": hashlib.sha256(f"{source}|{origin}".encode()).hexdigest()[:16],
                "run_id": run_id,
                "source_name": source,
                "origin": origin,
                "reason": item["reason"],
                "rejected_at": now,
                "stage": item.get("stage"),
                "error_class": item.get("error_class"),
                "error_message": item.get("error_message"),
                "raised_in": item.get("raised_in"),
            }
        )
    return pd.DataFrame(rows).drop_duplicates("rejection_id") if rows else pd.DataFrame()


def is_internal(item: Rejection) -> bool:
    return bool(item.get("error_class")) and item["error_class"] not in LIMIT_CLASSES


def drop_failed(
    batch: list[Article],
    derived: dict[str, pd.DataFrame],
    plan: Plan,
    summaries: dict[str, SourceSummary],
) -> tuple[list[Article], dict[str, list[Rejection]]]:
    """Take out of a batch the articles whose analysis failed (and their copies, which would
    fail the same way); returns what is left and their rejections by source."""
    failures = derived.pop(FAILURES, None)
    if failures is None or failures.empty:
        return batch, {}
    by_id = {f["article_id"]: f for f in failures.to_dict("records")}
    kept: list[Article] = []
    rejected: dict[str, list[Rejection]] = {}
    for article in batch:
        failed = by_id.get(article.article_id) or by_id.get(
            plan.duplicate_of.get(article.article_id, "")
        )
        if failed is None:
            kept.append(article)
            continue
        origin = article.origin or article.url or f"article {article.article_id}"
        record = Failure(
            key=article.article_id,
            stage=str(failed["stage"]),
            error_class=str(failed["error_class"]),
            message=str(failed["error_message"]),
            raised_in=failed["raised_in"] if isinstance(failed["raised_in"], str) else None,
            traceback=str(failed["traceback"] or ""),
        )
        item = failure_rejection(origin, record)
        if failed["article_id"] != article.article_id:
            item["reason"] = f"copy of a story whose analysis failed: {item['reason']}"
        source = article.source_name or ""
        rejected.setdefault(source, []).append(item)
        summary = summaries.get(source)
        if summary is not None:
            summary.failed += 1
            summary.internal_errors += int(is_internal(item))
            summary.problems.append(f"{origin}: {item['reason']}")
    return kept, rejected
