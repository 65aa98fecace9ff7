"""Pruning by age: the raw archive and Prefect's stored task results."""

from __future__ import annotations

from pathlib import Path

from flows.config import Settings
from warehouse import db
from warehouse.archive import prune_archive


def apply_retention(db_path: Path, settings: Settings) -> None:
    """Prune the raw archive and Prefect's stored results by age, when the settings ask."""
    if settings.raw_retention_days is not None and not db.is_locked(db_path):
        prune_archive(db_path, settings.raw_retention_days, settings.lock_wait_seconds)
    if settings.results_retention_days is not None:
        prune_results(settings.results_retention_days)


def prune_results(older_than_days: float) -> int:
    """Delete Prefect result files older than the cutoff from its local storage folder."""
    import os
    import time

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    storage = Path(os.environ.get("PREFECT_LOCAL_STORAGE_PATH") or home / "storage")
    if not storage.is_dir():
        return 0
    cutoff = time.time() - older_than_days * 86400
    removed = 0
    for path in storage.rglob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed
