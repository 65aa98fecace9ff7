"""People's titles and affiliations as the text gives them: cases as data, through the model."""

from __future__ import annotations

import pytest

from transforms.entities import extract_entities


def people(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    found: dict[str, tuple[str | None, str | None]] = {}
    for m in extract_entities(nlp(text)):
        assert text[m.start_char : m.end_char] == m.text
        if m.entity_type == "PERSON":
            found.setdefault(m.canonical, (m.title, m.affiliation))
    return found


CASES = [
    # pre-nominal title, affiliation after the name through a defined acronym
    (
        "The Bureau of Maritime Safety (BMS) opened a new centre in Qingdao on Monday. "
        "Deputy Director Wang Lifeng of BMS said the centre would cut response times.",
        "Wang Lifeng",
        "Deputy Director",
        "Bureau of Maritime Safety",
    ),
    # a demonym before the title names the country
    (
        "Kenyan Vice President Kofi Mensah Asare arrived in Lagos on Tuesday for talks.",
        "Kofi Mensah Asare",
        "Vice President",
        "Kenya",
    ),
    # an organisation acronym before a lower-case title
    (
        "Output rose 4 percent in the quarter, BHP spokesman Daniel Crewe told reporters.",
        "Daniel Crewe",
        "Spokesman",
        "BHP",
    ),
    # appositive with "at" and a lower-case descriptor before the company
    (
        '"Demand is cooling fast," said Laura Brennan, chief economist at the investment bank '
        "Northgate Securities in London.",
        "Laura Brennan",
        "Chief Economist",
        "Northgate Securities",
    ),
    # appositive with "of" and a title that carries its own "of"
    (
        "Amina Haddad, head of global research at Corvane Group, said prices would ease.",
        "Amina Haddad",
        "Head of Global Research",
        "Corvane Group",
    ),
    # possessive owner: "X's chief executive Y"
    (
        "Brightwell Energy's chief executive Tomas Lindgren said the plant would open in May.",
        "Tomas Lindgren",
        "Chief Executive",
        "Brightwell Energy",
    ),
    # portfolio after the head; the ministry is named in the article
    (
        "The Ministry of Water Resources said flood defences held. Minister of Water Resources "
        "Ahmed Karimi said crews worked through the night.",
        "Ahmed Karimi",
        "Minister",
        "Ministry of Water Resources",
    ),
    # a portfolio before "Minister" that the model may call an organisation
    (
        "Agriculture Minister Elena Vasquez said the harvest was the largest in a decade.",
        "Elena Vasquez",
        "Agriculture Minister",
        None,
    ),
    # a rank after another title is dropped; honorifics never are titles
    (
        "Army spokesman Colonel Idris Kamara said troops had secured the road.",
        "Idris Kamara",
        "Spokesman",
        "Army",
    ),
    # hyphenated title
    (
        "Socialist Party secretary-general Marta Alves told supporters in Porto that "
        "turnout was high.",
        "Marta Alves",
        "Secretary-General",
        "Socialist Party",
    ),
    # negative: an age and an occupation are not a title
    (
        '"We lost everything," said Rosa Quintero, 61, a fruit seller in the old market.',
        "Rosa Quintero",
        None,
        None,
    ),
    # negative: the title belongs to someone else in the sentence
    (
        "Prime Minister Shehbaz Sharif met businessman Omar Farooq in Lahore on Friday.",
        "Omar Farooq",
        None,
        None,
    ),
    # negative: "minister" inside a clause after the name
    (
        "Peter Walsh, who met the finance minister last week, said the plan was sound.",
        "Peter Walsh",
        None,
        None,
    ),
    # negative: a title-like word earlier in the sentence, cut off by punctuation
    (
        "Speaking after the president's address, Jonas Eriksen said markets were calm.",
        "Jonas Eriksen",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "name", "title", "affiliation"), CASES)
def test_titles_and_affiliations(nlp, text, name, title, affiliation):
    found = people(nlp, text)
    assert name in found, found
    assert found[name] == (title, affiliation)


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
    found = people(nlp, text)
    assert "Zhang Yuhan" in found
    assert found["Zhang Yuhan"][0] == "Senior Statistician"
