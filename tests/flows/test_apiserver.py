"""The local Prefect API server that one-off runs start early: it answers, stops, and never
outlives the command that started it, even one killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import requests

from flows.apiserver import ApiServer, ApiServerError
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e  # starts Prefect API servers in subprocesses


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too: it only waits for its parent to read its status
    status = f"/proc/{pid}/stat"
    return not (os.path.exists(status) and open(status).read().split(") ")[1].startswith("Z"))


def wait_until(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_the_server_answers_then_stops(tmp_path):
    server = ApiServer("ephemeral", tmp_path / "prefect")
    try:
        url = server.wait()
        assert url == server.url
        assert requests.get(f"{url}/health", timeout=10).ok
    finally:
        server.stop()
    assert not alive(server.pid)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{server.url}/health", timeout=10)


def test_a_server_that_cannot_start_says_so_in_one_line(tmp_path):
    server = ApiServer("ephemeral", tmp_path / "prefect")
    os.killpg(server.pid, signal.SIGKILL)
    with pytest.raises(ApiServerError, match=r"exited with status .*server\.log"):
        server.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_server_dies_with_a_killed_parent(tmp_path):
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import os, signal
                from pathlib import Path
                from flows.apiserver import ApiServer
                server = ApiServer("ephemeral", Path({str(tmp_path / "prefect")!r}))
                print(server.pid, flush=True)
                server.wait()
                os.kill(os.getpid(), signal.SIGKILL)
            """),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert parent.wait(timeout=120) == -signal.SIGKILL
    assert wait_until(lambda: not alive(child)), "the server outlived its parent"
