"""The baseline: bare trafilatura and bare spaCy over the corpus pages, serially, in one child."""

from __future__ import annotations

import json
import resource
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.runs.children import child_env, run_child


def child_baseline(pages_file: Path, out: Path) -> int:
    """Bare trafilatura + bare spaCy over the same pages, one after another, in one process."""
    started = time.perf_counter()
    import spacy  # noqa: F401  (its import is part of the start-up measured here)
    import trafilatura

    from transforms.pipeline import load_bare_nlp

    nlp = load_bare_nlp()  # the model the pipeline loads, as spaCy ships it
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


def run_baseline(work: Path, corpus: Path, pages: list[str]) -> dict[str, Any]:
    """`child_baseline` over the pages in a child process, with its wall time and peak RSS."""
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
