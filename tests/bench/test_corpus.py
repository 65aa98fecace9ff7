"""The benchmark corpus: deterministic, the size asked for, pages that read, feeds that link."""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest

from bench.corpus import MAX_WORDS, MIN_WORDS, generate_stories, write_corpus
from transforms.documents import parse_payload
from transforms.identity import NEAR_DUPLICATE, minhash, similarity
from transforms.pages import read_page
from transforms.wire import parse_dateline

N = 40


def digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    return root, write_corpus(root, N, seed=11, per_feed=15)


def test_same_seed_same_bytes_other_seed_other_text(corpus, tmp_path):
    root, _ = corpus
    write_corpus(tmp_path / "again", N, seed=11, per_feed=15)
    write_corpus(tmp_path / "other", N, seed=12, per_feed=15)
    assert digest(tmp_path / "again") == digest(root)
    assert digest(tmp_path / "other") != digest(root)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one():
    small = [s.paragraphs for s in generate_stories(15, seed=3)]
    large = [s.paragraphs for s in generate_stories(30, seed=3)]
    assert large[:15] == small


def test_count_and_lengths(corpus):
    root, manifest = corpus
    pages = sorted(p for p in root.rglob("*.html"))
    assert len(pages) == len(manifest["pages"]) == N
    assert all(MIN_WORDS <= s.word_count <= MAX_WORDS for s in generate_stories(N, seed=11))


def test_pages_read_as_wire_articles(corpus):
    root, manifest = corpus
    for relative in manifest["pages"]:
        page = read_page(
            (root / relative).read_text(encoding="utf-8"), f"https://corpus.example/{relative}"
        )
        assert page.reason is None, relative
        assert page.title and page.published and page.site_name and page.canonical_url
        assert len(page.body.split()) >= MIN_WORDS * 0.9
        assert parse_dateline(page.body).agency, page.body[:120]
        for noise in ("Share on Facebook", "Advertisement", "Related stories", "All rights"):
            assert noise not in page.body


def test_feeds_link_every_page_once(corpus):
    root, manifest = corpus
    linked = []
    for feed in manifest["feeds"]:
        path = root / feed
        parsed = parse_payload(path.read_bytes(), str(path))
        assert not parsed.documents and 0 < len(parsed.links) <= 15
        linked += [(path.parent / link.url).resolve() for link in parsed.links]
    assert all(p.is_file() for p in linked)
    assert sorted(linked) == sorted((root / p).resolve() for p in manifest["pages"])


def test_only_republished_copies_are_near_duplicates():
    stories = generate_stories(120, seed=5)
    copies = {s.index: s.copy_of for s in stories if s.copy_of is not None}
    assert copies, "the corpus should hold some syndicated copies"
    signatures = {s.index: minhash("\n\n".join(s.paragraphs)) for s in stories}

    def original(index: int) -> int:
        return copies.get(index, index)

    for a, b in itertools.combinations(signatures, 2):
        near = similarity(signatures[a], signatures[b]) >= NEAR_DUPLICATE
        assert near == (original(a) == original(b)), (a, b)


def test_manifest_is_json_with_the_counts(corpus):
    root, manifest = corpus
    assert json.loads((root / "manifest.json").read_text()) == manifest
    assert sum(manifest["agencies"].values()) == N
    assert set(manifest["agencies"]) <= {"AP", "APP", "Reuters", "UrduPoint", "WAM", "Xinhua"}
