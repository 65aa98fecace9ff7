"""Text hygiene, the complete-sentence test and the body cut."""

from __future__ import annotations

import json

import pytest

from transforms.text import cut_body, has_complete_sentence, is_complete_sentence, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nul\x00 and bell\x07 go", "nul and bell go"),
        ("escape\x1b[0m and delete\x7f go", "escape[0m and delete go"),
        ("C1\x80\x9f controls go", "C1 controls go"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("windows\r\nand\rold mac", "windows\nand\nold mac"),
        ("next line\x85form feed\x0cline sep\u2028end", "next line\nform feed\nline sep\nend"),
        ("unit\x1fseparator", "unit separator"),
        ("zero\u200bwidth\u200c\u200d joiners\u2060 and bom\ufeff", "zerowidth joiners and bom"),
        (
            "bidi \u200eLRM\u200f \u202aembed\u202c \u202eoverride \u2066isolate\u2069",
            "bidi LRM embed override isolate",
        ),
        (
            "no\u00a0break en\u2002em\u2003thin\u2009narrow\u202fmath\u205fideo\u3000space",
            "no break en em thin narrow math ideo space",
        ),
        ("plain text stays as it is.", "plain text stays as it is."),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


def test_lone_surrogates_from_json_become_replacement_characters():
    raw = json.loads('"before \\ud800 middle \\udfff after"')
    clean = normalise_text(raw)
    assert clean == "before \ufffd middle \ufffd after"
    clean.encode("utf-8")  # what DuckDB and pyarrow need


def test_a_surrogate_pair_written_as_two_code_points_is_joined():
    assert normalise_text("smile \ud83d\ude00") == "smile \U0001f600"


@pytest.mark.parametrize(
    "text",
    [
        "LISBON, March 3 (Lusa) -- Portugal's jobless rate fell to 6.1 percent in February, the "
        "statistics institute said.",
        "The harbour authority said the new crane would be working by spring.",
        'She said: "We have done what we promised."',
        "Did the council approve the budget?",
        "Rain is expected to return to the valley on Thursday!",
        "Fishing boats stayed in port (the wind was too strong.)",
        "今年前十个月全市港口集装箱吞吐量同比增长百分之三。",
        "বন্দরে এ বছর কনটেইনার পরিবহন তিন শতাংশ বেড়েছে।",  # Bengali, with a danda
        "بندرگاہ پر اس سال کنٹینروں کی آمدورفت تین فیصد بڑھ گئی۔",  # Urdu
    ],
)
def test_complete_sentences(text):
    assert is_complete_sentence(text)
    assert has_complete_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Click here",
        "Click here.",  # two words
        "Menu Home About",
        "Subscribe now",
        "Home About Us Contact Privacy Policy.",  # a menu: no word in lower case
        "We use cookies to make this site work and to measure how it is used",  # no full stop
        "Read more ...",
        "Photo: Port Authority",
        "2024 2025 2026 2027.",  # no words with letters
    ],
)
def test_not_complete_sentences(text):
    assert not has_complete_sentence(text)


def test_a_one_paragraph_item_has_a_sentence_after_an_abbreviation():
    item = (
        "WELLINGTON, Nov. 4 (Xinhua) -- New Zealand dairy prices rose 1.8 percent at the "
        "latest auction."
    )
    assert has_complete_sentence(item)
    assert not is_complete_sentence("WELLINGTON, Nov.")


BODY = (
    "The first paragraph is the long one, with a sentence. And then it has a second one.\n\n"
    "Short second. It ends here."
)


def test_a_short_body_is_not_cut():
    assert cut_body(BODY, len(BODY)) == BODY


def test_cut_at_the_last_paragraph_break_before_the_limit():
    first = BODY.split("\n\n")[0]
    assert cut_body(BODY, len(BODY) - 1) == first
    assert cut_body(BODY, len(first)) == first


def test_cut_at_a_sentence_end_when_there_is_no_paragraph_break():
    body = BODY.replace("\n\n", " ")
    assert cut_body(body, len(body) - 5) == body[: body.index(" It ends here.")]


def test_an_early_paragraph_break_gives_way_to_a_later_sentence_end():
    body = "Lead line here.\n\n" + "The story goes on and on in this one. " * 3
    cut = cut_body(body, len(body) - 10)
    assert len(cut) > len(body) // 2
    assert cut.endswith("this one.")


def test_cut_at_a_space_when_there_is_no_sentence_end():
    body = "word " * 50
    cut = cut_body(body, 42)
    assert len(cut) <= 42
    assert cut.endswith("word")
    assert body.startswith(cut)
