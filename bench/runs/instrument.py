"""The pipeline child: the real CLI in this process, with timers around what the flow calls.

Nothing in the pipeline changes: the task bodies, the warehouse calls of the flow body,
`load_nlp` (so that `nlp.pipe` is timed), the row builders, the wait for transform workers and
the flow itself are wrapped before the CLI runs the flow. With `--host-interval` on a pipeline
that has no setting for it, `Fetcher` also gets that interval.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.runs.timing import STAGES, TASK_STAGES, Stopwatch, TimedNLP

WORKER_TIMINGS = "WIREHOUSE_BENCH_WORKER_TIMINGS"  # folder where transform workers report
_WATCH: Stopwatch | None = None  # this process's stopwatch: the pipeline child or a worker


_ORIGINAL: dict[str, Any] = {}  # transforms.pipeline's own functions, once patched


def instrumented_load_nlp(*args: Any, **kwargs: Any) -> Any:
    """`load_nlp` with a timed `pipe`, and the time the call itself took (waiting for the
    model, which the flow's warm-up thread or the worker's start may be loading)."""
    assert _WATCH is not None, "patch_pipeline first"
    started = time.perf_counter()
    nlp = _ORIGINAL["load_nlp"](*args, **kwargs)
    _WATCH.add("model_wait", time.perf_counter() - started)
    return TimedNLP(nlp, _WATCH)


def patch_pipeline(watch: Stopwatch, report_to: str | None = None) -> None:
    """Put `instrumented_load_nlp` in `transforms.pipeline` (the flows import `load_nlp` and
    `analyse` from it when they analyse). With `report_to` (a transform worker), also time
    `analyse` and write this process's totals to a file there after each chunk."""
    global _WATCH
    import transforms.pipeline as pipeline

    if _ORIGINAL:
        return
    _WATCH = watch
    _ORIGINAL["load_nlp"] = pipeline.load_nlp
    pipeline.load_nlp = instrumented_load_nlp
    if report_to is None:
        return
    analyse = _ORIGINAL["analyse"] = pipeline.analyse
    path = Path(report_to) / f"worker-{os.getpid()}.json"

    def timed_analyse(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return analyse(*args, **kwargs)
        finally:
            watch.add("transform", time.perf_counter() - started)
            path.with_suffix(".tmp").write_text(json.dumps(dict(watch.seconds)))
            path.with_suffix(".tmp").replace(path)

    pipeline.analyse = timed_analyse


def instrumented_worker_main(conn: Any, seconds: float | None) -> None:
    """A transform worker process that times itself: the pool spawns this in place of
    `flows.workers._worker_main` (a spawned process does not inherit the parent's patches, so
    the worker instruments its own `transforms.pipeline`, then runs the real worker loop)."""
    import flows.workers as workers_module

    patch_pipeline(Stopwatch(), os.environ.get(WORKER_TIMINGS) or None)
    workers_module._worker_main(conn, seconds)


def instrument_flow(
    watch: Stopwatch, marks: dict[str, float], fetchers: list[Any], patch: float | None
) -> list[str]:
    """Put timers around what `flows.ingest` calls; the names of what could not be found.

    Task bodies are timed as their stage (an unknown task under its own name); warehouse calls
    made by the flow body outside any task are run bookkeeping; `nlp.pipe` is timed inside the
    transform, and what is left of it is the rules. When batches are transformed in worker
    processes, the flow's thread waits for them (`transform_wait`) and the workers report
    their own NLP and rules time.
    """
    import flows.ingest as ingest_module

    # The helpers take the module as `Any`: they replace its names, which mypy would refuse.
    inside = threading.local()  # `inside.task` is true while a task body runs in this thread
    missing = _time_tasks(ingest_module, watch, marks, inside)
    _time_warehouse_calls(ingest_module, watch, inside)
    missing += _time_model_and_rows(ingest_module, watch)
    _time_worker_waits(ingest_module, watch)
    missing += _record_fetchers(ingest_module, fetchers, patch)
    _time_flow(ingest_module, marks)
    return missing


def _time_tasks(
    ingest_module: Any, watch: Stopwatch, marks: dict[str, float], inside: threading.local
) -> list[str]:
    """Time each task body as its stage, and mark when the first one starts."""
    import prefect

    def task_body(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        timed = watch.wrap(stage, fn)

        @functools.wraps(fn)
        def body(*args: Any, **kwargs: Any) -> Any:
            if "first_task" not in marks:
                marks["first_task"] = time.time()
                marks["runs_before_first_task"] = watch.seconds["runs"]
            inside.task = True
            try:
                return timed(*args, **kwargs)
            finally:
                inside.task = False

        return body

    for name, value in vars(ingest_module).items():
        if isinstance(value, prefect.Task):
            value.fn = task_body(TASK_STAGES.get(name, f"task {name}"), value.fn)
    return [name for name in TASK_STAGES if not hasattr(ingest_module, name)]


def _time_warehouse_calls(ingest_module: Any, watch: Stopwatch, inside: threading.local) -> None:
    """Time the `warehouse` functions as run bookkeeping when the flow body calls them itself."""
    from warehouse import db

    def outside_tasks(fn: Callable[..., Any]) -> Callable[..., Any]:
        timed = watch.wrap("runs", fn)

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if getattr(inside, "task", False):
                return fn(*args, **kwargs)
            return timed(*args, **kwargs)

        return call

    warehouse_functions: list[tuple[ModuleType, str]] = [
        (db, name)
        for name, value in vars(db).items()
        if inspect.isfunction(value) and value.__module__ == db.__name__
    ]
    warehouse_functions += [
        (ingest_module, name)
        for name, value in vars(ingest_module).items()
        if inspect.isfunction(value) and value.__module__.startswith("warehouse.")
    ]
    for module, name in warehouse_functions:
        setattr(module, name, outside_tasks(getattr(module, name)))


def _time_model_and_rows(ingest_module: Any, watch: Stopwatch) -> list[str]:
    """Load the model through `instrumented_load_nlp` when the flow analyses in its own process
    (patched as the flow starts its warm-up: importing spaCy earlier would add to the start-up
    that real runs do not pay), and time the flow body's row building."""
    missing = []
    if hasattr(ingest_module, "_warm_up"):
        warm_up = ingest_module._warm_up

        def patched_warm_up(nlp: bool, validation: bool = True) -> None:
            if nlp:
                patch_pipeline(watch)
            warm_up(nlp, validation)

        ingest_module._warm_up = patched_warm_up
    else:
        missing.append("_warm_up")

    for name in ("article_rows", "_bands_of_good"):
        if hasattr(ingest_module, name):
            setattr(ingest_module, name, watch.wrap("rows", getattr(ingest_module, name)))
        else:
            missing.append(name)
    return missing


def _time_worker_waits(ingest_module: Any, watch: Stopwatch) -> None:
    """Time how long the flow's thread waits for each result of the transform workers, and
    have the workers the pool spawns time themselves."""
    import flows.workers as workers_module

    workers_module._worker_main = instrumented_worker_main  # type: ignore[attr-defined]
    if not hasattr(ingest_module, "transform_in_processes"):
        return
    in_processes = ingest_module.transform_in_processes

    def waited(*args: Any, **kwargs: Any) -> Iterator[Any]:
        results = in_processes(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                item = next(results)
            except StopIteration:
                watch.add("transform_wait", time.perf_counter() - started)
                return
            watch.add("transform_wait", time.perf_counter() - started)
            yield item

    ingest_module.transform_in_processes = waited


def _record_fetchers(ingest_module: Any, fetchers: list[Any], patch: float | None) -> list[str]:
    """Keep every `Fetcher` the flow makes (for its requests and waits), patching its interval."""
    if not hasattr(ingest_module, "Fetcher"):
        return ["Fetcher"]
    base = ingest_module.Fetcher

    class RecordedFetcher(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if patch is not None:
                kwargs["min_host_interval"] = patch
            super().__init__(*args, **kwargs)
            fetchers.append(self)

    ingest_module.Fetcher = RecordedFetcher
    return []


def _time_flow(ingest_module: Any, marks: dict[str, float]) -> None:
    """Mark when the flow starts and finishes."""
    flow = ingest_module.ingest

    def timed_flow(*args: Any, **kwargs: Any) -> Any:
        marks["flow_started"] = time.time()
        try:
            return flow(*args, **kwargs)
        finally:
            marks["flow_finished"] = time.time()

    ingest_module.ingest = timed_flow


def child_pipeline(timings: Path, cli_args: list[str], patch_interval: float | None) -> int:
    """Run `wirehouse <cli_args>` in this process with stage timers around what the flow calls."""
    global _WATCH
    entered = time.time()
    import flows.cli as cli

    watch = _WATCH = Stopwatch()
    marks: dict[str, float] = {"entered": entered}
    fetchers: list[Any] = []
    missing: list[str] = []
    execute = cli._execute
    workers_folder = Path(tempfile.mkdtemp(prefix="workers-", dir=timings.parent))
    os.environ[WORKER_TIMINGS] = str(workers_folder)

    def instrument_then_execute(*args: Any, **kwargs: Any) -> int:
        # The CLI starts Prefect's API server before it imports Prefect; keep that order.
        missing.extend(instrument_flow(watch, marks, fetchers, patch_interval))
        return int(execute(*args, **kwargs))

    cli._execute = instrument_then_execute
    # Waiting for Prefect's API server (started with the command) is Prefect overhead too.
    from flows.apiserver import ApiServer

    ApiServer.wait = watch.wrap("server_wait", ApiServer.wait)  # type: ignore[method-assign]
    code = cli.main(cli_args)
    seconds = dict(watch.seconds)
    transform = seconds.pop("transform", 0.0)
    seconds["rules"] = max(
        0.0, transform - seconds.get("nlp", 0.0) - seconds.get("model_wait", 0.0)
    )
    flow_seconds = marks.get("flow_finished", 0.0) - marks.get("flow_started", 0.0)
    other = {k: v for k, v in seconds.items() if k not in STAGES and k != "server_wait"}
    waits = [w for f in fetchers for w in getattr(f, "waits", [])]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "exit_code": code,
        "marks": marks,
        "flow_seconds": flow_seconds,
        "stages": {s: round(seconds.get(s, 0.0), 4) for s in STAGES},
        "stage_cpu_seconds": {s: round(watch.cpu.get(s, 0.0), 4) for s in STAGES},
        "other_stages": other,
        "workers": _worker_totals(workers_folder),
        "children_cpu_seconds": children.ru_utime + children.ru_stime,
        "not_instrumented": missing,
        "calls": dict(watch.calls),
        "transform_seconds": transform,
        "prefect_seconds": flow_seconds
        - sum(v for k, v in seconds.items() if k != "server_wait")
        + seconds.get("server_wait", 0.0),
        "prefect_server_wait_seconds": seconds.get("server_wait", 0.0),
        "prefect_start_seconds": marks.get("first_task", 0.0)
        - marks.get("flow_started", 0.0)
        - marks.get("runs_before_first_task", 0.0),
        "requests_made": sum(getattr(f, "requests_made", 0) for f in fetchers),
        "politeness_waits": sum(1 for w in waits if w.reason == "rate limit"),
        "politeness_wait_seconds": sum(w.seconds for w in waits if w.reason == "rate limit"),
        "host_interval": [getattr(getattr(f, "_gate", None), "interval", None) for f in fetchers],
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_max_rss_mb": children.ru_maxrss / 1024,
    }
    timings.write_text(json.dumps(result, indent=1), encoding="utf-8")
    shutil.rmtree(workers_folder, ignore_errors=True)
    return code


def _worker_totals(folder: Path) -> dict[str, Any]:
    """NLP, rules and model loading summed over the transform worker processes."""
    reports = [json.loads(p.read_text()) for p in sorted(folder.glob("worker-*.json"))]
    nlp = sum(r.get("nlp", 0.0) for r in reports)
    transform = sum(r.get("transform", 0.0) for r in reports)
    return {
        "processes": len(reports),
        "model_load": sum(r.get("model_wait", 0.0) for r in reports),
        "nlp": nlp,
        "rules": max(0.0, transform - nlp),
    }
