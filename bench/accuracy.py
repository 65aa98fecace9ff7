"""Score the transforms against the hand-annotated gold set (bench/gold/articles/*.json) and,
when they are there, the public development sets (../shared/devsets/, see bench/devsets.py,
bench/attributions.py and bench/numbers.py).

    .venv/bin/python -m bench.accuracy [--write-readme] [--json out.json] [--show-errors N]
                                       [--devsets PATH | --no-devsets] [--polnear-train]

Prints precision, recall and F1 per table and accuracy per field, then the development-set
figures beside their baselines, and with --write-readme puts both into README.md between the
accuracy markers. The gold matching rules are in bench/gold/README.md ("Scoring").
--show-errors lists the gold set's errors, and of the development sets only the time-expression
errors of timebank's TimeBank part (and, with --polnear-train, of polnear-train.jsonl's
attributions): its AQUAINT part and polnear-dev are scored, never read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench import devsets, numbers
from bench.matching import _WORD, _none, same_period, same_value, subject_matches
from transforms.articles import build_article
from transforms.model import Document
from transforms.pipeline import analyse, load_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "articles"
README = ROOT / "README.md"
START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"
# Inside the markers, the development-set half starts here: a run without the sets keeps it.
DEVSETS_MARK = "<!-- accuracy:devsets -->"
DEVSETS = ROOT.parent / "shared" / "devsets"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Report:
    tables: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    fields: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _fold(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-6, 0.005 * abs(b))


def score_article(gold: dict[str, Any], frames: dict[str, Any], report: Report) -> None:
    gid = gold["id"]
    body = gold["body"]
    score_entities(gid, gold, frames, report)
    score_times(gid, body, gold, frames, report)
    score_metrics(gid, gold, frames, report)
    score_quotes(gid, gold, frames, report)
    score_events(gid, body, gold, frames, report)


def score_entities(gid: str, gold: dict[str, Any], frames: dict[str, Any], report: Report) -> None:
    entities = frames["entities"]
    mentions = frames["mentions"]
    used = set(mentions["entity_id"]) if not mentions.empty else set()
    rows = [row for row in entities.to_dict(orient="records") if row["entity_id"] in used]
    predicted = [(row["name"], row["entity_type"], row["aliases"]) for row in rows]
    gold_items = gold.get("entities", [])
    matched_pred: set[int] = set()
    for item in gold_items:
        names = {_fold(item["name"]), *(_fold(a) for a in item.get("aliases", []))}
        hit = next(
            (
                i
                for i, (name, _, aliases) in enumerate(predicted)
                if i not in matched_pred and ({_fold(name), *(_fold(a) for a in aliases)} & names)
            ),
            None,
        )
        if hit is None:
            report.tables["entities"].fn += 1
            report.errors["entities"].append(f"{gid}: missed {item['type']} {item['name']!r}")
            continue
        matched_pred.add(hit)
        report.tables["entities"].tp += 1
        ok = predicted[hit][1] == item["type"]
        report.fields["entities.type"].add(ok)
        report.fields["entities.name (fullest form)"].add(
            _fold(predicted[hit][0]) == _fold(item["name"])
        )
        if not ok:
            report.errors["entities.type"].append(
                f"{gid}: {item['name']!r} is {item['type']}, predicted {predicted[hit][1]}"
            )
        if item["type"] == "PERSON":
            score_person(gid, item, rows[hit], gold_items, report)
    for i, (name, kind, _) in enumerate(predicted):
        if i not in matched_pred:
            report.tables["entities"].fp += 1
            report.errors["entities"].append(f"{gid}: spurious {kind} {name!r}")


def _variants(value: str | list[str] | None) -> set[str]:
    """A gold field is one string or a list of acceptable ones."""
    if value is None:
        return set()
    return {_fold(v) for v in ([value] if isinstance(value, str) else value)}


def score_person(
    gid: str,
    item: dict[str, Any],
    row: dict[str, Any],
    gold_items: list[dict[str, Any]],
    report: Report,
) -> None:
    """Title and affiliation of a matched gold person that has them.

    The affiliation may be given by any name of the gold entity it names (its fullest form is
    scored by entities.name).
    """
    if item.get("title"):
        got = _none(row.get("title"))
        ok = _fold(got) in _variants(item["title"])
        report.fields["entities.person_title"].add(ok)
        if not ok:
            report.errors["entities.person_title"].append(
                f"{gid}: {item['name']!r} is {item['title']!r}, predicted {got!r}"
            )
    if item.get("affiliation"):
        wanted = _variants(item["affiliation"])
        for other in gold_items:
            if _fold(other["name"]) in wanted:
                wanted |= {_fold(a) for a in other.get("aliases", [])}
        got = _none(row.get("affiliation"))
        ok = _fold(got) in wanted
        report.fields["entities.person_affiliation"].add(ok)
        if not ok:
            report.errors["entities.person_affiliation"].append(
                f"{gid}: {item['name']!r} is of {item['affiliation']!r}, predicted {got!r}"
            )


def _occurrences(body: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(text)) for m in re.finditer(re.escape(text), body)]


def score_times(
    gid: str, body: str, gold: dict[str, Any], frames: dict[str, Any], report: Report
) -> None:
    predicted = frames["time_expressions"].to_dict(orient="records")
    # Gold lists each (text, value) at least once; every occurrence in the body counts as gold.
    wanted: dict[tuple[int, int], Any] = {}
    # Longest texts first: "August" inside an annotated "August 2025" is not a target of its own.
    for item in sorted(gold.get("time_expressions", []), key=lambda i: -len(i["text"])):
        for start, end in _occurrences(body, item["text"]):
            if not any(s <= start and end <= e for s, e in wanted):
                wanted.setdefault((start, end), item["value"])
    used: set[int] = set()
    for (start, end), value in wanted.items():
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and p["start_char"] < end and start < p["end_char"]
            ),
            None,
        )
        if hit is None:
            report.tables["time_expressions"].fn += 1
            report.fields["time_expressions.value"].add(False)
            report.errors["time_expressions"].append(f"{gid}: missed {body[start:end]!r}")
            continue
        used.add(hit)
        report.tables["time_expressions"].tp += 1
        got = predicted[hit]["value"]
        ok = same_value(got, value)
        report.fields["time_expressions.value"].add(ok)
        if not ok:
            report.errors["time_expressions.value"].append(
                f"{gid}: {body[start:end]!r} is {value}, predicted {got}"
            )
    for i, p in enumerate(predicted):
        if i not in used:
            report.tables["time_expressions"].fp += 1
            report.errors["time_expressions"].append(f"{gid}: spurious {p['text']!r}")


def score_metrics(gid: str, gold: dict[str, Any], frames: dict[str, Any], report: Report) -> None:
    predicted = frames["metrics"].to_dict(orient="records")
    used: set[int] = set()
    for item in gold.get("metrics", []):
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used
                and p["unit"] == item["unit"]
                and _close(float(p["value"]), float(item["value"]))
            ),
            None,
        )
        if hit is None:
            report.tables["metrics (value+unit)"].fn += 1
            report.errors["metrics"].append(
                f"{gid}: missed {item['value']} {item['unit']} in {item['text']!r}"
            )
            for name in ("subject", "period", "qualifier", "measure", "direction"):
                report.fields[f"metrics.{name}"].add(False)
            continue
        used.add(hit)
        p = predicted[hit]
        report.tables["metrics (value+unit)"].tp += 1
        checks = {
            "subject": subject_matches(p["subject"], item.get("subject")),
            "period": same_period(p, item.get("period_label")),
            "qualifier": p["qualifier"] == item.get("qualifier", "exact"),
            "measure": p["measure"] == item.get("measure", "level"),
            "direction": _none(p["direction"]) == _none(item.get("direction")),
        }
        for name, ok in checks.items():
            report.fields[f"metrics.{name}"].add(ok)
            if not ok:
                report.errors[f"metrics.{name}"].append(
                    f"{gid}: {item['text']!r}: want {_gold_field(item, name)!r}, "
                    f"got {_pred_field(p, name)!r}"
                )
    for i, p in enumerate(predicted):
        if i not in used:
            report.tables["metrics (value+unit)"].fp += 1
            report.errors["metrics"].append(
                f"{gid}: spurious {p['value']} {p['unit']} in {p['text']!r}"
            )


def _gold_field(item: dict[str, Any], name: str) -> Any:
    return item.get("period_label") if name == "period" else item.get(name)


def _pred_field(p: dict[str, Any], name: str) -> Any:
    return p.get("period_label") if name == "period" else p.get(name)


def score_quotes(gid: str, gold: dict[str, Any], frames: dict[str, Any], report: Report) -> None:
    # The gold set lists the quotes in quotation marks; indirect speech is scored on the devsets.
    predicted = [q for q in frames["quotes"].to_dict(orient="records") if q["kind"] != "indirect"]
    used: set[int] = set()
    for item in gold.get("quotes", []):
        start = _fold(item["starts_with"])
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and _fold(p["text"]).startswith(start[:40])
            ),
            None,
        )
        if hit is None:
            report.tables["quotes"].fn += 1
            report.fields["quotes.speaker"].add(False)
            report.errors["quotes"].append(f"{gid}: missed quote {item['starts_with']!r}")
            continue
        used.add(hit)
        report.tables["quotes"].tp += 1
        got = _none(predicted[hit]["speaker_name"])
        ok = bool(got) and (
            _fold(got) == _fold(item["speaker"])
            or _fold(got).split()[-1:] == _fold(item["speaker"]).split()[-1:]
        )
        report.fields["quotes.speaker"].add(ok)
        if not ok:
            report.errors["quotes.speaker"].append(
                f"{gid}: {item['starts_with']!r} by {item['speaker']!r}, predicted {got!r}"
            )
    for i, p in enumerate(predicted):
        if i not in used:
            report.tables["quotes"].fp += 1
            report.errors["quotes"].append(f"{gid}: spurious quote {p['text'][:50]!r}")


def score_events(
    gid: str, body: str, gold: dict[str, Any], frames: dict[str, Any], report: Report
) -> None:
    predicted = frames["events"].to_dict(orient="records")
    used: set[int] = set()
    for item in gold.get("events", []):
        spans = _occurrences(body, item.get("trigger") or "\0")
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and any(p["start_char"] <= s < p["end_char"] for s, _ in spans)
            ),
            None,
        )
        if hit is None:
            report.tables["events"].fn += 1
            report.fields["events.type"].add(False)
            report.errors["events"].append(
                f"{gid}: missed {item['type']} ({item.get('trigger')!r})"
            )
            continue
        used.add(hit)
        report.tables["events"].tp += 1
        ok = predicted[hit]["event_type"] == item["type"]
        report.fields["events.type"].add(ok)
        if not ok:
            report.errors["events.type"].append(
                f"{gid}: {item.get('trigger')!r} is {item['type']}, "
                f"predicted {predicted[hit]['event_type']}"
            )
        if item.get("date_start") and len(item["date_start"]) == 10:
            got = predicted[hit]["date_start"]
            report.fields["events.date_start"].add(str(got)[:10] == item["date_start"])
    for i, _ in enumerate(predicted):
        if i not in used:
            report.tables["events"].fp += 1


def run(show_errors: int = 0) -> tuple[Report, dict[str, float]]:
    nlp = load_nlp()
    started = time.perf_counter()
    files = sorted(GOLD.glob("*.json"))
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    report = Report()
    words = 0
    for gold in golds:
        doc = Document(id=gold["id"], body=gold["body"], published=gold["published"])
        article = build_article(doc, "gold", date.fromisoformat(gold["published"]))
        # The gold body is what the warehouse stores; keep offsets aligned with it.
        article.body_text = gold["body"]
        words += len(gold["body"].split())
        frames = analyse([article], nlp, "gold")
        score_article(gold, frames, report)
    elapsed = time.perf_counter() - started
    if show_errors:
        for name, items in sorted(report.errors.items()):
            print(f"\n## {name} ({len(items)})")
            for line in items[:show_errors]:
                print("  ", line)
    return report, {"articles": len(golds), "seconds": elapsed, "words": words}


def render(report: Report, meta: dict[str, float]) -> str:
    lines = [
        f"Gold set: {int(meta['articles'])} articles, {int(meta['words'])} words "
        f"(`bench/accuracy.py`, {date.today().isoformat()}).",
        "",
        "| table | precision | recall | F1 |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, s in sorted(report.tables.items()):
        lines.append(f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |")
    lines += ["", "| field | accuracy | n |", "| --- | ---: | ---: |"]
    for name, a in sorted(report.fields.items()):
        lines.append(f"| {name} | {a.value:.2f} | {a.total} |")
    return "\n".join(lines)


def render_devsets(
    result: devsets.DevsetResult, folder: Path, counted: numbers.NumbersResult | None = None
) -> str:
    lines = [
        f"Development sets: `{os.path.relpath(folder, ROOT)}/` "
        f"(`bench/devsets.py`, `bench/numbers.py`, {date.today().isoformat()}); each baseline "
        "is computed in the same run.",
        "",
        devsets.render(result),
    ]
    if counted:
        lines += ["", numbers.render(counted)]
    return "\n".join(lines)


def render_time(
    meta: dict[str, float],
    result: devsets.DevsetResult | None,
    counted: numbers.NumbersResult | None = None,
) -> str:
    parts = [f"gold set {meta['seconds']:.0f} s"]
    if result:
        parts += [f"{name} {seconds:.0f} s" for name, seconds in result.seconds.items()]
    if counted:
        parts.append(f"numbers gold {counted.seconds:.0f} s")
    return f"Run time: {', '.join(parts)} (2 shared cores)."


def write_readme(gold: str, devset_part: str | None) -> None:
    """Both halves between the accuracy markers; without a new development-set half, the one
    already in the README stays."""
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} … {END} markers")
    head, rest = text.split(START, 1)
    old, tail = rest.split(END, 1)
    if devset_part is None and DEVSETS_MARK in old:
        devset_part = old.split(DEVSETS_MARK, 1)[1].strip()
    body = gold if devset_part is None else f"{gold}\n\n{DEVSETS_MARK}\n{devset_part}"
    README.write_text(f"{head}{START}\n{body}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    parser.add_argument(
        "--devsets", type=Path, default=DEVSETS, metavar="PATH", help=f"default {DEVSETS}"
    )
    parser.add_argument("--no-devsets", action="store_true", help="score the gold set only")
    parser.add_argument(
        "--polnear-train",
        action="store_true",
        help="also score polnear-train.jsonl (development: --show-errors lists its errors)",
    )
    args = parser.parse_args()
    report, meta = run(args.show_errors)
    table = render(report, meta)
    print(table)
    result: devsets.DevsetResult | None = None
    counted: numbers.NumbersResult | None = None
    devset_part: str | None = None
    if not args.no_devsets:
        if devsets.present(args.devsets):
            nlp = load_nlp()
            result = devsets.score_devsets(args.devsets, nlp, train=args.polnear_train)
            if numbers.present(args.devsets):
                counted = numbers.score_numbers(args.devsets, nlp)
            devset_part = render_devsets(result, args.devsets, counted)
            if args.show_errors and result.dev_errors:
                print(f"\n## timebank TimeBank (dev) time expressions ({len(result.dev_errors)})")
                for line in result.dev_errors[: args.show_errors]:
                    print("  ", line)
            if args.show_errors and result.train_errors:
                print(f"\n## polnear-train attributions ({len(result.train_errors)})")
                for line in result.train_errors[: args.show_errors]:
                    print("  ", line)
            if args.show_errors and counted and counted.dev_errors:
                print(f"\n## numbers gold, dev half ({len(counted.dev_errors)})")
                for line in counted.dev_errors[: args.show_errors]:
                    print("  ", line)
            print()
            print(devset_part)
        else:
            print(f"\nNo development sets at {args.devsets}: scored the gold set only.")
    timing = render_time(meta, result, counted)
    print()
    print(timing)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "meta": meta,
                    "tables": {k: vars(v) | {"f1": v.f1} for k, v in report.tables.items()},
                    "fields": {k: vars(v) | {"value": v.value} for k, v in report.fields.items()},
                    "devsets": result.as_dict() if result else None,
                    "numbers": counted.as_dict() if counted else None,
                },
                indent=2,
            )
        )
    if args.write_readme:
        write_readme(table, f"{devset_part}\n\n{timing}" if devset_part else None)


if __name__ == "__main__":
    main()
