"""The run's log: tracebacks of documents that failed, kept out of the terminal and the tables.

`<database folder>/logs/<run_id>.log`, created only when a run has something to write there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(slots=True)
class RunLog:
    path: Path
    written: bool = False

    @classmethod
    def beside(cls, db_path: Path, run_id: str) -> RunLog:
        return cls(db_path.resolve().parent / "logs" / f"{run_id}.log")

    def failure(self, origin: str, reason: str, traceback: str) -> None:
        """Append one failed document: where it came from, the one-line reason, the traceback."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with self.path.open("a", encoding="utf-8", errors="replace") as handle:
            handle.write(f"{stamp} {origin}\n  {reason}\n")
            if traceback:
                handle.write("".join(f"  {line}\n" for line in traceback.splitlines()))
            handle.write("\n")
        self.written = True
