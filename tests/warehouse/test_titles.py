"""A person's title and affiliation across articles: the latest that gives them wins."""

from __future__ import annotations

import pandas as pd

from tests.warehouse.test_db import article
from warehouse import db


def person(title: str | None, affiliation: str | None, run: str) -> dict:
    return {
        "entity_id": "p1",
        "name": "Jane Roe",
        "entity_type": "PERSON",
        "country_code": None,
        "aliases": ["Roe"],
        "title": title,
        "affiliation": affiliation,
        "affiliation_entity_id": "o1" if affiliation else None,
        "run_id": run,
    }


def mention(article_id: str, title: str | None) -> dict:
    return {
        "article_id": article_id,
        "entity_id": "p1",
        "text": "Jane Roe",
        "start_char": 0,
        "end_char": 8,
        "sentence_index": 0,
        "title": title,
        "run_id": "r1",
    }


def load(path, article_id: str, title: str | None, affiliation: str | None) -> None:
    db.load_batch(
        path,
        {
            "articles": pd.DataFrame([article(article_id, "Jane Roe said so.")]),
            "entities": pd.DataFrame([person(title, affiliation, article_id)]),
            "mentions": pd.DataFrame([mention(article_id, title)]),
        },
    )


def stored(path) -> tuple:
    return db.query(path, "select title, affiliation, affiliation_entity_id from entities").rows[0]


def test_a_later_article_without_a_title_keeps_it_and_a_new_title_replaces_it(tmp_path):
    path = tmp_path / "w.duckdb"
    load(path, "a1", "Chief Financial Officer", "Acme Corp")
    assert stored(path) == ("Chief Financial Officer", "Acme Corp", "o1")

    load(path, "a2", None, None)
    assert stored(path) == ("Chief Financial Officer", "Acme Corp", "o1")

    load(path, "a3", "Chief Executive", None)
    assert stored(path) == ("Chief Executive", "Acme Corp", "o1")

    titles = db.query(
        path, "select article_id, mention_title from v_entity_mentions order by article_id"
    ).rows
    assert titles == [("a1", "Chief Financial Officer"), ("a2", None), ("a3", "Chief Executive")]


def test_rows_without_the_new_columns_still_load(tmp_path):
    path = tmp_path / "w.duckdb"
    row = person(None, None, "r1")
    for key in ("title", "affiliation", "affiliation_entity_id"):
        del row[key]
    db.load_batch(
        path,
        {"articles": pd.DataFrame([article("a1")]), "entities": pd.DataFrame([row])},
    )
    assert stored(path) == (None, None, None)
