"""The backfill benchmark's archive and memory arithmetic (the run itself is measured by hand)."""

from __future__ import annotations

import json

from bench.backfill import memory_profile, write_archive


def test_the_archive_is_the_seeds_stories_in_files_of_a_thousand(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    assert write_archive(first, 1003, seed=5) == write_archive(second, 1003, seed=5)
    files = sorted(first.iterdir())
    assert [f.name for f in files] == ["part-0000.jsonl", "part-0001.jsonl"]
    records = [json.loads(line) for f in files for line in f.read_text().splitlines()]
    assert len(records) == 1003 and len({r["id"] for r in records}) == 1003
    assert all(r["body"] and r["published"] for r in records)
    assert files[0].read_bytes() == (second / "part-0000.jsonl").read_bytes()


def test_memory_is_flat_when_the_end_stays_near_the_2000_article_mark():
    steady = [(t, 800.0 + (t % 3)) for t in range(100)]
    profile = memory_profile(steady, wall=100.0, articles=10_000)
    assert profile["flat"] and profile["peak_by_2000_mb"] >= 800
    growing = [(t, 500.0 + 10 * t) for t in range(100)]
    assert not memory_profile(growing, wall=100.0, articles=10_000)["flat"]
    assert memory_profile(growing, wall=100.0, articles=10_000)["peak_by_tenth_mb"][-1] == 1490
