"""Who said it: the subject of a reporting verb resolved to a named entity ("he", "the
spokesman", "the ministry" point back to someone named before), and the names the model left
untagged."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from transforms.gazetteer import country_of_nation
from transforms.model import EntityMention
from transforms.quotes.vocabulary import (
    _GENDER_FIRST_NAMES,
    _GENDER_PRONOUNS,
    _GENDER_TITLES,
    _ORGANISATION_NOUNS,
    _ROLE_NOUNS,
    _TITLE_WORDS,
    APPOSITION_CHARS,
    TITLE_CHARS,
)
from transforms.segment import doc_text


def _subject(verb: Token) -> Token | None:
    """Who does ``verb``: its subject, a passive's agent, or the subject of the verb it is
    joined to."""
    for _ in range(3):
        if any(c.dep_ == "auxpass" for c in verb.children):
            # "was called a disaster by critics": the agent, wherever the parse hung its "by"
            for token in verb.subtree:
                if token.i > verb.i and token.lower_ == "by" and token.dep_ in ("agent", "prep"):
                    return next((t for t in token.children if t.dep_ == "pobj"), None)
            return None
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        # "..., Okafor replies.": a parse that takes the name for part of the verb
        names = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and names[-1].i < verb.i:
            return names[-1]
        # "... and added" borrows its subject from the verb it is joined to.
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # a parse that hangs the verb from its subject
        else:
            return None
    return None


class _Speakers:
    """Who is speaking as the article goes on: the last speaker, for quotes that say "he" or
    nothing at all, and the people who may be the speaker."""

    RECENT = 1200  # characters: a pronoun prefers the last named speaker if that near
    CONTINUED = 400  # characters: an unattributed quote continues a speaker that near

    def __init__(self, people: list[EntityMention], doc: Doc) -> None:
        self.people = people
        self.doc = doc
        self.types = {m.canonical: m.entity_type for m in people}
        self.genders = genders(people, doc)
        self.last: tuple[str, int] | None = None

    def said(self, speaker: str, offset: int) -> None:
        self.last = (speaker, offset)

    def previous(self, offset: int) -> str | None:
        if self.last and offset - self.last[1] <= self.CONTINUED:
            return self.last[0]
        return None

    def speaker_of(self, verb: Token, before: int) -> tuple[str | None, str | None]:
        """Who says what ``verb`` reports, and the rule that found it."""
        people = self.people
        subject = _subject(verb)
        if verb.pos_ == "NOUN" and verb.i > 0:  # "Bozell notes." tagged as a plural noun
            subject = verb.nbor(-1)
        if verb.lower_ == "according":  # "according to X"
            subject = next((t for t in verb.subtree if t.dep_ == "pobj"), None)
        if subject is None:
            return None, None
        # The subject's own words: not the verb's clause when the parse hangs it from the
        # subject ("His office put out a statement saying the U.S. ...").
        clause = {t.i for t in verb.subtree} if subject.is_ancestor(verb) else set()
        words = [t for t in subject.subtree if t.i not in clause]
        left = min(t.idx for t in words)
        right = max(t.idx + len(t) for t in words)
        inside = [m for m in people if left <= m.start_char < right]
        if inside:
            persons = [m for m in inside if m.entity_type == "PERSON"]
            best = min(persons or inside, key=lambda m: abs(m.start_char - subject.idx))
            return best.canonical, "named"
        word = subject.lower_
        if word in ("he", "she"):
            return self._person_before(before, _GENDER_PRONOUNS[word]), "pronoun"
        if word in ("it", "they"):
            found = _nearest_before(people, before, ("ORG",)) or self._person_before(before)
            return found, "pronoun"
        if subject.pos_ == "PRON":
            return None, None
        if subject.pos_ == "PROPN":
            name = _without_titles(_noun_phrase(subject)) or _noun_phrase(subject)
            return _resolve_name(name, people), "name_in_text"
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "its", "their")
            for c in subject.children
        )
        if definite:
            noun = subject.lemma_.lower()
            if noun in _ORGANISATION_NOUNS:
                return _nearest_before(people, before, ("ORG",)), "organisation"
            introduced = self._introduced_as(subject.lower_, before)
            if introduced is not None:
                return introduced, "role"
            if noun in _ROLE_NOUNS:
                return self._person_before(before), "role"
        return _noun_phrase(subject), "description"

    def _introduced_as(self, noun: str, offset: int) -> str | None:
        """The person last named before ``offset`` of those the text introduced with ``noun``
        beside a mention: in a title ("Governor Ana Ruiz ... the governor") or an apposition
        ("Ruiz, a retired judge, ... the judge")."""
        text = doc_text(self.doc)
        persons = [m for m in self.people if m.entity_type == "PERSON" and m.start_char < offset]
        introduced = set()
        previous_end = 0
        for m in persons:
            before = text[max(previous_end, m.start_char - TITLE_CHARS) : m.start_char]
            after = text[m.end_char : m.end_char + APPOSITION_CHARS]
            if noun in f"{before} {after}".lower().replace(",", " ").split():
                introduced.add(m.canonical)
            previous_end = m.end_char
        return next((m.canonical for m in reversed(persons) if m.canonical in introduced), None)

    def _person_before(self, offset: int, gender: str | None = None) -> str | None:
        """Whom "he" or "the spokesman" stands for: the person who is the subject of the
        sentence before (or of this one, before the quote), else the last named speaker nearby,
        else the nearest person named before; with ``gender``, only someone it may be."""

        def fits(name: str) -> bool:
            return gender is None or self.genders.get(name, gender) == gender

        subject = self._subject_before(offset, fits)
        if subject is not None:
            return subject
        recent = self.last and offset - self.last[1] <= self.RECENT
        if (
            self.last
            and recent
            and self.types.get(self.last[0], "PERSON") == "PERSON"
            and fits(self.last[0])
        ):
            return self.last[0]
        earlier = [
            m
            for m in self.people
            if m.start_char < offset and m.entity_type == "PERSON" and fits(m.canonical)
        ]
        return earlier[-1].canonical if earlier else None

    def _subject_before(self, offset: int, fits: Callable[[str], bool]) -> str | None:
        at = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if at is None or not len(at):
            return None
        sentence = at[0].sent
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else None
        for span in (sentence, previous):
            if span is None:
                continue
            for m in self.people:
                if not (span.start_char <= m.start_char < min(span.end_char, offset)):
                    continue
                if m.entity_type != "PERSON" or not fits(m.canonical):
                    continue
                token = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if token is not None and token.root.dep_ in ("nsubj", "nsubjpass"):
                    return m.canonical
        return None


def genders(people: list[EntityMention], doc: Doc) -> dict[str, str]:
    """Each person's gender where the text shows it: a title before a mention ("Mrs. Okafor"),
    else a common first name of a full name ("Maria Okafor")."""
    persons = [m for m in people if m.entity_type == "PERSON"]
    found: dict[str, str] = {}
    for m in persons:
        words = doc_text(doc)[max(0, m.start_char - 10) : m.start_char].split()
        title = words[-1].lower().strip(".") if words else ""
        if title in _GENDER_TITLES:
            found.setdefault(m.canonical, _GENDER_TITLES[title])
    for m in persons:
        first = m.canonical.split()[0].lower()
        if m.canonical not in found and first in _GENDER_FIRST_NAMES and " " in m.canonical:
            found[m.canonical] = _GENDER_FIRST_NAMES[first]
    return {name: gender for name, gender in found.items() if gender}


def _noun_phrase(head: Token) -> str:
    """The words up to and including a noun, without what follows it ("a senior official")."""
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"]
    return " ".join(t.text for t in words[-6:])


def _without_titles(name: str) -> str:
    """The trailing run of words that are not titles or nationalities: "Chinese Ambassador
    Zhou Haoran" -> "Zhou Haoran"."""
    words: list[str] = []
    for word in reversed(name.split()):
        if word.lower().strip(".") in _TITLE_WORDS or country_of_nation(word):
            break
        words.insert(0, word)
    return " ".join(words)


def _resolve_name(name: str, people: list[EntityMention]) -> str:
    """A surname or partial name maps to the full name the article uses elsewhere."""
    for mention in people:
        if mention.entity_type == "PERSON" and name in mention.canonical.split():
            return mention.canonical
    return name


def _nearest_before(people: list[EntityMention], offset: int, types: tuple[str, ...]) -> str | None:
    earlier = [m for m in people if m.start_char < offset and m.entity_type in types]
    return earlier[-1].canonical if earlier else None
