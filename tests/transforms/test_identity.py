"""Identity: canonical URLs, content hashes and near-duplicate detection."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.articles import build_article
from transforms.batch import find_duplicates, signatures_of
from transforms.identity import canonical_url, content_hash
from transforms.model import Document

STORY = [
    "DUBAI, 3rd Nov, 2025 (WAM) -- The Roads and Transport Authority said on Monday that metro "
    "ridership rose 9 percent in the third quarter to 78 million passengers.",
    "The authority said the Blue Line extension, due to open in 2029, would add 14 stations and "
    "carry up to 320,000 passengers a day once complete.",
    '"Public transport is the backbone of a liveable city," the authority\'s director general '
    "said at a briefing, adding that bus ridership had also climbed.",
    "Taxi trips fell 2 percent over the same period as more residents switched to the metro, "
    "according to figures released alongside the ridership data.",
    "The authority plans to publish its fourth-quarter figures in February.",
]


def article(url: str, paragraphs: list[str], title: str):
    doc = Document(url=url, title=title, body="\n\n".join(paragraphs), published="2025-11-03")
    return build_article(doc, "test", date(2025, 11, 3))


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example/a/b?utm_source=x&id=3#top", "https://news.example/a/b?id=3"),
        ("http://news.example:80/a?fbclid=1&gclid=2", "http://news.example/a"),
        ("https://news.example", "https://news.example/"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("Metro ridership ROSE,  9%") == content_hash("metro ridership rose 9")


def test_a_syndicated_copy_with_new_headline_boilerplate_and_trimmed_ending_is_a_duplicate():
    original = article("https://gulfdaily.example/metro", STORY, "Dubai metro ridership up 9%")
    copy = article(
        "https://wirecopy.example/uae/metro-ridership",
        ["Advertisement", *STORY[:-1], "Follow us on Twitter"],
        "Metro draws more riders in Q3",
    )
    other = article(
        "https://gulfdaily.example/other",
        [p.replace("metro", "tram").replace("9 percent", "3 percent") for p in STORY[:2]]
        + ["An unrelated closing paragraph about tram fares and new ticket machines."],
        "Tram",
    )
    batch = [original, copy, other]
    links = find_duplicates(batch, signatures_of(batch), {}, {})
    assert links == {copy.article_id: original.article_id}


def test_exact_copy_of_a_stored_article_links_to_it():
    stored = article("https://a.example/1", STORY, "A")
    again = article("https://b.example/2", STORY, "B")
    links = find_duplicates([again], signatures_of([again]), {again.content_hash: "stored0001"}, {})
    assert links == {again.article_id: "stored0001"}
    assert stored.content_hash == again.content_hash
