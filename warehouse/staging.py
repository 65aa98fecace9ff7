"""Batches that could not load (the database was locked) wait as Parquet for the next run.

A staged batch is a folder `staging/<batch_id>/` beside the database file, one Parquet file per
table. It is written under a temporary name and renamed when complete, so a half-written batch
is never loaded; it is removed only after its transaction commits, and loading it twice is
harmless because every load is keyed.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from warehouse.db import WarehouseLocked, load_batch


def staging_dir(db_path: Path) -> Path:
    return db_path.parent / "staging"


def stage_batch(db_path: Path, batch_id: str, frames: Mapping[str, pd.DataFrame]) -> Path:
    """Write a batch's frames as Parquet; returns the batch's folder."""
    root = staging_dir(db_path)
    final = root / batch_id
    partial = root / f".{batch_id}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    for table, frame in frames.items():
        if frame is not None and len(frame.columns):
            frame.to_parquet(partial / f"{table}.parquet", index=False)
    if final.exists():
        shutil.rmtree(final)
    partial.rename(final)
    return final


def staged_batches(db_path: Path) -> list[Path]:
    """Complete staged batches, oldest first (batch ids start with the run's UTC time)."""
    root = staging_dir(db_path)
    if not root.exists():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def read_staged(folder: Path) -> dict[str, pd.DataFrame]:
    return {path.stem: pd.read_parquet(path) for path in sorted(folder.glob("*.parquet"))}


def load_staged(db_path: Path, wait_seconds: float) -> tuple[int, int]:
    """Load every staged batch, each in its own transaction; returns (batches, rows).

    Stops at the first batch that meets a lock, leaving it and the rest for the next run.
    """
    batches = rows = 0
    for folder in staged_batches(db_path):
        try:
            rows += load_batch(db_path, read_staged(folder), wait_seconds=wait_seconds)
        except WarehouseLocked:
            break
        shutil.rmtree(folder)
        batches += 1
    return batches, rows
