"""Wire copy: datelines and credits in several house styles, scraped-page headers, noise."""

from __future__ import annotations

import pytest

from transforms.wire import clean_paragraphs, parse_dateline, parse_scraped_text

DATELINES = [
    # (start of a story, place, agency, credits)
    ("BEIJING, Sept. 27 (Xinhua) -- China's exports rose", "BEIJING", "Xinhua", ["Xinhua"]),
    ("ABU DHABI, 28th Sep, 2025 (WAM) -- The UAE said", "ABU DHABI", "WAM", ["WAM"]),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "AP", ["AP"]),
    (
        "HAINAN, (UrduPoint / Pakistan Point News / WAM - 28th Sep, 2025) A senior official",
        "HAINAN",
        "WAM",
        ["UrduPoint", "Pakistan Point News", "WAM"],
    ),
    ("ISLAMABAD, Oct 2 (APP): The federal cabinet", "ISLAMABAD", "APP", ["APP"]),
    ("LONDON, Oct 3 (Reuters) - British house prices", "LONDON", "Reuters", ["Reuters"]),
    ("GOMA, Congo (AP) — Fighting resumed", "GOMA", "AP", ["AP"]),
    ("Oct 6 (Reuters) - Gold climbed to a record", None, "Reuters", ["Reuters"]),
    (
        "KUALA LUMPUR, Nov 3 (Bernama) -- Malaysia's palm oil",
        "KUALA LUMPUR",
        "Bernama",
        ["Bernama"],
    ),
]


@pytest.mark.parametrize(("text", "place", "agency", "credits"), DATELINES)
def test_datelines_in_house_styles(text, place, agency, credits):
    dateline = parse_dateline(text)
    assert dateline.place == place
    assert dateline.agency == agency
    assert dateline.credits == credits


@pytest.mark.parametrize(
    "text",
    [
        "The minister said (in a statement) that talks would resume.",
        "China (CN) and India (IN) signed the accord on Friday.",
        "",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert parse_dateline(text).agency is None


def test_scraped_page_header_and_noise(tmp_path):
    from tests.conftest import FIXTURES

    page = parse_scraped_text((FIXTURES / "scraped-desalination.txt").read_text())
    assert page.title == "UAE Opens Largest Solar-Powered Desalination Plant In Region"
    assert page.author == "Sara Al Hashimi"
    assert page.published == "October 5, 2025 11:20 AM"
    assert page.body.startswith("RAS AL KHAIMAH, (UrduPoint")
    for noise in ("Open Menu", "Related Stories", "Share This Story", "Published October"):
        assert noise not in page.body


def test_noise_lines_are_removed_but_story_lines_kept():
    text = (
        "Open Menu\n\nThe council met on Monday.\n\nShare on Facebook\n\nTweet\n\nIt agreed a plan."
    )
    assert clean_paragraphs(text) == ["The council met on Monday.", "It agreed a plan."]


def test_a_story_in_a_script_without_spaces_keeps_its_paragraphs():
    from transforms.wire import clean_paragraphs

    # Each paragraph is one "word" to str.split(); none is trailing boilerplate.
    body = (
        "港口管理局周二表示，第一季度集装箱吞吐量增长百分之七，新泊位开始接待来自海湾地区的船只。\n\n"
        "管理局预计全年吞吐量将继续增长，主要来自内陆货场的订单。\n\n"
        "分享\n\n"
        "相关新闻"
    )
    kept = clean_paragraphs(body)
    assert len(kept) == 2
    assert kept[1].endswith("。")
