"""The raw archive: every payload read, compressed and content-addressed beside the database.

`raw/ab/abcdef….gz` holds the bytes; the `raw_documents` table holds where and when they were
read (origin URL or path, HTTP metadata, source, run). `wirehouse reprocess` rebuilds every
table from here without the network.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass(slots=True)
class Archive:
    """Writes payloads as they are read and remembers their metadata for the run's load."""

    root: Path
    run_id: str
    records: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def beside(cls, db_path: Path, run_id: str) -> Archive:
        return cls(db_path.parent / "raw", run_id)

    def path_of(self, payload_hash: str) -> Path:
        return self.root / payload_hash[:2] / f"{payload_hash}.gz"

    def keep(
        self,
        data: bytes,
        *,
        source_name: str,
        origin: str,
        role: str,
        content_type: str | None = None,
        charset: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> str:
        """Store the bytes (once per content) and record this reading of them."""
        payload_hash = hashlib.sha256(data).hexdigest()
        target = self.path_of(payload_hash)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
            partial.write_bytes(gzip.compress(data, compresslevel=6))
            partial.replace(target)  # atomic: a reader never sees half a payload
        record = {
            "raw_id": hashlib.sha256(f"{source_name}|{origin}|{payload_hash}".encode()).hexdigest()[
                :16
            ],
            "payload_hash": payload_hash,
            "source_name": source_name,
            "origin": origin,
            "role": role,
            "content_type": content_type,
            "charset": charset,
            "etag": etag,
            "last_modified": last_modified,
            "size": len(data),
            "fetched_at": datetime.now(UTC),
            "run_id": self.run_id,
        }
        with self._lock:
            self.records.append(record)
        return payload_hash

    def read(self, payload_hash: str) -> bytes:
        return gzip.decompress(self.path_of(payload_hash).read_bytes())

    def frame(self) -> pd.DataFrame:
        """The run's `raw_documents` rows (one per origin and content)."""
        if not self.records:
            return pd.DataFrame()
        frame = pd.DataFrame(self.records)
        return frame.drop_duplicates("raw_id", keep="last").reset_index(drop=True)


def prune_archive(db_path: Path, older_than_days: float, wait_seconds: float = 30.0) -> int:
    """Drop archive entries older than the cutoff and the payloads nothing else uses.

    Returns the number of payload files removed. What is pruned can no longer be reprocessed.
    """
    from datetime import timedelta

    from warehouse.db import connect, sql

    cutoff = datetime.now(UTC) - timedelta(days=older_than_days)
    with connect(db_path, wait_seconds=wait_seconds) as con:
        con.execute("BEGIN TRANSACTION")
        dropped = {row[0] for row in con.execute(sql("prune_raw"), {"cutoff": cutoff}).fetchall()}
        in_use = {row[0] for row in con.execute(sql("raw_payloads_in_use")).fetchall()}
        con.execute("COMMIT")
    archive = Archive.beside(db_path, "prune")
    removed = 0
    for payload_hash in dropped - in_use:
        path = archive.path_of(payload_hash)
        if path.exists():
            path.unlink()
            removed += 1
    return removed
