"""The corpus folder: every page, the feeds that link them, robots.txt and manifest.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.corpus.feeds import render_feed
from bench.corpus.pages import render_page
from bench.corpus.sites import SITES
from bench.corpus.stories import DEFAULT_SEED, Story, generate_stories

PER_FEED = 50

ROBOTS = "User-agent: *\nDisallow: /search\nAllow: /\n"


def archive_record(story: Story, prefix: str) -> dict[str, Any]:
    """A story as one record of a local archive source (`kind = "archive"`, JSONL)."""
    return {
        "id": f"{prefix}-{story.index}",
        "url": story.url,
        "title": story.title,
        "author": story.author,
        "published": story.published.isoformat(),
        "body": "\n\n".join(story.paragraphs),
    }


def write_corpus(
    out: Path, n: int, seed: int = DEFAULT_SEED, per_feed: int = PER_FEED
) -> dict[str, Any]:
    """Write `n` pages, their feeds, robots.txt and manifest.json under `out`; the manifest."""
    if n < 1 or per_feed < 1:
        raise ValueError("need at least one article and one item per feed")
    stories = generate_stories(n, seed)
    by_index = {s.index: s for s in stories}
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for story in stories:
        path = out / story.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(story, by_index), encoding="utf-8")
        pages.append(story.path)
    feeds = []
    for site in SITES.values():
        own = [s for s in stories if s.site == site.key]
        for number, start in enumerate(range(0, len(own), per_feed), start=1):
            feed_path = f"feeds/{site.key}-{number:03d}.xml"
            (out / "feeds").mkdir(exist_ok=True)
            text = render_feed(site, own[start : start + per_feed], feed_path)
            (out / feed_path).write_text(text, encoding="utf-8")
            feeds.append(feed_path)
    (out / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    manifest = {
        "articles": n,
        "seed": seed,
        "per_feed": per_feed,
        "words": sum(s.word_count for s in stories),
        "copies": {s.path: by_index[s.copy_of].path for s in stories if s.copy_of is not None},
        "agencies": _tally(s.agency for s in stories),
        "topics": _tally(s.topic for s in stories),
        "pages": pages,
        "feeds": feeds,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _tally(values: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))
