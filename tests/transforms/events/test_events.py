"""Event rows and the event vocabulary: the contract the warehouse relies on.

The sentence-by-sentence cases are data, in tests/transforms/cases/events.toml, run by
tests/transforms/events/test_event_cases.py.
"""

from __future__ import annotations

from datetime import date

from tests.transforms.events.test_event_cases import extract
from transforms.events import EVENT_TYPE_DEFINITIONS, EVENT_TYPES, event_id_for
from transforms.events.vocabulary import EVENT_NOUNS, PHRASAL_TYPES, VERB_TYPES
from transforms.lexicon import load


def test_rows_keep_the_contract(nlp) -> None:  # type: ignore[no-untyped-def]
    """Offsets, vocabulary, precision and confidence as the warehouse validates them."""
    text = (
        "ROME, July 7 (Reuters) - Italy's cabinet approved a 2 billion euro flood relief package "
        "on Monday, the prime minister's office said.\n\nRescue teams searched for survivors "
        'in two valleys. "We are doing everything we can," Civil Protection chief Marco Neri said.'
    )
    events = extract(nlp, text, date(2025, 7, 7), "Rome")
    assert events
    for e in events:
        assert e.event_type in EVENT_TYPES
        assert text[e.start_char : e.end_char] == e.sentence
        assert e.date_precision in ("day", "week", "month", "quarter", "half", "year", "unknown")
        assert (e.date_start is None) == (e.date_precision == "unknown")
        assert 0.0 <= e.confidence <= 1.0
        assert len(e.summary) <= 200 and "\n" not in e.summary
        assert e.trigger
        assert all(
            p.role in ("actor", "target", "speaker", "organizer", "participant", "location")
            for p in e.participants
        )
        assert e.start_char <= e.trigger_start < e.trigger_end <= e.end_char
        assert text[e.trigger_start : e.trigger_end] == e.trigger
    ids = [event_id_for("a", e.trigger_start, e.trigger_end) for e in events]
    assert len(ids) == len(set(ids))


def test_every_type_is_defined() -> None:
    assert set(EVENT_TYPE_DEFINITIONS) == set(EVENT_TYPES)


def test_every_trigger_has_one_type() -> None:
    """A word triggers one event type only (event_triggers.toml); every table is a type."""
    tables = load("event_triggers")
    assert set(tables) <= set(EVENT_TYPES)
    for kind in ("nouns", "verbs", "phrasal_verbs", "compound_nouns"):
        listed = [w for t in tables.values() for w in t.get(kind, [])]
        assert len(listed) == len(set(listed)), kind
    assert EVENT_NOUNS["protest"] == "PROTEST" and VERB_TYPES["protest"] == "PROTEST"
    assert PHRASAL_TYPES[("walk", "out")] == "PROTEST" and PHRASAL_TYPES[("set", "up")] == ""
