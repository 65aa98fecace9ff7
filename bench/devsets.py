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

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bench.attributions import (
    AttributionScore,
    Quote,
    attribution_errors,
    quote_mark_baseline,
    score_attributions,
)
from bench.scoring import (
    Counts,
    _f1,
    _overlaps,
    _ratio,
    _value,
    analyse_items,
    read_jsonl,
    rows_by_article,
)

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


class Timex(NamedTuple):
    start: int
    end: int
    value: str | None


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
