"""The rules' vocabularies, kept as data: one TOML file per vocabulary in this folder.

A file holds named word lists and word -> value tables, each entry commented where it is not
obvious (see the files). Adding a word is an edit here, never in the code:

    from transforms import lexicon

    REPORTING = lexicon.words("reporting_verbs", "verbs")        # frozenset[str]
    SCALES = lexicon.table("numbers", "scales")                   # dict[str, float]
    MONTHS = lexicon.terms("calendar", "months")                  # tuple, in file order
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


def alternation(name: str, key: str) -> str:
    """A list as a regular-expression alternation, longest first, each term escaped, spaces
    matching any run of whitespace."""
    import re

    ordered = sorted(terms(name, key), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
