"""Fixtures for tests that talk to a real local HTTP server."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """pytest-httpserver on loopback, on a free port."""
    return ("127.0.0.1", 0)
