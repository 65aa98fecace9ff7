"""The article being read: sentences, clauses, tense, quotations and the country's fiscal
calendar.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date

from transforms import lexicon
from transforms.timex.fiscal import _Fiscal, _fiscal_of
from transforms.timex.words import _CAPITAL_CUES, _SPORTS_STRICT

_SENT_BREAK = re.compile(r"([.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[^\S\n]*\n\s*")
_WORD_BEFORE_DOT = re.compile(r"([\w.]{1,12})\.$")  # read on a 13-character window
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen gov sen rep lt col capt prof inc corp co ltd no vs jr sr mt ft "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m e.g i.e".split()
)
# Lower-case and case-sensitive on purpose: these run often and need to be quick.
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:—]|\s[-–]\s"
    r"|\b(?:that|which|who|whom|but|while|whereas|although|though|because|since"
    r"|after|before|when|where|if|unless)\b"
)
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|shall|won['’]t|could|might|may|going\s+to|(?:is|are)\s+to\s+[a-z]+"
    r"|(?:is|are|was|were)\s+due\b"
    r"|scheduled|slated|set\s+(?:to|for)|plans?\s+to|planned|intends?\s+to|aims?\s+to"
    r"|(?:hopes?|vows?|pledges?|promises?|seeks?|likely)\s+to|upcoming|forthcoming"
    r"|expects?|expected|forecasts?|projects?|projected|predicts?|anticipates?|outlook"
    r"|[Nn]ext\s+(?!to\b|day\b|morning\b|afternoon\b|evening\b|night\b)"
    r"|guidance)\b|\w['’]ll\b"
)
# A past verb shortly before the expression ("said on Saturday", "was passed on March 3");
# participles after "be" ("will be held") do not count. Lower case only: "United" is no verb.
_PAST = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:[a-z]+ed|said|says|told|held|met|began|took|made|won|lost|fell"
    r"|rose|came|went|saw|left|gave|sent|struck|ran|brought|bought|sold|spoke|wrote|broke|led"
    r"|kept|became|was|were)\b"
)
_NOT_PAST = frozenset(
    "scheduled planned expected slated projected forecasted aimed intended proposed "
    "anticipated predicted need indeed proceed exceed succeed speed feed seed red bed shed "
    "embed".split()
)
_NOT_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|his|her|this|that|whose)|['’]s|\bthan|-than-|\bas)\s*$"
)
_BASE_BEFORE = re.compile(
    r"\b(?:from|since|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
    r"(?:[^\s,;:]*\d[^\s,;:]*\s+(?:[a-z]+\s+){0,2}?(?:in|during|for|of|at)\s+)?$",
    re.IGNORECASE,
)
# A deadline or target right before the expression: "by 2032", "until the end of March".
_END_POINT_BEFORE = re.compile(
    r"\b(?:by|until|till|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)
_REPORTING = frozenset(lexicon.reporting("timex:tense"))
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_ATTRIBUTION_VERBS = "|".join(
    rf"{v}\s+[\w\s]{{1,30}}?" if v in lexicon.reporting("timex:to_whom") else v
    for v in lexicon.reporting("timex:closing")
)
# The attribution that closes a sentence: ", the company said.", ", according to the ministry."
_ATTRIBUTION = re.compile(
    r"[,;:\s]*+(?:according\s+to\b[^,;]*|(?:[\w'’.-]++\s++){0,6}?"
    rf"(?:{_ATTRIBUTION_VERBS})"
    r"(?:\s+(?:on\s+)?\w+)?)"
    r"[\s\"'”’)]*+(?:[.!?][\s\"'”’)]*+)?$"
)
_FILLER = frozenset("on in at by the of from since until till last next this a an".split())
_WORDS = re.compile(r"[A-Za-z']+")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.-]*+)[^\S\n]*+$")
_NEXT_WORD = re.compile(r"[^\S\n]*+([A-Za-z][\w'’-]*)")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        if m.group(1) == ".":
            w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 12), m.start() + 1)
            word = w.group(1).lower() if w else ""
            if word in _ABBREVIATIONS or len(word) == 1:
                continue
        starts.append(m.end())
    return starts


class _Env:
    """The article being read: its text, anchor and sentence boundaries."""

    __slots__ = (
        "_breaks",
        "_fiscal",
        "_fiscal_in",
        "_quotes",
        "_sporty",
        "_tenses",
        "anchor",
        "starts",
        "text",
    )

    def __init__(self, text: str, anchor: date) -> None:
        self.text = text
        self.anchor = anchor
        self.starts = _sentence_starts(text)
        self._sporty: bool | None = None
        self._breaks: dict[int, list[int]] = {}
        self._tenses: dict[tuple[int, int, bool], str | None] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self._fiscal: _Fiscal | bool | None = False
        self._fiscal_in: dict[tuple[int, int], _Fiscal | None] = {}  # per sentence, once read

    @property
    def sporty(self) -> bool:
        """Whether the article reads as a sports report (computed on first use)."""
        if self._sporty is None:
            self._sporty = _SPORTS_STRICT.search(self.text) is not None
        return self._sporty

    @property
    def fiscal(self) -> _Fiscal | None:
        """The fiscal calendar of the article's country, if known (computed on first use)."""
        if self._fiscal is False:
            self._fiscal = _fiscal_of(self.text, head=160)
        return self._fiscal if isinstance(self._fiscal, _Fiscal) else None

    def fiscal_at(self, pos: int) -> _Fiscal | None:
        """The fiscal calendar for an expression at ``pos``: a country named in its sentence,
        else the article's."""
        bounds = self.bounds(pos)
        if bounds not in self._fiscal_in:
            self._fiscal_in[bounds] = _fiscal_of(self.text, *bounds)
        return self._fiscal_in[bounds] or self.fiscal

    def sent(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def bounds(self, pos: int) -> tuple[int, int]:
        i = self.sent(pos)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def sentence(self, pos: int) -> str:
        s0, s1 = self.bounds(pos)
        return self.text[s0:s1]

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos)
        return m.group(1) if m else ""

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around [start, end) speaks of the future."""
        return self.tense(start, end) == "future"

    def tense(self, start: int, end: int, wide: bool = True) -> str | None:
        """ "future", "past" or None (no cue) for the clause around [start, end); ``wide`` lets
        a clause without a cue take the nearest one earlier in its sentence."""
        key = (start, end, wide)
        if key not in self._tenses:
            self._tenses[key] = self._tense(start, end, wide)
        return self._tenses[key]

    def _tense(self, start: int, end: int, wide: bool) -> str | None:
        s0, s1 = self.bounds(start)
        breaks = self.breaks(start)
        before = [b for b in breaks if b < start]
        after = [b for b in breaks if b >= end]
        left = before[-1] if before else s0
        right = after[0] if after else s1

        def content(a: int, b: int) -> int:
            words = _WORDS.findall(self.text, a, b)
            return sum(1 for w in words if w.lower() not in _FILLER)

        # A bare adverbial ("On Saturday, the minister will ...") borrows the next clause, unless
        # that is only the attribution closing the sentence (", the company said.").
        if content(left, start) + content(end, right) < 2:
            if after and not _ATTRIBUTION.match(self.text, after[0], s1):
                right = after[1] if len(after) > 1 else s1
            if content(left, start) + content(end, right) < 2 and len(before) > 1:
                left = before[-2]
        # The nearest verb cue before the expression decides; else any cue in the clause.
        lo = max(left, start - 60)
        past = [p.start() for p in _PAST.finditer(self.text, lo, start) if p[0] not in _NOT_PAST]
        fut = [f.start() for f in self._futures(left, start)]
        if past and (not fut or past[-1] > fut[-1]):
            return "past"
        if fut:
            return "future"
        # After it, the nearest cue: "on Monday agreed to hold the next meeting" is past.
        after_cues = [(f.start(), "future") for f in self._futures(end, right)]
        after_cues += [
            (p.start(), "past")
            for p in _PAST.finditer(self.text, end, right)
            if p[0] not in _NOT_PAST
        ]
        if after_cues:
            return min(after_cues)[1]
        if not wide:
            return None
        # Nothing in the clause: the nearest cue earlier in the sentence, reporting verbs and
        # other people's quoted words aside ("Albers, 51, will succeed Lindqvist, who is
        # retiring, on Jan. 1, the company said").
        quote = self.quote_at(start)
        cues = [(m.start(), "future") for m in self._futures(s0, left)]
        cues += [
            (m.start(), "past")
            for m in _PAST.finditer(self.text, s0, left)
            if m[0] not in _NOT_PAST and m[0] not in _REPORTING
        ]
        cues = [c for c in cues if self.quote_at(c[0]) == quote]
        return max(cues)[1] if cues else None

    def breaks(self, pos: int) -> list[int]:
        """Clause breaks (commas, conjunctions, ...) of the sentence holding ``pos``."""
        s0, s1 = self.bounds(pos)
        found = self._breaks.get(s0)
        if found is None:
            found = [m.start() for m in _CLAUSE_BREAK.finditer(self.text, s0, s1)]
            self._breaks[s0] = found
        return found

    def past_before(self, pos: int) -> bool:
        """Whether a past verb comes between the clause start and ``pos`` ("ran until")."""
        lo = max([b for b in self.breaks(pos) if b < pos], default=self.bounds(pos)[0])
        return any(p[0] not in _NOT_PAST for p in _PAST.finditer(self.text, lo, pos))

    def _futures(self, lo: int, hi: int) -> Iterator[re.Match[str]]:
        """Future cues in [lo, hi), less nouns ("the Bank's forecast") and comparisons
        ("better than expected")."""
        for m in _FUTURE.finditer(self.text, lo, hi):
            if m[0][:4].lower() != "next" and _NOT_FUTURE_BEFORE.search(
                self.text, max(0, m.start() - 24), m.start()
            ):
                continue
            yield m

    def is_base(self, pos: int) -> bool:
        """Whether the expression at ``pos`` is a comparison base: "from June", "since 2020",
        "compared with $2.99 billion in August"."""
        m = _BASE_BEFORE.search(self.text, max(0, pos - 48), pos)
        return m is not None

    def is_end_point(self, pos: int) -> bool:
        """Whether the expression at ``pos`` is a deadline or target: "by 2032", "until March",
        "no later than June"."""
        return _END_POINT_BEFORE.search(self.text, max(0, pos - 24), pos) is not None

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation [start, end) that ``pos`` is inside, if any."""
        if self._quotes is None:
            self._quotes = [m.span() for m in _QUOTE.finditer(self.text)]
        i = bisect.bisect_right(self._quotes, (pos, len(self.text))) - 1
        if i >= 0 and self._quotes[i][0] <= pos < self._quotes[i][1]:
            return self._quotes[i]
        return None

    def capitalised_name_before(self, pos: int) -> bool:
        """Whether a capitalised non-cue word directly precedes ``pos`` ("Black Friday")."""
        prev = self.prev_word(pos)
        return bool(prev) and prev[0].isupper() and prev.lower() not in _CAPITAL_CUES
