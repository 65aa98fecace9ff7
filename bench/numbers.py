"""Score the metric rules on real news: the project's hand-annotated numbers gold set
(``bench/gold/numbers/``) over development-set documents, beside the bare ``quantulum3``
extractor on the same text (called by ``bench/accuracy.py``).

The gold set holds only document ids, offsets and values; the text is read from
``../shared/devsets/`` (``timebank.jsonl``, ``polnear-train.jsonl``). Its documents are split in
two: rules may be written from the errors of the ``dev`` half only; the ``check`` half is only
scored (``--show-errors`` lists dev errors alone).

Matching: a row and a gold item match when their spans overlap; the match is *right* when the
value is the same (within 0.5 %) and the unit is the same, counted nouns counting as one unit
("1,200 workers" against a gold ``person``: both are counts). Of the right matches, the subject,
period, measure, qualifier and direction are scored as field accuracies.
"""

from __future__ import annotations

import json
import re
import time
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language

from bench.matching import _none, content_words, same_period, subject_matches
from bench.scoring import analyse_items, read_jsonl, rows_by_article
from transforms import lexicon

GOLD = Path(__file__).resolve().parent / "gold" / "numbers"
SETS = {"timebank": "timebank.jsonl", "polnear-train": "polnear-train.jsonl"}
DEV, CHECK, ALL = "dev", "check", "all"
RATIOS = frozenset({"percent", "percentage_point", "point", "times"})
FIELDS = ("subject", "subject_agrees", "period", "measure", "qualifier", "direction")
# Unit symbols of physical measures (those the rules write, and a few the gold set uses): anything
# else that is not money, a share or a multiplier is a counted noun.
PHYSICAL = frozenset(
    p["unit"].casefold() for p in lexicon.load("units")["patterns"] if p["unit"] not in RATIOS
) | frozenset({"l", "lb", "hp", "magnitude", "sq mi"})
# quantulum3's unit names, as this project writes them (money in ISO codes, cents in dollars).
QUANTULUM_UNITS = {
    "dollar": ("USD", 1.0),
    "cent": ("USD", 0.01),
    "pound sterling": ("GBP", 1.0),
    "euro": ("EUR", 1.0),
    "yen": ("JPY", 1.0),
    "canadian dollar": ("CAD", 1.0),
    "deutsche mark": ("DEM", 1.0),
    "percentage": ("percent", 1.0),
    "percentage point": ("percentage_point", 1.0),
    "mile": ("mi", 1.0),
    "foot": ("ft", 1.0),
    "metre": ("m", 1.0),
    "kilometre": ("km", 1.0),
    "tonne": ("t", 1.0),
    "short ton": ("t", 1.0),
    "acre": ("acre", 1.0),
    "horsepower": ("hp", 1.0),
    "barrel": ("bbl", 1.0),
}


class Item(NamedTuple):
    start: int
    end: int
    value: float
    unit: str | None
    fields: dict[str, Any]


def unit_class(unit: str | None) -> str:
    """money, percent, percentage_point, point, times, physical or count."""
    if not unit:
        return "count"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if unit in RATIOS:
        return unit
    return "physical" if unit.casefold() in PHYSICAL else "count"


def same_unit(predicted: str | None, gold: str | None) -> bool:
    cls = unit_class(gold)
    if cls == "count":
        return unit_class(predicted) == "count"
    return (predicted or "").casefold() == (gold or "").casefold()


def same_number(predicted: float, gold: float) -> bool:
    return abs(predicted - gold) <= max(1e-9, 0.005 * abs(gold))


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    overlapping: int = 0  # gold items some row overlaps
    right: int = 0  # gold items matched with the same value and unit
    by_class: Counter[str] = field(default_factory=Counter)  # gold per unit class
    right_by_class: Counter[str] = field(default_factory=Counter)
    fields_right: Counter[str] = field(default_factory=Counter)
    fields_scored: Counter[str] = field(default_factory=Counter)  # right matches with that field

    def __iadd__(self, other: Score) -> Score:
        self.gold += other.gold
        self.predicted += other.predicted
        self.overlapping += other.overlapping
        self.right += other.right
        self.by_class += other.by_class
        self.right_by_class += other.right_by_class
        self.fields_right += other.fields_right
        self.fields_scored += other.fields_scored
        return self

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "overlapping": self.overlapping,
            "right": self.right,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "recall_by_class": {
                c: self.right_by_class[c] / n for c, n in sorted(self.by_class.items())
            },
            "field_accuracy": {
                f: self.fields_right[f] / self.fields_scored[f]
                for f in FIELDS
                if self.fields_scored[f]
            },
        }


def _overlap(a: Item, b: Item) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def subject_agrees(predicted: str | None, gold: str | None) -> bool:
    """Looser than the gold set's rule, for the long subjects of the real-news gold ("Travelers
    third-quarter net income a year earlier"): the prediction shares a content word with the gold
    subject and every one of its content words is there ("net income")."""
    want, got = content_words(gold), content_words(predicted)
    return bool(got) and got <= want


def _field_right(name: str, row: dict[str, Any], gold: dict[str, Any]) -> bool:
    if name == "subject":
        return subject_matches(row.get("subject"), gold.get("subject"))
    if name == "subject_agrees":
        return subject_agrees(row.get("subject"), gold.get("subject"))
    if name == "period":
        return same_period(row, gold.get("period"))
    return bool(_none(row.get(name)) == _none(gold.get(name)))


def _shown(name: str, row: dict[str, Any]) -> Any:
    return row.get({"period": "period_label", "subject_agrees": "subject"}.get(name, name))


def score_document(
    gold: list[Item],
    predicted: list[Item],
    errors: list[str] | None = None,
    body: str = "",
) -> Score:
    """Each gold item takes the unused predicted row overlapping it the most."""
    score = Score(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    for g in gold:
        cls = unit_class(g.unit)
        score.by_class[cls] += 1
        candidates = [(i, _overlap(g, p)) for i, p in enumerate(predicted) if i not in used]
        candidates = [(i, o) for i, o in candidates if o > 0]
        if not candidates:
            if errors is not None:
                errors.append(f"missed {body[g.start : g.end]!r} = {g.value:g} {g.unit}")
            continue
        score.overlapping += 1
        right = [i for i, _ in candidates if _right(predicted[i], g)]
        best = right[0] if right else max(candidates, key=lambda c: c[1])[0]
        used.add(best)
        p = predicted[best]
        if not right:
            if errors is not None:
                errors.append(
                    f"wrong {body[g.start : g.end]!r}: {p.value:g} {p.unit}, "
                    f"gold {g.value:g} {g.unit}"
                )
            continue
        score.right += 1
        score.right_by_class[cls] += 1
        for name in FIELDS:
            if name == "period" and g.fields.get("period") is None:
                continue  # the text names no period (or none TIMEX3 can write): not scored
            score.fields_scored[name] += 1
            if not p.fields or _field_right(name, p.fields, g.fields):
                score.fields_right[name] += 1
            elif errors is not None:
                errors.append(
                    f"{name} of {body[g.start : g.end]!r}: {_shown(name, p.fields)!r}, "
                    f"gold {g.fields.get(name)!r}"
                )
    if errors is not None:
        for i, p in enumerate(predicted):
            if i not in used and not any(_overlap(g, p) > 0 for g in gold):
                errors.append(f"extra {body[p.start : p.end]!r} = {p.value:g} {p.unit}")
    return score


def _right(p: Item, g: Item) -> bool:
    return same_number(p.value, g.value) and same_unit(p.unit, g.unit)


def quantulum_items(body: str) -> list[Item]:
    """The baseline: every quantity ``quantulum3`` finds, in this project's units."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        found = parser.parse(body)
    items = []
    for q in found:
        name = q.unit.name
        unit, factor = QUANTULUM_UNITS.get(name, (None if name == "dimensionless" else name, 1.0))
        items.append(Item(q.span[0], q.span[1], float(q.value) * factor, unit, {}))
    return items


@dataclass
class NumbersResult:
    ours: dict[str, Score] = field(default_factory=dict)
    baseline: dict[str, Score] = field(default_factory=dict)
    docs: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    failures: int = 0
    dev_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "seconds": self.seconds,
            "failures": self.failures,
            "ours": {k: v.as_dict() for k, v in self.ours.items()},
            "baseline": {k: v.as_dict() for k, v in self.baseline.items()},
        }


def present(folder: Path) -> bool:
    return (GOLD / "items.jsonl").exists() and all((folder / f).exists() for f in SETS.values())


def _gold_items(rows: Iterable[dict[str, Any]]) -> dict[str, list[Item]]:
    items: dict[str, list[Item]] = {}
    for r in rows:
        fields = {k: r[k] for k in ("subject", "period", "measure", "qualifier", "direction")}
        items.setdefault(r["doc"], []).append(
            Item(r["start"], r["end"], float(r["value"]), r["unit"], fields)
        )
    return items


def score_numbers(folder: Path, nlp: Language) -> NumbersResult:
    """Our metric rows and quantulum3's quantities against the numbers gold set."""
    started = time.perf_counter()
    result = NumbersResult()
    documents = read_jsonl(GOLD / "documents.jsonl")
    gold = _gold_items(read_jsonl(GOLD / "items.jsonl"))
    split = {d["id"]: d["split"] for d in documents}
    for part in (DEV, CHECK, ALL):
        result.ours[part], result.baseline[part] = Score(), Score()
        result.docs[part] = 0
    for name, filename in SETS.items():
        wanted = {d["id"] for d in documents if d["set"] == name}
        items = [i for i in read_jsonl(folder / filename) if i["id"] in wanted]
        if len(items) != len(wanted):
            missing = sorted(wanted - {i["id"] for i in items})
            raise SystemExit(f"{filename} lacks gold documents: {', '.join(missing[:5])}")
        _, frames, ids = analyse_items(items, nlp, name)
        result.failures += len(frames["analysis_failures"])
        metrics = rows_by_article(frames["metrics"])
        for item, article_id in zip(items, ids, strict=True):
            ours = [
                Item(m["start_char"], m["end_char"], float(m["value"]), m["unit"], m)
                for m in metrics[article_id]
                if m["value"] == m["value"]  # not NaN
            ]
            part = split[item["id"]]
            errors = result.dev_errors if part == DEV else None
            before = len(result.dev_errors)
            score = score_document(gold.get(item["id"], []), ours, errors, item["body"])
            if errors is not None:
                result.dev_errors[before:] = [f"{item['id']}: {e}" for e in errors[before:]]
            base = score_document(gold.get(item["id"], []), quantulum_items(item["body"]))
            for p in (part, ALL):
                result.docs[p] += 1
                result.ours[p] += score
                result.baseline[p] += base
    result.seconds = time.perf_counter() - started
    return result


CLASSES = ("money", "percent", "percentage_point", "point", "times", "count", "physical")


def render(result: NumbersResult) -> str:
    parts = (DEV, CHECK, ALL)
    head = " | ".join(f"{p} | quantulum3" for p in parts)
    lines = [
        f"| numbers gold (`bench/gold/numbers/`) | {head} |",
        "| --- |" + " ---: | ---: |" * len(parts),
    ]
    ours, base = result.ours, result.baseline

    def row(label: str, cells: Iterable[tuple[str, str]]) -> None:
        lines.append(f"| {label} | " + " | ".join(f"{a} | {b}" for a, b in cells) + " |")

    row("documents", ((str(result.docs[p]), "") for p in parts))
    row(
        "numeric facts: gold / found",
        ((f"{ours[p].gold} / {ours[p].predicted}", str(base[p].predicted)) for p in parts),
    )
    row(
        "value + unit P / R / F1",
        (
            (
                f"{ours[p].precision:.2f} / {ours[p].recall:.2f} / {ours[p].f1:.2f}",
                f"{base[p].precision:.2f} / {base[p].recall:.2f} / {base[p].f1:.2f}",
            )
            for p in parts
        ),
    )
    row(
        "span found (any value)",
        (
            (
                f"{_share(ours[p].overlapping, ours[p].gold)}",
                f"{_share(base[p].overlapping, base[p].gold)}",
            )
            for p in parts
        ),
    )
    for cls in CLASSES:
        if not ours[ALL].by_class[cls]:
            continue
        row(
            f"recall, {cls.replace('_', ' ')} (n = {ours[ALL].by_class[cls]})",
            (
                (
                    _share(ours[p].right_by_class[cls], ours[p].by_class[cls]),
                    _share(base[p].right_by_class[cls], base[p].by_class[cls]),
                )
                for p in parts
            ),
        )
    labels = {"subject": "subject (gold-set rule)", "subject_agrees": "subject (agrees)"}
    for name in FIELDS:
        row(
            f"{labels.get(name, name)}, of right values (n = {ours[ALL].fields_scored[name]})",
            ((_share(ours[p].fields_right[name], ours[p].fields_scored[name]), "") for p in parts),
        )
    return "\n".join(lines)


def _share(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def write_json(result: NumbersResult, path: Path) -> None:
    path.write_text(json.dumps(result.as_dict(), indent=2), encoding="utf-8")
