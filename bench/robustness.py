"""Robustness benchmark: the whole pipeline over real pages and real news text.

    .venv/bin/python -m bench.robustness [--devsets ../shared/devsets] [--out FILE] [--no-timing]

Reads the development sets beside the project (`../shared/devsets/`, see its README; nothing
from them is copied into the repository) and says so and stops when they are not there.

For each set — the 882 real web pages (`pages/`) and the text documents (`timebank.jsonl`,
`polnear-*.jsonl`) — it runs:

1. the real command, `wirehouse ingest <set> --db <new file>`, in a child process: exit status,
   wall time, documents in, articles out, rejected documents by reason, internal errors (a
   rejection whose code raised; must be 0), whether a traceback reached the terminal;
2. unless `--no-timing`, a per-document pass in this process through the same code the flow
   runs (parse the payload, clean it into an article, analyse it under the per-document guard),
   timing every document, to list the slowest ones and check none ran past the limit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from transforms.failures import LIMIT_CLASSES, DocumentTimeout

ROOT = Path(__file__).resolve().parent.parent
DEVSETS = ROOT.parent / "shared" / "devsets"
SLOWEST = 10


@dataclass(slots=True)
class SetReport:
    name: str
    documents: int = 0
    articles: int = 0
    duplicates: int = 0
    quarantined_articles: int = 0  # article rows an expectation sent to quarantine
    unchanged: int = 0  # the same article read twice (same URL or id), loaded once
    rejected: Counter[str] = field(default_factory=Counter)
    internal_errors: list[str] = field(default_factory=list)
    exit_code: int | None = None
    traceback_printed: bool = False
    seconds: float = 0.0
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # (s, stage, origin)
    over_limit: int = 0
    timed_documents: int = 0
    timed_seconds: float = 0.0

    @property
    def unaccounted(self) -> int:
        """Documents that became neither an article nor a rejection (must be 0)."""
        kept = self.articles + self.quarantined_articles + sum(self.rejected.values())
        kept += self.unchanged
        return self.documents - kept

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "documents_in": self.documents,
            "articles_out": self.articles,
            "duplicates": self.duplicates,
            "quarantined_articles": self.quarantined_articles,
            "unchanged": self.unchanged,
            "unaccounted": self.unaccounted,
            "rejected_by_reason": dict(self.rejected.most_common()),
            "internal_errors": self.internal_errors,
            "exit_code": self.exit_code,
            "traceback_printed": self.traceback_printed,
            "wall_seconds": round(self.seconds, 1),
            "documents_per_second": round(self.documents / self.seconds, 2) if self.seconds else 0,
            "timed_documents": self.timed_documents,
            "timed_seconds": round(self.timed_seconds, 1),
            "over_time_limit": self.over_limit,
            "slowest": [
                {"seconds": round(s, 2), "stage": stage, "document": origin}
                for s, stage, origin in self.slowest
            ],
        }


def reason_class(reason: str) -> str:
    """A rejection reason without its numbers and names, to count reasons by kind."""
    folded = re.sub(r"\d+", "N", reason)
    folded = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", folded)
    return folded[:120]


def run_command(name: str, targets: list[Path], workdir: Path) -> SetReport:
    """`wirehouse ingest` over the targets into a new warehouse; counts read back from it."""
    import duckdb

    report = SetReport(name)
    db = workdir / f"{name}.duckdb"
    command = [str(Path(sys.executable).parent / "wirehouse"), "ingest", *map(str, targets)]
    command += ["--db", str(db)]
    env = {**os.environ, "PREFECT_HOME": str(workdir / ".prefect")}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    report.seconds = time.perf_counter() - started
    report.exit_code = done.returncode
    report.traceback_printed = "Traceback" in done.stdout + done.stderr
    if not db.exists():
        report.internal_errors.append(f"no warehouse written: {done.stderr.strip()[-300:]}")
        return report
    with duckdb.connect(str(db), read_only=True) as con:
        articles, duplicates = con.execute(
            "select count(*), count(duplicate_of) from articles"
        ).fetchone() or (0, 0)
        report.articles, report.duplicates = int(articles), int(duplicates)
        quarantined = con.execute(
            "select count(distinct json_extract_string(row, '$.article_id')) from quarantine "
            "where table_name = 'articles'"
        ).fetchone()
        report.quarantined_articles = int(quarantined[0]) if quarantined else 0
        for reason, error_class, origin in con.execute(
            "select reason, error_class, origin from rejected_documents"
        ).fetchall():
            report.rejected[reason_class(reason)] += 1
            if error_class and error_class not in LIMIT_CLASSES:
                report.internal_errors.append(f"{origin}: {reason}")
    report.unchanged = sum(_counted(line, "unchanged") for line in done.stdout.splitlines())
    report.documents = sum(_counted(line, "fetched") for line in done.stdout.splitlines())
    return report


def _counted(line: str, word: str) -> int:
    found = re.search(rf"\b{word} (\d+)", line)
    return int(found.group(1)) if found and ": fetched" in line else 0


def time_documents(report: SetReport, targets: list[Path], limit: float) -> None:
    """Each document through parse, clean and analyse, in this process, timed one by one."""
    from flows.limits import document_guard
    from transforms.articles import Rejected, build_article
    from transforms.batch import FAILURES
    from transforms.documents import DocumentError, parse_payload
    from transforms.pipeline import analyse, load_nlp

    nlp = load_nlp()
    guard = document_guard(limit)
    times: list[tuple[float, str, str]] = []
    started_all = time.perf_counter()
    for path in _files(targets):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        name = str(path)[:-3] if path.suffix == ".gz" else str(path)
        started = time.perf_counter()
        try:
            parsed = parse_payload(data, name)
        except DocumentError:
            continue
        times.append((time.perf_counter() - started, "parse", path.name))
        for doc in parsed.documents:
            origin = doc.origin or path.name
            started = time.perf_counter()
            try:
                with guard(doc.body or doc.html or ""):
                    article = build_article(doc, "robustness", date.today())
            except Rejected:
                continue
            except (Exception, DocumentTimeout):  # counted; the pass goes on
                times.append((time.perf_counter() - started, "clean", origin))
                continue
            times.append((time.perf_counter() - started, "clean", origin))
            started = time.perf_counter()
            frames = analyse([article], nlp, "robustness", guard=guard)
            times.append((time.perf_counter() - started, "analyse", origin))
            report.timed_documents += 1
            if not frames[FAILURES].empty:
                times[-1] = (times[-1][0], f"analyse ({frames[FAILURES].iloc[0, 2]})", origin)
    report.timed_seconds = time.perf_counter() - started_all
    report.over_limit = sum(1 for seconds, _, _ in times if seconds > limit + 0.5)
    report.slowest = sorted(times, reverse=True)[:SLOWEST]


def _files(targets: list[Path]) -> list[Path]:
    suffixes = (".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".txt")
    out: list[Path] = []
    for target in targets:
        if target.is_file():
            out.append(target)
            continue
        for path in sorted(target.rglob("*")):
            name = path.name[:-3] if path.name.endswith(".gz") else path.name
            if path.is_file() and name.endswith(suffixes):
                out.append(path)
    return out


def markdown(reports: list[SetReport], limit: float) -> str:
    lines = [
        f"Per-document time limit: {limit:g} s.",
        "",
        "| set | documents | articles | quarantined | rejected | unaccounted | internal errors | "
        "exit | traceback | docs/s (whole run) | slowest document |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for r in reports:
        slowest = f"{r.slowest[0][0]:.1f} s ({r.slowest[0][1]})" if r.slowest else "—"
        rate = r.documents / r.seconds if r.seconds else 0
        lines.append(
            f"| {r.name} | {r.documents} | {r.articles} | {r.quarantined_articles} | "
            f"{sum(r.rejected.values())} | {r.unaccounted} | {len(r.internal_errors)} | "
            f"{r.exit_code} | {'yes' if r.traceback_printed else 'no'}"
            f" | {rate:.1f} | {slowest} |"
        )
    for r in reports:
        lines += ["", f"{r.name}, rejected by reason:"]
        lines += [f"- {count} × {reason}" for reason, count in r.rejected.most_common(8)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devsets", type=Path, default=DEVSETS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "robustness.json")
    parser.add_argument("--no-timing", action="store_true", help="skip the per-document pass")
    parser.add_argument("--only", choices=("pages", "text"), help="one set only")
    args = parser.parse_args(argv)
    if not (args.devsets / "pages").is_dir():
        print(f"bench.robustness: no development sets at {args.devsets}; nothing to measure")
        return 0
    from flows.config import Settings

    limit = Settings().max_document_seconds
    sets = {
        "pages": [args.devsets / "pages"],
        "text": sorted(args.devsets.glob("*.jsonl")),
    }
    if args.only:
        sets = {args.only: sets[args.only]}
    reports = []
    with tempfile.TemporaryDirectory(prefix="wirehouse-robustness-") as folder:
        for name, targets in sets.items():
            report = run_command(name, targets, Path(folder))
            if not args.no_timing:
                time_documents(report, targets, limit)
            reports.append(report)
            print(f"{name}: {json.dumps(report.as_dict()['rejected_by_reason'])[:200]}")
    text = markdown(reports, limit)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"limit_seconds": limit, "sets": [r.as_dict() for r in reports]}, indent=2)
    )
    print(f"written to {args.out}")
    failed = any(
        r.internal_errors or r.traceback_printed or r.over_limit or r.unaccounted for r in reports
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
