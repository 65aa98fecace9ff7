"""Quotes with their speaker and verb: direct quotes, partial (mixed) quotes inside the writer's
own sentence, and indirect speech ("X said that ...", "according to X, ...").

A quote may run over several paragraphs. The speaker is read from the parse where there is one:
the subject of the reporting verb, resolved to a named entity when the text says "he", "the
spokesman" or "the ministry". Each quote names the rule that found its speaker:

- ``named``: a person or organisation the model tagged is the verb's subject (or stands beside
  the verb);
- ``name_in_text``: a capitalised name beside the verb that the model did not tag;
- ``pronoun``: "he"/"she" -> the person who is the subject of the sentence before (or of this
  one, before the quote), else the last speaker if near, else the nearest person named before,
  skipping people whose title or first name shows the other gender ("Mrs. Okafor", "Peter
  Lindgren"); "it"/"they" -> the nearest organisation named before (else as for "he");
- ``role``: "the judge" -> the nearest person the text introduced with that word ("Judge Ana
  Ruiz", "Ruiz, a retired judge,"), else for the usual roles ("the spokesman", "the minister")
  as for "he"; any other definite description ("the retired engineer") stays a description;
- ``organisation``: "the ministry", "the campaign" -> the nearest organisation named before;
- ``previous_speaker``: a quote with no attribution of its own continues the last speaker
  (a reporting verb in another paragraph never attributes a quote);
- ``description``: an unnamed speaker the text only describes ("a senior official",
  "analysts"): the words themselves, with no entity.
"""

from __future__ import annotations

from spacy.tokens import Doc

from transforms.model import EntityMention, Quote
from transforms.quotes.direct import _attribute, _marked_quotes, _quotes_without_parse
from transforms.quotes.indirect import indirect_speech
from transforms.quotes.marks import _inside, find_quote_spans, quote_kind
from transforms.quotes.speakers import _Speakers
from transforms.quotes.vocabulary import _REPORTING_LEMMAS, _SPEAKERS

__all__ = ["extract_quotes", "find_quote_spans", "indirect_speech", "quote_kind"]


def extract_quotes(text: str, mentions: list[EntityMention], doc: Doc | None = None) -> list[Quote]:
    """Quotes in a body, attributed to the speaker the text names; with the parse (``doc``),
    also partial quotes of a few words and indirect speech."""
    # A speaker's name starts with a letter: not "1:50 p.m." or "2 Salma" the model tagged.
    people = [m for m in mentions if m.entity_type in _SPEAKERS and m.canonical[:1].isalpha()]
    if doc is None:
        return _quotes_without_parse(text, people)
    spans = find_quote_spans(text, 1)
    found = _marked_quotes(doc, spans)
    # One row per span (its key): two verbs may report the same clause ("said and added").
    seen = {(start, end) for start, end, _, _ in found}
    for item in indirect_speech(doc, spans):
        if (item[0], item[1]) not in seen:
            seen.add((item[0], item[1]))
            found.append(item)
    found.sort(key=lambda f: f[0])
    quotes = []
    # Nobody is the speaker of a quote by being named inside one.
    speakers = [m for m in people if not _inside(m.start_char, spans)]
    context = _Speakers(speakers, doc)
    for start, end, kind, token in found:
        speaker: str | None = None
        rule: str | None = None
        verb: str | None = None
        if token is not None:
            speaker, rule = context.speaker_of(token, start)
            if token.lower_ == "according":
                verb = "according to"
            elif token.lemma_.lower() in _REPORTING_LEMMAS:
                verb = token.lower_  # not the main verb a partial quote's speaker came from
        if speaker is None and kind != "indirect":
            speaker, rule = context.previous(start), "previous_speaker"
            if speaker is None:
                speaker, verb, rule = _attribute(text, start, end, speakers)
        if speaker is None:
            rule = None
        elif rule != "description":
            context.said(speaker, start)
        quotes.append(Quote(speaker, text[start:end], verb, start, end, kind, rule))
    return quotes
