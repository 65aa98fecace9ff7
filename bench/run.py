"""End-to-end benchmark: a synthetic corpus served over local HTTP, ingested by the real CLI.

    .venv/bin/python -m bench.run [--articles 2000] [--out bench/results/run.json]
    .venv/bin/python -m bench.run --memory 2000 10000      # peak RSS at each size
    .venv/bin/python -m bench.run --articles 100 --host-interval 0   # see bench/README.md

One run measures, on a corpus from bench/corpus/ served by `http.server` on 127.0.0.1:

- a cold `wirehouse run --config <generated toml> --db <new file> --allow-private-hosts`, with
  the feeds as sources, in a child process: wall time, articles/s, peak RSS, HTTP requests, and
  the time of each stage inside that same run (fetch, parse, dedupe, NLP, rules, validate,
  load, run bookkeeping) with Prefect's overhead as the flow's wall time minus the stages;
- an incremental re-run over the unchanged sources: seconds and requests (no page again);
- the baseline on the same pages: bare `trafilatura.bare_extraction` and bare spaCy `nlp()`
  with the same model, serially, in one process;
- the bundled sample run (what `make run` runs once installed).

The stage timings come from wrapping, in the child only, the functions the flow calls (the task
bodies, `nlp.pipe`, `warehouse.db.load_batch`...); nothing in the pipeline is changed, except
with `--host-interval` when the pipeline has no setting for it (the result says so).

The parts are in bench/runs/ (see its __init__.py): this module is the command.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import DEFAULT_SEED, PER_FEED
from bench.runs.baseline import child_baseline
from bench.runs.benchmark import benchmark
from bench.runs.children import RESULTS
from bench.runs.instrument import child_pipeline
from bench.runs.machine import machine
from bench.runs.report import show

__all__ = ["machine", "main"]  # `machine` is also what bench/query.py and bench/transform.py print


def main(argv: Sequence[str] | None = None) -> int:
    """The benchmark, or one of its child processes (`_pipeline`, `_baseline`); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_pipeline"]:
        return _pipeline_main(argv[1:])
    if argv[:1] == ["_baseline"]:
        return child_baseline(Path(argv[1]), Path(argv[2]))
    parser = argparse.ArgumentParser(
        description="Wirehouse end-to-end benchmark (see bench/README.md)."
    )
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (2000)")
    parser.add_argument("--out", type=Path, default=RESULTS / "run.json", help="JSON results")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-feed", type=int, default=PER_FEED, help="items per feed (50)")
    parser.add_argument(
        "--memory",
        type=int,
        nargs="+",
        metavar="N",
        help="instead: cold runs at these sizes (e.g. 2000 10000), peak RSS of each",
    )
    parser.add_argument(
        "--host-interval",
        type=float,
        metavar="SECONDS",
        help="seconds between requests to one host (default 0 via the config, if supported)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    parser.add_argument("--no-sample", action="store_true", help="skip the sample-corpus run")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    if args.articles < 1 or (args.memory and min(args.memory) < 1):
        parser.error("sizes must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="wirehouse-bench-"))
    try:
        report = benchmark(args, work)
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    show(report)
    print(f"results: {args.out}")
    return 0


def _pipeline_main(argv: list[str]) -> int:
    """`_pipeline TIMINGS [--patch-interval SECONDS] [--] CLI ARGS...`: the instrumented CLI."""
    timings = Path(argv[0])
    rest = argv[1:]
    patch = None
    if rest[:1] == ["--patch-interval"]:
        patch = float(rest[1])
        rest = rest[2:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    code = child_pipeline(timings, rest, patch)
    from flows.cli import exit_quickly

    exit_quickly(code)  # as the `wirehouse` command ends, so "after the flow" is what users wait


if __name__ == "__main__":
    raise SystemExit(main())
