"""The vocabulary files: every one parses, and the loader refuses what is not there."""

from __future__ import annotations

import re
import tomllib

import pytest

from transforms import lexicon


@pytest.mark.parametrize("path", sorted(lexicon.FOLDER.glob("*.toml")), ids=lambda p: p.stem)
def test_every_vocabulary_file_parses(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data, f"{path.name} is empty"


def test_the_loader_reads_lists_tables_and_alternations(tmp_path, monkeypatch):
    (tmp_path / "sample_words.toml").write_text(
        'verbs = ["said", "told", "stated"]\n'
        "[scales]\nmillion = 1e6\nbillion = 1e9\n"
        '[nested]\nphrases = ["per cent", "percent"]\n'
        '[groups]\na = ["x", "y"]\nb = ["z"]\n'
        '[clash]\na = ["x"]\nb = ["x"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.load.cache_clear()
    try:
        assert lexicon.terms("sample_words", "verbs") == ("said", "told", "stated")
        assert lexicon.words("sample_words", "verbs") == {"said", "told", "stated"}
        assert lexicon.table("sample_words", "scales") == {"million": 1e6, "billion": 1e9}
        assert lexicon.by_word("sample_words", "groups") == {"x": "a", "y": "a", "z": "b"}
        with pytest.raises(lexicon.LexiconError, match="in both"):
            lexicon.by_word("sample_words", "clash")
        pattern = re.compile(lexicon.alternation("sample_words", "nested.phrases"))
        assert pattern.fullmatch("per   cent") and pattern.fullmatch("percent")
        with pytest.raises(lexicon.LexiconError):
            lexicon.terms("sample_words", "scales")
        with pytest.raises(lexicon.LexiconError):
            lexicon.table("sample_words", "missing")
        with pytest.raises(lexicon.LexiconError):
            lexicon.load("no_such_vocabulary")
    finally:
        lexicon.load.cache_clear()


def test_each_family_takes_its_reporting_verbs_from_the_one_list():
    assert {"said", "says", "told", "pointed out"} <= set(lexicon.reporting("quote"))
    assert {"say", "urge", "condemn"} <= set(lexicon.reporting("statement"))
    assert set(lexicon.reporting("speech_act")) < set(lexicon.reporting("statement"))
    assert {"say", "show", "according"} <= set(lexicon.reporting("figure"))
    assert set(lexicon.reporting("timex:tense")) == {"said", "says", "told"}
    assert lexicon.reporting("timex:to_whom") == ("told",)
    assert {"say", "call", "describe"} <= set(lexicon.reporting("speech"))
    assert {"say", "warn"} <= set(lexicon.reporting("indirect"))
    assert "call" not in lexicon.reporting("indirect")
    assert {"urge", "vow"} <= set(lexicon.reporting("directive"))
    with pytest.raises(lexicon.LexiconError):
        lexicon.reporting("timex:future")
    with pytest.raises(lexicon.LexiconError):
        lexicon.reporting("speaking")


def test_every_reporting_verb_says_which_families_use_it():
    allowed = {"quote", "statement", "figure", "by_data", "timex", "timex_jobs"}
    allowed |= {"speech", "indirect", "directive", "nominal"}
    for lemma, entry in lexicon.table("reporting_verbs", "verbs").items():
        assert entry and set(entry) <= allowed, lemma
        assert ("timex" in entry) == ("timex_jobs" in entry), lemma
        assert entry.get("statement", True) in (True, "speech_act"), lemma


def _word_lists(data, where=""):
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _word_lists(value, f"{where}{key}.")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            yield f"{where}{key}", frozenset(value)


def test_no_word_list_is_kept_twice():
    seen: dict[frozenset[str], str] = {}
    for path in sorted(lexicon.FOLDER.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key, words in _word_lists(data):
            if len(words) < 4:
                continue
            where = f"{path.stem}:{key}"
            assert words not in seen, f"{where} repeats {seen[words]}"
            seen[words] = where
