"""News APIs over a real local server: keys from the environment, pagination, GDELT shapes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, quote_plus

import duckdb
import pytest
from werkzeug import Request, Response

from flows.config import Source
from flows.extract import SecretMask, extract_source
from flows.http import Fetcher
from warehouse.archive import Archive

BODY = "Officials said on Monday that exports rose 4.2 percent in the third quarter. " * 6


def article(n: int) -> dict:
    return {
        "source": {"id": None, "name": "Gazette"},
        "author": "Staff",
        "title": f"Story {n}",
        "description": "Teaser.",
        "url": f"https://gazette.example/{n}",
        "publishedAt": "2025-10-06T08:00:00Z",
        "content": BODY + f" Story number {n}.",
    }


def fetcher() -> Fetcher:
    return Fetcher(allow_private_hosts=True, min_host_interval=0, backoff=0, sleep=lambda s: None)


@pytest.fixture
def api(httpserver):
    pages = {1: [article(1), article(2)], 2: [article(3)], 3: []}

    def handler(request: Request) -> Response:
        if request.headers.get("X-Api-Key") != "s3cret":
            return Response(json.dumps({"status": "error", "code": "apiKeyInvalid"}), 401)
        page = int(request.args.get("page", 1))
        payload = {"status": "ok", "totalResults": 3, "articles": pages.get(page, [])}
        return Response(json.dumps(payload), content_type="application/json")

    httpserver.expect_request("/v2/everything").respond_with_handler(handler)
    return httpserver


def source(url: str, **options) -> Source:
    return Source(name="api", kind="api", location=url, options=options)


def test_key_from_the_environment_and_pages_until_empty(api, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_KEY", "s3cret")
    url = api.url_for("/v2/everything?q=exports")
    archive = Archive(tmp_path / "raw", "run1")
    out = extract_source(
        source(url, api_key_env="NEWS_KEY", page_param="page", max_pages=5), fetcher(), {}, archive
    )
    assert out.error is None
    assert [d.url for d in out.documents] == [f"https://gazette.example/{n}" for n in (1, 2, 3)]
    assert [r.args.get("page") for r, _ in api.log] == [None, "2", "3"]
    stored = json.dumps(archive.frame().to_dict(orient="records"), default=str)
    assert "s3cret" not in stored


def test_a_key_in_the_query_string_never_reaches_the_archive_or_errors(api, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_KEY", "wrong-key")
    url = api.url_for("/v2/everything")
    archive = Archive(tmp_path / "raw", "run1")
    out = extract_source(
        source(url, api_key_env="NEWS_KEY", api_key_param="apiKey"), fetcher(), {}, archive
    )
    assert out.error is not None and "401" in out.error
    assert "wrong-key" not in out.error and "***" in out.error
    assert api.log[0][0].args["apiKey"] == "wrong-key"


def test_a_missing_key_variable_is_one_line_and_no_request(httpserver):
    out = extract_source(source(httpserver.url_for("/v2"), api_key_env="UNSET_KEY_VAR"), fetcher())
    assert out.error == "the API key variable UNSET_KEY_VAR is not set"
    assert httpserver.log == []


def test_gdelt_artlist_links_are_fetched_as_pages(httpserver):
    page = "<html><body><article><p>" + BODY + "</p></article></body></html>"
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/story/1").respond_with_data(page, content_type="text/html")
    payload = {
        "articles": [
            {
                "url": httpserver.url_for("/story/1"),
                "title": "Exports up",
                "seendate": "20251006T080000Z",
                "domain": "gazette.example",
                "language": "English",
                "sourcecountry": "Pakistan",
            }
        ]
    }
    httpserver.expect_request("/api/v2/doc/doc").respond_with_json(payload)
    out = extract_source(
        source(httpserver.url_for("/api/v2/doc/doc?mode=artlist&format=json")), fetcher()
    )
    assert out.error is None
    (doc,) = out.documents
    assert doc.title == "Exports up" and "exports rose" in (doc.html or "")


# A key with every character that percent-encoding changes: `+`, `/`, `=` and a space.
AWKWARD_KEY = "ab+c/d=e== f"


def key_forms(key: str = AWKWARD_KEY) -> set[str]:
    """The key as it is, and every way a URL or an error message may spell it."""
    forms = {key, quote(key), quote(key, safe=""), quote_plus(key), quote_plus(key, safe="/")}
    forms |= {form.lower() for form in forms if "%" in form}
    return forms | {"ab+c", "ab%2Bc", "ab%2bc", "c/d=e", "c%2Fd"}


def assert_no_key(text: str) -> None:
    leaked = sorted(form for form in key_forms() if form in text)
    assert not leaked, f"the key leaked as {leaked} in: {text[:300]}"


@pytest.fixture
def keyed_api(httpserver):
    """An API that answers only to the awkward key in `apiKey`, with one article and one dud."""

    def handler(request: Request) -> Response:
        if request.args.get("apiKey") != AWKWARD_KEY:
            return Response(json.dumps({"status": "error", "code": "apiKeyInvalid"}), 401)
        payload = {"status": "ok", "articles": [article(1), {"title": "no url, no id"}]}
        return Response(json.dumps(payload), content_type="application/json")

    httpserver.expect_request("/v2/everything").respond_with_handler(handler)
    httpserver.expect_request("/v2/broken").respond_with_data("down", status=500)
    return httpserver


def test_a_percent_encoded_key_is_masked_in_origins_and_rejections(
    keyed_api, monkeypatch, tmp_path
):
    monkeypatch.setenv("NEWS_KEY", AWKWARD_KEY)
    archive = Archive(tmp_path / "raw", "run1")
    url = keyed_api.url_for("/v2/everything?q=exports")
    out = extract_source(
        source(url, api_key_env="NEWS_KEY", api_key_param="apiKey"), fetcher(), {}, archive
    )
    assert out.error is None
    assert [d.url for d in out.documents] == ["https://gazette.example/1"]
    ((origin, reason),) = out.rejected
    assert "apiKey=***" in origin and "neither url nor id" in reason
    assert_no_key(json.dumps([out.rejected, out.warnings, [d.origin for d in out.documents]]))
    stored = json.dumps(archive.frame().to_dict(orient="records"), default=str)
    assert "apiKey=***" in stored
    assert_no_key(stored)


@pytest.mark.parametrize("failure", ["http-500", "connection-refused"])
def test_a_percent_encoded_key_is_masked_in_fetch_errors(keyed_api, monkeypatch, failure):
    monkeypatch.setenv("NEWS_KEY", AWKWARD_KEY)
    if failure == "http-500":
        url = keyed_api.url_for("/v2/broken?q=exports")
    else:
        url = f"http://127.0.0.1:{free_port()}/v2/everything?q=exports"
    out = extract_source(source(url, api_key_env="NEWS_KEY", api_key_param="apiKey"), fetcher())
    assert out.error is not None and "apiKey=***" in out.error
    assert ("HTTP 500" if failure == "http-500" else "connection failed") in out.error
    assert_no_key(out.error)


def test_the_mask_covers_every_spelling_and_leaves_other_text_alone():
    mask = SecretMask(AWKWARD_KEY, "apiKey")
    for form in key_forms() - {"ab+c", "ab%2Bc", "ab%2bc", "c/d=e", "c%2Fd"}:
        assert mask(f"before {form} after") == "before *** after", form
    url = f"https://api.example/v2?q=a+b&apiKey={quote_plus(AWKWARD_KEY)}&page=2"
    assert mask(f"{url}: HTTP 500") == "https://api.example/v2?q=a+b&apiKey=***&page=2: HTTP 500"
    # A value the server changed (or a key rotated since) still goes: the parameter names it.
    assert mask("url: /v2?apiKey=Zm9v%3D (Caused by X)") == "url: /v2?apiKey=*** (Caused by X)"
    assert mask("ab c/d and apiKeys=1") == "ab c/d and apiKeys=1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.e2e  # a whole run into DuckDB
def test_a_run_never_shows_or_stores_the_key(keyed_api, tmp_path):
    """The whole command: summary lines, captured output and every table of the warehouse."""
    config = tmp_path / "wirehouse.toml"
    config.write_text(
        "[settings]\nfetch_retries = 1\nmin_host_interval_seconds = 0\n"
        + "".join(
            f'\n[[sources]]\nname = "{name}"\nkind = "api"\nlocation = "{url}"\n'
            'api_key_env = "NEWS_KEY"\napi_key_param = "apiKey"\n'
            for name, url in [
                ("news-ok", keyed_api.url_for("/v2/everything?q=exports")),
                ("news-500", keyed_api.url_for("/v2/broken")),
                ("news-refused", f"http://127.0.0.1:{free_port()}/v2/everything"),
            ]
        ),
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    command = ["run", "--config", str(config), "--db", str(db), "--allow-private-hosts"]
    done = subprocess.run(
        [str(Path(sys.executable).parent / "wirehouse"), *command],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={**os.environ, "NEWS_KEY": AWKWARD_KEY},
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = {line.split(":")[0]: line for line in done.stdout.splitlines()}
    assert "news-ok" in lines and "news-500" in lines and "news-refused" in lines
    assert "apiKey=***" in done.stdout
    assert_no_key(done.stdout + done.stderr)
    assert any(r.args.get("apiKey") == AWKWARD_KEY for r, _ in keyed_api.log)
    with duckdb.connect(str(db), read_only=True) as con:
        origins = con.execute(
            "select origin from raw_documents union all select origin from rejected_documents"
        ).fetchall()
        assert any("apiKey=***" in o for (o,) in origins)
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()]
        for table in tables:
            assert_no_key(json.dumps(con.execute(f"select * from {table}").fetchall(), default=str))
