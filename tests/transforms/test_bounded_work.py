"""Pathological bodies finish or are rejected within the per-document limit, never raise."""

from __future__ import annotations

import random
from datetime import date

import pytest

from flows.limits import document_guard
from transforms.articles import Rejected, build_article
from transforms.batch import FAILURES
from transforms.failures import DocumentTimeout
from transforms.model import Document
from transforms.pipeline import analyse

WORDS = "the council said output rose in the third quarter while rice exports grew".split()
LEAD = "<p>The statistics office released the long table below on Monday.</p>"


def page(body: str) -> str:
    head = "<html><head><title>Figures</title></head>"
    return f"{head}<body><article>{LEAD}{body}</article></body></html>"


def pathological() -> dict[str, str]:
    rng = random.Random(7)
    return {
        "paragraph-without-full-stop": page(
            "<p>" + " ".join(rng.choice(WORDS) for _ in range(40_000)) + "</p>"
        ),
        "nested-tags": "<html><body>"
        + "<div>" * 20_000
        + LEAD
        + "</div>" * 20_000
        + "</body></html>",
        "table-of-numbers": page(
            "<table>"
            + "".join(
                "<tr>"
                + "".join(f"<td>{rng.randint(1, 99_999):,}</td>" for _ in range(10))
                + "</tr>"
                for _ in range(5_000)
            )
            + "</table>"
        ),
    }


@pytest.mark.parametrize("name", list(pathological()))
def test_a_pathological_page_is_cut_and_analysed_or_rejected_with_a_reason(nlp, name):
    html = pathological()[name]
    guard = document_guard(2.0, stage="clean")
    try:
        with guard(html):
            article = build_article(
                Document(url=f"https://example.org/{name}", html=html),
                "test",
                date(2025, 3, 3),
                max_body_chars=60_000,
            )
    except Rejected as exc:
        assert str(exc)  # rejected for what it is, with the reason
        return
    except DocumentTimeout:
        return  # cleaning it ran past the limit: the flow rejects it as such
    assert len(article.body_text) <= 60_000
    if len(html) > 60_000 and name != "nested-tags":
        assert [check for check, _ in article.warnings] == ["body_cut"]
    frames = analyse([article], nlp, "run", guard=document_guard(2.0))
    failed = frames[FAILURES]
    if not failed.empty:
        assert list(failed["error_class"]) == ["DocumentTimeout"]
    else:
        assert set(frames["mentions"]["article_id"]) <= {article.article_id}


def test_the_limit_stops_an_article_that_cannot_finish_in_time(nlp):
    body = LEAD[3:-4] + "\n\n" + " ".join(random.Random(3).choice(WORDS) for _ in range(15_000))
    article = build_article(Document(id="long", body=body), "test", date(2025, 3, 3))
    # Tens of thousands of characters cannot be parsed and read in a fiftieth of a second.
    frames = analyse([article], nlp, "run", guard=document_guard(0.02))
    assert list(frames[FAILURES]["error_class"]) == ["DocumentTimeout"]
    assert frames["mentions"].empty and frames["metrics"].empty
