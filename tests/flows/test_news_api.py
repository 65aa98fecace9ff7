"""News APIs over a real local server: keys from the environment, pagination, GDELT shapes."""

from __future__ import annotations

import json

import pytest
from werkzeug import Request, Response

from flows.config import Source
from flows.extract import extract_source
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
