"""The development-set scorers (bench/devsets.py), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bench.attributions import (
    Quote,
    attribution_errors,
    find_quote_marks,
    nearest_speaker,
    score_attributions,
    speaker_matches,
)
from bench.devsets import (
    Timex,
    normalise_value,
    score_events,
    score_timexes,
    timex_errors,
)


def test_strict_needs_the_exact_span_relaxed_any_overlap():
    gold = [Timex(10, 22, "2024-03-05"), Timex(40, 49, "P2D"), Timex(60, 66, "2024")]
    ours = [Timex(10, 22, "2024-03-05"), Timex(36, 49, "P2D"), Timex(80, 85, "2024-W10")]
    s = score_timexes(gold, ours)
    assert (s.gold, s.predicted, s.strict, s.relaxed) == (3, 3, 1, 2)
    assert s.strict_precision == s.strict_recall == pytest.approx(1 / 3)
    assert s.relaxed_f1 == pytest.approx(2 / 3)


def test_relaxed_pairs_are_one_to_one():
    # One long prediction over two gold expressions matches one of them, not both.
    s = score_timexes([Timex(0, 5, "2024-03"), Timex(6, 10, "2024")], [Timex(0, 10, "2024-03")])
    assert (s.relaxed, s.relaxed_precision, s.relaxed_recall) == (1, 1.0, 0.5)


def test_value_f1_needs_overlap_and_an_equal_value():
    gold = [Timex(0, 6, "2024-03-05"), Timex(10, 20, "2024-W10"), Timex(30, 35, "PXD")]
    ours = [Timex(0, 6, "2024-03-05"), Timex(12, 20, "2024-W11"), Timex(50, 55, "P1D")]
    s = score_timexes(gold, ours)
    assert (s.relaxed, s.value) == (2, 1)
    assert s.value_accuracy == 0.5
    assert s.value_f1 == pytest.approx(1 / 3)


def test_a_missing_value_is_never_right():
    assert score_timexes([Timex(0, 4, "2024")], [Timex(0, 4, None)]).value == 0


@pytest.mark.parametrize(
    ("value", "same"),
    [("2024-03-05T09:00", "2024-03-05T09"), ("P2E", "P20Y"), ("2024-W10", "2024-W10")],
)
def test_only_trivial_spellings_are_normalised(value, same):
    assert normalise_value(value) == same


def test_quarter_and_month_range_stay_different():
    s = score_timexes([Timex(0, 4, "2024-Q1")], [Timex(0, 4, "2024-01/2024-03")])
    assert s.value == 0


BODY = (
    'Mara Voss said: "We will open the new depot in spring." '
    "She added that the budget was tight. "
    "“Nothing is decided yet,” the council's clerk told reporters."
)


def attribution(content, source, is_quote):
    def part(text):
        if text is None:
            return None
        start = BODY.index(text)
        return {"spans": [[start, start + len(text)]], "text": text}

    return {"content": part(content), "source": part(source), "cue": None, "is_quote": is_quote}


GOLD = [
    attribution('"We will open the new depot in spring."', "Mara Voss", True),
    attribution("that the budget was tight", "She", False),
    attribution("“Nothing is decided yet,”", "the council's clerk", True),
]


def quote(text, speaker, kind="direct"):
    start = BODY.index(text)
    return Quote(start, start + len(text), speaker, kind)


def test_quotes_match_by_overlap_and_speakers_by_a_shared_name_word():
    ours = [
        quote("We will open the new depot", "Voss"),
        quote("Nothing is decided yet", "Mara Voss"),
        quote("new depot in spring", None),  # a second piece of the first quote
    ]
    s = score_attributions(GOLD, ours)
    assert (s.gold_quotes, s.found, s.recall) == (2, 2, 1.0)
    assert (s.predicted, s.right, s.precision) == (3, 3, 1.0)
    # The larger piece is the match: "Voss" is right. The clerk is a role, which may be given
    # as the named source before it: "Mara Voss" counts, but not when roles count as themselves.
    assert (s.speakers, s.speaker_right, s.speaker_right_strictly) == (2, 2, 1)
    assert (s.gold_indirect, s.indirect_found, s.indirect_recall) == (1, 0, 0.0)


def test_a_quote_outside_every_gold_quote_is_spurious_and_finds_no_indirect_speech():
    s = score_attributions(GOLD, [quote("the budget was tight", "Mara Voss")])
    assert (s.found, s.right, s.precision) == (0, 0, 0.0)
    assert s.indirect_found == 0


def test_indirect_rows_are_scored_on_indirect_speech_only():
    ours = [
        quote("the budget was tight", "Mara Voss", "indirect"),
        quote("Nothing is decided yet", "Mara Voss", "indirect"),
    ]
    s = score_attributions(GOLD, ours)
    assert (s.predicted, s.found) == (0, 0)  # no direct quote found by an indirect row
    assert (s.indirect_predicted, s.indirect_found, s.indirect_right) == (2, 1, 2)
    assert (s.indirect_speakers, s.indirect_speaker_right) == (1, 1)  # "She" is Mara Voss


def test_attribution_errors_name_what_was_missed_wrong_or_spurious():
    ours = [quote("Nothing is decided yet", "Anna Berg", "mixed"), quote("spring", None)]
    errors = attribution_errors(BODY, GOLD, ours)
    assert any(e.startswith("missed indirect 'that the budget was tight'") for e in errors)
    assert any(
        e.startswith("mixed '“Nothing is decided yet,”': speaker 'Anna Berg'") for e in errors
    )
    assert not any(e.startswith("spurious") for e in errors)


def test_a_pronoun_source_stands_for_the_nearest_earlier_named_source():
    gold = [
        attribution('"We will open the new depot in spring."', "Mara Voss", True),
        attribution("“Nothing is decided yet,”", "She", True),
    ]
    ours = [quote("Nothing is decided yet", "Mara Voss")]
    assert score_attributions(gold, ours).speaker_right == 1


@pytest.mark.parametrize(
    ("ours", "source", "right"),
    [
        ("Mara Voss", "Voss", True),
        ("Port Authority", "the Port Authority's spokesman", True),
        ("Mara Voss", "he", False),
        (None, "Mara Voss", False),
        ("The Council", "the mayor", False),
    ],
)
def test_speaker_rule(ours, source, right):
    assert speaker_matches(ours, source) is right


def test_quote_mark_baseline_pairs_curly_and_straight_marks_within_a_paragraph():
    text = 'He said "yes" and “no more delays” today.\n\nAn "open quote\n\nthat never "closes'
    found = [text[s:e] for s, e in find_quote_marks(text)]
    assert found == ["yes", "no more delays"]


def test_quote_mark_baseline_speaker_is_the_nearest_person_or_org_in_the_sentence():
    words = ["Tomas", "Brel", "said", '"', "prices", "rise", '"', "for", "Arlo", "Ltd", "."]
    words += ["Nina", "Sol", "left", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * 10 + [True, False, False, False])
    doc.ents = [doc.char_span(*_span(doc, 0, 2), label="PERSON")]
    doc.ents += (doc.char_span(*_span(doc, 8, 10), label="ORG"),)
    doc.ents += (doc.char_span(*_span(doc, 11, 13), label="PERSON"),)
    start, end = doc[4].idx, doc[5].idx + len(doc[5])
    assert nearest_speaker(doc, start, end) == "Arlo Ltd"
    assert nearest_speaker(doc, doc[13].idx, doc[13].idx + 4) == "Nina Sol"


def _span(doc, start, end):
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def test_event_coverage_needs_our_row_and_the_named_argument_as_participant():
    # "Vela Corp bought the plant." with the plant's buyer as subject; "talks" has no verb.
    words = ["Vela", "Corp", "bought", "the", "plant", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 2, 2, 4, 2, 2],
        deps=["compound", "nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        ents=["B-ORG", "I-ORG", "O", "O", "O", "O"],
    )
    bought = doc[2].idx
    gold = [
        {"start": bought, "end": bought + 6, "class": "OCCURRENCE"},
        {"start": doc[4].idx, "end": doc[4].idx + 5, "class": "REPORTING"},
    ]
    events = [{"event_id": "e1", "start_char": 0, "end_char": len(doc.text)}]
    with_vela = score_events(doc, gold, events, {"e1": [(0, 9)]})
    assert (with_vela.events, with_vela.eligible, with_vela.covered) == (1, 1, 1)
    assert with_vela.baseline == 1
    without = score_events(doc, gold, events, {"e1": []})
    assert (without.located, without.covered) == (1, 0)


def test_errors_list_missed_spurious_and_wrong_values():
    body = "On Monday, March 4, 2024, and for two weeks since."
    gold = [Timex(3, 9, "2024-03-04"), Timex(11, 24, "2024-03-04"), Timex(34, 43, "P2W")]
    ours = [Timex(11, 24, "2024-03-05"), Timex(44, 49, "PRESENT_REF")]
    assert timex_errors(body, gold, ours) == [
        "missed 'Monday' (2024-03-04)",
        "missed 'two weeks' (P2W)",
        "spurious 'since' (PRESENT_REF)",
        "'March 4, 2024' is 2024-03-04, predicted 2024-03-05 for 'March 4, 2024'",
    ]
