"""The words and patterns the event rules read (event nouns, verbs by type, noun classes)."""

from __future__ import annotations

import re

from transforms.events.definitions import (
    _AGREEMENT,
    _CONFLICT,
    _CORPORATE,
    _DATA,
    _DISASTER,
    _ELECTION,
    _LEGAL,
    _MARKET,
    _MEETING,
    _OTHER,
    _POLICY,
    _PROTEST,
    _STATEMENT,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
