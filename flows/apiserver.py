"""A local Prefect API server in a child process: started early, waited for late, always stopped.

Prefect runs a flow only against an API. Without `PREFECT_API_URL` it starts a temporary server
itself, but only when the flow starts, so the run waits for it. `wirehouse run` starts the same
kind of server (uvicorn serving Prefect's app, no UI, no background services) before it imports
anything heavy, so the server boots on the other core while the pipeline loads spaCy and Great
Expectations. `wirehouse serve` needs the scheduler's services, so it starts a full
`prefect server start` the same way.

The child gets SIGTERM when the parent dies, even by SIGKILL (Linux), so no server is orphaned.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

START_SECONDS = 120.0


class ApiServerError(RuntimeError):
    """The local Prefect server could not start."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to SIGTERM the child when its parent dies."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1

    def hook() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)

    return hook


class ApiServer:
    """One local Prefect API server; `url` is valid at once, `wait()` blocks until it answers."""

    def __init__(self, kind: Literal["ephemeral", "full"], home: Path) -> None:
        self.kind = kind
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        home.mkdir(parents=True, exist_ok=True)
        self.log_path = home / "server.log"
        if kind == "full":
            command = ["-m", "prefect", "server", "start", "--host", "127.0.0.1"]
            command += ["--port", str(self.port)]
            extra: dict[str, str] = {}
        else:  # what Prefect's own temporary server runs
            command = ["-m", "uvicorn", "--factory", "prefect.server.api.server:create_app"]
            command += ["--host", "127.0.0.1", "--port", str(self.port)]
            command += ["--log-level", "error", "--lifespan", "on"]
            extra = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, *command],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, **extra, "PREFECT_HOME": str(home), "PREFECT_API_URL": self.url},
                start_new_session=True,  # its own group, so stopping it stops its workers too
                preexec_fn=_die_with_parent(),  # started before any thread of ours exists
            )
        self._healthy = False

    @property
    def pid(self) -> int:
        return self._process.pid

    def wait(self, timeout: float = START_SECONDS) -> str:
        """Block until the server answers its health check; its API URL."""
        if self._healthy:
            return self.url
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise ApiServerError(
                    f"the local Prefect server exited with status {self._process.returncode}; "
                    f"see {self.log_path}"
                )
            try:
                if requests.get(f"{self.url}/health", timeout=2).ok:
                    self._healthy = True
                    return self.url
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise ApiServerError(f"the local Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self._process.poll() is not None:
            return
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=10)
