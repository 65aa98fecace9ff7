"""Export the warehouse as Hive-partitioned Parquet for other engines."""

from __future__ import annotations

import shutil
from pathlib import Path

from warehouse.db import connect, sql
from warehouse.tables import PARTITIONED


def export_parquet(db_path: Path, out_dir: Path) -> dict[str, int]:
    """Write `out_dir/<table>/published_date=YYYY-MM-DD/*.parquet`; returns rows per table."""
    counts: dict[str, int] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    with connect(db_path, read_only=True) as con:
        for table in (*PARTITIONED, "entities"):
            target = out_dir / table
            if target.exists():
                shutil.rmtree(target)  # a fresh snapshot, not an append
            relation = con.sql(sql(f"export_{table}"))
            counts[table] = len(relation)
            if table == "entities":
                target.mkdir(parents=True)
                relation.write_parquet(str(target / "entities.parquet"))
            elif counts[table]:
                relation.write_parquet(str(target), partition_by=["published_date"])
    return counts
