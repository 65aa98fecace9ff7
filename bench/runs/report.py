"""The report printed at the end of a run: the machine, the cold run's stages, a summary of every
measure, the targets, and notes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from bench.runs.timing import STAGE_NAMES, STAGES

if TYPE_CHECKING:  # rich is imported when the report is shown, not by the timed child processes
    from rich.console import Console
    from rich.table import Table

TARGETS_NOTE = "see bench/README.md"


def show(report: dict[str, Any]) -> None:
    """Print the report as tables (110 columns wide when not on a terminal)."""
    from rich.console import Console

    console = Console(width=None if sys.stdout.isatty() else 110)
    _show_machine(console, report["machine"])
    cold = report.get("cold")
    if cold:
        _show_corpus(console, report)
        console.print(_cold_table(cold))
    console.print(_summary_table(report))
    console.print(_targets_table(report["targets"]))
    if cold and cold["not_instrumented"]:
        report["notes"].append(
            "not found in flows/ingest.py, so not timed: " + ", ".join(cold["not_instrumented"])
        )
    for note in report["notes"]:
        console.print(f"[yellow]note[/]: {note}")


def _show_machine(console: Console, m: dict[str, Any]) -> None:
    console.print(
        f"[bold]Machine[/]: {m['cpu_count']} × {m['cpu_model']}, {m['memory_gb']} GB, "
        f"Python {m['python']}; load average {m['load_average'][0]:.2f} before, "
        f"{m['load_average_after'][0]:.2f} after"
    )
    console.print("  " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()), style="dim")


def _show_corpus(console: Console, report: dict[str, Any]) -> None:
    corpus = report["corpus"]
    console.print(
        f"[bold]Corpus[/]: {corpus['articles']} pages ({corpus['words']:,} words, "
        f"{corpus['copies']} republished copies), {len(corpus['feeds'])} feeds; "
        f"per-host interval {report['options']['host_interval']['seconds']} s "
        f"({report['options']['host_interval']['how']})"
    )


def _cold_table(cold: dict[str, Any]) -> Table:
    from rich.table import Table

    table = Table("stage of the cold run", "seconds", "share of wall", "CPU s", title="Cold ingest")
    wall = cold["wall_seconds"]
    cpu = cold.get("stage_cpu_seconds", {})
    rows = [(STAGE_NAMES[s], cold["stages"][s]) for s in STAGES]
    rows += [(name, seconds) for name, seconds in cold["other_stages"].items()]
    cpu_of = {STAGE_NAMES[s]: cpu[s] for s in STAGES if cpu.get(s)}
    rows.append((STAGE_NAMES["prefect"], cold["prefect_seconds"]))
    rows.append(("  of which waiting for the API server", cold["prefect_server_wait_seconds"]))
    rows.append(("  of which before the first task (flow run)", cold["prefect_start_seconds"]))
    rows.append(
        ("process start-up (imports, config), less the server wait", cold["startup_seconds"])
    )
    rows.append(("after the flow (summary, Prefect shutdown)", cold["shutdown_seconds"]))
    for label, seconds in rows:
        used = f"{cpu_of[label]:.2f}" if label in cpu_of else ""
        table.add_row(label, f"{seconds:.2f}", f"{seconds / wall:.1%}", used)
    table.add_row("[bold]wall (process)[/]", f"{wall:.2f}", "100%")
    workers = cold["workers"]
    if workers["processes"]:
        table.add_row(
            f"[dim]in {workers['processes']} transform worker processes, in parallel "
            "(not part of the sum):[/]",
            "",
            "",
        )
        for label, key in (("NLP", "nlp"), ("rules", "rules"), ("model load", "model_load")):
            table.add_row(f"[dim]  {label}[/]", f"{workers[key]:.2f}", "")
    return table


def _summary_table(report: dict[str, Any]) -> Table:
    from rich.table import Table

    summary = Table("measure", "value", title="Summary")
    cold = report.get("cold")
    if cold:
        _add_cold(summary, cold)
    again = report.get("incremental")
    if again:
        summary.add_row(
            "incremental re-run",
            f"{again['wall_seconds']:.1f} s ({again['share_of_cold']:.1%} of cold; "
            f"Prefect overhead {again['prefect_seconds']:.1f} s, process start-up "
            f"{again['startup_seconds']:.1f} s)",
        )
        summary.add_row("re-run requests", _requests(again["requests"]))
    base = report.get("baseline")
    if base:
        summary.add_row(
            "baseline (trafilatura + spaCy)",
            f"{base['articles_per_second']:.2f} articles/s ({base['loop_seconds']:.1f} s, "
            f"+ {base['startup_seconds']:.1f} s imports and model load; "
            f"{base['max_rss_mb']:.0f} MB)",
        )
    sample = report.get("sample_run")
    if sample:
        summary.add_row(
            "sample run (make run, installed)",
            f"{sample['wall_seconds']:.1f} s (exit {sample['exit_code']})",
        )
    memory = report.get("memory")
    if memory:
        _add_memory(summary, memory)
    return summary


def _add_cold(summary: Table, cold: dict[str, Any]) -> None:
    summary.add_row(
        "cold ingest",
        f"{cold['wall_seconds']:.1f} s, {cold['articles_per_second']:.2f} articles/s",
    )
    summary.add_row("cold requests", _requests(cold["requests"]))
    summary.add_row(
        "politeness waits",
        f"{cold['politeness_waits']} "
        f"({cold['politeness_wait_seconds']:.0f} s, summed over threads)",
    )
    summary.add_row("loaded", _loaded(cold["warehouse"]))
    summary.add_row("exit code / summary", f"{cold['exit_code']} / {cold['summary']}")
    summary.add_row(
        "peak RSS",
        f"{cold['peak_pipeline_rss_mb']:.0f} MB pipeline "
        f"(main process {cold['peak_rss_mb']:.0f} MB, with any transform workers), "
        f"{cold['peak_tree_rss_mb']:.0f} MB with Prefect's server",
    )


def _add_memory(summary: Table, memory: dict[str, Any]) -> None:
    for n, run in memory["runs"].items():
        summary.add_row(
            f"cold run of {n}",
            f"{run['wall_seconds']:.1f} s, peak RSS {run['peak_pipeline_rss_mb']:.0f} MB "
            f"(main process {run['peak_rss_mb']:.0f} MB; "
            f"{run['peak_tree_rss_mb']:.0f} MB with Prefect's server)",
        )
    if memory["growth"] is not None:
        summary.add_row("peak RSS change", f"{memory['growth']:.1%}")


def _targets_table(targets: list[dict[str, Any]]) -> Table:
    from rich.table import Table

    table = Table("target", "measured", "limit", "met", title=f"Targets ({TARGETS_NOTE})")
    for t in targets:
        value = t["value"]
        shown = "n/a" if value is None else f"{value:.3g}"
        met = {True: "[green]yes[/]", False: "[red]no[/]", None: "n/a"}[t["ok"]]
        table.add_row(t["target"], shown, t["limit"], met)
    return table


def _requests(counts: dict[str, int]) -> str:
    parts = [f"{k} {v}" for k, v in sorted(counts.items()) if k not in ("bytes", "total")]
    return (
        f"{counts.get('total', 0)} ({', '.join(parts) or 'none'}; {counts.get('bytes', 0):,} bytes)"
    )


def _loaded(counts: dict[str, Any]) -> str:
    keys = (
        "articles", "distinct_articles", "entities", "mentions", "metrics", "events", "quotes",
        "quarantine", "rejected_documents",
    )  # fmt: skip
    return ", ".join(f"{k} {counts[k]}" for k in keys)
