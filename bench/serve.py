"""Scheduled runs under `wirehouse serve`: how long a poll takes that brings a few new stories,
and one that brings none, against the bare time for the same stories.

    .venv/bin/python -m bench.serve [--initial 100] [--new 20] [--interval 20] [--out FILE]

Writes `--initial` synthetic stories (bench.corpus) to an archive folder, starts `wirehouse
serve` on it (a local Prefect server, warm transform workers), waits for the first scheduled
run to load them, then adds `--new` stories and times the run that loads them, then the next
run, which finds nothing new. Each run is timed three ways: inside the flow (`etl_runs`
started/finished), the flow run as Prefect saw it (start to end), and from the moment the
schedule meant it to start to its end (what a user waits). The bare figures are spaCy over the
same new bodies: in a fresh process that loads the model (cold), and with the model loaded
(warm). Run it on a quiet machine; the load average is in the report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import duckdb

from bench.corpus import archive_record, generate_stories

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def write_archive(path: Path, first: int, count: int) -> list[str]:
    """Stories first..first+count-1 as archive records; returns their bodies."""
    stories = generate_stories(first + count)[first:]
    bodies = []
    with path.open("w", encoding="utf-8") as out:
        for story in stories:
            record = archive_record(story, "bench-serve")
            bodies.append(record["body"])
            out.write(json.dumps(record) + "\n")
    return bodies


def runs(db: Path) -> list[dict[str, Any]]:
    """The finished runs in `etl_runs`, oldest first ([] while a run holds the file)."""
    if not db.exists():
        return []
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute(
                "select run_id, started_at, finished_at, new, epoch(started_at) from etl_runs "
                "where status <> 'running' order by started_at"
            ).fetchall()
    except duckdb.Error:
        return []
    return [
        {"run_id": r[0], "in_flow": (r[2] - r[1]).total_seconds(), "new": r[3], "epoch": r[4]}
        for r in rows
    ]


def wait_for(db: Path, count: int, serve: subprocess.Popen[bytes], limit: float) -> list[Any]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            raise SystemExit(f"bench: serve stopped (exit {serve.returncode})")
        done = runs(db)
        if len(done) >= count:
            return done
        time.sleep(0.5)
    raise SystemExit(f"bench: no run {count} within {limit:.0f} s")


async def _flow_runs(api: str) -> list[dict[str, Any]]:
    os.environ["PREFECT_API_URL"] = api
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.sorting import FlowRunSort

    async with get_client() as client:
        found = await client.read_flow_runs(sort=FlowRunSort.EXPECTED_START_TIME_ASC)
    return [
        {
            "expected": r.expected_start_time,
            "start": r.start_time,
            "end": r.end_time,
            "state": r.state_name,
        }
        for r in found
        if r.end_time is not None
    ]


def bare(bodies: list[str], folder: Path) -> dict[str, float]:
    """spaCy over the bodies: a fresh process with the model load (cold), and warm."""
    script = textwrap.dedent(f"""
        import json, sys, time
        started = time.perf_counter()
        from transforms.pipeline import load_bare_nlp
        nlp = load_bare_nlp()
        loaded = time.perf_counter()
        bodies = json.load(open({str(folder / "bodies.json")!r}))
        for body in bodies:
            nlp(body)
        done = time.perf_counter()
        print(json.dumps({{"load": loaded - started, "parse": done - loaded}}))
    """)
    (folder / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    cold = time.perf_counter() - started
    inner = json.loads(out.stdout.strip().splitlines()[-1])
    return {"cold_process": cold, "model_load": inner["load"], "warm_parse": inner["parse"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--initial", type=int, default=100)
    parser.add_argument("--new", type=int, default=20)
    parser.add_argument("--interval", type=int, default=20, help="schedule, seconds")
    parser.add_argument("--out", type=Path, default=RESULTS / "serve.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wirehouse-bench-serve-"))
    archive, db = work / "archive", work / "w.duckdb"
    archive.mkdir()
    write_archive(archive / "part-1.jsonl", 0, args.initial)
    config = work / "wirehouse.toml"
    config.write_text(
        f'[[sources]]\nname = "wire"\nkind = "archive"\nlocation = "{archive}"\n'
        f"interval = {args.interval}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIREHOUSE_", "PREFECT_API"))}
    env["PREFECT_HOME"] = str(work / "prefect")
    log = (work / "serve.log").open("w")
    command = [str(Path(sys.executable).parent / "wirehouse"), "serve", "--config", str(config)]
    serve = subprocess.Popen(
        [*command, "--db", str(db)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=work,
        start_new_session=True,
    )
    try:
        first = wait_for(db, 1, serve, 600)
        new_bodies = write_archive(archive / "part-2.jsonl", args.initial, args.new)
        with_new = wait_for(db, len(first) + 1, serve, 300 + args.interval)
        nothing = wait_for(db, len(with_new) + 1, serve, 120 + args.interval)
        api = next(
            line.split(" at ", 1)[1].strip()
            for line in (work / "serve.log").read_text().splitlines()
            if line.startswith("started a local Prefect server")
        )
        flow_runs = asyncio.run(_flow_runs(api))
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=120)
        log.close()
    baseline = bare(new_bodies, work)
    timed = []
    for run in (first[-1], with_new[-1], nothing[-1]):
        # The flow run that holds this warehouse run: the last to start before it did.
        flow_run = [f for f in flow_runs if f["start"].timestamp() <= run["epoch"] + 1][-1]
        timed.append(
            run
            | {
                "prefect": (flow_run["end"] - flow_run["start"]).total_seconds(),
                "from_schedule": (flow_run["end"] - flow_run["expected"]).total_seconds(),
            }
        )
    report = {
        "load_average": os.getloadavg(),
        "initial": timed[0],
        "with_new": timed[1],
        "nothing_new": timed[2],
        "bare": baseline,
        "ratio_new_vs_cold_bare": timed[1]["from_schedule"] / baseline["cold_process"],
        "ratio_new_vs_warm_bare": timed[1]["from_schedule"] / baseline["warm_parse"],
        "serve_log": (work / "serve.log").read_text()[-2000:],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    for name in ("initial", "with_new", "nothing_new"):
        r = report[name]
        print(
            f"{name:12} new {r['new']:4}  in flow {r['in_flow']:6.2f} s  prefect "
            f"{r['prefect']:6.2f} s  from schedule {r['from_schedule']:6.2f} s"
        )
    print(
        f"bare spaCy on the {args.new} new stories: cold process {baseline['cold_process']:.2f} s "
        f"(model {baseline['model_load']:.2f} s), warm {baseline['warm_parse']:.2f} s"
    )
    print(f"load average {report['load_average']}; report in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
