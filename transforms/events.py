"""Events: what a story reports as happening, one row per event, typed from a fixed vocabulary.

Event types (``EVENT_TYPE_DEFINITIONS`` holds the same definitions for the README):

| type | definition |
| --- | --- |
| STATEMENT | an official or organisation says, warns, calls for; nothing more specific told |
| MEETING | meetings, visits, talks, conferences, summits, forums, exhibitions |
| AGREEMENT | deals, MoUs, treaties, contracts signed or agreed between parties |
| POLICY | a government, regulator or central bank decision: law, ban, tariff, budget, rates |
| ECONOMIC_DATA | release of official statistics: GDP, inflation, trade, output, sales figures |
| CORPORATE | a company's earnings, investment, acquisition, appointment, launch, orders |
| MARKET | market moves and prices: index closes, currencies, commodity prices |
| LEGAL | court rulings, arrests, charges, lawsuits, sentences |
| CONFLICT | clashes, attacks, strikes by armed forces, ceasefires, casualties of violence |
| PROTEST | demonstrations, rallies, workers' strikes |
| DISASTER | floods, quakes, storms, fires, accidents and their tolls |
| ELECTION | votes, results, campaigns, turnout |
| OTHER | something happened that none of the above covers: evacuations, rescues, disruptions |

How a sentence becomes events (rules over spaCy's parse, lemmas and parts of speech; no model of
our own):

1. Each clause is read from its predicate. Its type comes from, in order: a phrasal verb ("kick
   off", "walk out", "take effect"); a decision on a rate, tax or forecast ("kept rates
   unchanged"); a figure verb (rise, fall, reach ...) typed by what its subject measures (an
   index or a currency is MARKET, a company's profit CORPORATE, exports or inflation
   ECONOMIC_DATA); a light verb typed by its object ("held talks", "approved a budget",
   "reported a rise in net profit"); the verb's own lemma, checked against its actor where the
   verb is ambiguous ("the court ordered" is LEGAL, "the ministry ordered" POLICY, "troops
   struck" CONFLICT, "workers struck" PROTEST); an event noun as its subject ("the clashes
   erupted"). Clauses under "expectations that ...", "bets on ..." are not events unless they
   carry their own day.
2. A reporting verb (say, announce, tell, show ...) is a STATEMENT only when the clause it governs
   reports nothing more specific: "the bureau said exports rose 5%" is ECONOMIC_DATA, "the
   ministry said it will ban ..." POLICY. A STATEMENT needs an official or an organisation as
   speaker: analysts, economists and bystanders quoted for colour make none. Figures cited by a
   person are that person's STATEMENT; figures published by an institution ("data showed",
   "according to figures released by") are ECONOMIC_DATA.
3. Event nouns outside the typed clauses make their own event when they name a separate
   happening: the gathering something happened at ("signed ... during a visit"), a noun with its
   own date ("a strike on November 13"), a measure or a ruling ("under a 20 percent tariff"). A
   sentence gives at most one event per type (the warehouse keys events on sentence and type),
   in text order; OTHER only when nothing else is told.
4. One row per event. A sentence that only tells more of an earlier event merges into it and
   extends its dates: a definite noun pointing back ("the congress", "the strike", "the
   contracts were awarded"), the same gathering by name, the same speaker again, figures with no
   release of their own after a data release or a company's results, tolls after a disaster.
   What a statistics office says about its release, a judge writes in a ruling, or anyone says
   about an event already told ("called the decision a win") belongs to that event; a statement
   made at a gathering told for the first time is that gathering's news.
5. Dates. A time expression attached (by dependencies) to the event's clause is its own date; a
   figure's reference period ("rose 3% in July") is not the day it was published, the reporting
   verb's day is ("..., the bureau said on Friday"). "Until Friday", "wraps up on Friday" end a
   gathering; its length ("the 3-day congress") gives the missing end or start. An undated
   happening told in the simple past takes the day of the story's latest dated happening within
   the week before publication ("24 people were arrested" after "marched on Saturday"). A
   STATEMENT, market move, data release or company result with no date of its own, told in the
   past or present tense (or in the present perfect in the lead), takes the publication date:
   the anchor, which is the article's date, or the run's default when the article has none.
   Anything else undated, or vaguely dated ("over the years"), keeps date_start None and
   precision "unknown". Precision follows the value: day, week, month, quarter, half, year.
6. Location: the places (GPE, LOC, FAC) the event's clause names ("in Haikou"), else those of its
   sentence, else the dateline place; a STATEMENT's place is where it was said. The country is
   the place's code, else that of a coded place in the same phrase ("Haikou of south China's
   Hainan Province"), else the dateline's.
7. Participants come from the entity mentions of the clause: the subject is the actor (the
   speaker of a STATEMENT, a participant of a MEETING or AGREEMENT, the organizer when it hosts
   or chairs), the object the target, "hosted/organised by" the organizer, "with/between" are
   participants, the reporting source is the speaker, places are the location.
8. Confidence says how specific the evidence was: a typed verb with a typed subject or object
   scores high, a bare event noun or a borrowed date lower; merging what two sentences say of
   one event raises it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.datemath import shift_days
from transforms.model import EntityMention, Event, Participant, TimeExpression
from transforms.quotes import find_quote_spans
from transforms.wire import DATELINE, DATELINE_NO_PLACE

EVENT_TYPES = (
    "STATEMENT",
    "MEETING",
    "AGREEMENT",
    "POLICY",
    "ECONOMIC_DATA",
    "CORPORATE",
    "MARKET",
    "LEGAL",
    "CONFLICT",
    "PROTEST",
    "DISASTER",
    "ELECTION",
    "OTHER",
)

EVENT_TYPE_DEFINITIONS: dict[str, str] = {
    "STATEMENT": "An official or organisation says, announces, warns or calls for something, "
    "and no more specific event is reported.",
    "MEETING": "Meetings, visits, talks, conferences, summits, forums, exhibitions: opening, "
    "hosting, attending.",
    "AGREEMENT": "Deals, MoUs, treaties, contracts signed or agreed between parties.",
    "POLICY": "A government, regulator or central bank decision: regulation, law, ban, tariff, "
    "budget measure, rate decision, approval.",
    "ECONOMIC_DATA": "Release of official statistics: GDP, inflation, trade, output, sales "
    "figures.",
    "CORPORATE": "A company's earnings, investment, acquisition, appointment, launch, orders.",
    "MARKET": "Market moves and prices: index closes, currencies, commodity prices.",
    "LEGAL": "Court rulings, arrests, charges, lawsuits, sentences.",
    "CONFLICT": "Clashes, attacks, strikes by armed forces, ceasefires, casualties of violence.",
    "PROTEST": "Demonstrations, rallies, workers' strikes.",
    "DISASTER": "Floods, quakes, storms, fires, accidents and their tolls.",
    "ELECTION": "Votes, results, campaigns, turnout.",
    "OTHER": "Something happened that none of the types above covers: evacuations, rescues, "
    "disruptions.",
}

_STATEMENT = "STATEMENT"
_TOLL = "TOLL"  # working type: dead and injured, counted for the story's disaster or fighting
_MEETING = "MEETING"
_AGREEMENT = "AGREEMENT"
_POLICY = "POLICY"
_DATA = "ECONOMIC_DATA"
_CORPORATE = "CORPORATE"
_MARKET = "MARKET"
_LEGAL = "LEGAL"
_CONFLICT = "CONFLICT"
_PROTEST = "PROTEST"
_DISASTER = "DISASTER"
_ELECTION = "ELECTION"
_OTHER = "OTHER"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- event nouns

# Nouns that name an event of one type, by lemma (lower case).
EVENT_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "earthquake quake tremor aftershock flood flooding deluge landslide mudslide "
            "avalanche cyclone typhoon hurricane storm tornado tsunami wildfire bushfire fire "
            "blaze inferno drought heatwave eruption explosion blast collapse crash derailment "
            "accident disaster stampede shipwreck capsizing downpour rainstorm landfall"
        ),
        _DISASTER,
    ),
    **dict.fromkeys(
        _words(
            "clash fighting attack airstrike shelling bombing bombardment offensive ambush "
            "assault battle war hostility ceasefire truce insurgency gunfire shooting skirmish "
            "incursion invasion massacre crossfire counteroffensive"
        ),
        _CONFLICT,
    ),
    **dict.fromkeys(
        _words(
            "protest protester demonstration demonstrator rally march walkout sit-in strike "
            "boycott picket stoppage riot"
        ),
        _PROTEST,
    ),
    **dict.fromkeys(
        _words("election vote ballot referendum runoff by-election campaign re-election"),
        _ELECTION,
    ),
    **dict.fromkeys(
        _words(
            "ruling verdict judgment judgement trial hearing lawsuit indictment arrest "
            "detention conviction acquittal injunction prosecution crackdown penalty "
            "litigation"
        ),
        _LEGAL,
    ),
    **dict.fromkeys(
        _words(
            "agreement accord deal pact treaty memorandum mou memoranda partnership "
            "protocol contract"
        ),
        _AGREEMENT,
    ),
    **dict.fromkeys(
        _words(
            "meeting talk talks summit conference congress forum session visit trip tour "
            "exhibition expo fair airshow ceremony symposium seminar workshop dialogue "
            "negotiation negotiations gathering roundtable call convention consultation "
            "consultations event"
        ),
        _MEETING,
    ),
    **dict.fromkeys(
        _words(
            "policy regulation law bill decree ordinance ban embargo restriction curb tariff "
            "duty levy sanction subsidy budget stimulus package programme program scheme "
            "measure countermeasure reform quota moratorium exemption incentive relief "
            "pledge fee decision"
        ),
        _POLICY,
    ),
    **dict.fromkeys(
        _words("data figure statistic statistics estimate release"),
        _DATA,
    ),
    **dict.fromkeys(
        _words(
            "acquisition takeover merger buyout ipo listing dividend layoff appointment "
            "capex investment order launch transaction offer bid"
        ),
        _CORPORATE,
    ),
    **dict.fromkeys(
        _words("statement remarks speech address briefing interview communique announcement"),
        _STATEMENT,
    ),
    **dict.fromkeys(_words("evacuation rescue search displacement disruption outage"), _OTHER),
}
# Compound nouns that change a noun's type.
_COMPOUND_TYPES: dict[tuple[str, str], str] = {
    ("press", "conference"): _STATEMENT,
    ("news", "conference"): _STATEMENT,
    ("press", "briefing"): _STATEMENT,
    ("news", "briefing"): _STATEMENT,
    ("conference", "call"): _MEETING,
    ("phone", "call"): _MEETING,
    ("air", "strike"): _CONFLICT,
    ("drone", "strike"): _CONFLICT,
    ("missile", "strike"): _CONFLICT,
    ("military", "strike"): _CONFLICT,
    ("rate", "cut"): _POLICY,
    ("rate", "hike"): _POLICY,
    ("rate", "decision"): _POLICY,
    ("search", "operation"): _OTHER,
    ("rescue", "operation"): _OTHER,
    ("emergency", "response"): _POLICY,
    ("policy", "meeting"): _MEETING,
    ("capital", "expenditure"): _CORPORATE,
    ("joint", "statement"): _STATEMENT,
    ("commercial", "operation"): _CORPORATE,
    ("commercial", "operations"): _CORPORATE,
}
# Nouns that are events only in some company: "order" (of jets), "call" (phone), "release".
_WEAK_NOUNS = _words(
    "call order offer bid release data figure statistic statistics estimate measure address "
    "program programme decision fee duty fair tour trip march strike session contract "
    "investment expenditure launch relief incentive campaign policy law bill fire crash "
    "collapse accident search event quota"
)
# Definite nouns that only point back to an event already told ("the ruling", "the deal").
_ANAPHORIC_DETERMINERS = _words("the this that these those")


# --------------------------------------------------------------------------- verbs

# Reporting verbs: a STATEMENT unless the clause they govern reports something more specific.
REPORTING_VERBS = _words(
    "say tell announce state add note stress emphasize emphasise underscore underline highlight "
    "affirm reaffirm confirm reiterate warn urge insist argue claim accuse deny criticize "
    "criticise condemn welcome praise express describe attribute explain predict forecast "
    "caution acknowledge admit declare speak comment respond reply write hail lament assure "
    "signal report show reveal indicate publish release disclose vow promise call appeal tout "
    "brief inform suggest remark observe voice address expect estimate project point"
)
# Reporting verbs that are statements with no clause of their own ("urged", "condemned").
_SPEECH_ACTS = _words(
    "warn urge accuse deny criticize criticise condemn welcome praise express attribute hail "
    "lament call appeal vow promise insist assure caution describe forecast predict stress "
    "underscore underline emphasize emphasise highlight reaffirm reiterate"
)
# Nouns that make what hangs from them hypothetical: "expectations that the Fed will cut".
_HYPOTHESIS_NOUNS = _words(
    "expectation expectations bet bets hope hopes speculation fear fears concern concerns worry "
    "worries possibility prospect prospects chance chances likelihood risk doubt doubts wager "
    "forecast forecasts view"
)

# Verbs whose type does not depend on their arguments.
VERB_TYPES: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "arrest indict convict acquit sentence jail imprison prosecute sue extradite "
            "uphold quash overturn detain penalise penalize"
        ),
        _LEGAL,
    ),
    **dict.fromkeys(
        _words("attack bomb shell ambush invade clash bombard besiege massacre abduct kidnap"),
        _CONFLICT,
    ),
    **dict.fromkeys(_words("protest demonstrate picket boycott riot"), _PROTEST),
    **dict.fromkeys(_words("elect re-elect reelect"), _ELECTION),
    **dict.fromkeys(_words("sign ink ratify seal"), _AGREEMENT),
    **dict.fromkeys(_words("meet visit convene confer negotiate discuss"), _MEETING),
    **dict.fromkeys(
        _words(
            "ban enact legislate impose abolish regulate subsidise subsidize mandate decree "
            "veto outlaw legalise legalize nationalise nationalize devalue earmark allocate"
        ),
        _POLICY,
    ),
    **dict.fromkeys(
        _words("acquire purchase merge invest appoint hire divest drill"),
        _CORPORATE,
    ),
    **dict.fromkeys(_words("derail capsize"), _DISASTER),
    **dict.fromkeys(_words("flee evacuate displace rescue strand"), _OTHER),
}
# Verb + particle.
PHRASAL_TYPES: dict[tuple[str, str], str] = {
    ("kick", "off"): _MEETING,
    ("wrap", "up"): _MEETING,
    ("walk", "out"): _PROTEST,
    ("take", "effect"): _POLICY,
    ("step", "down"): _CORPORATE,
    ("lay", "off"): _CORPORATE,
    ("set", "up"): "",  # typed by its actor
    ("spin", "off"): _CORPORATE,
    ("strike", "down"): _LEGAL,
    ("break", "out"): "",  # typed by the subject: fighting broke out, a fire broke out
    ("call", "for"): _STATEMENT,
}
# Verbs whose event is their subject's: "floods killed", "the forum opened", "fire destroyed".
_SUBJECT_TYPED = _words(
    "kill injure wound destroy damage displace hit strike sweep batter ravage trigger claim "
    "erupt spread rage continue intensify escalate begin start open close end conclude run "
    "last resume take draw feature focus bring attract wrap leave affect cause force disrupt "
    "halt cost ground be become break"
)
# Light verbs typed by their object: "held talks", "approved a budget", "reported a profit".
_LIGHT_VERBS = _words(
    "hold sign reach launch announce unveil impose introduce approve adopt pass report post "
    "declare register file grant award conclude seal strike stage organise organize host attend "
    "open issue release publish present submit propose order set make take receive win lose "
    "extend renew suspend lift ease tighten scrap offer provide allocate sanction call begin "
    "start end complete finalise finalize resume unveil agree table deliver clinch secure "
    "join address chair co-chair lead book place make"
)
_RESULT_VERBS = _words("report post record register log book show reveal indicate announce")
# Verbs that tell an event noun happened: "a ceasefire agreed in July", "the deal signed".
_HAPPENING_VERBS = _words(
    "sign agree reach conclude announce approve pass hold schedule launch impose introduce "
    "adopt award strike seal call stage organise organize host plan propose begin start open "
    "end erupt break trigger kill hit cause set mediate broker"
)
# Verbs of change and level: figure clauses, typed by what they measure.
CHANGE_VERBS = _words(
    "rise fall grow increase decrease decline drop climb jump surge soar slump slide slip gain "
    "lose edge ease expand shrink contract plunge tumble sink dip rebound recover rally retreat "
    "advance weaken strengthen firm appreciate depreciate accelerate slow widen narrow double "
    "triple halve spike rocket tank shed pare knock inch creep swell balloon outpace steady "
    "moderate add"
)
LEVEL_VERBS = _words(
    "reach stand total amount hit remain hold average register record touch settle close end "
    "finish open trade account represent top exceed surpass cross hover come put"
)
# Rate and tax decisions: "cut its policy rate", "left it unchanged".
_DECISION_VERBS = _words(
    "raise cut hike lower reduce increase trim keep hold leave maintain set lift slash"
)
_RATE_NOUNS = _words(
    "rate rates tariff tariffs tax taxes duty duties levy levies fee fees quota price ceiling "
    "cap subsidy subsidies"
)
_FORECAST_NOUNS = _words("forecast forecasts projection projections outlook estimate guidance")
_STEADY_WORDS = _words("unchanged steady stable on-hold hold")
# Market nouns that, made definite, point back: "the index touched an intraday high".
_GAUGES = _words("index market benchmark gauge bourse")
# Ambiguous verbs, typed by their actor.
_COURT_VERBS = _words("rule dismiss block grant order direct fine hear")
_GOVERNMENT_VERBS = _words(
    "approve authorise authorize allow permit order direct pledge unveil announce launch "
    "introduce extend lift sanction provide declare adopt pass waive cut ask instruct request "
    "require"
)
_COMPANY_VERBS = _words(
    "buy sell build open expand acquire order launch name list commission deliver manufacture "
    "resign retire succeed award partner offer hire unveil declare"
)
_GATHERING_VERBS = _words(
    "open close begin start end conclude host attend hold run inaugurate receive welcome chair "
    "arrive gather assemble travel"
)
_VISIT_VERBS = _words("host attend receive chair arrive travel")
_HARM_ACTS = _words(
    "kill injure wound destroy damage hit strike erupt spread sweep batter ravage claim trigger "
    "displace affect break rage leave shoot fight repel retake capture seize fire launch storm"
)
_ACCIDENT_VERBS = _words("veer skid collide overturn plunge crash derail capsize sink topple roll")
_BREAKDOWN_VERBS = _words("collapse crash explode burn flood plunge overturn sink")
_STRUCTURES = _words("building bridge house roof wall dam mine tower structure")
_DISRUPTION_VERBS = _words("disrupt cancel suspend ground halt")
_FALLS = _words("plunge fall crash sink tumble")
_PRICE_UNITS = _words(
    "% rs inr usd $ € £ ¥ cent cents sen paise pence point points yen won ringgit rm rupees "
    "dollars euros percent pct"
)

# --------------------------------------------------------------------------- noun classes

_MARKET_NOUNS = _words(
    "index indices indexes share shares stock stocks equity equities bourse future futures "
    "crude brent wti gold silver copper platinum palladium yield yields bond bonds treasury "
    "treasuries currency bitcoin sterling yen dollar euro pound rupee yuan renminbi won ringgit "
    "rupiah lira rouble ruble dirham riyal peso rand franc krona baht dong naira shekel market "
    "markets average benchmark"
)
_INDEX_NAMES = re.compile(
    r"\b(?:FTSE|Nikkei|Hang Seng|Sensex|Nifty|Nasdaq|Dow|S&P|KSE|Kospi|DAX|CAC|MSCI|CSI|TOPIX|"
    r"Stoxx|Straits Times|ASX|TSX|IBEX|BIST|Tadawul|TASI|Wall Street|KLCI|PSEi|SET|JCI|Bovespa)",
)
_COMMODITIES = _words(
    "oil crude brent wti gold silver copper gas wheat corn soybean sugar coffee cocoa palm "
    "aluminium aluminum nickel zinc iron ore coal"
)
_MACRO_NOUNS = _words(
    "gdp economy inflation cpi ppi pmi deflation export exports import imports re-export "
    "re-exports trade surplus deficit output production unemployment joblessness employment job "
    "jobs payroll payrolls wage wages remittance remittances inflow inflows outflow outflows "
    "reserve reserves consumption fdi borrowing debt spending sale sales collection collections "
    "growth balance productivity arrival arrivals shipment shipments demand price prices "
    "investment use generation capacity expenditure"
)
_MACRO_MODIFIERS = _words(
    "consumer producer food retail house home housing fuel petrol core headline industrial "
    "factory manufacturing national domestic foreign trade gross annual monthly economic "
    "electricity power tax fiscal public government non-oil"
)
_CORP_METRICS = _words(
    "profit profits earnings revenue revenues income ebitda margin margins dividend turnover "
    "loss losses bookings backlog guidance"
)
_COMPANY_NOUNS = _words(
    "company firm group automaker carmaker airline carrier lender bank operator conglomerate "
    "manufacturer maker retailer developer insurer producer miner startup chipmaker supplier "
    "board shareholder planemaker unit subsidiary arm business enterprise corporation brand"
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:Ltd|Limited|Inc|Corp|Corporation|Co|Company|Group|plc|PLC|AG|SA|SE|NV|Bhd|LLC|"
    r"Holdings|Bancorp)\b\.?"
)
_COMPANY_NAME = re.compile(
    r"\b(?:Airways|Airlines|Air|Motors?|Capital|Partners|Securities|Technologies|Systems|"
    r"Industries|Pharma|Energy|Petroleum|Steel|Telecom|Aviation|Shipping|Logistics|Electric|"
    r"Power|Oil|Gas|Bank|Foods|Motor|Mining|Chemicals|Textiles|Pharmaceuticals)\b"
)
_GOVERNMENT_NOUNS = _words(
    "government cabinet ministry minister parliament lawmaker lawmakers legislature senate "
    "regulator authority authorities commission council administration department agency state "
    "province president premier chancellor governor committee mpc fed treasury municipality "
    "office bureau directorate kingdom emirate country nation city"
)
_GOVERNMENT_NAME = re.compile(
    r"\b(?:Ministry|Minister|Government|Cabinet|Council|Parliament|Assembly|Senate|Commission|"
    r"Authority|Agency|Administration|Department|Office|Bureau|Directorate|Committee|Reserve|"
    r"Central Bank|Bank of|State Bank|People's Bank|Statistics|Statistical|Customs|Treasury|"
    r"Municipal|Secretariat|Federal|Congress|Board of|Institute of Statistics|Centre|Center)\b"
)
_CENTRAL_BANK = re.compile(
    r"\b(?:Central Bank|Reserve Bank|Bank of [A-Z]\w+|State Bank|People's Bank|Federal Reserve|"
    r"Fed|ECB|BoE|BOJ|BoJ|RBI|SBP|PBOC|CBRT|SNB|RBA|BoC)\b"
)
_COURT_NOUNS = _words("court judge justice justices bench tribunal magistrate jury prosecutor")
_POLICE_NOUNS = _words("police policeman investigators officers")
_MILITARY_NOUNS = _words(
    "army troops force forces military rebel rebels militant militants militia militias "
    "insurgent insurgents gunman gunmen soldier soldiers fighter fighters jihadist jihadists "
    "navy jets drones warplanes"
)
_WORKER_NOUNS = _words(
    "worker workers union unions employee employees staff pilot pilots teacher teachers nurse "
    "nurses doctor doctors driver drivers protester protesters demonstrator demonstrators "
    "people students farmers residents crowd crowds thousands hundreds"
)
_VOTER_NOUNS = _words("voter voters electorate")
_VEHICLE_NOUNS = _words(
    "bus train plane aircraft jet ship boat ferry vessel truck lorry car helicopter vehicle "
    "coach minibus van tanker"
)
_DATA_NOUNS = _words(
    "data datum figure figures statistic statistics report survey estimate estimates bulletin "
    "reading numbers census index"
)
# Person roles: an official speaks for an institution; the others are quoted for colour.
_OFFICIAL_WORDS = _words(
    "minister ministers spokesperson spokesman spokeswoman president vice official officials "
    "governor chief director secretary ambassador envoy leader head commissioner mayor adviser "
    "advisor officer deputy undersecretary general colonel sheriff judge justice prosecutor "
    "chancellor premier king prince emir sheikh chairman chairwoman chair ceo cfo coo executive "
    "founder manager administrator superintendent representative lawmaker senator "
    "congressman congresswoman mp governor-general attorney counsel spokespeople authorities"
)
_NON_OFFICIAL_WORDS = _words(
    "economist economists analyst analysts strategist strategists researcher researchers "
    "trader traders investor investors vendor resident residents witness witnesses survivor "
    "survivors professor expert experts consultant partner fellow farmer passenger shopper "
    "student observer observers activist activists strategy research analysis"
)
# Words that make an appeal or a challenge a court's business.
_LEGAL_WORDS = _words(
    "court circuit tribunal ruling verdict judgment judgement sentence conviction order decision "
    "judge bench"
)
_CORPORATE_TITLES = _words("ceo cfo coo chairman chairwoman executive founder manager md")
_PRONOUNS = _words("he she they it we i")
_PARTS = _words("opening closing inaugural plenary main final ministerial")
_HABITUAL = _words("typically usually often generally normally traditionally routinely")
_PARTICLES = _words("out off up down in over")
_TIME_UNITS = _words("hour day week month year page point mile kilometre kilometer member")
_HARM_VERBS = _words(
    "kill injure wound destroy damage flood displace affect leave claim hit sweep batter ravage "
    "burn inundate submerge spread erupt break rage continue"
)
_NUMBER_WORDS = _words("lakh lakhs crore crores million billion trillion thousand hundred")
_NOT_MET = _words(
    "need needs demand target targets requirement requirements expectation expectations "
    "criterion criteria deadline standard standards goal goals obligation obligations condition "
    "conditions cost costs challenge challenges threshold quota"
)
# Nouns that stand for the event they belong to: "the ninth edition of the forum".
_CONTAINER_NOUNS = _words(
    "edition round session opening day start end close sideline sidelines part leg phase "
    "margins eve stage statement draft details outline terms text implementation approval "
    "extension signing"
)
# Heads that make a clause's figures a forecast, not news.
_HEDGES = _words("expect forecast project estimate predict see anticipate")
_FUTURE_HEADS = _words(
    "set due expect schedule plan aim intend seek hope want prepare poise likely go"
)
_CLAUSE_DEPS = _words("ROOT conj ccomp advcl xcomp relcl parataxis acl pcomp csubj csubjpass")
_NOMINAL_PREPS = _words("at during after following ahead despite amid since until on of for by")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_LOCATING_PREPS = ("in", "at", "near", "across", "outside", "inside", "off")
_ORGANIZING_VERBS = _words("host organise organize convene chair sponsor")
_PARTY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "EVENT")
_DURATION_TYPES = (_MEETING, _PROTEST, _CONFLICT, _DISASTER)
# Undated events in the simple past that take the publication date (see the module docstring).
_NEWS_DAY_TYPES = (_STATEMENT, _MARKET, _DATA, _CORPORATE)
# Events that happen when they are told ("X approved ..., the ministry said on Monday"); a toll
# or a fight is told after it happened.
_REPORTED_DATE_TYPES = (_STATEMENT, _MARKET, _DATA, _CORPORATE, _POLICY, _AGREEMENT, _LEGAL)
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
_PRECISION_BY_DAYS = ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (184, "half"))
# Evidence a sentence's main event needs, and what a second event in the same sentence needs.
_PRIMARY_MIN = 0.4 - 1e-9
_SECONDARY_MIN = 0.55 - 1e-9
# Datelines that wire.DATELINE (upper-case places) leaves out: "Mumbai, Oct 8 (PTI)",
# "MOSCOW, August 27. /TASS/.", "Paris (AFP) -".
_LOOSE_DATELINE = re.compile(
    r"^[A-Z][\w.'’ -]{1,40}?(?:,\s*[^()\n,]{1,30}?){0,2}\s*"
    r"(?:\((?:[^()\n]{2,80})\)|/[A-Z]{2,10}/\.?)\s*(?:--|—|–|-|:)?\s*"
)
_DURATION = re.compile(r"^P(\d+)([DW])$")
# Words that end a gathering, or a point of comparison for a figure ("up from 4.1% on Monday").
_END_VERBS = _words("ends end ended closes close closed concludes concluded wraps finishes")
_END_LEMMAS = _words("end close conclude wrap finish")
_COMPARISON_WORDS = _words("from than compared versus against earlier ago")
_VAGUE_SPAN = re.compile(r"\b(?:years|decades|months|weeks|recent|past|lately)\b", re.I)
# Names of gatherings and of votes ("the Eastern Economic Forum", "the 2025 general election").
_GATHERING_NAME = re.compile(
    r"\b(?:Summit|Forum|Congress|Conference|Convention|Expo|Exhibition|Fair|Show|Airshow|"
    r"Dialogue|Talks|Meeting|Symposium|COP\d+)\b"
)
_ELECTION_NAME = re.compile(r"\b(?:[Ee]lection|[Vv]ote|[Rr]eferendum|[Pp]oll)s?\b")


# --------------------------------------------------------------------------- working records


@dataclass(slots=True)
class _Report:
    """A reporting verb (or "according to") and who speaks."""

    verb: Token | None
    speaker: Token | None
    kind: str  # institution, data, official, person, nonofficial, company, none
    content: list[Token]  # heads of the clauses it governs


@dataclass(slots=True)
class _Cue:
    """One event found in a sentence, before dates and merging."""

    event_type: str
    head: Token  # the predicate (or noun) whose clause reports it
    key: Token  # the word that decided the type
    strength: float
    rank: int  # 0 main clause, 1 complement, 2 subordinate clause, 3 noun phrase
    figure: bool = False  # figures ("rose 5%") rather than a happening
    released: bool = False  # statistics with a named publisher
    report: _Report | None = None
    hypothetical: bool = False  # under "expectations that ...": kept only with its own date
    venue: _Cue | None = None  # the gathering a statement was made at ("told a forum")
    also: list[int] = field(default_factory=list)  # other words of the same event (dates)
    anaphoric: bool = False  # typed by a noun that points back ("opened the talks")


@dataclass(slots=True)
class _Draft:
    """An event being built: a cue with its dates, places and people, open to merging."""

    cue: _Cue
    sentence: Span
    paragraph: int
    position: int  # sentence index
    start: date | None
    end: date | None
    precision: str
    own_date: bool
    tense: str
    location: EntityMention | None
    participants: list[Participant]
    speaker: str | None
    identity: set[str] = field(default_factory=set)  # names of the gathering or deal
    duration_days: int | None = None
    lead: bool = False  # reported in the story's first sentence
    vague: bool = False  # "over the years": dated, but not to a day we could name
    reacts_to: set[str] = field(default_factory=set)  # event types its words point back to


@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str  # doc.text, which spaCy joins from the tokens on every access
    mentions: list[EntityMention]
    times: list[TimeExpression]
    anchor: date
    quotes: list[tuple[int, int]]
    body_start: int  # first character after the dateline
    roles: dict[str, str] = field(default_factory=dict)  # person -> government, court, company
    told: set[str] = field(default_factory=set)  # event types the story has told so far
    last_speaker: tuple[str | None, str] = (None, "none")
    last_person: tuple[str | None, str] = (None, "none")  # for "he said", "she said"
    # Per-document lookups, built once: spaCy walks every token each time `doc.sents` is read,
    # and the rules ask about the same tokens again and again.
    sentences: list[Span] = field(init=False)
    _quoted: list[bool] = field(init=False)  # by token index
    _mention_at: list[EntityMention | None] = field(init=False)  # by token index
    _legal_sentence: list[bool] = field(init=False)  # by token index
    # Memos of pure functions of the parse, filled as the rules ask.
    noun_types: dict[tuple[int, str], str | None] = field(default_factory=dict)
    sentence_stops: dict[int, set[int]] = field(default_factory=dict)  # by sentence start
    attached_times: dict[int, list[tuple[TimeExpression, Token]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = list(self.doc.sents)
        starts = [t.idx for t in self.doc]
        self._quoted = [False] * len(starts)
        for s, e in self.quotes:
            for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                self._quoted[i] = True
        self._mention_at = [None] * len(starts)
        for m in self.mentions:  # the first mention over a token wins
            for i in range(bisect_left(starts, m.start_char), bisect_left(starts, m.end_char)):
                if self._mention_at[i] is None:
                    self._mention_at[i] = m
        self._legal_sentence = []
        for sentence in self.sentences:
            legal = any(t.lemma_.lower() in _LEGAL_WORDS for t in sentence)
            self._legal_sentence += [legal] * len(sentence)

    def quoted(self, token: Token) -> bool:
        """The token starts inside a quote."""
        return self._quoted[token.i]

    def mention_at(self, token: Token) -> EntityMention | None:
        """The first mention whose characters hold the token's start."""
        return self._mention_at[token.i]

    def in_legal_sentence(self, token: Token) -> bool:
        """The token's sentence names a court, a judge or a ruling."""
        return self._legal_sentence[token.i]


# --------------------------------------------------------------------------- entry point


def extract_events(
    doc: Doc,
    article_id: str,
    mentions: list[EntityMention],
    times: list[TimeExpression],
    anchor: date,
    dateline_place: str | None,
) -> list[Event]:
    """Events reported in an article, one row per event (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return []  # events are read from the parse; a pipeline without a parser gives none
    text = doc.text
    dateline = DATELINE.match(text) or DATELINE_NO_PLACE.match(text) or _LOOSE_DATELINE.match(text)
    return _extract(doc, mentions, times, anchor, dateline_place, dateline)


def _extract(
    doc: Doc,
    mentions: list[EntityMention],
    times: list[TimeExpression],
    anchor: date,
    dateline_place: str | None,
    dateline: re.Match[str] | None,
) -> list[Event]:
    text = doc.text
    ctx = _Context(
        doc=doc,
        text=text,
        mentions=[m for m in mentions if not dateline or m.start_char >= dateline.end()],
        times=[t for t in times if not dateline or t.start_char >= dateline.end()],
        anchor=anchor,
        quotes=find_quote_spans(text),
        body_start=dateline.end() if dateline else 0,
    )
    for m in ctx.mentions:
        if m.entity_type == "PERSON" and ctx.roles.get(m.canonical, "person") == "person":
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is not None:
                # "Federal Minister for Planning ... Tariq Mehmood Chaudhry" anywhere in the story
                ctx.roles[m.canonical] = _title_class(span.root)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    drafts: list[_Draft] = []
    lead_seen = False
    for position, sentence in enumerate(ctx.sentences):
        if sentence.end_char <= ctx.body_start + 2:
            continue  # the dateline on its own
        paragraph = sum(1 for start in paragraph_starts if start <= sentence.start_char) - 1
        for cue in _sentence_cues(sentence, ctx, not lead_seen):
            ctx.told.add(cue.event_type)
            draft = _draft(cue, sentence, paragraph, position, ctx)
            draft.lead = not lead_seen
            if cue.hypothetical and not (draft.own_date and draft.precision == "day"):
                continue
            drafts.append(draft)
        lead_seen = True
    drafts = _merge(drafts, ctx)
    # A statement made at a gathering told here for the first time is that gathering's news:
    # "Speaking at a two-day energy forum, the minister said ..." is one MEETING.
    kept_venues = {id(d.cue) for d in drafts if d.cue.event_type == _MEETING}
    drafts = [d for d in drafts if d.cue.venue is None or id(d.cue.venue) not in kept_venues]
    story_day: date | None = None  # the day of the story's latest dated happening
    for d in sorted(drafts, key=lambda d: d.position):
        _fill_story_day(d, story_day)
        _fill_news_day(d, anchor)
        recent = d.start is not None and 0 <= (anchor - d.start).days <= 7
        if d.own_date and d.precision == "day" and recent:
            story_day = d.start
    place_fallback = _dateline_mention(mentions, dateline_place)
    return [_to_event(d, dateline_place, place_fallback, ctx) for d in drafts]


def event_id_for(article_id: str, start_char: int, event_type: str) -> str:
    """A stable id from where the event is reported."""
    return hashlib.sha256(f"{article_id}:{start_char}:{event_type}".encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- sentences


def _sentence_cues(sentence: Span, ctx: _Context, lead: bool) -> list[_Cue]:
    """The events of one sentence: at most one per type, in text order."""
    reports = _reports(sentence, ctx)
    governed: dict[int, _Report] = {}
    for report in reports:
        for head in report.content:
            for token in _clause_tokens(head):
                governed.setdefault(token.i, report)
    cues: list[_Cue] = []
    for token in sentence:
        if ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        if _is_clause_head(token):
            cue = _classify_clause(token, ctx, governed.get(token.i), lead)
            if cue:
                cues.append(cue)
    taken = {c.key.i for c in cues} | {c.head.i for c in cues}
    heads = {c.head.i for c in cues}
    for token in sentence:
        if token.head.i in heads and token.dep_ in _SUBJECT_DEPS + _OBJECT_DEPS:
            continue  # "the futures contract fell": what the typed clause is about
        if token.i in taken or ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        cue = _nominal_cue(token, ctx, reports)
        if cue:
            cues.append(cue)
            taken.add(token.i)
    for report in reports:
        cue = _statement_cue(report, cues, reports, ctx)
        if cue:
            cues.append(cue)
    for c in cues:
        c.hypothetical = _hypothetical(c.key) or _hypothetical(c.head)
        if c.event_type == _STATEMENT and c.report is None and reports:
            c.report = reports[0]  # "Addressing a press conference, the minister said ..."
    for c in cues:
        if c.event_type == _STATEMENT and c.report is not None and c.report.verb is not None:
            # "told a forum", "speaking at a two-day forum, the minister said": where it was said
            verb = c.report.verb
            speaking = {verb.i} | {
                a.i for a in verb.children if a.dep_ == "advcl" and a.tag_ == "VBG"
            }
            c.venue = next(
                (
                    m
                    for m in cues
                    if m.event_type == _MEETING
                    and m.rank == 3
                    and (m.key.head.i in speaking or m.key.head.head.i in speaking)
                ),
                None,
            )
    _remember_speaker(reports, ctx)
    return _choose(cues)


def _choose(cues: list[_Cue]) -> list[_Cue]:
    """One cue per type, the most salient; secondary ones only on strong evidence."""
    best: dict[str, _Cue] = {}
    for cue in sorted(cues, key=lambda c: (c.rank, -c.strength, c.key.i)):
        current = best.get(cue.event_type)
        if current is None:
            best[cue.event_type] = cue
        elif cue.event_type in _DURATION_TYPES:
            current.also += [cue.head.i, cue.key.i]  # "the fire, which started Tuesday, ..."
    if not best:
        return []
    ordered = sorted(best.values(), key=lambda c: (c.anaphoric, c.rank, -c.strength, c.key.i))
    if any(c.event_type != _OTHER and not c.anaphoric for c in ordered):
        ordered = [c for c in ordered if c.event_type != _OTHER]  # OTHER only when nothing else
    primary = ordered[0]
    kept = [primary] if primary.strength >= _PRIMARY_MIN else []
    for cue in ordered[1:]:
        if cue.strength >= _SECONDARY_MIN and not (cue.figure and cue.rank >= 2):
            kept.append(cue)
    return sorted(kept, key=lambda c: min(c.key.i, c.head.i))


def _hypothetical(token: Token) -> bool:
    """Under "expectations that ...", "bets on ...": not something that happened."""
    node = token
    for _ in range(12):
        if node.head == node:
            return False
        below, node = node, node.head
        if node.pos_ == "NOUN" and node.lower_ in _HYPOTHESIS_NOUNS:
            return True
        if node.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ in _HYPOTHESIS_NOUNS and c != below for c in node.children
        ):
            return True  # "boosting bets on a rate cut", "fuelled hopes of a deal"
        if node.dep_ == "ROOT":
            return False
    return False


def _is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.pos_ == "AUX" and token.dep_ not in ("ROOT", "conj", "ccomp", "relcl", "advcl"):
        return False
    return token.dep_ in _CLAUSE_DEPS


def _clause_tokens(head: Token) -> list[Token]:
    """The head and the clause heads nested anywhere under it."""
    return [head] + [t for t in head.subtree if t != head and _is_clause_head(t)]


def _rank(head: Token, body_start: int) -> int:
    """How central a clause is: the main clause 0, its complements 1, subordinates 2."""
    if head.dep_ == "acl" and _is_orphan(head.head, body_start):
        return 0  # "LONDON - inflation held at 3.8%": the main clause, hung on the dateline
    rank = 0
    node = head
    while node.dep_ != "ROOT" and node.head != node:
        if node.dep_ in ("ccomp", "xcomp", "parataxis", "csubj"):
            # what a reporting verb reports is as central as the reporting verb
            if node.head.lemma_.lower() not in REPORTING_VERBS:
                rank = max(rank, 1)
        elif node.dep_ != "conj":
            rank = max(rank, 2)
        node = node.head
    return rank


# --------------------------------------------------------------------------- reporting


def _reports(sentence: Span, ctx: _Context) -> list[_Report]:
    """The sentence's reporting verbs and "according to" phrases, with what they report."""
    out: list[_Report] = []
    for token in sentence:
        if ctx.quoted(token) or token.idx < ctx.body_start:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in REPORTING_VERBS:
            deps = {c.dep_ for c in token.children}
            if lemma == "call" and not deps & {"prep", "ccomp", "oprd"}:
                continue  # "call for", "called it ...", not "call the airline"
            if lemma == "point" and not any(c.lower_ == "out" for c in token.children):
                continue
            content = [
                c
                for c in token.children
                if c.dep_ in ("ccomp", "parataxis", "xcomp") and _is_clause(c) and not ctx.quoted(c)
            ]
            orphaned = [
                c for t in _orphans(sentence, ctx.body_start) for c in t.children if c.dep_ == "acl"
            ]
            if token.dep_ == "ROOT" and orphaned:
                content.extend(orphaned)
            elif not _is_report(token, sentence, ctx):
                continue
            speaker = _subject(token, ctx.body_start)
            if token.dep_ in ("parataxis", "ccomp", "advcl", "conj") and token.head.i < token.i:
                head_reports = token.head.lemma_.lower() in REPORTING_VERBS
                edge = token.left_edge.i
                after_comma = edge > 0 and token.doc[edge - 1].is_punct
                if not head_reports and (token.dep_ != "conj" or after_comma):
                    content.append(token.head)
            if token.dep_ == "advcl" and token.tag_ == "VBG" and token.i < token.head.i:
                content = [c for c in content if c != token.head]
            out.append(_Report(token, speaker, _speaker_kind(speaker, ctx), content))
        elif token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if source is not None:
                top = token.head
                while top.dep_ in ("advcl", "conj", "xcomp") and top.head != top:
                    top = top.head  # "X reached ..., while Y stood at ..., according to Z"
                out.append(_Report(None, source, _speaker_kind(source, ctx), [top]))
    return out


def _is_report(verb: Token, sentence: Span, ctx: _Context) -> bool:
    """A reporting verb used to report: it governs a clause or a quote, or is a speech act."""
    lemma = verb.lemma_.lower()
    if lemma == "appeal" and ctx.in_legal_sentence(verb):
        return False
    if verb.dep_ in ("acl", "amod") or (
        verb.tag_ == "VBN"
        and verb.dep_ != "conj"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return False  # "the line, estimated to cost $4.8 billion"
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "is expected to", "was said to": nobody speaks
    if lemma in _SPEECH_ACTS:
        return True
    if any(c.dep_ in ("ccomp", "parataxis") and _is_clause(c) for c in verb.children):
        return True
    if lemma not in ("show", "report", "release", "publish", "announce") and any(
        c.dep_ == "xcomp" for c in verb.children
    ):
        return True
    if verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.i < verb.i:
        # "exports rose 5%, the bureau said", not "said the deals had added momentum"
        edge = verb.left_edge.i
        after_comma = edge > 0 and verb.doc[edge - 1].is_punct
        if after_comma and verb.head.lemma_.lower() not in REPORTING_VERBS:
            return True
        if verb.dep_ != "conj":
            return False
    if verb.dep_ == "advcl" and verb.head.i < verb.i and verb.tag_ != "VBG":
        return True
    if lemma in ("speak", "address", "tell"):
        return True
    if lemma in ("say", "add", "write", "state", "note"):
        # '"...," the minister said': the quote is what is said
        return any(s < sentence.end_char and sentence.start_char <= e for s, e in ctx.quotes)
    return False


def _is_clause(token: Token) -> bool:
    """A verb with its own subject or auxiliary: "that it will ban", not "Rs 5 lakh"."""
    if token.pos_ not in ("VERB", "AUX") or token.lower_ in _NUMBER_WORDS:
        return False  # "announced an ex gratia of Rs 5 lakh": a number the parser took for a verb
    if token.dep_ in ("xcomp", "parataxis"):
        return True
    return any(c.dep_ in (*_SUBJECT_DEPS, "aux", "auxpass", "expl", "mark") for c in token.children)


def _speaker_kind(speaker: Token | None, ctx: _Context) -> str:
    """institution, company, data, official, person, nonofficial or none."""
    if speaker is None:
        return "none"
    lemma = speaker.lemma_.lower()
    if lemma in _PRONOUNS or speaker.lower_ in ("who", "which", "that"):
        if speaker.lower_ in ("he", "she"):
            return ctx.last_person[1]
        if ctx.last_speaker[1] in ("institution", "company"):
            return ctx.last_speaker[1]  # "it also reported ...": the company or body last quoted
        return "institution"
    phrase = _noun_phrase(speaker)
    words = {t.lower_ for t in phrase}
    if words & _NON_OFFICIAL_WORDS:
        return "nonofficial"
    if lemma in _DATA_NOUNS or (words & {"data", "figures", "statistics", "estimates"}):
        return "data"
    people = [
        m for t in phrase if (m := _resolve(ctx.mention_at(t), ctx)) and m.entity_type == "PERSON"
    ]
    close = [speaker] + [c for c in speaker.children if c.dep_ in ("compound", "poss", "appos")]
    mention = people[0] if people else _resolve(_mention_in(close, ctx), ctx)
    if lemma in _OFFICIAL_WORDS and (mention is None or mention.entity_type != "PERSON"):
        return "official"
    if mention and mention.entity_type == "PERSON":
        affiliated = any(
            (m := ctx.mention_at(t)) and m.entity_type == "ORG" for t in phrase if t.i < speaker.i
        )  # "NBS senior statistician Zhang Yuhan" speaks for the NBS
        if _is_company(mention.canonical, set()) and not words & _OFFICIAL_WORDS:
            return "company"  # "Flandria Air said", a carrier the tagger took for a person
        titled = bool(words & _OFFICIAL_WORDS) or _has_title_nearby(speaker) or affiliated
        known = ctx.roles.get(mention.canonical, "person") != "person"
        official = titled or bool(known)
        return "official" if official else "person"
    if mention and mention.entity_type in ("ORG", "GPE", "NORP"):
        return "company" if _is_company(mention.canonical, words) else "institution"
    if lemma == "bank" and words & {"central", "reserve", "national", "state"}:
        return "institution"
    if lemma in _COMPANY_NOUNS and lemma != "board":
        return "company"
    if words & _OFFICIAL_WORDS or lemma in _GOVERNMENT_NOUNS or lemma in _POLICE_NOUNS:
        return "official" if lemma in _OFFICIAL_WORDS else "institution"
    if lemma in _COURT_NOUNS or lemma in _MILITARY_NOUNS:
        return "institution"
    if speaker.pos_ == "PROPN":
        name = " ".join(t.text for t in phrase if t.pos_ == "PROPN")
        return "company" if _COMPANY_NAME.search(name) or _COMPANY_SUFFIX.search(name) else "person"
    return "nonofficial"


def _title_class(token: Token) -> str:
    """government, company or person: what the role words beside a name say."""
    sent = token.sent
    start = max(sent.start, token.left_edge.i - 6)
    near = [t.lower_ for t in token.doc[start : min(sent.end, token.i + 8)]]
    if any(w in _NON_OFFICIAL_WORDS for w in near):
        return "person"
    if any(w in ("judge", "justice", "magistrate") for w in near):
        return "court"
    if any(w in _CORPORATE_TITLES for w in near):
        return "company"
    if any(w in _OFFICIAL_WORDS for w in near):
        return "government"
    return "person"


def _has_title_nearby(token: Token) -> bool:
    """ "Vice Minister Xiong Jijun", "Xiong, a senior official": a role word beside the name."""
    sent = token.sent
    start = max(sent.start, token.left_edge.i - 6)
    before = [t.lower_ for t in token.doc[start : token.left_edge.i]]
    after = [t.lower_ for t in token.doc[token.i + 1 : min(sent.end, token.i + 8)]]
    if any(w in _NON_OFFICIAL_WORDS for w in before[-4:] + after[:6]):
        return False
    return any(w in _OFFICIAL_WORDS for w in before + after[:6])


def _is_company(name: str, words: set[str]) -> bool:
    """A company's name: a legal suffix, else an industry word in a name that is not a body's."""
    if _CENTRAL_BANK.search(name) or _GOVERNMENT_NAME.search(name):
        return False
    if _COMPANY_SUFFIX.search(name):
        return True
    return bool(_COMPANY_NAME.search(name)) or bool(words & _COMPANY_NOUNS)


def _remember_speaker(reports: list[_Report], ctx: _Context) -> None:
    """The sentence's main speaker, for "he said" and "the spokesperson said" further on."""
    verbs = [(r, r.verb) for r in reports if r.verb is not None]
    ranked = [r for r, _ in sorted(verbs, key=lambda rv: (_rank(rv[1], ctx.body_start), rv[1].i))]
    for report in ranked[:1]:
        if report.speaker is None or report.speaker.lemma_.lower() in _PRONOUNS:
            continue
        phrase = _noun_phrase(report.speaker)
        people = [m for t in phrase if (m := ctx.mention_at(t)) and m.entity_type == "PERSON"]
        if people:
            ctx.last_person = (people[0].canonical, report.kind)
        if report.kind in ("none", "data", "nonofficial"):
            continue
        mention = people[0] if people else _mention_in(phrase, ctx)
        if mention is None and report.speaker.lemma_.lower() in _OFFICIAL_WORDS:
            continue  # "the spokesperson said": the same speaker as before
        ctx.last_speaker = (mention.canonical if mention else None, report.kind)


def _statement_cue(
    report: _Report, cues: list[_Cue], reports: list[_Report], ctx: _Context
) -> _Cue | None:
    """A reporting verb with nothing more specific under it: a STATEMENT by an official."""
    if report.verb is None or report.kind not in ("institution", "official", "company"):
        return None
    verb = report.verb
    outer = [r for r in reports if r is not report and r.verb is not None]
    if any(verb.i in {t.i for c in r.content for t in _clause_tokens(c)} for r in outer):
        return None  # "Liu said China welcomes ...": what is welcomed is Liu's statement
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return None  # "said ... and noted that ...": one speech
    if verb.tag_ == "VBG" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        # "..., adding that ...": the same speech as the sentence's other reporting verb
        if verb.dep_ == "advcl" and verb.head.lemma_.lower() in REPORTING_VERBS:
            return None
        if any(c.report is not None and c.report is not report for c in cues):
            return None
    if any(c.report is report and c.event_type != _STATEMENT and not c.anaphoric for c in cues):
        return None
    lemma = verb.lemma_.lower()
    if lemma in ("show", "indicate", "reveal"):
        return None  # data shows; people say
    if lemma in _HEDGES:
        # "the weather service forecast more rain": a weak statement; an estimate is not one
        if lemma not in ("forecast", "expect"):
            return None
        return _Cue(_STATEMENT, verb, verb, 0.5, _rank(verb, ctx.body_start), report=report)
    strength = 0.75 if report.kind in ("official", "institution") else 0.6
    return _Cue(_STATEMENT, verb, verb, strength, _rank(verb, ctx.body_start), report=report)


# --------------------------------------------------------------------------- clauses


def _classify_clause(head: Token, ctx: _Context, report: _Report | None, lead: bool) -> _Cue | None:
    """The event a clause reports, typed from its predicate and arguments, else None."""
    lemma = head.lemma_.lower()
    rank = _rank(head, ctx.body_start)
    subject, passive = _subject_of(head, ctx.body_start)
    objects = _objects(head, ctx.body_start)
    particle_token = _particle(head)
    particle = particle_token.lower_ if particle_token is not None else ""
    tense = _tense(head)
    if any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in head.children
    ):
        return None  # "did not agree", "airlines typically negotiate": nothing happened
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    warned = (
        report is not None
        and report.verb is not None
        and (report.verb.lemma_.lower() in ("warn", "threaten", "caution"))
    )  # "warned that looters would be prosecuted": a warning, not a prosecution
    told = report is not None and modals <= {"would"} and not warned
    hedge = 0.15 if tense == "modal" and not told else 0.0

    def cue(
        event_type: str, key: Token, strength: float, figure: bool = False, released: bool = False
    ) -> _Cue:
        if event_type == _STATEMENT and key.pos_ == "NOUN" and tense == "future":
            event_type = _MEETING  # "the next briefing will be held on Friday": not said yet
        back = any(
            _anaphoric(n) and (_noun_type(n, ctx) == event_type or n.lemma_.lower() in _RATE_NOUNS)
            for n in objects
            + _xcomp_nouns(head, ctx.body_start)
            + ([subject] if subject is not None else [])
        )
        if back and rank >= 2:
            strength -= 0.25  # "before the law took effect": background already told
        return _Cue(
            event_type,
            head,
            key,
            max(0.05, strength - hedge),
            rank,
            figure=figure,
            released=released,
            report=report,
            anaphoric=back or (key.pos_ in ("NOUN", "PROPN") and _anaphoric(key)),
        )

    # acl/relcl on an event noun: the noun's event ("a ceasefire agreed in July").
    orphan = head.dep_ == "acl" and _is_orphan(head.head, ctx.body_start)
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN") and not orphan:
        noun_type = _noun_type(head.head, ctx)
        happening = lemma in _HAPPENING_VERBS or _has_time(head)
        if noun_type and noun_type != _STATEMENT and happening:
            return cue(noun_type, head.head, 0.7)
    # Phrasal verbs.
    if particle and (lemma, particle) in PHRASAL_TYPES:
        event_type = PHRASAL_TYPES[(lemma, particle)]
        if event_type:
            return cue(event_type, head, 0.85)
        if (lemma, particle) == ("set", "up"):
            actor = _actor_class(subject, ctx)
            return cue(_CORPORATE if actor == "company" else _OTHER, head, 0.6)
    if lemma == "take" and any(o.lemma_.lower() == "effect" for o in objects):
        return cue(_POLICY, head, 0.8)
    if lemma == "take" and any(o.lemma_.lower() == "part" for o in objects):
        for noun in _prep_objects(head):
            noun_type = _noun_type(noun, ctx)
            if noun_type:
                return cue(noun_type, noun, 0.8)
    # Decisions on rates, taxes and forecasts.
    if lemma in _DECISION_VERBS:
        decided = _decision(head, subject, objects, ctx)
        if decided:
            return cue(decided[0], decided[1], 0.85)
    # Figures.
    event_arguments = any(
        _noun_type(n, ctx) not in (None, _DATA, _STATEMENT) and _measured(n, ctx) is None
        for n in objects + ([subject] if subject is not None else [])
    )
    known = subject is not None and _measured(subject, ctx) is not None
    if (
        (lemma in CHANGE_VERBS or lemma in LEVEL_VERBS or particle in ("up", "down"))
        and not event_arguments
        and (_has_figure(head, ctx.body_start) or (lemma in CHANGE_VERBS and known))
    ):
        return _figure(head, subject, ctx, report, lead)
    # Results and statistics: "reported a 14% rise in net profit", "data showed a surplus".
    if lemma in _RESULT_VERBS:
        kind = _speaker_kind(subject, ctx) if subject is not None else "none"
        for noun in objects:
            measured = _measured(noun, ctx)
            if measured == "revenue":
                measured = "corporate" if kind == "company" else "macro"
            if measured == "corporate" or (measured == "macro" and kind == "company"):
                return cue(_CORPORATE, head, 0.85, released=True, figure=True)
            if measured == "macro" and kind in ("institution", "data"):
                return cue(_DATA, head, 0.85, released=True, figure=True)
    # Light verbs typed by their object.
    if lemma in _LIGHT_VERBS or lemma in REPORTING_VERBS:
        for noun in objects + _xcomp_nouns(head, ctx.body_start):
            noun_type = _noun_type(noun, ctx, verb=lemma)
            if noun_type and (not _anaphoric(noun) or noun_type in ctx.told):
                # "the contracts were awarded to ...": pointing back to an event already told
                adjusted = _adjust_by_actor(noun_type, lemma, subject, ctx)
                return cue(adjusted, noun, 0.8)
        if lemma in ("win", "lose", "take", "secure", "gain") and any(
            o.lemma_.lower() in ("seat", "majority", "mayoralty", "vote") for o in objects
        ):
            return cue(_ELECTION, head, 0.8, figure=_has_figure(head, ctx.body_start))
    if lemma in REPORTING_VERBS and _is_report(head, head.sent, ctx):
        return None  # what it reports is typed on its own
    for noun in objects if lemma != "be" else []:
        noun_type = _noun_type(noun, ctx)
        if noun_type in (_PROTEST, _CONFLICT, _DISASTER) and not _anaphoric(noun):
            return cue(noun_type, noun, 0.7)  # "police dispersed protesters", "fought the blaze"
    if (
        report is not None
        and report.kind in ("institution", "data")
        and _has_figure(head, ctx.body_start)
        and not _hedged(head)
    ):
        # "Overseas workers sent home $3.2 billion, the central bank said"
        nouns = ([subject] if subject is not None else []) + objects
        if any(_measured(n, ctx) == "macro" for n in nouns):
            return cue(_DATA, report.verb or head, 0.7, figure=True, released=True)
    # Verbs of fixed type, and ambiguous verbs checked against their subject.
    typed = _verb_type(head, lemma, subject, passive, objects, ctx, report)
    if typed:
        counted = typed[0] == _ELECTION and lemma in ("win", "lose", "take", "gain")
        return cue(typed[0], head, typed[1], figure=counted and _has_figure(head, ctx.body_start))
    if lemma in REPORTING_VERBS:
        return None  # "fighting ..., officials said": saying is not the fighting
    # An event noun as the subject: "the clashes erupted", "the forum opened".
    if (
        subject is not None
        and head.dep_ != "acl"
        and (lemma in _SUBJECT_TYPED or head.pos_ in ("AUX", "VERB"))
    ):
        noun_type = _noun_type(subject, ctx)
        weak = subject.lemma_.lower() in _WEAK_NOUNS and not any(
            (c.lemma_.lower(), subject.lemma_.lower()) in _COMPOUND_TYPES for c in subject.children
        )
        if noun_type and noun_type != _STATEMENT and not weak:
            strong = lemma in _SUBJECT_TYPED
            return cue(noun_type, subject, 0.7 if strong else 0.55)
    return None


def _decision(
    head: Token, subject: Token | None, objects: list[Token], ctx: _Context
) -> tuple[str, Token] | None:
    """ "cut its policy rate", "left it unchanged", "raised its forecast": type and key word."""
    actor = _actor_class(subject, ctx) if subject is not None else None
    steady = any(c.lower_ in _STEADY_WORDS for c in head.children)
    for noun in objects:
        noun_lemma = noun.lemma_.lower()
        words = {t.lemma_.lower() for t in _noun_phrase(noun)}
        if noun_lemma in _FORECAST_NOUNS:
            return (_CORPORATE if actor == "company" else _STATEMENT), noun
        if noun_lemma in _RATE_NOUNS or words & {"rate", "rates"}:
            if noun_lemma in ("price", "fee", "fees") and actor == "company":
                return _CORPORATE, noun
            return _POLICY, noun
        mention = ctx.mention_at(noun)
        if mention and "rate" in mention.canonical.lower():
            return _POLICY, noun
        if noun_lemma in ("it", "them") and actor == "government" and steady:
            return _POLICY, head
    holding = head.lemma_.lower() in ("keep", "hold", "leave")
    if (
        actor == "government"
        and holding
        and any(t.lower_ in ("rate", "rates") for t in head.subtree)
    ):
        return _POLICY, head
    return None


def _figure(
    head: Token, subject: Token | None, ctx: _Context, report: _Report | None, lead: bool
) -> _Cue | None:
    """A figure clause ("exports rose 5%"), typed by what it measures and who says so."""
    if _hedged(head):
        return None
    rank = _rank(head, ctx.body_start)
    lemma = head.lemma_.lower()
    measured = _measured(subject, ctx) if subject is not None else None
    if measured is None and lemma in ("post", "report", "record", "register"):
        for noun in _objects(head, ctx.body_start):
            measured = _measured(noun, ctx) or measured
    if measured is None and subject is not None and lemma in CHANGE_VERBS:
        # "Harbor Bancorp jumped 6.2%": a company's shares; not "the company added 300 staff"
        counted = any(
            c.dep_ == "dobj"
            and c.ent_type_ not in ("PERCENT", "MONEY")
            and c.lower_.rstrip(".") not in _PRICE_UNITS
            for c in head.children
        )
        priced = any(t.ent_type_ in ("PERCENT", "MONEY") or t.text == "%" for t in head.subtree)
        if _actor_class(subject, ctx) == "company" and priced and not counted:
            measured = "market"
    if subject is not None and lemma in _FALLS and _actor_class(subject, ctx) == "vehicle":
        return _Cue(_DISASTER, head, head, 0.8, rank, report=report)  # "a bus plunged 200 m"
    if measured == "market":
        return _Cue(_MARKET, head, head, 0.8, rank, figure=True, report=report)
    if measured == "election":
        return _Cue(_ELECTION, head, head, 0.6, rank, figure=True, report=report)
    kind = report.kind if report else "none"
    if measured == "revenue":
        # a company's revenue, or a state's: as told by whom
        measured = {"company": "corporate", "none": None}.get(kind, "macro")
    if measured == "macro" and kind == "company":
        measured = "corporate"  # "the carmaker said its domestic sales rose 11%"
    if measured == "corporate":
        released = kind in ("company", "institution", "official") or lead
        return _Cue(
            _CORPORATE, head, head, 0.75, rank, figure=True, released=released, report=report
        )
    if kind in ("official", "person", "nonofficial"):
        return None  # figures cited by a person: that person's STATEMENT, if any
    released = kind in ("institution", "data", "company") or (lead and kind == "none")
    if measured is None and not _has_amount(head):
        return None  # "112 people had lost their lives": a count, not a statistic
    if measured is None and not released:
        # figures of something unnamed: an elaboration of the story's data, if it has any
        return _Cue(_DATA, head, head, 0.4, rank, figure=True, report=report)
    strength = 0.8 if measured == "macro" else 0.55
    key = report.verb if report and report.verb is not None and released else head
    return _Cue(_DATA, head, key, strength, rank, figure=True, released=released, report=report)


def _measured(noun: Token, ctx: _Context) -> str | None:
    """What a figure's noun measures: market, corporate, macro, revenue (a company's or a
    state's) or election (turnout), else None."""
    lemma = noun.lemma_.lower()
    phrase = _noun_phrase(noun)
    words = {t.lemma_.lower() for t in phrase if t.i != noun.i}
    if lemma in ("rise", "increase", "fall", "decline", "drop", "growth", "gain", "loss"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return _measured(pobj, ctx)
    mention = ctx.mention_at(noun)
    if mention and mention.entity_type == "ORG" and _INDEX_NAMES.search(mention.canonical):
        return "market"
    if _INDEX_NAMES.search(" ".join(t.text for t in phrase)):
        return "market"  # "the Nikkei share average", "the Hang Seng index"
    if lemma in ("price", "prices", "cost", "costs"):
        of_words = {
            t.lemma_.lower()
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in c.subtree
        }
        if (words | of_words) & _COMMODITIES and not words & _MACRO_MODIFIERS:
            return "market"
        return "macro"
    if lemma in ("stock", "stocks") and words & _COMMODITIES:
        return "macro"
    if lemma == "contract" and words & {"futures", "future", "benchmark"}:
        return "market"
    if lemma == "index" and words & {"price", "consumer", "producer", "manufacturing"}:
        return "macro"
    if lemma == "product" and words & {"domestic", "gross", "national"}:
        return "macro"
    if lemma in _CORP_METRICS:
        if words & {"tax", "government", "fiscal", "state", "gst", "customs", "non-oil", "oil"}:
            return "macro"
        if lemma in ("revenue", "revenues", "income") and not _company_owned(noun, ctx):
            return "revenue"  # a state's as much as a company's: the reporter decides
        return "corporate"
    if lemma in ("revenue", "sales", "sale", "investment", "earnings") and _company_owned(
        noun, ctx
    ):
        return "corporate"
    if lemma in _MARKET_NOUNS and not (lemma in ("market", "markets") and words & {"job", "labor"}):
        return "market"
    if lemma in _MACRO_NOUNS or (
        lemma == "rate" and words & {"unemployment", "inflation", "jobless"}
    ):
        return "macro"
    if words & {"gdp", "inflation", "export", "import", "trade", "cpi"} and lemma in (
        "rate",
        "value",
        "volume",
        "total",
    ):
        return "macro"
    if lemma == "turnout" and not words & {"protest", "rally", "march", "strike"}:
        return "election"
    return None


def _company_owned(noun: Token, ctx: _Context) -> bool:
    """ "its revenue", "Tsubasa's sales": a company's own figure."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ in ("its", "their"):
                return True
            mention = ctx.mention_at(child)
            if mention and mention.entity_type == "ORG":
                return _is_company(mention.canonical, set())
    return False


def _verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    passive: bool,
    objects: list[Token],
    ctx: _Context,
    report: _Report | None = None,
) -> tuple[str, float] | None:
    """A verb's type with its evidence, from its lemma and, for ambiguous verbs, its actor."""
    actor = _actor_class(subject, ctx) if subject is not None and not passive else None
    if subject is not None and subject.lower_ in _PRONOUNS and report is not None:
        actor = _actor_class(report.speaker, ctx)  # "the airline said it had offered ..."
    elif subject is not None and subject.lower_ == "it":
        # "the bus was travelling ... when it veered off the road": the sentence's subject
        earlier = [t for t in head.sent if t.dep_ in _SUBJECT_DEPS and t.i < subject.i]
        if earlier and earlier[0].pos_ in ("NOUN", "PROPN"):
            actor = _actor_class(earlier[0], ctx)
    agent = _agent(head)
    if passive and agent is not None:
        actor = _actor_class(agent, ctx)
    subject_event = _noun_type(subject, ctx) if subject is not None else None
    if lemma in VERB_TYPES:
        return _fixed_verb_type(head, lemma, subject, actor, objects, ctx)
    xtype = _xcomp_type(head, ctx)
    if lemma == "agree":
        return (xtype or _AGREEMENT), 0.8
    if lemma == "vote":
        if actor == "voters" or (subject is not None and subject.lemma_.lower() in _VOTER_NOUNS):
            return _ELECTION, 0.8
        return (xtype or _POLICY), 0.7  # "the committee voted to hold the rate"
    if xtype and lemma in ("plan", "decide", "move", "seek", "aim", "vow", "pledge"):
        return xtype, 0.6
    aiming = lemma in ("aim", "target", "seek", "intend")
    if aiming and actor == "government" and any(c.dep_ == "xcomp" for c in head.children):
        return _POLICY, 0.6  # "the country aims to triple renewable capacity by 2030"
    legal = _legal_verb_type(head, lemma, subject, actor, objects, ctx)
    if legal:
        return legal
    if lemma in _GOVERNMENT_VERBS and actor == "government":
        return _POLICY, (0.8 if lemma in ("approve", "pass", "adopt", "lift") else 0.65)
    if lemma in _GOVERNMENT_VERBS and actor == "company" and lemma in _COMPANY_VERBS | {"approve"}:
        return _CORPORATE, 0.7  # "the board approved capital expenditure"
    if lemma in _GATHERING_VERBS:
        if subject_event == _MEETING or any(_noun_type(o, ctx) == _MEETING for o in objects):
            return _MEETING, 0.8
        guests = ("delegation", "counterpart", "visit", "talks")
        if lemma in _VISIT_VERBS and any(t.lemma_.lower() in guests for t in head.subtree):
            return _MEETING, 0.7
        if lemma == "arrive" and actor == "official":
            return _MEETING, 0.6
    if lemma in _COMPANY_VERBS:
        executive = lemma in ("name", "resign", "retire", "succeed") and any(
            t.lower_ in ("ceo", "chief", "executive", "chairman") for t in head.subtree
        )
        if actor == "company" or executive:
            return _CORPORATE, 0.75
    harm = _harm_verb_type(head, lemma, subject, actor, subject_event, passive, ctx)
    if harm:
        return harm
    if lemma in ("march", "rally", "strike", "gather") and actor == "workers":
        return _PROTEST, 0.8
    if lemma in ("march", "rally") and actor not in ("military", "government", "company"):
        return _PROTEST, 0.7
    ballot = ("election", "vote", "seat", "poll", "ballot", "race", "mayoralty")
    if lemma in ("win", "lose", "campaign", "contest") and any(
        t.lemma_.lower() in ballot for t in head.subtree
    ):
        return _ELECTION, 0.8
    lives_lost = lemma == "lose" and any(o.lemma_.lower() in ("life", "lives") for o in objects)
    if lives_lost or lemma == "die" or (passive and lemma in ("kill", "injure", "wound")):
        return _TOLL, 0.6  # a toll: of the story's disaster or fighting
    if lemma in _DISRUPTION_VERBS and actor not in ("government", "court"):
        return _OTHER, 0.5
    return None


def _fixed_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    objects: list[Token],
    ctx: _Context,
) -> tuple[str, float] | None:
    """The lexicon's verbs, with the few arguments that change their reading."""
    event_type = VERB_TYPES[lemma]
    if lemma == "sign":
        for noun in objects:
            noun_type = _noun_type(noun, ctx)
            if noun_type in (_POLICY, _CORPORATE):
                return noun_type, 0.8  # "signed the bill into law"
    if event_type == _CORPORATE and actor == "government" and lemma in ("invest", "appoint"):
        return (_POLICY if lemma == "invest" else _CORPORATE), 0.6
    if lemma == "discuss" and subject is not None and actor in ("person", None):
        return _MEETING, 0.6
    private = actor in ("company", "person", "organisation", None) and subject is not None
    if event_type == _POLICY and private and subject is not None and subject.lower_ != "it":
        return None  # "the developer imposed one-sided terms", "used tips to subsidize pay"
    if lemma == "meet" and any(o.lemma_.lower() in _NOT_MET for o in objects):
        return None  # "meet the needs of 4 million households"
    if event_type == _OTHER and not _happened(head) and head.dep_ != "xcomp":
        return None  # "7 million people are displaced": a state, not a happening
    return event_type, 0.85


def _legal_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    objects: list[Token],
    ctx: _Context,
) -> tuple[str, float] | None:
    """Rulings, charges, appeals: verbs that are LEGAL in a court's or the police's hands."""
    court = actor == "court" or any(
        t.lemma_.lower() in _COURT_NOUNS for t in (subject.subtree if subject else [])
    )
    if lemma in _COURT_VERBS and court:
        return _LEGAL, 0.85
    with_charge = any(c.lower_ == "with" for c in head.children)
    if lemma == "charge" and (with_charge or actor in ("police", "court")):
        return _LEGAL, 0.8
    courtroom = ctx.in_legal_sentence(head)
    contested = any(_noun_type(o, ctx) in (_POLICY, _LEGAL) for o in objects)
    if lemma in ("appeal", "challenge", "contest") and (courtroom or contested):
        return _LEGAL, 0.8  # "would appeal to the 9th Circuit", "laws have been challenged"
    if lemma == "find" and any(t.lower_ in ("guilty", "innocent") for t in head.children):
        return _LEGAL, 0.85
    filed = ("case", "complaint", "lawsuit", "suit", "charge")
    if lemma in ("register", "file") and any(o.lemma_.lower() in filed for o in objects):
        return _LEGAL, 0.8
    if lemma in ("raid", "seize", "investigate", "probe") and actor in ("police", "court"):
        return _LEGAL, 0.75
    return None


def _harm_verb_type(
    head: Token,
    lemma: str,
    subject: Token | None,
    actor: str | None,
    subject_event: str | None,
    passive: bool,
    ctx: _Context,
) -> tuple[str, float] | None:
    """Killing, destroying, crashing: CONFLICT or DISASTER by who or what did it."""
    if lemma in _HARM_ACTS:
        if subject_event in (_DISASTER, _CONFLICT):
            return subject_event, 0.8
        if actor == "military":
            return _CONFLICT, 0.8
        if actor == "vehicle" and lemma in ("hit", "strike"):
            return _DISASTER, 0.7
        if lemma == "strike" and actor == "workers":
            return _PROTEST, 0.8
        if passive and lemma in ("kill", "injure", "wound"):
            cause = _cause(head, ctx)
            if cause:
                return cause, 0.7
    if actor == "vehicle" and lemma in _ACCIDENT_VERBS:
        return _DISASTER, 0.8
    if lemma in _BREAKDOWN_VERBS:
        if actor in ("vehicle", "building") or subject_event == _DISASTER:
            return _DISASTER, 0.8
        if lemma in ("explode", "burn", "flood"):
            return _DISASTER, 0.8
        if lemma == "collapse" and subject is not None and subject.lemma_.lower() in _STRUCTURES:
            return _DISASTER, 0.85
    return None


def _happened(verb: Token) -> bool:
    """A happening, not a state: "people fled", "were evacuated", not "are displaced"."""
    return _tense(verb) in ("past", "perfect", "pluperfect") or verb.tag_ == "VBG"


def _cause(head: Token, ctx: _Context) -> str | None:
    """The event behind a passive toll: "were killed after a building collapsed"."""
    for token in head.subtree:
        if token == head:
            continue
        noun_type = _noun_type(token, ctx) if token.pos_ in ("NOUN", "PROPN") else None
        if noun_type in (_DISASTER, _CONFLICT):
            return noun_type
        if token.pos_ == "VERB" and token.lemma_.lower() in ("collapse", "crash", "explode"):
            return _DISASTER
    return None


def _xcomp_type(head: Token, ctx: _Context) -> str | None:
    for child in head.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            lemma = child.lemma_.lower()
            if lemma in VERB_TYPES:
                return VERB_TYPES[lemma]
            if lemma in _DECISION_VERBS:
                decided = _decision(
                    child,
                    _subject_of(head, ctx.body_start)[0],
                    _objects(child, ctx.body_start),
                    ctx,
                )
                if decided:
                    return decided[0]
            if lemma in ("buy", "acquire", "build", "sell", "invest"):
                return _CORPORATE
            for noun in _objects(child, ctx.body_start):
                noun_type = _noun_type(noun, ctx)
                if noun_type:
                    return noun_type
    return None


def _adjust_by_actor(event_type: str, verb: str, subject: Token | None, ctx: _Context) -> str:
    """The same object under another actor: a company "approved capital expenditure"."""
    actor = _actor_class(subject, ctx) if subject is not None else None
    if event_type == _POLICY and actor == "company" and verb in ("approve", "announce", "launch"):
        return _CORPORATE
    if event_type == _AGREEMENT and verb == "award":
        return _CORPORATE
    if event_type == _CORPORATE and actor == "government" and verb in ("announce", "approve"):
        return _POLICY
    if event_type == _STATEMENT and verb in ("hold", "address", "attend") and actor is None:
        return _STATEMENT
    return event_type


# --------------------------------------------------------------------------- nouns


def _noun_type(noun: Token | None, ctx: _Context, verb: str = "") -> str | None:
    """The event type a noun names, from its lemma and its compounds, else None."""
    if noun is None:
        return None
    key = (noun.i, verb)
    if key not in ctx.noun_types:
        ctx.noun_types[key] = _read_noun_type(noun, ctx, verb)
    return ctx.noun_types[key]


def _read_noun_type(noun: Token, ctx: _Context, verb: str) -> str | None:
    """`_noun_type` of a token, unmemoized."""
    if noun.pos_ == "VERB" and noun.tag_ == "VBG" and noun.dep_ in ("nsubj", "dobj", "pobj"):
        return EVENT_NOUNS.get(noun.lower_)  # "Fighting ... killed 37"
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    for modifier in compounds:
        if (modifier, lemma) in _COMPOUND_TYPES:
            return _COMPOUND_TYPES[(modifier, lemma)]
    mention = ctx.mention_at(noun)
    if mention and mention.entity_type == "EVENT":
        if _ELECTION_NAME.search(mention.canonical):
            return _ELECTION
        return _MEETING if _GATHERING_NAME.search(mention.canonical) else None
    if mention and mention.entity_type == "LAW":
        return _POLICY if verb else None  # "passed the Data Act", not "under the Act"
    if mention and mention.entity_type in ("ORG", "FAC", "PRODUCT"):
        # "Comprehensive Economic Partnership Agreements", "Eastern Economic Forum"
        last = mention.canonical.split()[-1].lower().rstrip("s") if mention.canonical else ""
        named = EVENT_NOUNS.get(last) or EVENT_NOUNS.get(last + "s")
        if named in (_AGREEMENT, _MEETING) and last not in ("council", "session", "call"):
            return named
        if lemma not in _CONTAINER_NOUNS and _GATHERING_NAME.search(mention.canonical):
            return _MEETING  # "the Eastern Economic Forum (EEF)"
        if lemma not in _CONTAINER_NOUNS:
            return None
    if lemma in ("cut", "cuts", "hike", "hikes", "increase", "reduction", "rise") and any(
        t.lemma_.lower() in ("rate", "tax", "tariff", "duty", "levy")
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "of")
        for t in c.subtree
    ):
        return _POLICY  # "the recent cut in goods and services tax rates"
    if lemma in _CONTAINER_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = _noun_type(pobj, ctx, verb)
                        if inner:
                            return inner
                        if lemma == "edition" and pobj.pos_ == "PROPN":
                            return _MEETING  # "the ninth edition of the Ports Initiative"
    event_type = EVENT_NOUNS.get(lemma)
    if event_type is None:
        return None
    if lemma == "strike":
        # "air strikes", "a strike by troops" are fighting; workers strike otherwise
        actor_words = {t.lemma_.lower() for t in _noun_phrase(noun)}
        return (
            _CONFLICT
            if actor_words & (_MILITARY_NOUNS | {"air", "drone", "missile"})
            else (_PROTEST)
        )
    # Nouns whose reading depends on the verb that governs them.
    if lemma == "order":  # "placed an order for 40 jets", not "a court order"
        return _CORPORATE if verb in ("place", "win", "receive", "book", "secure") else None
    if lemma in ("release", "data", "figure", "statistic", "statistics", "estimate"):
        return _DATA if verb in ("release", "publish", "issue") else None
    if lemma == "contract" and verb in ("award", "win", "secure", "bag", "receive"):
        return _CORPORATE
    if verb and lemma in ("decision", "fire", "crash", "collapse"):
        return None  # "took a decision", "set fire to": the verb says what happened
    if verb and lemma == "investment" and verb not in ("announce", "approve", "make", "plan"):
        return None
    if lemma == "measure" and verb not in ("announce", "introduce", "impose", "adopt", "take"):
        return None
    if verb and lemma == "search" and not compounds:
        return None
    if lemma == "address" and verb != "deliver":
        return None  # an address is where, unless one is delivered
    if lemma == "call" and not compounds:
        return None  # "a conference call", "a phone call", not "calls for calm"
    if lemma in ("trip", "tour") and not verb:
        return None
    if lemma == "talk" and noun.lower_ != "talks":
        return None  # "talk of a deal" is not talks
    if lemma == "march" and noun.pos_ == "PROPN":
        return None  # the month
    return event_type


def _anaphoric(noun: Token) -> bool:
    """ "the ruling", "the deal": a definite noun with no name of its own points back."""
    if noun.lemma_.lower() in _CONTAINER_NOUNS:
        inner = [
            pobj
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        if inner:
            return _anaphoric(inner[0])  # "on the sidelines of the forum"
        dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
        if dets and dets[0] in _ANAPHORIC_DETERMINERS:
            return True  # "at the opening session": part of the gathering already told
    for poss in noun.children:
        if poss.dep_ == "poss" and poss.pos_ == "NOUN" and EVENT_NOUNS.get(poss.lemma_.lower()):
            return _anaphoric(poss)  # "the forum's sessions"
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0] not in _ANAPHORIC_DETERMINERS:
        return False
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nummod", "nmod")]
    if any(m.lower_ in _PARTS and m.pos_ != "PROPN" for m in modifiers):
        return True  # "at the opening ceremony": part of the gathering already told
    if any(m.tag_ in ("JJS", "RBS") or m.lower_ in ("first", "last") for m in modifiers):
        return False  # "the largest deal": one picked out of many
    if any(
        m.dep_ == "compound" and m.pos_ == "NOUN" and m.lemma_.lower() not in _TIME_UNITS
        for m in modifiers
    ):
        return False  # "the search operation", "the state budget": named by its kind
    named = [m for m in modifiers if m.pos_ == "PROPN" or m.lower_ in ("next", "new", "another")]
    numbered = [m for m in modifiers if m.like_num and "-" not in m.text]
    if named or numbered:
        return False  # "the 11th forum", "the next meeting", "the Doha talks": a new one
    # "the talks between X and Y", "the deal with Z": named by their parties
    return not any(
        c.dep_ == "prep" and c.lower_ in ("of", "on", "between", "with") for c in noun.children
    )


def _has_time(token: Token) -> bool:
    """A date or time named anywhere under the token."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _nominal_cue(token: Token, ctx: _Context, reports: list[_Report]) -> _Cue | None:
    """An event noun outside the typed clauses: a gathering, or a happening with its own date."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    if any(c.dep_ == "neg" or c.lower_ in _HABITUAL for c in token.head.children):
        return None  # "storms usually hit the coast", "did not hold talks"
    event_type = _noun_type(token, ctx)
    if event_type == _STATEMENT and token.dep_ in _SUBJECT_DEPS and _tense(token.head) == "future":
        event_type = _MEETING  # "the next briefing will be held on Friday": not said yet
    if event_type is None or event_type == _STATEMENT:
        return None
    lemma = token.lemma_.lower()
    compound_typed = any(
        (c.lemma_.lower(), lemma) in _COMPOUND_TYPES for c in token.children if c.dep_ == "compound"
    )
    lasting = any(
        "-" in c.text and c.dep_ in ("amod", "compound", "nummod") for c in token.children
    )
    owned = event_type == _POLICY and any(
        c.dep_ in ("poss", "compound") and _actor_class(c, ctx) == "government"
        for c in token.children
    )  # "the government's consumer goods programme"
    gathering = event_type == _MEETING and (lemma in ("session", "fair", "tour", "trip") or lasting)
    if lemma in _WEAK_NOUNS and not (compound_typed or owned or gathering or _own_time(token, ctx)):
        return None
    dated = _own_time(token, ctx)
    prep = token.head if token.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        # "on the second day of the Dubai Airshow", "the opening session of the congress"
        prep = prep.head.head if prep.head.dep_ == "pobj" else None
    setting = prep is not None and prep.lower_ in _NOMINAL_PREPS
    if prep is not None and prep.lower_ == "for" and event_type != _MEETING:
        setting = False  # "travel to Baku for talks", not "an alert for rainstorms"
    subject = token.dep_ in _SUBJECT_DEPS
    # Measures and rulings are news wherever they are named: "under a 15 percent tariff",
    # "supported by the trade-in programme", "a crackdown on illegal channels".
    standing = event_type in (_POLICY, _LEGAL) and token.pos_ == "NOUN" and not _anaphoric(token)
    if (
        prep is not None
        and prep.lower_ in ("in", "at")
        and any(r.verb is not None and prep.head == r.verb for r in reports)
    ):
        standing = False  # "wrote in her ruling", "said in a filing": where it was said
    if not (dated or setting or subject or standing):
        return None
    if _anaphoric(token) and not dated:
        return None
    governed_by_report = any(
        r.verb is not None and prep is not None and prep.head == r.verb for r in reports
    )
    if governed_by_report and event_type == _MEETING:
        strength = 0.6
    elif dated:
        strength = 0.65
    elif setting and event_type == _MEETING:
        strength = 0.6
    elif (
        setting
        and event_type in (_CONFLICT, _DISASTER, _PROTEST)
        and prep is not None
        and (prep.lower_ in ("after", "following", "amid", "despite"))
    ):
        strength = 0.6  # "arrested after clashes"
    elif standing:
        strength = 0.6
    else:
        strength = 0.5
    if lemma in _WEAK_NOUNS:
        strength -= 0.05
    return _Cue(event_type, token, token, strength, 3)


def _own_time(token: Token, ctx: _Context) -> bool:
    """ "a strike on November 13", "Monday's election", "the December meeting"."""
    if token.dep_ in _SUBJECT_DEPS and token.head.lemma_.lower() in (
        "be",
        "due",
        "schedule",
        "set",
    ):
        # "Its next decision is due on Nov. 6"
        for child in token.head.children:
            if child.dep_ in ("acomp", "xcomp", "prep", "npadvmod") and _has_time(child):
                return True
    for child in token.children:
        modifier = child.dep_ in ("poss", "compound", "nmod", "npadvmod", "amod")
        if modifier and _in_time(child, ctx):
            return True
        dating = child.dep_ == "prep" and child.lower_ in ("on", "in", "for", "from")
        if dating and any(_in_time(t, ctx) for t in child.subtree):
            return True
    return False


def _in_time(token: Token, ctx: _Context) -> bool:
    """The token is part of a dated time expression."""
    return any(
        t.start_char <= token.idx < t.end_char and t.kind in ("date", "time") and t.value
        for t in ctx.times
    )


# --------------------------------------------------------------------------- syntax helpers


def _subject_of(verb: Token, body_start: int) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is passive; conjuncts share their head's subject."""
    floor = body_start
    if verb.dep_ == "acl" and _is_orphan(verb.head, body_start):
        return verb.head, False  # "LONDON - inflation held at 3.8%": a main clause
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects and all(c.idx < floor for c in subjects):
        orphans = _orphans(verb.sent, body_start)
        if orphans:
            return orphans[0], False
    subjects = [c for c in subjects if c.idx >= floor]
    if subjects:
        # The nearest one: a dateline parsed into the sentence can pose as a second subject.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        passive = child.dep_.endswith("pass")
        if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return verb.head, passive
        return child, passive
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, body_start)
    if verb.dep_ == "relcl":
        return verb.head, False
    if verb.dep_ == "acl":
        return verb.head, verb.tag_ == "VBN"
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, body_start)
    return None, False


def _is_orphan(token: Token, body_start: int) -> bool:
    """A story word the parser hung on the dateline."""
    floor = body_start
    return (
        floor > 0
        and token.idx >= floor
        and token.head.idx < floor
        and token.pos_ in ("NOUN", "PROPN", "PRON")
    )


def _orphans(sentence: Span, body_start: int) -> list[Token]:
    """The sentence's story words hung on the dateline."""
    return [t for t in sentence if _is_orphan(t, body_start)]


def _subject(verb: Token, body_start: int) -> Token | None:
    """Who acts or speaks: the subject, the agent of a passive ("hosted by X")."""
    subject, passive = _subject_of(verb, body_start)
    if passive:
        return _agent(verb) or subject
    if subject is not None and subject.pos_ == "VERB":
        # "Welcoming the figures, Adviser ... Qureshi said": the name before the verb speaks
        names = [t for t in subject.subtree if t.pos_ == "PROPN" and t.i < verb.i]
        return names[-1] if names else subject
    return subject


def _particle(verb: Token) -> Token | None:
    """ "walked out", "kicked off": the parser has the particle as a particle or an adverb."""
    for child in verb.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in _PARTICLES
        ):
            return child
    return None


def _agent(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _objects(verb: Token, body_start: int) -> list[Token]:
    """Direct objects, and the subject of a passive: "the quota, which was raised"."""
    out = [c for c in verb.children if c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass"]
    if verb.dep_ == "relcl":
        out = [verb.head if c.lower_ in ("which", "that", "who") else c for c in out]
    for noun in list(out):
        out.extend(c for c in noun.children if c.dep_ == "conj")
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _is_orphan(verb.head, body_start):
        out.append(verb.head)
    return out


def _xcomp_nouns(verb: Token, body_start: int) -> list[Token]:
    """Objects of the verb's open complement: "agreed to sign a deal"."""
    return [o for c in verb.children if c.dep_ == "xcomp" for o in _objects(c, body_start)]


def _prep_objects(verb: Token) -> list[Token]:
    """Nouns in the verb's prepositional phrases: "took part in demonstrations"."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _noun_phrase(noun: Token) -> list[Token]:
    """The noun with its modifiers and conjuncts, without clauses or most prepositions."""
    out = [noun]
    role = noun.lemma_.lower() in _OFFICIAL_WORDS | _NON_OFFICIAL_WORDS
    # "a senior official from the ministry", "chief economist at a bank"
    linking = ("of", "from", "at") if role else ("of",)
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod", "appos", "conj", "nummod", "det"):
            out.extend(_noun_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in linking:
            out.extend(t for c in child.children if c.dep_ == "pobj" for t in _noun_phrase(c))
    return sorted(out, key=lambda t: t.i)


def _resolve(mention: EntityMention | None, ctx: _Context) -> EntityMention | None:
    """A short form the tagger got wrong ("Tsubasa" as a place) as the organisation it names."""
    if mention is None or mention.entity_type == "ORG" or mention.country_code:
        return mention  # a real place ("the UAE") stays a place
    prefix = mention.text + " "
    for other in ctx.mentions:
        if other.entity_type == "ORG" and other.canonical.startswith(prefix):
            return other
    return mention


def _mention_in(tokens: list[Token], ctx: _Context) -> EntityMention | None:
    """The first party (person, organisation, place, group, event) among the tokens."""
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention and mention.entity_type in _PARTY_TYPES:
            return mention
    return None


def _actor_class(noun: Token | None, ctx: _Context) -> str | None:
    """Who a noun is, as an actor: government, company, court, police, military, workers,
    voters, vehicle, building, official, person, organisation; None for things and events."""
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    if (lemma in EVENT_NOUNS or lemma in _CONTAINER_NOUNS) and lemma not in _COMPANY_NOUNS:
        return None  # "U.S. tariffs cut into earnings": an event, not an actor
    if lemma in _MACRO_NOUNS | _CORP_METRICS or (lemma in _MARKET_NOUNS and lemma != "market"):
        return None  # "exports rose, extending their gains": a measure, not an actor
    phrase = _noun_phrase(noun)
    words = {t.lemma_.lower() for t in phrase}
    head_mention = ctx.mention_at(noun)
    if lemma == "bank" and words & {"central", "reserve", "national", "state"}:
        return "government"
    if head_mention is None and lemma in _COMPANY_NOUNS and not words & _GOVERNMENT_NOUNS:
        return "company"  # "Chinese firms": the firms, not China
    mention = _resolve(head_mention or _mention_in(phrase, ctx), ctx)
    if words & _COURT_NOUNS or (
        mention and re.search(r"\b(?:Court|Tribunal)\b", mention.canonical)
    ):
        return "court"
    if lemma in _POLICE_NOUNS or (mention and "Police" in mention.canonical):
        return "police"
    if lemma in _MILITARY_NOUNS or words & {"rebel", "militia", "army", "troop"}:
        return "military"
    if lemma in _VEHICLE_NOUNS:
        return "vehicle"
    if lemma in _STRUCTURES:
        return "building"
    if lemma in _VOTER_NOUNS:
        return "voters"
    if lemma in _WORKER_NOUNS or noun.lower_ in _WORKER_NOUNS:
        return "workers"
    if mention:
        if mention.entity_type in ("GPE", "NORP"):
            return "government"
        if mention.entity_type == "ORG":
            if _CENTRAL_BANK.search(mention.canonical) or _CENTRAL_BANK.search(noun.text):
                return "government"
            if _is_company(mention.canonical, words):
                return "company"
            if _GOVERNMENT_NAME.search(mention.canonical) or words & _GOVERNMENT_NOUNS:
                return "government"  # "the civil aviation authority DGAC"
            return "organisation"
        if mention.entity_type == "PERSON":
            if _COMPANY_SUFFIX.search(mention.canonical) or _COMPANY_NAME.search(mention.canonical):
                return "company"
            role = ctx.roles.get(mention.canonical, "person")
            return role if role != "person" else _title_class(noun)
    if lemma in _COMPANY_NOUNS:
        return "company"
    if lemma in _GOVERNMENT_NOUNS:
        return "government"
    if lemma in _CORPORATE_TITLES:
        return "company"
    if lemma in _OFFICIAL_WORDS:
        return "government"
    return None


def _tense(verb: Token) -> str:
    """past, perfect, pluperfect, future, modal, present or none."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "shall", "'ll"}:
        return "future"
    if words & {"would", "could", "might", "may", "should", "can", "must"}:
        return "modal"
    if "had" in words:
        return "pluperfect"
    if words & {"has", "have", "'s", "'ve"} and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        if verb.dep_ == "xcomp":
            return _tense(verb.head)
        return "past"
    if verb.dep_ == "xcomp" or (verb.tag_ == "VB" and "to" in words):
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or any(
            c.lemma_.lower() in _FUTURE_HEADS for c in head.children if c.dep_ == "acomp"
        ):
            return "future"
        return _tense(head) if head != verb and head.pos_ in ("VERB", "AUX") else "none"
    if verb.dep_ == "conj" and not auxes and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)
    if verb.tag_ in ("VBZ", "VBP"):
        if any(c.lemma_.lower() in _FUTURE_HEADS for c in verb.children if c.dep_ == "acomp"):
            return "future"
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"
    return "none"


def _hedged(head: Token) -> bool:
    """Figures in a forecast: "is expected to total", "could reach"."""
    node = head
    for _ in range(3):
        if node.lemma_.lower() in _HEDGES and node != head:
            return True
        if any(c.lower_ in ("could", "might", "may", "would") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head == node:
            break
        node = node.head
    return False


def _has_amount(head: Token) -> bool:
    """A percentage or a sum of money in the clause."""
    return any(
        t.ent_type_ in ("PERCENT", "MONEY") or t.text in ("%", "percent", "pct")
        for t in head.subtree
    )


def _has_figure(head: Token, body_start: int) -> bool:
    """A number, percentage or amount among the clause's own words (not its subject's)."""
    subject, _ = _subject_of(head, body_start)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    if head.i in skip:
        skip -= {t.i for t in head.subtree}  # "inflation held at 3.8%" hung on its subject
    for child in head.children:
        if child.i in skip or child.dep_ in _CLAUSE_DEPS:
            continue
        for token in child.subtree:
            if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
                continue
            amount = token.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")
            if token.like_num or amount or token.text in ("%", "percent", "pct"):
                return True
            if token.lower_ in ("record", "high", "low", "higher", "lower", "steady"):
                return True
    return head.lemma_.lower() in ("steady",)


# --------------------------------------------------------------------------- drafts


def _draft(cue: _Cue, sentence: Span, paragraph: int, position: int, ctx: _Context) -> _Draft:
    start, end, precision, own = _dates(cue, sentence, ctx)
    vague = any(
        t.value is None
        and t.kind == "date"
        and _VAGUE_SPAN.search(t.text)
        and _attachment(root, {cue.head.i}, False) == cue.head
        for t, root in _attached_times(sentence, ctx)
    )  # "over the years", "in recent months": not one day
    participants, speaker = _participants(cue, sentence, ctx)
    location = _location(cue, sentence, ctx)
    identity = _identity(cue, ctx)
    return _Draft(
        reacts_to=_reactions(cue, ctx),
        cue=cue,
        sentence=sentence,
        paragraph=paragraph,
        position=position,
        start=start,
        end=end,
        precision=precision,
        own_date=own,
        tense=_event_tense(cue),
        location=location,
        participants=participants,
        speaker=speaker,
        identity=identity,
        duration_days=_duration(cue, sentence, ctx),
        vague=vague,
    )


def _reactions(cue: _Cue, ctx: _Context) -> set[str]:
    """Types of the events a statement's words point back to: "the ruling", "the pledges"."""
    report = cue.report
    if cue.event_type != _STATEMENT or report is None or report.verb is None:
        return set()
    # the subject or object of what is said, or the object of the speech act itself
    said = [t for c in report.content for t in c.children if t.dep_ in _SUBJECT_DEPS]
    said += [t for t in report.verb.children if t.dep_ in _OBJECT_DEPS]
    out = set()
    for token in said:
        if token.pos_ == "NOUN" and token.dep_ != "compound" and _anaphoric(token):
            event_type = _noun_type(token, ctx)
            if event_type and event_type not in (_STATEMENT, _DATA):
                out.add(event_type)
    return out


def _event_tense(cue: _Cue) -> str:
    """The tense the event is told in: of its reporting verb for statements and figures."""
    if cue.event_type == _STATEMENT or (cue.figure and cue.report and cue.report.verb):
        verb = cue.report.verb if cue.report and cue.report.verb is not None else cue.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            verb = verb.head  # "Addressing a press conference, the minister said ..."
        return _tense(verb)
    if cue.head.pos_ in ("VERB", "AUX"):
        return _tense(cue.head)
    if cue.head.dep_ in _SUBJECT_DEPS or cue.head.dep_ == "pobj":
        return _tense(cue.head.head) if cue.head.head.pos_ in ("VERB", "AUX") else "none"
    return "none"


def _depth(token: Token, head: Token) -> int:
    """Dependency steps from a token up to one of its ancestors (large if it is not one)."""
    steps, node = 0, token
    while node != head and node.head != node and steps < 30:
        node, steps = node.head, steps + 1
    return steps if node == head else 99


def _attached_times(sentence: Span, ctx: _Context) -> list[tuple[TimeExpression, Token]]:
    """Each time expression of the sentence with the token its phrase hangs from."""
    if sentence.start in ctx.attached_times:
        return ctx.attached_times[sentence.start]
    out = []
    for t in ctx.times:
        if not (sentence.start_char <= t.start_char < sentence.end_char):
            continue
        span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
        if span is None:
            continue
        out.append((t, span.root))
    ctx.attached_times[sentence.start] = out
    return out


def _attachment(token: Token, stops: set[int], figure: bool) -> Token | None:
    """The nearest ancestor (or the token) among the clause heads and event nouns.

    None when, in a figure, the expression is a point of comparison ("up from 4.1% on Thursday").
    """
    node = token
    for _ in range(30):
        if node.i in stops:
            return node
        if figure and node.lower_ in _COMPARISON_WORDS and node != token:
            return None
        if node.head == node:
            return node
        node = node.head
    return node


def _dates(cue: _Cue, sentence: Span, ctx: _Context) -> tuple[date | None, date | None, str, bool]:
    """The event's own dates (start, end, precision, own): the time expressions attached to its
    clause, else to a coordinated verb, else to the verb that reports it."""
    stops = _stops(sentence, ctx) | {cue.key.i, cue.head.i}
    roots = {id(t): root for t, root in _attached_times(sentence, ctx)}
    attached = [
        (t, at)
        for t, root in _attached_times(sentence, ctx)
        if (at := _attachment(root, stops, cue.figure)) is not None and _dated(t)
    ]
    own_heads = _own_heads(cue, stops, ctx)
    own = [t for t, at in attached if at.i in own_heads and not _effective(t, ctx)]
    until = [t for t in own if _is_until(t, ctx)]
    own = [t for t in own if t not in until]
    if cue.head.lemma_.lower() in _END_LEMMAS and cue.event_type in _DURATION_TYPES:
        until, own = until + own, []  # "the forum, which wraps up on Friday"
    if not own and until and cue.event_type in _DURATION_TYPES:
        return None, until[0].range_end, "unknown", False  # "runs until Friday": an end only
    measuring = cue.head.lemma_.lower() in CHANGE_VERBS | LEVEL_VERBS
    if cue.figure and cue.event_type in (_DATA, _CORPORATE) and measuring:
        own = []  # "rose 3% in July": the period measured, not the day it was published
    elif cue.figure or cue.event_type in (_STATEMENT, _DATA, _CORPORATE):
        own = [t for t in own if _precision(t.value or "") == "day"]
    if own:
        verb_days = {id(t) for t, at in attached if at.i == cue.head.i}

        def closeness(t: TimeExpression) -> tuple[bool, int, int]:
            # the verb's own days first, the narrowest of them: "approved the Wheat Policy
            # 2025-26 on Friday" is Friday; else the nearest in the tree
            root = roots.get(id(t))
            depth = min(_depth(root, sentence.doc[i]) for i in own_heads) if root else 99
            if id(t) in verb_days:
                return False, _span_days(t), depth
            return True, depth, _span_days(t)

        return _as_dates(min(own, key=closeness))
    if cue.head.pos_ == "VERB" and not cue.figure and cue.event_type not in _NEWS_DAY_TYPES:
        # "had declared it dangerous and served a notice two years ago": one date for both
        joined = {c.i for c in cue.head.children if c.dep_ == "conj" and c.pos_ == "VERB"}
        shared = [t for t, at in attached if at.i in joined]
        if shared:
            return _as_dates(shared[0])
    return _reported_dates(cue, attached)


def _stops(sentence: Span, ctx: _Context) -> set[int]:
    """The sentence's clause heads and event nouns: where time expressions attach."""
    if sentence.start not in ctx.sentence_stops:
        ctx.sentence_stops[sentence.start] = {
            t.i
            for t in sentence
            if _is_clause_head(t) or (t.pos_ in ("NOUN", "PROPN") and _noun_type(t, ctx))
        }
    return ctx.sentence_stops[sentence.start]


def _own_heads(cue: _Cue, stops: set[int], ctx: _Context) -> set[int]:
    """The words whose time expressions are the event's own."""
    heads = {cue.head.i, cue.key.i} | set(cue.also)
    if cue.event_type == _DATA and cue.head.pos_ == "VERB":
        subject, _ = _subject_of(cue.head, ctx.body_start)
        if subject is not None and subject.lemma_.lower() in _DATA_NOUNS:
            # "Data published on Monday showed ...": the day the figures came out
            heads |= {c.i for c in subject.children if c.dep_ == "acl"}
    if cue.head.pos_ in ("VERB", "AUX"):
        # "won Sunday's local elections": the election's date is the win's
        heads |= {
            t.i
            for t in cue.head.subtree
            if t.i in stops and t.pos_ in ("NOUN", "PROPN") and _noun_type(t, ctx) == cue.event_type
        }
        # "approved ... at its meeting on Monday": the day of the setting is the decision's
        heads |= {
            pobj.i
            for prep in cue.head.children
            if prep.dep_ == "prep" and prep.lower_ in ("at", "during")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and _noun_type(pobj, ctx) == _MEETING
        }
    elif cue.key.dep_ == "pobj" and cue.key.head.head.pos_ == "VERB":
        verb = cue.key.head.head
        if not _noun_type(verb, ctx):
            heads.add(verb.i)  # "travel to Xi'an on Friday for a business forum"
    elif cue.key.dep_ in _SUBJECT_DEPS and cue.key.head.lemma_.lower() in ("be", "due", "set"):
        # "Its next decision is due on Nov. 6"
        heads.add(cue.key.head.i)
        heads |= {c.i for c in cue.key.head.children if c.dep_ in ("acomp", "xcomp", "attr")}
    return heads


def _reported_dates(
    cue: _Cue, attached: list[tuple[TimeExpression, Token]]
) -> tuple[date | None, date | None, str, bool]:
    """The day the event was told, for events that happen as they are told."""
    report = cue.report
    told_that_day = cue.event_type in _REPORTED_DATE_TYPES and (
        cue.figure or cue.event_type == _STATEMENT or _tense(cue.head) == "past"
    )
    if report is None or not told_that_day:
        return None, None, "unknown", False
    published = {report.verb.i} if report.verb is not None else set()
    if report.speaker is not None:
        # "data released on Saturday showed ...": the day the figures came out
        published |= {c.i for c in report.speaker.children if c.dep_ == "acl"}
    reported = [t for t, at in attached if at.i in published]
    reported = [t for t in reported if _precision(t.value or "") == "day"]
    return _as_dates(reported[0]) if reported else (None, None, "unknown", False)


def _as_dates(t: TimeExpression) -> tuple[date | None, date | None, str, bool]:
    """An expression as the event's own (start, end, precision, own) dates."""
    precision = _precision(t.value or "")
    if precision == "unknown":
        # "2025-26", a fiscal year: as precise as the days it covers
        days = _span_days(t) + 1
        precision = next((p for limit, p in _PRECISION_BY_DAYS if days <= limit), "year")
    return t.range_start, _range_end(t), precision, True


def _is_until(t: TimeExpression, ctx: _Context) -> bool:
    """ "runs until Friday", "which ends on Nov. 21": the end of something already under way."""
    before = ctx.text[max(0, t.start_char - 20) : t.start_char].lower().split()
    if before and before[-1] in ("until", "till", "through", "to", "by"):
        return True
    return len(before) >= 2 and before[-1] in ("on", "by") and before[-2] in _END_VERBS


def _effective(t: TimeExpression, ctx: _Context) -> bool:
    """ "appointed ... effective Dec 1": when it takes effect, not when it was decided."""
    before = ctx.text[max(0, t.start_char - 20) : t.start_char].lower().split()
    return (
        bool(before)
        and before[-1] in ("effective", "starting", "from")
        and before[-2:-1] != ["effect"]
    )


def _dated(t: TimeExpression) -> bool:
    """A date or time with a value and calendar days."""
    return t.kind in ("date", "time") and bool(t.value) and t.range_start is not None


def _span_days(t: TimeExpression) -> int:
    """How many days an expression covers, beyond the first (large when unknown)."""
    if t.range_start is None or t.range_end is None:
        return 10**6
    return (t.range_end - t.range_start).days


def _range_end(t: TimeExpression) -> date | None:
    """The last day of a range, None for a single day."""
    if t.range_end and t.range_start and t.range_end != t.range_start:
        return t.range_end
    return None


def _precision(value: str) -> str:
    """day, week, month, quarter, half, year or unknown, from a TIMEX3-style value."""
    value = value.split("/")[0]
    if "T" in value:
        return "day"
    if re.match(r"^\d{4}-W\d\d", value):
        return "week"
    if re.match(r"^\d{4}-Q[1-4]$", value) or re.match(r"^\d{4}-(SP|SU|FA|WI)$", value):
        return "quarter"
    if re.match(r"^\d{4}-H[12]$", value):
        return "half"
    if re.match(r"^\d{4}(-\d\d(-\d\d)?)?$", value):
        return _PRECISION_BY_LENGTH.get(len(value), "unknown")
    return "unknown"


def _duration(cue: _Cue, sentence: Span, ctx: _Context) -> int | None:
    """ "the 3-day congress", "a two-week conference": the length of a gathering, in days."""
    if cue.event_type not in _DURATION_TYPES:
        return None
    nouns = [cue.key, cue.head] + [
        t for t in sentence if t.pos_ == "NOUN" and _noun_type(t, ctx) == cue.event_type
    ]
    for t in ctx.times:
        if t.kind != "duration" or not (sentence.start_char <= t.start_char < sentence.end_char):
            continue
        match = _DURATION.match(t.value or "")
        if not match:
            continue
        span = ctx.doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        on_noun = any(root.head == n or root == n or root.head.head == n for n in nouns)
        modifier = root.dep_ in ("amod", "compound", "nmod", "nummod") or "-" in t.text
        if on_noun and modifier:
            return int(match.group(1)) * (7 if match.group(2) == "W" else 1)
    return None


class _Roles:
    """Participants as they are found, each (entity, role) once; places only as locations."""

    def __init__(self, event_type: str, ctx: _Context) -> None:
        self.event_type = event_type
        self.ctx = ctx
        self.items: list[Participant] = []

    def add(self, tokens: list[Token], role: str) -> None:
        for token in tokens:
            mention = self.ctx.mention_at(token)
            if mention is None or mention.entity_type not in _PARTY_TYPES + _PLACE_TYPES:
                continue
            place = mention.entity_type in _PLACE_TYPES
            final = role
            if (
                place
                and role in ("participant", "target")
                and self.event_type
                not in (
                    _MEETING,
                    _AGREEMENT,
                )
            ):
                final = "location"  # "floods hit Vietnam": where, not who
            if place and token.dep_ == "pobj" and token.head.lower_ in _LOCATING_PREPS:
                final = "location"
            if final == "location" and not place:
                continue
            entry = Participant(name=mention.canonical, role=final)
            if entry not in self.items:
                self.items.append(entry)


def _participants(cue: _Cue, sentence: Span, ctx: _Context) -> tuple[list[Participant], str | None]:
    """The entities of the event's clause with their roles, and who said it (for merging)."""
    roles = _Roles(cue.event_type, ctx)
    speaker = _speaker_roles(cue, roles, ctx)
    if cue.head.pos_ in ("VERB", "AUX"):
        _clause_roles(cue, roles, ctx.body_start)
    else:
        _noun_roles(cue.key, roles)
    if cue.event_type == _MEETING:
        # "hosted by the African Union", "under the patronage of the Ministry of Transport"
        for token in sentence:
            organised = token.head.lower_ == "by" and token.head.head.lemma_.lower() in (
                _ORGANIZING_VERBS | {"hold", "patronage"}
            )
            if token.dep_ == "pobj" and (organised or token.head.head.lower_ == "patronage"):
                roles.add(_noun_phrase(token), "organizer")
    return roles.items, speaker


def _speaker_roles(cue: _Cue, roles: _Roles, ctx: _Context) -> str | None:
    """The reporting source as speaker (a person, with the body they speak for); its name."""
    report = cue.report
    if report is None or report.speaker is None:
        return None
    tokens = _noun_phrase(report.speaker)
    found = [m for t in tokens if (m := ctx.mention_at(t))]
    people = [m for m in found if m.entity_type == "PERSON"]
    bodies = [m for m in found if m.entity_type == "ORG"]
    chosen = people or bodies or found
    keep = {m.canonical for m in chosen + bodies}
    roles.add([t for t in tokens if (m := ctx.mention_at(t)) and m.canonical in keep], "speaker")
    if chosen:
        return chosen[0].canonical
    if report.speaker.lower_ in ("he", "she"):
        return ctx.last_person[0]
    if report.speaker.lemma_.lower() in _PRONOUNS | _OFFICIAL_WORDS:
        return ctx.last_speaker[0]  # "the spokesperson said"
    return None


def _clause_roles(cue: _Cue, roles: _Roles, body_start: int) -> None:
    """Subject, agent, objects and "with/against/in" phrases of the event's verb."""
    head = cue.head
    subject, passive = _subject_of(head, body_start)
    agent = _agent(head)
    lemma = head.lemma_.lower()
    gathering = cue.event_type in (_MEETING, _AGREEMENT, _ELECTION)
    if cue.event_type == _STATEMENT:
        subject_role = "speaker"
    elif gathering:
        subject_role = "organizer" if lemma in _ORGANIZING_VERBS else "participant"
    else:
        subject_role = "actor"
    if subject is not None and not (cue.event_type == _STATEMENT and cue.report is not None):
        if passive:
            roles.add(_noun_phrase(subject), "participant" if gathering else "target")
        elif subject.lemma_.lower() not in _PRONOUNS:
            roles.add(_noun_phrase(subject), subject_role)
    if agent is not None:
        roles.add(_noun_phrase(agent), "organizer" if lemma in _ORGANIZING_VERBS else subject_role)
    if cue.event_type != _STATEMENT:  # what is said is not a party to the saying
        for obj in _objects(head, body_start):
            if obj != subject:
                roles.add(_noun_phrase(obj), "participant" if gathering else "target")
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        objs = [t for c in prep.children if c.dep_ == "pobj" for t in _noun_phrase(c)]
        if prep.lower_ in ("with", "between", "among", "alongside"):
            roles.add(objs, "participant")
        elif prep.lower_ == "against":
            roles.add(objs, "target")
        elif prep.lower_ in _LOCATING_PREPS:
            roles.add(objs, "location")


def _noun_roles(noun: Token, roles: _Roles) -> None:
    """ "talks between X and Y", "a summit hosted by Z in W"."""
    for child in noun.children:
        agent = _agent(child) if child.dep_ == "acl" else None
        if agent is not None:
            organised = child.lemma_.lower() in _ORGANIZING_VERBS
            roles.add(_noun_phrase(agent), "organizer" if organised else "actor")
        if child.dep_ == "prep":
            objs = [t for c in child.children if c.dep_ == "pobj" for t in _noun_phrase(c)]
            if child.lower_ in ("between", "with", "by"):
                roles.add(objs, "participant")
            elif child.lower_ in ("in", "at"):
                roles.add(objs, "location")


def _location(cue: _Cue, sentence: Span, ctx: _Context) -> EntityMention | None:
    """The place the event's clause names (in/at X), else the first place in the sentence."""
    places = [
        m
        for m in ctx.mentions
        if m.entity_type in _PLACE_TYPES and sentence.start_char <= m.start_char < sentence.end_char
    ]
    if not places:
        return None

    def located(m: EntityMention) -> bool:
        span = ctx.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "across", "to")

    clause = cue.head.subtree if cue.head.pos_ in ("VERB", "AUX") else cue.key.subtree
    clause_tokens = {t.i for t in clause}
    report = cue.report
    if cue.event_type == _STATEMENT and report is not None and report.verb is not None:
        # where it was said ("told a press conference in Beijing"), not what it was about
        said = {t.i for t in report.verb.subtree if not ctx.quoted(t)}
        for content in report.content:
            if content != report.verb:
                said -= {t.i for t in content.subtree}
        places = [m for m in places if _token_at(ctx.doc, m.start_char) in said]
        return next((m for m in places if located(m)), None)

    in_clause = [m for m in places if _token_at(ctx.doc, m.start_char) in clause_tokens]
    for pool in (
        [m for m in in_clause if located(m)],
        [m for m in places if located(m)],
        in_clause,
        places,
    ):
        if pool:
            return pool[0]
    return None


def _token_at(doc: Doc, offset: int) -> int:
    """The index of the token at a character offset."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _identity(cue: _Cue, ctx: _Context) -> set[str]:
    """Names that identify a gathering or a deal: its EVENT or ORG names, its head noun."""
    names: set[str] = set()
    noun = cue.key if cue.key.pos_ in ("NOUN", "PROPN") else None
    tokens: list[Token] = []
    if noun is not None:
        tokens = _noun_phrase(noun)
        names.add(noun.lemma_.lower())
    elif cue.event_type == _MEETING:
        subject, _ = _subject_of(cue.head, ctx.body_start)
        if subject is not None:
            tokens = _noun_phrase(subject)
            if subject.lemma_.lower() in EVENT_NOUNS:
                names.add(subject.lemma_.lower())  # "the forum opened", not "ministers met"
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention and mention.entity_type not in ("PERSON", "GPE", "NORP"):
            names.add(mention.canonical)
    proper = " ".join(t.lower_ for t in tokens if t.pos_ == "PROPN")
    if proper:
        names.add(proper)
    return names


# --------------------------------------------------------------------------- merging


def _merge(drafts: list[_Draft], ctx: _Context) -> list[_Draft]:
    """Fold elaborations into the event they elaborate; keep the better-told one as the row."""
    kept: list[_Draft] = []
    for draft in drafts:
        release = _release_commentary(draft, kept, ctx)
        if release is not None:
            _combine(release, draft, swap=False)
            continue
        if draft.cue.event_type == _TOLL:
            harm = [k for k in kept if k.cue.event_type in (_DISASTER, _CONFLICT)]
            if harm:
                _combine(harm[-1], draft, swap=False)
            continue
        target = _merge_target(draft, kept, ctx.body_start)
        if target is None:
            if draft.cue.figure and not draft.cue.released and draft.cue.event_type != _MARKET:
                continue  # figures that elaborate nothing told: no event of their own
            if draft.cue.anaphoric and not draft.own_date:
                continue  # "before the law took effect": points back to something told otherwise
            if _tally(draft, ctx.body_start):
                continue  # "road accidents killed 3,150 people last year": a statistic
            kept.append(draft)
            continue
        index = kept.index(target)
        kept[index] = _combine(target, draft)
    return kept


def _tally(draft: _Draft, body_start: int) -> bool:
    """Disasters or fighting counted over a period, not one that happened."""
    if draft.cue.event_type not in (_DISASTER, _CONFLICT) or draft.precision in ("day", "week"):
        return False
    subject, _ = (
        _subject_of(draft.cue.head, body_start) if draft.cue.head.pos_ == "VERB" else (None, False)
    )
    noun = subject if subject is not None else draft.cue.key
    generic = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    # "road accidents killed 3,150 people last year", "storms strike the islands each year"
    return generic and (draft.start is not None or draft.tense == "present")


def _same_source(a: str | None, b: str | None) -> bool:
    """Two sources that may be the same: equal, or one of them unnamed."""
    return a is None or b is None or a == b


def _release_commentary(draft: _Draft, kept: list[_Draft], ctx: _Context) -> _Draft | None:
    """What a statistics office says about its release, a judge writes in a ruling, or anyone
    says about an event already told ("called the decision a win") belongs to that event."""
    report = draft.cue.report
    if draft.cue.event_type != _STATEMENT or report is None:
        return None
    for previous in reversed(kept):
        if previous.cue.event_type in draft.reacts_to and previous.position != draft.position:
            return previous
    if report.kind != "institution":
        return None
    speaker = report.speaker
    court = speaker is not None and _actor_class(speaker, ctx) == "court"
    for previous in reversed(kept):
        if previous.position == draft.position:
            continue
        if court and previous.cue.event_type == _LEGAL:
            return previous  # "the court said in its ruling": the ruling
        if previous.cue.event_type == _DATA:
            return previous if _same_source(draft.speaker, previous.speaker) else None
    return None


def _merge_target(draft: _Draft, kept: list[_Draft], body_start: int) -> _Draft | None:
    """The earlier event that a draft only tells more about, if any."""
    same = [k for k in kept if k.cue.event_type == draft.cue.event_type]
    if not same:
        return None
    previous = same[-1]
    if draft.cue.anaphoric:
        # "the two-day visit" points back to the visit, not to the talks told since
        lemma = draft.cue.key.lemma_.lower()
        previous = next((k for k in reversed(same) if lemma in k.identity), previous)
    if previous.position == draft.position or _dates_conflict(previous, draft):
        return None
    return previous if _elaborates(draft, previous, body_start) else None


def _elaborates(draft: _Draft, previous: _Draft, body_start: int) -> bool:
    """Whether a draft tells more of an earlier event of the same type."""
    cue = draft.cue
    event_type = cue.event_type
    near = draft.position - previous.position <= 2 or draft.paragraph == previous.paragraph
    subject, _ = (
        _subject_of(cue.head, body_start) if cue.head.pos_ in ("VERB", "AUX") else (None, False)
    )
    if event_type == _STATEMENT:
        if draft.speaker and draft.speaker == previous.speaker:
            return True
        # "An MIIT official said ... . Vice Minister Xiong of MIIT underscored ...": one speech
        speakers = {p.name for p in draft.participants if p.role == "speaker"}
        unnamed = previous.speaker is None or previous.speaker in speakers
        return unnamed and draft.position - previous.position == 1
    if event_type in (_DATA, _CORPORATE) and cue.figure and not cue.released:
        return True  # figures with no source of their own
    if event_type == _DATA and (not draft.own_date or previous.start == draft.start):
        return True  # more figures of the same release
    if event_type == _CORPORATE and cue.figure and previous.cue.figure:
        # the same company's results, told figure by figure
        same_day = not draft.own_date or draft.start == previous.start
        return _same_source(draft.speaker, previous.speaker) and same_day
    if _points_back(cue, subject, near):
        return True
    if event_type == _MARKET:
        # "the index touched an intraday high": the same session
        return subject is not None and _anaphoric(subject) and subject.lemma_.lower() in _GAUGES
    if event_type == _LEGAL:
        also = any(c.lower_ == "also" for c in cue.head.children)
        return also and draft.position - previous.position <= 3  # "The court also ordered ..."
    if event_type == _ELECTION:
        return cue.figure  # seats, turnout: the results of the vote already told
    harm = cue.key.lemma_.lower() in _HARM_VERBS or draft.tense == "perfect"
    if event_type in (_DISASTER, _CONFLICT) and cue.key.pos_ in ("VERB", "AUX") and harm:
        return True  # "homes were flooded", "two soldiers were killed": the same disaster
    if event_type in (_PROTEST, _DISASTER, _CONFLICT) and near and not draft.own_date:
        return True  # "195,000 people took part in demonstrations": the same protest
    if event_type in (_MEETING, _AGREEMENT, _PROTEST, _CONFLICT, _DISASTER):
        shared = draft.identity & previous.identity
        named = shared - set(EVENT_NOUNS)  # the same forum by name, not two "talks"
        return bool(named or (shared and near)) and not _differs(draft, previous)
    return False


def _points_back(cue: _Cue, subject: Token | None, near: bool) -> bool:
    """ "the congress", "the strike", "the documents were signed": told before."""
    key = cue.key if cue.key.pos_ in ("NOUN", "PROPN") else None
    if cue.anaphoric or (key is not None and _anaphoric(key)):
        return True
    if subject is None or not _anaphoric(subject):
        return False
    passive = subject.dep_ == "nsubjpass" and near
    return passive or EVENT_NOUNS.get(subject.lemma_.lower()) == cue.event_type


def _differs(a: _Draft, b: _Draft) -> bool:
    """Ordinals or years that tell two editions apart: "the 11th forum" and "the 10th"."""

    def marks(d: _Draft) -> set[str]:
        key = d.cue.key
        words = [c for c in key.children] if key.pos_ in ("NOUN", "PROPN") else []
        return {
            t.lower_
            for t in words
            if t.ent_type_ == "ORDINAL"
            or re.fullmatch(r"(19|20)\d\d", t.text)
            or t.lower_ in ("next", "another")
        }

    ma, mb = marks(a), marks(b)
    return bool(ma and mb and ma != mb) or "next" in ma or "another" in ma


def _dates_conflict(previous: _Draft, draft: _Draft) -> bool:
    """Both dated, and the later one too far from the earlier one's days to be the same."""
    if not (previous.own_date and draft.own_date and previous.start and draft.start):
        return False
    last = previous.end or previous.start
    if previous.duration_days:
        last = max(last, shift_days(previous.start, previous.duration_days - 1) or last)
    # Day differences, not shifted dates: those could run past either end of the calendar.
    return not ((draft.start - previous.start).days >= -1 and (draft.start - last).days <= 14)


def _combine(a: _Draft, b: _Draft, swap: bool = True) -> _Draft:
    """One event from two reports of it: the clause-level, dated one is the row."""
    keep, other = (a, b)
    if swap and b.cue.rank < 3 <= a.cue.rank:
        keep, other = b, a
    if keep.start is None and other.start is not None:
        keep.start, keep.end, keep.precision = other.start, other.end, other.precision
        keep.own_date = other.own_date
    elif keep.start and other.start and keep.cue.event_type in _DURATION_TYPES:
        latest = other.end or other.start
        if latest > (keep.end or keep.start):
            keep.end = latest
    keep.duration_days = keep.duration_days or other.duration_days
    keep.location = keep.location or other.location
    keep.identity |= other.identity
    speakers = {p.name for p in other.participants if p.role == "speaker"}
    if other.speaker and (keep.speaker is None or keep.speaker in speakers):
        keep.speaker = other.speaker  # the official named after "an official said"
    keep.participants += [p for p in other.participants if p not in keep.participants]
    keep.cue.strength = min(0.99, max(keep.cue.strength, other.cue.strength) + 0.05)
    return keep


# --------------------------------------------------------------------------- rows


def _fill_story_day(draft: _Draft, story_day: date | None) -> None:
    """An undated happening told in the simple past goes on the day the story is about:
    "Police said 24 people were arrested" after "marched ... on Saturday" is Saturday's."""
    if draft.start is not None or story_day is None or draft.vague or draft.cue.figure:
        return
    if draft.cue.event_type == _STATEMENT:
        return  # a statement with no day of its own is dated by publication (see the docstring)
    if draft.tense == "past":
        draft.start, draft.precision = story_day, "day"
        draft.cue.strength = max(0.05, draft.cue.strength - 0.05)


def _fill_news_day(draft: _Draft, anchor: date) -> None:
    """Dates that follow from the story: a gathering's length, the publication day."""
    if draft.start is None and draft.end is not None and draft.duration_days:
        # "the four-day forum, which wraps up on Friday"
        draft.start = shift_days(draft.end, 1 - draft.duration_days)
        draft.precision = "day" if draft.start else draft.precision
    if draft.start is not None:
        if draft.duration_days and draft.precision == "day":
            end = shift_days(draft.start, draft.duration_days - 1)
            if end is not None and (draft.end is None or end > draft.end):
                draft.end = end
        return
    if draft.vague:
        return  # "over the years, the group has invested ...": no day to give
    lead_perfect = draft.tense == "perfect" and draft.lead  # "X has appointed Y as CEO"
    if draft.cue.event_type in _NEWS_DAY_TYPES and (
        draft.tense in ("past", "present") or lead_perfect
    ):
        draft.start, draft.precision = anchor, "day"
        draft.cue.strength = max(0.05, draft.cue.strength - 0.05)


def _dateline_mention(mentions: list[EntityMention], place: str | None) -> EntityMention | None:
    """The entity mention of the dateline's place, for its canonical name and country."""
    if not place:
        return None
    folded = place.casefold()
    for m in mentions:
        if m.entity_type in _PLACE_TYPES and folded in (m.canonical.casefold(), m.text.casefold()):
            return m
    return None


def _to_event(
    d: _Draft, dateline_place: str | None, fallback: EntityMention | None, ctx: _Context
) -> Event:
    """The row: location from the event's place, else the dateline; country likewise."""
    cue = d.cue
    location = (
        d.location.canonical if d.location else (fallback.canonical if fallback else dateline_place)
    )
    country = d.location.country_code if d.location else None
    if country is None and d.location is not None:
        # "Haikou of south China's Hainan Province": a coded place in the same phrase
        span = ctx.doc.char_span(
            d.location.start_char, d.location.end_char, alignment_mode="expand"
        )
        phrase = {t.idx for t in span.root.subtree} if span is not None else set()
        coded = [
            m.country_code
            for m in ctx.mentions
            if m.entity_type in _PLACE_TYPES and m.country_code and m.start_char in phrase
        ]
        country = coded[0] if coded else None
    if country is None and fallback is not None:
        country = fallback.country_code
    participants = list(d.participants)
    if location and not any(p.role == "location" for p in participants) and d.location:
        participants.append(Participant(name=location, role="location"))
    confidence = cue.strength + (0.05 if d.own_date else 0.0)
    return Event(
        event_type=cue.event_type,
        summary=_summary(d, ctx.body_start),
        trigger=_trigger_text(cue),
        date_start=d.start,
        date_end=d.end if d.end and d.start and d.end > d.start else None,
        date_precision=d.precision if d.start else "unknown",
        location=location,
        country_code=country,
        sentence=d.sentence.text,
        start_char=d.sentence.start_char,
        end_char=d.sentence.end_char,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        participants=participants,
    )


def _trigger_text(cue: _Cue) -> str:
    """The words that name the event: "kicked off", "held talks", "two-week conference"."""
    key, head = cue.key, cue.head
    if key.pos_ in ("NOUN", "PROPN"):
        phrase = [
            c
            for c in key.children
            if c.dep_ in ("compound", "amod", "nummod", "nmod") and c.i < key.i
        ]
        start = min([key.i] + [c.left_edge.i for c in phrase])
        if head.pos_ in ("VERB", "AUX") and head != key and 0 < key.i - head.i <= 4:
            start = head.i
        return key.doc[start : key.i + 1].text
    particle = _particle(key)
    if particle is not None and particle.i == key.i + 1:
        return key.doc[key.i : particle.i + 1].text
    return key.text


def _summary(d: _Draft, body_start: int, limit: int = 200) -> str:
    """One line: the sentence without its dateline; if too long, the event's own clause."""
    sentence = d.sentence
    floor = max(body_start, sentence.start_char)
    # the sentence's own text: the doc's text is rebuilt from all its tokens on every access
    text = " ".join(sentence.text[floor - sentence.start_char :].split())
    if len(text) > limit:
        head = d.cue.head
        tokens = {t.i for t in head.subtree}
        subject, _ = (
            _subject_of(head, body_start) if head.pos_ in ("VERB", "AUX") else (None, False)
        )
        if subject is not None and subject.i < head.i:
            tokens |= {t.i for t in subject.subtree}
        if d.cue.report is not None and d.cue.report.verb is not None:
            tokens |= {t.i for t in d.cue.report.verb.subtree}
        doc = sentence.doc
        first = max(min(tokens), sentence.start)
        while first < sentence.end and doc[first].idx < floor:
            first += 1
        last = min(max(tokens), sentence.end - 1)
        clause = " ".join(doc[first : last + 1].text.split())
        if 40 <= len(clause) < len(text):
            text = clause
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
