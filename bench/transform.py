"""Transform speed: the whole transform beside bare spaCy `nlp.pipe`, same model, same texts.

    .venv/bin/python -m bench.transform [--articles 300] [--out bench/results/transform.json]
                                        [--repeat 1] [--seed 7] [--no-parallel] [--interleaved]

The baseline is spaCy's model as shipped (`transforms.pipeline.load_bare_nlp()`: the same
model and disabled components, without the pipeline's own components and cached stand-ins).
The texts are the gold-set bodies (bench/gold/articles/*.json, built into articles as
bench/accuracy.py does) then the bodies of synthetic stories from bench/corpus.py (republished
copies left out, as the pipeline loads them as duplicates), up to `--articles`. The model is
loaded once with `transforms.pipeline.load_nlp()` (its load time is reported apart) and warmed
up on a few articles. Then, in one run, on the same texts:

- serial: bare `nlp.pipe(texts, batch_size=32)` (docs consumed, nothing else) and the whole
  transform `transforms.pipeline.analyse(articles, nlp, run_id)`, with the transform split into
  NLP (time inside `nlp.pipe`) and each rule family (the extractors `analyse` calls);
- 2 cores, warm: a spawn pool of 2 workers that loaded the model and ran the flow's worker
  once (in their initializer), fed the flow's batches (cut into its worker chunks, if it has
  them): bare `nlp.pipe` per chunk against the flow's own worker function
  `flows.workers.analyse_and_collect`;
- 2 cores, cold, as the flow runs them: bare `nlp.pipe(texts, n_process=2)` against
  `flows.workers.transform_in_processes`, both starting their processes (and loading or
  receiving the model) inside the timing.

With `--interleaved`, the serial run is taken once more chunk by chunk (20 articles): bare
`nlp.pipe` and `analyse` in turns, the first of each pair alternating, so that a load that
changes during the run (other work on shared cores) weighs on both alike; its ratio is the one
to read on a busy machine.

With `--repeat R` every measurement is taken R times, interleaved, and the fastest is kept.
Prints a Markdown table and writes JSON, with the machine it ran on, to `--out`.
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from bench.corpus import DEFAULT_SEED, generate_stories
from bench.run import machine
from transforms import pipeline
from transforms.articles import Rejected, build_article
from transforms.model import Article, Document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "articles"
RESULTS = ROOT / "bench" / "results"
BATCH_SIZE = 32  # nlp.pipe's batch, as analyse uses it
WARM_UP_ARTICLES = 8
INTERLEAVE_ARTICLES = 20  # the chunk of the interleaved serial run
RUN_ID = "bench-transform"
# The extractors analyse calls, timed one by one for the rules split.
RULES = (
    "extract_entities",
    "extract_time_expressions",
    "extract_metrics",
    "extract_quotes",
    "extract_events",
)


# --------------------------------------------------------------------------------------------
# The texts
# --------------------------------------------------------------------------------------------


def gold_articles() -> list[Article]:
    """The gold-set articles, built as bench/accuracy.py builds them."""
    articles = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = Document(id=gold["id"], body=gold["body"], published=gold["published"])
        article = build_article(doc, "gold", date.fromisoformat(gold["published"]))
        article.body_text = gold["body"]  # the stored body, as the gold offsets use it
        articles.append(article)
    return articles


def corpus_articles(n: int, seed: int) -> list[Article]:
    """The first `n` distinct synthetic stories of the bench corpus, as articles."""
    articles: list[Article] = []
    count = n
    while len(articles) < n:
        articles = []
        for story in generate_stories(count, seed):
            if story.copy_of is not None:
                continue  # a republished copy: the pipeline loads it as a duplicate
            doc = Document(
                url=story.url,
                title=story.title,
                author=story.author,
                published=story.published.isoformat(),
                body="\n\n".join(story.paragraphs),
            )
            try:
                articles.append(build_article(doc, story.site, story.published.date()))
            except Rejected:
                continue
        count += n - len(articles)
    return articles[:n]


def load_articles(n: int, seed: int = DEFAULT_SEED) -> list[Article]:
    """The gold articles, then synthetic ones, `n` in all."""
    articles = gold_articles()[:n]
    if len(articles) < n:
        articles += corpus_articles(n - len(articles), seed)
    return articles


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


@dataclass
class Split:
    """Where one pass of `analyse` spent its time."""

    nlp: float = 0.0
    tokens: int = 0
    rules: dict[str, float] = field(default_factory=lambda: dict.fromkeys(RULES, 0.0))


class TimedNLP:
    """The loaded pipeline, with the time spent inside `pipe` and the tokens it gave counted."""

    def __init__(self, nlp: Any, split: Split) -> None:
        self._nlp = nlp
        self._split = split

    def pipe(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        docs = iter(self._nlp.pipe(*args, **kwargs))
        while True:
            started = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self._split.nlp += time.perf_counter() - started
                return
            self._split.nlp += time.perf_counter() - started
            self._split.tokens += len(doc)
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


@contextmanager
def timed_rules(split: Split) -> Iterator[None]:
    """Times the extractors `transforms.pipeline.analyse` calls, restoring them afterwards."""
    originals = {name: getattr(pipeline, name) for name in RULES}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                split.rules[name] += time.perf_counter() - started

        return call

    try:
        for name, fn in originals.items():
            setattr(pipeline, name, timed(name, fn))
        yield
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)


def bare_serial(nlp: Any, texts: list[str]) -> tuple[float, int]:
    """Seconds and tokens of bare `nlp.pipe` over the texts, in this process."""
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return time.perf_counter() - started, tokens


def transform_serial(nlp: Any, articles: list[Article]) -> tuple[float, Split, dict[str, int]]:
    """Seconds, NLP/rules split and row counts of `analyse` over the articles, in this process."""
    split = Split()
    with timed_rules(split):
        started = time.perf_counter()
        timed: Any = TimedNLP(nlp, split)  # stands in for the spaCy Language
        frames = pipeline.analyse(articles, timed, RUN_ID)
        seconds = time.perf_counter() - started
    return seconds, split, {name: len(frame) for name, frame in frames.items()}


@cache
def _bare_nlp() -> Any:
    return pipeline.load_bare_nlp()


def interleaved_serial(bare: Any, nlp: Any, articles: list[Article]) -> tuple[float, float]:
    """Seconds of bare `nlp.pipe` and of `analyse` over the articles, timed chunk by chunk in
    turns (the first of each pair alternating), in this process."""
    seconds = {"bare": 0.0, "transform": 0.0}

    def run(name: str, chunk: list[Article]) -> None:
        started = time.perf_counter()
        if name == "bare":
            for _doc in bare.pipe([a.body_text for a in chunk], batch_size=BATCH_SIZE):
                pass
        else:
            pipeline.analyse(chunk, nlp, RUN_ID)
        seconds[name] += time.perf_counter() - started

    for n, start in enumerate(range(0, len(articles), INTERLEAVE_ARTICLES)):
        chunk = articles[start : start + INTERLEAVE_ARTICLES]
        for name in ("bare", "transform") if n % 2 == 0 else ("transform", "bare"):
            run(name, chunk)
    return seconds["bare"], seconds["transform"]


def _pipe_in_worker(texts: list[str]) -> int:
    """Bare `nlp.pipe` over one batch in a pool worker; returns its tokens."""
    return sum(len(doc) for doc in _bare_nlp().pipe(texts, batch_size=BATCH_SIZE))


def _warm_worker(articles: list[Article]) -> None:
    """Pool initializer: load the model and run the flow's worker function once."""
    from flows.workers import analyse_and_collect

    analyse_and_collect(articles, RUN_ID)


def parallel_runs(bare: Any, articles: list[Article], repeat: int) -> dict[str, Any]:
    """The 2-process figures, warm pool and cold start (see the module docstring)."""
    from flows.config import Settings
    from flows.workers import analyse_and_collect, transform_in_processes

    # The flow's batches, and the chunks its worker processes get when it cuts batches up.
    settings = Settings()
    size = settings.batch_size
    chunk = getattr(settings, "transform_chunk", size)
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]
    chunks = [batch[i : i + chunk] for batch in batches for i in range(0, len(batch), chunk)]
    takes_chunk = "chunk" in inspect.signature(transform_in_processes).parameters
    texts = [a.body_text for a in articles]
    text_chunks = [[a.body_text for a in items] for items in chunks]
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    started = time.perf_counter()
    with (
        ProcessPoolExecutor(
            2,
            mp_context=multiprocessing.get_context("spawn"),  # as flows.workers starts them
            initializer=_warm_worker,
            initargs=(articles[:WARM_UP_ARTICLES],),
        ) as pool
    ):
        list(pool.map(_pipe_in_worker, [texts[:WARM_UP_ARTICLES]] * 2))
        warm_up = time.perf_counter() - started
        for _ in range(repeat):
            started = time.perf_counter()
            bare_tokens = sum(pool.map(_pipe_in_worker, text_chunks))
            keep("warm_bare", time.perf_counter() - started)
            started = time.perf_counter()
            list(pool.map(analyse_and_collect, chunks, [RUN_ID] * len(chunks)))
            keep("warm_transform", time.perf_counter() - started)
    for _ in range(repeat):
        started = time.perf_counter()
        cold_tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=BATCH_SIZE, n_process=2))
        keep("cold_bare", time.perf_counter() - started)
        started = time.perf_counter()
        extra: dict[str, Any] = {"chunk": chunk} if takes_chunk else {}
        for _frames in transform_in_processes(batches, RUN_ID, 2, **extra):
            pass
        keep("cold_transform", time.perf_counter() - started)
    return {
        "how": "warm: a spawn pool of 2 workers that loaded the model and ran the flow's worker "
        "once (initializer), bare nlp.pipe per chunk vs flows.workers.analyse_and_collect per "
        "chunk; "
        "cold: nlp.pipe(n_process=2) vs flows.workers.transform_in_processes, process start "
        "and model load inside the timing",
        "batch_size": size,
        "batches": len(batches),
        "chunk": chunk,
        "chunks": len(chunks),
        "warm_pool_start_seconds": warm_up,
        "warm": _figures(best["warm_bare"], best["warm_transform"], len(articles), bare_tokens),
        "cold": _figures(best["cold_bare"], best["cold_transform"], len(articles), cold_tokens),
        "tokens": bare_tokens,
    }


def _figures(bare: float, transform: float, articles: int, tokens: int) -> dict[str, Any]:
    return {
        "bare": _rates(bare, articles, tokens),
        "transform": _rates(transform, articles, tokens),
        "ratio": transform / bare,
    }


def _rates(seconds: float, articles: int, tokens: int) -> dict[str, float]:
    return {
        "seconds": seconds,
        "articles_per_second": articles / seconds,
        "tokens_per_second": tokens / seconds,
    }


def benchmark(
    n: int, seed: int, repeat: int, parallel: bool, interleaved: bool = False
) -> dict[str, Any]:
    """Every measurement of one run (see the module docstring)."""
    articles = load_articles(n, seed)
    texts = [a.body_text for a in articles]
    started = time.perf_counter()
    nlp = pipeline.load_nlp()
    load_seconds = time.perf_counter() - started
    bare = _bare_nlp()
    list(bare.pipe(texts[:WARM_UP_ARTICLES]))
    started = time.perf_counter()
    pipeline.analyse(articles[:WARM_UP_ARTICLES], nlp, RUN_ID)
    warm_up_seconds = time.perf_counter() - started

    bare_best = transform_best = float("inf")
    split = Split()
    bare_tokens = 0
    rows: dict[str, int] = {}
    for _ in range(repeat):
        seconds, bare_tokens = bare_serial(bare, texts)
        bare_best = min(bare_best, seconds)
        seconds, this_split, rows = transform_serial(nlp, articles)
        if seconds < transform_best:
            transform_best, split = seconds, this_split
    rules = transform_best - split.nlp
    report: dict[str, Any] = {
        "machine": machine(),
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "components": list(nlp.pipe_names),
        "disabled": list(pipeline.UNUSED_COMPONENTS),
        "articles": len(articles),
        "gold_articles": min(n, len(gold_articles())),
        "words": sum(a.word_count for a in articles),
        "tokens": bare_tokens,
        "repeat": repeat,
        "model_load_seconds": load_seconds,
        "warm_up_seconds": warm_up_seconds,
        "serial": _figures(bare_best, transform_best, len(articles), bare_tokens)
        | {
            "transform_tokens": split.tokens,
            "split": {
                "nlp_seconds": split.nlp,
                "rules_seconds": rules,
                "rules_share": rules / transform_best,
                "rules": split.rules,
                "assembly_seconds": rules - sum(split.rules.values()),
            },
        },
        "rows": rows,
    }
    if interleaved:
        bare_seconds, transform_seconds = interleaved_serial(bare, nlp, articles)
        report["serial_interleaved"] = _figures(
            bare_seconds, transform_seconds, len(articles), bare_tokens
        ) | {"chunk": INTERLEAVE_ARTICLES}
    if parallel:
        report["two_cores"] = parallel_runs(bare, articles, repeat)
    return report


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def render(report: dict[str, Any]) -> str:
    """A Markdown table of the figures."""
    m = report["machine"]
    lines = [
        f"{report['articles']} articles ({report['gold_articles']} gold), {report['words']} words, "
        f"{report['tokens']} tokens; {report['model']} [{', '.join(report['components'])}]; "
        f"{m['cpu_count']} CPUs, load {', '.join(f'{x:.1f}' for x in m['load_average'])}; "
        f"model load {report['model_load_seconds']:.1f} s (not in the figures).",
        "",
        "| run | bare spaCy s | transform s | ratio | transform articles/s | tokens/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    runs = [("serial", report["serial"])]
    if "serial_interleaved" in report:
        runs.append((f"serial, in turns by {INTERLEAVE_ARTICLES}", report["serial_interleaved"]))
    if "two_cores" in report:
        runs += [
            ("2 cores, warm pool", report["two_cores"]["warm"]),
            ("2 cores, cold start", report["two_cores"]["cold"]),
        ]
    for name, f in runs:
        lines.append(
            f"| {name} | {f['bare']['seconds']:.2f} | {f['transform']['seconds']:.2f} "
            f"| {f['ratio']:.2f} | {f['transform']['articles_per_second']:.1f} "
            f"| {f['transform']['tokens_per_second']:.0f} |"
        )
    split = report["serial"]["split"]
    total = report["serial"]["transform"]["seconds"]
    lines += ["", "| serial transform | seconds | share |", "| --- | ---: | ---: |"]
    parts = [("NLP (nlp.pipe)", split["nlp_seconds"]), ("rules", split["rules_seconds"])]
    parts += [(f"  {name}", seconds) for name, seconds in split["rules"].items()]
    parts.append(("  frames and ids", split["assembly_seconds"]))
    for name, seconds in parts:
        lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="how many texts (300)")
    parser.add_argument("--out", type=Path, default=RESULTS / "transform.json")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; fastest kept")
    parser.add_argument("--no-parallel", action="store_true", help="skip the 2-process runs")
    parser.add_argument(
        "--interleaved", action="store_true", help="also time the serial run in turns by chunk"
    )
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    os.environ.setdefault("TQDM_DISABLE", "1")
    report = benchmark(
        args.articles, args.seed, args.repeat, not args.no_parallel, args.interleaved
    )
    print(render(report))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
