"""A synthetic wire-news corpus for the benchmark: article pages with site boilerplate, and RSS.

    .venv/bin/python -m bench.corpus --articles 2000 --out /tmp/corpus [--seed 7] [--per-feed 50]

Every story is written from templates and word lists (no copied text): a dateline in one of
the agency house styles the pipeline reads (Xinhua, WAM, AP, Reuters, APP, UrduPoint chains),
150-600 words, figures of every kind the metric rules look for (levels, percentages, currencies,
percentage points, periods), quotes, and people, places and organisations. People and companies
are invented; places and public institutions are real names, as in any news story.

The output folder holds one HTML page per article under `<site>/<yyyy>/<mm>/`, RSS feeds of
`--per-feed` items each under `feeds/` (relative links, so the folder can be served over HTTP or
read from disk), `robots.txt` and `manifest.json`. About 5% of the pages are another site's
republication of an earlier story (new headline, new boilerplate, sometimes a trimmed last
paragraph), as syndicated wire copy is. Story `i` depends only on the seed and `i`, so a corpus
of 2,000 is the first 2,000 stories of a corpus of 10,000.

Where things are:

    words.toml, regions.toml   the word lists, and each region's places, people and money
    words.py                   loads them
    sites.py                   the six sites and the agencies each carries
    writer.py                  numbers, money, dates and people in words (`Writer`)
    topics.py                  a template per topic: headline, lead, body sentences
    background.py              sentences that fit any story, and quote paragraphs
    datelines.py               each agency's dateline
    stories.py                 story `i` from the seed and `i`; `generate_stories`
    pages.py, feeds.py         the HTML page in three site layouts; the RSS feeds
    folder.py                  `write_corpus`: pages, feeds, robots.txt, manifest.json
    cli.py                     `python -m bench.corpus`
"""

from __future__ import annotations

from bench.corpus.feeds import render_feed
from bench.corpus.folder import PER_FEED, ROBOTS, archive_record, write_corpus
from bench.corpus.pages import render_page
from bench.corpus.stories import (
    DEFAULT_SEED,
    MAX_WORDS,
    MIN_WORDS,
    Story,
    StoryMaker,
    generate_stories,
)

__all__ = [
    "DEFAULT_SEED",
    "MAX_WORDS",
    "MIN_WORDS",
    "PER_FEED",
    "ROBOTS",
    "Story",
    "StoryMaker",
    "archive_record",
    "generate_stories",
    "render_feed",
    "render_page",
    "write_corpus",
]
