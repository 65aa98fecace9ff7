"""Entities: the rules news copy needs on top of spaCy's NER, shown over a few sentences each.

The table-driven cases (acronyms, country codes) are in cases/entities.toml (test_entity_cases.py).
"""

from __future__ import annotations

from transforms.entities import extract_entities


def entities(nlp, text):
    found = {}
    for m in extract_entities(nlp(text)):
        found.setdefault(m.canonical, (m.entity_type, set(m.aliases), m.country_code))
        assert text[m.start_char : m.end_char] == m.text
    return found


def test_acronym_uses_share_the_long_form(nlp):
    text = (
        "The Ministry of Energy and Infrastructure (MoEI) opened the plant. "
        "Data from MoEI showed output rose."
    )
    found = entities(nlp, text)
    entity_type, aliases, _ = found["Ministry of Energy and Infrastructure"]
    assert entity_type == "ORG" and "MoEI" in aliases
    assert "MoEI" not in found


def test_lower_case_acronyms_are_terms_not_entities(nlp):
    text = (
        "Sales of new energy vehicles (NEV) climbed in Shenzhen. The NEV market is crowded, "
        "and NEV makers are cutting prices."
    )
    assert "NEV" not in entities(nlp, text)


def test_a_surname_is_the_person_not_a_place(nlp):
    text = (
        "Vice Minister Xiong Jijun spoke in Haikou on Saturday. "
        "Xiong said the sector would open further. Xiong also praised local suppliers."
    )
    found = entities(nlp, text)
    assert found["Xiong Jijun"][0] == "PERSON"
    assert "Xiong" in found["Xiong Jijun"][1]
    assert "Xiong" not in found


def test_dateline_place_is_a_place_and_the_credit_is_not_an_entity(nlp):
    text = (
        "KARACHI, (UrduPoint / Pakistan Point News - 3rd Nov, 2025) Karachi's port handled "
        "record cargo in October, officials in Karachi said."
    )
    found = entities(nlp, text)
    assert found["Karachi"][0] == "GPE"
    assert found["Karachi"][2] == "PK"
    assert "KARACHI" in found["Karachi"][1]
    assert not any("Pakistan Point News" in name for name in found)


def test_mention_spans_hold_the_name_alone_without_article_or_possessive(nlp):
    text = (
        "Officials from the United Nations met envoys of the European Union in Geneva. "
        "Amina Ndiaye's plan won support from the World Bank's lending arm."
    )
    spans = {m.text for m in extract_entities(nlp(text))}
    assert {"United Nations", "European Union", "Amina Ndiaye", "World Bank"} <= spans
    assert not any(s.lower().startswith("the ") or s.endswith(("'s", "’s")) for s in spans)
    for m in extract_entities(nlp(text)):
        assert text[m.start_char : m.end_char] == m.text


def test_a_demonym_typed_as_a_place_is_a_nationality(nlp):
    text = "Kuwaiti and Congolese officials met in Kinshasa on Monday to sign the accord."
    types = {m.text: m.entity_type for m in extract_entities(nlp(text))}
    assert types.get("Kinshasa") == "GPE"
    assert all(types[w] == "NORP" for w in ("Kuwaiti", "Congolese") if w in types)
    assert {"Kuwaiti", "Congolese"} & set(types)
