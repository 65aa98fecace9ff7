"""The stages a run is timed in, a stopwatch for them, and a spaCy pipeline with a timed `pipe`."""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

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


# the task functions of flows.ingest, and the stage each body is timed as
TASK_STAGES = {
    "extract_task": "fetch",
    "clean_task": "parse",
    "identify_task": "dedupe",
    "transform_task": "transform",
    "validate_task": "validate",
    "load_task": "load",
}
