"""The cached attribute ruler and lemmatizer annotate exactly as spaCy's own components."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from transforms.cached_components import CachedAttributeRuler, CachedLemmatizer
from transforms.pipeline import load_bare_nlp

ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, SENT_START, ENT_IOB, ENT_TYPE]

# Written for this test: the ruler's context patterns (expletive "there is", "gonna", "let's",
# "ain't", "y'all"), pronouns as subject and object, "but" as an adverb, runs of white space,
# and plain news copy read twice, so the second reading comes from the caches.
TEXTS = [
    "There is no deal yet, but there are talks. I told you it works; you saw it and I did too.",
    "We're gonna win, y'all. Let's go! It ain't over, he said.\n\nShe got ta   leave.",
    "Exports rose 4.2 percent to $1.5 billion in April, the ministry said on Monday.",
    "All but two of the 14 companies reported higher profits; the index closed 0.8% lower.",
    "Exports rose 4.2 percent to $1.5 billion in April, the ministry said on Monday.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def bare():  # type: ignore[no-untyped-def]
    return load_bare_nlp()


def test_the_pipeline_uses_the_stand_ins(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_annotations_are_spacys_own(nlp, bare) -> None:
    ours = [doc.to_array(ATTRS) for doc in nlp.pipe(TEXTS)]
    theirs = [doc.to_array(ATTRS) for doc in bare.pipe(TEXTS)]
    for text, a, b in zip(TEXTS, ours, theirs, strict=True):
        assert np.array_equal(a, b), text
