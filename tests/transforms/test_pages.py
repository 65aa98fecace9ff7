"""Article pages as sites serve them: XHTML with an XML declaration is read like any page."""

from __future__ import annotations

import pytest

from transforms.pages import read_page

STORY = (
    "<p>Harbour officials in Mombasa said on Tuesday that container traffic rose 7 percent in "
    "the first quarter, as new berths opened to ships from the Gulf.</p>"
    "<p>The authority expects volumes to keep growing through the year, its director told "
    "reporters, citing orders from inland depots in Uganda and Rwanda.</p>"
)


@pytest.mark.parametrize(
    "opening",
    [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        "  <?xml version='1.0' encoding='ISO-8859-1' ?>\r\n",
        "",
    ],
    ids=["xml-declaration", "spaced-declaration", "none"],
)
def test_an_xhtml_page_with_an_xml_declaration_is_read(opening):
    html = (
        f'{opening}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Mombasa port traffic up</title>'
        f"</head><body><article><h1>Mombasa port traffic up</h1>{STORY}</article></body></html>"
    )
    page = read_page(html, "https://ports.example/mombasa")
    assert page.reason is None
    assert "container traffic rose 7 percent" in page.body
    assert page.title == "Mombasa port traffic up"
