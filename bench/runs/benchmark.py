"""The benchmark: a corpus, the cold run, the incremental re-run, the baseline, the sample run
or the memory check, and each target with its measured value."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.runs.baseline import run_baseline
from bench.runs.machine import machine
from bench.runs.pipeline import (
    HOST_INTERVAL_SETTING,
    host_interval_plan,
    run_pipeline,
    run_sample,
    warehouse_counts,
    warm_up_prefect,
    write_config,
)
from bench.runs.server import CorpusServer


def make_corpus(work: Path, n: int, seed: int, per_feed: int) -> tuple[Path, dict[str, Any]]:
    """Write an `n`-article corpus under `work`; its folder and manifest, with seconds and bytes."""
    corpus = work / f"corpus-{n}"
    started = time.perf_counter()
    manifest = write_corpus(corpus, n, seed, per_feed)
    manifest["seconds"] = time.perf_counter() - started
    manifest["bytes"] = sum(p.stat().st_size for p in corpus.rglob("*.html"))
    return corpus, manifest


def cold_run(
    work: Path, n: int, args: argparse.Namespace, plan: dict[str, Any], label: str
) -> tuple[dict[str, Any], dict[str, Any], Path, CorpusServer, Path, Path]:
    """A corpus, its server and config, and one instrumented run into a new warehouse."""
    corpus, manifest = make_corpus(work, n, args.seed, args.per_feed)
    server = CorpusServer(corpus)
    config = work / f"{label}.toml"
    write_config(config, server.base_url, manifest["feeds"], plan["config"])
    db = work / f"{label}.duckdb"
    result = run_pipeline(work, label, config, db, plan, server)
    result["articles"] = n
    result["articles_per_second"] = n / result["wall_seconds"]
    result["warehouse"] = warehouse_counts(db)
    return result, manifest, corpus, server, config, db


def benchmark(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every run the options ask for, in `work`; the report."""
    plan = host_interval_plan(args.host_interval)
    report: dict[str, Any] = {
        "machine": machine(),
        "options": {
            "articles": args.articles,
            "seed": args.seed,
            "per_feed": args.per_feed,
            "host_interval": plan,
        },
        "notes": [],
    }
    _note_interval(report, plan, args.articles)
    corpus_probe, manifest_probe = make_corpus(work, 1, args.seed, args.per_feed)
    report["prefect_warm_up_seconds"] = warm_up_prefect(
        work, corpus_probe, manifest_probe["pages"][0]
    )
    if args.memory:
        report["memory"] = memory_check(args, work, plan)
    else:
        cold, manifest, corpus, server, config, db = cold_run(
            work, args.articles, args, plan, "cold"
        )
        report["corpus"] = {k: v for k, v in manifest.items() if k not in ("pages", "copies")}
        report["corpus"]["copies"] = len(manifest["copies"])
        report["cold"] = cold
        try:
            again = run_pipeline(work, "incremental", config, db, plan, server)
        finally:
            server.close()
        again["warehouse"] = warehouse_counts(db)
        again["pages_downloaded"] = again["requests"].get("page", 0)
        again["share_of_cold"] = again["wall_seconds"] / cold["wall_seconds"]
        report["incremental"] = again
        if not args.no_baseline:
            report["baseline"] = run_baseline(work, corpus, manifest["pages"])
        if not args.no_sample:
            report["sample_run"] = run_sample(work)
    report["machine"]["load_average_after"] = list(os.getloadavg())
    report["targets"] = targets(report)
    return report


def _note_interval(report: dict[str, Any], plan: dict[str, Any], n: int) -> None:
    seconds = plan["seconds"]
    if plan["how"].startswith("pipeline default") and seconds:
        report["notes"].append(
            f"The pipeline starts requests to one host at least {seconds:g} s apart and has no "
            f"setting to change it: all {n} pages come from one host, so fetching alone takes "
            f"at least {n * seconds:,.0f} s. Run with --host-interval 0 to see the other stages "
            "(bench/README.md, 'Politeness interval')."
        )
    elif plan["patch"] is not None:
        report["notes"].append(
            f"The per-host interval was patched to {seconds:g} s inside the child process "
            f"(Fetcher(min_host_interval=...)), because the pipeline has no "
            f"[settings] {HOST_INTERVAL_SETTING}: not the pipeline as shipped."
        )
    elif seconds:
        report["notes"].append(
            f"All {n} pages come from one host spaced {seconds:g} s apart: fetching alone takes "
            f"at least {n * seconds:,.0f} s."
        )


def memory_check(args: argparse.Namespace, work: Path, plan: dict[str, Any]) -> dict[str, Any]:
    """A cold run at each size; is peak RSS flat as the corpus grows?"""
    runs = {}
    for n in args.memory:
        result, _, _, server, _, _ = cold_run(work, n, args, plan, f"memory-{n}")
        server.close()
        runs[str(n)] = {
            "wall_seconds": result["wall_seconds"],
            "articles_per_second": result["articles_per_second"],
            "peak_rss_mb": result["peak_rss_mb"],
            "peak_pipeline_rss_mb": result["peak_pipeline_rss_mb"],
            "peak_tree_rss_mb": result["peak_tree_rss_mb"],
            "exit_code": result["exit_code"],
            "articles_loaded": result["warehouse"]["articles"],
        }
    peaks = [r["peak_pipeline_rss_mb"] for r in runs.values()]
    return {
        "runs": runs,
        # how far the larger runs' peaks stray from the smallest run's, either way
        "growth": max(abs(p - peaks[0]) for p in peaks) / peaks[0] if peaks[0] else None,
    }


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of bench/README.md with the measured value."""
    out: list[dict[str, Any]] = []

    def check(name: str, value: float | None, limit: float, higher_is_better: bool) -> None:
        ok = None if value is None else (value >= limit if higher_is_better else value <= limit)
        sign = ">=" if higher_is_better else "<="
        out.append({"target": name, "value": value, "limit": f"{sign} {limit:g}", "ok": ok})

    cold, base = report.get("cold"), report.get("baseline")
    if cold:
        wall = cold["wall_seconds"]
        stages = cold["stages"]
        if base and base.get("articles_per_second"):
            check(
                "cold ingest / baseline (articles/s)",
                cold["articles_per_second"] / base["articles_per_second"],
                1.5,
                True,
            )
        check(
            "validation + load share of wall",
            (stages["validate"] + stages["load"]) / wall,
            0.10,
            False,
        )
        check("Prefect overhead share of wall", cold["prefect_seconds"] / wall, 0.05, False)
        check("peak RSS of the pipeline (MB)", cold["peak_pipeline_rss_mb"], 1536, False)
    again = report.get("incremental")
    if again:
        check("incremental re-run share of cold", again["share_of_cold"], 0.05, False)
        check("article pages downloaded again", again["pages_downloaded"], 0, False)
    memory = report.get("memory")
    if memory:
        largest = max(r["peak_pipeline_rss_mb"] for r in memory["runs"].values())
        check("peak RSS of the pipeline (MB, largest run)", largest, 1536, False)
        check("peak RSS change from the smallest run", memory["growth"], 0.15, False)
    sample = report.get("sample_run")
    if sample:
        check("sample run (`make run`, installed) seconds", sample["wall_seconds"], 20, False)
    return out
