"""Singular forms of nouns and noun phrases ("cases" -> "case"), for units and subjects."""

from __future__ import annotations

from spacy.tokens import Token

from transforms import lexicon

_IRREGULAR_SINGULARS: dict[str, str] = lexicon.table("inflections", "singulars")


def _singular(tok: Token) -> str:
    low = tok.lower_
    if low in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[low]
    lemma = tok.lemma_.lower()
    return lemma if lemma and lemma != "-pron-" else _singular_word(low)


def _singular_word(word: str) -> str:
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _singular_phrase(phrase: str) -> str:
    words = phrase.split()
    return " ".join([*words[:-1], _singular_word(words[-1])]) if words else phrase
