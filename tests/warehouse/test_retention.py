"""Retention: the raw archive and Prefect's stored results are pruned by age."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

from flows.retention import prune_results
from warehouse import db
from warehouse.archive import Archive, prune_archive


def test_old_archive_entries_and_unused_payloads_are_pruned(tmp_path):
    path = tmp_path / "w.duckdb"
    archive = Archive.beside(path, "r1")
    old = archive.keep(b"old feed", source_name="s", origin="https://a.example/f", role="source")
    shared = archive.keep(
        b"same page", source_name="s", origin="https://a.example/1", role="linked"
    )
    archive.keep(b"same page", source_name="s", origin="https://b.example/1", role="linked")
    fresh = archive.keep(b"new feed", source_name="s", origin="https://a.example/f", role="source")
    frame = archive.frame()
    month_ago = datetime.now(UTC) - timedelta(days=30)
    aged = {"https://a.example/f": old, "https://a.example/1": shared}
    frame.loc[
        [aged.get(o) == h for o, h in zip(frame["origin"], frame["payload_hash"], strict=True)],
        "fetched_at",
    ] = month_ago
    db.load_batch(path, {"raw_documents": frame})

    removed = prune_archive(path, older_than_days=7)

    assert removed == 1
    assert not archive.path_of(old).exists()
    assert archive.path_of(shared).exists()  # a newer entry still points at it
    assert archive.read(fresh) == b"new feed"
    rows = db.query(path, "select origin, payload_hash from raw_documents order by origin").rows
    assert rows == [("https://a.example/f", fresh), ("https://b.example/1", shared)]


def test_prefect_results_older_than_the_cutoff_are_deleted(tmp_path, monkeypatch):
    storage = tmp_path / "storage"
    storage.mkdir()
    old, new = storage / "old-result", storage / "new-result"
    old.write_text("x")
    new.write_text("y")
    ten_days_ago = time.time() - 10 * 86400
    os.utime(old, (ten_days_ago, ten_days_ago))
    monkeypatch.setenv("PREFECT_LOCAL_STORAGE_PATH", str(storage))
    assert prune_results(older_than_days=7) == 1
    assert not old.exists() and new.exists()
