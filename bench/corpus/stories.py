"""Stories: story `i` made from the seed and `i` alone, and the first `n` of a seed's corpus.

About 5% of the stories are another site's republication of an earlier one (new headline,
sometimes a trimmed last paragraph), as syndicated wire copy is.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from bench.corpus.background import context_sentence, quote_paragraph
from bench.corpus.datelines import dateline
from bench.corpus.sites import AGENCY_REGIONS, AGENCY_WEIGHTS, SITES
from bench.corpus.topics import TOPIC_WRITERS, TOPICS
from bench.corpus.words import REGIONS
from bench.corpus.writer import Writer

DEFAULT_SEED = 7
MIN_WORDS, MAX_WORDS = 150, 600
COPY_SHARE = 0.05
FIRST_DAY = date(2025, 6, 2)
DAYS = 180


@dataclass(slots=True)
class Story:
    """One generated article."""

    index: int
    site: str
    agency: str
    region: str
    topic: str
    title: str
    summary: str
    author: str
    published: datetime
    paragraphs: list[str]
    section: str
    copy_of: int | None = None
    related: list[int] = field(default_factory=list)

    @property
    def slug(self) -> str:
        words = re.findall(r"[a-z0-9]+", self.title.lower())[:8]
        return "-".join(words) + f"-{self.index:05d}"

    @property
    def path(self) -> str:
        return f"{self.site}/{self.published:%Y/%m}/{self.slug}.html"

    @property
    def url(self) -> str:
        site = SITES[self.site]
        return f"https://{site.domain}/{self.section}/{self.published:%Y/%m/%d}/{self.slug}"

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _weighted(rng: random.Random, options: Sequence[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


class StoryMaker:
    """Story `i` from the seed and `i` alone (copies look back at earlier originals)."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self.seed = seed
        self._made: dict[int, Story] = {}

    def story(self, index: int) -> Story:
        if index not in self._made:
            self._made[index] = self._make(index)
        return self._made[index]

    def _make(self, index: int) -> Story:
        rng = random.Random(f"wirehouse-bench:{self.seed}:{index}")
        if index >= 10 and rng.random() < COPY_SHARE:
            original = self.story(rng.randrange(max(0, index - 300), index))
            if original.copy_of is not None:
                original = self.story(original.copy_of)
            return self._republish(index, original, rng)
        agency = _weighted(rng, AGENCY_WEIGHTS)
        region = REGIONS[_weighted(rng, AGENCY_REGIONS[agency])]
        topic = _weighted(rng, TOPICS)
        site = rng.choice([s for s in SITES.values() if agency in s.agencies])
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        writer = Writer(rng, region, day, agency)
        headline, lead, pool = TOPIC_WRITERS[topic](writer)
        place = rng.choice(region.places)
        first = dateline(agency, place, day, rng) + lead
        target = round(rng.triangular(MIN_WORDS, MAX_WORDS, 330))
        paragraphs = [first]
        rng.shuffle(pool)
        words = len(first.split())
        while words < target:
            roll = rng.random()
            if pool and roll < 0.55:
                paragraph = pool.pop()
                if rng.random() < 0.4:
                    paragraph += " " + context_sentence(writer)
            elif roll < 0.7 and writer.quotes < 2:
                paragraph = quote_paragraph(writer)
            else:
                paragraph = context_sentence(writer)
                if rng.random() < 0.5:
                    paragraph += " " + context_sentence(writer)
            size = len(paragraph.split())
            if words + size > MAX_WORDS:
                if words >= MIN_WORDS:
                    break
                continue
            paragraphs.append(paragraph)
            words += size
        # Published on the dateline's day, in the site's own time zone.
        local = timezone(timedelta(hours=site.tz_hours))
        minute = rng.randrange(0, 60, 5)
        published = datetime(
            day.year, day.month, day.day, rng.randint(6, 21), minute, tzinfo=local
        ).astimezone(UTC)
        author = _byline(agency, writer, rng)
        return Story(
            index=index,
            site=site.key,
            agency=agency,
            region=region.key,
            topic=topic,
            title=headline,
            summary=_summary(lead),
            author=author,
            published=published,
            paragraphs=paragraphs,
            section=rng.choice(site.sections),
            related=[],
        )

    def _republish(self, index: int, original: Story, rng: random.Random) -> Story:
        """Another site carries the same wire story: new headline, new page, trimmed tail."""
        others = [
            s for s in SITES.values() if s.key != original.site and original.agency in s.agencies
        ] or [s for s in SITES.values() if s.key != original.site]
        site = rng.choice(others)
        paragraphs = list(original.paragraphs)
        if len(paragraphs) > 4 and rng.random() < 0.5:
            paragraphs = paragraphs[:-1]
        title = original.title
        if rng.random() < 0.6:
            title = rng.choice(
                [f"{title} - {original.agency}", string.capwords(title), f"{title} - report"]
            )
        return Story(
            index=index,
            site=site.key,
            agency=original.agency,
            region=original.region,
            topic=original.topic,
            title=title,
            summary=original.summary,
            author=original.author,
            published=original.published + timedelta(minutes=rng.randint(20, 600)),
            paragraphs=paragraphs,
            section=rng.choice(site.sections),
            copy_of=original.index,
        )


def _byline(agency: str, writer: Writer, rng: random.Random) -> str:
    if agency in ("AP", "Reuters") and rng.random() < 0.7:
        return writer.person(("reporter",))[0]
    if agency == "UrduPoint":
        return writer.person(("staff reporter",))[0]
    return agency


def _summary(lead: str) -> str:
    words = lead.split()
    return " ".join(words[:40]) + ("..." if len(words) > 40 else "")


def generate_stories(n: int, seed: int = DEFAULT_SEED) -> list[Story]:
    """The first `n` stories of the seed's corpus, with related stories filled in."""
    maker = StoryMaker(seed)
    stories = [maker.story(i) for i in range(n)]
    by_site: dict[str, list[int]] = {}
    for story in stories:
        earlier = by_site.setdefault(story.site, [])
        rng = random.Random(f"wirehouse-bench-related:{seed}:{story.index}")
        story.related = rng.sample(earlier[-30:], min(len(earlier[-30:]), rng.randint(3, 5)))
        earlier.append(story.index)
    return stories


# --------------------------------------------------------------------------------------------
# HTML and RSS
# --------------------------------------------------------------------------------------------
