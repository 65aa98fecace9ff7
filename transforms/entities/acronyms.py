"""Acronyms defined in the text ("Ministry of ... (MIIT)"), and their later uses."""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.entities.names import _clean, _Raw

_SMALL_WORDS = lexicon.words("entities", "small_words")
_ACRONYM = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&]{1,9}?)s?\s*\)")


def find_acronyms(text: str) -> dict[str, tuple[str, bool]]:
    """Acronyms defined in the text: ACR -> (long form, whether the long form is a name)."""
    found: dict[str, tuple[str, bool]] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group("acr")
        before = text[max(0, match.start() - 160) : match.start()].rstrip()
        words = re.findall(r"[\w’'.\-&]+", before)
        long_form = _match_long_form(acronym, words)
        if long_form:
            is_name = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in long_form.split())
            found.setdefault(acronym, (long_form, is_name))
    return found


def _match_long_form(acronym: str, words: list[str]) -> str | None:
    letters = [c.lower() for c in acronym if c.isalpha()]
    # Try the shortest run of trailing words whose letters spell the acronym.
    for size in range(1, min(len(words), len(letters) + 4) + 1):
        run = words[-size:]
        if run[0].lower() in _SMALL_WORDS:
            continue
        significant = [w.lower() for w in run if w.lower() not in _SMALL_WORDS]
        # Mixed-case acronyms spell small words too: MoEI, Ministry of Energy and Infrastructure.
        every = [w.lower() for w in run if w.lower() not in ("and", "&", "the")]
        if _spells(letters, significant) or (
            acronym != acronym.upper() and _spells(letters, every)
        ):
            return " ".join(run)
    return None


def _spells(letters: list[str], words: list[str]) -> bool:
    """Each word gives its initial and, in order, maybe more of its letters (TeleVision)."""
    if not words:
        return not letters
    if not letters or words[0][:1] != letters[0]:
        return False
    word = words[0]
    for taken in range(1, len(letters) + 1):
        if taken > 1:
            rest = word[1:]
            positions = iter(rest)
            if not all(ch in positions for ch in letters[1:taken]):
                break
        if _spells(letters[taken:], words[1:]):
            return True
    return False


def _add_acronym_uses(
    text: str, raws: list[_Raw], acronyms: dict[str, tuple[str, bool]]
) -> list[_Raw]:
    """Mentions of defined acronyms that the model missed or mislabelled."""
    taken = [(r.start, r.end) for r in raws]
    label_of_long = {
        acr: next((r.label for r in raws if _clean(r.text) == _clean(long)), "ORG")
        for acr, (long, is_name) in acronyms.items()
        if is_name
    }
    for raw in raws:
        name = _clean(raw.text)
        if name in label_of_long:
            raw.label = label_of_long[name]
    for acronym, label in label_of_long.items():
        for match in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            if any(s < match.end() and e > match.start() for s, e in taken):
                continue
            raws.append(_Raw(acronym, match.start(), match.end(), label))
    return raws
