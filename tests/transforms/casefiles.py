"""Reading the rule families' case files (`tests/transforms/cases/<family>.toml`, or one file
per module in `cases/<family>/`)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "cases"


def load(family: str) -> dict[str, Any]:
    """Everything in `cases/<family>.toml`."""
    return tomllib.loads((FOLDER / f"{family}.toml").read_text(encoding="utf-8"))


def load_folder(family: str) -> list[dict[str, Any]]:
    """The cases of every file in `cases/<family>/`, file by file in name order."""
    cases: list[dict[str, Any]] = []
    for path in sorted((FOLDER / family).glob("*.toml")):
        cases += tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    return cases


def optional(value: str) -> str | None:
    """A case file's `"none"` (TOML has no null) as None."""
    return None if value == "none" else value


def ids_of(cases: list[dict[str, Any]]) -> list[str]:
    """The cases' ids, checked to be unique (pytest needs them so, and so does a reader)."""
    ids = [str(case["id"]) for case in cases]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicated, f"case ids used twice: {duplicated}"
    return ids
