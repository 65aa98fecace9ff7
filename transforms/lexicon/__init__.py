"""The rules' vocabularies, kept as data: one TOML file per vocabulary in this folder.

A file holds named word lists and word -> value tables, each entry commented where it is not
obvious (see the files). Adding a word is an edit here, never in the code:

    from transforms import lexicon

    DATA_NOUNS = lexicon.words("subjects", "data_nouns")         # frozenset[str]
    SCALES = lexicon.table("numbers", "scales")                   # dict[str, float]
    MONTHS = lexicon.terms("calendar", "months")                  # tuple, in file order
    SPEAKING = lexicon.reporting("quote")                         # one family's reporting verbs
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent


class LexiconError(KeyError):
    """A vocabulary file or key that does not exist, or holds the wrong shape."""


@cache
def load(name: str) -> dict[str, Any]:
    """Everything in `transforms/lexicon/<name>.toml`, read once per process."""
    path = FOLDER / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"no vocabulary file {path.name}") from exc


def _entry(name: str, key: str) -> Any:
    data: Any = load(name)
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            raise LexiconError(f"{name}.toml has no {key!r}")
        data = data[part]
    return data


def terms(name: str, key: str) -> tuple[str, ...]:
    """A word list in the file's order (for regular expressions that try longer terms first)."""
    value = _entry(name, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{name}.toml: {key!r} is not a list of strings")
    return tuple(value)


def words(name: str, key: str) -> frozenset[str]:
    """A word list as a set, for membership tests."""
    return frozenset(terms(name, key))


def table(name: str, key: str) -> dict[str, Any]:
    """A word -> value table."""
    value = _entry(name, key)
    if not isinstance(value, dict):
        raise LexiconError(f"{name}.toml: {key!r} is not a table")
    return dict(value)


def by_word(name: str, key: str) -> dict[str, str]:
    """A table of word lists turned round: each word -> the name of the list that holds it
    (`[qualifiers] at_least = ["at least", ...]` gives "at least" -> "at_least"). A word in two
    lists is an error in the file."""
    found: dict[str, str] = {}
    for group, members in table(name, key).items():
        for word in members:
            if found.setdefault(word, group) != group:
                raise LexiconError(f"{name}.toml: {word!r} is in both {found[word]} and {group}")
    return found


def alternation(name: str, key: str) -> str:
    """A list as a regular-expression alternation, longest first, each term escaped, spaces
    matching any run of whitespace."""
    import re

    ordered = sorted(terms(name, key), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)


_REPORTING_USES = (
    "quote",
    "statement",
    "speech_act",
    "figure",
    "by_data",
    "speech",
    "indirect",
    "directive",
    "nominal",
)
_TIMEX_JOBS = ("tense", "date_after", "closing", "to_whom")


def reporting(use: str) -> tuple[str, ...]:
    """The reporting verbs one rule family takes from `reporting_verbs.toml`, in file order.

    `quote` gives written forms; `statement`, `speech_act`, `figure`, `by_data`, `speech`,
    `indirect`, `directive` and `nominal` give lemmas;
    `timex:<job>` gives the time rules' written forms for one job (`tense`, `date_after`,
    `closing`, `to_whom`). The file's header says why the families differ.
    """
    family, _, job = use.partition(":")
    if not (use in _REPORTING_USES or (family == "timex" and job in _TIMEX_JOBS)):
        raise LexiconError(f"reporting_verbs.toml has no use {use!r}")
    found: list[str] = []
    for lemma, entry in table("reporting_verbs", "verbs").items():
        if use == "quote":
            found.extend(entry.get("quote", ()))
        elif family == "timex":
            if job in entry.get("timex_jobs", ()):
                found.extend(entry["timex"])
        elif use == "speech_act":
            if entry.get("statement") == "speech_act":
                found.append(lemma)
        elif entry.get(use):
            found.append(lemma)
    return tuple(found)
