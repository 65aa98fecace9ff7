"""Who said it: the subject of a reporting verb resolved to a named entity ("he", "the
spokesman", "the ministry" point back to someone named before), and the names the model left
untagged."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.gazetteer import country_of_nation
from transforms.model import EntityMention
from transforms.quotes.vocabulary import _ORGANISATION_NOUNS, _TITLE_WORDS


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
            return self._person_before(before), "pronoun"
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
            if subject.lemma_.lower() in _ORGANISATION_NOUNS:
                return _nearest_before(people, before, ("ORG",)), "organisation"
            return self._person_before(before), "role"
        return _noun_phrase(subject), "description"

    def _person_before(self, offset: int) -> str | None:
        """Whom "he" or "the spokesman" stands for: the person who is the subject of the
        sentence before (or of this one, before the quote), else the last named speaker nearby,
        else the nearest person named before."""
        subject = self._subject_before(offset)
        if subject is not None:
            return subject
        recent = self.last and offset - self.last[1] <= self.RECENT
        if self.last and recent and self.types.get(self.last[0], "PERSON") == "PERSON":
            return self.last[0]
        return _nearest_before(self.people, offset, ("PERSON",))

    def _subject_before(self, offset: int) -> str | None:
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
                if m.entity_type != "PERSON":
                    continue
                token = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if token is not None and token.root.dep_ in ("nsubj", "nsubjpass"):
                    return m.canonical
        return None


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
