"""Attributions on PolNeAR (``polnear-dev.jsonl`` to check, ``polnear-train.jsonl`` to read errors):
our quote rows against the gold attributions, direct and mixed quotes against the quoted ones,
indirect rows against the rest, speakers by name; the baseline is text between quotation marks
said by the nearest person or organisation (called by ``bench/devsets.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from spacy.tokens import Doc

from bench.scoring import Counts, _overlaps, _ratio

_WORD = re.compile(r"[a-z0-9]+")
_NOT_NAME = frozenset(
    "the a an of for and s mr mrs ms dr his her their its".split()
    + "he she they it i we you him them us who which that this".split()
)
_PRONOUNS = frozenset("he she they it i we you him her them us his their".split())
_CURLY = re.compile(r"“([^“”\n]+)”")
_STRAIGHT = re.compile(r'"([^"\n]+)"')


class Quote(NamedTuple):
    start: int
    end: int
    speaker: str | None
    kind: str = "direct"  # direct, mixed (both in quotation marks) or indirect


@dataclass
class AttributionScore(Counts):
    gold_quotes: int = 0  # attributions with is_quote true
    found: int = 0  # of those, content overlapped by one of our direct or mixed quotes
    predicted: int = 0  # our direct and mixed quotes
    right: int = 0  # of those, the ones overlapping some gold direct-quote content
    speakers: int = 0  # found quotes whose gold source is given
    speaker_right: int = 0
    gold_indirect: int = 0
    indirect_found: int = 0  # gold indirect attributions overlapped by one of our indirect rows
    indirect_predicted: int = 0  # our indirect rows
    indirect_right: int = 0  # of those, the ones overlapping some gold attribution's content
    indirect_speakers: int = 0  # found indirect attributions whose gold source is given
    indirect_speaker_right: int = 0
    speaker_right_strictly: int = 0  # a role source ("the governor") only as itself
    mixed_speakers: int = 0  # of `speakers`, those whose quote we call mixed
    mixed_speaker_right: int = 0

    FIGURES = (
        "recall",
        "precision",
        "speaker_accuracy",
        "indirect_recall",
        "indirect_precision",
        "indirect_speaker_accuracy",
        "strict_speaker_accuracy",
        "direct_speaker_accuracy",
        "mixed_speaker_accuracy",
    )

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold_quotes)

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.predicted)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_right, self.speakers)

    @property
    def indirect_recall(self) -> float:
        return _ratio(self.indirect_found, self.gold_indirect)

    @property
    def indirect_precision(self) -> float:
        return _ratio(self.indirect_right, self.indirect_predicted)

    @property
    def indirect_speaker_accuracy(self) -> float:
        return _ratio(self.indirect_speaker_right, self.indirect_speakers)

    @property
    def strict_speaker_accuracy(self) -> float:
        return _ratio(self.speaker_right_strictly, self.speakers)

    @property
    def direct_speaker_accuracy(self) -> float:
        """Speaker accuracy on the gold direct quotes that we call direct."""
        return _ratio(
            self.speaker_right - self.mixed_speaker_right, self.speakers - self.mixed_speakers
        )

    @property
    def mixed_speaker_accuracy(self) -> float:
        """Speaker accuracy on the gold direct quotes that we call mixed (partial quotes)."""
        return _ratio(self.mixed_speaker_right, self.mixed_speakers)


def name_words(text: str | None) -> set[str]:
    """The words of a name that can identify it: case folded, without articles and pronouns."""
    return set(_WORD.findall((text or "").casefold())) - _NOT_NAME


def is_pronoun(text: str | None) -> bool:
    words = _WORD.findall((text or "").casefold())
    return bool(words) and all(w in _PRONOUNS for w in words)


def is_role(text: str | None) -> bool:
    """A definite description: "the governor", "the Vermont senator", "the ministry"."""
    words = (text or "").split()
    return (
        1 < len(words) <= 4
        and words[0].casefold() in ("the", "his", "her", "its", "their")
        and words[-1][:1].islower()
    )


def named_sources(
    attributions: list[dict[str, Any]], strict: bool = False
) -> list[tuple[int, str]]:
    """(offset, text) of the gold sources that are not pronouns, nor (unless ``strict``) roles."""
    return sorted(
        (a["source"]["spans"][0][0], a["source"]["text"])
        for a in attributions
        if a.get("source")
        and a["source"]["spans"]
        and not is_pronoun(a["source"]["text"])
        and (strict or not is_role(a["source"]["text"]))
    )


def speaker_right(
    predicted: str | None,
    source: dict[str, Any],
    named: list[tuple[int, str]],
    strict: bool = False,
) -> bool:
    """Whether ``predicted`` is the gold ``source``: a pronoun ("he said") stands for the nearest
    earlier named source; a role ("the governor said") may be given as itself or, unless
    ``strict`` (with ``named`` from ``named_sources(..., strict=True)``), as that source."""
    earlier = [t for s, t in named if s < source["spans"][0][0]]
    antecedent = earlier[-1] if earlier else None
    text = source["text"]
    if is_pronoun(text):
        return speaker_matches(predicted, antecedent)
    return speaker_matches(predicted, text) or (
        not strict and is_role(text) and speaker_matches(predicted, antecedent)
    )


def speaker_matches(predicted: str | None, source: str | None) -> bool:
    """Right when the predicted speaker and the gold source share a name word."""
    return bool(name_words(predicted) & name_words(source))


def _spans(part: dict[str, Any] | None) -> list[tuple[int, int]]:
    return [(s, e) for s, e in part["spans"]] if part else []


def _best(spans: list[tuple[int, int]], quotes: list[Quote]) -> Quote | None:
    """The quote overlapping ``spans`` the most."""
    best: tuple[int, Quote] | None = None
    for q in quotes:
        size = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in spans)
        if size and (best is None or size > best[0]):
            best = (size, q)
    return best[1] if best else None


def score_attributions(attributions: list[dict[str, Any]], quotes: list[Quote]) -> AttributionScore:
    """One document's quotes against its gold attributions.

    Our direct and mixed quotes are scored against the gold direct quotes, our indirect rows
    against the gold indirect attributions. A pronoun source ("he said") stands for the nearest
    earlier gold source that is not one (``speaker_right``).
    """
    marked = [q for q in quotes if q.kind != "indirect"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    score = AttributionScore(predicted=len(marked), indirect_predicted=len(indirect))
    named = named_sources(attributions)
    named_strictly = named_sources(attributions, strict=True)
    for a in attributions:
        content = _spans(a["content"])
        hit = _best(content, marked if a["is_quote"] else indirect)
        if a["is_quote"]:
            score.gold_quotes += 1
            score.found += hit is not None
        else:
            score.gold_indirect += 1
            score.indirect_found += hit is not None
        source = a.get("source")
        if hit is None or not source or not source["spans"]:
            continue
        right = speaker_right(hit.speaker, source, named)
        if a["is_quote"]:
            score.speakers += 1
            score.speaker_right += right
            score.speaker_right_strictly += speaker_right(
                hit.speaker, source, named_strictly, strict=True
            )
            score.mixed_speakers += hit.kind == "mixed"
            score.mixed_speaker_right += right and hit.kind == "mixed"
        else:
            score.indirect_speakers += 1
            score.indirect_speaker_right += right
    gold_direct = [span for a in attributions if a["is_quote"] for span in _spans(a["content"])]
    gold_any = [span for a in attributions for span in _spans(a["content"])]
    score.right = sum(any(_overlaps(q.start, q.end, s, e) for s, e in gold_direct) for q in marked)
    score.indirect_right = sum(
        any(_overlaps(q.start, q.end, s, e) for s, e in gold_any) for q in indirect
    )
    return score


def attribution_errors(
    body: str, attributions: list[dict[str, Any]], quotes: list[Quote]
) -> list[str]:
    """What ``score_attributions`` counts wrong, one line each (for the development part only)."""
    errors = []
    named = named_sources(attributions)
    marked = [q for q in quotes if q.kind != "indirect"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    for a in attributions:
        hit = _best(_spans(a["content"]), marked if a["is_quote"] else indirect)
        content = " ".join(a["content"]["text"].split())[:70] if a["content"] else ""
        source = a.get("source")
        if hit is None:
            what = "direct quote" if a["is_quote"] else "indirect"
            cue = (a.get("cue") or {}).get("text")
            errors.append(f"missed {what} {content!r} (cue {cue!r})")
        elif source and source["spans"] and not speaker_right(hit.speaker, source, named):
            errors.append(
                f"{hit.kind} {content!r}: speaker {hit.speaker!r}, gold {source['text']!r}"
            )
    gold_direct = [span for a in attributions if a["is_quote"] for span in _spans(a["content"])]
    gold_any = [span for a in attributions for span in _spans(a["content"])]
    for q in quotes:
        gold = gold_any if q.kind == "indirect" else gold_direct
        if not any(_overlaps(q.start, q.end, s, e) for s, e in gold):
            errors.append(f"spurious {q.kind} {' '.join(body[q.start : q.end].split())[:70]!r}")
    return errors


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """The baseline's quotes: text between a pair of curly or straight marks in one paragraph."""
    found = [m.span(1) for rx in (_CURLY, _STRAIGHT) for m in rx.finditer(text)]
    return sorted(found)


def nearest_speaker(doc: Doc, start: int, end: int) -> str | None:
    """The person or organisation named nearest to a quote, in the sentences it touches."""
    sentences = [s for s in doc.sents if s.start_char <= end and start <= s.end_char]
    best: tuple[int, str] | None = None
    for sentence in sentences:
        for ent in sentence.ents:
            if ent.label_ not in ("PERSON", "ORG") or _overlaps(
                ent.start_char, ent.end_char, start, end
            ):
                continue
            distance = start - ent.end_char if ent.end_char <= start else ent.start_char - end
            if best is None or distance < best[0]:
                best = (distance, ent.text)
    return best[1] if best else None


def quote_mark_baseline(doc: Doc) -> list[Quote]:
    return [Quote(s, e, nearest_speaker(doc, s, e)) for s, e in find_quote_marks(doc.text)]


# Running -----------------------------------------------------------------------------------
