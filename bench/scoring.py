"""What the development-set scorers share: counts with their ratios, reading the sets, and
running the pipeline over their documents with each body parsed once."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Self, cast

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from transforms.articles import build_article
from transforms.model import Article, Document
from transforms.pipeline import analyse


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass
class Counts:
    """Counters that add up over documents and parts."""

    def __iadd__(self, other: Self) -> Self:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def as_dict(self) -> dict[str, float]:
        counts: dict[str, float] = {f.name: getattr(self, f.name) for f in fields(self)}
        return counts | {name: getattr(self, name) for name in self.FIGURES}

    FIGURES: ClassVar[tuple[str, ...]] = ()


class _ParsedOnce:
    """The loaded pipeline, serving the Docs already parsed for the baselines to ``analyse``,
    so that each body is parsed once."""

    def __init__(self, nlp: Language, docs: dict[str, Doc]) -> None:
        self._nlp = nlp
        self._docs = docs

    def __call__(self, text: str) -> Doc:
        return self._docs.get(text) or self._nlp(text)

    def pipe(self, texts: Iterable[str], **_: Any) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def analyse_items(
    items: list[dict[str, Any]], nlp: Language, source: str
) -> tuple[list[Doc], dict[str, pd.DataFrame], list[str]]:
    """Parse every body once, run the pipeline over them; returns Docs, frames, article ids."""
    bodies = [item["body"] for item in items]
    docs = list(nlp.pipe(bodies, batch_size=32))
    articles: list[Article] = []
    for item in items:
        published = date.fromisoformat(item["published"][:10])
        article = build_article(
            Document(id=item["id"], body=item["body"], published=item["published"]),
            source,
            published,
        )
        article.body_text = item["body"]  # keep offsets aligned with the gold annotations
        articles.append(article)
    frames = analyse(
        articles, cast(Language, _ParsedOnce(nlp, dict(zip(bodies, docs, strict=True)))), source
    )
    return docs, frames, [a.article_id for a in articles]


def rows_by_article(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not frame.empty:
        for row in frame.to_dict(orient="records"):
            rows[str(row["article_id"])].append(row)
    return rows


def _value(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
