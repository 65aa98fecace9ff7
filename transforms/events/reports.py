"""Reporting verbs and their speakers: who says what, and when a report is a STATEMENT."""

from __future__ import annotations

from spacy.tokens import Span, Token

from transforms.events.actors import _has_title_nearby, _is_company, _mention_in, _resolve
from transforms.events.context import _Context, _Cue, _Report
from transforms.events.definitions import _STATEMENT
from transforms.events.syntax import _clause_tokens, _noun_phrase, _orphans, _rank, _subject
from transforms.events.vocabulary import (
    _ADDRESSING_VERBS,
    _BANK_MODIFIERS,
    _COMPANY_NAME,
    _COMPANY_NOUNS,
    _COMPANY_SUFFIX,
    _COURT_NOUNS,
    _DATA_FORMS,
    _DATA_NOUNS,
    _DATA_VERBS,
    _GOVERNMENT_NOUNS,
    _HEDGES,
    _MILITARY_NOUNS,
    _NON_OFFICIAL_WORDS,
    _NUMBER_WORDS,
    _OFFICIAL_WORDS,
    _POLICE_NOUNS,
    _PRONOUNS,
    _PUBLISHING_VERBS,
    _QUOTING_VERBS,
    _SPEECH_ACTS,
    _SUBJECT_DEPS,
    REPORTING_VERBS,
)


def _reports(sentence: Span, ctx: _Context) -> list[_Report]:
    """The sentence's reporting verbs and "according to" phrases, with what they report."""
    out: list[_Report] = []
    for token in sentence:
        if ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in REPORTING_VERBS:
            deps = {c.dep_ for c in token.children}
            if lemma == "call" and not deps & {"prep", "ccomp", "oprd"}:
                continue  # "call for", "called it ...", not "call the airline"
            if lemma == "point" and not any(c.lower_ == "out" for c in token.children):
                continue
            content = [
                c
                for c in token.children
                if c.dep_ in ("ccomp", "parataxis", "xcomp") and _is_clause(c) and not ctx.quoted(c)
            ]
            orphaned = [
                c for t in _orphans(sentence, ctx.body_start) for c in t.children if c.dep_ == "acl"
            ]
            if token.dep_ == "ROOT" and orphaned:
                content.extend(orphaned)
            elif not _is_report(token, sentence, ctx):
                continue
            speaker = _subject(token, ctx.body_start)
            if token.dep_ in ("parataxis", "ccomp", "advcl", "conj") and token.head.i < token.i:
                head_reports = token.head.lemma_.lower() in REPORTING_VERBS
                edge = token.left_edge.i
                after_comma = edge > 0 and token.doc[edge - 1].is_punct
                if not head_reports and (token.dep_ != "conj" or after_comma):
                    content.append(token.head)
            if token.dep_ == "advcl" and token.tag_ == "VBG" and token.i < token.head.i:
                content = [c for c in content if c != token.head]
            out.append(_Report(token, speaker, _speaker_kind(speaker, ctx), content))
        elif token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if source is not None:
                top = token.head
                while top.dep_ in ("advcl", "conj", "xcomp") and top.head != top:
                    top = top.head  # "X reached ..., while Y stood at ..., according to Z"
                out.append(_Report(None, source, _speaker_kind(source, ctx), [top]))
    return out


def _is_report(verb: Token, sentence: Span, ctx: _Context) -> bool:
    """A reporting verb used to report: it governs a clause or a quote, or is a speech act."""
    lemma = verb.lemma_.lower()
    if lemma == "appeal" and ctx.in_legal_sentence(verb):
        return False
    if verb.dep_ in ("acl", "amod") or (
        verb.tag_ == "VBN"
        and verb.dep_ != "conj"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return False  # "the line, estimated to cost $4.8 billion"
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "is expected to", "was said to": nobody speaks
    if lemma in _SPEECH_ACTS:
        return True
    if any(c.dep_ in ("ccomp", "parataxis") and _is_clause(c) for c in verb.children):
        return True
    if lemma not in _PUBLISHING_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.i < verb.i:
        # "exports rose 5%, the bureau said", not "said the deals had added momentum"
        edge = verb.left_edge.i
        after_comma = edge > 0 and verb.doc[edge - 1].is_punct
        if after_comma and verb.head.lemma_.lower() not in REPORTING_VERBS:
            return True
        if verb.dep_ != "conj":
            return False
    if verb.dep_ == "advcl" and verb.head.i < verb.i and verb.tag_ != "VBG":
        return True
    if lemma in _ADDRESSING_VERBS:
        return True
    if lemma in _QUOTING_VERBS:
        # '"...," the minister said': the quote is what is said
        return any(s < sentence.end_char and sentence.start_char <= e for s, e in ctx.quotes)
    return False


def _is_clause(token: Token) -> bool:
    """A verb with its own subject or auxiliary: "that it will ban", not "Rs 5 lakh"."""
    if token.pos_ not in ("VERB", "AUX") or token.lower_ in _NUMBER_WORDS:
        return False  # "announced an ex gratia of Rs 5 lakh": a number the parser took for a verb
    if token.dep_ in ("xcomp", "parataxis"):
        return True
    return any(c.dep_ in (*_SUBJECT_DEPS, "aux", "auxpass", "expl", "mark") for c in token.children)


def _speaker_kind(speaker: Token | None, ctx: _Context) -> str:
    """institution, company, data, official, person, nonofficial or none."""
    if speaker is None:
        return "none"
    lemma = speaker.lemma_.lower()
    if lemma in _PRONOUNS or speaker.lower_ in ("who", "which", "that"):
        if speaker.lower_ in ("he", "she"):
            return ctx.last_person[1]
        if ctx.last_speaker[1] in ("institution", "company"):
            return ctx.last_speaker[1]  # "it also reported ...": the company or body last quoted
        return "institution"
    phrase = _noun_phrase(speaker)
    words = {t.lower_ for t in phrase}
    if words & _NON_OFFICIAL_WORDS:
        return "nonofficial"
    if lemma in _DATA_NOUNS or (words & _DATA_FORMS):
        return "data"
    people = [
        m for t in phrase if (m := _resolve(ctx.mention_at(t), ctx)) and m.entity_type == "PERSON"
    ]
    close = [speaker] + [c for c in speaker.children if c.dep_ in ("compound", "poss", "appos")]
    mention = people[0] if people else _resolve(_mention_in(close, ctx), ctx)
    if lemma in _OFFICIAL_WORDS and (mention is None or mention.entity_type != "PERSON"):
        return "official"
    if mention and mention.entity_type == "PERSON":
        affiliated = any(
            (m := ctx.mention_at(t)) and m.entity_type == "ORG" for t in phrase if t.i < speaker.i
        )  # "NBS senior statistician Zhang Yuhan" speaks for the NBS
        if _is_company(mention.canonical, set()) and not words & _OFFICIAL_WORDS:
            return "company"  # "Flandria Air said", a carrier the tagger took for a person
        titled = bool(words & _OFFICIAL_WORDS) or _has_title_nearby(speaker) or affiliated
        known = ctx.roles.get(mention.canonical, "person") != "person"
        official = titled or bool(known)
        return "official" if official else "person"
    if mention and mention.entity_type in ("ORG", "GPE", "NORP"):
        return "company" if _is_company(mention.canonical, words) else "institution"
    if lemma == "bank" and words & _BANK_MODIFIERS:
        return "institution"
    if lemma in _COMPANY_NOUNS and lemma != "board":
        return "company"
    if words & _OFFICIAL_WORDS or lemma in _GOVERNMENT_NOUNS or lemma in _POLICE_NOUNS:
        return "official" if lemma in _OFFICIAL_WORDS else "institution"
    if lemma in _COURT_NOUNS or lemma in _MILITARY_NOUNS:
        return "institution"
    if speaker.pos_ == "PROPN":
        name = " ".join(t.text for t in phrase if t.pos_ == "PROPN")
        return "company" if _COMPANY_NAME.search(name) or _COMPANY_SUFFIX.search(name) else "person"
    return "nonofficial"


def _remember_speaker(reports: list[_Report], ctx: _Context) -> None:
    """The sentence's main speaker, for "he said" and "the spokesperson said" further on."""
    verbs = [(r, r.verb) for r in reports if r.verb is not None]
    ranked = [r for r, _ in sorted(verbs, key=lambda rv: (_rank(rv[1], ctx.body_start), rv[1].i))]
    for report in ranked[:1]:
        if report.speaker is None or report.speaker.lemma_.lower() in _PRONOUNS:
            continue
        phrase = _noun_phrase(report.speaker)
        people = [m for t in phrase if (m := ctx.mention_at(t)) and m.entity_type == "PERSON"]
        if people:
            ctx.last_person = (people[0].canonical, report.kind)
        if report.kind in ("none", "data", "nonofficial"):
            continue
        mention = people[0] if people else _mention_in(phrase, ctx)
        if mention is None and report.speaker.lemma_.lower() in _OFFICIAL_WORDS:
            continue  # "the spokesperson said": the same speaker as before
        ctx.last_speaker = (mention.canonical if mention else None, report.kind)


def _statement_cue(
    report: _Report, cues: list[_Cue], reports: list[_Report], ctx: _Context
) -> _Cue | None:
    """A reporting verb with nothing more specific under it: a STATEMENT by an official."""
    if report.verb is None or report.kind not in ("institution", "official", "company"):
        return None
    verb = report.verb
    outer = [r for r in reports if r is not report and r.verb is not None]
    if any(verb.i in {t.i for c in r.content for t in _clause_tokens(c)} for r in outer):
        return None  # "Liu said China welcomes ...": what is welcomed is Liu's statement
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return None  # "said ... and noted that ...": one speech
    if verb.tag_ == "VBG" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        # "..., adding that ...": the same speech as the sentence's other reporting verb
        if verb.dep_ == "advcl" and verb.head.lemma_.lower() in REPORTING_VERBS:
            return None
        if any(c.report is not None and c.report is not report for c in cues):
            return None
    if any(
        c.report is report and c.event_type != _STATEMENT and not (c.anaphoric or c.action)
        for c in cues
    ):  # an action of named parties it reports is told beside the statement
        return None
    lemma = verb.lemma_.lower()
    if lemma in _DATA_VERBS:
        return None  # data shows; people say
    if lemma in _HEDGES:
        # "the weather service forecast more rain": a weak statement; an estimate is not one
        if lemma not in ("forecast", "expect"):
            return None
        return _Cue(_STATEMENT, verb, verb, 0.5, _rank(verb, ctx.body_start), report=report)
    strength = 0.75 if report.kind in ("official", "institution") else 0.6
    return _Cue(_STATEMENT, verb, verb, strength, _rank(verb, ctx.body_start), report=report)
