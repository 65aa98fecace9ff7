"""Shared fixtures: a clean environment per test, one Prefect test harness per session."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("TQDM_DISABLE", "1")
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@functools.cache
def allowed_values(table: str, column: str) -> tuple[object, ...]:
    """The values a column may hold, as its Great Expectations suite lists them."""
    path = ROOT / "expectations" / "suites" / f"{table}.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    (values,) = [
        e["kwargs"]["value_set"]
        for e in suite["expectations"]
        if e["kwargs"].get("column") == column and "value_set" in e["kwargs"]
    ]
    return tuple(values)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees another's Wirehouse settings."""
    for key in list(os.environ):
        if key.startswith("WIREHOUSE_"):
            monkeypatch.delenv(key)
    yield


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for every test that runs a flow in-process."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from transforms.pipeline import load_nlp

    return load_nlp()
