"""What a run carries between its stages: the extracted articles and the identity plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from transforms.model import Article


@dataclass(slots=True)
class Extraction:
    """Everything the extract stage produced, ready to batch."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[pd.DataFrame] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[pd.DataFrame] = field(default_factory=list)  # dq_results rows from cleaning


@dataclass(slots=True)
class Plan:
    """A run's articles after identity checks: what to analyse, what is a copy, what is loaded."""

    distinct: list[Article]
    duplicates: list[Article]
    unchanged: list[Article]
    duplicate_of: dict[str, str]
    signatures: dict[str, Any]
    stored: set[str]  # ids known to be in the warehouse already (unchanged, or first copies)

    def batches(self, size: int) -> list[list[Article]]:
        """Distinct articles in batches; each copy rides with its first copy's batch."""
        chunks = [self.distinct[i : i + size] for i in range(0, len(self.distinct), size)] or [[]]
        where = {a.article_id: n for n, chunk in enumerate(chunks) for a in chunk}
        for copy in self.duplicates:
            chunks[where.get(self.duplicate_of[copy.article_id], 0)].append(copy)
        return chunks
