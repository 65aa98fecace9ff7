"""The words and limits the quote rules read, each loaded once from transforms/lexicon/
(quotes.toml and the `quote`, `speech`, `indirect`, `directive` and `nominal` uses of
reporting_verbs.toml). Adding a word is an edit to those files, never here."""

from __future__ import annotations

import re

from transforms import lexicon


def _alternatives(name: str, key: str) -> str:
    """A word list as a regular-expression alternation, in the file's order."""
    return "|".join(map(re.escape, lexicon.terms(name, key)))


MIN_QUOTE_WORDS = 4
# How far (characters) a reporting verb may stand after a quote's end or before its start.
NEAR_AFTER, NEAR_BEFORE = 100, 160
# How long (tokens) a sentence the parse split off after a closing mark may be and still be
# read as the quote's attribution ("Okafor said, adding that talks would resume.").
ATTRIBUTION_TOKENS = 16
LEAD_CHARS = 400  # how far back a quote's sentence is looked for
TITLE_WORDS = 6  # a title-case phrase in marks up to this long is a name, not a quote
SPEECH_VERBS = "|".join(map(re.escape, lexicon.reporting("quote")))
_VERB = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b", re.I)
_PRONOUN = re.compile(rf"\b(?P<pronoun>{_alternatives('quotes', 'pronouns')})\b", re.I)
_ROLE = re.compile(
    rf"\bthe\s+(?P<role>(?:\w+\s+){{0,2}}(?:{_alternatives('quotes', 'roles')}))\b",
    re.I,
)
_TITLE_WORDS = lexicon.words("quotes", "title_words")
_ROLE_NOUNS = lexicon.words("quotes", "roles")
# How far (characters) before a person's name (in a title: "Minister for Planning and
# Development Ana Ruiz") or after it (in an apposition: "Ruiz, a retired judge,") a noun
# introduces them.
TITLE_CHARS, APPOSITION_CHARS = 80, 40
# An untagged name beside a verb may not start with one ("He said", "We added").
_NOT_NAMES = lexicon.words("entities", "subject_pronouns")
_SPEECH_LEMMAS = frozenset(lexicon.reporting("speech"))
_INDIRECT_LEMMAS = frozenset(lexicon.reporting("indirect"))
_DIRECTIVE_LEMMAS = frozenset(lexicon.reporting("directive"))
_NOMINAL_LEMMAS = frozenset(lexicon.reporting("nominal"))
_REPORTING_LEMMAS = _SPEECH_LEMMAS | _INDIRECT_LEMMAS | _DIRECTIVE_LEMMAS | _NOMINAL_LEMMAS
_ORGANISATION_NOUNS = lexicon.words("quotes", "organisation_nouns")
_NOT_QUOTED_AFTER = lexicon.terms("quotes", "not_quoted_after")
_SPEAKERS = ("PERSON", "ORG", "GPE", "NORP")
# A capitalised name next to a speech verb, for speakers the model did not tag.
_NAME_AFTER_VERB = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)"
)
_NAME_BEFORE_VERB = re.compile(
    rf"(?P<name>(?:[A-Z][\w.'’-]+\s+){{0,5}}[A-Z][\w'’-]+)\s+(?:{SPEECH_VERBS})\b"
)
_NOT_QUOTED = re.compile(rf"\b(?:{'|'.join(map(re.escape, _NOT_QUOTED_AFTER))})\s*$", re.I)
_OPEN = "“"
_CLOSE = "”"
# What may stand between a sentence's start and the opening mark of a direct quote: nothing,
# or an attribution ending in a colon or comma ("She said:", "He added,").
_DIRECT_LEAD = re.compile(r"(?:^|[:,]|\b(?:" + SPEECH_VERBS + r"))\s*$", re.I)
# ... and where a quote goes on after its attribution, in any case ("..., Carter said, "and ...").
_RESUMED_LEAD = re.compile(r"(?:[:]|\b(?:" + SPEECH_VERBS + r"),)\s*$", re.I)
# Genders "he" and "she" agree with: "m" or "f" for a title, a first name or a pronoun.
_GENDER_TITLES = {w: "m" for w in lexicon.terms("quotes", "male_titles")} | {
    w: "f" for w in lexicon.terms("quotes", "female_titles")
}
_GENDER_FIRST_NAMES = {w: "m" for w in lexicon.terms("quotes", "male_first_names")} | {
    w: "f" for w in lexicon.terms("quotes", "female_first_names")
}
_GENDER_PRONOUNS = {w: "m" for w in lexicon.terms("quotes", "male_pronouns")} | {
    w: "f" for w in lexicon.terms("quotes", "female_pronouns")
}
