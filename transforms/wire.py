"""Wire copy conventions: datelines, agency credits, bylines and scraped-page noise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Agencies and their usual spellings in credits, mapped to the name the warehouse stores.
AGENCIES = {
    "wam": "WAM",
    "emirates news agency": "WAM",
    "xinhua": "Xinhua",
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "app": "APP",
    "associated press of pakistan": "APP",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "uni": "UNI",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "qna": "QNA",
    "kuna": "KUNA",
    "spa": "SPA",
    "saudi press agency": "SPA",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "antara": "Antara",
    "bss": "BSS",
    "mena": "MENA",
    "irna": "IRNA",
    "sana": "SANA",
    "petra": "Petra",
    "bna": "BNA",
    "ona": "ONA",
    "apa": "APA",
    "cna": "CNA",
    "pna": "PNA",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
}

_PLACE = r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*)*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s*\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
)
# PLACE[, Region][, DATE] (CREDIT) -- ; the separator after the credit varies by house style.
DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)*))?"
    rf"(?:,\s*(?P<date>{_DATE}))?,?\s*"
    r"\((?P<credit>[^()\n]{2,120})\)\s*(?P<sep>--|—|–|-|:)?\s*"
)
# No place, only a date and the credit: "Oct 6 (Reuters) -".
DATELINE_NO_PLACE = re.compile(
    rf"^(?:{_DATE}\s*)?\((?P<credit>[^()\n]{{2,60}})\)\s*(?P<sep>--|—|–|-|:)\s*"
)
_CREDIT_DATE = re.compile(rf"\s*+[-–—,]\s*+{_DATE}\s*$")

_BYLINE = re.compile(
    r"^(?P<author>[A-Z][\w.'’\- ]{1,60}?)\s+Published\s+"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})(?:\s*\|\s*(?P<time>\d{1,2}:\d{2}\s*[AP]M))?\s*$"
)
_NOISE = re.compile(
    r"^(?:date\s+\d{4}-\d{2}-\d{2}\s*)?(?:open menu|close menu|menu|skip to (?:main )?content|"
    r"share(?: this story| this article| on \w+)?|tweet|whatsapp|email|print|related stories|"
    r"related articles|read more|advertisement|subscribe(?: to our newsletter)?|"
    r"follow us(?: on \w+)?|back to top|most read|trending|comments?)\s*$",
    re.I,
)
_LEADING_NOISE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b.*$", re.I)


@dataclass(slots=True)
class Dateline:
    place: str | None = None
    date_text: str | None = None
    credits: list[str] = field(default_factory=list)
    agency: str | None = None


@dataclass(slots=True)
class ScrapedPage:
    """A scraped text page split into its header fields and body."""

    body: str
    title: str | None = None
    author: str | None = None
    published: str | None = None


def agency_name(credit: str) -> str | None:
    """The canonical agency name for a credit such as 'Xinhua' or 'Associated Press'."""
    return AGENCIES.get(credit.strip().strip(".").casefold())


def parse_dateline(body: str) -> Dateline:
    """Place, date and credit chain from the start of a wire story, when it has a dateline."""
    match = DATELINE.match(body)
    if not match:
        bare = DATELINE_NO_PLACE.match(body)
        agency = agency_name(bare.group("credit")) if bare else None
        return Dateline(credits=[agency], agency=agency) if agency else Dateline()
    credit = _CREDIT_DATE.sub("", match.group("credit"))
    credits = [c.strip() for c in re.split(r"\s*/\s*", credit) if c.strip()]
    if not credits or not any(agency_name(c) or _looks_like_publisher(c) for c in credits):
        return Dateline()
    agency = None
    for name in reversed(credits):
        agency = agency_name(name)
        if agency:
            break
    return Dateline(
        place=match.group("place").strip(" ,"),
        date_text=match.group("date") or _date_in_credit(match.group("credit")),
        credits=[agency_name(c) or c for c in credits],
        agency=agency,
    )


def _looks_like_publisher(credit: str) -> bool:
    words = credit.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() for w in words)


def _date_in_credit(credit: str) -> str | None:
    match = re.search(_DATE, credit)
    return match.group(0) if match else None


def is_noise(paragraph: str) -> bool:
    """Menus, share buttons and list headings that scraping leaves in a body."""
    return bool(_NOISE.match(paragraph.strip()))


def clean_paragraphs(text: str) -> list[str]:
    """Paragraphs of a body with whitespace folded and page noise removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs = re.split(r"\n\s*\n", text)
    if len(paragraphs) == 1:
        paragraphs = text.split("\n")
    out = []
    for paragraph in paragraphs:
        folded = re.sub(r"\s+", " ", paragraph).strip()
        if folded and not is_noise(folded) and not _LEADING_NOISE.match(folded):
            out.append(folded)
    # Trailing boilerplate: a run of short lines at the end after the story ends. A text of one
    # line is its own story ("Unemployment fell to 4.1%"), kept for the article's checks to judge.
    while len(out) > 1 and _is_short_line(out[-1]) and not out[-1].endswith(_STORY_ENDS):
        out.pop()
    return out


# How a story's last line ends; the ideographic full stop and brackets close Chinese and
# Japanese sentences.
_STORY_ENDS = (".", '"', "”", "。", "！", "？", "」", "』")


def _is_short_line(paragraph: str) -> bool:
    """A line too short to be story text: four words or fewer, and (for scripts written
    without spaces, where a whole paragraph is one "word") under 40 characters."""
    return len(paragraph.split()) <= 4 and len(paragraph) < 40


def parse_scraped_text(text: str) -> ScrapedPage:
    """Title, byline, publication time and body of a scraped wire page (see the examples)."""
    paragraphs = clean_paragraphs(text)
    title = author = published = None
    start = 0
    for index, paragraph in enumerate(paragraphs[:6]):
        byline = _BYLINE.match(paragraph)
        if byline:
            author = byline.group("author").strip()
            published = byline.group("date") + (
                " " + byline.group("time") if byline.group("time") else ""
            )
            title = paragraphs[index - 1] if index > 0 else None
            start = index + 1
            # The page repeats the headline (often in sentence case) above the story.
            if (
                start < len(paragraphs)
                and title
                and paragraphs[start].casefold() == title.casefold()
            ):
                start += 1
            break
    else:
        for index, paragraph in enumerate(paragraphs[:4]):
            if DATELINE.match(paragraph):
                start = index
                break
        if start and len(paragraphs[0].split()) <= 20:
            title = paragraphs[0]
    return ScrapedPage(
        body="\n\n".join(paragraphs[start:]), title=title, author=author, published=published
    )
