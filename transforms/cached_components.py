"""Cached stand-ins for spaCy's attribute ruler and rule lemmatizer: the same annotations, less
work per token.

In `en_core_web_sm` the two cost about a third of `nlp.pipe` (README, *Performance*), though
what they give a token is a function of a few of its attributes: the attribute ruler's
one-token patterns read a token's tag, dependency label, whether it is a space and its lower-case
form (only whether it is one of the few words the patterns name), and the rule lemmatizer reads
the token's form, part of speech and morphology. So each result is computed once, by the
original component, and looked up afterwards; patterns of more than one token, or with operators
the cache cannot key on, still go through spaCy's Matcher. A model whose components do not fit
(another language, a lookup lemmatizer) keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

ATTRIBUTE_RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
# Token attributes a cached one-token pattern may read: few values each, so keys repeat.
_KEYED = {"TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
# Attributes with a value per word: keyed on the word only when a pattern names it.
_WORDS = {"LOWER": LOWER}
_SET_PREDICATES = frozenset({"IN", "NOT_IN"})
_OTHER_WORD = 0  # the key of a word no cached pattern names


def use_cached_components(nlp: Language) -> list[str]:
    """Put the cached stand-ins in place of the components they can replace; returns the
    names of the components replaced."""
    replaced = []
    if ATTRIBUTE_RULER in nlp.pipe_names:
        ruler = nlp.get_pipe(ATTRIBUTE_RULER)
        if isinstance(ruler, AttributeRuler) and _cacheable_patterns(ruler):
            _replace(nlp, ATTRIBUTE_RULER, "wirehouse_cached_attribute_ruler")
            replaced.append(ATTRIBUTE_RULER)
    if LEMMATIZER in nlp.pipe_names:
        lemmatizer = nlp.get_pipe(LEMMATIZER)
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            _replace(nlp, LEMMATIZER, "wirehouse_cached_lemmatizer")
            replaced.append(LEMMATIZER)
    return replaced


def _replace(nlp: Language, name: str, factory: str) -> None:
    """Put the stand-in made by `factory` (which wraps the component `name`) in its place,
    under its name."""
    nlp.add_pipe(factory, name=f"{name}_cached", after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"{name}_cached", name)


def _cacheable(pattern: Pattern) -> bool:
    """A one-token pattern that reads only keyed attributes, by value or IN / NOT_IN."""
    if len(pattern) != 1:
        return False
    for attr, value in pattern[0].items():
        if attr not in _KEYED and attr not in _WORDS:
            return False
        if isinstance(value, dict) and not set(value) <= _SET_PREDICATES:
            return False
    return True


Pattern = list[dict[str, Any]]


def _entries(ruler: AttributeRuler) -> list[list[Pattern]]:
    """The ruler's entries in order, each the patterns (alternatives) of one attribute set."""
    return [cast(list[Pattern], entry["patterns"]) for entry in ruler.patterns]


def _cacheable_patterns(ruler: AttributeRuler) -> list[int]:
    """Indexes of the ruler's entries whose every pattern is cacheable."""
    return [i for i, entry in enumerate(_entries(ruler)) if all(map(_cacheable, entry))]


def _named_words(patterns: Iterable[Pattern]) -> dict[str, set[str]]:
    """Per word attribute, the words the patterns name."""
    named: dict[str, set[str]] = {attr: set() for attr in _WORDS}
    for pattern in patterns:
        for attr, value in pattern[0].items():
            if attr not in _WORDS:
                continue
            if isinstance(value, dict):
                for words in value.values():
                    named[attr].update(words)
            else:
                named[attr].add(value)
    return named


class CachedAttributeRuler:
    """spaCy's AttributeRuler, its one-token matches looked up by token key.

    The matches a token gets are recorded the first time its key is seen (by the ruler's own
    Matcher, on that token alone) and replayed afterwards; the ruler then sets the attributes
    from the same sorted list of matches it would have found, so later patterns keep their
    precedence.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.name = ruler.name
        cached = set(_cacheable_patterns(ruler))
        entries = _entries(ruler)
        # Keyed as the ruler keys them: the entry's index, as a string.
        self._single = Matcher(ruler.vocab, validate=False)
        self._rest = Matcher(ruler.vocab, validate=False)
        for i, entry in enumerate(entries):
            (self._single if i in cached else self._rest).add(str(i), entry)
        self._has_rest = len(self._rest) > 0
        named = _named_words(p for i in cached for p in entries[i])
        self._attrs = [*_KEYED.values(), *(_WORDS[a] for a in named)]
        self._words = [{ruler.vocab.strings.add(w) for w in words} for words in named.values()]
        self._cache: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))  # type: ignore[no-untyped-call]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches `AttributeRuler.match` returns: (entry, match id, start, end), sorted."""
        strings = self.ruler.vocab.strings
        matches: list[tuple[int, int, int, int]] = []
        if len(doc):
            values = doc.to_array(self._attrs)
            keyed = len(_KEYED)
            for column, words in enumerate(self._words, start=keyed):
                named = np.isin(values[:, column], np.fromiter(words, np.uint64, len(words)))
                values[~named, column] = _OTHER_WORD
            for i, row in enumerate(map(tuple, values.tolist())):
                found = self._cache.get(row)
                if found is None:
                    alone = self._single(doc[i : i + 1], allow_missing=True)
                    found = self._cache[row] = [(int(strings[m]), m) for m, _, _ in alone]
                matches.extend((entry, m, i, i + 1) for entry, m in found)
        if self._has_rest:
            rest = self._rest(doc, allow_missing=True, as_spans=False)
            matches.extend((int(strings[m]), m, s, e) for m, s, e in rest)
        matches.sort()
        return matches


class CachedLemmatizer:
    """spaCy's rule lemmatizer, its lemma per (form, part of speech, morphology) looked up.

    The rule lemmatizer keys its own cache the same way; this one saves the Python work per
    token around it and sets the lemmas as one array.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.name = lemmatizer.name
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return self.lemmatizer(doc)
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                found = self._cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            values[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Any, values[:, 3:4]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("wirehouse_cached_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str, source: str) -> CachedAttributeRuler:
    ruler = nlp.get_pipe(source)
    assert isinstance(ruler, AttributeRuler)
    return CachedAttributeRuler(ruler)


@Language.factory("wirehouse_cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str, source: str) -> CachedLemmatizer:
    lemmatizer = nlp.get_pipe(source)
    assert isinstance(lemmatizer, Lemmatizer)
    return CachedLemmatizer(lemmatizer)
