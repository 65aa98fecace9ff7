"""The transform benchmark runs end to end on a few articles and writes its figures."""

from __future__ import annotations

import json

from bench.corpus import DEFAULT_SEED
from bench.transform import load_articles, main

N = 6


def test_texts_are_gold_then_corpus_articles():
    articles = load_articles(63, DEFAULT_SEED)
    assert len(articles) == 63
    assert [a.source_name for a in articles[:60]] == ["gold"] * 60
    assert all(a.source_name != "gold" for a in articles[60:])
    assert len({a.article_id for a in articles}) == 63
    assert load_articles(3, DEFAULT_SEED)[0].body_text == articles[0].body_text


def test_report_has_the_figures(nlp, tmp_path, capsys):
    out = tmp_path / "results" / "transform.json"
    assert main(["--articles", str(N), "--out", str(out), "--no-parallel"]) == 0
    report = json.loads(out.read_text())
    assert report["articles"] == N and report["tokens"] > 0 and report["words"] > 0
    assert report["components"] == list(nlp.pipe_names)
    assert report["model_load_seconds"] >= 0
    assert {"platform", "cpu_count", "python"} <= set(report["machine"])
    assert "spacy" in report["machine"]["libraries"]
    serial = report["serial"]
    assert serial["transform_tokens"] == report["tokens"]  # the same texts, the same docs
    for run in ("bare", "transform"):
        assert serial[run]["seconds"] > 0
        assert serial[run]["articles_per_second"] > 0 and serial[run]["tokens_per_second"] > 0
    assert serial["ratio"] == serial["transform"]["seconds"] / serial["bare"]["seconds"]
    split = serial["split"]
    assert 0 < split["nlp_seconds"] < serial["transform"]["seconds"]
    assert set(split["rules"]) == {
        "extract_entities",
        "extract_time_expressions",
        "extract_metrics",
        "extract_quotes",
        "extract_events",
    }
    assert report["rows"]["mentions"] > 0 and report["rows"]["events"] > 0
    assert "two_cores" not in report
    printed = capsys.readouterr().out
    assert "| serial |" in printed and "| NLP (nlp.pipe) |" in printed


def test_interleaved_run_has_its_ratio(tmp_path, capsys):
    out = tmp_path / "transform.json"
    assert main(["--articles", str(N), "--out", str(out), "--no-parallel", "--interleaved"]) == 0
    run = json.loads(out.read_text())["serial_interleaved"]
    assert run["bare"]["seconds"] > 0 and run["transform"]["seconds"] > 0
    assert run["ratio"] == run["transform"]["seconds"] / run["bare"]["seconds"]
    assert "| serial, in turns by 20 |" in capsys.readouterr().out
