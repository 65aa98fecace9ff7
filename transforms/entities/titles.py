"""Titles and affiliations of people: read from the words around each PERSON mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from transforms import lexicon
from transforms.entities.names import _clean, _key
from transforms.gazetteer import country_name, country_of_nation, is_country
from transforms.model import EntityMention

# The vocabularies are in transforms/lexicon/titles.toml (people's titles) and entities.toml.
_TITLE_HEADS = lexicon.words("titles", "heads")
_TITLE_MODIFIERS = lexicon.words("titles", "modifiers")
_HONORIFICS = lexicon.words("titles", "honorifics")
_RANKS = lexicon.words("titles", "ranks")
_CONNECTORS = lexicon.words("entities", "connectors")
_GENERIC_ORGS = lexicon.words("entities", "generic_orgs")
_AFFILIATION_TYPES = {"ORG", "GPE", "NORP"}
_NUMERIC_TYPES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_PORTFOLIO_HEADS = lexicon.words("titles", "portfolio_heads")
_ORG_NOUNS = lexicon.words("entities", "org_nouns")
_STOP_AFTER = lexicon.words("entities", "stop_after")
_TITLE_SMALL = lexicon.words("titles", "small_words")
_MINISTER_OF = re.compile(r"^(?P<title>.*\bMinister)\s+(?P<prep>of|for)\s+(?P<portfolio>.+)$")


@dataclass(slots=True)
class _Found:
    title: list[int]  # token indices of the title, in order
    affiliations: list[tuple[int, str]]  # (priority, name): lower is better
    plural: bool = False


def _word(low: str) -> str:
    return low.rstrip(".")


def _is_plural(low: str) -> bool:
    return low not in _TITLE_HEADS and low.endswith("s") and low[:-1] in _TITLE_HEADS


def _is_head(low: str) -> bool:
    return _word(low) in _TITLE_HEADS or _word(low).rstrip("s") in _TITLE_HEADS


class _TitleReader:
    """Reads titles around PERSON mentions; each mention looks at its own sentence only."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[EntityMention],
        acronyms: dict[str, tuple[str, bool]] | None = None,
    ) -> None:
        self.doc = doc
        self.acronyms = acronyms or {}
        self.mentions = mentions
        self.owner: list[int | None] = [None] * len(doc)
        self.spans: list[tuple[int, int]] = []
        for index, m in enumerate(mentions):
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None:
                self.spans.append((0, 0))
                continue
            self.spans.append((span.start, span.end))
            for i in range(span.start, span.end):
                self.owner[i] = index
        self.countries = {
            m.country_code: m.canonical
            for m in mentions
            if m.entity_type == "GPE" and m.country_code and is_country(m.canonical)
        }
        self.org_names = sorted({m.canonical for m in mentions if m.entity_type == "ORG"})

    # -- names of affiliations --------------------------------------------------------------

    def _name_of(self, index: int) -> tuple[int, str] | None:
        m = self.mentions[index]
        if m.entity_type == "ORG":
            return (0, m.canonical)
        if m.entity_type == "GPE":
            return (3, m.canonical)
        if m.entity_type == "NORP":
            code = country_of_nation(m.canonical)
            if code:
                return (3, self.countries.get(code) or country_name(code) or m.canonical)
        return None

    def _generic(self, noun: str) -> str | None:
        """'the ministry' -> the one ORG of the article whose name has that noun."""
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.I)
        found = [name for name in self.org_names if pattern.search(name)]
        return found[0] if len(found) == 1 else None

    def _ministry(self, portfolio: str, prep: str) -> str | None:
        words = portfolio.split()
        for size in range(len(words), 0, -1):  # the model may leave a given name on the end
            part = " ".join(words[:size])
            wanted = {_key(f"Ministry {prep} {part}"), _key(f"Ministry of {part}")}
            found = next((n for n in self.org_names if _key(n) in wanted), None)
            if found:
                return found
        return None

    # -- before the name: "Chinese Vice Premier X", "NBS spokesperson X", "Acme's CEO X" -------

    def _low(self, a: int, b: int) -> str:
        return _word(self.doc[a:b].text.lower())

    def _dissolves(self, index: int, head_next: bool) -> bool:
        """An ORG the model made of a title ("Federal Minister for Planning", "Energy" before
        "Minister") is read as words, not as an affiliation."""
        m = self.mentions[index]
        a, b = self.spans[index]
        words = [self.doc[i].lower_ for i in range(a, b)]
        if m.entity_type != "ORG":
            return False
        if any(_is_head(w) for w in words):
            return True
        return (
            head_next
            and not m.canonical.isupper()
            and not any(w in _GENERIC_ORGS or w in _ORG_NOUNS for w in words)
        )

    def _portfolio_follows(self, items: list[tuple[str, int, int]]) -> bool:
        """Whether the words right of the scan point end in "Minister", "Secretary" ..."""
        for kind, a, b in reversed(items):
            low = self._low(a, b)
            if kind == "word" and low in _PORTFOLIO_HEADS:
                return True
            if kind == "word" and self.doc[a].text[:1].isupper():
                continue
            if kind == "conn" and low in ("and", "&"):
                continue
            return False
        return False

    def before(self, start: int, floor: int, me: int = -1) -> _Found | None:
        """The title left of a name: one backward scan that sorts tokens into words, connectors,
        commas and affiliation mentions, each kind with its own stop rule (kept as one loop: the
        cases share the scan position); `_read_before` then reads the title from the items."""
        doc = self.doc
        items: list[tuple[str, int, int]] = []  # kind, first token, end token (ent: mention)
        owner: int | None = None
        i = start - 1
        dissolved: set[int] = set()
        while i >= floor and len(items) < 18:
            t = doc[i]
            index = self.owner[i]
            if index is not None and index != me and index not in dissolved:
                if self.mentions[index].entity_type not in _AFFILIATION_TYPES:
                    break
                head_next = self._portfolio_follows(items)
                if self._dissolves(index, head_next):
                    dissolved.add(index)
                    continue
                first = max(self.spans[index][0], floor)
                items.append(("ent", first, index))
                i = first - 1
                continue
            low = t.lower_
            if t.text in ("'s", "’s", "'", "’"):
                before = self.owner[i - 1] if i > floor else None
                if before is not None and self.mentions[before].entity_type in _AFFILIATION_TYPES:
                    owner = before
                break
            if t.text == ")":
                opening = next(
                    (j for j in range(i - 1, max(floor, i - 6) - 1, -1) if doc[j].text == "("), None
                )
                if opening is None:
                    break
                i = opening - 1
                continue
            if t.text == "." and i > floor and not doc[i - 1].whitespace_:
                prev = doc[i - 1].lower_
                if prev in _HONORIFICS or prev in _RANKS:
                    items.append(("word", i - 1, i + 1))
                    i -= 2
                    continue
                break
            if (
                t.text == "-"
                and not t.whitespace_
                and i > floor
                and not doc[i - 1].whitespace_
                and items
                and items[-1][0] == "word"
                and items[-1][1] == i + 1
            ):
                # "secretary-general": one word
                _, _, end = items.pop()
                items.append(("word", i - 1, end))
                i -= 2
                continue
            if low in _CONNECTORS:
                items.append(("conn", i, i + 1))
            elif t.text == ",":
                items.append(("comma", i, i + 1))
            elif (
                _word(low) in _TITLE_HEADS
                or _word(low) in _TITLE_MODIFIERS
                or _word(low) in _HONORIFICS
                or _word(low) in _RANKS
                or _is_head(low)
            ):
                items.append(("word", i, i + 1))
            elif t.ent_type_ in _NUMERIC_TYPES:
                break  # a date, a number: not part of a title
            elif (
                t.is_alpha
                and t.pos_ in ("PROPN", "NOUN", "ADJ")
                and not (t.is_lower and t.pos_ == "PROPN")
            ):
                items.append(("word", i, i + 1))
            else:
                break
            i -= 1
        items.reverse()
        return self._read_before(items, owner)

    def _read_before(self, items: list[tuple[str, int, int]], owner: int | None) -> _Found | None:
        def low(item: tuple[str, int, int]) -> str:
            return self._low(item[1], item[2]) if item[0] != "ent" else ""

        # Honorifics beside the name go; ranks go too when another title is left of them.
        while items and items[-1][0] == "word" and low(items[-1]) in _HONORIFICS:
            items.pop()
        ranks = 0
        while (
            ranks < len(items)
            and items[-1 - ranks][0] == "word"
            and low(items[-1 - ranks]) in _RANKS
        ):
            ranks += 1
        rest = items[: len(items) - ranks]
        if ranks and any(
            kind == "word" and _is_head(low(item)) for item in rest for kind in [item[0]]
        ):
            items = rest
        heads = [n for n, item in enumerate(items) if item[0] == "word" and _is_head(low(item))]
        heads += [n for n, item in enumerate(items) if item[0] == "word" and low(item) in _RANKS]
        if not heads:
            return None
        head = max(heads)
        affiliations: list[tuple[int, str]] = []
        # After the head: a portfolio ("of Investment", "for Planning, Development and ...").
        right = items[head + 1 :]
        keep_right = len(right)
        if right:
            if right[0][0] != "conn" or low(right[0]) not in ("of", "for", "on", "to"):
                return None
            ents = [n for n, item in enumerate(right) if item[0] == "ent"]
            if ents:
                first = ents[0]
                between = [low(item) for item in right[:first]]
                if all(w in ("of", "for", "the", "at") for w in between):
                    name = self._name_of(right[first][2])
                    if name:
                        affiliations.append(name)
                    keep_right = 0
        # Before the head: modifiers, "Adviser to the Prime Minister", a leading affiliation.
        left: list[tuple[str, int, int]] = []
        n = head - 1
        while n >= 0:
            item = items[n]
            if item[0] == "comma":
                break
            if item[0] == "ent":
                name = self._name_of(item[2])
                if name and (not left or left[0][0] != "conn"):
                    affiliations.append(name)
                break
            left.insert(0, item)
            n -= 1
        left = self._trim_left(left, affiliations)
        if owner is not None and n < 0 and not any(p == 0 for p, _ in affiliations):
            name = self._name_of(owner)
            if name:
                affiliations.append(name)
        chosen = [*left, items[head], *right[:keep_right]]
        tokens = [i for _, a, b in chosen for i in range(a, b)]
        plural = _is_plural(low(items[head]))
        return _Found(tokens, affiliations, plural)

    def _trim_left(
        self, left: list[tuple[str, int, int]], affiliations: list[tuple[int, str]]
    ) -> list[tuple[str, int, int]]:
        doc = self.doc

        def is_word(item: tuple[str, int, int]) -> bool:
            return item[0] == "word"

        # "of", "to", "the" belong to a title only between two titles: "Adviser to the Prime
        # Minister"; "and" only inside a capitalised run: "Energy and Natural Resources Minister".
        for n in range(len(left) - 1, -1, -1):
            kind, a, _ = left[n]
            if kind != "conn":
                continue
            word = doc[a].lower_
            if word in ("and", "&"):
                ok = (
                    n > 0
                    and is_word(left[n - 1])
                    and doc[left[n - 1][2] - 1].text[:1].isupper()
                    and n + 1 < len(left)
                    and doc[left[n + 1][1]].text[:1].isupper()
                )
            else:
                ok = any(
                    is_word(item) and _is_head(self._low(item[1], item[2])) for item in left[:n]
                )
            if not ok:
                left = left[n + 1 :]
                break
        while left and left[0][0] in ("conn", "hyph"):
            left.pop(0)
        # A lower-case prefix before a capitalised title is description: "state Urban ... Minister".
        if any(doc[a].text[:1].isupper() for kind, a, _ in left if kind == "word"):
            while len(left) > 1 and is_word(left[0]) and doc[left[0][1]].is_lower:
                left.pop(0)
        # At the front, a generic noun stands for the organisation ("Ministry spokesperson"), an
        # acronym names it ("MOFCOM spokesperson").
        if left and is_word(left[0]) and left[0][2] - left[0][1] == 1:
            first = doc[left[0][1]]
            word = first.lower_
            if word in _GENERIC_ORGS:
                found = self._generic(word)
                if found:
                    affiliations.append((2, found))
                left.pop(0)
            elif first.text[:1].isupper() and country_of_nation(first.text):
                # a demonym the model did not tag: "Ghanaian Vice President"
                code = country_of_nation(first.text) or ""
                affiliation = self.countries.get(code) or country_name(code)
                if affiliation:
                    affiliations.append((3, affiliation))
                left.pop(0)
            elif (
                first.text.isupper()
                and len(first.text) > 1
                and first.is_alpha
                and not _is_head(word)
                and word not in _TITLE_MODIFIERS
            ):
                long_form = self.acronyms.get(first.text)
                affiliations.append(
                    (4, _clean(long_form[0]) if long_form and long_form[1] else first.text)
                )
                left.pop(0)
        return left

    # -- after the name: "X, chief executive of Acme,", "X of MIIT" ---------------------------

    def after(self, end: int, ceiling: int) -> _Found | None:
        """The title right of a name ("X, chief economist at Acme"): one forward scan over three
        steps that share its position — an owner ("X, Acme's CEO"), the title words, then the
        affiliation — so it stays one function, in the order the words come."""
        doc = self.doc
        j = end
        if j >= ceiling:
            return None
        if doc[j].lower_ == "of":
            k = j + 1
            if k < ceiling and doc[k].lower_ == "the":
                k += 1
            index = self.owner[k] if k < ceiling else None
            if index is not None:
                name = self._name_of(index)
                if name:
                    return _Found([], [name])
            return None
        if doc[j].text != ",":
            return None
        j += 1
        if j + 1 < ceiling and doc[j].like_num and doc[j + 1].text == ",":
            j += 2  # an age: "Jane Roe, 54, ..."
        affiliations: list[tuple[int, str]] = []
        if j < ceiling and doc[j].lower_ in ("a", "an", "the"):
            j += 1
        index = self.owner[j] if j < ceiling else None
        if index is not None:
            stop = self.spans[index][1]
            if stop < ceiling and doc[stop].text in ("'s", "’s"):
                name = self._name_of(index)
                if name:
                    affiliations.append(name)
                j = stop + 1
        title: list[int] = []
        k = j
        while k < ceiling and len(title) < 14:
            t = doc[k]
            low = t.lower_
            if t.text in (",", ".", ";", ":", "(", ")", '"', "“", "”") or low in _STOP_AFTER:
                break
            if t.pos_ in ("VERB", "AUX", "PRON", "NUM") or low in ("at", "with", "in", "from"):
                break
            if low in ("of", "for"):
                m = k + 1
                if m < ceiling and doc[m].lower_ == "the":
                    m += 1
                index = self.owner[m] if m < ceiling else None
                if index is not None:
                    after = self.spans[index][1]
                    closes = (
                        after >= ceiling
                        or doc[after].text in (",", ".", ";")
                        or doc[after].lower_ in ("in", "at", "and", "who", "which")
                    )
                    if closes:
                        k = m
                        break
            title.append(k)
            k += 1
        if not title or not any(_is_head(doc[i].lower_) for i in title):
            return None
        first = doc[title[0]]
        if not (
            _word(first.lower_) in _TITLE_HEADS
            or _word(first.lower_) in _TITLE_MODIFIERS
            or first.pos_ in ("NOUN", "ADJ", "PROPN")
        ):
            return None
        # The affiliation follows: "at [the] Acme", "of the Masisi General Hospital".
        if k < ceiling and doc[k].lower_ in ("at", "of", "for", "with"):
            k += 1
        if k < ceiling and doc[k].lower_ == "the":
            k += 1
        while (
            k < ceiling
            and doc[k].is_lower
            and doc[k].pos_ in ("NOUN", "ADJ")
            and (self.owner[k] is None)
        ):
            if doc[k].lower_ in _GENERIC_ORGS and (
                k + 1 >= ceiling or not doc[k + 1].is_alpha or doc[k + 1].is_lower
            ):
                found = self._generic(doc[k].lower_)
                if found:
                    affiliations.append((2, found))
                break
            k += 1  # "the consulting firm Ridgeway Partners"
        index = self.owner[k] if k < ceiling else None
        if index is not None:
            name = self._name_of(index)
            if name:
                affiliations.append(name)
        elif (
            k < ceiling
            and doc[k].text[:1].isupper()
            and title
            and doc[k - 1].lower_
            in (
                "at",
                "of",
                "the",
            )
        ):
            words = []
            while k < ceiling and (
                doc[k].text[:1].isupper() or doc[k].lower_ in ("of", "and", "&")
            ):
                words.append(doc[k])
                k += 1
            while words and words[-1].lower_ in ("of", "and", "&"):
                words.pop()
            if words:
                affiliations.append((4, doc[words[0].i : words[-1].i + 1].text))
        return _Found(title, affiliations)

    # -- one person mention ---------------------------------------------------------------------

    def read(self, index: int) -> tuple[str | None, str | None, bool]:
        start, end = self.spans[index]
        if start == end:
            return None, None, False
        doc = self.doc
        sentence = doc[start].sent
        floor, ceiling = sentence.start, sentence.end
        # Title words the model put inside the name: "Justice Khanna".
        inner = start
        while inner < end - 1 and (
            _is_head(doc[inner].lower_) or _word(doc[inner].lower_) in _TITLE_MODIFIERS
        ):
            inner += 1
        found = self.before(inner, floor, index)
        if (
            found is None
            and start - 1 > floor
            and doc[start - 1].text == ","
            and end < ceiling
            and doc[end].text == ","
        ):
            # "KPC's deputy chief executive officer ..., Fahad Al-Rashidi, told ..."
            found = self.before(start - 1, floor)
        post = self.after(end, ceiling)
        if found is None or (not found.title and post and post.title):
            found, post = post, found
        if found is None:
            return None, None, False
        affiliations = list(found.affiliations) + (list(post.affiliations) if post else [])
        title = self._normalise(found.title, found.plural)
        if title:
            minister = _MINISTER_OF.match(title)
            if minister and not any(p == 0 for p, _ in affiliations):
                ministry = self._ministry(minister.group("portfolio"), minister.group("prep"))
                if ministry:
                    affiliations.append((1, ministry))
                    title = minister.group("title")
        affiliation = min(affiliations)[1] if affiliations else None
        return title, affiliation, found.plural

    def _normalise(self, tokens: list[int], plural: bool) -> str | None:
        if not tokens:
            return None
        doc = self.doc
        parts: list[str] = []
        for n, i in enumerate(tokens):
            t = doc[i]
            text = t.text
            if plural and _is_plural(t.lower_):
                text = text[:-1]
            if text.isupper() and len(text) > 1:
                word = text
            elif t.lower_ in _TITLE_SMALL and n:
                word = t.lower_
            else:
                word = text[:1].upper() + text[1:]
            parts.append(word + (t.whitespace_ if n < len(tokens) - 1 else ""))
        title = "".join(parts).strip(" ,")
        return title or None


def add_titles(
    doc: Doc, mentions: list[EntityMention], acronyms: dict[str, tuple[str, bool]] | None = None
) -> None:
    """Set the title and affiliation of each PERSON mention, and share them within the article.

    Per mention only its own sentence is read; the first mention with a title gives the title of
    the person in this article, likewise the affiliation.
    """
    people = [i for i, m in enumerate(mentions) if m.entity_type == "PERSON"]
    if not people:
        return
    reader = _TitleReader(doc, mentions, acronyms)
    plural: dict[int, tuple[str, str | None]] = {}
    title_of: dict[str, str] = {}
    affiliation_of: dict[str, str] = {}
    for index in people:
        m = mentions[index]
        title, affiliation, many = reader.read(index)
        if title is None:
            # "Justices A and B": B shares A's title.
            start = reader.spans[index][0]
            if start >= 2 and doc[start - 1].lower_ == "and":
                other = reader.owner[start - 2]
                if other is not None and other in plural:
                    title, affiliation = plural[other]
        if title and many:
            plural[index] = (title, affiliation)
        m.title, m.affiliation = title, affiliation
        if title:
            title_of.setdefault(m.canonical, title)
        if affiliation and affiliation != m.canonical:
            affiliation_of.setdefault(m.canonical, affiliation)
    for index in people:
        m = mentions[index]
        m.title = title_of.get(m.canonical)
        m.affiliation = affiliation_of.get(m.canonical)
