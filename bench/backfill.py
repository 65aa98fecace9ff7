"""A backfill from a local archive folder: throughput, memory over the run, warehouse size and
the README's queries on the result.

    .venv/bin/python -m bench.backfill [--articles 100000] [--out bench/results/backfill.json]
                                       [--keep]

Writes `--articles` stories of the synthetic corpus (`bench.corpus`, the same seed) as archive
JSONL files of 1,000 records, runs `wirehouse run` on them with the default settings, and
samples the resident memory of its process tree (pipeline, transform workers, Prefect server)
every second. Reports articles per second, the memory timeline (the peak in each tenth of the
run) and whether it stays flat (the last tenth's peak within 15 % of the peak at the point
2,000 articles' worth of time had passed), the warehouse file's size per 1,000 articles, and
the latency of the README's ad-hoc queries on it (`bench.query`). Run it on a quiet machine: at
about ten articles a second on two cores, 100,000 articles take about three hours.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import DEFAULT_SEED, StoryMaker, archive_record
from bench.query import readme_queries, time_queries
from bench.runs.children import child_env, tree_rss_mb
from bench.runs.machine import machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PER_FILE = 1000
FLAT_WITHIN = 0.15


def write_archive(folder: Path, articles: int, seed: int) -> int:
    """The stories as JSONL files of PER_FILE records; returns the bytes written."""
    size = 0
    for first in range(0, articles, PER_FILE):
        maker = StoryMaker(seed)  # one per file: story i depends only on the seed and i
        path = folder / f"part-{first // PER_FILE:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for index in range(first, min(first + PER_FILE, articles)):
                record = archive_record(maker.story(index), "backfill")
                out.write(json.dumps(record) + "\n")
        size += path.stat().st_size
    return size


def run_sampled(args: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run the command, sampling its process tree's memory every second."""
    timeline: list[tuple[float, float]] = []
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        while process.poll() is None:
            timeline.append((time.perf_counter() - started, tree_rss_mb(process.pid)["tree"]))
            time.sleep(1.0)
        wall = time.perf_counter() - started
    return {"exit": process.returncode, "wall": wall, "timeline": timeline}


def memory_profile(
    timeline: list[tuple[float, float]], wall: float, articles: int
) -> dict[str, Any]:
    """The peak in each tenth of the run, and flatness from the 2,000-article mark to the end."""
    tenths = [0.0] * 10
    for at, mb in timeline:
        slot = min(int(10 * at / wall), 9) if wall else 0
        tenths[slot] = max(tenths[slot], mb)
    mark = wall * min(1.0, 2000 / articles)
    at_2000 = max((mb for at, mb in timeline if at <= mark), default=0.0)
    last = tenths[-1]
    return {
        "peak_mb": max(tenths),
        "peak_by_tenth_mb": [round(x) for x in tenths],
        "peak_by_2000_mb": at_2000,
        "last_tenth_mb": last,
        "flat": bool(at_2000) and abs(last - at_2000) <= FLAT_WITHIN * at_2000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=RESULTS / "backfill.json")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the best counts")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="wirehouse-backfill-"))
    archive, db = work / "archive", work / "w.duckdb"
    archive.mkdir()
    try:
        written = write_archive(archive, args.articles, args.seed)
        config = work / "wirehouse.toml"
        config.write_text(
            f'[[sources]]\nname = "archive"\nkind = "archive"\nlocation = "{archive}"\n',
            encoding="utf-8",
        )
        command = [str(Path(sys.executable).parent / "wirehouse"), "run", "--config", str(config)]
        run = run_sampled([*command, "--db", str(db)], child_env(), work / "run.log")
        if run["exit"] not in (0, 1):
            tail = (work / "run.log").read_text(errors="replace")[-3000:]
            raise SystemExit(f"bench: the run failed (exit {run['exit']}):\n{tail}")
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            loaded = con.execute("select count(*) from articles").fetchone()
        articles = int(loaded[0]) if loaded else 0
        queries = time_queries(db, readme_queries() or [], args.repeat)
        report = {
            "machine": machine(),
            "load_average_after": os.getloadavg(),
            "articles_written": args.articles,
            "archive_mb": written / 1e6,
            "articles_loaded": articles,
            "wall_seconds": run["wall"],
            "articles_per_second": articles / run["wall"] if run["wall"] else None,
            "memory": memory_profile(run["timeline"], run["wall"], args.articles),
            "warehouse_mb": db.stat().st_size / 1e6,
            "warehouse_mb_per_1000": db.stat().st_size / 1e6 / max(articles, 1) * 1000,
            "queries": queries,
            "slowest_query_seconds": max((q["best_seconds"] for q in queries), default=None),
        }
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    memory = report["memory"]
    print(
        f"{articles:,} articles in {run['wall']:.0f} s ({report['articles_per_second']:.1f}/s); "
        f"peak RSS {memory['peak_mb']:.0f} MB, by tenth {memory['peak_by_tenth_mb']}, "
        f"flat from 2,000: {memory['flat']}; warehouse {report['warehouse_mb']:.1f} MB "
        f"({report['warehouse_mb_per_1000']:.2f} MB per 1,000); slowest README query "
        f"{report['slowest_query_seconds']} s"
    )
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
