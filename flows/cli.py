"""The `wirehouse` command."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import csv
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from flows.apiserver import ApiServer, ApiServerError
from flows.config import PROJECT_ROOT, ConfigError, Settings, load_config, sources_for_targets

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def _quiet_environment() -> None:
    """Defaults that keep Prefect and GX local, quiet and inside the project."""
    os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # A local Dask cluster logs lost connections while it shuts down; they are not errors of ours.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")
    os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", "critical")
    # Page-extraction libraries log a warning for each odd page they fall back on; the run
    # reports the pages it could not read itself, one line each.
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _db_path(value: str | None) -> Path:
    from warehouse.db import default_db_path

    return Path(value) if value else default_db_path()


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirehouse", description="Wire news into a DuckDB warehouse."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def fetch_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db", help="DuckDB file (default $WIREHOUSE_DB or warehouse/wirehouse.duckdb)"
        )
        p.add_argument(
            "--allow-private-hosts",
            action="store_true",
            help="allow fetching from private, loopback and link-local addresses",
        )

    run = commands.add_parser("run", help="run every configured source once")
    run.add_argument("--config", type=Path, help="config file (default: the bundled sample corpus)")
    fetch_options(run)

    ingest = commands.add_parser("ingest", help="one-off run over URLs, files or folders")
    ingest.add_argument("targets", nargs="+", metavar="TARGET")
    ingest.add_argument("--published-default", type=_parse_date, metavar="DATE")
    fetch_options(ingest)

    sql = commands.add_parser("sql", help="ad-hoc SQL on a read-only connection")
    sql.add_argument("query")
    sql.add_argument("--db")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")

    report = commands.add_parser("report", help="the data quality report")
    report.add_argument("--db")
    report.add_argument("--out", type=Path, default=Path("reports"))
    report.add_argument(
        "--data-docs", type=Path, help="GX Data Docs folder to link (default: beside the database)"
    )

    export = commands.add_parser("export", help="write the warehouse as Parquet for other engines")
    export.add_argument("--db")
    export.add_argument("--format", choices=("parquet",), default="parquet")
    export.add_argument("--out", type=Path, default=Path("warehouse") / "export")

    serve = commands.add_parser("serve", help="run each source on its schedule")
    serve.add_argument("--config", type=Path)
    serve.add_argument("--db")

    reprocess = commands.add_parser("reprocess", help="rebuild tables from stored documents")
    reprocess.add_argument("--db")
    reprocess.add_argument("--since", type=_parse_date, metavar="DATE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "run": _run,
        "ingest": _ingest,
        "sql": _sql,
        "report": _report,
        "export": _export,
        "serve": _serve,
        "reprocess": _reprocess,
    }
    args.api_server = None  # set by the commands that run a flow, once their input is valid
    try:
        return handlers[args.command](args)
    except ConfigError as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("wirehouse: interrupted; what was loaded before stays loaded", file=sys.stderr)
        return EXIT_PARTIAL
    except Exception as exc:  # a bug, not bad input: show where, and fail loudly
        from flows.limits import WorkersUnavailable

        if isinstance(exc, WorkersUnavailable):  # the machine, not the input: say what, once
            print(f"wirehouse: {exc}", file=sys.stderr)
            return EXIT_BUG
        import traceback

        traceback.print_exc()
        print(f"wirehouse: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_BUG
    finally:
        if args.api_server is not None:
            _drain_prefect()
            args.api_server.stop()
            os.environ.pop("PREFECT_API_URL", None)


def _drain_prefect() -> None:
    """Send what Prefect still holds (run events, logs) while its API server is up: drained at
    exit instead, they went to a stopped server and the process waited on its retries."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=5)


def entry() -> None:
    """The `wirehouse` command: `main`, then `exit_quickly`."""
    exit_quickly(main())


def exit_quickly(code: int) -> NoReturn:
    """End the process once the command is done: flush the output, run the exit handlers
    (logging, temporary folders, child processes), then leave without the interpreter's
    teardown of every module, which took 1.1 s after a run (measured on the sample run:
    1.15 s from the last exit handler to the end of the process; 0.03 s like this). Every
    warehouse connection is closed by then; nothing is left to write."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)


def _early_api_server(args: argparse.Namespace) -> ApiServer | None:
    """For a one-off run, start Prefect's local API now, so it boots while the pipeline loads
    (`main` stops it). Not when `PREFECT_API_URL` names a server, nor when Prefect is already
    imported (a caller that set Prefect up itself, such as the test harness)."""
    if "prefect" in sys.modules or os.environ.get("PREFECT_API_URL"):
        return None
    server = ApiServer("ephemeral", Path(os.environ["PREFECT_HOME"]))
    os.environ["PREFECT_API_URL"] = server.url
    args.api_server = server
    return server


def _require_task_runner(settings: Settings) -> None:
    """Dask is an optional extra: say how to install it rather than fail deep in a run."""
    if settings.task_runner == "dask" and importlib.util.find_spec("prefect_dask") is None:
        raise ConfigError(
            'task_runner = "dask" needs prefect-dask, which is not installed: '
            "pip install 'wirehouse[dask]'"
        )


def _run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    settings = config.settings
    _require_task_runner(settings)
    if args.allow_private_hosts or os.environ.get("WIREHOUSE_ALLOW_PRIVATE_HOSTS") == "1":
        settings = _with(settings, allow_private_hosts=True)
    default = _parse_date(settings.published_default) if settings.published_default else None
    db_path = _db_path(args.db)
    return _execute(config.sources, db_path, settings, "run", default, _early_api_server(args))


def _ingest(args: argparse.Namespace) -> int:
    sources = sources_for_targets(args.targets)
    settings = Settings(
        allow_private_hosts=args.allow_private_hosts
        or os.environ.get("WIREHOUSE_ALLOW_PRIVATE_HOSTS") == "1"
    )
    db_path = _db_path(args.db)
    server = _early_api_server(args)
    return _execute(sources, db_path, settings, "ingest", args.published_default, server)


def _with(settings: Settings, **changes: Any) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)


def _reprocess(args: argparse.Namespace) -> int:
    db_path = _db_path(args.db)
    if not db_path.exists():
        print(f"wirehouse: no warehouse at {db_path}", file=sys.stderr)
        return EXIT_USAGE
    server = _early_api_server(args)
    return _execute([], db_path, Settings(), "reprocess", None, server, since=args.since)


def _execute(
    sources: list[Any],
    db_path: Path,
    settings: Settings,
    command: str,
    default: date | None,
    api_server: ApiServer | None,
    since: date | None = None,
) -> int:
    from flows.ingest import ingest, reprocess, warm_up_validation, with_runner
    from warehouse.db import WarehouseLocked

    if api_server is not None:
        warm_up_validation()  # while the server starts
        try:
            api_server.wait()
        except ApiServerError as exc:
            print(f"wirehouse: {exc}; nothing was run", file=sys.stderr)
            return EXIT_BUG

    with _progress() as progress:
        try:
            if command == "reprocess":
                summary = with_runner(reprocess, settings)(
                    str(db_path), settings, since=since, progress=progress
                )
            else:
                summary = with_runner(ingest, settings)(
                    sources,
                    str(db_path),
                    settings,
                    command=command,
                    published_default=default,
                    progress=progress,
                )
        except WarehouseLocked as exc:
            print(
                f"wirehouse: {exc}; nothing was loaded, run again when it is free", file=sys.stderr
            )
            return EXIT_PARTIAL
    for source in summary.sources:
        print(source.line())
        for problem in source.problems[:5]:
            print(f"  - {problem}")
        if len(source.problems) > 5:
            print(f"  - … and {len(source.problems) - 5} more (see table rejected_documents)")
    if summary.log_path:
        errors = f"{summary.internal_errors} internal error(s); " if summary.internal_errors else ""
        print(f"{errors}details of the documents that failed: {summary.log_path}")
    for line in summary.checks:
        print(f"batch check {line}")
    if summary.staged_before[0]:
        batches, rows = summary.staged_before
        print(f"loaded {batches} batch(es) staged by an earlier run ({rows} rows)")
    if summary.staged:
        folder = Path(summary.staged[0]).parent
        print(
            f"warehouse locked by another process: {len(summary.staged)} batch(es) staged "
            f"under {folder}; they load on the next run"
        )
    print(f"run {summary.run_id}: {summary.status}; warehouse at {summary.db_path}")
    print(f'query it with: wirehouse sql "select count(*) from metrics" --db {summary.db_path}')
    return int(summary.exit_code)


@contextmanager
def _progress() -> Iterator[Callable[[str, int], None] | None]:
    """A progress bar on a terminal; nothing when output is redirected."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True
    ) as bar:
        task = bar.add_task("starting", total=None)

        def update(stage: str, done: int) -> None:
            verb = "read" if stage == "extract" else "loaded"
            bar.update(task, description=f"{stage}: {done} articles {verb}")

        yield update


def _sql(args: argparse.Namespace) -> int:
    from warehouse.db import QueryError, WarehouseLocked, query

    try:
        result = query(_db_path(args.db), args.query)
    except FileNotFoundError as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseLocked as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return EXIT_PARTIAL
    except QueryError as exc:
        print(f"wirehouse: query failed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    elif args.format == "json":
        records = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        print(json.dumps(records, default=str, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from warehouse.db import WarehouseLocked
    from warehouse.export import export_parquet

    try:
        counts = export_parquet(_db_path(args.db), args.out)
    except (FileNotFoundError, WarehouseLocked) as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, FileNotFoundError) else EXIT_PARTIAL
    for table, rows in counts.items():
        print(f"{table}: {rows} rows -> {args.out / table}")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from flows.report import report

    return report(_db_path(args.db), args.out, data_docs=args.data_docs)


def _serve(args: argparse.Namespace) -> int:
    from flows.serve import ServeError, serve

    config = load_config(args.config)
    _require_task_runner(config.settings)
    try:
        return serve(config, _db_path(args.db))
    except ServeError as exc:
        print(f"wirehouse: {exc}", file=sys.stderr)
        return EXIT_PARTIAL


if __name__ == "__main__":
    entry()
