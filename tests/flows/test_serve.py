"""`wirehouse serve`: a scheduled run loads rows on its own, and stopping leaves no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e  # starts `wirehouse serve` and waits for a scheduled run


def loaded_runs(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(
                "select command, status, new from etl_runs where status <> 'running'"
            ).fetchall()
    except duckdb.Error:
        return []  # a run holds the file right now, or the tables are not there yet


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_serve_runs_a_source_on_its_schedule_and_stops_cleanly(tmp_path):
    config = tmp_path / "wirehouse.toml"
    config.write_text(
        textwrap.dedent(f"""
        [[sources]]
        name = "scraped"
        kind = "archive"
        location = "{ROOT / "sample" / "scraped"}"
        interval = 5
    """)
    )
    db = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    with (tmp_path / "serve.log").open("w") as log:
        serve = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "wirehouse"),
                "serve",
                "--config",
                str(config),
                "--db",
                str(db),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,
            start_new_session=True,
        )
        try:
            # Wait for the scheduler to do its work: the first run that loads articles.
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and not any(r[2] for r in loaded_runs(db)):
                assert serve.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(1)
            runs = loaded_runs(db)
            assert runs and runs[0][0] == "serve:scraped" and runs[0][2] == 10, runs
        finally:
            serve.send_signal(signal.SIGINT)
            code = serve.wait(timeout=90)
    output = (tmp_path / "serve.log").read_text()
    assert code == 0, output
    assert "stopped" in output and "Traceback" not in output
    # The scheduled runs were analysed by the workers `serve` started once, not by their own.
    (stopped,) = [x for x in output.splitlines() if x.startswith("stopped")]
    assert int(stopped.split("analysed ")[1].split(" run")[0]) >= 1, output
    # ... and validated by the `serve` process, which imported Great Expectations once.
    assert int(stopped.split(", and ")[1].split(" batch")[0]) >= 1, output
    # The Prefect server the command started, and its workers, are gone with it.
    deadline = time.monotonic() + 30
    while group_alive(serve.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not group_alive(serve.pid)
    (line,) = [x for x in output.splitlines() if x.startswith("started a local Prefect server")]
    server_pid = int(line.split("(pid ")[1].split(")")[0])
    while group_alive(server_pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not group_alive(server_pid)
