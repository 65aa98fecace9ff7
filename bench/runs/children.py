"""Running a child process while sampling the memory of its process tree, and its environment."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench" / "results"
PREFECT_HOME = RESULTS / ".prefect"  # the bench's own, so runs do not share the project's DB


def _children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss_mb(pid: int) -> dict[str, float]:
    """Resident memory of a process and its descendants (Linux /proc), in MB: the whole tree,
    and the part that is not Prefect's API server (a `uvicorn` child the flow starts)."""
    tree = _children_of()
    sizes = {"tree": 0.0, "prefect_server": 0.0}
    stack = [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while stack:
        current = stack.pop()
        stack.extend(tree.get(current, []))
        try:
            rss = int(Path(f"/proc/{current}/statm").read_text().split()[1]) * page / 2**20
            command = Path(f"/proc/{current}/cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        sizes["tree"] += rss
        if b"uvicorn" in command:
            sizes["prefect_server"] += rss
    sizes["pipeline"] = sizes["tree"] - sizes["prefect_server"]
    return sizes


def run_child(
    args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT
) -> tuple[int, float, dict[str, float]]:
    """Run a command; its exit code, wall seconds and peak RSS (MB) sampled every 0.2 s."""
    peaks = {"tree": 0.0, "pipeline": 0.0, "prefect_server": 0.0}
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        while process.poll() is None:
            if Path("/proc").is_dir():
                for key, value in tree_rss_mb(process.pid).items():
                    peaks[key] = max(peaks[key], value)
            time.sleep(0.2)
        wall = time.perf_counter() - started
    return process.returncode, wall, peaks


def child_env() -> dict[str, str]:
    """The environment without WIREHOUSE_ settings but the spaCy model, on the bench's Prefect."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREHOUSE_")}
    if os.environ.get("WIREHOUSE_SPACY_MODEL"):
        env["WIREHOUSE_SPACY_MODEL"] = os.environ["WIREHOUSE_SPACY_MODEL"]
    env["PREFECT_HOME"] = str(PREFECT_HOME)
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["GX_ANALYTICS_ENABLED"] = "false"
    env["PYTHONUNBUFFERED"] = "1"
    return env
