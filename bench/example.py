"""Check the worked example: the contract's scraped wire story and the rows it must give.

    .venv/bin/python -m bench.example [--examples ../shared/examples]

Ingests `nev-congress.txt` with the real `wirehouse ingest` into a new warehouse and checks every
fact `nev-congress.expected.json` lists: the article's fields, each entity (type, aliases,
country, a person's title and affiliation), each time expression's value, each metric (value,
unit, qualifier, measure, direction, period), the quote and its speaker, the event types, and
what must not be there. Prints one line per fact and exits 1 when one is missing. The example
lives outside the repository (`../shared/examples/`); without it, this says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT.parent / "shared" / "examples"
NAME = "nev-congress"


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []
        self.passed = 0

    def check(self, ok: bool, what: str, got: Any = None) -> None:
        if ok:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed.append(what)
            print(f"  MISS  {what}" + (f" (got {got!r})" if got is not None else ""))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _close(a: Any, b: Any) -> bool:
    return a is not None and abs(float(a) - float(b)) <= 0.005 * abs(float(b))


def check_article(c: Checks, article: dict[str, Any], want: dict[str, Any]) -> None:
    for key in ("title", "author", "dateline", "wire_agency", "language"):
        c.check(article.get(key) == want[key], f"article.{key} = {want[key]!r}", article.get(key))
    c.check(
        str(article["published_date"]) == want["published_date"],
        f"article.published_date = {want['published_date']}",
        article["published_date"],
    )
    c.check(
        list(article["source_chain"] or []) == want["source_chain"],
        f"article.source_chain = {want['source_chain']}",
        article["source_chain"],
    )
    body = article["body_text"]
    c.check(body.startswith(want["body_must_start_with"]), "body starts with the dateline")
    for noise in want["body_must_not_contain"]:
        c.check(noise not in body, f"body has no {noise!r}")


def check_entities(
    c: Checks, entities: list[dict[str, Any]], expected: dict[str, Any], article: dict[str, Any]
) -> None:
    by_name = {e["name"]: e for e in entities}
    for want in expected["entities"]:
        if want.get("role_in_article") == "author":  # named in the byline, not in the body
            c.check(article["author"] == want["name"], f"author {want['name']} (byline)")
            continue
        got = by_name.get(want["name"])
        c.check(got is not None, f"entity {want['name']}")
        if got is None:
            continue
        c.check(got["entity_type"] == want["type"], f"  type {want['type']}", got["entity_type"])
        if "country" in want:
            c.check(got["country_code"] == want["country"], f"  country {want['country']}")
        for alias in want.get("aliases", []):
            if alias.isalpha() and alias.isupper():  # acronyms; other forms are the name
                c.check(alias in (got["aliases"] or []), f"  alias {alias}", got["aliases"])
        for key in ("title", "affiliation"):
            if key in want:
                c.check(got.get(key) == want[key], f"  {key} {want[key]!r}", got.get(key))
    for name in expected["not_entities"]:
        bare = name.split(" (")[0]
        c.check(bare not in by_name or " (" in name, f"no entity {name!r}")


def check_times(
    c: Checks, times: list[dict[str, Any]], expected: list[dict[str, Any]], article: dict[str, Any]
) -> None:
    found = {t["text"]: t["value"] for t in times}
    for want in expected:
        if want["text"] not in article["body_text"]:
            # In the page's chrome ("Published September 28, 2025"), which the body leaves out:
            # it is the article's publication date.
            got = str(article["published_date"])
            c.check(got == want["value"], f"time {want['text']!r} = {want['value']} (published)")
            continue
        got = found.get(want["text"], "absent")
        c.check(got == want["value"], f"time {want['text']!r} = {want['value']}", got)


def check_metrics(c: Checks, metrics: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    for want in expected:
        units = want.get("unit_any_of", [want["unit"]])
        got = next(
            (m for m in metrics if _close(m["value"], want["value"]) and m["unit"] in units), None
        )
        c.check(got is not None, f"metric {want['value']:g} {want['unit']} ({want['subject']})")
        if got is None:
            continue
        for key in ("qualifier", "measure", "direction", "period_label"):
            expected_value = want.get(key)
            c.check(got[key] == expected_value, f"  {key} {expected_value}", got[key])


def check_quotes(c: Checks, quotes: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    for want in expected:
        got = next((q for q in quotes if q["text"].startswith(want["starts_with"])), None)
        c.check(got is not None, f"quote starting {want['starts_with'][:30]!r}")
        if got is not None:
            c.check(got["speaker_name"] == want["speaker"], f"  speaker {want['speaker']}")
            c.check(got["verb"] == want["verb"], f"  verb {want['verb']}", got["verb"])


def check_events(c: Checks, events: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    types = {e["event_type"] for e in events}
    for want in expected:
        c.check(
            bool(types & set(want["type_any_of"])),
            f"event {'/'.join(want['type_any_of'])}: {want['summary'][:50]}",
            sorted(types),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    args = parser.parse_args()
    story, facts = args.examples / f"{NAME}.txt", args.examples / f"{NAME}.expected.json"
    if not story.exists() or not facts.exists():
        print(f"no worked example at {args.examples}: nothing checked")
        return 0
    expected = json.loads(facts.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="wirehouse-example-") as work:
        db = Path(work) / "w.duckdb"
        wirehouse = str(Path(sys.executable).parent / "wirehouse")
        done = subprocess.run(
            [wirehouse, "ingest", str(story), "--db", str(db)], capture_output=True, text=True
        )
        if done.returncode not in (0, 1):
            print(done.stdout + done.stderr)
            return 2
        with duckdb.connect(str(db), read_only=True) as con:
            (article,) = _rows(con, "select * from articles")
            entities = _rows(con, "select * from entities")
            times = _rows(con, "select * from time_expressions")
            metrics = _rows(con, "select * from metrics")
            quotes = _rows(con, "select * from quotes")
            events = _rows(con, "select * from events")
    c = Checks()
    check_article(c, article, expected["article"])
    check_entities(c, entities, expected, article)
    check_times(c, times, expected["time_expressions"], article)
    check_metrics(c, metrics, expected["metrics"])
    check_quotes(c, quotes, expected["quotes"])
    check_events(c, events, expected["events"])
    print(f"{c.passed} of {c.passed + len(c.failed)} facts right")
    return 1 if c.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
