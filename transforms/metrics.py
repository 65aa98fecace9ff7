"""Rule-based extraction of numeric facts (metrics) from English news text.

The extractor works in two passes over each sentence. A lexical pass finds number phrases in the
raw text (digits or number words, scale words, currencies, units, qualifiers) and throws out
numbers that are not facts (years, dates, clock times, ordinals, numbers inside names, phone
numbers, list numbering, durations). A syntactic pass reads the spaCy dependency parse around
each number to decide what is measured (subject), how (level, change, share, rate), in which
direction, over which period, where, and on whose authority.

Subjects are normalised noun phrases: the thing the measuring verb's subject or the figure's
noun names, with its modifiers and one level of complements ("revenue from operations",
"exports to Africa"), places left to the geography ("China's exports", "sales in the UK"),
named doers kept ("seats won by Labour"). Periods come from the time expression that governs
the figure's clause in the parse, else the story's reference period stated in its lead, else
the publication date; a comparison base ("up from 48 in 2021") takes its own time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

import pycountry
from spacy.tokens import Doc, Span, Token

from transforms.datemath import in_calendar, make_date, month_end, shift_days
from transforms.model import EntityMention, Metric, TimeExpression

# ---------------------------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------------------------


_PAIR_SEP_RE = re.compile(r"[;\n]")


def _pairs(spec: str) -> dict[str, str]:
    """A word table written as "key=value" items separated by semicolons or newlines."""
    table: dict[str, str] = {}
    for item in _PAIR_SEP_RE.split(spec):
        if item.strip():
            key, _, value = item.partition("=")
            table[key.strip()] = value.strip()
    return table


_SMALL_NUMBERS: dict[str, int] = {
    word: i
    for i, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS: dict[str, int] = {
    word: 10 * (i + 2)
    for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_BIG_SCALES: dict[str, float] = {
    **dict.fromkeys(["thousand"], 1e3),
    **dict.fromkeys(["lakh", "lakhs", "lac", "lacs"], 1e5),
    **dict.fromkeys(["million"], 1e6),
    **dict.fromkeys(["crore", "crores"], 1e7),
    **dict.fromkeys(["billion"], 1e9),
    **dict.fromkeys(["trillion"], 1e12),
}
# Scale words written after digits: "5bn", "$3m", "Rs 50 cr", "1.2 lakh crore".
_SCALES: dict[str, float] = {
    **_BIG_SCALES,
    "hundred": 1e2,
    **dict.fromkeys(["k"], 1e3),
    **dict.fromkeys(["m", "mn", "mln"], 1e6),
    **dict.fromkeys(["b", "bn", "bln"], 1e9),
    **dict.fromkeys(["tn", "trn"], 1e12),
    "cr": 1e7,
}
_YEAR_PREPOSITIONS = frozenset(
    "in since by until from to of between and during for before after mid early late the".split()
)
_QUALIFIER_PHRASES: dict[str, str] = {
    phrase.strip(): qualifier
    for qualifier, phrases in {
        "approximately": "nearly|almost|about|around|roughly|approximately|approx.|approx|some|"
        "close to|closer to|an estimated|estimated|an approximate|circa|just about|"
        "in the region of|on the order of",
        "at_least": "at least|a minimum of|minimum of|no less than|not less than|"
        "no fewer than|not fewer than",
        "at_most": "up to|as many as|as much as|as high as|at most|no more than|not more than|"
        "a maximum of|maximum of",
        "more_than": "more than|over|above|exceeding|in excess of|upwards of|greater than|"
        "higher than|just over|well over|just above|well above|slightly more than|north of",
        "less_than": "less than|under|below|fewer than|lower than|just under|just below|"
        "well below|slightly less than|shy of",
    }.items()
    for phrase in phrases.split("|")
}

# ISO 4217 codes by the way they are written before a number.
_CURRENCY_CODES: dict[str, str] = {
    code: code
    for code in (
        "USD EUR GBP JPY CNY INR PKR AED SAR KRW QAR KWD BHD OMR EGP NGN ZAR KES TRY RUB BRL MXN "
        "CHF CAD AUD HKD SGD NZD MYR IDR THB PHP VND BDT LKR NPR TWD JOD IQD MAD UGX TZS ETB GHS"
    ).split()
}
_CURRENCY_CODES.update(
    _pairs("RMB=CNY; Rs=INR; Dh=AED; Dhs=AED; Tk=BDT; RM=MYR; Rp=IDR; SR=SAR; QR=QAR; KD=KWD")
)
# "US$", "HK$", "A$": the letters before a dollar sign.
_DOLLAR_PREFIXES = _pairs(
    "US=USD; U.S.=USD; HK=HKD; A=AUD; AU=AUD; C=CAD; CA=CAD; NZ=NZD; S=SGD; SG=SGD; NT=TWD; R=BRL"
)
_CURRENCY_SYMBOLS = _pairs(
    "$=USD; €=EUR; £=GBP; ¥=CNY; ₹=INR; ₩=KRW; ₦=NGN; ₱=PHP; ₽=RUB; ₺=TRY; ฿=THB"
)
# Currency names written after a number, and the adjectives that change the default country.
_CURRENCY_NAMES = _pairs(
    """dollar=USD; euro=EUR; pound=GBP; sterling=GBP; yen=JPY; yuan=CNY; renminbi=CNY
    rupee=INR; dirham=AED; riyal=SAR; rial=IRR; won=KRW; rouble=RUB; ruble=RUB; lira=TRY
    ringgit=MYR; baht=THB; rupiah=IDR; peso=MXN; naira=NGN; rand=ZAR; shilling=KES
    dinar=KWD; franc=CHF; taka=BDT; dong=VND; real=BRL; reais=BRL; cedi=GHS; birr=ETB"""
)
_CURRENCY_ADJECTIVES = _pairs(
    """us dollar=USD; u.s. dollar=USD; american dollar=USD; hong kong dollar=HKD
    australian dollar=AUD; canadian dollar=CAD; singapore dollar=SGD; new zealand dollar=NZD
    taiwan dollar=TWD; new taiwan dollar=TWD; pakistani rupee=PKR; pak rupee=PKR
    indian rupee=INR; sri lankan rupee=LKR; nepalese rupee=NPR; nepali rupee=NPR
    saudi riyal=SAR; qatari riyal=QAR; omani rial=OMR; omani riyal=OMR; iranian rial=IRR
    yemeni rial=YER; emirati dirham=AED; uae dirham=AED; moroccan dirham=MAD
    egyptian pound=EGP; british pound=GBP; chinese yuan=CNY; japanese yen=JPY
    south korean won=KRW; korean won=KRW; philippine peso=PHP; mexican peso=MXN
    russian rouble=RUB; russian ruble=RUB; turkish lira=TRY; swiss franc=CHF
    kuwaiti dinar=KWD; bahraini dinar=BHD; jordanian dinar=JOD; iraqi dinar=IQD
    algerian dinar=DZD; tunisian dinar=TND; libyan dinar=LYD; kenyan shilling=KES
    ugandan shilling=UGX; tanzanian shilling=TZS; nigerian naira=NGN; south african rand=ZAR
    brazilian real=BRL"""
)
# Currency names shared by several countries, resolved by the countries the story is about.
_NATIONAL_CURRENCIES: dict[str, dict[str, str]] = {
    name: _pairs(spec)
    for name, spec in {
        "peso": "MX=MXN; PH=PHP; AR=ARS; CL=CLP; CO=COP; UY=UYU; DO=DOP",
        "dinar": "KW=KWD; BH=BHD; JO=JOD; IQ=IQD; DZ=DZD; TN=TND; LY=LYD; RS=RSD",
        "rial": "IR=IRR; OM=OMR; YE=YER",
        "riyal": "SA=SAR; QA=QAR; OM=OMR",
        "shilling": "KE=KES; UG=UGX; TZ=TZS; SO=SOS",
        "pound": "GB=GBP; EG=EGP; LB=LBP; SY=SYP; SD=SDG",
        "dirham": "AE=AED; MA=MAD",
        "franc": "CH=CHF",
    }.items()
}
_CURRENCY_ADJECTIVE_WORDS = sorted({key.rsplit(" ", 1)[0] for key in _CURRENCY_ADJECTIVES})

# Units written after a number: (pattern, unit, multiplier), matched case-insensitively except
# where a symbol is marked (?-i:...). Order matters: longest first.
_UNIT_TABLE: tuple[tuple[str, str, float], ...] = (
    (r"percentage[\s-]?points?|pct[\s-]?points?|ppts?\b|pp\b", "percentage_point", 1.0),
    (r"basis[\s-]points?|bps\b|bp\b", "percentage_point", 0.01),
    (r"per[\s-]?cent\b|percent\b|pct\b|pc\b|%", "percent", 1.0),
    (r"(?:mb/d|mbpd)\b", "bbl/d", 1e6),
    (r"barrels?\s+(?:per|a|each)\s+day\b|bpd\b|b/d\b|bbl/d\b", "bbl/d", 1.0),
    (r"barrels?\b|bbls?\b", "bbl", 1.0),
    (r"(?-i:mmt|MMT|mtpa|MTPA|mt)\b", "t", 1e6),  # Indian and trade press: million tonnes
    (r"(?:metric\s+)?(?:tonnes?|tons?)\b|(?-i:MT)\b", "t", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:kilometres?|kilometers?|km)\b|km2\b|km²", "sq km", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:metres?|meters?|m)\b|m2\b|m²", "sq m", 1.0),
    (r"(?:square\s+|sq\.?\s*)(?:feet|ft)\b", "sq ft", 1.0),
    (r"kilomet(?:re|er)s?\s+(?:per|an)\s+hour\b|km/h\b|kmph\b|kph\b", "km/h", 1.0),
    (r"kilomet(?:re|er)s?\b|kms?\b", "km", 1.0),
    (r"hectares?\b|ha\b", "ha", 1.0),
    (r"acres?\b", "acre", 1.0),
    (r"kilo(?:gram)?s?\b|kgs?\b", "kg", 1.0),
    (r"grams?\b", "g", 1.0),
    (r"(?:troy\s+)?ounces?\b|oz\b", "oz", 1.0),
    (r"cubic\s+met(?:re|er)s?\b|m3\b|m³", "cu m", 1.0),
    (r"bcm\b", "cu m", 1e9),
    (r"lit(?:re|er)s?\b", "L", 1.0),
    (r"gallons?\b", "gal", 1.0),
    (r"miles?\s+(?:per|an)\s+hour\b|mph\b", "mph", 1.0),
    (r"miles?\b", "mi", 1.0),
    (r"millimet(?:re|er)s?\b|mm\b", "mm", 1.0),
    (r"centimet(?:re|er)s?\b|cm\b", "cm", 1.0),
    (r"met(?:re|er)s?\b", "m", 1.0),
    (r"inch(?:es)?\b", "in", 1.0),
    (r"feet\b|foot\b|ft\b", "ft", 1.0),
    (r"terawatt[\s-]?hours?\b|(?-i:TWh)\b", "TWh", 1.0),
    (r"gigawatt[\s-]?hours?\b|(?-i:GWh)\b", "GWh", 1.0),
    (r"megawatt[\s-]?hours?\b|(?-i:MWh)\b", "MWh", 1.0),
    (r"kilowatt[\s-]?hours?\b|(?-i:kWh)\b", "kWh", 1.0),
    (r"gigawatts?\b|(?-i:GWp?)\b", "GW", 1.0),
    (r"megawatts?\b|(?-i:MWp?)\b", "MW", 1.0),
    (r"kilowatts?\b|(?-i:kW)\b", "kW", 1.0),
    (r"MMBtu\b|mmbtu\b|million\s+british\s+thermal\s+units\b", "mmbtu", 1.0),
    (r"TEUs?\b|twenty-foot\s+equivalent\s+units?\b", "TEU", 1.0),
    (r"degrees?\s+(?:celsius|centigrade)\b|°C", "degC", 1.0),
    (r"degrees?\s+fahrenheit\b|°F", "degF", 1.0),
    (r"index\s+points?\b|points?\b|pts\b", "point", 1.0),
)
# What a bare measurement measures, when the sentence says no more.
_UNIT_SUBJECTS = _pairs(
    """MW=capacity; GW=capacity; kW=capacity; TWh=electricity; GWh=electricity
    MWh=electricity; kWh=electricity; t=volume; bbl=volume; bbl/d=output; km=length
    mi=length; m=length; mm=length; cm=length; in=length; ft=length; ha=area; acre=area
    sq km=area; sq m=area; sq ft=area; degC=temperature; degF=temperature
    km/h=speed"""
)
# Unit symbols that may only be glued to the number ("5t", "100m", "2g").
_GLUED_UNITS = _pairs("t=t; m=m; g=g; km=km; kg=kg")
# "$65 a bbl": the word a price is quoted per, as the subject spells it.
_PER_WORDS = _pairs(
    "bbl=barrel; ton=tonne; kg=kilogram; liter=litre; kwh=kilowatt-hour; mwh=megawatt-hour; "
    "kilowatt hour=kilowatt-hour; megawatt hour=megawatt-hour; mmbtu=mmbtu"
)
# The unit pattern the warehouse validates (expectations/suites/metrics.json): a currency code,
# a lower-case word, or a short symbol, optionally per a short lower-case unit.
_UNIT_OK_RE = re.compile(r"(?:[A-Z]{3}|[a-z][a-z_ -]*|[A-Za-z]{1,4})(?:/[a-z]{1,3})?")

_UP_VERBS = frozenset(
    "rise increase grow gain climb jump surge soar rebound advance expand accelerate rally spike "
    "double triple swell rocket skyrocket leap balloon boost raise lift hike improve widen add "
    "strengthen appreciate".split()
)
# Verbs whose "up" is a particle: "edged up to 4.4%" is no "up to" bound.
_UP_PARTICLE_VERBS = frozenset("edge inch tick creep go move pick shoot ratchet notch step".split())
_DOWN_VERBS = frozenset(
    "fall decline drop decrease slip dip slide slump plunge plummet tumble shrink contract ease "
    "sink retreat lose shed cut reduce lower trim slash halve narrow weaken depreciate slow "
    "dwindle crash sag erase wipe".split()
)
_LEVEL_VERBS = frozenset(
    "reach total stand hit top exceed surpass amount be remain average touch cross near approach "
    "hold hover close end finish settle open trade stay peak estimate value put price equal "
    "come register record post log clock see witness achieve show mark become".split()
)
_SHARE_VERBS = frozenset("account represent constitute comprise form make contribute".split())
_REPORT_VERBS = frozenset(
    "say show report announce state note add reveal estimate tell disclose publish release "
    "indicate forecast project predict find confirm according cite quote highlight "
    "underline underscore point".split()
)
_DATA_NOUNS = frozenset(
    "data datum figure statistic report survey estimate number study analysis calculation release "
    "census bulletin index tally record".split()
)
_CHANGE_NOUNS_UP = frozenset(
    "increase rise growth gain jump surge hike climb rebound expansion upswing uptick "
    "improvement".split()
)
_CHANGE_NOUNS_DOWN = frozenset(
    "decline decrease drop fall dip slump plunge contraction reduction cut slowdown "
    "downturn".split()
)
_CHANGE_NOUN_ADJECTIVES = frozenset(
    "annual monthly quarterly yearly sharp steep slight modest marginal record strong robust "
    "weak year-on-year".split()
)
_SHARE_NOUNS = frozenset("share stake proportion portion percentage".split())
_RATE_WORDS = frozenset(
    "rate inflation yield tariff tax duty levy interest cpi unemployment joblessness".split()
)
_TRANSPARENT_NOUNS = frozenset("total sum figure number tally count level".split())
_VACUOUS_NOUNS = frozenset(
    "behalf part group some many most all each one any none lot majority minority rest home".split()
)
_RECORD_NOUNS = frozenset("record high peak low".split())
# Verbs that only carry a noun: "posted a surplus", "recorded growth", "showed a deficit".
_LIGHT_VERBS = frozenset(
    "post record register report log show see witness achieve clock have hit reach".split()
)
_VALUE_NOUNS = frozenset("value worth amount volume".split())
# Verbs whose grammatical subject is the agent rather than the thing measured.
_NOMINALS = _pairs(
    """export=exports; import=imports; sell=sales; produce=production; manufacture=production
    invest=investment; spend=spending; earn=earnings; deliver=deliveries; ship=shipments
    generate=generation; consume=consumption; allocate=allocation; lend=lending
    borrow=borrowing; purchase=purchases; buy=purchases; pay=payments; disburse=disbursement
    handle=throughput; employ=employment; register=registrations; process=throughput
    pump=production; refine=throughput; transport=shipments; carry=traffic"""
)
# Verbs that state a property of their subject: "the line will cost 80 billion yuan".
_PROPERTY_VERBS = _pairs(
    "cost=cost; weigh=weight; stretch=length; span=length; measure=size; employ=workforce"
)
_DIMENSIONS = _pairs(
    "long=length; wide=width; high=height; tall=height; deep=depth; thick=thickness; heavy=weight"
)
# What a measurement states about the thing it qualifies: "a 1,500 MW plant".
_UNIT_DIMENSIONS = _pairs(
    """MW=capacity; GW=capacity; kW=capacity; GWh=capacity; MWh=capacity; TEU=capacity
    bbl/d=capacity; km=length; mi=length; m=length; ha=area; acre=area; sq km=area; sq m=area
    sq ft=area"""
)
# Nouns that say what kind of figure, not of what: "a target of 4 million bpd".
_GENERIC_SUBJECTS = frozenset(
    "target goal forecast projection estimate quota cap ceiling limit threshold peak "
    "record high low".split()
)
_DISTANCE_UNITS = frozenset("m km mi ft in cm".split())
# What rises and falls by a distance: "the river level rose 2 meters".
_LEVEL_NOUNS = frozenset("level height depth elevation altitude tide".split())
_HAVE_VERBS = frozenset("have include house contain feature boast own".split())
_UNCHANGING_PLURALS = frozenset("aircraft sheep cattle deer fish personnel".split())
# Counted nouns written several ways: "75 jets" and "40 aircraft" count the same thing.
_COUNT_SYNONYMS = _pairs("jet=aircraft; plane=aircraft; airplane=aircraft; airliner=aircraft")
_COMPOUND_COUNT_RE = re.compile(
    r"(memorand(?:a|ums?)|letters?)\s+of\s+(understanding|intent)\b", re.I
)
_PERSON_NOUNS = frozenset(
    "people persons residents inhabitants citizens nationals individuals villagers locals others "
    "members firefighters rescuers".split()
)
_PEOPLE_WORDS = frozenset("people persons residents inhabitants citizens".split())
_CASUALTY_VERBS = frozenset(
    "kill injure wound arrest evacuate displace rescue detain hospitalize hospitalise "
    "die strand affect infect".split()
)
_CASUALTY_STATES = frozenset("dead missing injured wounded hospitalised hospitalized".split())
# Verbs that make their object do something: "forced 12,000 people to evacuate".
# Verbs of expecting: a figure in their complement is a forecast.
_EXPECT_VERBS = frozenset("expect forecast project predict anticipate".split())
_FORECAST_WORDS = frozenset(
    "forecast forecasts target targets goal estimate estimates projection expectation "
    "expectations outlook plan".split()
)
# The terms a figure is stated in: "an annualized real 1.6 percent", "in nominal terms".
_TERMS_BEFORE_RE = re.compile(
    r"\b(?:an?\s+)?((?:(?:annuali[sz]ed|real|nominal|seasonally\s+adjusted)\s+)+)$", re.I
)
_IN_TERMS_RE = re.compile(r"\b[Ii]n\s+(real|nominal)\s+terms\b")
_CAUSATIVE_VERBS = frozenset("force prompt compel cause oblige".split())
# What analysts call those a verb counts: people who fled their homes are displaced.
_OUTCOME_PARTICIPLES = _pairs("flee=displaced")
_TOLL_WORDS = frozenset(
    "toll casualty casualties death deaths fatality fatalities dead killed injured wounded "
    "missing victims".split()
)
_INDEX_WORDS = frozenset(
    "index sensex nifty dow nasdaq nikkei kospi ftse dax cac hang seng s&p gauge benchmark "
    "composite average".split()
)
# Prepositions whose complement is part of what a noun measures: "revenue from operations".
_ACRONYM_DEF_RE = re.compile(r"((?:[A-Za-z][\w-]*+\s++){2,8})\(([A-Z]{2,6})\)")
_ACRONYM_PAREN_RE = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM_STOP_RE = re.compile(r"[^\w\s-]")  # characters a definition's words cannot span
# Flows whose "in <place>" is where they go, part of what is measured.
_FLOW_NOUNS = frozenset(
    "investment investments fdi inflow inflows outflow outflows aid loan loans stake stakes "
    "exposure spending".split()
)
_SUBJECT_PREPS = frozenset("of from to with in into for on between among by".split())
# Heads of trade and output figures that a story's topic narrows to its own domain.
_DOMAIN_HEADS = frozenset(
    "exports imports re-exports refunds production output sales shipments stocks inventories "
    "consumption demand supply collections inflows outflows deliveries orders "
    "registrations".split()
)
_TOPIC_HEADS = frozenset("trade remittances revenue revenues".split())
# Modifiers that say how a figure is counted rather than what of: no part of a domain.
_GENERIC_MODIFIERS = frozenset(
    "gross net total overall foreign annual monthly quarterly yearly combined cumulative actual "
    "home first-half average".split()
)
# Wordings put the way analysts name the figure.
_SUBJECT_SYNONYMS = _pairs(
    """outbound shipments=exports; overseas shipments=exports; inbound shipments=imports
    electricity use=electricity consumption; electricity usage=electricity consumption"""
)
_AGAINST_RE = re.compile(
    r"\bagainst\s+the\s+(?:U\.?S\.?\s+|US\s+)?(dollar|euro|yen|pound|yuan|greenback)\b", re.I
)
_SYNONYM_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _SUBJECT_SYNONYMS)) + r")\b")
# What is traded at a price: a currency amount of these is their price.
# Stock index names that the text often gives without the word "index".
_INDEX_NAMES = frozenset(
    "500 100 225 50 30 s&p dow nasdaq composite nikkei sensex nifty kospi ftse dax cac seng "
    "kse-100 csi300 tsx asx stoxx".split()
)
# "won with 28.1% of the vote": verbs whose "with" share belongs to their subject.
_WINNING_VERBS = frozenset("win take secure get finish come lead poll garner capture end".split())
_TRADED_WORDS = frozenset(
    "crude oil brent wti intermediate gold silver copper platinum futures stock stocks share "
    "shares bitcoin palm wheat corn soybean soybeans coffee sugar cotton gas lng".split()
)
_PERIOD_NOUNS = frozenset(
    "period quarter month year half week session season term stretch window".split()
)
_MARKET_WORDS = frozenset(
    "index sensex nifty dow nasdaq nikkei kospi ftse dax cac hang seng s&p stock stocks "
    "shares yield yields crude brent wti gold silver futures sterling dollar yen rupee "
    "ringgit euro bitcoin".split()
)
_TIME_UNIT_NOUNS = frozenset(
    "second minute hour day week weekend month year decade century quarter night "
    "fortnight semester season term time".split()
)
_GENERIC_COUNT_NOUNS = frozenset("unit piece item set no number lot".split())
_SUBJECT_HEAD_NOMINALS = frozenset(
    "sales sale exports export imports import production output deliveries shipments "
    "registrations purchases orders demand supply consumption capacity stock stocks "
    "inventory inventories fleet market".split()
)
_NAME_PRECEDERS = frozenset(
    "top no no. number phase round stage level tier page item section article clause chapter "
    "paragraph rank ranked grade class size model version flight route gate terminal platform "
    "channel season episode game match volume issue resolution vision agenda covid "
    "highway bus line".split()
)
_GEO_NOUNS = frozenset("country nation state kingdom region city province bloc".split())
_GEO_WORLD = frozenset("global globally worldwide world world's".split())
_IRREGULAR_SINGULARS = _pairs(
    """people=person; persons=person; children=child; men=man; women=woman; feet=foot
    teeth=tooth; mice=mouse; geese=goose; data=data; media=media; series=series
    species=species; police=police; staff=staff; personnel=personnel; cattle=cattle
    sheep=sheep; fish=fish; aircraft=aircraft; news=news; goods=goods; arms=arms
    earnings=earnings; savings=savings; proceeds=proceeds; remittances=remittance
    others=person"""
)
_IRREGULAR_PARTICIPLES = _pairs(
    """take=taken; make=made; give=given; build=built; sell=sold; hold=held; see=seen
    find=found; lose=lost; leave=left; bring=brought; buy=bought; send=sent; win=won
    draw=drawn; write=written; drive=driven; fly=flown; set=set; put=put; hit=hit; cut=cut
    catch=caught; spend=spent; keep=kept; meet=met; grow=grown; know=known; get=got
    go=gone; come=come; run=run; pay=paid; lend=lent; raise=raised; die=died; hire=hired
    visit=visited; be=been; have=had; do=done; say=said"""
)
_DEMONYMS = _pairs(
    """chinese=CN; indian=IN; pakistani=PK; emirati=AE; saudi=SA; japanese=JP; korean=KR
    american=US; british=GB; german=DE; french=FR; russian=RU; italian=IT; spanish=ES
    brazilian=BR; turkish=TR; egyptian=EG; qatari=QA; kuwaiti=KW; omani=OM; bahraini=BH
    iranian=IR; iraqi=IQ; israeli=IL; australian=AU; canadian=CA; mexican=MX
    indonesian=ID; malaysian=MY; vietnamese=VN; thai=TH; filipino=PH; nigerian=NG
    kenyan=KE; bangladeshi=BD"""
)
# Country names that pycountry does not resolve by a plain lookup.
_COUNTRY_ALIASES = _pairs(
    """us=US; u.s.=US; usa=US; u.s.a.=US; america=US; united states=US
    united states of america=US; uk=GB; u.k.=GB; britain=GB; great britain=GB
    united kingdom=GB; uae=AE; u.a.e.=AE; emirates=AE; united arab emirates=AE; russia=RU
    south korea=KR; korea=KR; north korea=KP; iran=IR; vietnam=VN; turkey=TR; türkiye=TR
    turkiye=TR; taiwan=TW; syria=SY; laos=LA; bolivia=BO; venezuela=VE; tanzania=TZ
    moldova=MD; palestine=PS; czech republic=CZ; ivory coast=CI; china=CN
    mainland china=CN; india=IN; pakistan=PK; saudi arabia=SA; japan=JP"""
)
_CAPITALS = _pairs(
    """islamabad=PK; new delhi=IN; beijing=CN; abu dhabi=AE; riyadh=SA; tokyo=JP; seoul=KR
    washington=US; london=GB; paris=FR; berlin=DE; moscow=RU; cairo=EG; doha=QA
    kuwait city=KW; manama=BH; muscat=OM; ankara=TR; tehran=IR; baghdad=IQ; dhaka=BD
    colombo=LK; kathmandu=NP; jakarta=ID; kuala lumpur=MY; bangkok=TH; hanoi=VN; manila=PH
    canberra=AU; ottawa=CA; brasilia=BR; mexico city=MX; nairobi=KE; abuja=NG; pretoria=ZA
    addis ababa=ET; amman=JO; beirut=LB; damascus=SY; kabul=AF; tashkent=UZ; astana=KZ
    rome=IT; madrid=ES; singapore=SG; hong kong=HK"""
)
_PAKISTAN_PLACES = frozenset(
    "pakistan islamabad karachi lahore peshawar quetta rawalpindi faisalabad multan".split()
)
_INDIA_PLACES = frozenset(
    "india delhi mumbai kolkata chennai bengaluru bangalore hyderabad pune ahmedabad".split()
)
_JAPAN_WORDS = frozenset("yen japan japanese tokyo osaka nikkei".split())
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


# ---------------------------------------------------------------------------------------------
# Compiled patterns
# ---------------------------------------------------------------------------------------------

_DIGITS_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
)
_W_BASIC = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(list(_SMALL_NUMBERS)[1:10])}))?"
    rf"|{'|'.join(sorted(_SMALL_NUMBERS, key=len, reverse=True))}"
)
_W_SCALE = r"hundred|thousand|million|billion|trillion|lakhs?|lacs?|crores?|dozen"
_WORDS_RE = re.compile(
    rf"\b(?:half\s+an?\s+(?:{_W_SCALE})"
    rf"|(?:an?|{_W_BASIC})(?:\s+and\s+a\s+half)?(?:[\s-]+(?:and\s+)?(?:{_W_BASIC}|{_W_SCALE}))*)\b",
    re.I,
)
_SCALE_GLUED_RE = re.compile(r"(bn|mn|mln|bln|tn|trn|cr|k|m|b)(?![A-Za-z])", re.I)
_SCALE_SPACED_RE = re.compile(
    r"[ \t\u00a0]*+(?:-[ \t\u00a0]*+)?(hundred|thousand|million|billion|trillion|lakhs?|lacs?"
    r"|crores?|mn|mln|bn|bln|tn|trn|cr)\b",
    re.I,
)
_CUR_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z.])(?P<dpre>U\.S\.|US|HK|AU|A|CA|C|NZ|SG|S|NT|R)(?P<dsym>\$)"
    r"|(?<![A-Za-z])(?P<sym>[$€£¥₹₩₦₱₽₺฿])"
    rf"|(?<![A-Za-z])(?P<code>{'|'.join(sorted(_CURRENCY_CODES, key=len, reverse=True))})\.?)"
    r"[ \u00a0]?$"
)
_CUR_SUFFIX_RE = re.compile(
    r"(?:[\s\u00a0]*+|-)(?:(?P<adj>"
    + _alternation(_CURRENCY_ADJECTIVE_WORDS)
    + r")\s+)?(?P<name>dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?"
    r"|dirhams?|riyals?|rials?|won|roubles?|rubles?|liras?|lira|ringgit|baht|rupiah|pesos?"
    r"|naira|rand|shillings?|dinars?|francs?|taka|dong|reais|cedis?|birr)\b",
    re.I,
)
_CENTS_RE = re.compile(
    r"[ \u00a0]*+(?:(?P<adj>US|U\.S\.|euro)[ \u00a0]++)?(?P<n>cents?|pence|paise|fils|sen)\b", re.I
)
_CENT_CURRENCIES: dict[str, str] = {"pence": "GBP", "paise": "INR", "fils": "AED", "sen": "MYR"}
_CUR_PER_RE = re.compile(
    r"^[\s\u00a0]*(?:(?:a|an|per|each|/)[\s\u00a0]*(?P<per>barrel|bbl|tonne|ton|ounce|kwh|mwh"
    r"|litre|liter|gallon|mmbtu|kg|kilogram|share|kilowatt[\s-]hour|megawatt[\s-]hour)\b"
    r"|per[\s\u00a0]+(?P<any>(?!cent\b)(?:square[\s\u00a0]+)?[a-z]+(?:-[a-z]+)?)\b"
    r"|(?P<pb>pb)\b|(?P<apiece>apiece)\b)",
    re.I,
)
# A second "per": "Rs 5 per square foot per month".
_CUR_PER_MORE_RE = re.compile(r"^[\s\u00a0]+per[\s\u00a0]+(?P<any>[a-z]+)\b", re.I)
_UNIT_RES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (
        re.compile(r"[ \t\u00a0]*+(?:-[ \t\u00a0]*+)?(?:" + pat + ")", re.I),
        unit,
        mult,
    )
    for pat, unit, mult in _UNIT_TABLE
)
_QUAL_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\[,;:\"“'‘—–-]))(?P<q>" + _alternation(_QUALIFIER_PHRASES) + r")[\s\u00a0]*$",
    re.I,
)
_QUAL_AFTER_RE = re.compile(
    r"^(?:[ \u00a0]*(?P<least>or\s+more|or\s+above|and\s+above|or\s+higher|and\s+more)\b"
    r"|[ \u00a0]*(?P<most>or\s+less|or\s+fewer|or\s+below|and\s+below|or\s+lower)\b"
    r"|(?P<plus>\+|-plus\b))",
    re.I,
)
_DIR_BEFORE_RE = re.compile(r"\b(?P<d>up|down)(?:\s+by)?[\s\u00a0]+$", re.I)
# "make up 40 percent", "set up 5 plants": a phrasal verb, not a direction.
_PHRASAL_UP_RE = re.compile(
    r"\b(?:make|makes|made|making|take|takes|took|taken|taking|set|sets|setting|sum|sums"
    r"|summed|sign|signs|signed|signing|line|lined|open|opened|opening|shore|shored|break|broke"
    r"|broken|cut|cuts|cutting|scale|scaled|ramp|ramped|ramping)[\s\u00a0]*$",
    re.I,
)
_DIR_AFTER_RE = re.compile(r"^[\s\u00a0]+(?P<d>higher|lower)\b", re.I)
_CHANGE_NOUN_BEFORE_RE = re.compile(
    r"\b(?P<n>"
    + "|".join(sorted(_CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN, key=len, reverse=True))
    + r")s?\s+(?:of|by)\s+$",
    re.I,
)
_CHANGE_NOUN_AFTER_RE = re.compile(
    r"^[\s\u00a0]*(?:(?:year-on-year|year-over-year|y-o-y|yoy|annual|on-year|monthly"
    r"|quarterly)\s+)?(?P<n>"
    + "|".join(sorted(_CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN, key=len, reverse=True))
    + r")\b",
    re.I,
)
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTHS}[ \u00a0]*$")
_MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?[ \u00a0]*(?:of[ \u00a0]+)?{_MONTHS}(?![a-z])")
_ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_CLOCK_AFTER_RE = re.compile(
    r"^(?::\d{2}|[ \u00a0]?(?:[ap]\.?[ \u00a0]?m\b\.?|hrs\b|GMT\b|UTC\b|IST\b|EST\b|EDT\b|PST\b"
    r"|BST\b|CET\b|o'clock\b|hours?[ \u00a0]+(?:GMT|UTC|local))|[ap]m\b)",
    re.I,
)
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_PHONE_RE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[ \u00a0.-]?)?(?:\(\d{1,4}\)[ \u00a0.-]?)?\d{1,4}"
    r"(?:[ \u00a0.-]\d{1,4}){2,5}(?![\w,])"
)
_PHONE_CONTEXT_RE = re.compile(r"\b(?:tel|telephone|phone|call|fax|hotline|mobile|contact)\b", re.I)
_LIST_PREFIX_RE = re.compile(r"(?:^|\n)[ \t]*[(\[]?$")
_LIST_SUFFIX_RE = re.compile(r"^[.)\]][ \t]")
_HYPHEN_WORD_RE = re.compile(r"^[-–][ \u00a0]?([A-Za-z]+)")
_PER_BEFORE_RE = re.compile(r"(?:\bper|\bfor\s+every|/)[ \u00a0]*$", re.I)
_RATIO_AFTER_RE = re.compile(
    rf"^[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?:(?!(?:1[89]|2[01])\d\d\b)\d|every\b"
    rf"|(?:{_W_BASIC})\b)",
    re.I,
)
_RATIO_BEFORE_RE = re.compile(
    rf"(?:\d|\b(?:{_W_BASIC}))[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+$", re.I
)
_RANGE_JOIN_RE = re.compile(r"^[ \u00a0]*(?:-|–|—|to|and)[ \u00a0]*$", re.I)
_BETWEEN_RE = re.compile(r"\bbetween[ \u00a0]+$", re.I)
# What separates a figure from the same figure restated: "Rs 2,500 crore ($300 million)",
# "45.6 points, or 1.2 percent".
_PAREN_JOIN_RE = re.compile(
    r"^[ \u00a0]*(?:[(\[]|,?[ \u00a0]*or\b|,?[ \u00a0]*(?:equivalent|equal)\s+to\b)[ \u00a0]*"
    r"(?:or|equivalent\s+to|worth)?[ \u00a0]*$",
    re.I,
)
_SENT_BREAK_RE = re.compile(r"\n[ \t]*\n")
# "BEIJING, Oct. 13 (Xinhua) --", "HAINAN, (UrduPoint / WAM - 28th Sep, 2025)".
_DATELINE_RE = re.compile(
    r"\s*+[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{0,40})?\s*+\([^()\n]{1,120}\)\s*(?:--|—|–|-|:)?"
    r"|\s*+[A-Z][A-Za-z.'’ -]{1,40}(?:,[^()\n]{0,40})?\s*+\([A-Z][^()\n]{0,60}\)"
    r"\s*(?:--|—|–|-|:)?"  # "Mumbai, Oct 8 (PTI)", "Paris (AFP) -"
    r"|\s*+[A-Z][A-Z.'’ -]{1,40},[^\n/]{0,40}?/[A-Z]{2,10}/\.?"  # "MOSCOW, August 27. /TASS/."
    r"|\s*+[A-Z][A-Z.'’ -]{1,40},[^\n]{0,40}?(?:--|—)"
)
_OF_AFTER_RE = re.compile(r"^[ \u00a0]+of\b", re.I)
_YOY_RE = re.compile(
    r"\b(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|y-o-y|yoy|on[\s-]year|on\s+an\s+annual"
    r"\s+basis|on\s+a\s+yearly\s+basis|from\s+a\s+year\s+(?:earlier|ago|before)|than\s+a\s+year"
    r"\s+(?:earlier|ago|before)|(?:over|from|on|than|compared\s+(?:to|with))\s+the\s+"
    r"(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago)"
    r"|(?:compared\s+(?:to|with)|from|than|over)\s+(?:the\s+)?same\s+(?:period|quarter|month"
    r"|half|time|week)\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior|a)\s+year)\b",
    re.I,
)
_MOM_RE = re.compile(
    r"\b(?:month[\s-]on[\s-]month|month[\s-]over[\s-]month|m-o-m|mom|on[\s-]month|from\s+a\s+"
    r"month\s+(?:earlier|ago|before)|(?:from|over|than)\s+the\s+(?:previous|prior|preceding)\s+"
    r"month)\b",
    re.I,
)
_QOQ_RE = re.compile(
    r"\b(?:quarter[\s-]on[\s-]quarter|quarter[\s-]over[\s-]quarter|q-o-q|qoq|from\s+the\s+"
    r"(?:previous|prior|preceding)\s+quarter|from\s+a\s+quarter\s+(?:earlier|ago))\b",
    re.I,
)
_COMPARE_CUE_RE = re.compile(
    r"(?:compared\s+(?:to|with)|as\s+against|against|versus|vs\.?|than(?:\s+(?:in|during|for"
    r"|on))?|from(?:\s+(?:in|during))?|over|relative\s+to|on)[\s\u00a0]+$",
    re.I,
)
_REPORT_DATE_CUE_RE = re.compile(
    r"\b(?:said|says|announced|reported|released|published|told|noted|stated|added|showed"
    r"|revealed|disclosed)(?:\s+\w+)?\s+(?:on|in|late|early)?\s*$",
    re.I,
)
_RELATIVE_PAST_RE = re.compile(
    r"\b(?:ago|earlier|before|previous|prior|preceding|same\s+(?:period|month|quarter|half|week"
    r"|time))\b",
    re.I,
)
_BASE_BEFORE_RE = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:to|with)|\bagainst|\bthan|\bversus|\bvs\.?)[\s\u00a0]+"
    r"(?:(?:an?|the)\s+)?(?:(?:expected|estimated|revised|initial|preliminary|previous|"
    r"upwardly\s+revised|downwardly\s+revised)\s+)?$",
    re.I,
)
_OWN_TIME_GAP_RE = re.compile(
    r"[\s\u00a0]*(?:(?:decline|drop|fall|rise|increase|gain|growth|contraction)[\s\u00a0]+)?"
    r"(?:(?:received|recorded|registered|posted|reported|seen|logged)[\s\u00a0]+)?"
    r"(?:(?:in|on|during|for|at|as\s+of|over)[\s\u00a0]+)?",
    re.I,
)
_ANAPHORIC_PERIOD_RE = re.compile(
    r"(?:the\s+)?same\s+(?:period|time|months?|quarter|half|year)", re.I
)
_AS_OF_RE = re.compile(r"\bas\s+(?:of|at|on)\s+$", re.I)
# "136 of the country's 308 municipalities": a part and its whole.
_PART_OF_RE = re.compile(
    r"[\s\u00a0]++of[\s\u00a0]++(?:(?:the|its|their|all|[A-Za-z]+['’]s)[\s\u00a0]++)*", re.I
)
# "Of the 480 companies traded, 289 closed higher": a sentence that opens on a set.
_SET_OPENING_RE = re.compile(r"^(?:Of|Among)[\s\u00a0]+(?:the|all)[\s\u00a0]+$")
_PER_DOLLAR_RE = re.compile(
    r"^[\s\u00a0]*(?:per|a|against[\s\u00a0]+the|to[\s\u00a0]+the|versus[\s\u00a0]+the)"
    r"[\s\u00a0]+(?:U\.?S\.?[\s\u00a0]+|American[\s\u00a0]+)?(?P<cur>dollar|greenback|euro)\b",
    re.I,
)
_PRICE_VERBS = frozenset(
    "close end open settle trade weaken strengthen fall rise slip gain ease firm depreciate "
    "appreciate hit touch stand".split()
)
_PERIOD_PRECEDERS = frozenset(
    "the first second third fourth last next this that previous same each every final "
    "latest current fiscal calendar".split()
)
_FRACTIONS = {"half": 50.0, "halve": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0}
_FRACTION_RE = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four)[\s-]+)?(?P<f>half|halves|thirds?|quarters?|fifths?)"
    r"(?=[\s\u00a0]+of\b)",
    re.I,
)
_RATIO_RE = re.compile(
    rf"\b(?P<a>{_W_BASIC}|\d{{1,2}})[\s\u00a0]+(?:in|out[\s\u00a0]+of)[\s\u00a0]+"
    rf"(?P<b>{_W_BASIC}|\d{{1,3}})(?=[\s\u00a0]+[a-z])",
    re.I,
)
_HALF_UNIT_RE = re.compile(
    r"\bhalf[\s\u00a0]+an?[\s\u00a0]+(?P<u>cent|penny|percentage[\s\u00a0]+point|percent)\b",
    re.I,
)
# What every match of the three patterns above contains: sentences without it are not scanned.
_FRACTION_CUE_RE = re.compile(r"(?:hal(?:f|ves)|thirds?|quarters?|fifths?)[\s\u00a0]+of", re.I)
_RATIO_CUE_RE = re.compile(rf"[\s\u00a0](?:in|of)[\s\u00a0]+(?:\d|{_W_BASIC})", re.I)
_HALF_UNIT_CUE_RE = re.compile(r"half", re.I)
_CLAUSE_PREPS = frozenset("after before when as following since until".split())
# Figures that are news of the day rather than of the story's period.
_NEWS_VERBS = frozenset(
    "announce sanction approve allocate earmark pledge commit unveil launch sign award declare "
    "order propose seek offer".split()
)
_INTENT_VERBS = frozenset("plan aim intend seek expect hope want target".split())
_IN_PURPOSE_RE = re.compile(r"[\s\u00a0]*+(?:\([^()\n]{1,40}\)[\s\u00a0]*+)?in[\s\u00a0]")
_ESTIMATED_RE = re.compile(
    r"\bestimated[\s\u00a0]+(?:at|to[\s\u00a0]+be|(?:[a-z-]+[\s\u00a0]+){1,2}of)[\s\u00a0]*$",
    re.I,
)
_BOUND_VERB_RE = re.compile(
    r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|cross(?:ed|es)?|topp?(?:ed|s)?)[\s\u00a0]+"
    r"(?:the[\s\u00a0]+)?$",
    re.I,
)
_DEADLINE_BEFORE_RE = re.compile(
    r"\b(?:by|before|until|till)[\s\u00a0]+(?:the[\s\u00a0]+end[\s\u00a0]+of[\s\u00a0]+)?$", re.I
)
_WORTH_JOIN_RE = re.compile(r"[\s\u00a0]*+(?:worth|valued\s+at|\(|(?:,\s*+)?or)[\s\u00a0]*+", re.I)
_YEAR_SPAN_RE = re.compile(r"\d{4}/\d{4}")
_SINCE_BEFORE_RE = re.compile(r"\bsince[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.I)
_DELIVERY_AFTER_RE = re.compile(
    r"^[\s\u00a0]+(?:delivery|deliveries|contracts?|futures|loading)\b", re.I
)
_YEARS_DURATION_RE = re.compile(r"P(\d{1,2})Y")
_SPAN_CUE_RE = re.compile(
    r"\b(?P<prep>over|in|during|within|for)\s+the\s+(?P<dir>next|coming|past|last|previous)\s+"
    r"[\w-]+\s+years?$",
    re.I,
)
_ATTACHED_RE = re.compile(r"^[\s\u00a0]*(?:(?:in|during|for|over)[\s\u00a0]+)?$", re.I)
_SAME_PERIOD_RE = re.compile(
    r"\b(?:same\s+(?:period|quarter|month|half|time|week)|(?:previous|prior|preceding)\s+"
    r"(?:year|period|quarter|month))\b",
    re.I,
)
_PRONOUN_SUBJECT_RE = re.compile(r"^(?:\W*+\w++\W++){0,3}?(?:it|they|this|that|these)\b", re.I)
_PRONOUN_REPORT_RE = re.compile(
    r"\b(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|added|noted|told|stated|explained)\b"
    r"|\b(?:said|added|noted)\s+(?:he|she)\b",
    re.I,
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:data\s+from\s+(?:the\s+)?)?$", re.I)
# Small helpers' patterns.
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_LOWER_WORDS_RE = re.compile(r"[a-z]+")
_SPACES_RE = re.compile(r"\s+")
_HYPHEN_SPACES_RE = re.compile(r"\s*-\s*")
_PREV_WORD_RE = re.compile(r"([A-Za-z']++)[ \u00a0]*+$")
_PREV_NAME_WORD_RE = re.compile(r"([A-Za-z][\w&.'’-]*+)[ \u00a0]*+$")
_GLUED_SYMBOL_RE = re.compile(r"(km|kg|t|m|g)(?![A-Za-z])")
_STERLING_RE = re.compile(r"\s+sterling$")
_UP_TO_END_RE = re.compile(r"\bup\s+to\s*$", re.I)
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|both|first|last|next|other)\s+$", re.I
)
_OF_FORM_RE = re.compile(r"(\w++) of ((?:[\w-]++ ){0,3}[\w-]+)")
_SAME_RE = re.compile(r"\bsame\b", re.I)
_SAME_OR_PREVIOUS_RE = re.compile(r"\b(?:same|previous|prior)\b", re.I)
_YEAR_AGO_RE = re.compile(r"(?:a\s+)?year\s+(?:earlier|ago|before)", re.I)
_THAN_YEAR_RE = re.compile(r"\b(?:than|from|compared\s+(?:to|with)|over)\s+(?:in\s+)?(\d{4})\b")
_FY_RE = re.compile(r"FY(\d{4})(?:-(\d{2}))?")
_LEADING_THE_RE = re.compile(r"^the\s+")
_ENTITY_NAME_TRIM_RE = re.compile(r"^(?:the|The)\s+|['’]s$")
_DATELINE_SPLIT_RE = re.compile(r"[,(]|--|—")
_PKR_CONTEXT_RE = re.compile(r"\b(?:Pakistani|Pak|PKR)\b")
_INR_CONTEXT_RE = re.compile(r"\b(?:Indian|INR)\b|₹")
_TIMEX_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|W(?P<w>\d{2})(?P<we>-WE)?))?$"
)


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Quantity:
    """A number phrase found by the lexical pass."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    kind: str  # currency, percent, pp, measure, count, bare
    qualifier: str = "exact"
    has_scale: bool = False
    year_like: bool = False
    direction: str | None = None
    change: bool = False
    count_token: Token | None = None
    range_first: bool = False
    per: str | None = None  # what a price is quoted per: "barrel" in "$65 a barrel"
    fraction: bool = False  # a share written in words: "more than half of", "one in five"
    body_start: int = -1  # where the phrase starts after its qualifier (currency or number)


@dataclass(slots=True)
class _Reading:
    """What the syntactic pass makes of one quantity."""

    subject: str | None = None
    measure: str = "level"
    direction: str | None = None
    inherit: bool = False
    share_base: str | None = None
    geo: list[str] = field(default_factory=list)
    keep_bare: bool = False
    count_phrase: str | None = None
    anchor: Token | None = None  # the token through which the figure attaches to the clause
    of_np: str | None = None  # the "of" complement after the figure: "3.4 percent of GDP"
    doer: str | None = None  # who the subject names as doing it: "labour" in "labour seats"
    follower: str | None = None  # "followed by India at ...": the doer that replaces it


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    span: Span
    world: bool | None = None  # whether a token speaks of the world as a scope, once asked


_Period = tuple[date | None, date | None, str | None]


@dataclass(slots=True)
class _Context:
    """Per-document state shared by the helpers."""

    doc: Doc
    text: str
    times: list[TimeExpression]
    mentions: list[EntityMention]
    anchor: date
    rupee_code: str
    blocked: list[tuple[int, int]]
    name_spans: list[tuple[int, int]]
    dateline_end: int = 0
    acronyms: dict[str, str] = field(default_factory=dict)  # "cpi" -> "consumer price index"
    lead_end: int = 0  # end of the first paragraph, which the dateline place covers
    # Carried from one sentence to the next.
    previous: Metric | None = None
    carried: _Period | None = None
    previous_attribution: str | None = None
    recent: list[tuple[Metric, str | None]] = field(default_factory=list)  # figures and doers
    # Start offsets of `times`, for finding a sentence's times; each time's attachment, once read.
    time_starts: list[int] = field(default_factory=list)
    attachments: dict[int, Token | None] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def extract_metrics(
    doc: Doc, times: list[TimeExpression], anchor: date, mentions: list[EntityMention]
) -> list[Metric]:
    """Extract one Metric per numeric fact in an article body parsed by spaCy."""
    text = doc.text
    if not mentions:
        # Without an entity pass, spaCy's own NER still gives places and sources.
        mentions = _mentions_from_ents(doc)
    ctx = _Context(
        doc=doc,
        text=text,
        times=sorted(times, key=lambda t: t.start_char),
        mentions=mentions,
        anchor=anchor,
        rupee_code=_rupee_code(text, mentions),
        blocked=_blocked_spans(text, times),
        name_spans=[
            (m.start_char, m.end_char)
            for m in mentions
            if m.entity_type not in {"GPE", "LOC", "NORP", "MONEY", "PERCENT", "QUANTITY"}
        ],
    )
    ctx.time_starts = [t.start_char for t in ctx.times]
    dateline = _DATELINE_RE.match(text)
    ctx.dateline_end = dateline.end() if dateline else 0
    ctx.acronyms = _acronyms(text)
    lead_break = _SENT_BREAK_RE.search(text, ctx.dateline_end)
    ctx.lead_end = lead_break.start() if lead_break else len(text)
    metrics: list[Metric] = []
    for sent in _sentences(doc, text):
        metrics.extend(_sentence_metrics(ctx, sent))
        if ctx.carried is None and sent.start < ctx.lead_end:
            # "PSD won ... in Sunday's local elections": the lead dates the story even when
            # its figures come later.
            lead_time = _lead_time(ctx, sent)
            if lead_time is not None:
                _carry(ctx, _time_period(ctx, lead_time))
    _discourse_subjects(ctx, metrics)
    return metrics


# ---------------------------------------------------------------------------------------------
# Sentence handling
# ---------------------------------------------------------------------------------------------


def _sentences(doc: Doc, text: str | None = None) -> list[_Sentence]:
    """spaCy sentences, further cut at blank lines, trimmed of surrounding whitespace."""
    out: list[_Sentence] = []
    if text is None:
        text = doc.text
    for sent in doc.sents:
        pieces: list[tuple[int, int]] = []
        cursor = sent.start_char
        for br in _SENT_BREAK_RE.finditer(text, sent.start_char, sent.end_char):
            pieces.append((cursor, br.start()))
            cursor = br.end()
        pieces.append((cursor, sent.end_char))
        for start, end in pieces:
            chunk = text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            s = start + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                out.append(_Sentence(s, e, span))
    return out


def _sentence_metrics(ctx: _Context, sent: _Sentence) -> list[Metric]:
    readings = _sentence_readings(ctx, sent)
    sentence_text = ctx.text[sent.start : sent.end]
    attributed = _attribution(ctx, sent)
    if attributed is None and _PRONOUN_REPORT_RE.search(sentence_text):
        attributed = ctx.previous_attribution  # "He said ...": the source named just before
    comparison_times = _comparison_times(ctx, sent)
    # "down from 48 in 2021", "from 4.17% on Thursday": a comparison base and the time that
    # dates it; that time is the base's alone.
    bases = [_is_base(ctx, sent, q) for q, _ in readings]
    linked: set[int] = set()
    for idx in range(1, len(readings)):
        gap = ctx.text[readings[idx - 1][0].end : readings[idx][0].start]
        if bases[idx - 1] and _WORTH_JOIN_RE.fullmatch(gap):
            bases[idx] = True  # "compared with 695.1 million shares worth Rs 31.2 billion"
            linked.add(idx)
    owned: dict[int, TimeExpression] = {}
    for idx, (q, _) in enumerate(readings):
        if bases[idx]:
            limit = readings[idx + 1][0].start if idx + 1 < len(readings) else sent.end
            own_time = _own_time(ctx, q, limit)
            if own_time is not None:
                owned[idx] = own_time
    for idx in sorted(linked, reverse=True):
        if idx in owned and idx - 1 not in owned:
            owned[idx - 1] = owned[idx]  # the pair shares the time after its second half
    excluded = comparison_times | {t.start_char for t in owned.values()}
    metrics: list[Metric] = []
    prior: tuple[_Quantity, Metric] | None = None
    prior_doer: str | None = None
    main_prior: tuple[_Quantity, Metric] | None = None
    quoted: list[tuple[_Quantity, Metric]] = []
    for idx, (q, reading) in enumerate(readings):
        restated = prior is not None and bool(
            _PAREN_JOIN_RE.match(ctx.text[prior[0].end : q.start])
        )
        if restated and prior is not None:
            # "Rs 2,500 crore ($300 million)": the same fact in another currency or unit.
            reading.subject, reading.measure = prior[1].subject, prior[1].measure
            reading.direction = prior[1].direction
            reading.doer = prior_doer
            if q.qualifier == "exact":
                q.qualifier = prior[1].qualifier  # "about 200 meters (650 feet)"
            base = reading.of_np
            if q.unit == "percent" != prior[1].unit and base and 0 <= q.value <= 100:
                # "a deficit of SAR 170 billion, or 3.4 percent of GDP": its share of GDP.
                reading.subject = _share_subject(prior[1].subject, base)
                reading.measure = "share"
        subject = _final_subject(ctx, sent, q, reading, prior[1] if prior else None, prior_doer)
        prior_doer = reading.doer
        subject = _priced_subject(subject, q)
        subject = _framed_subject(ctx, sent, q, reading, subject, bases[idx])
        unit = _resolve_unit(q, subject) if q.kind != "bare" else _bare_unit(subject)
        if unit is None:
            continue  # a bare number with nothing to count is no fact
        unit = _safe_unit(unit)
        measure = _final_measure(q, subject, reading.measure)
        if bases[idx] and prior is not None and prior[1].unit == unit and not restated:
            # "rose 4.5%, down from 5.1% in August": the base is the same kind of figure.
            measure = prior[1].measure
            reading.direction = prior[1].direction
        if measure == "share" and not 0 <= q.value <= 100:
            measure = "level"  # "debt at 120 percent of GDP" is a ratio, not a share of a whole
        period: _Period | None = None
        explicit = False
        if bases[idx]:
            period = _base_period(ctx, sent, q, owned.get(idx), prior[1] if prior else None)
        if period is None:
            stated = _stated_time(ctx, sent, q, reading, excluded, [r[0] for r in readings])
            if stated is not None:
                period, explicit = _time_period(ctx, stated), True
                # "as of October 10" dates a stock, not the story.
                before = ctx.text[max(sent.start, stated.start_char - 12) : stated.start_char]
                explicit = not _AS_OF_RE.search(before)
            inherits = restated or (reading.inherit and not bases[idx])
            donor = prior if restated else main_prior  # never the period of a comparison base
            if donor is not None and inherits:
                # A change that follows a level shares its period unless it names its own.
                near = stated is not None and donor[0].end <= stated.start_char < q.end + 12
                if not near:
                    period = (donor[1].period_start, donor[1].period_end, donor[1].period_label)
                    explicit = False
        if period is None:
            # Agency copy states the period once and carries it until it states another.
            dated_today = (
                _is_market_quote(q, subject)
                or _announced(reading)
                or (q.unit != "percent" and _present_tense(reading))
            )
            period = ctx.carried if ctx.carried and not dated_today else None
            period = period or (ctx.anchor, ctx.anchor, ctx.anchor.isoformat())
        elif explicit and sent.start < ctx.lead_end:
            _carry(ctx, period)  # the lead states the story's reference period
        compared = None
        if measure == "change":
            window_start = readings[idx - 1][0].end if idx > 0 else sent.start
            window_end = readings[idx + 1][0].start if idx + 1 < len(readings) else sent.end
            compared = _compared_with(ctx, sent, q, window_start, window_end, period[2])
        geography = _geography(ctx, sent, q, reading)
        if restated and prior is not None:
            geography = geography or prior[1].geography
        metric = Metric(
            subject=subject,
            value=q.value,
            unit=unit,
            qualifier=q.qualifier,
            measure=measure,
            direction=_final_direction(measure, reading.direction),
            period_start=period[0],
            period_end=period[1],
            period_label=period[2],
            compared_with=compared,
            geography=geography,
            attributed_to=attributed,
            text=ctx.text[q.start : q.end],
            start_char=q.start,
            end_char=q.end,
            sentence=sentence_text,
        )
        metrics.append(metric)
        ctx.recent.append((metric, reading.doer))
        quoted.append((q, metric))
        prior = (q, metric)
        if not bases[idx]:
            main_prior = prior
    _price_subjects(quoted, metrics)
    _remember(ctx, metrics, attributed)
    return metrics


def _discourse_subjects(ctx: _Context, metrics: list[Metric]) -> None:
    """Name figures as the story has taught the reader to read them.

    A bare noun means what its first, fuller mention meant ("the surplus" after "the
    merchandise trade surplus"); trade and output figures share the domain of the story's
    topic figure ("imports" in a story about non-oil trade are non-oil imports, "refunds" in
    one about GST collections GST refunds; "inflows" in one about remittances are those
    remittances); and a few wordings are put the way analysts name them ("outbound
    shipments" are exports).
    """
    topic: list[str] | None = None
    domain: list[str] = []
    first_by_head: dict[str, str] = {}
    for m in metrics:
        subject = _SYNONYM_RE.sub(lambda x: _SUBJECT_SYNONYMS[x.group(0)], m.subject)
        words = subject.split()
        plain = not (set(words) & {"of", "per", "share", "value", "amount", "by"})
        if len(words) == 1:
            fuller = first_by_head.get(words[0])
            if fuller is not None:
                subject, words = fuller, fuller.split()
        if topic is not None and words:
            subject = _in_domain(subject, topic, domain)
        if plain and words:
            first_by_head.setdefault(words[-1], subject)
        leads = topic is None and m.start_char < ctx.lead_end and plain and len(words) >= 2
        if leads and m.measure in {"level", "change"} and words[-1] in _DOMAIN_HEADS | _TOPIC_HEADS:
            topic = [w for w in words[:-1] if w not in _GENERIC_MODIFIERS] + words[-1:]
            domain = topic[:-1]
        m.subject = subject


def _in_domain(subject: str, topic: list[str], domain: list[str]) -> str:
    """A trade or output figure read in the domain of the story's topic figure."""
    words = subject.split()
    cut = next((i for i, w in enumerate(words) if w in _SUBJECT_PREPS), len(words))
    core, rest = words[:cut], words[cut:]
    if not core or core[-1] not in _DOMAIN_HEADS:
        return subject
    head = core[-1]
    topic_head = topic[-1]
    if head in {"inflows", "outflows"} and topic_head in _FLOW_NOUNS | {"remittances"}:
        if len(core) == 1 or _singular_word(core[-2]) == _singular_word(topic_head):
            return " ".join([*topic, *rest])  # "remittance inflows" are the remittances
        return subject
    if not domain or head == topic_head or len(core) > 2 or set(core) & set(domain):
        return subject
    return " ".join([*domain, *core, *rest])


def _price_subjects(quoted: list[tuple[_Quantity, Metric]], metrics: list[Metric]) -> None:
    """Money amounts of a traded thing are its price: "Brent fell 31 cents to $68.49 a barrel".

    A commodity, share or index quoted in a currency is its "price", and a move in cents of
    a price quoted per barrel is a move of the price per barrel.
    """
    per_by_unit = {q.unit: q.per for q, _ in quoted if q.per and q.kind == "currency"}
    for q, metric in quoted:
        head, sep, tail = metric.subject.partition(" per ")
        last = head.split()[-1]
        priced = q.kind == "currency" or (q.unit == "percent" and metric.measure == "change")
        if priced and last in _TRADED_WORDS:
            # "gold rose 1.8%" and "gold at $4,251 an ounce" are moves of the gold price.
            metric.subject = f"{head} price{sep}{tail}"
        elif priced and last in _CURRENCY_NAMES and not {"rate", "of"} & set(head.split()):
            # "the yen weakened to 154.90 per dollar": the yen's exchange rate.
            metric.subject = f"{head} exchange rate{sep}{tail}"
            against = _AGAINST_RE.search(metric.sentence)
            if against and not sep and against.group(1).lower() != last:
                # "Sterling fell half a cent against the dollar": its rate against the dollar.
                metric.subject += f" against the {against.group(1).lower()}"
        elif last in _INDEX_NAMES and (
            not last.isdigit() or any(w in _INDEX_NAMES for w in head.split()[:-1])
        ):
            metric.subject = f"{head} index{sep}{tail}"  # "the S&P 500 rose 0.5%"
        if q.kind != "currency":
            continue
        per = q.per or (per_by_unit.get(q.unit) if metric.measure == "change" else None)
        if per and f" per {per}" not in f" {metric.subject}":
            metric.subject = f"{metric.subject} per {per}"


def _sentence_readings(ctx: _Context, sent: _Sentence) -> list[tuple[_Quantity, _Reading]]:
    """The sentence's number phrases with their syntactic reading, non-facts left out."""
    quantities = _find_quantities(ctx, sent)
    _join_ranges(ctx, quantities)
    readings: list[tuple[_Quantity, _Reading]] = []
    for idx, q in enumerate(quantities):
        if q.year_like:
            continue
        borrowed = q.kind == "bare" and _borrow_unit(ctx, sent, quantities, idx)
        if q.range_first and idx + 1 < len(quantities):
            # The first end of a range reads like the second: "between 5 and 7 percent of".
            reading = _read(ctx, sent, quantities[idx + 1])
        else:
            reading = _read(ctx, sent, q)
        if q.kind == "bare" and not reading.keep_bare:
            continue
        if borrowed == "base":
            reading.inherit = True  # "53 seats, up from 48": the seats of the figure before
        if q.fraction:
            reading.measure = "share"
        readings.append((q, reading))
    return readings


def _borrow_unit(
    ctx: _Context, sent: _Sentence, quantities: list[_Quantity], idx: int
) -> str | None:
    """Give a bare number the unit the text leaves implied; say how it was found.

    "53 seats, up from 48" (a comparison base takes the unit of its figure), "136 of the
    country's 308 municipalities" (a part takes the unit of its whole), "Of the 480 companies
    traded, 289 advanced" (the members of a set named at the start), "the yen weakened to
    154.90 per dollar" (an exchange rate is in the currency it prices).
    """
    q = quantities[idx]
    text = ctx.text
    before = text[max(sent.start, q.start - 40) : q.start]
    after = text[q.num_end : sent.end]
    donor: _Quantity | None = None
    how = None
    if _BASE_BEFORE_RE.search(before) and idx:
        donor, how = quantities[idx - 1], "base"
    elif idx + 1 < len(quantities) and _PART_OF_RE.fullmatch(
        text[q.num_end : quantities[idx + 1].num_start]
    ):
        donor, how = quantities[idx + 1], "part"
    elif idx and _SET_OPENING_RE.match(text[sent.start : quantities[0].start]):
        donor, how = quantities[0], "member"
    if donor is not None and donor.kind in {"count", "percent", "pp", "measure", "currency"}:
        if donor.kind == "currency" and how != "base":
            return None
        q.unit, q.kind, q.count_token = donor.unit, donor.kind, donor.count_token
        q.year_like = False
        return how
    currency = _priced_currency(ctx, sent, q, after)
    if currency is not None:
        q.unit, q.kind, q.year_like = currency, "currency", False
        against = _PER_DOLLAR_RE.match(after)
        if against:
            q.per = against.group("cur").lower()  # "154.90 per dollar"
        return "rate"
    return None


def _priced_currency(ctx: _Context, sent: _Sentence, q: _Quantity, after: str) -> str | None:
    """ "The rupee closed at 280.95 against the dollar": the currency whose price it is."""
    tok = _token_at(ctx.doc, q.num_start)
    if tok is None:
        return None
    verb = tok.head.head if tok.head.pos_ == "ADP" else tok.head
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if owner is None or owner.lemma_.lower() not in _CURRENCY_NAMES:
        return None
    if not _PER_DOLLAR_RE.match(after) and verb.lemma_.lower() not in _PRICE_VERBS:
        return None
    name = owner.lemma_.lower()
    if name == "rupee":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    if name in _NATIONAL_CURRENCIES:
        for country in _context_countries(ctx, sent):
            if country in _NATIONAL_CURRENCIES[name]:
                return _NATIONAL_CURRENCIES[name][country]
    return _CURRENCY_NAMES[name]


def _final_subject(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    reading: _Reading,
    prior: Metric | None,
    prior_doer: str | None = None,
) -> str:
    """The reading's subject, else one inherited from the figure before, else a fallback."""
    subject = reading.subject
    if subject is None or reading.inherit:
        donor = prior
        sentence_text = ctx.text[sent.start : sent.end]
        if donor is None and subject is None and _PRONOUN_SUBJECT_RE.search(sentence_text):
            donor = ctx.previous  # "It rose 8 percent": what the last sentence measured
        own = reading.subject
        if donor is not None and own and own.split()[-1] not in donor.subject.split():
            donor = None  # "..., with prices of tourism services up 2.4 percent"
        if reading.follower and q.unit:
            # "Labour took 53 seats ... the Progress Party came second with 23.8% and 47
            # seats": each figure follows the last one in its unit, for another doer.
            same_unit = [(m, d) for m, d in ctx.recent[-8:] if m.unit == q.unit and d]
            if same_unit:
                donor, prior_doer = same_unit[-1]
            elif donor is not None and donor.unit != q.unit:
                donor, subject = None, reading.follower  # nothing like it before: the doer
        if donor is not None:
            subject = donor.subject
            if reading.follower and prior_doer and prior_doer in subject:
                # "Saudi Arabia ... at $821 million, followed by the UAE with $679 million".
                subject = subject.replace(prior_doer, reading.follower)
                reading.doer = reading.follower
            if reading.measure == "share" and reading.share_base and "share" not in subject:
                subject = _share_subject(subject, reading.share_base)
    if subject in _GENERIC_SUBJECTS and prior is not None and prior.subject != subject:
        # "capacity reached 3.2 million bpd, with a target of 4 million bpd": its target.
        head = prior.subject.split(" per ")[0]
        subject = f"{head} {subject}"
    return subject if subject is not None else _fallback_subject(ctx, sent, q)


def _framed_subject(
    ctx: _Context, sent: _Sentence, q: _Quantity, reading: _Reading, subject: str, base: bool
) -> str:
    """What frames the figure: a forecast ("GDP is expected to grow 4.6 percent") or the
    terms it is stated in ("in nominal terms", "an annualized 1.6 percent")."""
    words = subject.split()
    before = ctx.text[max(sent.start, q.start - 40) : q.start]
    terms = _TERMS_BEFORE_RE.search(before)
    if terms:
        adjectives = [w.lower() for w in terms.group(1).split() if w.lower() not in words]
        if adjectives:
            subject = f"{' '.join(adjectives)} {subject}"  # "an annualized real 1.6 percent"
    stated = _IN_TERMS_RE.findall(ctx.text, sent.start, q.start)
    if stated and stated[-1].lower() not in words:
        subject = f"{stated[-1].lower()} {subject}"  # "In nominal terms, GDP came to ..."
    if not base and _forecast(reading.anchor) and not set(words) & _FORECAST_WORDS:
        subject = f"{subject} forecast"
    return subject


def _forecast(anchor: Token | None) -> bool:
    """Whether the figure's clause is what someone expects: "is expected to reach"."""
    tok = anchor
    for _ in range(6):
        if tok is None or tok.pos_ in {"VERB", "AUX"}:
            break
        tok = tok.head if tok.head.i != tok.i else None
    if tok is None or tok.pos_ not in {"VERB", "AUX"}:
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in _EXPECT_VERBS


def _priced_subject(subject: str, q: _Quantity) -> str:
    """ "oil price" quoted "a barrel" is the "oil price per barrel"."""
    if q.per is None or f" per {q.per}" in f" {subject}":
        return subject
    return f"{subject} per {q.per}"


def _final_direction(measure: str, direction: str | None) -> str | None:
    """A direction belongs to a change: a level reached by rising is still just a level."""
    return direction if measure == "change" else None


def _final_measure(q: _Quantity, subject: str, measure: str) -> str:
    """Percentages of shares and rates, recognised from what they measure."""
    if q.unit != "percent" or measure not in {"level", "rate"}:
        return measure
    head = subject.split(" of ")[0].split()[-1]
    if head in {"share", "stake"}:
        return "share"  # "raised its stake to 20 percent"
    if _has_rate_word(subject) or head == "growth":
        return "rate"  # "GDP growth slowed to 4.8 percent"
    return measure


def _remember(ctx: _Context, metrics: list[Metric], attributed: str | None) -> None:
    """Keep what the next sentence may refer back to."""
    if metrics:
        ctx.previous = metrics[-1]
    ctx.previous_attribution = attributed


def _is_market_quote(q: _Quantity, subject: str) -> bool:
    """Index levels, share and commodity prices, exchange rates: quoted for the day."""
    if q.unit == "point":
        return True
    words = set(subject.replace("-", " ").split())
    if words & {"consumer", "producer", "inflation", "cpi", "ppi", "wholesale"}:
        return False
    if " share of " in f" {subject} ":
        return False  # "memory chips' share of exports" is no market quote
    return bool(words & _MARKET_WORDS)


def _lead_time(ctx: _Context, sent: _Sentence) -> TimeExpression | None:
    """The first time expression of a lead sentence that can date the story."""
    excluded = _comparison_times(ctx, sent)
    for t in ctx.times:
        if not sent.start <= t.start_char < sent.end or t.start_char < ctx.dateline_end:
            continue
        if t.start_char in excluded or t.kind in {"duration", "set"} or t.value is None:
            continue
        before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
        if _REPORT_DATE_CUE_RE.search(before) or _SINCE_BEFORE_RE.search(before):
            continue
        if _AS_OF_RE.search(before[-12:]):
            continue  # "as of October 10" dates a stock
        if _RELATIVE_PAST_RE.search(t.text) or not _is_period_value(t.value):
            continue
        return t
    return None


def _carry(ctx: _Context, period: _Period) -> None:
    """Remember a period the text states, for later figures that state none.

    The story's reference period is the first one its lead paragraph states: a release
    leads with "in July" and every later figure without a period of its own is July's, even
    after a sentence about June; an election or a disaster story leads with its day. A period
    first named further down dates its own sentence only. A run of days
    ("between Saturday and Tuesday") dates one phenomenon only, and a future year is a
    target's, not the story's.
    """
    label = period[2] or ""
    start = period[0]
    if "/" in label and (_ISO_DAY_RE.match(label) or _YEAR_SPAN_RE.fullmatch(label)):
        return  # a run of days, or a window of years ("over the next five years")
    if start is not None and start > ctx.anchor:
        return
    if ctx.carried is None:
        ctx.carried = period


# ---------------------------------------------------------------------------------------------
# Lexical pass: number phrases
# ---------------------------------------------------------------------------------------------


def _find_quantities(ctx: _Context, sent: _Sentence) -> list[_Quantity]:
    text = ctx.text
    found: list[_Quantity] = []
    for m in _DIGITS_RE.finditer(text, sent.start, sent.end):
        q = _digit_quantity(ctx, sent, m.start(), m.end(), m.group())
        if q is not None:
            found.append(q)
    for m in _WORDS_RE.finditer(text, sent.start, sent.end):
        q = _word_quantity(ctx, sent, m.start(), m.end(), m.group())
        if q is not None:
            found.append(q)
    found.extend(_fraction_quantities(ctx, sent))
    found.sort(key=lambda q: (q.start, -q.end))
    kept: list[_Quantity] = []
    for q in found:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


def _fraction_quantities(ctx: _Context, sent: _Sentence) -> list[_Quantity]:
    """Shares written as fractions or ratios, and halves of small units.

    "more than half of the economy" is 50 percent, "nearly a third of the deaths" 33.3
    percent, "one in five regional trains" 20 percent; "half a cent" is 0.005 dollars.
    """
    text = ctx.text
    out: list[_Quantity] = []
    fractions = _FRACTION_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _FRACTION_RE.finditer(text, sent.start, sent.end) if fractions else ():
        prev = _PREV_NAME_WORD_RE.search(text[sent.start : m.start()])
        if prev and (prev.group(1).lower() in _PERIOD_PRECEDERS or "-" in prev.group(1)):
            continue  # "the second quarter of FY2025-26", "the January-March quarter"
        count = _SMALL_NUMBERS.get((m.group("n") or "one").lower(), 1)
        value = round(count * _FRACTIONS[m.group("f").lower().rstrip("s")], 1)
        out.append(_Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "percent"))
    ratios = _RATIO_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _RATIO_RE.finditer(text, sent.start, sent.end) if ratios else ():
        part, whole = _ratio_number(m.group("a")), _ratio_number(m.group("b"))
        if part and whole and part < whole:
            value = round(100 * part / whole, 1)
            out.append(
                _Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "percent")
            )
    halves = _HALF_UNIT_CUE_RE.search(text, sent.start, sent.end) is not None
    for m in _HALF_UNIT_RE.finditer(text, sent.start, sent.end) if halves else ():
        unit, kind, value = {
            "cent": ("USD", "currency", 0.005),
            "penny": ("GBP", "currency", 0.005),
            "percentage point": ("percentage_point", "pp", 0.5),
            "percent": ("percent", "percent", 0.5),
        }[_SPACES_RE.sub(" ", m.group("u").lower())]
        out.append(_Quantity(m.start(), m.end(), m.start(), m.end(), value, unit, kind))
    kept = []
    for q in out:
        if _overlaps(q.start, q.end, ctx.blocked):
            continue  # "the first half of the year" is a period
        q.fraction = (
            q.kind == "percent" and q.value < 100 and not _HALF_UNIT_RE.match(text, q.start)
        )
        _qualify(ctx, sent, q)
        kept.append(q)
    return kept


def _ratio_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word.lower()) or _TENS.get(word.lower())


def _digit_quantity(
    ctx: _Context, sent: _Sentence, start: int, end: int, digits: str
) -> _Quantity | None:
    text = ctx.text
    before = text[max(sent.start, start - 60) : start]
    after = text[end : min(sent.end, end + 80)]
    if _overlaps(start, end, ctx.blocked):
        return None
    prev_char = text[start - 1] if start > 0 else ""
    if prev_char.isalpha() and not _CUR_PREFIX_RE.search(before):
        return None  # letters glued to the number are a name ("G20"), unless a currency ("Rs5")
    if prev_char in "-–" and start >= 2 and text[start - 2].isalpha():
        return None  # "F-16", "Covid-19"
    if prev_char in ":/." and start >= 2 and text[start - 2].isdigit():
        return None  # clock times, dates, version numbers
    if after[:1] in {":", "/"} and after[1:2].isdigit():
        return None
    if after[:1] == "." and after[1:2].isdigit():
        return None
    if _ORDINAL_AFTER_RE.match(after) or _CLOCK_AFTER_RE.match(after):
        return None
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return None
    if _LIST_PREFIX_RE.search(text[max(0, start - 8) : start]) and _LIST_SUFFIX_RE.match(after):
        return None
    value = float(digits.replace(",", ""))
    year_like = (
        "," not in digits and "." not in digits and len(digits) == 4 and 1800 <= value <= 2100
    )
    return _complete_quantity(ctx, sent, start, end, value, year_like=year_like, words=False)


def _word_quantity(
    ctx: _Context, sent: _Sentence, start: int, end: int, phrase: str
) -> _Quantity | None:
    words = [w for w in _WORD_SPLIT_RE.split(phrase.lower()) if w]
    parsed = _words_value(words)
    if parsed is None:
        return None
    value, used = parsed
    # The parser may stop before the end of the match ("two one" is no number).
    word_ends = [start + wm.end() for wm in _LETTERS_RE.finditer(ctx.text[start:end])]
    end = word_ends[used - 1]
    if _overlaps(start, end, ctx.blocked):
        return None
    q = _complete_quantity(ctx, sent, start, end, value, year_like=False, words=True)
    if q is None:
        return None
    if value == 1 and q.kind in {"bare", "count"}:
        return None
    return q


def _words_value(words: Sequence[str]) -> tuple[float, int] | None:
    """Value of a number-word phrase and how many words it uses; None if it is no number."""
    if not words:
        return None
    if words[0] == "half" and len(words) >= 3 and words[2] in _BIG_SCALES:
        return 0.5 * _BIG_SCALES[words[2]], 3
    total = 0.0
    current = 0.0
    used = 0
    last = ""
    i = 0
    numeric_seen = False
    while i < len(words):
        w = words[i]
        if w in {"a", "an"}:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt in _BIG_SCALES or (nxt in {"hundred", "dozen"} and last in {"", "and"}):
                current += 1
                last = "basic"
                i += 1
                used = i
                continue
            if nxt == "half" and last == "and":
                current += 0.5
                i += 2
                used = i
                last = "half"
                continue
            break
        if w == "and":
            i += 1
            last = "and"
            continue
        if w in _SMALL_NUMBERS or w in _TENS:
            val = _SMALL_NUMBERS.get(w, _TENS.get(w, 0))
            if last == "basic" and not (current % 100 >= 20 and current % 10 == 0 and val < 10):
                break
            current += val
            last = "basic"
            numeric_seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            last = "scale"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "scale"
            numeric_seen = True
        elif w in _BIG_SCALES:
            scale = _BIG_SCALES[w]
            if last == "scale" and current == 0:
                total *= scale  # "five lakh crore"
            else:
                total += (current or 1) * scale
            current = 0
            last = "scale"
            numeric_seen = True
        else:
            break
        i += 1
        used = i
    if not numeric_seen or used == 0:
        return None
    return total + current, used


def _complete_quantity(
    ctx: _Context,
    sent: _Sentence,
    num_start: int,
    core_end: int,
    value: float,
    *,
    year_like: bool,
    words: bool,
) -> _Quantity | None:
    """Grow a number core into a quantity: scale, currency, unit, counted noun, qualifier."""
    text = ctx.text
    limit = sent.end
    multiplier, num_end, glued_short = _scale(text, core_end, limit, words)
    value *= multiplier
    has_scale = multiplier > 1 or (words and value >= 1000)
    rest = text[num_end:limit]
    cents = None if has_scale else _CENTS_RE.match(rest)
    if cents:
        value /= 100  # "4 cents per kWh": a price in hundredths of the currency
        num_end += cents.end()
        rest = text[num_end:limit]
    elif not words and rest[:1].isalpha() and not has_scale and not _glued_unit_ok(rest):
        return None  # "5G", "3D", "21st"
    q = _Quantity(num_start, num_end, num_start, num_end, value, None, "bare")
    q.has_scale, q.year_like = has_scale, year_like
    _attach_currency(ctx, sent, q, cents)
    hyphen = _HYPHEN_WORD_RE.match(rest)
    if q.kind == "bare":
        unit_match = _match_unit(rest, glued_short)
        if unit_match is not None:
            if unit_match[0] == "point" and hyphen:
                return None  # "a 10-point plan"
            q.unit, multiplier, length = unit_match
            q.value *= multiplier
            q.end = num_end + length
            q.kind = {"percent": "percent", "percentage_point": "pp"}.get(q.unit, "measure")
        elif hyphen and (words or (not glued_short and hyphen.group(1).lower() not in _SCALES)):
            return None  # "3-day", "10-member", "45-year-old", "two-week"
    if q.kind == "bare":
        q.count_token = _counted_noun(ctx, num_start, num_end)
        if q.count_token is not None:
            if q.count_token.lemma_.lower() in _TIME_UNIT_NOUNS:
                return None  # durations: "two weeks", "10 years"
            q.unit = _count_unit(ctx, q.count_token)
            q.kind = "count"
            q.end = q.count_token.idx + len(q.count_token.text)
            compound = _COMPOUND_COUNT_RE.match(text, q.count_token.idx)
            if compound:
                q.end = compound.end()  # "four memoranda of understanding"
        elif glued_short and not words:
            return None  # "a 100m race"
    if q.kind not in {"bare", "count"}:
        q.year_like = False
    elif q.year_like and q.kind == "count":
        # "in 2020 people ...": still a year; "2000 people were evacuated": a count.
        prev_word = _PREV_WORD_RE.search(text[sent.start : q.start])
        if prev_word and prev_word.group(1).lower() in _YEAR_PREPOSITIONS:
            return None
        q.year_like = False
    if q.kind in {"bare", "count"} and _looks_like_a_name_or_reference(ctx, sent, q):
        return None
    if _PER_BEFORE_RE.search(text[max(sent.start, q.start - 12) : q.start]):
        return None  # "Rs 3,500 per 40 kilograms", "5 deaths per 100,000 people": a denominator
    ratio = q.kind in {"bare", "count"} and (
        _RATIO_AFTER_RE.match(text[q.num_end : q.num_end + 12])
        or _RATIO_BEFORE_RE.search(text[max(sent.start, q.start - 12) : q.start])
    )
    if ratio:
        return None  # "3 in 10 households": a proportion, not two counts
    _qualify(ctx, sent, q)
    return q


def _scale(text: str, pos: int, limit: int, words: bool) -> tuple[float, int, bool]:
    """Scale words after a number: (multiplier, end offset, whether a bare "m"/"b"/"k" was seen)."""
    multiplier = 1.0
    glued_short = False
    first = True
    while True:
        rest = text[pos:limit]
        m = _SCALE_GLUED_RE.match(rest) if first and not words else None
        m = m or _SCALE_SPACED_RE.match(rest)
        if m is None:
            break
        word = m.group(1).lower()
        if words and word in _BIG_SCALES:
            break  # number words already took their own scales
        glued_short = glued_short or word in {"m", "b", "k"}
        multiplier *= _SCALES[word]
        pos += m.end()
        first = False
    return multiplier, pos, glued_short


def _attach_currency(
    ctx: _Context, sent: _Sentence, q: _Quantity, cents: re.Match[str] | None
) -> None:
    """Currency written before the number ("US$", "Rs", "AED") or after it ("yuan")."""
    text = ctx.text
    before = text[max(sent.start, q.num_start - 12) : q.num_start]
    prefix = _CUR_PREFIX_RE.search(before)
    if prefix:
        q.start = q.num_start - (len(before) - prefix.start())
        q.unit, q.kind = _currency_from_prefix(ctx, sent, prefix), "currency"
    elif cents:
        euro = (cents.group("adj") or "").lower() == "euro"
        q.unit = "EUR" if euro else _CENT_CURRENCIES.get(cents.group("n").lower(), "USD")
        q.kind = "currency"
    else:
        suffix = _CUR_SUFFIX_RE.match(text[q.num_end : sent.end])
        if suffix and _currency_word_ok(ctx, q.num_end, suffix):
            q.unit = _currency_from_name(ctx, sent, suffix, q.num_end)
            q.kind = "measure" if q.unit == "lb" else "currency"
            q.end = q.num_end + suffix.end()
    if q.kind == "currency":
        # "$65 a barrel", "Rs 11 per share": a price. The unit stays the currency (ISO 4217);
        # what the price is quoted per goes into the subject.
        per = _CUR_PER_RE.match(text[q.end : sent.end])
        if per:
            if per.group("pb"):
                q.per = "barrel"
            elif not per.group("apiece"):
                word = _SPACES_RE.sub(" ", (per.group("per") or per.group("any")).lower())
                q.per = _PER_WORDS.get(word, word)
            q.end += per.end()
            more = _CUR_PER_MORE_RE.match(text[q.end : sent.end])
            if more and q.per:
                q.per = f"{q.per} per {more.group('any').lower()}"
                q.end += more.end()


def _looks_like_a_name_or_reference(ctx: _Context, sent: _Sentence, q: _Quantity) -> bool:
    """Numbers in names ("Boeing 737", "WNEVC 2025") and references ("the two countries")."""
    if _is_name_number(ctx, sent, q.start):
        return True
    if _overlaps(q.num_start, q.num_end, ctx.name_spans):
        return True
    if _inside_name_entity(ctx, q.num_start, q.num_end):
        return True
    if not _determiner_before(ctx.text, sent.start, q.start):
        return False
    # "the two sides", "its 27 members" refer to a known set; "the 480 companies traded" and
    # "the 85 needed for a majority" still state how many.
    digits = ctx.text[q.num_start : q.num_end]
    return not (digits[:1].isdigit() and q.value >= 50)


def _glued_unit_ok(rest: str) -> bool:
    """Whether letters glued to a number start a unit ("5km", "10MW", "3.5%") and not a name."""
    m = _LETTERS_RE.match(rest)
    if m is None:
        return True
    word = m.group()
    if word.lower() in {"st", "nd", "rd", "th"}:
        return False
    for pattern, _, _ in _UNIT_RES:
        um = pattern.match(rest)
        if um and um.end() >= len(word):
            return True
    return word in _GLUED_UNITS


def _match_unit(rest: str, glued_m: bool) -> tuple[str, float, int] | None:
    for pattern, unit, mult in _UNIT_RES:
        m = pattern.match(rest)
        if m:
            return unit, mult, m.end()
    if not glued_m:
        gm = _GLUED_SYMBOL_RE.match(rest)
        if gm:
            return _GLUED_UNITS[gm.group(1)], 1.0, gm.end()
    return None


def _currency_word_ok(ctx: _Context, num_end: int, sx: re.Match[str]) -> bool:
    """Reject "won" as a verb and "pounds" of weight."""
    name = sx.group("name").lower()
    if name == "won":
        # "58 billion won" is money; "the party 3 won" is not. The tagger often calls it a verb.
        scaled = bool(_SCALE_SPACED_RE.search(ctx.text[max(0, num_end - 12) : num_end]))
        tok = _token_at(ctx.doc, num_end + sx.start("name"))
        return scaled or tok is None or tok.tag_ not in {"VBD", "VBN"}
    return True


def _currency_from_prefix(ctx: _Context, sent: _Sentence, m: re.Match[str]) -> str:
    if m.group("dsym"):
        return _DOLLAR_PREFIXES.get(m.group("dpre"), "USD")
    sym = m.group("sym")
    if sym:
        if sym == "¥":
            return "JPY" if _japan_context(ctx, sent) else "CNY"
        return _CURRENCY_SYMBOLS[sym]
    code = m.group("code")
    if code == "Rs":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    return _CURRENCY_CODES[code]


def _currency_from_name(ctx: _Context, sent: _Sentence, m: re.Match[str], offset: int) -> str:
    name = m.group("name").lower()
    adj = _SPACES_RE.sub(" ", (m.group("adj") or "").lower())
    weight = _OF_AFTER_RE.match(ctx.text[offset + m.end() : offset + m.end() + 6])
    if name.startswith("pound") and "sterling" not in name and not adj and weight:
        return "lb"  # "5 pounds of meat" is a weight
    base = _STERLING_RE.sub("", name)
    base = base[:-1] if base.endswith("s") and base[:-1] in _CURRENCY_NAMES else base
    if base.endswith("s") and base not in _CURRENCY_NAMES:
        base = base[:-1]
    if adj and f"{adj} {base}" in _CURRENCY_ADJECTIVES:
        return _CURRENCY_ADJECTIVES[f"{adj} {base}"]
    if base == "rupee":
        return _rupee_in_sentence(ctx, sent) or ctx.rupee_code
    if base in _NATIONAL_CURRENCIES:
        # "pesos" in a Manila story are Philippine pesos.
        by_country = _NATIONAL_CURRENCIES[base]
        for country in _context_countries(ctx, sent):
            if country in by_country:
                return by_country[country]
    return _CURRENCY_NAMES.get(base, base.upper())


def _qualify(ctx: _Context, sent: _Sentence, q: _Quantity) -> None:
    text = ctx.text
    before = text[max(sent.start, q.start - 40) : q.start]
    q.body_start = q.start
    m = _QUAL_BEFORE_RE.search(before)
    if m and m.group("q").lower().startswith("up"):
        # "edged up to 4.4%": a verb's particle and "to", not the bound "up to".
        prev = _token_at(ctx.doc, q.start - len(before) + m.start("q") - 2)
        if prev is not None and prev.lemma_.lower() in _UP_PARTICLE_VERBS:
            m = None
    if m:
        phrase = _SPACES_RE.sub(" ", m.group("q").lower())
        q.qualifier = _QUALIFIER_PHRASES[phrase]
        q.start -= len(before) - m.start("q")
        before = text[max(sent.start, q.start - 40) : q.start]
    elif _ESTIMATED_RE.search(before):
        q.qualifier = "approximately"  # "losses estimated at 420 million yuan"
    elif _BOUND_VERB_RE.search(before):
        q.qualifier = "more_than"  # "rainfall exceeded 1,600 millimeters"
    after = text[q.end : min(sent.end, q.end + 30)]
    am = _QUAL_AFTER_RE.match(after)
    trailing = am is not None
    if am is None and q.end > q.num_end:
        # "10,000 or more people": the qualifier sits between the number and the noun.
        am = _QUAL_AFTER_RE.match(text[q.num_end : min(sent.end, q.num_end + 30)])
    if am:
        if am.group("least"):
            q.qualifier = "at_least"
        elif am.group("most"):
            q.qualifier = "at_most"
        else:
            q.qualifier = "more_than"
        if trailing:
            q.end += am.end()
    dm = _DIR_BEFORE_RE.search(before)
    if dm and not _UP_TO_END_RE.search(before) and not _PHRASAL_UP_RE.search(before[: dm.start()]):
        q.direction = dm.group("d").lower()
        q.change = True
    da = _DIR_AFTER_RE.match(text[q.end : min(sent.end, q.end + 12)])
    if da:
        q.direction = "up" if da.group("d").lower() == "higher" else "down"
        q.change = True


def _counted_noun(ctx: _Context, num_start: int, num_end: int) -> Token | None:
    """The noun a bare number counts ("1,200 people"), found through the parse."""
    span = ctx.doc.char_span(num_start, num_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    for tok in span:
        head = tok.head
        if head.i > last.i and head.pos_ in {"NOUN", "PROPN"} and head.i - last.i <= 4:
            between = ctx.doc[last.i + 1 : head.i]
            if all(
                (
                    b.dep_ in {"amod", "compound", "nmod", "punct", "nummod"}
                    and (b.pos_ != "VERB" or b.tag_ in {"VBG", "VBN"})  # "4,000 pending cases"
                )
                or b.lower_ in {"or", "and", "more", "less", "fewer", "above", "+"}
                for b in between
            ):
                if head.pos_ == "PROPN" and head.tag_ != "NNPS":
                    return None
                if head.lemma_.lower() in {"percent", "time", "fold"}:
                    return None
                plural = (
                    head.tag_ in {"NNS", "NNPS"}
                    or _COMPOUND_COUNT_RE.match(ctx.text, head.idx)
                    or head.lower_ in _UNCHANGING_PLURALS  # "over 150 aircraft"
                )
                if plural or head.lemma_.lower() in {"people", "staff"}:
                    return head
                if head.lemma_.lower() in _GENERIC_COUNT_NOUNS | {"person", "personnel"}:
                    return head
    nxt = ctx.doc[last.i + 1] if last.i + 1 < len(ctx.doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.idx >= num_end and nxt.dep_ != "npadvmod":
        return nxt
    return None


def _is_name_number(ctx: _Context, sent: _Sentence, start: int) -> bool:
    """Numbers that belong to a name: "Boeing 737", "Vision 2030", "Section 144", "top 10"."""
    before = ctx.text[sent.start : start]
    m = _PREV_NAME_WORD_RE.search(before)
    if m is None:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in _NAME_PRECEDERS or word.lower() in _NAME_PRECEDERS:
        return True
    sentence_initial = not before[: m.start()].strip()
    if word[0].isupper() and not sentence_initial:
        return word.lower() not in _QUALIFIER_PHRASES and not _MONTH_BEFORE_RE.search(word)
    return False


def _inside_name_entity(ctx: _Context, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.ent_type_ in {"ORG", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "PERSON"}:
            ent_tokens = [t for t in ctx.doc[max(0, tok.i - 4) : tok.i + 5] if t.ent_iob_ != "O"]
            if any(t.text[:1].isupper() and not t.like_num for t in ent_tokens):
                return True
    return False


def _determiner_before(text: str, sent_start: int, start: int) -> bool:
    """ "the two countries", "its 27 members": a reference, not a count."""
    return _DETERMINER_BEFORE_RE.search(text[max(sent_start, start - 12) : start]) is not None


def _join_ranges(ctx: _Context, quantities: list[_Quantity]) -> None:
    """ "5-7 percent", "between Rs 40,000 and Rs 1.2 lakh": the two ends of one range."""
    for a, b in pairwise(quantities):
        if b.kind == "bare":
            continue
        between = bool(_BETWEEN_RE.search(ctx.text[max(0, a.start - 30) : a.start]))
        if a.kind == "bare":
            # The first number takes the unit and scale of the second.
            gap = ctx.text[a.num_end : b.start]
            if not _RANGE_JOIN_RE.match(gap) or (gap.strip().lower() == "and" and not between):
                continue
            if not a.has_scale and b.has_scale:
                a.value *= b.value / _unscaled(ctx.text, b)
                a.has_scale = True
            elif b.unit == "percentage_point" and ctx.text[b.num_end :].lstrip()[:5] == "basis":
                a.value *= 0.01
            a.unit, a.kind, a.year_like = b.unit, b.kind, False
            a.end = a.num_end
            if b.kind == "count":
                a.count_token = b.count_token
        elif not (between and a.kind == b.kind and ctx.text[a.end : b.start].strip() == "and"):
            continue
        if a.qualifier == "exact":
            a.qualifier = "at_least"
        if b.qualifier == "exact":
            b.qualifier = "at_most"
        a.range_first = True


def _unscaled(text: str, q: _Quantity) -> float:
    m = _DIGITS_RE.match(text, q.num_start)
    if m is None:
        return q.value
    core = float(m.group().replace(",", ""))
    return core or 1.0


# ---------------------------------------------------------------------------------------------
# Syntactic pass
# ---------------------------------------------------------------------------------------------


def _read(ctx: _Context, sent: _Sentence, q: _Quantity) -> _Reading:
    reading = _Reading()
    doc = ctx.doc
    # The anchor is sought without the qualifier, which the parser may make the head.
    span = doc.char_span(max(q.body_start, q.start), q.end, alignment_mode="expand")
    if span is None or not len(span):
        return reading
    anchor = _span_anchor(span, q.num_start)
    whole = doc.char_span(q.start, q.end, alignment_mode="expand")
    inside = {t.i for t in whole or span}
    member = (
        q.count_token is not None
        and q.count_token.idx < q.start
        and anchor.dep_ in {"nsubj", "nsubjpass"}
        and anchor.head.pos_ in {"VERB", "AUX"}
    )
    if member and q.count_token is not None:
        # "Of the 480 companies traded, 289 closed higher": the members do their own verb.
        reading.count_phrase = q.count_token.lower_
    elif q.count_token is not None:
        anchor = q.count_token
        inside.add(anchor.i)
        number = doc.char_span(q.start, q.num_end, alignment_mode="expand")
        # The counted noun keeps its modifiers: "9.88 million international overnight visitors".
        reading.count_phrase = _noun_phrase(ctx, anchor, {t.i for t in number or ()})
        if anchor.lower_ == "others":
            reading.count_phrase = "people"  # "killed 9 people and injured 14 others"
    reading.anchor = anchor
    of_np = None if " of " in (q.unit or "") else _of_phrase(ctx, anchor, inside, q)
    if q.unit == "percentage_point":
        reading.measure = "change"
    if q.change:
        reading.measure = "change"
        reading.direction = q.direction
        reading.inherit = True
    change_tok = _lexical_change_noun(ctx, sent, q)
    if change_tok is not None:
        reading.measure = "change"
        reading.direction = _noun_direction(change_tok)
        subj = _change_noun_subject(ctx, change_tok, inside)
        if subj is None:
            reading.inherit = True
        else:
            reading.subject = subj
        if q.unit == "percent" and _OF_AFTER_RE.match(ctx.text[q.end : q.end + 5]):
            reading.share_base = of_np
        return reading
    # "90 percent of shops and below 5 percent of farms stayed shut": a conjunct plays the
    # role of the first conjunct.
    role = anchor
    while role.dep_ == "conj" and role.head.pos_ in {"NOUN", "NUM"} and role.head.i != role.i:
        counted = q.count_token is not None and role.head.tag_ == "NNS"
        if not (_is_figure(role.head) or counted):
            break
        role = role.head
    while (
        role.dep_ in {"nummod", "compound", "nmod", "quantmod"}
        and role.head.i not in inside
        and role.head.lemma_.lower() in {"percent", "%", "point"}
    ):
        # "rose by QR 2.1 billion or 12.2 percent": the parser makes one phrase of the two
        # restatements; the first attaches where the second does.
        role = role.head
    reading.anchor = role
    gov, prep, rel = _governor(role, inside | {role.i})
    reading.of_np = of_np
    if gov is None:
        return reading
    if prep == "of" and _is_figure(gov) and role.head.i > 0:
        # "expenditure of SAR 1.29 trillion and revenues of SAR 1.12 trillion": the parser
        # hangs the second "of" on the first figure; the noun before "of" is what is measured.
        noun = doc[role.head.i - 1]
        if noun.pos_ in {"NOUN", "PROPN"} and not _is_figure(noun):
            reading.subject = _noun_phrase(ctx, noun, inside, reading.geo, preps=())
            return reading
    if rel in {"appos", "conj"} and gov.pos_ in {"NOUN", "PROPN"} and not _is_figure(gov):
        # "the tariff, 1.29 US cents per kilowatt-hour": the figure restates the noun.
        reading.subject = _noun_phrase(ctx, gov, inside, reading.geo)
        return reading
    if rel == "appos" or (rel == "conj" and gov.pos_ in {"NOUN", "NUM", "PROPN"}):
        reading.inherit = True
        return reading
    named = _named_entity_text(ctx, gov) if prep in {"with", "at"} else None
    if named is not None:
        # "followed by Germany with 600 million euros and Japan with $450 million": the same
        # measure as the figure before, for another doer.
        reading.inherit, reading.follower = True, named
        return reading
    if gov.pos_ == "ADJ" and gov.lemma_.lower() in _RECORD_NOUNS and prep == "of":
        # "The index touched an intraday high of 162,870.10 points": the index's high.
        record = _record_subject(ctx, gov, inside)
        if record:
            reading.subject = record
            return reading
    if prep in {"with", "at"} and gov.pos_ in {"NOUN", "PROPN"}:
        clause = gov
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ in {"VERB", "AUX"} and _place_described(ctx, clause, inside, reading):
            return reading  # "China was the main destination of exports with QR 4.5 billion"
    if gov.pos_ in {"VERB", "AUX"} or (gov.lemma_ == "worth" and gov.pos_ != "ADJ"):
        _read_verb(ctx, q, role, gov, prep, rel, inside, of_np, reading)
    elif gov.pos_ in {"NOUN", "PROPN"}:
        _read_noun(ctx, q, role, gov, prep, inside, of_np, reading)
    elif gov.lemma_ == "worth" and gov.head.pos_ in {"NOUN", "PROPN"}:
        reading.subject = _worth_subject(ctx, gov.head, inside)
    elif gov.lemma_.lower() in _DIMENSIONS and gov.dep_ == "acomp":
        # "the line is 120 km long": the length of the copula's subject.
        owner = _verb_subject(gov.head)
        phrase = _noun_phrase(ctx, owner, inside, reading.geo) if owner is not None else None
        dimension = _DIMENSIONS[gov.lemma_.lower()]
        reading.subject = f"{phrase} {dimension}" if phrase else dimension
    elif gov.lower_ in {"up", "down"}:
        # "up 5 percent" is a change; "up from 38 percent" names the earlier level and "up
        # 1.4% at $65.42" the new one.
        reading.measure = "level" if prep in {"from", "at", "to"} else "change"
        reading.direction = None if prep in {"from", "at", "to"} else gov.lower_
        reading.inherit = True
        verb = gov.head
        owner = None
        if prep != "from" and verb.pos_ in {"VERB", "AUX"} and verb.i != gov.i:
            owner = _verb_subject(verb)  # "the Nikkei closed down 1.4 percent"
            if verb.lemma_.lower() in _LIGHT_VERBS or (
                owner is not None and owner.lemma_.lower() in _AGENT_NOUNS
            ):
                owner = None  # "the company posted a profit of $1.2bn, down 12%": the profit
        elif prep != "from" and verb.pos_ in {"NOUN", "PROPN"} and verb.i != gov.i:
            owner = verb  # "with prices of tourism services up 2.4 percent"
        figure = owner is not None and (
            _is_figure(owner) or any(c.like_num for c in owner.children)
        )
        if owner is not None and not figure and _place_of(ctx, owner) is None:
            phrase = _noun_phrase(ctx, owner, inside, reading.geo)
            if phrase:
                # Its own subject, unless the figure before measures the same, more fully.
                reading.subject, reading.inherit = phrase, verb.pos_ in {"NOUN", "PROPN"}
    if q.unit == "percent" and reading.measure == "level" and of_np:
        reading.measure = "share"
        reading.share_base = of_np
        if reading.subject is None or reading.subject == of_np:
            reading.subject = f"share of {of_np}"
    if q.kind == "currency":
        spent_on = _spent_on(ctx, q, inside)
        if spent_on:
            reading.subject, reading.inherit = spent_on, False
    if q.fraction and not of_np:
        whole_of = _ratio_noun(ctx, q)
        if whole_of:
            reading.subject, reading.measure = f"share of {whole_of}", "share"
    return reading


def _cause(ctx: _Context, noun: Token, inside: set[int]) -> str:
    """ "Floods ..., causing losses estimated at $813 million": what caused the losses."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in {"cause", "inflict"}:
        return ""
    causer = _verb_subject(verb)
    if causer is None or causer.i in inside or _place_of(ctx, causer) is not None:
        return ""
    phrase = _noun_phrase(ctx, causer, inside, preps=("of",))
    return f" caused by {phrase}" if phrase else ""


def _worth_subject(ctx: _Context, thing: Token, inside: set[int]) -> str | None:
    """ "Agreements worth $28 billion were signed": the value of the agreements signed."""
    base = _noun_phrase(ctx, thing, inside)
    if not base:
        return None
    verb = thing.head
    done = thing.dep_ == "nsubjpass" or (thing.dep_ == "dobj" and verb.i < thing.i)
    if done and verb.pos_ == "VERB" and verb.lemma_.lower() not in _LIGHT_VERBS:
        base = f"{base} {_participle(verb)}"
    return f"value of {base}"


def _record_subject(ctx: _Context, record: Token, inside: set[int]) -> str | None:
    """ "the index touched an intraday high of ...": "index intraday high"."""
    noun = record.head if record.dep_ == "amod" else record
    words = [
        t.lower_
        for t in noun.subtree
        if t.i not in inside
        and t.dep_ not in {"det", "prep", "pobj", "punct"}
        and t.i <= max(noun.i, record.i)
    ]
    verb = noun.head
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    holder = _noun_phrase(ctx, owner, inside, preps=()) if owner is not None else None
    phrase = " ".join(words)
    return f"{holder} {phrase}" if holder else phrase or None


def _spent_on(ctx: _Context, q: _Quantity, inside: set[int]) -> str | None:
    """ "€30 billion in savings", "2.3 trillion won ($1.6 billion) in trade insurance": the
    money's purpose names what it is."""
    m = _IN_PURPOSE_RE.match(ctx.text, q.end)
    if m is None:
        return None
    prep = _token_at(ctx.doc, m.end() - 2)
    if prep is None or prep.lower_ != "in":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i in inside or _is_figure(pobj):
        return None
    if any(_in_time(ctx, t.idx) for t in pobj.subtree) or pobj.lemma_.lower() in _PERIOD_NOUNS:
        return None  # "in the July-September period" is a time
    if _place_of(ctx, pobj) is not None or pobj.pos_ not in {"NOUN"}:
        return None
    purpose = _noun_phrase(ctx, pobj, inside, conj=True)
    verb = prep.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head  # "seeks 12 billion euros in savings": "in" may hang on the figure
    nominal = _NOMINALS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if purpose and nominal:
        return f"{nominal} in {purpose}"  # "will invest Rs 2,500 crore in a new plant"
    owner = _verb_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if purpose and owner is not None and not _is_agent(ctx, owner) and not _place_of(ctx, owner):
        holder = _noun_phrase(ctx, owner, inside, preps=())
        if holder and len(holder.split()) <= 3:
            purpose = f"{holder} {purpose}"  # "the draft budget seeks €30 billion in savings"
    return purpose


def _ratio_noun(ctx: _Context, q: _Quantity) -> str | None:
    """ "cancelling one in five regional trains": what the share is a share of."""
    tok = _token_at(ctx.doc, q.end - 1)
    if tok is None:
        return None
    for noun in ctx.doc[tok.i + 1 : tok.i + 4]:
        if noun.pos_ in {"NOUN", "PROPN"}:
            phrase = _noun_phrase(ctx, noun, {t.i for t in ctx.doc[: tok.i + 1]}, preps=())
            verb = noun.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            if phrase and verb.pos_ == "VERB" and verb.i < noun.i:
                phrase = f"{phrase} {_participle(verb)}"  # "regional trains cancelled"
            return phrase
    return None


def _is_figure(tok: Token) -> bool:
    """Whether a token belongs to another number phrase ("percent" of "21.3 percent")."""
    if tok.like_num or tok.ent_type_ in {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        return True
    return tok.lemma_.lower() in {"percent", "%", "point", "unit", "billion", "million"}


def _span_anchor(span: Span, num_start: int) -> Token:
    """The token through which a number phrase attaches to the rest of the sentence."""
    inside = {t.i for t in span}
    tok = next((t for t in span if t.idx <= num_start < t.idx + len(t.text)), span[0])
    for _ in range(len(span)):
        if tok.head.i not in inside or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ in {"conj", "cc", "quantmod"} or (tok.head.pos_ == "NUM" and tok.head.i != tok.i):
        # "between 5 and 7 percent": the parse hangs "7" on "5"; the unit noun attaches.
        nouns = [t for t in span if t.head.i not in inside and t.pos_ in {"NOUN", "PROPN"}]
        if nouns:
            return nouns[-1]
    return tok


def _governor(anchor: Token, inside: set[int]) -> tuple[Token | None, str | None, str]:
    """The word that governs a number phrase, with the preposition between them if any."""
    tok = anchor
    if tok.dep_ == "pobj" or (tok.head.pos_ == "ADP" and tok.head.i != tok.i):
        prep_tok = tok.head
        if prep_tok.lower_ == "between" and prep_tok.dep_ == "pobj":
            prep_tok = prep_tok.head  # "lowering prices by between Rs 40,000 and Rs 1.2 lakh"
        prep = prep_tok.lower_
        gov = prep_tok.head
        if prep_tok.i in inside and gov.i != prep_tok.i:
            # The "preposition" is the qualifier ("under 10 percent", "over 5,000 people").
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in gov.children)
            if prep_tok.i < gov.i and not has_subject and gov.pos_ in {"VERB", "AUX"}:
                return gov, None, "nsubj"
            bound = prep in {"under", "below", "above"}
            return gov, ("to" if bound else None), prep_tok.dep_
        # "according to", "compared to": the preposition hangs off another word.
        if gov.pos_ == "ADP" and gov.i != prep_tok.i:
            prep = f"{gov.lower_} {prep}"
            gov = gov.head
        return (gov if gov.i != prep_tok.i else None), prep, "pobj"
    if tok.head.i == tok.i:
        return None, None, "ROOT"
    head = tok.head
    time_heads = {"year", "month", "quarter", "yoy", "y-o-y", "mom", "qoq", "annually"}
    if head.lower_ in time_heads and head.i > tok.i and head.head.i != head.i:
        # "rose 4 percent year on year": the parse hangs the number on "year".
        return head.head, None, head.dep_
    return head, None, tok.dep_


def _read_verb(
    ctx: _Context,
    q: _Quantity,
    anchor: Token,
    verb: Token,
    prep: str | None,
    rel: str,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """The figure hangs off a verb: "rose 5 percent", "reached 10 million units"."""
    lemma = verb.lemma_.lower()
    particle = next(
        (
            c.lower_
            for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in {"up", "down"})
        ),
        "",
    )
    direction = None
    if lemma in _UP_VERBS or (
        particle == "up" and lemma in {"go", "edge", "inch", "pick", "shoot"}
    ):
        direction = "up"
    elif lemma in _DOWN_VERBS or (particle == "down" and lemma in {"go", "edge", "inch", "come"}):
        direction = "down"
    if lemma == "add" and q.kind == "measure":
        direction = None  # "added 240 GW of capacity" is new capacity; "added 3,000 jobs" a gain
    if lemma in {"follow", "trail"}:
        reading.inherit = True  # "followed by India at AED126 billion": the same measure
        reading.keep_bare = True  # "followed by India with 35,000": visitors, as before
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        reading.follower = _named_entity_text(ctx, pobj) if pobj is not None else None
        before = anchor.doc[anchor.head.i - 1] if anchor.dep_ == "pobj" else None
        if before is not None and before.i != verb.i:
            # "... and Japan with $450 million": the name just before the figure's "with".
            reading.follower = _named_entity_text(ctx, before) or reading.follower
        return
    if prep == "with" and q.unit == "percent" and of_np and lemma in _WINNING_VERBS:
        # "Labour won the election with 28.1% of the vote": Labour's share of the vote.
        owner = _verb_subject(verb)
        named = _named_entity_text(ctx, owner) if owner is not None else None
        reading.measure, reading.share_base = "share", of_np
        reading.subject = f"{named} share of {of_np}" if named else f"share of {of_np}"
        reading.doer = named
        return
    if prep in {"with", "at"} and _place_described(ctx, verb, inside, reading):
        return
    if prep in {"compared with", "compared to", "than", "against", "versus", "with"}:
        reading.inherit = True
        if prep == "with":
            # "the Progress Party came second with 23.8% and 47 seats": as before, for them.
            owner = _verb_subject(verb)
            reading.follower = _named_entity_text(ctx, owner) if owner is not None else None
        return
    if lemma in _SHARE_VERBS and (lemma != "make" or particle == "up") and q.unit == "percent":
        reading.measure = "share"
        reading.share_base = of_np
        owner_tok = _verb_subject(verb)
        owner_text = _noun_phrase(ctx, owner_tok, inside, reading.geo)
        if owner_text:
            reading.subject = _share_subject(owner_text, of_np) if of_np else owner_text
        else:
            reading.inherit = True
        return
    if rel in {"nsubj", "nsubjpass"}:
        _read_as_subject(ctx, q, verb, inside, of_np, reading)
        return
    if direction is not None:
        reading.direction = direction
        if prep in {"to", "at"}:
            reading.measure = "level"
        elif prep in {"from"}:
            reading.measure = "level"
            reading.direction = None
        elif prep in {None, "by", "of"} and reading.measure != "share":
            reading.measure = "change"
        if q.unit == "percent" and of_np and prep is None and rel == "dobj":
            # "cut 30 percent of flights": the share of the flights that were cut.
            reading.measure, reading.direction, reading.share_base = "share", None, of_np
            reading.subject = f"share of {of_np} {_participle(verb)}"
            return
        if q.unit in _DISTANCE_UNITS and not q.change:
            # "the bus plunged about 200 meters": a distance travelled, not a change.
            owner = _verb_subject(verb)
            if owner is None or owner.lemma_.lower() not in _LEVEL_NOUNS:
                reading.measure, reading.direction = "level", None
    if reading.measure == "change" and q.change and prep is None:
        reading.inherit = True
    if lemma in _PROPERTY_VERBS:
        holder = _noun_phrase(ctx, _verb_subject(verb), inside, reading.geo)
        prop = _PROPERTY_VERBS[lemma]
        reading.subject = f"{holder} {prop}" if holder else prop
        return
    obj = next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.i not in inside
            and c.i != anchor.i
            and not _is_figure(c)
            and not any(t.like_num for t in c.children)
        ),
        None,
    )
    moved = prep in {"by", "to", "from"} and direction is not None
    if obj is not None and obj.i < anchor.i and (moved or prep == "at"):
        # "cut its rate by 25 basis points", "fixed the support price at Rs 3,500".
        if prep == "at" and _place_described(ctx, verb, inside, reading):
            return  # "Maharashtra recorded the highest collection at Rs 32,025 crore"
        reading.subject = _noun_phrase(ctx, obj, inside, reading.geo)
        if reading.subject and lemma == "value":
            reading.subject += " value"  # "valuing the company at $45 billion"
        return
    counted_object = (
        q.count_token is not None
        and (rel == "dobj" or prep not in {None, "to", "by", "from", "at", "of", "with"})
        and q.count_token.lemma_.lower() not in _GENERIC_COUNT_NOUNS
    )
    if counted_object:
        pass  # "added 38,000 jobs", "cut 12,000 positions": the jobs, not the employers
    elif lemma in _LEVEL_VERBS or direction is not None or lemma in _SHARE_VERBS:
        subj = _verb_subject(verb)
        if _place_described(ctx, verb, inside, reading):
            return
        if subj is not None and not (lemma in _LEVEL_VERBS - {"be"} and _is_agent(ctx, subj)):
            reading.subject = _noun_phrase(ctx, subj, inside, reading.geo)
            if reading.subject:
                reading.subject += _cause(ctx, subj, inside)
            reading.keep_bare = bool(reading.subject)
            return
        if subj is not None and of_np is None and q.count_token is None:
            reading.subject = _noun_phrase(ctx, subj, inside, reading.geo)
            reading.keep_bare = bool(reading.subject)
            return
    if q.kind == "bare" and lemma in _CASUALTY_VERBS:
        reading.subject = f"people {_participle(verb)}"  # "displaced more than 700,000"
        reading.keep_bare = True
        return
    _read_as_object(ctx, q, verb, prep, inside, of_np, reading)


def _read_as_object(
    ctx: _Context,
    q: _Quantity,
    verb: Token,
    prep: str | None,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """Someone did something to the figure: "China exported 5 million tonnes of steel"."""
    lemma = verb.lemma_.lower()
    participial = False  # the subject ends in the verb's participle: "people killed"
    thing = of_np
    if thing is None and q.count_token is not None:
        thing = reading.count_phrase
    nominal = _NOMINALS.get(lemma) if prep in {None, "of"} else None
    if thing and nominal and thing == reading.count_phrase:
        thing = _singular_phrase(thing)  # "sold 1.2 million vehicles": vehicle sales
    if thing and prep not in {None, "of", "to", "by", "at", "from"}:
        reading.subject = thing  # "enough electricity for about 160,000 homes"
    elif thing and lemma in _HAVE_VERBS:
        # "It has 1.4 billion people": a population, not people "had".
        reading.subject = "population" if thing in _PEOPLE_WORDS else thing
    elif thing and nominal:
        reading.subject = f"{thing} {nominal}"
    elif thing and " " in thing:
        reading.subject = thing  # "international overnight visitors" says enough
    elif thing:
        state = _object_state(verb, q)
        reading.subject = f"{thing} {state or _outcome(verb)[0]}"
        participial = True
    elif nominal:
        reading.subject = nominal
    elif q.kind == "measure" and q.unit in _UNIT_SUBJECTS and prep is None:
        # "the fire has burned about 41,000 acres": the area burned.
        reading.subject = f"{_UNIT_SUBJECTS[q.unit]} {_participle(verb)}"
        participial = True
    elif q.kind == "currency":
        payer = _verb_subject(verb)
        if payer is not None and not _is_agent(ctx, payer):
            reading.subject = _noun_phrase(ctx, payer, inside, reading.geo)
        if reading.subject is None:
            # "The EU committed 1.5 billion euros to adaptation finance".
            purpose = _verb_complement(ctx, verb, inside)
            reading.subject = f"amount {_participle(verb)}" + (f" {purpose}" if purpose else "")
    doable = thing or nominal or q.kind == "currency"
    if reading.subject and doable and prep in {None, "of"}:
        # Who did it is part of what is counted: "Labour took 53 seats" are Labour's seats.
        doer = _doer(ctx, verb, inside)
        if doer and doer not in reading.subject:
            if participial or reading.subject.startswith("amount"):
                reading.subject = f"{reading.subject} by {doer}"  # "people killed by typhoon"
            else:
                reading.subject = f"{doer} {reading.subject}"  # "tesla vehicle sales"
            reading.doer = doer


def _place_described(ctx: _Context, verb: Token, inside: set[int], reading: _Reading) -> bool:
    """ "Saudi Arabia remained the largest source of remittances at $821.5 million", "China
    was the main destination of exports with QR 4.5 billion": the place's part of the thing."""
    subj = _verb_subject(verb)
    place = _named_entity_text(ctx, subj) if subj is not None else None
    if subj is None or not place or _place_of(ctx, subj) is None:
        return False
    role_noun = next(
        (c for c in verb.children if c.dep_ in {"attr", "dobj"} and c.i not in inside), None
    )
    described = _noun_phrase(ctx, role_noun, inside) if role_noun is not None else None
    if not described:
        return False
    reading.subject, reading.doer = f"{place} {described}", place
    reading.keep_bare = True  # "at 41,000": visitors, from "the largest source of visitors"
    return True


def _object_state(verb: Token, q: _Quantity) -> str | None:
    """ "left 12 others missing": the state the verb leaves its object in."""
    if verb.lemma_.lower() not in {"leave", "render", "keep"}:
        return None
    candidates = list(verb.children)
    if q.count_token is not None:
        candidates += [c for c in q.count_token.children if c.i > q.count_token.i]
    for c in candidates:
        if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "amod"} and c.pos_ in {"ADJ", "VERB"}:
            return c.lower_
    return None


def _named_entity_text(ctx: _Context, tok: Token) -> str | None:
    """The lower-case text of the named place or organisation a token belongs to."""
    if tok.pos_ != "PROPN":
        return None
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char and m.entity_type in {"GPE", "LOC", "ORG", "NORP"}:
            return _ENTITY_NAME_TRIM_RE.sub("", m.text).strip().lower() or None
    return None


def _doer(ctx: _Context, verb: Token, inside: set[int]) -> str | None:
    """The named or nominal agent of a verb, unless a place, a pronoun or a reporter."""
    subj = _verb_subject(verb)
    if subj is None or subj.pos_ == "PRON" or subj.i in inside or _is_figure(subj):
        return None
    if _place_of(ctx, subj) is not None or subj.lemma_.lower() in _REPORTER_NOUNS:
        return None
    bare = not any(c.dep_ in {"compound", "amod", "nmod"} for c in subj.children)
    if bare and subj.lemma_.lower() in _AGENT_NOUNS and _named_entity_text(ctx, subj) is None:
        return None  # "the company added 3,210 employees": no more than the story's subject
    phrase = _noun_phrase(ctx, subj, inside, preps=())
    if phrase is None or len(phrase.split()) > 4:
        return None
    return phrase


def _verb_complement(ctx: _Context, verb: Token, inside: set[int]) -> str | None:
    """A verb's "to/in/for" complement: "committed ... to adaptation finance"."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in {"to", "in", "into", "for", "on"}:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.i in inside or _is_figure(pobj) or _in_time(ctx, pobj.idx):
            continue
        phrase = _noun_phrase(ctx, pobj, inside, preps=())
        if phrase:
            return f"{child.lower_} {phrase}"
    return None


def _read_as_subject(
    ctx: _Context,
    q: _Quantity,
    verb: Token,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    """The figure is the grammatical subject: "1,200 people were evacuated"."""
    lemma = verb.lemma_.lower()
    if q.unit == "percent" and of_np:
        reading.measure = "share"
        reading.share_base = of_np
        reading.subject = f"share of {of_np}"
        return
    participle, absorbed = _outcome(verb)
    stated = next(
        (c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"}),
        None,
    )
    if lemma in _REPORT_VERBS | {"fear", "believe", "presume", "confirm", "list"} and (
        stated is not None and stated.lower_ in _CASUALTY_STATES
    ):
        participle = stated.lower_  # "two residents were reported missing"
    elif lemma in {"be", "remain", "stay"}:
        # "3 people remain missing": the state, not the copula.
        state = next((c for c in verb.children if c.dep_ in {"acomp", "attr"}), None)
        participle = state.lower_ if state is not None and state.i not in inside else ""
        lacking = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "without"), None
        )
        lacked = _noun_phrase(ctx, _pobj(lacking), inside, preps=()) if lacking else None
        if not participle and lacked:
            participle = f"without {lacked}"  # "9,500 customers were without power"
    elif lemma in _HAVE_VERBS:
        participle = ""  # "700,000 firms had records": firms, not firms "had"
    if q.count_token is not None:
        noun = reading.count_phrase
        how = next(
            (c.lower_ for c in verb.children if c.lower_ in {"higher", "lower", "up", "down"}),
            None,
        )
        if how and participle:
            participle = f"{participle} {how}"  # "289 closed higher"
        reading.subject = f"{noun} {participle}".strip() if noun else noun
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
        what = _noun_phrase(ctx, obj, inside, preps=()) if obj is not None else None
        if reading.subject and participle and what and len(what.split()) <= 3 and not absorbed:
            reading.subject += f" {what}"  # "graduates entered the job market"
        return
    if of_np:
        passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
        reading.subject = f"{of_np} {participle}" if passive else of_np
        return
    if q.kind == "bare" and (lemma in _CASUALTY_VERBS or participle in _CASUALTY_STATES):
        reading.subject = f"people {participle}"
        reading.keep_bare = True
        return
    if q.kind == "currency":
        reading.subject = _NOMINALS.get(lemma) or f"amount {participle}"
    elif q.unit in _UNIT_SUBJECTS:
        reading.subject = _UNIT_SUBJECTS[q.unit]  # "the first 600 megawatts are scheduled"


def _read_noun(
    ctx: _Context,
    q: _Quantity,
    anchor: Token,
    noun: Token,
    prep: str | None,
    inside: set[int],
    of_np: str | None,
    reading: _Reading,
) -> None:
    lemma = noun.lemma_.lower()
    if q.count_token is not None and reading.count_phrase and prep not in {None, "of", "to"}:
        # "the hand of homebuyers in more than 4,000 pending cases": the cases are counted.
        reading.subject = reading.count_phrase
        return
    if lemma in _CHANGE_NOUNS_UP | _CHANGE_NOUNS_DOWN:
        # "a 24% jump to 72,850 vehicles": the figure after "to" is the new level.
        reading.measure = "level" if prep in {"to", "from"} else "change"
        reading.direction = None if prep == "from" else _noun_direction(noun)
        subj = _change_noun_subject(ctx, noun, inside)
        if subj is None:
            reading.inherit = True
        reading.subject = subj
        return
    if lemma in _SHARE_NOUNS and q.unit == "percent":
        reading.measure = "share"
        reading.subject = _noun_phrase(ctx, noun, inside, reading.geo, preps=("of", "in"))
        return
    if lemma in _RATE_WORDS and q.unit in {"percent", None}:
        reading.measure = "rate"
        gov, _, _ = _governor(noun, inside)
        if gov is not None and gov.pos_ in {"VERB", "AUX"} and lemma in {"rate", "pace"}:
            # "Exports grew at an annual rate of 3 percent": the rate of the verb's subject.
            rated = _noun_phrase(ctx, _verb_subject(gov), inside, reading.geo)
            if rated:
                verb = gov.lemma_.lower()
                if verb in _UP_VERBS | _DOWN_VERBS:
                    reading.direction = "up" if verb in _UP_VERBS else "down"
                    reading.subject = f"{rated} growth rate"
                else:
                    reading.subject = rated
                return
    record = lemma in _RECORD_NOUNS and (prep == "of" or (prep is None and anchor.i > noun.i))
    worth = noun.head
    worth_of = lemma in _TRANSPARENT_NOUNS and prep == "of" and worth.lemma_ == "worth"
    if worth_of and worth.head.pos_ in {"NOUN", "PROPN"}:
        # "agreements worth a total of 6.2 trillion rubles": the agreements' value.
        reading.subject = _worth_subject(ctx, worth.head, inside | {noun.i})
        if reading.subject:
            return
    if (lemma in _TRANSPARENT_NOUNS and prep == "of") or record:
        # "a total of 500 people were killed", "hit a record AED1.73 trillion": the noun only
        # carries the number; its own role in the clause is what counts.
        gov, prep2, rel2 = _governor(noun, inside)
        if gov is not None and gov.pos_ in {"VERB", "AUX"}:
            _read_verb(ctx, q, noun, gov, prep2, rel2, inside | {noun.i}, of_np, reading)
            if reading.subject is None and rel2 in {"nsubj", "nsubjpass"}:
                _read_as_subject(ctx, q, gov, inside | {noun.i}, of_np, reading)
            return
    if lemma in _VALUE_NOUNS and prep == "of":
        valued = noun.head.head if noun.dep_ == "pobj" else None
        if valued is not None and valued.pos_ in {"NOUN", "PROPN"}:
            base = _noun_phrase(ctx, valued, inside | {noun.i}, reading.geo)
            if base:
                reading.subject = f"{lemma} of {base}"
                return
    if lemma in _VACUOUS_NOUNS and reading.count_phrase:
        # "on behalf of 1.4 million customers"; "home to 3 million people" is a population.
        people = lemma == "home" and reading.count_phrase in _PEOPLE_WORDS
        reading.subject = "population" if people else reading.count_phrase
        return
    reading.subject = _noun_phrase(ctx, noun, inside, reading.geo)
    if reading.subject:
        reading.subject += _cause(ctx, noun, inside)
    dimension = _UNIT_DIMENSIONS.get(q.unit or "")
    attributive = anchor.dep_ in {"compound", "nummod", "amod", "nmod"} and anchor.head.i == noun.i
    if reading.subject and dimension and attributive and dimension not in reading.subject:
        # "a 1,500 MW solar plant" states the plant's capacity, "a 420 km line" its length.
        reading.subject = f"{reading.subject} {dimension}"
    carrier = noun.head
    if reading.subject and noun.dep_ in {"dobj", "attr"} and carrier.lemma_.lower() in _LIGHT_VERBS:
        # "the current account posted a surplus of $110 million": whose surplus.
        owner = _verb_subject(carrier)
        if owner is not None and not _is_agent(ctx, owner):
            owner_text = _noun_phrase(ctx, owner, inside, reading.geo)
            if owner_text and owner_text not in reading.subject:
                reading.subject = f"{owner_text} {reading.subject}"
    reading.keep_bare = bool(reading.subject) and lemma in _TRANSPARENT_NOUNS
    if noun.dep_ in {"appos", "npadvmod"} and not reading.subject:
        reading.inherit = True


def _lexical_change_noun(ctx: _Context, sent: _Sentence, q: _Quantity) -> Token | None:
    """ "an increase of about 4 points", "a 24 percent increase": the change noun's token."""
    before = ctx.text[max(sent.start, q.start - 40) : q.start]
    m = _CHANGE_NOUN_BEFORE_RE.search(before)
    pos: int | None = None
    if m:
        pos = q.start - len(before) + m.start("n")
    else:
        after = ctx.text[q.end : min(sent.end, q.end + 40)]
        ma = _CHANGE_NOUN_AFTER_RE.match(after)
        if ma:
            pos = q.end + ma.start("n")
    if pos is None:
        return None
    tok = _token_at(ctx.doc, pos)
    if tok is None or tok.pos_ == "VERB":
        return None
    return tok


def _noun_direction(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in _CHANGE_NOUNS_UP or tok.lower_ in _CHANGE_NOUNS_UP:
        return "up"
    if lemma in _CHANGE_NOUNS_DOWN or tok.lower_ in _CHANGE_NOUNS_DOWN:
        return "down"
    return None


def _change_noun_subject(ctx: _Context, noun: Token, inside: set[int]) -> str | None:
    """What a change noun is about: "an increase in exports", "exports posted a rise"."""
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in {"compound", "nmod", "amod"}
        and c.i < noun.i
        and c.i not in inside
        and c.lower_ not in _CHANGE_NOUN_ADJECTIVES
        and c.pos_ in {"NOUN", "PROPN"}
        and not _is_figure(c)
    ]
    if modifiers:
        # "GDP growth of 4.2 percent": GDP is what grows.
        return _noun_phrase(ctx, modifiers[-1], inside)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in inside and not pobj.like_num:
                    if _in_time(ctx, pobj.idx) or pobj.lemma_.lower() in _TIME_UNIT_NOUNS:
                        continue  # "a 0.3-percent decline in September"
                    phrase = _noun_phrase(ctx, pobj, inside)
                    if phrase and pobj.lemma_.lower() not in {"percent", "point"}:
                        return phrase
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        subj = _verb_subject(noun.head)
        if subj is not None and not _is_agent(ctx, subj):
            return _noun_phrase(ctx, subj, inside)
    return None


def _verb_subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions and participle clauses."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if subjects:
            # Nearest subject before the verb: a dateline is sometimes parsed as a second one.
            before = [c for c in subjects if c.i < current.i]
            child = before[-1] if before else subjects[0]
            if child.pos_ == "PRON":
                if child.lower_ in {"which", "that", "who"} and current.dep_ == "relcl":
                    return current.head
                return None
            return child
        if current.dep_ == "conj" and current.i > 0:
            # "... and tourism recorded growth": the parser often hangs "tourism" elsewhere.
            prev = current.doc[current.i - 1]
            if prev.pos_ in {"NOUN", "PROPN"} and prev.dep_ in {"conj", "appos"}:
                return prev
        if current.dep_ in {"conj", "advcl", "xcomp"} and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.pos_ == "ADP":
            current = current.head.head  # "rose ..., after hitting an all-time high of ..."
            continue
        if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head
        break
    return None


def _is_agent(ctx: _Context, tok: Token) -> bool:
    """Whether a subject is someone acting (company, country, person) rather than a quantity."""
    if tok.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
        return True
    if tok.pos_ == "PRON":
        return True
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char and m.entity_type in {"ORG", "PERSON", "GPE"}:
            return True
    return tok.lemma_.lower() in _AGENT_NOUNS


# Subjects that report or enforce rather than do: "police arrested 24 people".
_REPORTER_NOUNS = frozenset(
    "police official officials authority authorities officer spokesman spokeswoman "
    "spokesperson source sources report data figure figures statistic statistics".split()
)
_AGENT_NOUNS = frozenset(
    "company government ministry minister bank firm group country state authority police official "
    "carmaker automaker maker producer exporter importer investor fund agency operator airline "
    "department council city nation cabinet parliament court committee board commission "
    "regulator administration bureau office assembly senate union".split()
)


def _of_phrase(ctx: _Context, anchor: Token, inside: set[int], q: _Quantity) -> str | None:
    """The "of Y" that follows a quantity: "21.3 percent of total new car sales"."""
    candidates = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"]
    for appos in (c for c in anchor.children if c.dep_ == "appos"):
        # "240 gigawatts (GW) of solar power capacity": the "of" hangs on the abbreviation.
        candidates += [c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not candidates:
        nxt = ctx.doc[anchor.i + 1] if anchor.i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.lower_ == "of" and nxt.idx >= q.end - 1:
            candidates = [nxt]
    for prep in candidates:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and not pobj.like_num:
                phrase = _noun_phrase(ctx, pobj, inside, conj=True)  # "of rice and other crops"
                # The parser may hang "and other crops" on the measure noun instead.
                extra = [
                    c
                    for c in anchor.children
                    if c.dep_ == "conj" and c.i > pobj.i and c.pos_ == "NOUN" and not _is_figure(c)
                ]
                if phrase and extra:
                    more = _noun_phrase(ctx, extra[0], inside, preps=())
                    phrase = f"{phrase} and {more}" if more else phrase
                if phrase:
                    return phrase
    return None


def _noun_phrase(
    ctx: _Context,
    head: Token | None,
    exclude: set[int],
    geo: list[str] | None = None,
    preps: frozenset[str] | tuple[str, ...] | None = None,
    conj: bool = False,
) -> str | None:
    """A normalised, lower-case noun phrase around ``head``, without determiners or places.

    The phrase keeps the head's modifiers and one level of prepositional complements
    ("revenue from operations", "exports to Africa", "rice and other crops"); a place that
    modifies the head is geography and left out ("China's exports"), one inside a complement
    is part of what is measured ("trade with China").
    """
    allowed = _SUBJECT_PREPS if preps is None else preps
    if head is None:
        return None
    if head.idx < ctx.dateline_end:
        # "New Delhi, Nov 1 (PTI) Gross GST collections rose": the parser may make the
        # dateline the subject and hang the real one on it.
        later = [
            t
            for t in head.subtree
            if t.idx >= ctx.dateline_end
            and t.head.idx < ctx.dateline_end
            and t.pos_ in {"NOUN", "PROPN"}
        ]
        if not later:
            return None
        head = later[0]
    keep: set[int] = set()
    # A place inside a complement is part of what is measured: "exports to Africa", "trade
    # with China"; "in/on/at" a place says where, which the geography holds.
    partner: set[int] = set()
    doc = ctx.doc

    def grow(tok: Token, depth: int) -> None:
        keep.add(tok.i)
        for child in tok.children:
            if child.i in exclude:
                continue
            name_part = _name_number(child) or _hyphen_modifier(child)
            if child.like_num and child.pos_ == "NUM" and not name_part:
                continue
            if child.dep_ in {"compound", "amod", "nmod", "poss", "npadvmod", "advmod", "punct"}:
                if child.i < tok.i:
                    grow(child, depth)
            elif child.dep_ in {"nummod", "compound", "appos"} and _name_number(child):
                grow(child, depth)  # "S&P 500", "FTSE 100"
            elif child.dep_ == "nummod" and _hyphen_modifier(child):
                grow(child, depth)  # "the 10-year Treasury"
            elif (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and depth == 0
                and child.i > tok.i
                and doc[child.i - 1].text not in {",", "(", "-", "—"}
                and not any(t.i in exclude or t.like_num for t in child.subtree)
                and not (
                    tok.tag_ == "NNS" and any(c.dep_ == "agent" for c in child.children)
                )  # "2,300 rescuers backed by drones": a description, not a kind
            ):
                # "people already internally displaced", "power consumed by charging services":
                # a restrictive participle says which ones are counted.
                keep.add(child.i)
                for part in child.children:
                    if part.dep_ in {"advmod", "prt"} or (part.dep_ == "neg" and part.i < child.i):
                        keep.update(t.i for t in part.subtree)
                    elif part.dep_ == "agent":
                        agent = [c for c in part.children if c.dep_ in {"pobj", "pcomp"}]
                        if agent and not any(_in_time(ctx, p.idx) for p in agent):
                            keep.add(part.i)
                            for p in agent:
                                grow(p, depth + 1)
            elif child.dep_ in {"conj", "cc"} and (depth or conj) and child.i > tok.i:
                if child.dep_ == "cc" or child.pos_ in {"NOUN", "PROPN"}:
                    grow(child, depth)  # "rice and other crops"
            elif child.dep_ == "prep" and child.lower_ in allowed and child.i > tok.i and depth < 1:
                pobjs = [c for c in child.children if c.dep_ == "pobj" and c.i not in exclude]
                # A figure in the complement's own phrase ("of 5 million people") makes it no
                # part of the subject; one in a phrase nested further down does not.
                numeric = any(
                    t.like_num and t.pos_ == "NUM" and not _hyphen_modifier(t)
                    for p in pobjs
                    for t in [p, *p.children]
                ) or any(t.i in exclude for p in pobjs for t in [p, *p.children])
                if pobjs and not numeric and not any(_in_time(ctx, p.idx) for p in pobjs):
                    located = (
                        child.lower_ in {"in", "on", "at", "for"}
                        and tok.lemma_.lower() not in _FLOW_NOUNS  # "investment in Africa"
                        and all(_place_of(ctx, p) is not None for p in pobjs)
                    )
                    if located:
                        # "retail sales in the UK": where, which is the geography's to say.
                        if geo is not None:
                            geo.extend(place for p in pobjs if (place := _place_of(ctx, p)))
                        continue
                    keep.add(child.i)
                    partner.update(t.i for p in pobjs for t in p.subtree)
                    for p in pobjs:
                        grow(p, depth + 1)

    grow(head, 0)
    first = min(keep)
    doc = ctx.doc
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_:
            break
        keep.update({first - 1, first - 2})  # "re-exports", which the parser splits apart
        first -= 2
    words: list[str] = []
    tokens = [ctx.doc[i] for i in sorted(keep)]
    for tok in tokens:
        low = tok.lower_
        glued = not tok.whitespace_ and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text == "-"
        if (tok.dep_ == "det" and not glued) or tok.tag_ in {"PRP$", "POS", "WDT", "WP$"}:
            continue
        if tok.dep_ == "punct" and low not in {"-", "&"}:
            continue
        if tok.idx < ctx.dateline_end:
            continue  # "New Delhi, Nov 1 (PTI) Gross tax collections": not the dateline
        if _is_world(ctx, tok):
            if geo is not None:
                geo.append("world")
            continue
        place = _place_of(ctx, tok)
        in_partner = tok.i in partner and tok.dep_ != "poss"  # "Qatar's exports": geography
        if place is not None and tok.i != head.i and not in_partner:
            if geo is not None:
                geo.append(place)
            continue
        if _in_time(ctx, tok.idx) and tok.i != head.i and not _hyphen_modifier(tok):
            continue
        if tok.dep_ == "poss" and tok.lemma_.lower() in _GEO_NOUNS:
            continue  # "the country's installed capacity": geography, said already
        mention = next((m for m in ctx.mentions if m.start_char <= tok.idx < m.end_char), None)
        if tok.i == head.i and tok.text.isupper() and low in ctx.acronyms and mention is None:
            low = ctx.acronyms[low]  # "core CPI" is the "core consumer price index"
        words.append(low)
    phrase = " ".join(words)
    of_form = _OF_FORM_RE.fullmatch(phrase)
    if of_form and of_form.group(1) in _SUBJECT_HEAD_NOMINALS:
        # "sales of new energy vehicles" reads as "new energy vehicle sales".
        phrase = f"{_singular_phrase(of_form.group(2))} {of_form.group(1)}"
    phrase = _HYPHEN_SPACES_RE.sub("-", phrase).strip(" -")
    phrase = _SPACES_RE.sub(" ", phrase)
    return phrase or None


def _acronym_definitions(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_ACRONYM_DEF_RE.finditer(text)`, found without trying every position.

    A definition ends at a bracketed abbreviation, and its words cannot run past a character
    that is neither a word character, a space nor a hyphen; so the pattern is searched only
    from the last such character before each bracket, after the previous definition.
    """
    cursor = 0
    stops: list[int] | None = None
    for paren in _ACRONYM_PAREN_RE.finditer(text):
        if paren.start() < cursor:
            continue
        if stops is None:
            stops = [m.start() for m in _ACRONYM_STOP_RE.finditer(text)]
        # The last stop character before the bracket itself.
        at = bisect_left(stops, paren.start()) - 1
        lo = max(cursor, stops[at] + 1 if at >= 0 else 0)
        m = _ACRONYM_DEF_RE.search(text, lo, paren.end())
        if m is not None:
            cursor = m.end()
            yield m


def _acronyms(text: str) -> dict[str, str]:
    """Abbreviations the story defines: "consumer price index (CPI)" gives cpi."""
    found: dict[str, str] = {}
    for m in _acronym_definitions(text):
        letters = m.group(2).lower()
        words = _LOWER_WORDS_RE.findall(m.group(1).lower())
        # The shortest run of words before the brackets whose initials spell the abbreviation.
        for n in range(len(letters), min(len(words), len(letters) + 3) + 1):
            run = words[-n:]
            initials = "".join(w[0] for w in run if w not in {"of", "and", "the", "for", "on"})
            if initials == letters:
                found[letters] = " ".join(run)
                break
    return found


def _hyphen_modifier(tok: Token) -> bool:
    """A token of a hyphenated modifier: "10-year" in "the 10-year Treasury yield"."""
    doc = tok.doc
    if tok.text == "-" and not tok.whitespace_:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return (nxt is not None and nxt.text == "-" and not tok.whitespace_) or (
        prev is not None and prev.text == "-" and not prev.whitespace_
    )


def _name_number(tok: Token) -> bool:
    """A number that belongs to a name: "S&P 500", "FTSE 100", "Boeing 737 MAX"."""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return before.pos_ == "PROPN" and tok.head.pos_ in {"PROPN", "NOUN"}


def _share_subject(owner: str, base: str | None) -> str:
    if not base:
        return owner if "share" in owner else f"{owner} share"
    owner_words = owner.split()
    base_words = base.split()
    if len(owner_words) > 1 and owner_words[-1] == base_words[-1]:
        owner_words = owner_words[:-1]  # "vehicle sales" share of "car sales"
    return f"{' '.join(owner_words)} share of {base}"


def _fallback_subject(ctx: _Context, sent: _Sentence, q: _Quantity) -> str:
    """When the parse gives nothing: the main clause's subject, the counted noun, the unit."""
    root = sent.span.root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            if child.lemma_.lower() in _DATA_NOUNS:
                continue  # "official data showed": who reports, not what is measured
            phrase = None if _is_agent(ctx, child) else _noun_phrase(ctx, child, set())
            if phrase:
                return phrase
    if q.count_token is not None:
        return q.count_token.lower_
    if q.unit in _UNIT_SUBJECTS:
        return _UNIT_SUBJECTS[q.unit]
    return {"percent": "percentage", "percentage_point": "percentage"}.get(q.unit or "", "amount")


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------


def _count_unit(ctx: _Context, tok: Token) -> str:
    """The unit of a count: the counted noun in the singular, people as "person"."""
    low = tok.lower_
    if low in _PERSON_NOUNS:
        return "person"  # "18,000 residents", "two other firefighters", "14 others"
    compound = _COMPOUND_COUNT_RE.match(ctx.text, tok.idx)
    if compound:
        # "seven memorandums of understanding": the noun with its fixed "of" complement.
        head = "memorandum" if compound.group(1).lower().startswith("memorand") else "letter"
        return f"{head} of {compound.group(2).lower()}"
    unit = _singular(tok)
    return _COUNT_SYNONYMS.get(unit, unit)


def _singular(tok: Token) -> str:
    low = tok.lower_
    if low in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[low]
    lemma = tok.lemma_.lower()
    return lemma if lemma and lemma != "-pron-" else _singular_word(low)


def _singular_word(word: str) -> str:
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _singular_phrase(phrase: str) -> str:
    words = phrase.split()
    return " ".join([*words[:-1], _singular_word(words[-1])]) if words else phrase


def _resolve_unit(q: _Quantity, subject: str) -> str:
    unit = q.unit or "unit"
    if q.kind == "count" and unit in _GENERIC_COUNT_NOUNS:
        # "10 million units" of vehicle sales counts vehicles.
        words = subject.replace(" share of ", " ").split()
        if " of " in f" {subject} ":
            words = subject.split(" of ", 1)[1].split()
        while words and words[-1] in _SUBJECT_HEAD_NOMINALS:
            words = words[:-1]
        if words and words[-1] not in _GENERIC_COUNT_NOUNS:
            return _singular_word(words[-1])
    return unit


def _safe_unit(unit: str) -> str:
    """A unit the warehouse accepts: "USD/kwh" for "USD/kWh", "unit" for an odd counted noun."""
    if _UNIT_OK_RE.fullmatch(unit):
        return unit
    base, _, per = unit.partition("/")
    if per and _UNIT_OK_RE.fullmatch(base):
        lowered = f"{base}/{per.lower()}"
        return lowered if _UNIT_OK_RE.fullmatch(lowered) else base
    cleaned = "".join(c for c in unit.lower() if "a" <= c <= "z" or c in " -_")
    return cleaned if cleaned and _UNIT_OK_RE.fullmatch(cleaned) else "unit"


def _bare_unit(subject: str) -> str | None:
    words = set(subject.split())
    if words & _TOLL_WORDS or subject.startswith("people "):
        return "person"
    if words & _INDEX_WORDS:
        return "point"
    if " of " in subject:
        tail = subject.split(" of ", 1)[1].split()
        if tail:
            return _singular_word(tail[-1])
    parts = subject.split()
    if parts and parts[-1].endswith("s") and parts[-1] not in _SUBJECT_HEAD_NOMINALS:
        return _singular_word(parts[-1])
    return None


def _has_rate_word(subject: str) -> bool:
    return bool(set(subject.replace("-", " ").split()) & _RATE_WORDS)


def _outcome(verb: Token) -> tuple[str, bool]:
    """The participle naming what a verb did to what it counts, and whether it took the object.

    "forced 20,000 people to flee their homes" and "20,000 people fled their homes" count
    people displaced; "killed or left missing 187 people" people killed or missing; "pulled out
    21 people" people pulled out; "112 people lost their lives" people killed.
    """
    lemma = verb.lemma_.lower()
    if lemma in _CAUSATIVE_VERBS:
        goal = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if goal is not None:
            verb, lemma = goal, goal.lemma_.lower()
    absorbed = False
    if verb.lower_ in _CASUALTY_STATES:
        word = verb.lower_  # "left missing": the state, not "missed"
    elif lemma == "lose" and any(c.lemma_.lower() == "life" for c in verb.children):
        word, absorbed = "killed", True
    elif lemma in _OUTCOME_PARTICIPLES:
        word, absorbed = _OUTCOME_PARTICIPLES[lemma], True
    else:
        word = _participle(verb)
        particle = next(
            (
                c.lower_
                for c in verb.children
                if c.dep_ == "prt" and c.nbor(1).lower_ != "to"  # "dumped up to 286 mm"
            ),
            None,
        )
        if particle:
            word = f"{word} {particle}"
    host = verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"leave", "render"}:
        host = verb.head
    shared = host.dep_ == "conj" and host.head.pos_ == "VERB" and host.head.i + 2 == host.i
    if (
        shared
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in host.children)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in host.head.children)
    ):
        cc = next((c.lower_ for c in host.head.children if c.dep_ == "cc"), "and")
        word = f"{_participle(host.head)} {cc} {word}"  # "killed or left missing"
    else:
        other = next(
            (c for c in host.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > host.i),
            None,
        )
        joint = next((c.lower_ for c in host.children if c.dep_ == "cc"), None)
        if other is not None and joint in {"or", "and"} and other.i == host.i + 2:
            word = f"{word} {joint} {other.lower_}"  # "damaged or destroyed"
    return word, absorbed


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _participle(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and lemma not in _IRREGULAR_PARTICIPLES):
        return verb.lower_
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


# ---------------------------------------------------------------------------------------------
# Period, comparison, geography, attribution
# ---------------------------------------------------------------------------------------------


def _comparison_times(ctx: _Context, sent: _Sentence) -> set[int]:
    """Start offsets of time expressions that name a comparison base, not the period."""
    out: set[int] = set()
    for t in ctx.times:
        if not sent.start <= t.start_char < sent.end:
            continue
        before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
        cue = _COMPARE_CUE_RE.search(before)
        if cue is None:
            continue
        word = cue.group().strip().lower()
        if word.startswith("from") and t.value is not None and "/" in t.value:
            continue  # "from January to March" is the period itself
        if word in {"on", "over"} and not _SAME_OR_PREVIOUS_RE.search(t.text):
            continue
        if word in {"over", "in", "during", "for"} and _ANAPHORIC_PERIOD_RE.fullmatch(t.text):
            continue  # "dropped 12 percent over the same period": the period just named
        out.add(t.start_char)
    return out


def _is_base(ctx: _Context, sent: _Sentence, q: _Quantity) -> bool:
    """Whether a figure is the earlier level a change is measured from: "up from 48"."""
    before = ctx.text[max(sent.start, q.start - 40) : q.start]
    return _BASE_BEFORE_RE.search(before) is not None


def _own_time(ctx: _Context, q: _Quantity, limit: int) -> TimeExpression | None:
    """The time expression right after a figure: "48 in 2021", "$2.99 billion received in"."""
    for t in ctx.times:
        if q.end <= t.start_char < limit:
            gap = ctx.text[q.end : t.start_char]
            return t if _OWN_TIME_GAP_RE.fullmatch(gap) else None
    return None


def _base_period(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    own: TimeExpression | None,
    prior: Metric | None,
) -> _Period | None:
    """The period of a comparison base: its own time, else the figure's period shifted back."""
    main = prior.period_label if prior is not None else None
    if own is not None:
        if main and _RELATIVE_PAST_RE.search(own.text):
            shifted = _relative_shift(own.text, main)
            if shifted is not None:
                return (*_label_range(shifted), shifted)
        if own.value is not None and _is_period_value(own.value):
            return _time_period(ctx, own)
    after = ctx.text[q.end : min(sent.end, q.end + 60)]
    shifted = None
    if main and _YOY_RE.match(after.lstrip(" ,")):
        shifted = _shift(main, years=1)
    elif main and prior is not None and prior.measure == "rate":
        # "Services inflation eased to 4.7% from 4.8%": a monthly rate moves from last month's.
        m = _TIMEX_VALUE_RE.match(main)
        if m and m.group("m") and not m.group("d"):
            shifted = _shift(main, months=1)
        elif m and m.group("q"):
            shifted = _shift(main, quarters=1)
    if shifted is not None:
        return (*_label_range(shifted), shifted)
    return None


def _relative_shift(text: str, label: str) -> str | None:
    """ "a year ago" of 2025-Q3 is 2024-Q3; "the previous month" of 2025-08 is 2025-07."""
    low = text.lower()
    if "month" in low:
        return _shift(label, months=1)
    if "quarter" in low:
        return _shift(label, quarters=1)
    return _shift(label, years=1)


def _stated_time(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    reading: _Reading,
    excluded: set[int],
    others: Sequence[_Quantity] = (),
) -> TimeExpression | None:
    """The time expression that governs the figure's clause, if the sentence has one.

    Ranked through the parse: a time attached to the figure or a word above it ("rose ... in
    July"), then one inside the clause's subject ("exports in July rose"), then the nearest
    other time in the sentence.
    """
    anchor = reading.anchor or _token_at(ctx.doc, q.num_start)
    path: list[int] = []
    clause_end = 0  # how much of the path lies in the figure's own clause
    coordinated = False  # the figure's clause is coordinated with another: "... and X fell"
    tok = anchor
    while tok is not None:
        path.append(tok.i)
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        if not clause_end and tok.pos_ in {"VERB", "AUX"} and has_subject:
            clause_end = len(path)  # "..., while petrol prices fell 1.8 pence": its own clause
            # A coordinated change shares the time: "sales rose 5% in July and exports jumped
            # 3%"; another kind of clause does not: "... and 600 companies had licensed".
            moved = tok.lemma_.lower() in _UP_VERBS | _DOWN_VERBS
            coordinated = tok.dep_ == "conj" and not moved
        if tok.head.i == tok.i:
            break
        tok = tok.head
    clause_end = clause_end or len(path)
    subjects = [
        c
        for i in path[:clause_end]
        for c in ctx.doc[i].children
        if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in path
    ]
    best: tuple[tuple[int, int, int], TimeExpression] | None = None
    # The sentence's times, in the order of `ctx.times` (sorted by start).
    first = bisect_left(ctx.time_starts, sent.start)
    last = bisect_left(ctx.time_starts, sent.end, first)
    for t in ctx.times[first:last]:
        if t.start_char < ctx.dateline_end:
            continue
        if t.start_char in excluded or not _usable_period(ctx, sent, q, t):
            continue
        if _deadline_of_another(ctx, q, t, others):
            continue  # "reached 3.2 million bpd, with a target of 4 million bpd by 2035"
        distance = q.start - t.end_char if t.end_char <= q.start else t.start_char - q.end
        key_t = id(t)
        if key_t in ctx.attachments:
            attach = ctx.attachments[key_t]
        else:
            attach = ctx.attachments[key_t] = _time_attachment(ctx, t)
        if attach is not None and attach.i in path[:clause_end]:
            key = (0, path.index(attach.i), abs(distance))
        elif attach is not None and attach.i in path:
            if coordinated:
                continue  # "FDI reached $96 billion in 2024 and 600 companies had licensed"
            key = (1, path.index(attach.i), abs(distance))  # a time of the enclosing clause
        elif attach is not None and any(_within_clause(attach, s) for s in subjects):
            key = (1, 0, abs(distance))
        elif attach is not None and _in_other_clause(attach, path):
            continue  # "despite a ceasefire agreed in July": another clause's time
        else:
            key = (2, 0, abs(distance))
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def _deadline_of_another(
    ctx: _Context, q: _Quantity, t: TimeExpression, others: Sequence[_Quantity]
) -> bool:
    """Whether a future "by 2035" follows another figure between it and ``q``."""
    start = t.range_start or (_label_range(t.value)[0] if t.value else None)
    if start is None or start <= ctx.anchor or t.start_char < q.end:
        return False
    before = ctx.text[max(0, t.start_char - 20) : t.start_char]
    if not _DEADLINE_BEFORE_RE.search(before):
        return False
    return any(q.end <= o.start and o.end <= t.start_char for o in others if o is not q)


def _usable_period(ctx: _Context, sent: _Sentence, q: _Quantity, t: TimeExpression) -> bool:
    """Whether a time expression can date a figure: a calendar period, not a report date."""
    if _RELATIVE_PAST_RE.search(t.text) and not (
        t.start_char >= q.end and _ATTACHED_RE.match(ctx.text[q.end : t.start_char])
    ):
        return False  # "a year ago" dates only the figure it follows, a comparison base
    before = ctx.text[max(sent.start, t.start_char - 30) : t.start_char]
    if _REPORT_DATE_CUE_RE.search(before) or _SINCE_BEFORE_RE.search(before):
        return False  # "the ministry said on Monday"; "since December" starts a stock
    if _DELIVERY_AFTER_RE.match(ctx.text[t.end_char : t.end_char + 20]):
        return False  # "futures for October delivery"
    if _duration_period(ctx, t) is not None:
        return True
    return t.value is not None and t.kind not in {"duration", "set"} and _is_period_value(t.value)


def _time_attachment(ctx: _Context, t: TimeExpression) -> Token | None:
    """The word a time expression modifies, past its preposition: "rose" in "rose in July"."""
    span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = {x.i for x in span}
    tok = span.root
    while tok.head.i != tok.i and (
        tok.head.i in inside
        or tok.dep_ == "pobj"
        or tok.head.pos_ == "ADP"
        or (tok.dep_ in {"compound", "nmod", "amod"} and tok.head.lemma_ in _PERIOD_NOUNS)
    ):
        tok = tok.head
    return tok.head if tok.head.i != tok.i else tok


def _within_clause(tok: Token, top: Token) -> bool:
    """Whether ``tok`` lies under ``top`` without crossing into a clause of its own."""
    current = tok
    for _ in range(12):
        if current.i == top.i:
            return True
        if current.dep_ in {"relcl", "acl", "advcl", "ccomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_other_clause(tok: Token, path: list[int]) -> bool:
    """Whether ``tok`` sits in a subordinate clause that does not hold the figure."""
    current = tok
    for _ in range(12):
        if current.i in path:
            return False
        if current.dep_ in {"relcl", "acl"}:
            # "after a building collapsed on Friday": the parser's noun clause is adverbial.
            adverbial = current.head.dep_ == "pobj" and current.head.head.lower_ in _CLAUSE_PREPS
            return not adverbial
        if current.dep_ == "advcl":
            # "when the bridge collapsed on Friday" dates the event; "returning from a holiday
            # on Monday" does not.
            return not any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in _CLAUSE_PREPS | {"when", "while"}
                for c in current.children
            )
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _present_tense(reading: _Reading) -> bool:
    """Whether the figure's clause states the present: "7 million people are displaced"."""
    tok = reading.anchor
    for _ in range(8):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
            tags = {tok.tag_} if not auxes else {a.tag_ for a in auxes}
            return bool(tags & {"VBP", "VBZ"})
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _announced(reading: _Reading) -> bool:
    """Whether a figure is announced or planned now: "will provide 2.3 trillion won"."""
    tok = reading.anchor
    for _ in range(8):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            if tok.lemma_.lower() in _NEWS_VERBS:
                return True
            if any(
                c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"}
                for c in tok.children
            ):
                return True
            return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _INTENT_VERBS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _time_period(ctx: _Context, t: TimeExpression) -> _Period:
    duration = _duration_period(ctx, t)
    if duration is not None:
        return duration
    value = t.value or ""
    start, end = t.range_start, t.range_end
    if start is None or end is None:
        start, end = _label_range(value)
    return start, end, value


def _duration_period(ctx: _Context, t: TimeExpression) -> _Period | None:
    """ "over the next five years" in a 2025 story is 2025/2030, "the past five years" 2020/2025."""
    if t.kind != "duration" or not t.value:
        return None
    years = _YEARS_DURATION_RE.fullmatch(t.value)
    window = ctx.text[max(0, t.start_char - 20) : t.end_char]
    cue = _SPAN_CUE_RE.search(window)
    if years is None or cue is None:
        return None
    n = int(years.group(1))
    year = ctx.anchor.year
    if cue.group("dir").lower() in {"past", "last", "previous"}:
        first, last = year - n, year
    elif cue.group("prep").lower() == "within":
        first = last = year + n
    else:
        first, last = year, year + n
    start, end = make_date(first, 1, 1), make_date(last, 12, 31)
    if start is None or end is None:
        return None  # past either end of the calendar
    label = f"{first:04d}" if first == last else f"{first:04d}/{last:04d}"
    return start, end, label


def _is_period_value(value: str) -> bool:
    """A calendar period: 2025, 2025-09, 2025-Q3, 2025-H1, 2025-W39, a day, a range, a FY."""
    parts = value.split("/")
    return all(_TIMEX_VALUE_RE.match(p) or _FY_RE.fullmatch(p) for p in parts)


def _label_range(label: str) -> tuple[date | None, date | None]:
    """Calendar days covered by a TIMEX3 value: 2025, 2025-09, 2025-Q3, 2025-H1, 2025-W39."""
    if "/" in label:
        first, _, last = label.partition("/")
        return _label_range(first)[0], _label_range(last)[1]
    m = _TIMEX_VALUE_RE.match(label)
    if m is None:
        return None, None
    year = int(m.group("y"))
    try:
        if m.group("d"):
            day = date(year, int(m.group("m")), int(m.group("d")))
            return day, day
        if m.group("m"):
            month = int(m.group("m"))
            return date(year, month, 1), _month_end(year, month)
        if m.group("q"):
            qn = int(m.group("q"))
            return date(year, 3 * qn - 2, 1), _month_end(year, 3 * qn)
        if m.group("h"):
            hn = int(m.group("h"))
            return date(year, 6 * hn - 5, 1), _month_end(year, 6 * hn)
        if m.group("w"):
            monday = date.fromisocalendar(year, int(m.group("w")), 1)
            if m.group("we"):
                return shift_days(monday, 5), shift_days(monday, 6)  # the weekend
            return monday, shift_days(monday, 6)
    except ValueError:
        return None, None
    return date(year, 1, 1), date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    end = month_end(year, month)
    if end is None:
        raise ValueError(f"no month {year}-{month}")
    return end


def _compared_with(
    ctx: _Context,
    sent: _Sentence,
    q: _Quantity,
    window_start: int,
    window_end: int,
    label: str | None,
) -> str | None:
    after = ctx.text[q.end : window_end]
    before = ctx.text[window_start : q.start]
    for t in ctx.times:
        if not q.end <= t.start_char < window_end or t.value is None:
            continue
        cue = _COMPARE_CUE_RE.search(ctx.text[max(q.end, t.start_char - 30) : t.start_char])
        weak = cue is None or cue.group().strip().lower() in {"on", "over"}
        if weak and not _SAME_RE.search(t.text):
            continue
        if _YEAR_AGO_RE.fullmatch(t.text.strip()):
            break  # relative to the figure's own period, handled below
        return t.value
    for window in (after, before):
        if _YOY_RE.search(window):
            return _shift(label, years=1)
        if _QOQ_RE.search(window):
            return _shift(label, quarters=1)
        if _MOM_RE.search(window):
            return _shift(label, months=1)
    m = _THAN_YEAR_RE.search(after)
    if m:
        return m.group(1)
    # "... from 5 million in the same period of 2024": a base stated later in the sentence.
    for t in ctx.times:
        if q.end <= t.start_char < sent.end and t.value and _SAME_PERIOD_RE.search(t.text):
            return t.value
    return None


def _shift(label: str | None, *, years: int = 0, quarters: int = 0, months: int = 0) -> str | None:
    """The TIMEX3 label of the period one year, quarter or month before ``label``."""
    if label is None:
        return None
    if "/" in label:
        parts = [_shift(p, years=years, quarters=quarters, months=months) for p in label.split("/")]
        return None if None in parts else "/".join(p for p in parts if p)
    fy = _FY_RE.fullmatch(label)
    if fy and years:
        y = int(fy.group(1)) - years
        return f"FY{y}-{(y + 1) % 100:02d}" if fy.group(2) else f"FY{y}"
    m = _TIMEX_VALUE_RE.match(label)
    if m is None:
        return None
    year = int(m.group("y"))
    if m.group("q"):
        n = int(m.group("q")) - quarters - 4 * years
        if months:
            return None
        while n < 1:
            n += 4
            year -= 1
        return f"{year:04d}-Q{n}" if in_calendar(year) else None
    if m.group("h") or m.group("w"):
        if not years or not in_calendar(year - years):
            return None
        return f"{year - years:04d}-" + (f"H{m.group('h')}" if m.group("h") else f"W{m.group('w')}")
    if m.group("m"):
        month = int(m.group("m")) - months - 3 * quarters
        year -= years
        while month < 1:
            month += 12
            year -= 1
        day = f"-{m.group('d')}" if m.group("d") else ""
        return f"{year:04d}-{month:02d}{day}" if in_calendar(year) else None
    return f"{year - years:04d}" if years and in_calendar(year - years) else None


def _geography(ctx: _Context, sent: _Sentence, q: _Quantity, reading: _Reading) -> str | None:
    places = [p for p in reading.geo if p != "world"]
    if places:
        return places[0]
    if "world" in reading.geo:
        return "world"
    best: tuple[int, str] | None = None
    dateline: str | None = None
    for m in ctx.mentions:
        if m.entity_type not in {"GPE", "LOC"}:
            continue
        if m.start_char < ctx.dateline_end:
            # The dateline says where the reporter is: a last resort for the lead paragraph.
            if sent.start < ctx.lead_end:
                # National figures are reported from the capital: "ISLAMABAD" stands for PK.
                capital = _CAPITALS.get(m.canonical.lower()) or _CAPITALS.get(m.text.lower())
                dateline = dateline or capital or _mention_place(m)
            continue
        if not sent.start <= m.start_char < sent.end:
            continue
        if any(
            n.start_char <= m.start_char and m.end_char <= n.end_char and n is not m
            for n in ctx.mentions
            if n.entity_type not in {"GPE", "LOC"}
        ):
            continue  # "Bank of England", "State Bank of Pakistan"
        if _ACCORDING_RE.search(ctx.text[max(sent.start, m.start_char - 40) : m.start_char]):
            continue
        distance = q.start - m.end_char if m.end_char <= q.start else m.start_char - q.end
        place = _mention_place(m)
        if place is not None and (best is None or abs(distance) < best[0]):
            best = (abs(distance), place)
    if best is not None:
        return best[1]
    if sent.world is None:
        sent.world = any(_is_world(ctx, tok) for tok in sent.span)
    if sent.world:
        return "world"
    return dateline


def _is_world(ctx: _Context, tok: Token) -> bool:
    """ "global", "worldwide", "world" as a scope, not as part of a name ("World Bank")."""
    if tok.lower_ not in _GEO_WORLD:
        return False
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return False
    return not any(
        m.start_char <= tok.idx < m.end_char and m.entity_type not in {"GPE", "LOC"}
        for m in ctx.mentions
    )


def _place_of(ctx: _Context, tok: Token) -> str | None:
    """The place a token names, if it is part of a GPE mention or a national adjective."""
    for m in ctx.mentions:
        if m.start_char <= tok.idx < m.end_char:
            if m.entity_type in {"GPE", "LOC"}:
                return _mention_place(m)
            if m.entity_type == "NORP":
                return m.country_code or _DEMONYMS.get(tok.lower_)
            return None
    if tok.lower_ in _DEMONYMS and tok.pos_ in {"ADJ", "PROPN"}:
        return _DEMONYMS[tok.lower_]
    return None


def _mention_place(m: EntityMention) -> str | None:
    code = _country_code(m.canonical) or _country_code(m.text)
    if code is not None:
        return code
    if any(c.isdigit() for c in m.canonical):
        return None  # a date the entity tagger took for a place
    return m.canonical


def _country_code(name: str) -> str | None:
    low = _LEADING_THE_RE.sub("", name.strip().lower())
    if low in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[low]
    return _pycountry_code(low)


def _pycountry_code(name: str) -> str | None:
    if name in _PYCOUNTRY_CACHE:
        return _PYCOUNTRY_CACHE[name]
    code: str | None = None
    try:
        code = str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        code = None
    _PYCOUNTRY_CACHE[name] = code
    return code


_PYCOUNTRY_CACHE: dict[str, str | None] = {}


def _attribution(ctx: _Context, sent: _Sentence) -> str | None:
    """The canonical name of who published the sentence's figures, if the sentence says so."""
    doc = ctx.doc
    best: tuple[int, str] | None = None
    for m in ctx.mentions:
        if m.entity_type not in {"ORG", "PERSON", "GOV"}:
            continue
        if not sent.start <= m.start_char < sent.end:
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or not len(span):
            continue
        rank = _attribution_rank(ctx, span.root, m)
        if rank is None:
            continue
        # A spokesperson speaks for the body: "GAC spokesperson Lyu Daliang said" is GAC's figure.
        rank = 2 * rank + (m.entity_type == "PERSON")
        if best is None or rank < best[0]:
            best = (rank, m.canonical)
    return best[1] if best else None


def _attribution_rank(ctx: _Context, tok: Token, m: EntityMention) -> int | None:
    before = ctx.text[max(0, m.start_char - 40) : m.start_char]
    if _ACCORDING_RE.search(before):
        return 0
    # Climb out of the name itself: "(MIIT)" in apposition, "X and Y" coordinations.
    while tok.dep_ in {"appos", "conj", "compound", "flat"} and tok.head.i != tok.i:
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _DATA_NOUNS:
            break
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj":
        prep = head
        governor = prep.head
        if prep.lower_ == "to" and governor.lower_ == "according":
            return 0
        if prep.lower_ in {"from", "by", "of"} and governor.lemma_.lower() in _DATA_NOUNS:
            return 1
        if prep.lower_ == "by" and governor.lemma_.lower() in {
            "release",
            "publish",
            "compile",
            "issue",
            "provide",
            "report",
        }:
            return 1
    if tok.dep_ in {"poss", "compound"} and head.lemma_.lower() in _DATA_NOUNS:
        return 1
    if tok.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in _REPORT_VERBS:
        return 2
    return None


# ---------------------------------------------------------------------------------------------
# Context helpers
# ---------------------------------------------------------------------------------------------


def _blocked_spans(text: str, times: list[TimeExpression]) -> list[tuple[int, int]]:
    """Character spans whose digits are never metrics: times, phone numbers, numeric dates."""
    spans = [(t.start_char, t.end_char) for t in times]
    for m in _PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        context = text[max(0, m.start() - 30) : m.start()]
        if digits >= 8 and (
            m.group().startswith(("+", "("))
            or "-" in m.group()
            or _PHONE_CONTEXT_RE.search(context)
        ):
            spans.append((m.start(), m.end()))
    for m in _NUMERIC_DATE_RE.finditer(text):
        spans.append((m.start(), m.end()))
    return spans


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _in_time(ctx: _Context, offset: int) -> bool:
    return any(t.start_char <= offset < t.end_char for t in ctx.times)


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def _mentions_from_ents(doc: Doc) -> list[EntityMention]:
    """Entity mentions straight from the spaCy NER, for callers that pass none."""
    out: list[EntityMention] = []
    sent_starts = [s.start_char for s in doc.sents]
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"}:
            continue
        index = sum(1 for s in sent_starts if s <= ent.start_char) - 1
        name = _ENTITY_NAME_TRIM_RE.sub("", ent.text).strip()
        out.append(
            EntityMention(
                text=ent.text,
                start_char=ent.start_char,
                end_char=ent.end_char,
                sentence_index=max(index, 0),
                entity_type=ent.label_,
                canonical=name,
                country_code=_country_code(name) if ent.label_ == "GPE" else None,
            )
        )
    return out


def _rupee_code(text: str, mentions: list[EntityMention]) -> str:
    """INR, unless the article is about Pakistan: its dateline first, then its places."""
    dateline = _DATELINE_SPLIT_RE.split(text.lstrip()[:80], maxsplit=1)[0].strip().lower()
    if dateline in _PAKISTAN_PLACES:
        return "PKR"
    if dateline in _INDIA_PLACES:
        return "INR"
    pk = sum(1 for m in mentions if m.entity_type == "GPE" and (m.country_code == "PK"))
    india = sum(1 for m in mentions if m.entity_type == "GPE" and (m.country_code == "IN"))
    if not pk and not india:
        words = _LOWER_WORDS_RE.findall(text.lower())
        pk = sum(1 for w in words if w in _PAKISTAN_PLACES)
        india = sum(1 for w in words if w in _INDIA_PLACES)
    return "PKR" if pk > india else "INR"


def _rupee_in_sentence(ctx: _Context, sent: _Sentence) -> str | None:
    sentence = ctx.text[sent.start : sent.end]
    if _PKR_CONTEXT_RE.search(sentence):
        return "PKR"
    if _INR_CONTEXT_RE.search(sentence):
        return "INR"
    return None


def _context_countries(ctx: _Context, sent: _Sentence) -> list[str]:
    """Countries the sentence, then the dateline, then the story as a whole are about."""
    ordered: list[str] = []
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        code = m.country_code if m.entity_type in {"GPE", "LOC", "NORP"} else None
        if code is None:
            continue
        if sent.start <= m.start_char < sent.end or m.start_char < ctx.dateline_end:
            ordered.append(code)
        counts[code] = counts.get(code, 0) + 1
    if counts:
        ordered.append(max(counts, key=lambda c: counts[c]))
    return ordered


def _japan_context(ctx: _Context, sent: _Sentence) -> bool:
    """Whether "¥" is yen: the sentence, else the dateline, else the story is about Japan."""
    words = set(_LOWER_WORDS_RE.findall(ctx.text[sent.start : sent.end].lower()))
    if words & _JAPAN_WORDS:
        return True
    for country in _context_countries(ctx, sent):
        if country in {"JP", "CN"}:
            return country == "JP"
    dateline = set(_LOWER_WORDS_RE.findall(ctx.text[: ctx.dateline_end].lower()))
    return bool(dateline & _JAPAN_WORDS)
