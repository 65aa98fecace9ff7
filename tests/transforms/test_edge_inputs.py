"""Inputs at the edges: publication dates near year 1 and 9999, one-sentence items, and bodies
full of control and invisible characters, through time extraction and the whole analysis."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pyarrow as pa
import pytest

from transforms.articles import build_article
from transforms.model import Article, Document
from transforms.pipeline import analyse
from transforms.timex import extract_time_expressions

RELATIVE = (
    "The port authority said on Monday that the new quay would open next week. Traffic fell "
    "last year, and in the same period last year it had risen 3 percent. In the first half, "
    "cargo volumes grew 5 percent. Three days later the talks resumed. A decade ago the "
    "harbour handled half as much. Officials met over the weekend and again yesterday, and "
    "will meet tomorrow morning at 9 a.m. Output rose a year earlier and two weeks ago. "
    "Late last year prices fell; early next year they are expected to rise. Last summer and "
    "next spring were busy, as was Christmas. The plant was built 5,000 years ago, a century "
    "ago by some accounts. The following day the minister left, and the day before she spoke. "
    "Exports rose in the past five years and will grow over the next 10 years. The fourth "
    "quarter and the previous quarter were weak, as was last month. Last Monday the board "
    "met, and on Saturday it voted."
)
# A TIMEX3 value as this project writes them, or a range of two.
_VALUE = re.compile(
    r"\d{4}(-\d\d(-\d\d(T[\w:]+)?)?|-Q[1-4]|-H[12]|-W\d\d(-WE)?|-(SP|SU|FA|WI))?|\d{2,3}"
    r"|P[\dYMWDTHS.]+|XXXX-WXX-\d|FY\d{4}(-\d\d)?"
)


def _check_times(text: str, anchor: date) -> list[str | None]:
    times = extract_time_expressions(text, anchor)
    for t in times:
        assert text[t.start_char : t.end_char] == t.text
        for part in (t.value or "").split("/"):
            assert not part or _VALUE.fullmatch(part), (anchor, t.text, t.value)
        assert (t.range_start is None) == (t.range_end is None)
        if t.range_start and t.range_end:
            assert t.range_start <= t.range_end
    return [t.value for t in times]


@pytest.mark.parametrize(
    "anchor",
    [date.min, date(1, 1, 7), date(1, 12, 31), date(2300, 5, 5), date(9999, 1, 1), date.max],
)
def test_relative_expressions_at_the_calendar_edges(anchor):
    values = _check_times(RELATIVE, anchor)
    assert len(values) > 20
    # What exists is still resolved: "next week" from 1 January of year 1, "last year" in 9999.
    assert any(v is not None for v in values)


def test_relative_values_past_the_calendar_are_none_not_wrong():
    first = {t.text: t.value for t in extract_time_expressions(RELATIVE, date.min)}
    assert first["last year"] is None  # year 0 does not exist
    assert first["next week"] == "0001-W02"
    assert first["A decade ago"] is None
    last = {t.text: t.value for t in extract_time_expressions(RELATIVE, date.max)}
    assert last["last year"] == "9998"
    assert last["next week"] is None
    assert last["the same period last year"] == "9997"  # the year before "last year"


def test_anchors_near_both_ends_property():
    """Every day of the first and last 400 days of the calendar, and a few far in the future."""
    anchors = [date.min + timedelta(days=n) for n in range(400)]
    anchors += [date.max - timedelta(days=n) for n in range(400)]
    anchors += [date(y, 6, 15) for y in (2, 99, 100, 999, 1000, 2300, 9899, 9990)]
    sentences = re.split(r"(?<=\.) ", RELATIVE)
    for anchor in anchors:
        for sentence in sentences:
            _check_times(sentence, anchor)


def _article(published: str, body: str, default: date = date(2025, 12, 1), **fields) -> Article:
    fields.setdefault("id", f"edge-{published}")
    doc = Document(published=published, body=body, **fields)
    return build_article(doc, "edge", default, now=datetime(2025, 12, 1, 12, tzinfo=UTC))


def _check_frames(articles: list[Article], frames: dict[str, pd.DataFrame]) -> None:
    bodies = {a.article_id: a.body_text for a in articles}
    for table in ("mentions", "time_expressions", "metrics", "quotes"):
        frame = frames[table]
        for row in frame.to_dict(orient="records"):
            body = bodies[row["article_id"]]
            assert body[row["start_char"] : row["end_char"]] == row["text"], (table, row)
    for value in frames["time_expressions"].get("value", pd.Series(dtype=object)).dropna():
        for part in value.split("/"):
            assert _VALUE.fullmatch(part), value
    for frame in frames.values():
        pa.Table.from_pandas(frame)  # as the warehouse load does: no lone surrogates anywhere


@pytest.mark.parametrize(
    ("published", "default"),
    [
        ("0001-01-01", date.min),
        ("9999-12-31", date.max),
        ("2300-05-05", date(9999, 12, 25)),
        ("0001-01-01T00:00:00+14:00", date(1, 1, 3)),
        ("9999-12-31T23:00:00-12:00", date(9999, 12, 30)),
    ],
)
def test_edge_dated_articles_through_the_whole_analysis(nlp, published, default):
    article = _article(published, RELATIVE, default)
    assert article.published_at is None
    assert article.anchor_date == default
    assert [check for check, _ in article.warnings] == ["published_plausible"]
    frames = analyse([article], nlp, "edge-run")
    _check_frames([article], frames)
    assert not frames["time_expressions"].empty
    for column in ("date_start", "date_end"):
        for value in frames["events"].get(column, pd.Series(dtype=object)).dropna():
            assert date.min <= value <= date.max


def test_a_one_sentence_flash_is_analysed(nlp):
    flash = (
        "BEIJING, Dec 1 (Xinhua) -- China's factory output grew 2.1 percent in November, the "
        "statistics bureau said."
    )
    article = _article("2025-12-01T09:00:00+08:00", flash)
    frames = analyse([article], nlp, "flash-run")
    _check_frames([article], frames)
    times = frames["time_expressions"]
    assert list(zip(times["text"], times["value"], strict=True)) == [
        ("Dec 1", "2025-12-01"),
        ("November", "2025-11"),
    ]
    metrics = frames["metrics"]
    assert list(zip(metrics["value"], metrics["unit"], strict=True)) == [(2.1, "percent")]
    assert metrics["direction"].iloc[0] == "up"
    assert "China" in set(frames["mentions"]["text"])


def test_a_body_with_every_kind_of_dirt_is_analysed_with_exact_offsets(nlp):
    record = json.loads(
        '{"id": "dirty\\ud800", "title": "Ferry\\u00a0fares\\u200b rise\\ud800",'
        ' "author": "Lena\\u202f\\u2066Holm\\u2069", "published": "2025-11-30",'
        ' "body": "\\ufeffOSLO,\\u00a0Nov 30 (NTB)\\u00a0-- The\\u200b ferry\\u2060 company'
        " said on\\u200e Friday\\u200f that fares would rise 4\\u00a0percent in January.\\r\\n"
        "\\r\\nThe\\u0000 city council\\u0007 said in\\u3000October it\\u202e would\\u202c pay"
        ' \\u201cpart of the cost\\u201d\\ud800.\\u0085Passenger numbers fell\\u2003last year."}'
    )
    article = _article(record.pop("published"), record.pop("body"), **record)
    body = article.body_text
    for bad in ("\x00", "\x07", "\ufeff", "\u200b", "\u2060", "\u200e", "\u202e", "\u00a0"):
        assert bad not in body
    assert not re.search("[\ud800-\udfff]", body + (article.title or "") + (article.author or ""))
    assert body.startswith("OSLO, Nov 30 (NTB) -- The ferry company said on Friday")
    assert article.title == "Ferry fares rise\ufffd"
    assert article.author == "Lena Holm"
    frames = analyse([article], nlp, "dirty-run")
    _check_frames([article], frames)
    times = dict(
        zip(frames["time_expressions"]["text"], frames["time_expressions"]["value"], strict=True)
    )
    assert times["Friday"] == "2025-11-28"
    assert times["last year"] == "2024"
