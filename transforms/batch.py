"""What a run builds around the analysis, without spaCy: the `articles` and `article_bands`
rows, MinHash signatures and duplicate detection, the failures frame's name and columns, and how
two rows of one entity merge.

The flow's process imports this module; only a process that analyses articles imports
`transforms.pipeline` (spaCy and every rule set: most of a second), so a run whose transform
happens in worker processes, or that finds nothing new, never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from transforms.identity import MIN_SHARED_BANDS, NEAR_DUPLICATE, bands, minhash, similarity
from transforms.model import Article

Guard = Callable[[str], AbstractContextManager[object]]
"""Per-document guard the caller may wrap each document's work in (given the body text): the
flows use it for the per-document time limit and the failure-injection seam."""

FAILURES = "analysis_failures"  # the frame of documents that failed, beside the tables
FAILURE_COLUMNS = ("article_id", "stage", "error_class", "error_message", "raised_in", "traceback")


def signatures_of(articles: Iterable[Article]) -> dict[str, np.ndarray]:
    """MinHash signature of each article body, computed once per batch."""
    return {a.article_id: minhash(a.body_text) for a in articles}


def find_duplicates(
    articles: list[Article],
    signatures: dict[str, np.ndarray],
    first_by_hash: dict[str, str],
    shared_bands: dict[str, dict[str, int]],
) -> dict[str, str]:
    """article_id -> article_id of the first copy, for exact and near duplicates.

    `first_by_hash` (content hash -> first copy) and `shared_bands` (article -> warehouse
    original -> number of MinHash bands in common) come from the warehouse; copies inside the
    batch are compared by signature, earlier articles first.
    """
    duplicate_of: dict[str, str] = {}
    seen_hash: dict[str, str] = dict(first_by_hash)
    kept: dict[str, np.ndarray] = {}
    batch_bands: dict[tuple[int, int], list[str]] = {}
    for article in articles:
        original = seen_hash.get(article.content_hash)
        if original and original != article.article_id:
            duplicate_of[article.article_id] = original
            continue
        known = shared_bands.get(article.article_id, {})
        if known:
            candidate, count = max(known.items(), key=lambda kv: kv[1])
            if count >= MIN_SHARED_BANDS:
                duplicate_of[article.article_id] = candidate
                continue
        signature = signatures[article.article_id]
        own_bands = bands(signature)
        best: tuple[str, float] | None = None
        for band, value in enumerate(own_bands):
            for candidate in batch_bands.get((band, value), []):
                score = similarity(signature, kept[candidate])
                if score >= NEAR_DUPLICATE and (best is None or score > best[1]):
                    best = (candidate, score)
        if best:
            duplicate_of[article.article_id] = best[0]
            continue
        seen_hash.setdefault(article.content_hash, article.article_id)
        kept[article.article_id] = signature
        for band, value in enumerate(own_bands):
            batch_bands.setdefault((band, value), []).append(article.article_id)
    return duplicate_of


def article_rows(
    articles: Iterable[Article],
    signatures: dict[str, np.ndarray],
    duplicate_of: dict[str, str],
    run_id: str,
    seen_at: datetime,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `articles` and `article_bands` frames of a batch."""
    rows = []
    band_rows = []
    for article in articles:
        rows.append(
            {
                "article_id": article.article_id,
                "url": article.url,
                "canonical_url": article.canonical_url,
                "source_name": article.source_name,
                "wire_agency": article.wire_agency,
                "source_chain": article.source_chain,
                "title": article.title,
                "author": article.author,
                "dateline": article.dateline,
                "published_at": article.published_at,
                "published_date": article.published_date,
                "language": article.language,
                "body_text": article.body_text,
                "word_count": article.word_count,
                "content_hash": article.content_hash,
                "duplicate_of": duplicate_of.get(article.article_id),
                "first_seen_at": seen_at,
                "run_id": run_id,
            }
        )
        if article.article_id not in duplicate_of:
            for band, value in enumerate(bands(signatures[article.article_id])):
                band_rows.append(
                    {"article_id": article.article_id, "band": band, "band_hash": value}
                )
    return pd.DataFrame(rows), pd.DataFrame(band_rows)


def merge_entity(kept: dict[str, Any], later: dict[str, Any]) -> None:
    """Fold a later article's (or chunk's) row of an entity into the kept one, by
    `_add_entities`' rules: aliases add up, the first country stays, a person's latest title
    and affiliation win."""
    kept["aliases"] = {*kept["aliases"], *later["aliases"]}
    if pd.isna(kept.get("country_code")):
        kept["country_code"] = later.get("country_code")
    if not pd.isna(later.get("title")):
        kept["title"] = later["title"]
    if not pd.isna(later.get("affiliation")):
        kept["affiliation"] = later["affiliation"]
        kept["affiliation_entity_id"] = later.get("affiliation_entity_id")
