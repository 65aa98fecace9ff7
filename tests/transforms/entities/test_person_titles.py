"""People's titles shared across mentions and cut from names; the table of titles and
affiliations is in cases/titles.toml (test_title_cases.py)."""

from __future__ import annotations

from transforms.entities import extract_entities


def test_the_title_holds_for_later_mentions_and_coordinated_names(nlp):
    text = (
        "A bench of Justices Priya Raman and Arjun Mehta dismissed the appeal. "
        "Vice Minister Gao Zhiqiang spoke in Haikou on Saturday. "
        "Gao said the sector would open further."
    )
    mentions = [m for m in extract_entities(nlp(text)) if m.entity_type == "PERSON"]
    titles = {(m.text, m.title) for m in mentions}
    assert ("Priya Raman", "Justice") in titles
    assert ("Arjun Mehta", "Justice") in titles
    assert ("Gao", "Vice Minister") in titles


def test_a_title_the_model_put_inside_the_name_is_not_part_of_the_name(nlp):
    text = "The bureau said prices rose. NBS senior statistician Zhang Yuhan said demand held up."
    people = {
        m.canonical: m.title for m in extract_entities(nlp(text)) if m.entity_type == "PERSON"
    }
    assert people.get("Zhang Yuhan") == "Senior Statistician"
