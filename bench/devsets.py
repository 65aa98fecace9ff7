"""Score the transforms on the public development sets in ``../shared/devsets/``, each figure
beside a bare-library baseline computed in the same run (called by ``bench/accuracy.py``).

- Time expressions on ``timebank.jsonl``, TempEval-3 style: strict (exact span) and relaxed
  (overlapping span) P/R/F1, value accuracy and value F1. Baseline: ``dateparser``'s
  ``search_dates``, each date as a TIMEX3 day value.
- Event coverage on its TimeML events: of the OCCURRENCE and I_ACTION mentions whose clause has
  a named entity as subject or object, the share an ``events`` row covers with that entity as a
  participant. Baseline: the subject and objects of every verb in the dependency parse.
- Attributions on ``polnear-dev.jsonl``: direct-quote recall and precision, speaker accuracy,
  indirect-speech recall. Baseline: text between quotation marks, said by the nearest person or
  organisation in its sentence.

The timebank documents are scored in two parts: TimeBank (development: its errors may be read)
and AQUAINT (check: scores only). ``polnear-dev.jsonl`` is a check set: scores only, never its
errors (the devsets README, "Rules of use"); ``polnear-train.jsonl``, scored when asked for, is
the attributions' development set, whose errors are listed. Nothing from the sets is copied
anywhere.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, Self, cast

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from transforms.articles import build_article
from transforms.model import Article, Document
from transforms.pipeline import analyse

TIMEBANK = "timebank.jsonl"
POLNEAR = "polnear-dev.jsonl"
POLNEAR_TRAIN = "polnear-train.jsonl"  # development: its attribution errors may be read
CHECK_CORPUS = "AQUAINT"  # the timebank part kept for checking; the rest is development
DEV_PART, CHECK_PART, ALL = "TimeBank (dev)", "AQUAINT (check)", "all"
EVENT_CLASSES = frozenset({"OCCURRENCE", "I_ACTION"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Dependents of a verb that are its subject or object; prepositional objects hang off a prep.
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
PREPOSITIONS = frozenset({"prep", "agent"})
BASELINE_ARGUMENTS = frozenset({"nsubj", "dobj"})
_WORD = re.compile(r"[a-z0-9]+")
_NOT_NAME = frozenset(
    "the a an of for and s mr mrs ms dr his her their its".split()
    + "he she they it i we you him them us who which that this".split()
)
_PRONOUNS = frozenset("he she they it i we you him her them us his their".split())
_CURLY = re.compile(r"“([^“”\n]+)”")
_STRAIGHT = re.compile(r'"([^"\n]+)"')


class Timex(NamedTuple):
    start: int
    end: int
    value: str | None


class Quote(NamedTuple):
    start: int
    end: int
    speaker: str | None
    kind: str = "direct"  # direct, mixed (both in quotation marks) or indirect


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


@dataclass
class TimexScore(Counts):
    """TempEval-3 counts: strict = exact span, relaxed = one-to-one overlapping pairs."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0  # relaxed pairs whose values are equal

    FIGURES = (
        "strict_precision",
        "strict_recall",
        "strict_f1",
        "relaxed_precision",
        "relaxed_recall",
        "relaxed_f1",
        "value_accuracy",
        "value_f1",
    )

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value, self.relaxed)

    @property
    def value_f1(self) -> float:
        return _f1(_ratio(self.value, self.predicted), _ratio(self.value, self.gold))


def relaxed_pairs(gold: list[Timex], predicted: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs of overlapping spans, largest overlap first."""
    candidates = sorted(
        (
            (min(g.end, p.end) - max(g.start, p.start), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(predicted)
            if _overlaps(g.start, g.end, p.start, p.end)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


_DECADES = re.compile(r"P(\d+)E")
_ZERO_TAIL = re.compile(r"(T\d\d)(?::00)+$")


def normalise_value(value: str | None) -> str | None:
    """The two spellings TIMEX3 allows for one value, made one: a clock time's zero minutes
    ("T17:00" is "T17") and decades as years ("P1E" is "P10Y"). Nothing else is changed."""
    if value is None:
        return None
    value = _ZERO_TAIL.sub(r"\1", value)
    return _DECADES.sub(lambda m: f"P{int(m.group(1)) * 10}Y", value)


def same_timex_value(predicted: str | None, gold: str | None) -> bool:
    return gold is not None and normalise_value(predicted) == normalise_value(gold)


def score_timexes(gold: list[Timex], predicted: list[Timex]) -> TimexScore:
    """One document's time expressions against the gold ones (values by `same_timex_value`)."""
    spans = {(p.start, p.end) for p in predicted}
    pairs = relaxed_pairs(gold, predicted)
    return TimexScore(
        gold=len(gold),
        predicted=len(predicted),
        strict=sum((g.start, g.end) in spans for g in gold),
        relaxed=len(pairs),
        value=sum(same_timex_value(predicted[j].value, gold[i].value) for i, j in pairs),
    )


def timex_errors(body: str, gold: list[Timex], predicted: list[Timex]) -> list[str]:
    """What one document's time expressions got wrong: missed, spurious, other value."""
    pairs = relaxed_pairs(gold, predicted)
    paired_gold, paired = {i for i, _ in pairs}, {j for _, j in pairs}
    lines = [f"missed {body[g.start : g.end]!r} ({g.value})" for i, g in enumerate(gold)]
    lines = [line for i, line in enumerate(lines) if i not in paired_gold]
    lines += [
        f"spurious {body[p.start : p.end]!r} ({p.value})"
        for j, p in enumerate(predicted)
        if j not in paired
    ]
    lines += [
        f"{body[gold[i].start : gold[i].end]!r} is {gold[i].value}, "
        f"predicted {predicted[j].value} for {body[predicted[j].start : predicted[j].end]!r}"
        for i, j in pairs
        if not same_timex_value(predicted[j].value, gold[i].value)
    ]
    return lines


def dateparser_timexes(body: str, published: date) -> list[Timex]:
    """The baseline: every date ``dateparser`` finds, located in order, as a day value."""
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    found = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out = []
    cursor = 0
    for text, when in found:
        start = body.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        out.append(Timex(start, cursor, when.date().isoformat()))
    return out


# Event coverage ----------------------------------------------------------------------------


@dataclass
class CoverageScore(Counts):
    """Gold events whose clause names an entity as subject or object, and how many are covered."""

    events: int = 0  # OCCURRENCE and I_ACTION mentions
    eligible: int = 0
    located: int = 0  # of the eligible, those inside one of our event rows, whoever takes part
    covered: int = 0
    baseline: int = 0

    FIGURES = ("coverage", "baseline_coverage")

    @property
    def coverage(self) -> float:
        return _ratio(self.covered, self.eligible)

    @property
    def baseline_coverage(self) -> float:
        return _ratio(self.baseline, self.eligible)


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause holds ``token``: itself if a verb, else its nearest verb ancestor."""
    for t in (token, *token.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def verb_arguments(verb: Token, relations: frozenset[str] = ARGUMENTS) -> list[Token]:
    """Heads of the verb's subjects and objects (prepositional objects included), conjuncts too."""
    heads = []
    for child in verb.children:
        if child.dep_ in relations:
            heads.append(child)
        elif child.dep_ in PREPOSITIONS:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    return heads


def named_arguments(doc: Doc, verb: Token, relations: frozenset[str] = ARGUMENTS) -> list[Span]:
    """The named entities (``NAMED`` types) that are a subject or object of ``verb``."""
    heads = verb_arguments(verb, relations)
    if relations is ARGUMENTS:
        heads += [c for h in heads for c in h.conjuncts]
    indexes = {h.i for h in heads}
    return [e for e in doc.ents if e.label_ in NAMED and any(e.start <= i < e.end for i in indexes)]


def score_events(
    doc: Doc,
    gold_events: list[dict[str, Any]],
    events: list[dict[str, Any]],
    participants: dict[str, list[tuple[int, int]]],
) -> CoverageScore:
    """Coverage of one document's gold events by our event rows.

    ``events`` are our rows (``event_id``, ``start_char``, ``end_char``: the event's sentence);
    ``participants`` maps an event_id to the mention spans of its participant entities.
    """
    score = CoverageScore()
    for item in gold_events:
        if item["class"] not in EVENT_CLASSES:
            continue
        score.events += 1
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = clause_verb(span.root)
        if verb is None:
            continue
        named = named_arguments(doc, verb)
        if not named:
            continue
        score.eligible += 1
        start = item["start"]
        here = [e for e in events if e["start_char"] <= start < e["end_char"]]
        score.located += bool(here)
        score.covered += any(
            _overlaps(s, t, n.start_char, n.end_char)
            for e in here
            for s, t in participants.get(e["event_id"], [])
            for n in named
        )
        # The bare extractor reads the subject and objects of the event word, if it is a verb.
        if verb.i == span.root.i:
            linked = named_arguments(doc, verb, BASELINE_ARGUMENTS)
            score.baseline += any(n in named for n in linked)
    return score


# Attributions ------------------------------------------------------------------------------


@dataclass
class AttributionScore(Counts):
    gold_quotes: int = 0  # attributions with is_quote true
    found: int = 0  # of those, content overlapped by one of our direct or mixed quotes
    predicted: int = 0  # our direct and mixed quotes
    right: int = 0  # of those, the ones overlapping some gold direct-quote content
    speakers: int = 0  # found quotes whose gold source is given
    speaker_right: int = 0
    gold_indirect: int = 0
    indirect_found: int = 0  # gold indirect attributions overlapped by one of our indirect rows
    indirect_predicted: int = 0  # our indirect rows
    indirect_right: int = 0  # of those, the ones overlapping some gold attribution's content
    indirect_speakers: int = 0  # found indirect attributions whose gold source is given
    indirect_speaker_right: int = 0
    speaker_right_strictly: int = 0  # a role source ("the governor") only as itself
    mixed_speakers: int = 0  # of `speakers`, those whose quote we call mixed
    mixed_speaker_right: int = 0

    FIGURES = (
        "recall",
        "precision",
        "speaker_accuracy",
        "indirect_recall",
        "indirect_precision",
        "indirect_speaker_accuracy",
        "strict_speaker_accuracy",
        "direct_speaker_accuracy",
        "mixed_speaker_accuracy",
    )

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold_quotes)

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.predicted)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_right, self.speakers)

    @property
    def indirect_recall(self) -> float:
        return _ratio(self.indirect_found, self.gold_indirect)

    @property
    def indirect_precision(self) -> float:
        return _ratio(self.indirect_right, self.indirect_predicted)

    @property
    def indirect_speaker_accuracy(self) -> float:
        return _ratio(self.indirect_speaker_right, self.indirect_speakers)

    @property
    def strict_speaker_accuracy(self) -> float:
        return _ratio(self.speaker_right_strictly, self.speakers)

    @property
    def direct_speaker_accuracy(self) -> float:
        """Speaker accuracy on the gold direct quotes that we call direct."""
        return _ratio(
            self.speaker_right - self.mixed_speaker_right, self.speakers - self.mixed_speakers
        )

    @property
    def mixed_speaker_accuracy(self) -> float:
        """Speaker accuracy on the gold direct quotes that we call mixed (partial quotes)."""
        return _ratio(self.mixed_speaker_right, self.mixed_speakers)


def name_words(text: str | None) -> set[str]:
    """The words of a name that can identify it: case folded, without articles and pronouns."""
    return set(_WORD.findall((text or "").casefold())) - _NOT_NAME


def is_pronoun(text: str | None) -> bool:
    words = _WORD.findall((text or "").casefold())
    return bool(words) and all(w in _PRONOUNS for w in words)


def is_role(text: str | None) -> bool:
    """A definite description: "the governor", "the Vermont senator", "the ministry"."""
    words = (text or "").split()
    return (
        1 < len(words) <= 4
        and words[0].casefold() in ("the", "his", "her", "its", "their")
        and words[-1][:1].islower()
    )


def named_sources(
    attributions: list[dict[str, Any]], strict: bool = False
) -> list[tuple[int, str]]:
    """(offset, text) of the gold sources that are not pronouns, nor (unless ``strict``) roles."""
    return sorted(
        (a["source"]["spans"][0][0], a["source"]["text"])
        for a in attributions
        if a.get("source")
        and a["source"]["spans"]
        and not is_pronoun(a["source"]["text"])
        and (strict or not is_role(a["source"]["text"]))
    )


def speaker_right(
    predicted: str | None,
    source: dict[str, Any],
    named: list[tuple[int, str]],
    strict: bool = False,
) -> bool:
    """Whether ``predicted`` is the gold ``source``: a pronoun ("he said") stands for the nearest
    earlier named source; a role ("the governor said") may be given as itself or, unless
    ``strict`` (with ``named`` from ``named_sources(..., strict=True)``), as that source."""
    earlier = [t for s, t in named if s < source["spans"][0][0]]
    antecedent = earlier[-1] if earlier else None
    text = source["text"]
    if is_pronoun(text):
        return speaker_matches(predicted, antecedent)
    return speaker_matches(predicted, text) or (
        not strict and is_role(text) and speaker_matches(predicted, antecedent)
    )


def speaker_matches(predicted: str | None, source: str | None) -> bool:
    """Right when the predicted speaker and the gold source share a name word."""
    return bool(name_words(predicted) & name_words(source))


def _spans(part: dict[str, Any] | None) -> list[tuple[int, int]]:
    return [(s, e) for s, e in part["spans"]] if part else []


def _best(spans: list[tuple[int, int]], quotes: list[Quote]) -> Quote | None:
    """The quote overlapping ``spans`` the most."""
    best: tuple[int, Quote] | None = None
    for q in quotes:
        size = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in spans)
        if size and (best is None or size > best[0]):
            best = (size, q)
    return best[1] if best else None


def score_attributions(attributions: list[dict[str, Any]], quotes: list[Quote]) -> AttributionScore:
    """One document's quotes against its gold attributions.

    Our direct and mixed quotes are scored against the gold direct quotes, our indirect rows
    against the gold indirect attributions. A pronoun source ("he said") stands for the nearest
    earlier gold source that is not one (``speaker_right``).
    """
    marked = [q for q in quotes if q.kind != "indirect"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    score = AttributionScore(predicted=len(marked), indirect_predicted=len(indirect))
    named = named_sources(attributions)
    named_strictly = named_sources(attributions, strict=True)
    for a in attributions:
        content = _spans(a["content"])
        hit = _best(content, marked if a["is_quote"] else indirect)
        if a["is_quote"]:
            score.gold_quotes += 1
            score.found += hit is not None
        else:
            score.gold_indirect += 1
            score.indirect_found += hit is not None
        source = a.get("source")
        if hit is None or not source or not source["spans"]:
            continue
        right = speaker_right(hit.speaker, source, named)
        if a["is_quote"]:
            score.speakers += 1
            score.speaker_right += right
            score.speaker_right_strictly += speaker_right(
                hit.speaker, source, named_strictly, strict=True
            )
            score.mixed_speakers += hit.kind == "mixed"
            score.mixed_speaker_right += right and hit.kind == "mixed"
        else:
            score.indirect_speakers += 1
            score.indirect_speaker_right += right
    gold_direct = [span for a in attributions if a["is_quote"] for span in _spans(a["content"])]
    gold_any = [span for a in attributions for span in _spans(a["content"])]
    score.right = sum(any(_overlaps(q.start, q.end, s, e) for s, e in gold_direct) for q in marked)
    score.indirect_right = sum(
        any(_overlaps(q.start, q.end, s, e) for s, e in gold_any) for q in indirect
    )
    return score


def attribution_errors(
    body: str, attributions: list[dict[str, Any]], quotes: list[Quote]
) -> list[str]:
    """What ``score_attributions`` counts wrong, one line each (for the development part only)."""
    errors = []
    named = named_sources(attributions)
    marked = [q for q in quotes if q.kind != "indirect"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    for a in attributions:
        hit = _best(_spans(a["content"]), marked if a["is_quote"] else indirect)
        content = " ".join(a["content"]["text"].split())[:70] if a["content"] else ""
        source = a.get("source")
        if hit is None:
            what = "direct quote" if a["is_quote"] else "indirect"
            cue = (a.get("cue") or {}).get("text")
            errors.append(f"missed {what} {content!r} (cue {cue!r})")
        elif source and source["spans"] and not speaker_right(hit.speaker, source, named):
            errors.append(
                f"{hit.kind} {content!r}: speaker {hit.speaker!r}, gold {source['text']!r}"
            )
    gold_direct = [span for a in attributions if a["is_quote"] for span in _spans(a["content"])]
    gold_any = [span for a in attributions for span in _spans(a["content"])]
    for q in quotes:
        gold = gold_any if q.kind == "indirect" else gold_direct
        if not any(_overlaps(q.start, q.end, s, e) for s, e in gold):
            errors.append(f"spurious {q.kind} {' '.join(body[q.start : q.end].split())[:70]!r}")
    return errors


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """The baseline's quotes: text between a pair of curly or straight marks in one paragraph."""
    found = [m.span(1) for rx in (_CURLY, _STRAIGHT) for m in rx.finditer(text)]
    return sorted(found)


def nearest_speaker(doc: Doc, start: int, end: int) -> str | None:
    """The person or organisation named nearest to a quote, in the sentences it touches."""
    sentences = [s for s in doc.sents if s.start_char <= end and start <= s.end_char]
    best: tuple[int, str] | None = None
    for sentence in sentences:
        for ent in sentence.ents:
            if ent.label_ not in ("PERSON", "ORG") or _overlaps(
                ent.start_char, ent.end_char, start, end
            ):
                continue
            distance = start - ent.end_char if ent.end_char <= start else ent.start_char - end
            if best is None or distance < best[0]:
                best = (distance, ent.text)
    return best[1] if best else None


def quote_mark_baseline(doc: Doc) -> list[Quote]:
    return [Quote(s, e, nearest_speaker(doc, s, e)) for s, e in find_quote_marks(doc.text)]


# Running -----------------------------------------------------------------------------------


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


@dataclass
class DevsetResult:
    timex: dict[str, TimexScore] = field(default_factory=dict)
    timex_baseline: dict[str, TimexScore] = field(default_factory=dict)
    events: dict[str, CoverageScore] = field(default_factory=dict)
    attributions: AttributionScore = field(default_factory=AttributionScore)
    attributions_baseline: AttributionScore = field(default_factory=AttributionScore)
    docs: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    failures: int = 0
    # Time-expression errors of the development part only: the check parts are never read.
    dev_errors: list[str] = field(default_factory=list)
    # polnear-train, scored when asked for (a development set: its errors may be read).
    train_attributions: AttributionScore = field(default_factory=AttributionScore)
    train_attributions_baseline: AttributionScore = field(default_factory=AttributionScore)
    train_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "seconds": self.seconds,
            "failures": self.failures,
            "timex": {k: v.as_dict() for k, v in self.timex.items()},
            "timex_baseline": {k: v.as_dict() for k, v in self.timex_baseline.items()},
            "event_coverage": {k: v.as_dict() for k, v in self.events.items()},
            "attributions": self.attributions.as_dict(),
            "attributions_baseline": self.attributions_baseline.as_dict(),
            "train_attributions": self.train_attributions.as_dict(),
            "train_attributions_baseline": self.train_attributions_baseline.as_dict(),
        }


def _part(item: dict[str, Any]) -> str:
    return CHECK_PART if item.get("corpus") == CHECK_CORPUS else DEV_PART


def score_timebank(path: Path, nlp: Language, result: DevsetResult) -> None:
    started = time.perf_counter()
    items = read_jsonl(path)
    docs, frames, ids = analyse_items(items, nlp, "timebank")
    result.failures += len(frames["analysis_failures"])
    times = rows_by_article(frames["time_expressions"])
    events = rows_by_article(frames["events"])
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for row in rows_by_article(frames["mentions"]).values():
        for m in row:
            spans[(m["article_id"], m["entity_id"])].append((m["start_char"], m["end_char"]))
    participants: dict[str, list[tuple[int, int]]] = defaultdict(list)
    event_article = {e["event_id"]: e["article_id"] for rows in events.values() for e in rows}
    if not frames["event_participants"].empty:
        for p in frames["event_participants"].to_dict(orient="records"):
            article_id = event_article.get(p["event_id"])
            participants[p["event_id"]] += spans.get((str(article_id), p["entity_id"]), [])
    for part in (DEV_PART, CHECK_PART, ALL):
        result.timex[part] = TimexScore()
        result.timex_baseline[part] = TimexScore()
        result.events[part] = CoverageScore()
        result.docs[f"timebank {part}"] = 0
    for item, doc, article_id in zip(items, docs, ids, strict=True):
        gold = [Timex(t["start"], t["end"], t["value"]) for t in item["timexes"]]
        ours = [
            Timex(t["start_char"], t["end_char"], _value(t["value"])) for t in times[article_id]
        ]
        baseline = dateparser_timexes(item["body"], date.fromisoformat(item["published"][:10]))
        coverage = score_events(doc, item["events"], events[article_id], participants)
        if _part(item) == DEV_PART:
            body = item["body"]
            result.dev_errors += [f"{item['id']}: {e}" for e in timex_errors(body, gold, ours)]
        for part in (_part(item), ALL):
            result.docs[f"timebank {part}"] += 1
            result.timex[part] += score_timexes(gold, ours)
            result.timex_baseline[part] += score_timexes(gold, baseline)
            result.events[part] += coverage
    result.seconds["timebank"] = time.perf_counter() - started


def score_polnear(path: Path, nlp: Language, result: DevsetResult, train: bool = False) -> None:
    """Attributions of ``polnear-dev.jsonl`` (check: scores only) or, with ``train``, of
    ``polnear-train.jsonl`` (development: its errors are kept for reading)."""
    started = time.perf_counter()
    items = read_jsonl(path)
    name = "polnear-train" if train else "polnear-dev"
    docs, frames, ids = analyse_items(items, nlp, "polnear")
    result.failures += len(frames["analysis_failures"])
    quotes = rows_by_article(frames["quotes"])
    result.docs[name] = len(items)
    score = result.train_attributions if train else result.attributions
    baseline = result.train_attributions_baseline if train else result.attributions_baseline
    for item, doc, article_id in zip(items, docs, ids, strict=True):
        ours = [
            Quote(q["start_char"], q["end_char"], _value(q["speaker_name"]), q["kind"])
            for q in quotes[article_id]
        ]
        score += score_attributions(item["attributions"], ours)
        baseline += score_attributions(item["attributions"], quote_mark_baseline(doc))
        if train:
            errors = attribution_errors(item["body"], item["attributions"], ours)
            result.train_errors += [f"{item['id']}: {e}" for e in errors]
    result.seconds[name] = time.perf_counter() - started


def present(folder: Path) -> bool:
    """Whether ``folder`` holds at least one of the sets scored here."""
    return (folder / TIMEBANK).exists() or (folder / POLNEAR).exists()


def score_devsets(folder: Path, nlp: Language, train: bool = False) -> DevsetResult:
    """Every development-set figure, ours and the baselines', from the files in ``folder``;
    with ``train`` also polnear-train's attributions, and their errors."""
    result = DevsetResult()
    if (folder / TIMEBANK).exists():
        score_timebank(folder / TIMEBANK, nlp, result)
    if (folder / POLNEAR).exists():
        score_polnear(folder / POLNEAR, nlp, result)
    if train and (folder / POLNEAR_TRAIN).exists():
        score_polnear(folder / POLNEAR_TRAIN, nlp, result, train=True)
    return result


def _prf(p: float, r: float, f: float) -> str:
    return f"{p:.2f} / {r:.2f} / {f:.2f}"


def _timebank_rows(result: DevsetResult) -> list[str]:
    parts = (DEV_PART, CHECK_PART, ALL)
    head = " | ".join(f"{part} | baseline" for part in parts)
    lines = [f"| `{TIMEBANK}` | {head} |", "| --- |" + " ---: | ---: |" * len(parts)]

    def row(label: str, cells: list[tuple[str, str]]) -> None:
        lines.append(f"| {label} | " + " | ".join(f"{a} | {b}" for a, b in cells) + " |")

    ours, base, events = result.timex, result.timex_baseline, result.events
    row("documents", [(str(result.docs[f"timebank {p}"]), "") for p in parts])
    row(
        "time expressions: gold / found",
        [(f"{ours[p].gold} / {ours[p].predicted}", str(base[p].predicted)) for p in parts],
    )
    row(
        "strict span P / R / F1 (baseline: dateparser)",
        [
            (
                _prf(ours[p].strict_precision, ours[p].strict_recall, ours[p].strict_f1),
                _prf(base[p].strict_precision, base[p].strict_recall, base[p].strict_f1),
            )
            for p in parts
        ],
    )
    row(
        "relaxed span P / R / F1",
        [
            (
                _prf(ours[p].relaxed_precision, ours[p].relaxed_recall, ours[p].relaxed_f1),
                _prf(base[p].relaxed_precision, base[p].relaxed_recall, base[p].relaxed_f1),
            )
            for p in parts
        ],
    )
    row(
        "value accuracy (of relaxed matches)",
        [(f"{ours[p].value_accuracy:.2f}", f"{base[p].value_accuracy:.2f}") for p in parts],
    )
    row("value F1", [(f"{ours[p].value_f1:.2f}", f"{base[p].value_f1:.2f}") for p in parts])
    row(
        "OCCURRENCE + I_ACTION events / with a named subject or object",
        [(f"{events[p].events} / {events[p].eligible}", "") for p in parts],
    )
    row(
        "of those, inside one of our event rows (any participants)",
        [(f"{_ratio(events[p].located, events[p].eligible):.2f}", "") for p in parts],
    )
    row(
        "event coverage (baseline: subjects/objects of every verb)",
        [(f"{events[p].coverage:.2f}", f"{events[p].baseline_coverage:.2f}") for p in parts],
    )
    return lines


def _polnear_rows(result: DevsetResult, train: bool = False) -> list[str]:
    if train:
        q, qb = result.train_attributions, result.train_attributions_baseline
        head = f"`{POLNEAR_TRAIN}` (development, {result.docs['polnear-train']} docs)"
    else:
        q, qb = result.attributions, result.attributions_baseline
        head = f"`{POLNEAR}` (check, {result.docs['polnear-dev']} docs)"
    return [
        f"| {head} | ours | baseline: quote marks | n |",
        "| --- | ---: | ---: | --- |",
        f"| direct quotes, recall | {q.recall:.2f} | {qb.recall:.2f} | {q.gold_quotes} gold |",
        f"| direct quotes, precision | {q.precision:.2f} | {qb.precision:.2f} | "
        f"{q.predicted} / {qb.predicted} found |",
        f"| quote speaker accuracy | {q.speaker_accuracy:.2f} | {qb.speaker_accuracy:.2f} | "
        f"{q.speakers} / {qb.speakers} quotes found with a gold source |",
        f'| – a role source ("the governor") counted only as itself | '
        f"{q.strict_speaker_accuracy:.2f} | {qb.strict_speaker_accuracy:.2f} | |",
        f"| – of those we call direct / mixed | {q.direct_speaker_accuracy:.2f} / "
        f"{q.mixed_speaker_accuracy:.2f} | – | {q.speakers - q.mixed_speakers} / "
        f"{q.mixed_speakers} |",
        f"| indirect speech, recall | {q.indirect_recall:.2f} | {qb.indirect_recall:.2f} | "
        f"{q.gold_indirect} gold |",
        f"| indirect speech, precision | {q.indirect_precision:.2f} | – | "
        f"{q.indirect_predicted} found |",
        f"| indirect speech, speaker accuracy | {q.indirect_speaker_accuracy:.2f} | – | "
        f"{q.indirect_speakers} found with a gold source |",
    ]


def render(result: DevsetResult) -> str:
    """The development-set tables, ours beside the baseline's."""
    blocks = []
    if result.timex:
        blocks.append("\n".join(_timebank_rows(result)))
    if "polnear-dev" in result.docs:
        blocks.append("\n".join(_polnear_rows(result)))
    if "polnear-train" in result.docs:
        blocks.append("\n".join(_polnear_rows(result, train=True)))
    return "\n\n".join(blocks)
