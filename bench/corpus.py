"""A synthetic wire-news corpus for the benchmark: article pages with site boilerplate, and RSS.

    .venv/bin/python -m bench.corpus --articles 2000 --out /tmp/corpus [--seed 7] [--per-feed 50]

Every story is written here from templates and word lists (no copied text): a dateline in one of
the agency house styles the pipeline reads (Xinhua, WAM, AP, Reuters, APP, UrduPoint chains),
150-600 words, figures of every kind the metric rules look for (levels, percentages, currencies,
percentage points, periods), quotes, and people, places and organisations. People and companies
are invented; places and public institutions are real names, as in any news story.

The output folder holds one HTML page per article under `<site>/<yyyy>/<mm>/`, RSS feeds of
`--per-feed` items each under `feeds/` (relative links, so the folder can be served over HTTP or
read from disk), `robots.txt` and `manifest.json`. About 5% of the pages are another site's
republication of an earlier story (new headline, new boilerplate, sometimes a trimmed last
paragraph), as syndicated wire copy is. Story `i` depends only on the seed and `i`, so a corpus
of 2,000 is the first 2,000 stories of a corpus of 10,000.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

DEFAULT_SEED = 7
PER_FEED = 50
MIN_WORDS, MAX_WORDS = 150, 600
COPY_SHARE = 0.05
FIRST_DAY = date(2025, 6, 2)
DAYS = 180

# --------------------------------------------------------------------------------------------
# Word lists. Places and institutions are real names; people and companies are invented.
# --------------------------------------------------------------------------------------------

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
AP_MONTHS = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
]  # fmt: skip
SHORT_MONTHS = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth"]
HALVES = ["first half", "second half"]


@dataclass(frozen=True, slots=True)
class Region:
    """Where a story happens: its places, institutions, people, money and markets."""

    key: str
    country: str
    adjective: str
    places: tuple[str, ...]  # dateline places, upper case; "GOMA, Congo" style allowed
    provinces: tuple[str, ...]
    stats_office: str
    ministries: tuple[str, ...]
    central_bank: str
    index: str
    companies: tuple[str, ...]
    given: tuple[str, ...]
    family: tuple[str, ...]
    currency: str  # key into MONEY_STYLES
    tz_hours: float
    family_first: bool = False


# fmt: off
REGIONS: dict[str, Region] = {
    "cn": Region(
        key="cn",
        country="China",
        adjective="Chinese",
        places=(
            "BEIJING", "SHANGHAI", "GUANGZHOU", "SHENZHEN", "NANNING", "KUNMING", "URUMQI",
            "HAIKOU", "CHENGDU", "WUHAN", "HANGZHOU", "TIANJIN", "CHONGQING", "HEFEI",
        ),
        provinces=(
            "Guangdong", "Yunnan", "Sichuan", "Hainan", "Gansu", "Zhejiang", "Jiangsu",
            "Guangxi Zhuang Autonomous Region", "Hubei", "Fujian", "Shaanxi", "Henan",
        ),
        stats_office="National Bureau of Statistics (NBS)",
        ministries=(
            "Ministry of Commerce", "Ministry of Industry and Information Technology (MIIT)",
            "General Administration of Customs (GAC)",
            "National Development and Reform Commission (NDRC)", "National Energy Administration",
            "Ministry of Transport",
        ),
        central_bank="People's Bank of China",
        index="Shanghai Composite Index",
        companies=(
            "Jinhe Auto Group", "Qingshan Port Logistics", "Hualan Photovoltaic", "Tianlu Rail",
            "Yunfeng Semiconductor", "Lijiang Battery Co.", "Baicheng Steel", "Xinyuan Foods",
        ),
        given=(
            "Jianguo", "Xiaoming", "Lihua", "Weidong", "Haiyan", "Yuqing", "Zhiwei", "Meiling",
            "Jiahui", "Hongbo", "Leilei", "Taoran", "Xinyi", "Yanping", "Guoqing", "Shufen",
        ),
        family=(
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
            "Sun", "Hu", "Zhu", "Gao", "Lin", "Guo", "Ma", "Luo", "Tang",
        ),
        currency="yuan",
        tz_hours=8,
        family_first=True,
    ),
    "ae": Region(
        key="ae",
        country="the UAE",
        adjective="Emirati",
        places=(
            "ABU DHABI", "DUBAI", "SHARJAH", "AJMAN", "FUJAIRAH", "RAS AL KHAIMAH", "AL AIN",
            "UMM AL QUWAIN",
        ),
        provinces=("Abu Dhabi", "Dubai", "Sharjah", "Ajman", "Fujairah", "Ras Al Khaimah"),
        stats_office="Federal Competitiveness and Statistics Centre",
        ministries=(
            "Ministry of Economy", "Ministry of Energy and Infrastructure",
            "Ministry of Foreign Trade", "Abu Dhabi Department of Economic Development",
            "Dubai Department of Economy and Tourism",
            "Ministry of Climate Change and Environment",
        ),
        central_bank="Central Bank of the UAE",
        index="Abu Dhabi Securities Exchange general index",
        companies=(
            "Sahra Renewables", "Al Khor Logistics", "Emirates Coastal Developments",
            "Gulf Crescent Aviation", "Dhafra Water Company", "Bayan Digital",
            "Marjan Petrochemicals", "Nakheel Bay Hospitality",
        ),
        given=(
            "Ahmed", "Mohammed", "Saeed", "Khalid", "Hamad", "Sultan", "Rashid", "Fatima",
            "Mariam", "Noura", "Aisha", "Hessa", "Obaid", "Salem", "Maitha", "Hamdan",
        ),
        family=(
            "Al Mansoori", "Al Nuaimi", "Al Shamsi", "Al Zaabi", "Al Ketbi", "Al Dhaheri",
            "Al Falasi", "Al Suwaidi", "Al Hammadi", "Al Qubaisi", "Al Marri", "Al Blooshi",
        ),
        currency="aed",
        tz_hours=4,
    ),
    "pk": Region(
        key="pk",
        country="Pakistan",
        adjective="Pakistani",
        places=(
            "ISLAMABAD", "LAHORE", "KARACHI", "PESHAWAR", "QUETTA", "MULTAN", "FAISALABAD",
            "RAWALPINDI", "HYDERABAD", "SIALKOT",
        ),
        provinces=("Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Gilgit-Baltistan"),
        stats_office="Pakistan Bureau of Statistics (PBS)",
        ministries=(
            "Ministry of Finance", "Ministry of Commerce", "Federal Board of Revenue (FBR)",
            "Ministry of Planning, Development and Special Initiatives",
            "National Disaster Management Authority (NDMA)", "Ministry of Information Technology",
        ),
        central_bank="State Bank of Pakistan (SBP)",
        index="KSE-100 index",
        companies=(
            "Indus Polymer Works", "Ravi Textile Mills", "Karakoram Cement", "Margalla Foods",
            "Thar Coal Power", "Chenab Pharmaceuticals", "Makran Fisheries", "Potohar Motors",
        ),
        given=(
            "Imran", "Asad", "Bilal", "Faisal", "Hina", "Sana", "Ayesha", "Usman", "Kamran",
            "Zubair", "Nadia", "Farah", "Tariq", "Shazia", "Waqas", "Rabia",
        ),
        family=(
            "Qureshi", "Malik", "Chaudhry", "Siddiqui", "Butt", "Durrani", "Abbasi", "Rana",
            "Sheikh", "Mirza", "Hashmi", "Gilani", "Awan", "Baloch",
        ),
        currency="pkr",
        tz_hours=5,
    ),
    "us": Region(
        key="us",
        country="the United States",
        adjective="U.S.",
        places=(
            "WASHINGTON", "NEW YORK", "CHICAGO", "LOS ANGELES", "HOUSTON", "ATLANTA", "DETROIT",
            "SAN FRANCISCO", "PHOENIX", "DENVER",
        ),
        provinces=("California", "Texas", "Ohio", "Florida", "Oregon", "Michigan", "Arizona"),
        stats_office="Labor Department",
        ministries=(
            "Commerce Department", "Treasury Department", "Energy Department",
            "Department of Transportation", "Environmental Protection Agency",
            "Federal Emergency Management Agency",
        ),
        central_bank="Federal Reserve",
        index="S&P 500",
        companies=(
            "Northgate Capital Partners", "Bellhaven Foods", "Tristar Aeronautics",
            "Halden Logistics", "Corvane Pharmaceuticals", "Stellbrook Energy", "Ridgeway Motors",
            "Lumenfield Software",
        ),
        given=(
            "Daniel", "Laura", "Michael", "Sarah", "Thomas", "Emily", "Robert", "Claire", "James",
            "Anna", "Marcus", "Denise", "Gregory", "Megan", "Victor", "Alicia",
        ),
        family=(
            "Whitcombe", "Harlow", "Brennan", "Okafor", "Fairbanks", "Novak", "Ashworth",
            "Pemberton", "Delgado", "Castellano", "Lindgren", "Mercer", "Holloway", "Tran",
        ),
        currency="usd",
        tz_hours=-5,
    ),
    "gb": Region(
        key="gb",
        country="Britain",
        adjective="British",
        places=("LONDON", "MANCHESTER", "EDINBURGH", "BIRMINGHAM", "CARDIFF", "GLASGOW"),
        provinces=("England", "Scotland", "Wales", "Northern Ireland"),
        stats_office="Office for National Statistics (ONS)",
        ministries=("Treasury", "Department for Business and Trade", "Department for Transport"),
        central_bank="Bank of England",
        index="FTSE 100",
        companies=(
            "Ashcombe Retail", "Thamesgate Water", "Pennine Building Society",
            "Harrowfield Insurance", "Kestrel Aerospace", "Wexley Brewing",
        ),
        given=("Oliver", "Charlotte", "Henry", "Eleanor", "Rupert", "Fiona", "Alistair", "Gemma"),
        family=("Hargreaves", "Whitaker", "Pembroke", "Thornley", "Ashby", "Cartwright"),
        currency="gbp",
        tz_hours=1,
    ),
    "eu": Region(
        key="eu",
        country="the euro zone",
        adjective="European",
        places=("FRANKFURT", "PARIS", "BRUSSELS", "BERLIN", "MADRID", "MILAN", "AMSTERDAM"),
        provinces=("Bavaria", "Catalonia", "Lombardy", "Flanders", "Brittany", "Saxony"),
        stats_office="Eurostat",
        ministries=(
            "European Commission", "French Finance Ministry", "German Economy Ministry",
            "Spanish Industry Ministry",
        ),
        central_bank="European Central Bank (ECB)",
        index="STOXX 600",
        companies=(
            "Rheinfeld Chemie", "Valmont Automobiles", "Banca Solari", "Nordhafen Shipping",
            "Lumière Telecom", "Grupo Castilla Energía",
        ),
        given=("Lukas", "Sophie", "Matteo", "Claire", "Javier", "Anke", "Pierre", "Elena"),
        family=("Moreau", "Lindqvist", "Kowalski", "Bergmann", "Delacroix", "Ferrante", "Roig"),
        currency="eur",
        tz_hours=2,
    ),
    "in": Region(
        key="in",
        country="India",
        adjective="Indian",
        places=("MUMBAI", "NEW DELHI", "BENGALURU", "CHENNAI", "KOLKATA", "HYDERABAD"),
        provinces=("Maharashtra", "Karnataka", "Tamil Nadu", "Gujarat", "Kerala", "Assam"),
        stats_office="Ministry of Statistics and Programme Implementation",
        ministries=("Finance Ministry", "Commerce Ministry", "Ministry of Power"),
        central_bank="Reserve Bank of India (RBI)",
        index="Nifty 50 index",
        companies=(
            "Sahyog Infra", "Deccan Polymers", "Konkan Shipyards", "Vindhya Cement",
            "Narmada Agro", "Ganga Textiles",
        ),
        given=("Rahul", "Priya", "Anil", "Sunita", "Vikram", "Kavita", "Arjun", "Meera"),
        family=("Sharma", "Iyer", "Deshpande", "Nair", "Kulkarni", "Banerjee", "Reddy", "Joshi"),
        currency="inr",
        tz_hours=5.5,
    ),
    "jp": Region(
        key="jp",
        country="Japan",
        adjective="Japanese",
        places=("TOKYO", "OSAKA", "NAGOYA", "YOKOHAMA", "FUKUOKA"),
        provinces=("Hokkaido", "Okinawa", "Kyushu", "Tohoku", "Chubu"),
        stats_office="Internal Affairs Ministry",
        ministries=("Finance Ministry", "Ministry of Economy, Trade and Industry"),
        central_bank="Bank of Japan (BOJ)",
        index="Nikkei share average",
        companies=("Tsubame Electric", "Kaigan Heavy Industries", "Hoshino Foods", "Midori Rail"),
        given=("Kenji", "Yuko", "Hiroshi", "Aiko", "Takeshi", "Naomi", "Daisuke", "Emi"),
        family=("Watanabe", "Kobayashi", "Nakamura", "Fujita", "Ishikawa", "Morita", "Sakai"),
        currency="jpy",
        tz_hours=9,
    ),
    "af": Region(
        key="af",
        country="Congo",
        adjective="Congolese",
        places=("GOMA, Congo", "KINSHASA, Congo", "NAIROBI, Kenya", "LAGOS, Nigeria"),
        provinces=("North Kivu", "South Kivu", "Ituri", "Kasai"),
        stats_office="national statistics institute",
        ministries=("Health Ministry", "Interior Ministry", "Defence Ministry"),
        central_bank="Central Bank of Congo",
        index="Nairobi Securities Exchange all-share index",
        companies=("Kivu Minerals", "Lakeside Cobalt", "Equator Telecom"),
        given=("Patrick", "Grace", "Joseph", "Esther", "Emmanuel", "Ruth", "Samuel", "Agnes"),
        family=("Kabongo", "Mwamba", "Otieno", "Adeyemi", "Ilunga", "Mutombo", "Wanjiru"),
        currency="usd",
        tz_hours=2,
    ),
}
# fmt: on

TITLES_GOV = (
    "minister of state", "spokesperson for the {ministry}", "director general of the {ministry}",
    "deputy minister at the {ministry}", "undersecretary of the {ministry}",
)  # fmt: skip
TITLES_BIZ = (
    "chief executive of {company}", "chief financial officer of {company}",
    "chairman of {company}", "managing director of {company}",
)  # fmt: skip
TITLES_ECON = (
    "chief economist at {company}", "senior analyst at {company}", "head of research at {company}",
)  # fmt: skip

SUBJECTS = (
    ("exports", "money"), ("imports", "money"), ("foreign direct investment", "money"),
    ("retail sales", "money"), ("industrial output", "pct_only"),
    ("new energy vehicle sales", "vehicles"), ("crude steel output", "tonnes"),
    ("tourist arrivals", "people"), ("non-oil foreign trade", "money"),
    ("electricity consumption", "kwh"), ("remittances", "money"), ("tax revenue", "money"),
    ("passenger traffic", "people"), ("container throughput", "teu"),
    ("installed solar capacity", "mw"), ("crude oil output", "bpd"),
    ("housing starts", "units"), ("software exports", "money"),
)  # fmt: skip
LEVEL_UNITS = {
    "vehicles": ("vehicles", 1e5, 3e7),
    "tonnes": ("tonnes", 1e6, 9e8),
    "people": ("visitors", 2e5, 4e7),
    "kwh": ("kilowatt-hours", 1e10, 9e12),
    "teu": ("TEUs", 1e5, 4e7),
    "mw": ("megawatts", 500, 9e5),
    "bpd": ("barrels per day", 1e5, 1.2e7),
    "units": ("units", 5e3, 2e6),
}
DISASTERS = (
    ("flash floods", "heavy rain"), ("a 5.8-magnitude earthquake", "the quake"),
    ("a landslide", "days of rain"), ("a bus crash", "the accident"),
    ("a fire at a textile factory", "the blaze"), ("a tropical storm", "the storm"),
    ("a building collapse", "the collapse"), ("wildfires", "the fires"),
)  # fmt: skip
SECTORS = (
    "renewable energy", "logistics", "food security", "digital infrastructure", "healthcare",
    "tourism", "mining", "water desalination", "artificial intelligence", "port development",
    "agriculture", "education", "civil aviation", "electric vehicles", "textiles",
)  # fmt: skip
PROTEST_GROUPS = (
    ("farmers", "falling crop prices"), ("teachers", "a pay freeze"),
    ("transport workers", "planned job cuts"), ("pensioners", "changes to the pension age"),
    ("doctors", "staff shortages in public hospitals"), ("students", "higher tuition fees"),
)  # fmt: skip
PARTIES = (
    "the Democratic Renewal Party", "the National Unity Alliance", "the People's Progress Party",
    "the Green Future Movement", "the Liberal Reform Union",
)  # fmt: skip
COURT_CASES = (
    ("a former provincial official", "accepting bribes worth {money}"),
    ("two executives of {company}", "leaking trade secrets to a rival"),
    ("a property developer", "defrauding home buyers of {money}"),
    ("{company}", "breaching competition rules"),
)  # fmt: skip
QUOTE_PARTS = (
    (
        "We expect", "Our projections show", "We are confident", "The data confirm",
        "We have made clear", "Everyone in this room knows", "The message from investors is",
        "Our partners tell us",
    ),
    (
        "that the momentum will carry into the next quarter",
        "that demand from abroad is recovering faster than planned",
        "that this agreement opens a new chapter in our cooperation",
        "that every affected family will be reached before the weekend",
        "that the reforms are beginning to pay off for ordinary households",
        "that supply chains in the region are more resilient than a year ago",
        "that the new capacity will lower costs for industry",
        "that there is still work to do on inflation",
    ),
    (
        "", " and we will keep working with the private sector",
        " despite the uncertainty in global markets",
        ", and the next phase will be even larger", " because the fundamentals remain strong",
        ", which is why we are accelerating the programme",
    ),
)  # fmt: skip
ASSESSMENTS = (
    "a gradual recovery in domestic demand", "cooling price pressures",
    "resilient consumer spending", "a slowdown in manufacturing", "stronger export orders",
    "weaker investment in property", "a tighter labour market",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Sites and agencies
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Site:
    key: str
    name: str
    domain: str
    layout: int
    sections: tuple[str, ...]
    tz_hours: float
    agencies: tuple[str, ...]  # house styles the site carries


SITES: dict[str, Site] = {
    s.key: s
    for s in (
        Site(
            "meridian",
            "Meridian Daily",
            "meridiandaily.example",
            0,
            ("world", "business", "markets", "science"),
            0,
            ("AP", "Reuters", "Xinhua"),
        ),
        Site(
            "gulfledger",
            "The Gulf Ledger",
            "gulfledger.example",
            1,
            ("uae", "gulf", "business", "energy"),
            4,
            ("WAM", "Reuters", "AP"),
        ),
        Site(
            "indusherald",
            "Indus Herald",
            "indusherald.example",
            2,
            ("national", "business", "world", "provinces"),
            5,
            ("APP", "UrduPoint", "Reuters"),
        ),
        Site(
            "silkroad",
            "Silk Road Post",
            "silkroadpost.example",
            1,
            ("china", "economy", "asia", "belt-and-road"),
            8,
            ("Xinhua",),
        ),
        Site(
            "capitalwire",
            "Capital Wire",
            "capitalwire.example",
            0,
            ("markets", "economy", "companies", "policy"),
            -5,
            ("Reuters", "AP"),
        ),
        Site(
            "pointnews",
            "Point News Network",
            "pointnews.example",
            2,
            ("pakistan", "uae", "business", "world"),
            5,
            ("UrduPoint", "APP", "WAM"),
        ),
    )
}
# agency -> regions its stories are set in (weights)
AGENCY_REGIONS: dict[str, tuple[tuple[str, int], ...]] = {
    "Xinhua": (("cn", 8), ("af", 1), ("pk", 1)),
    "WAM": (("ae", 10),),
    "APP": (("pk", 10),),
    "UrduPoint": (("ae", 5), ("pk", 5)),
    "AP": (("us", 7), ("af", 2), ("jp", 1)),
    "Reuters": (("gb", 3), ("eu", 3), ("in", 2), ("jp", 2), ("us", 2)),
}
AGENCY_WEIGHTS = (
    ("Xinhua", 22), ("WAM", 18), ("Reuters", 20), ("AP", 14), ("APP", 14), ("UrduPoint", 12),
)  # fmt: skip
TOPICS = (
    ("economic_data", 26), ("corporate", 14), ("meeting", 12), ("agreement", 10),
    ("market", 10), ("policy", 9), ("disaster", 7), ("protest", 4), ("legal", 4),
    ("election", 4),
)  # fmt: skip


@dataclass(slots=True)
class Story:
    """One generated article."""

    index: int
    site: str
    agency: str
    region: str
    topic: str
    title: str
    summary: str
    author: str
    published: datetime
    paragraphs: list[str]
    section: str
    copy_of: int | None = None
    related: list[int] = field(default_factory=list)

    @property
    def slug(self) -> str:
        words = re.findall(r"[a-z0-9]+", self.title.lower())[:8]
        return "-".join(words) + f"-{self.index:05d}"

    @property
    def path(self) -> str:
        return f"{self.site}/{self.published:%Y/%m}/{self.slug}.html"

    @property
    def url(self) -> str:
        site = SITES[self.site]
        return f"https://{site.domain}/{self.section}/{self.published:%Y/%m/%d}/{self.slug}"

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _weighted(rng: random.Random, options: Sequence[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


# --------------------------------------------------------------------------------------------
# Numbers and dates in words
# --------------------------------------------------------------------------------------------


def _trim(value: float, digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scaled(value: float) -> str:
    """1.2 billion, 350 million, 12,500."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{_trim(value / size, 2 if value / size < 10 else 1)} {word}"
    return f"{round(value):,}"


MONEY_STYLES: dict[str, Callable[[float, random.Random], str]] = {
    "usd": lambda v, r: r.choice(["$", "US$", "$"]) + scaled(v),
    "aed": lambda v, r: r.choice(["AED ", "AED", "Dh"]) + scaled(v),
    "pkr": lambda v, r: r.choice(["Rs ", "Rs", "Rs. "]) + scaled(v),
    "yuan": lambda v, r: f"{scaled(v)} yuan",
    "gbp": lambda v, r: "£" + scaled(v),
    "eur": lambda v, r: r.choice(["€", "€", "EUR "]) + scaled(v),
    "inr": lambda v, r: r.choice(["Rs ", "INR "]) + scaled(v),
    "jpy": lambda v, r: f"{scaled(v)} yen",
}


def _magnitude(rng: random.Random, low: float, high: float) -> float:
    """A log-uniform amount, rounded to three significant figures."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    digits = 2 - math.floor(math.log10(value))
    return round(value, digits)


class Writer:
    """Fills templates for one story: its region, date and a private random stream."""

    def __init__(self, rng: random.Random, region: Region, published: date, agency: str) -> None:
        self.rng = rng
        self.region = region
        self.published = published
        self.agency = agency
        self.people: list[tuple[str, str]] = []  # (name, title) already introduced
        self.unused_context: list[int] = []  # background forms not yet used in this story
        self.quotes = 0

    # --- atoms -------------------------------------------------------------------------------
    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(list(options))

    def pct(self, low: float = 0.3, high: float = 14.0) -> str:
        value = self.rng.uniform(low, high)
        word = self.pick(["percent", "percent", "per cent", "%"])
        number = _trim(value, 1)
        return f"{number}%" if word == "%" else f"{number} {word}"

    def points(self) -> str:
        value = self.rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.8, 1.1, 1.4, 2.3])
        return f"{_trim(value)} percentage point" + ("" if value == 1 else "s")

    def money(self, low: float = 5e6, high: float = 8e11, currency: str | None = None) -> str:
        style = MONEY_STYLES[currency or self.region.currency]
        return style(_magnitude(self.rng, low, high), self.rng)

    def dollars(self, low: float = 5e6, high: float = 5e10) -> str:
        return MONEY_STYLES["usd"](_magnitude(self.rng, low, high), self.rng)

    def level(self, kind: str) -> str:
        unit, low, high = LEVEL_UNITS[kind]
        value = _magnitude(self.rng, low, high)
        qualifier = self.pick(["", "", "", "nearly ", "about ", "more than ", "over "])
        return f"{qualifier}{scaled(value)} {unit}"

    def count(self, low: int, high: int) -> str:
        return f"{self.rng.randint(low, high):,}"

    def weekday(self, back: int = 0) -> str:
        return WEEKDAYS[(self.published - timedelta(days=back)).weekday()]

    def day_phrase(self) -> str:
        back = self.rng.choice([0, 0, 1, 1, 2])
        if back == 0:
            return self.pick(["on " + self.weekday(), "on " + self.weekday(), "today"])
        return "on " + self.weekday(back)

    def last_month(self) -> date:
        return (self.published.replace(day=1) - timedelta(days=1)).replace(day=1)

    def period(self) -> str:
        month = self.last_month()
        quarter = (self.published.month - 1) // 3  # the last complete quarter, 1-based below
        year = self.published.year if quarter else self.published.year - 1
        choices = [
            f"in {MONTHS[month.month - 1]}",
            f"in {MONTHS[month.month - 1]} {month.year}",
            "last month",
            f"in the January-{MONTHS[month.month - 1]} period" if month.month > 1 else "in January",
            f"in the {ORDINALS[(quarter or 4) - 1]} quarter of {year}",
            f"in the first {self.pick(['five', 'six', 'seven', 'eight', 'nine'])} months",
            f"in the {HALVES[0]} of the year" if self.published.month > 6 else "in 2024",
            f"in fiscal year {self.published.year - 1}-{str(self.published.year)[2:]}",
            f"in the July-{MONTHS[month.month - 1]} period of the current fiscal year"
            if month.month >= 8
            else "during the last fiscal year",
        ]
        return self.pick(choices)

    def compared(self) -> str:
        return self.pick(
            [
                "year on year",
                "from a year earlier",
                "compared with the same period last year",
                "over the same period of 2024",
                "from the previous month",
                "on an annual basis",
            ]
        )

    def rose(self) -> str:
        return self.pick(["rose", "grew", "increased", "climbed", "jumped", "edged up"])

    def fell(self) -> str:
        return self.pick(["fell", "declined", "dropped", "slipped", "contracted", "eased"])

    def move(self) -> str:
        return self.rose() if self.rng.random() < 0.7 else self.fell()

    def person(self, titles: Sequence[str] = TITLES_GOV) -> tuple[str, str]:
        region = self.region
        given, family = self.pick(region.given), self.pick(region.family)
        name = f"{family} {given}" if region.family_first else f"{given} {family}"
        if region.key == "ae" and self.rng.random() < 0.5:
            name = f"{given} {self.pick(region.given)} {family}"
        title = self.pick(titles).format(
            ministry=self.pick(region.ministries).split(" (")[0].removeprefix("the "),
            company=self.pick(region.companies),
        )
        self.people.append((name, title))
        return name, title

    def speaker(self, titles: Sequence[str] = TITLES_GOV) -> str:
        """A person with their title the first time; a second mention by family name."""
        if self.people and self.rng.random() < 0.35:
            name, _ = self.rng.choice(self.people)
            return self.family_name(name)
        name, title = self.person(titles)
        return f"{name}, {title},"

    def family_name(self, name: str) -> str:
        parts = name.split()
        if self.region.family_first:
            return parts[0]
        if len(parts) >= 3 and parts[-2] == "Al":
            return " ".join(parts[-2:])
        return parts[-1]

    def quote(self) -> str:
        first, middle, last = (self.pick(part) for part in QUOTE_PARTS)
        return f"{first} {middle}{last}"

    def place(self) -> str:
        return self.pick(self.region.places).split(",")[0].title()

    def org(self) -> str:
        return self.pick(self.region.ministries)

    def company(self) -> str:
        return self.pick(self.region.companies)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _the(name: str) -> str:
    return name if name.startswith(("the ", "Eurostat")) else f"the {name}"


# --------------------------------------------------------------------------------------------
# Story templates: a headline, a lead sentence and a pool of body sentences per topic
# --------------------------------------------------------------------------------------------

Draft = tuple[str, str, list[str]]  # headline, lead, body sentences

MARKETS_ABROAD = ("Europe", "ASEAN countries", "Africa", "the Gulf", "Latin America")
MARKETS_OTHER = ("the United States", "Japan", "Central Asia", "South Asia")
CAUSES = (
    "stronger demand for machinery", "a rebound in services", "higher energy prices",
    "a low base last year", "government spending on infrastructure",
)  # fmt: skip
PROFIT_DRIVERS = (
    "higher export sales", "lower input costs", "new capacity", "a one-off gain", "cost cuts",
)  # fmt: skip
SHARE_NEWS = (
    "raised its forecast", "announced a buyback", "won a large order", "missed estimates",
)  # fmt: skip
GOVERNMENT_MEASURES = (
    "a tax relief package",
    "new tariffs",
    "a fuel subsidy",
    "a housing programme",
)
PARTNERS = (
    "Saudi Arabia", "Kazakhstan", "Brazil", "Indonesia", "Egypt", "Turkiye", "Vietnam",
    "South Africa",
)  # fmt: skip
GOODS = ("rice", "cooking oil", "fuel", "cement", "wheat flour", "fertiliser")
FACILITIES = ("port", "airport", "free zone", "industrial park", "rail link")
LEADERS = ("Prime Minister", "Foreign Minister", "President", "Minister of Economy")
GUESTS = ("visiting foreign minister", "trade minister", "special envoy")
GATHERINGS = ("forum", "summit", "investment conference", "joint committee meeting", "trade fair")
MOVERS = ("banks", "miners", "tech shares", "energy stocks", "exporters")


def _economic_data(w: Writer) -> Draft:
    subject, kind = w.rng.choice(SUBJECTS)
    r = w.region
    change = w.pct()
    up = w.rng.random() < 0.7
    verb = w.rose() if up else w.fell()
    period = w.period()
    amount = w.money() if kind in ("money", "pct_only") else w.level(kind)
    earlier = w.money() if kind in ("money", "pct_only") else w.level(kind)
    office = _the(r.stats_office if w.rng.random() < 0.6 else w.org())
    short_change = change.replace(" percent", " pct").replace(" per cent", " pct")
    headline = f"{r.adjective} {subject} {'up' if up else 'down'} {short_change} {period}"
    if kind == "pct_only":
        lead = (
            f"{_cap(_possessive(r.country))} {subject} {verb} {change} {w.compared()} {period}, "
            f"data from {office} showed {w.day_phrase()}."
        )
    else:
        lead = (
            f"{_cap(_possessive(r.country))} {subject} {verb} {change} {w.compared()} to "
            f"{amount} {period}, according to {office} {w.day_phrase()}."
        )
    month = MONTHS[w.last_month().month - 1]
    jobless, before = _trim(w.rng.uniform(3, 11)), _trim(w.rng.uniform(3, 11))
    jobless_before = "unchanged from" if jobless == before else f"against {before}"
    body = [
        f"The figure compared with growth of {w.pct()} in the previous period, when {subject} "
        f"stood at {earlier}.",
        f"The share of {w.pick(SECTORS)} in the total reached {w.pct(4, 60)}, "
        f"up {w.points()} from a year earlier.",
        f"Economists polled by {w.company()} had expected a change of {w.pct()}, and the "
        f"result points to {w.pick(ASSESSMENTS)}.",
        f"On a monthly basis, {subject} {w.move()} {w.pct(0.1, 4)}, {office} said.",
        f"{_cap(subject)} to {w.pick(MARKETS_ABROAD)} {w.move()} {w.pct()} to {w.dollars()}, "
        f"while those to {w.pick(MARKETS_OTHER)} {w.move()} {w.pct()}.",
        f"The unemployment rate stood at {jobless} percent in {month}, {jobless_before} "
        f"percent a month earlier.",
        f"Consumer prices {w.move()} {w.pct(0.1, 6)} {w.compared()}, "
        f"{w.pick(['below', 'above', 'in line with'])} the central bank's target.",
        f"{_cap(_the(r.stats_office))} attributed the change to {w.pick(CAUSES)}.",
    ]
    return headline, lead, body


def _corporate(w: Writer) -> Draft:
    company = w.company()
    quarter = f"the {w.pick(ORDINALS[:3])} quarter"
    profit = w.money(5e6, 5e10)
    change = w.pct(1, 60)
    up = w.rng.random() < 0.65
    label = w.pick(["Q2", "Q3", "quarterly", "half-year"])
    headline = (
        f"{company} {label} profit {'rises' if up else 'falls'} {change.replace(' percent', '%')}"
    )
    lead = (
        f"{company} said {w.day_phrase()} its net profit {w.rose() if up else w.fell()} "
        f"{change} to {profit} in {quarter}, helped by {w.pick(PROFIT_DRIVERS)}."
    )
    name, title = w.person(TITLES_BIZ)
    body = [
        f"Revenue {w.move()} {w.pct()} to {w.money(1e8, 9e11)}, while operating margin "
        f"{w.pick(['widened', 'narrowed'])} by {w.points()}.",
        f"The company said it would invest {w.money(1e7, 5e10)} over the next "
        f"{w.pick(['two', 'three', 'five'])} years in {w.pick(SECTORS)} and expects to hire "
        f"{w.count(200, 9000)} workers.",
        f"Its shares {w.move()} {w.pct(0.2, 9)} in early trade, against a "
        f"{w.pct(0.1, 2)} {w.pick(['gain', 'loss'])} in the {w.region.index}.",
        f'"{w.quote()}," {name}, {title}, told analysts on a call.',
        f"The board proposed a dividend of {w.money(1, 50)} per share.",
        f"Orders on hand stood at {w.money(1e8, 5e11)} at the end of {quarter}, "
        f"{w.pct()} more than a year earlier.",
        f"{company} kept its full-year guidance of revenue growth between "
        f"{w.rng.randint(2, 6)} and {w.rng.randint(7, 15)} percent.",
    ]
    return headline, lead, body


def _meeting(w: Writer) -> Draft:
    host, title = w.person(LEADERS)
    guest, guest_title = w.person(GUESTS)
    place = w.place()
    topics = w.rng.sample(SECTORS, 3)
    headline = f"{host} meets {guest} in {place}, discusses {topics[0]} cooperation"
    lead = (
        f"{title} {host} met {guest}, {guest_title}, in {place} {w.day_phrase()} to discuss "
        f"cooperation in {', '.join(topics[:2])} and {topics[2]}."
    )
    body = [
        f"The two sides agreed to raise bilateral trade to {w.dollars(1e9, 1e11)} by "
        f"{w.published.year + w.rng.randint(2, 6)}, from {w.dollars(5e8, 5e10)} last year.",
        f"The {_ordinal(w.rng.randint(2, 40))} {w.pick(GATHERINGS)} drew more than "
        f"{w.count(300, 9000)} delegates from {w.count(12, 140)} countries, organisers said.",
        f"{guest} also visited {w.company()} and {w.company()} during the "
        f"{w.rng.randint(2, 5)}-day visit.",
        f"The talks came {w.pick(['a week', 'two months', 'a year'])} after the two governments "
        f"set up a working group on {w.pick(SECTORS)}.",
        f'"{w.quote()}," {host} said at a joint news conference.',
        f"Officials said {w.count(3, 25)} projects worth {w.dollars()} were under discussion.",
        f"The next round of talks is expected in {MONTHS[w.published.month % 12]}.",
    ]
    return headline, lead, body


def _agreement(w: Writer) -> Draft:
    a, b = w.rng.sample(list(w.region.companies), 2)
    n = w.rng.randint(2, 14)
    value = w.money(5e7, 9e10)
    sectors = " and ".join(w.rng.sample(SECTORS, 2))
    headline = f"{a}, {b} sign {n} agreements worth {value}"
    lead = (
        f"{a} and {b} signed {n} memorandums of understanding worth {value} "
        f"{w.day_phrase()}, covering {sectors}."
    )
    capacity = w.level(w.pick(["tonnes", "mw", "units"]))
    body = [
        f"The agreements were signed in the presence of {w.speaker().rstrip(',')}, officials said.",
        f"Under the deal, {a} will build a plant with annual capacity of {capacity} in "
        f"{w.pick(w.region.provinces)}.",
        f"Construction is due to start in the {w.pick(ORDINALS)} quarter of "
        f"{w.published.year + 1} and create about {w.count(500, 12000)} jobs.",
        f"The partners said the first phase would cost {w.money(1e7, 5e9)} and be completed "
        f"within {w.rng.randint(18, 48)} months.",
        f'"{w.quote()}," {w.speaker(TITLES_BIZ)} said at the signing ceremony.',
        f"Trade between the two sides {w.move()} {w.pct()} to {w.dollars(1e8, 9e10)} {w.period()}.",
    ]
    return headline, lead, body


def _market(w: Writer) -> Draft:
    index = w.region.index
    up = w.rng.random() < 0.55
    pts = _trim(w.rng.uniform(5, 900), 2)
    pct = _trim(w.rng.uniform(0.1, 3.5), 2)
    level = f"{w.rng.uniform(1000, 90000):,.2f}"
    headline = (
        f"{index} {'gains' if up else 'slips'} {pct}% as {w.pick(MOVERS)} "
        f"{'rally' if up else 'weigh'}"
    )
    lead = (
        f"The {index} closed {'up' if up else 'down'} {pts} points, or {pct} percent, at "
        f"{level} {w.day_phrase()} as investors weighed {w.pick(ASSESSMENTS)}."
    )
    body = [
        f"Turnover rose to {w.money(1e8, 5e11)} from {w.money(1e8, 5e11)} in the previous "
        f"session, with {w.count(80, 900)} million shares changing hands.",
        f"Brent crude futures {w.move()} {_trim(w.rng.uniform(0.1, 4), 2)}% to "
        f"${_trim(w.rng.uniform(58, 95), 2)} a barrel.",
        f"Gold {w.move()} {_trim(w.rng.uniform(0.1, 2), 2)}% to "
        f"${w.rng.uniform(2300, 4100):,.2f} an ounce.",
        f"The {w.pick(['dollar', 'euro', 'yen', 'rupee', 'yuan'])} {w.move()} "
        f"{_trim(w.rng.uniform(0.05, 1.2), 2)}% against a basket of currencies.",
        f"Shares of {w.company()} {w.move()} {w.pct(0.5, 12)} after the company "
        f"{w.pick(SHARE_NEWS)}.",
        f'"{w.quote()}," said {w.speaker(TITLES_ECON).rstrip(",")}.',
        f"The index has {w.move()} {w.pct(1, 25)} so far this year.",
    ]
    return headline, lead, body


def _policy(w: Writer) -> Draft:
    bank = w.region.central_bank
    rate = _trim(w.rng.choice([2.0, 3.25, 4.5, 5.5, 6.0, 6.5, 7.25, 11.0, 12.0]), 2)
    action = w.pick(["kept", "cut", "raised"])
    bps = w.pick(["25", "50", "75"])
    verb = {"kept": "holds", "cut": "cuts", "raised": "raises"}[action]
    headline = f"{bank.split(' (')[0]} {verb} key rate {'at' if action == 'kept' else 'to'} {rate}%"
    if action == "kept":
        lead = (
            f"{_cap(_the(bank))} kept its key policy rate unchanged at {rate} percent "
            f"{w.day_phrase()}."
        )
    else:
        lead = (
            f"{_cap(_the(bank))} {action} its key policy rate by {bps} basis points to {rate} "
            f"percent {w.day_phrase()}, its {w.pick(['first', 'second', 'third'])} such move "
            f"this year."
        )
    governor, _ = w.person(("governor of the central bank",))
    month = MONTHS[w.last_month().month - 1]
    body = [
        f"Inflation {w.move()} to {w.pct(1, 12)} in {month} from {w.pct(1, 12)} a month earlier.",
        f'"{w.quote()}," Governor {governor} told a news conference.',
        f"The bank forecast growth of {w.rng.randint(1, 4)}-{w.rng.randint(4, 7)} percent for "
        f"the fiscal year and said it expected the current account deficit to stay below "
        f"{_trim(w.rng.uniform(0.5, 3))} percent of GDP.",
        f"The government separately announced {w.pick(GOVERNMENT_MEASURES)} worth "
        f"{w.money(1e8, 9e10)}.",
        f"Foreign exchange reserves stood at {w.dollars(5e9, 5e11)} at the end of {month}.",
        f"{w.count(4, 7)} of the {w.count(8, 12)} members of the monetary policy committee "
        f"voted for the decision.",
    ]
    return headline, lead, body


def _disaster(w: Writer) -> Draft:
    disaster, short = w.rng.choice(DISASTERS)
    dead, hurt = w.rng.randint(2, 80), w.rng.randint(5, 300)
    province = w.pick(w.region.provinces)
    hits = "hit" if disaster.endswith("s") else "hits"
    headline = f"{dead} dead, {hurt} injured after {disaster} {hits} {province}"
    lead = (
        f"At least {dead} people were killed and {hurt} injured after {disaster} hit "
        f"{province} {w.day_phrase()}, local authorities said."
    )
    body = [
        f"More than {w.count(1000, 90000)} people were evacuated and {w.count(200, 9000)} houses "
        f"damaged, according to {_the(w.org())}.",
        f"Rescue teams with {w.count(50, 2000)} personnel and {w.count(5, 120)} vehicles were "
        f"sent to the area, officials said.",
        f"The government released {w.money(1e6, 5e9)} in emergency relief.",
        f'"{w.quote()}," {w.speaker()} said.',
        f"{_cap(short)} also cut power to about {w.count(5000, 400000)} households and closed "
        f"{w.count(3, 60)} roads.",
        f"Weather forecasters said more rain was expected over the next "
        f"{w.rng.randint(2, 5)} days.",
    ]
    return headline, lead, body


def _protest(w: Writer) -> Draft:
    group, issue = w.rng.choice(PROTEST_GROUPS)
    place = w.place()
    crowd = w.count(2000, 80000)
    headline = f"Thousands of {group} rally in {place} over {issue}"
    lead = (
        f"About {crowd} {group} marched through {place} {w.day_phrase()} to protest against "
        f"{issue}, police said."
    )
    body = [
        f"Organisers put the turnout at {w.count(20000, 150000)} and said a "
        f"{w.rng.randint(24, 72)}-hour strike would follow next week.",
        f"Unions said {w.pct(10, 40)} of their members had lost income in the past year.",
        f'"{w.quote()}," {w.speaker(TITLES_GOV)} said in response.',
        f"The government has offered a {w.pct(1, 6)} increase, short of the {w.pct(8, 15)} "
        f"demanded by unions.",
        f"Police said {w.count(3, 60)} people were detained.",
    ]
    return headline, lead, body


def _legal(w: Writer) -> Draft:
    who, what = w.rng.choice(COURT_CASES)
    who = who.format(company=w.company())
    what = what.format(money=w.money(1e6, 5e9))
    place = w.place()
    years = w.rng.randint(2, 15)
    headline = f"Court in {place} rules against {who} in {what.split(' ')[0]} case"
    lead = (
        f"A court in {place} {w.day_phrase()} ruled against {who} for {what}, and imposed a "
        f"fine of {w.money(1e5, 9e8)}."
    )
    body = [
        f"The judge also handed down a sentence of {years} years in prison, prosecutors said.",
        f"The case was filed by {_the(w.org())} in {w.published.year - 1}.",
        f'"{w.quote()}," {w.speaker()} said outside the court.',
        f"Lawyers for the defence said they would appeal within {w.rng.randint(10, 30)} days.",
        f"The court ordered the return of {w.money(1e5, 9e8)} to {w.count(40, 3000)} victims.",
    ]
    return headline, lead, body


def _election(w: Writer) -> Draft:
    party = w.pick(PARTIES)
    seats, total = w.rng.randint(40, 180), w.rng.choice([150, 200, 250, 300, 342])
    turnout = w.pct(38, 81)
    short_turnout = turnout.replace(" percent", "%").replace(" per cent", "%")
    headline = f"{_cap(party.removeprefix('the '))} wins {seats} seats, turnout {short_turnout}"
    kind = w.pick(["parliamentary", "provincial", "local"])
    lead = (
        f"{_cap(party)} won {seats} of the {total} seats in {w.weekday(1)}'s {kind} election, "
        f"with turnout at {turnout}, the election commission said {w.day_phrase()}."
    )
    body = [
        f"Its main rival took {w.rng.randint(20, 120)} seats, down from "
        f"{w.rng.randint(60, 160)} in the last vote.",
        f"About {w.count(2, 60)} million people were eligible to vote at {w.count(9000, 90000)} "
        f"polling stations.",
        f'"{w.quote()}," {w.speaker()} told supporters.',
        f"Observers said the vote was "
        f"{w.pick(['largely peaceful', 'orderly', 'marred by delays'])}.",
        f"The new assembly is due to meet within {w.rng.randint(14, 30)} days.",
    ]
    return headline, lead, body


TOPIC_WRITERS: dict[str, Callable[[Writer], Draft]] = {
    "economic_data": _economic_data,
    "corporate": _corporate,
    "meeting": _meeting,
    "agreement": _agreement,
    "market": _market,
    "policy": _policy,
    "disaster": _disaster,
    "protest": _protest,
    "legal": _legal,
    "election": _election,
}


def _context_sentence(w: Writer) -> str:
    """Background that fits any story: more figures, people, places, periods."""
    r = w.region
    month = MONTHS[w.last_month().month - 1]
    forms: list[Callable[[], str]] = [
        lambda: (
            f"{_cap(_the(w.org()))} said it expected growth of between "
            f"{w.rng.randint(2, 5)} and {w.rng.randint(6, 9)} percent in {w.published.year + 1}."
        ),
        lambda: (
            f"Over the first {w.pick(['six', 'seven', 'eight', 'nine'])} months of the year, "
            f"{w.pick(['investment', 'spending', 'output', 'trade'])} in {w.pick(SECTORS)} "
            f"totalled {w.money()}, a rise of {w.pct()}."
        ),
        lambda: (
            f"{w.count(12, 900)} projects worth {w.money()} are under way across "
            f"{w.rng.randint(3, 30)} {w.pick(['provinces', 'districts', 'cities'])}, "
            f"{_the(w.org())} said."
        ),
        lambda: (
            f"Analysts at {w.company()} said the figures pointed to {w.pick(ASSESSMENTS)} in "
            f"{w.pick(['the coming months', 'the second half', 'the next quarter'])}."
        ),
        lambda: (
            f"{_cap(w.speaker())} told reporters in {w.place()} that {_lower_first(w.quote())}."
        ),
        lambda: (
            f"In {w.pick(r.provinces)}, "
            f"{w.pick(['exports', 'output', 'tourism revenue', 'farm income'])} "
            f"{w.move()} {w.pct()} to {w.money()} {w.period()}."
        ),
        lambda: (
            f"The share of {w.pick(SECTORS)} in {_possessive(r.country)} economy has risen to "
            f"{w.pct(3, 35)} from {w.pct(1, 20)} a decade ago."
        ),
        lambda: (
            f"{_cap(r.country)} and {w.pick(PARTNERS)} agreed last year to expand cooperation "
            f"in {w.pick(SECTORS)}."
        ),
        lambda: (
            f"The {w.pick(['programme', 'plan', 'strategy'])} aims to raise annual capacity to "
            f"{w.level(w.pick(list(LEVEL_UNITS)))} by {w.published.year + w.rng.randint(2, 10)}."
        ),
        lambda: (
            f"About {w.count(5, 95)},000 people are employed in the sector, "
            f"{w.pct(10, 70)} of them women, according to {_the(r.stats_office)}."
        ),
        lambda: (
            f"Prices of {w.pick(GOODS)} {w.move()} {w.pct(0.5, 20)} in {month}, while "
            f"{w.pick(['rents', 'electricity tariffs', 'transport fares'])} were unchanged."
        ),
        lambda: (
            f"The {w.pick(FACILITIES)} at {w.place()} handled "
            f"{w.level(w.pick(['teu', 'tonnes', 'people']))} {w.period()}, "
            f"{w.pct()} more than a year before."
        ),
        lambda: (
            f"The {w.pick(['ministry', 'authority', 'agency'])} said it had received "
            f"{w.count(200, 40000)} applications in the {w.rng.randint(2, 12)} weeks since the "
            f"scheme opened on {MONTHS[w.rng.randint(0, w.published.month - 1)]} "
            f"{w.rng.randint(1, 28)}."
        ),
        lambda: (
            f"Its budget for the year is {w.money(1e8, 9e11)}, of which "
            f"{w.pct(5, 40)} goes to {w.pick(SECTORS)}."
        ),
    ]
    if not w.unused_context:
        w.unused_context = list(range(len(forms)))
        w.rng.shuffle(w.unused_context)
    return forms[w.unused_context.pop()]()


def _quote_paragraph(w: Writer) -> str:
    """A quote; `full` keeps the comma that closes a title ("Name, title, said")."""
    w.quotes += 1
    full = w.speaker(w.rng.choice([TITLES_GOV, TITLES_BIZ, TITLES_ECON]))
    plain = full.rstrip(",")
    form = w.rng.randrange(5)
    if form == 0:
        return f'"{w.quote()}," {full} said.'
    if form == 1:
        return f'"{w.quote()}. {w.quote()}," said {plain}.'
    if form == 2:
        return f'{_cap(full)} said: "{w.quote()}."'
    if form == 3:
        return f'{_cap(full)} told the {w.agency} news agency that "{_lower_first(w.quote())}."'
    verb = w.pick(["added", "told reporters", "said in a statement", "noted"])
    return f'"{w.quote()}," {full} {verb}.'


# --------------------------------------------------------------------------------------------
# Datelines in the agencies' house styles
# --------------------------------------------------------------------------------------------


def dateline(agency: str, place: str, day: date, rng: random.Random) -> str:
    """The dateline and credit that open the story, as each agency writes it."""
    if agency == "Xinhua":
        return f"{place}, {AP_MONTHS[day.month - 1]} {day.day} (Xinhua) -- "
    if agency == "WAM":
        return f"{place}, {_ordinal(day.day)} {SHORT_MONTHS[day.month - 1]}, {day.year} (WAM) -- "
    if agency == "AP":
        return f"{place} (AP) — "
    if agency == "Reuters":
        if rng.random() < 0.2:
            return f"{SHORT_MONTHS[day.month - 1]} {day.day} (Reuters) - "
        return f"{place}, {SHORT_MONTHS[day.month - 1]} {day.day} (Reuters) - "
    if agency == "APP":
        return f"{place}, {SHORT_MONTHS[day.month - 1]} {day.day} (APP): "
    # UrduPoint republishing WAM or APP copy
    source = "WAM" if place in REGIONS["ae"].places else "APP"
    return (
        f"{place}, (UrduPoint / Pakistan Point News / {source} - "
        f"{_ordinal(day.day)} {SHORT_MONTHS[day.month - 1]}, {day.year}) "
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------------


class StoryMaker:
    """Story `i` from the seed and `i` alone (copies look back at earlier originals)."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self.seed = seed
        self._made: dict[int, Story] = {}

    def story(self, index: int) -> Story:
        if index not in self._made:
            self._made[index] = self._make(index)
        return self._made[index]

    def _make(self, index: int) -> Story:
        rng = random.Random(f"wirehouse-bench:{self.seed}:{index}")
        if index >= 10 and rng.random() < COPY_SHARE:
            original = self.story(rng.randrange(max(0, index - 300), index))
            if original.copy_of is not None:
                original = self.story(original.copy_of)
            return self._republish(index, original, rng)
        agency = _weighted(rng, AGENCY_WEIGHTS)
        region = REGIONS[_weighted(rng, AGENCY_REGIONS[agency])]
        topic = _weighted(rng, TOPICS)
        site = rng.choice([s for s in SITES.values() if agency in s.agencies])
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        writer = Writer(rng, region, day, agency)
        headline, lead, pool = TOPIC_WRITERS[topic](writer)
        place = rng.choice(region.places)
        first = dateline(agency, place, day, rng) + lead
        target = round(rng.triangular(MIN_WORDS, MAX_WORDS, 330))
        paragraphs = [first]
        rng.shuffle(pool)
        words = len(first.split())
        while words < target:
            roll = rng.random()
            if pool and roll < 0.55:
                paragraph = pool.pop()
                if rng.random() < 0.4:
                    paragraph += " " + _context_sentence(writer)
            elif roll < 0.7 and writer.quotes < 2:
                paragraph = _quote_paragraph(writer)
            else:
                paragraph = _context_sentence(writer)
                if rng.random() < 0.5:
                    paragraph += " " + _context_sentence(writer)
            size = len(paragraph.split())
            if words + size > MAX_WORDS:
                if words >= MIN_WORDS:
                    break
                continue
            paragraphs.append(paragraph)
            words += size
        # Published on the dateline's day, in the site's own time zone.
        local = timezone(timedelta(hours=site.tz_hours))
        minute = rng.randrange(0, 60, 5)
        published = datetime(
            day.year, day.month, day.day, rng.randint(6, 21), minute, tzinfo=local
        ).astimezone(UTC)
        author = _byline(agency, writer, rng)
        return Story(
            index=index,
            site=site.key,
            agency=agency,
            region=region.key,
            topic=topic,
            title=headline,
            summary=_summary(lead),
            author=author,
            published=published,
            paragraphs=paragraphs,
            section=rng.choice(site.sections),
            related=[],
        )

    def _republish(self, index: int, original: Story, rng: random.Random) -> Story:
        """Another site carries the same wire story: new headline, new page, trimmed tail."""
        others = [
            s for s in SITES.values() if s.key != original.site and original.agency in s.agencies
        ] or [s for s in SITES.values() if s.key != original.site]
        site = rng.choice(others)
        paragraphs = list(original.paragraphs)
        if len(paragraphs) > 4 and rng.random() < 0.5:
            paragraphs = paragraphs[:-1]
        title = original.title
        if rng.random() < 0.6:
            title = rng.choice(
                [f"{title} - {original.agency}", string.capwords(title), f"{title} - report"]
            )
        return Story(
            index=index,
            site=site.key,
            agency=original.agency,
            region=original.region,
            topic=original.topic,
            title=title,
            summary=original.summary,
            author=original.author,
            published=original.published + timedelta(minutes=rng.randint(20, 600)),
            paragraphs=paragraphs,
            section=rng.choice(site.sections),
            copy_of=original.index,
        )


def _byline(agency: str, writer: Writer, rng: random.Random) -> str:
    if agency in ("AP", "Reuters") and rng.random() < 0.7:
        return writer.person(("reporter",))[0]
    if agency == "UrduPoint":
        return writer.person(("staff reporter",))[0]
    return agency


def _summary(lead: str) -> str:
    words = lead.split()
    return " ".join(words[:40]) + ("..." if len(words) > 40 else "")


def generate_stories(n: int, seed: int = DEFAULT_SEED) -> list[Story]:
    """The first `n` stories of the seed's corpus, with related stories filled in."""
    maker = StoryMaker(seed)
    stories = [maker.story(i) for i in range(n)]
    by_site: dict[str, list[int]] = {}
    for story in stories:
        earlier = by_site.setdefault(story.site, [])
        rng = random.Random(f"wirehouse-bench-related:{seed}:{story.index}")
        story.related = rng.sample(earlier[-30:], min(len(earlier[-30:]), rng.randint(3, 5)))
        earlier.append(story.index)
    return stories


# --------------------------------------------------------------------------------------------
# HTML and RSS
# --------------------------------------------------------------------------------------------


def _local(moment: datetime, hours: float) -> datetime:
    return moment.astimezone(timezone(timedelta(hours=hours)))


def _json_ld(story: Story, site: Site) -> str:
    published = _local(story.published, site.tz_hours).isoformat()
    author: dict[str, Any] = (
        {"@type": "Organization", "name": story.author}
        if story.author == story.agency
        else {"@type": "Person", "name": story.author}
    )
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.summary,
        "author": author,
        "datePublished": published,
        "dateModified": published,
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "logo": {"@type": "ImageObject", "url": f"https://{site.domain}/static/logo.png"},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        "articleSection": story.section.title(),
        "inLanguage": "en",
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _head(story: Story, site: Site) -> str:
    e = html.escape
    published = _local(story.published, site.tz_hours).isoformat()
    return f"""<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(story.title)} | {e(site.name)}</title>
  <meta name="description" content="{e(story.summary)}">
  <link rel="canonical" href="{e(story.url)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{e(story.title)}">
  <meta property="og:description" content="{e(story.summary)}">
  <meta property="og:url" content="{e(story.url)}">
  <meta property="og:site_name" content="{e(site.name)}">
  <meta property="og:image" content="https://{site.domain}/media/{story.slug}-1200x630.jpg">
  <meta property="article:published_time" content="{published}">
  <meta property="article:section" content="{e(story.section.title())}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="stylesheet" href="https://{site.domain}/static/css/main.{story.index % 97:02x}a1c.css">
  <style>.story-body p{{margin:0 0 1em}} .share-bar a{{margin-right:.5em}}
    .ad-slot{{min-height:250px}}</style>
  <script type="application/ld+json">
{_json_ld(story, site)}
  </script>
  <script>window.dataLayer=window.dataLayer||[];
    window.dataLayer.push({{"section":"{e(story.section)}","pageType":"article",
    "storyId":"{story.index}"}});</script>
  <script async src="https://{site.domain}/static/js/analytics.js"></script>
</head>"""


def _nav(site: Site) -> str:
    links = "".join(
        f'<li><a href="/{s}">{s.replace("-", " ").title()}</a></li>' for s in site.sections
    )
    extra = "".join(
        f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("sport", "opinion", "lifestyle")
    )
    return f'<nav class="main-nav" aria-label="Sections"><ul>{links}{extra}</ul></nav>'


def _share(story: Story, style: int) -> str:
    u = html.escape(story.url)
    if style == 1:
        return (
            '<ul class="social-icons">'
            f'<li><a href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a></li>'
            f'<li><a href="https://twitter.com/intent/tweet?url={u}">X</a></li>'
            f'<li><a href="https://www.linkedin.com/shareArticle?url={u}">LinkedIn</a></li>'
            f'<li><a href="mailto:?body={u}">Email</a></li></ul>'
        )
    return (
        '<div class="share-bar">'
        f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={u}">'
        "Share on Facebook</a>"
        f'<a class="share-tw" href="https://twitter.com/intent/tweet?url={u}">Tweet</a>'
        f'<a class="share-wa" href="https://wa.me/?text={u}">WhatsApp</a>'
        '<button class="copy-link" type="button">Copy link</button></div>'
    )


def _related(story: Story, stories: dict[int, Story]) -> str:
    items = "".join(
        f'<li><a href="{html.escape(stories[i].url)}">{html.escape(stories[i].title)}</a></li>'
        for i in story.related
        if i in stories
    )
    return items or '<li><a href="/latest">Latest news</a></li>'


def _body(story: Story, ad_every: int) -> str:
    out = []
    for number, paragraph in enumerate(story.paragraphs):
        out.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
        if number == 1 or (number > 1 and number % ad_every == 0):
            out.append('<div class="ad-slot ad-inarticle" aria-hidden="true">Advertisement</div>')
    return "\n          ".join(out)


def _footer(site: Site, year: int) -> str:
    return (
        '<footer class="site-footer"><ul>'
        '<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/advertise">Advertise</a></li><li><a href="/privacy">Privacy policy</a></li>'
        '<li><a href="/terms">Terms of use</a></li></ul>'
        f"<p>&copy; {year} {html.escape(site.name)}. All rights reserved.</p></footer>"
    )


def render_page(story: Story, stories: dict[int, Story]) -> str:
    """The article page: site chrome around the story, as a news site serves it."""
    site = SITES[story.site]
    e = html.escape
    local = _local(story.published, site.tz_hours)
    shown = f"{local:%a %d %b %Y, %I:%M %p}"
    byline = f'<a href="/author/{story.author.lower().replace(" ", "-")}">{e(story.author)}</a>'
    head = _head(story, site)
    related = _related(story, stories)
    if site.layout == 0:
        main = f"""<header class="site-header">
    <button class="hamburger" type="button" aria-label="Open Menu">Open Menu</button>
    <a class="brand" href="https://{site.domain}/">{e(site.name)}</a>
    {_nav(site)}
    <a class="btn-subscribe" href="/subscribe">Subscribe</a>
    <form class="search" action="/search"><input type="search" name="q" placeholder="Search"></form>
  </header>
  <main id="content">
    <nav class="breadcrumbs"><a href="/">Home</a> &rsaquo;
      <a href="/{story.section}">{e(story.section.title())}</a></nav>
    <article class="story">
      <h1 class="story-headline">{e(story.title)}</h1>
      <div class="story-meta"><span class="byline">By {byline}</span>
        <time class="published" datetime="{local.isoformat()}">{shown}</time></div>
      {_share(story, 0)}
      <figure class="lead-image"><img src="https://{site.domain}/media/{story.slug}.jpg" alt="">
        <figcaption>File photo</figcaption></figure>
      <div class="story-body">
          {_body(story, 4)}
      </div>
      <div class="story-tags">Tags:
        <a href="/tag/{story.topic}">{story.topic.replace("_", " ").title()}</a>
        <a href="/tag/{story.region}">{story.region.upper()}</a></div>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
    <section class="newsletter"><h3>Get the {e(site.name)} morning briefing</h3>
      <p>The day's top stories in your inbox by 7am.</p>
      <form action="/newsletter" method="post"><input type="email" name="email">
        <button type="submit">Sign up</button></form></section>
  </main>
  {_footer(site, story.published.year)}"""
    elif site.layout == 1:
        main = f"""<div id="page" class="wrapper">
  <div class="top-strip"><span class="date">{local:%A, %B %d, %Y}</span>
    <a href="/epaper">E-Paper</a> <a href="/login">Sign in</a></div>
  <header id="masthead"><div class="logo"><a href="https://{site.domain}/">{e(site.name)}</a></div>
    <div class="menu-toggle">Menu</div>{_nav(site)}</header>
  <div class="container"><div class="row">
    <div class="col-main">
      <div class="post-header"><span class="category">
        <a href="/{story.section}">{e(story.section.title())}</a></span>
        <h1 class="entry-title">{e(story.title)}</h1>
        <div class="entry-meta">{byline} &middot; <span class="date">{shown}</span> &middot;
          <span class="read-time">{max(1, story.word_count // 200)} min read</span></div>
        {_share(story, 1)}</div>
      <div class="entry-content">
          {_body(story, 3)}
      </div>
      <div class="post-footer"><p>Follow us on X and Instagram for the latest updates.</p>
        <div class="comments-count"><a href="#comments">Comments (0)</a></div></div>
      <section class="more-news"><h3>Read more</h3><ul>{related}</ul></section>
    </div>
    <aside class="col-side">
      <div class="widget most-read"><h4>Most read</h4><ol>{related}</ol></div>
      <div class="widget ad-slot">Advertisement</div></aside>
  </div></div>
  {_footer(site, story.published.year)}
</div>"""
    else:
        main = f"""<div class="site">
  <header class="header"><a class="site-logo" href="https://{site.domain}/">{e(site.name)}</a>
    <div class="header-links"><a href="/live">Live TV</a> <a href="/urdu">Urdu</a>
      <a href="/weather">Weather</a></div>
    {_nav(site)}</header>
  <section class="article-wrap">
    <div class="breadcrumb"><a href="/">Home</a> /
      <a href="/{story.section}">{e(story.section.title())}</a> / <span>Story</span></div>
    <div class="article-detail">
      <h1>{e(story.title)}</h1>
      <div class="detail-meta"><span class="author">{byline}</span>
        <span class="time">Published {local:%B %d, %Y | %I:%M %p}</span></div>
      {_share(story, 0)}
      <div class="detail-body">
          {_body(story, 5)}
      </div>
      <div class="author-box"><strong>{e(story.author)}</strong>
        <span>covers {e(story.section)} for {e(site.name)}.</span></div>
      <div class="tags"><a href="/tags/{story.topic}">{story.topic.replace("_", " ")}</a></div>
    </div>
    <div class="related-news"><h2>Related News</h2><ul>{related}</ul></div>
  </section>
  {_footer(site, story.published.year)}
</div>"""
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
{head}
<body class="article-template layout-{site.layout}">
  {main}
  <script src="https://{site.domain}/static/js/app.js" defer></script>
</body>
</html>
"""


def render_feed(site: Site, items: list[Story], feed_path: str) -> str:
    """An RSS 2.0 feed of the site's stories, newest first, linking the pages relatively."""
    e = html.escape
    depth = feed_path.count("/")
    prefix = "../" * depth
    newest = max(s.published for s in items)
    entries = []
    for story in sorted(items, key=lambda s: (s.published, s.index), reverse=True):
        pub = format_datetime(_local(story.published, site.tz_hours))
        entries.append(
            f"""    <item>
      <title>{e(story.title)}</title>
      <link>{e(prefix + story.path)}</link>
      <pubDate>{pub}</pubDate>
      <guid isPermaLink="false">tag:{site.domain},2025:{story.index}</guid>
      <dc:creator>{e(story.author)}</dc:creator>
      <category>{story.topic.replace("_", " ")}</category>
      <description>{e(story.summary)}</description>
    </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{e(site.name)} - Latest</title>
    <link>https://{site.domain}/</link>
    <atom:link href="https://{site.domain}/{feed_path}" rel="self" type="application/rss+xml"/>
    <description>Latest stories from {e(site.name)}.</description>
    <language>en</language>
    <lastBuildDate>{format_datetime(newest)}</lastBuildDate>
    <ttl>30</ttl>
{chr(10).join(entries)}
  </channel>
</rss>
"""


ROBOTS = "User-agent: *\nDisallow: /search\nAllow: /\n"


def write_corpus(
    out: Path, n: int, seed: int = DEFAULT_SEED, per_feed: int = PER_FEED
) -> dict[str, Any]:
    """Write `n` pages, their feeds, robots.txt and manifest.json under `out`; the manifest."""
    if n < 1 or per_feed < 1:
        raise ValueError("need at least one article and one item per feed")
    stories = generate_stories(n, seed)
    by_index = {s.index: s for s in stories}
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for story in stories:
        path = out / story.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(story, by_index), encoding="utf-8")
        pages.append(story.path)
    feeds = []
    for site in SITES.values():
        own = [s for s in stories if s.site == site.key]
        for number, start in enumerate(range(0, len(own), per_feed), start=1):
            feed_path = f"feeds/{site.key}-{number:03d}.xml"
            (out / "feeds").mkdir(exist_ok=True)
            text = render_feed(site, own[start : start + per_feed], feed_path)
            (out / feed_path).write_text(text, encoding="utf-8")
            feeds.append(feed_path)
    (out / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    manifest = {
        "articles": n,
        "seed": seed,
        "per_feed": per_feed,
        "words": sum(s.word_count for s in stories),
        "copies": {s.path: by_index[s.copy_of].path for s in stories if s.copy_of is not None},
        "agencies": _tally(s.agency for s in stories),
        "topics": _tally(s.topic for s in stories),
        "pages": pages,
        "feeds": feeds,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _tally(values: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000, help="pages to write (2000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-feed", type=int, default=PER_FEED, help="items per RSS feed (50)")
    args = parser.parse_args(argv)
    manifest = write_corpus(args.out, args.articles, args.seed, args.per_feed)
    print(
        f"{manifest['articles']} pages ({manifest['words']:,} words, "
        f"{len(manifest['copies'])} republished copies) and {len(manifest['feeds'])} feeds "
        f"in {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
