"""`python -m bench.corpus`: write a corpus folder and say what is in it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import bench.corpus
from bench.corpus.folder import PER_FEED, write_corpus
from bench.corpus.stories import DEFAULT_SEED


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, write the corpus, print one line about it; the exit status."""
    doc = bench.corpus.__doc__
    # `prog` is the name the usage line showed when the generator was the module corpus.py.
    parser = argparse.ArgumentParser(
        prog="corpus.py", description=doc.split("\n\n")[0] if doc else None
    )
    parser.add_argument("--articles", type=int, default=2000, help="pages to write (2000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-feed", type=int, default=PER_FEED, help="items per RSS feed (50)")
    args = parser.parse_args(argv)
    manifest = write_corpus(args.out, args.articles, args.seed, args.per_feed)
    print(
        f"{manifest['articles']} pages ({manifest['words']:,} words, "
        f"{len(manifest['copies'])} republished copies) and {len(manifest['feeds'])} feeds "
        f"in {args.out}"
    )
    return 0
