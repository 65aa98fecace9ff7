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
        '[nested]\nphrases = ["per cent", "percent"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.load.cache_clear()
    try:
        assert lexicon.terms("sample_words", "verbs") == ("said", "told", "stated")
        assert lexicon.words("sample_words", "verbs") == {"said", "told", "stated"}
        assert lexicon.table("sample_words", "scales") == {"million": 1e6, "billion": 1e9}
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
