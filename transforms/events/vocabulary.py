"""The vocabularies the event rules read, each loaded once from transforms/lexicon/
(event_triggers.toml, event_verbs.toml, event_nouns.toml, event_actors.toml, event_names.toml,
event_words.toml, the verbs of reporting_verbs.toml marked `statement` and the scale words of
numbers.toml), and the labels, patterns
and thresholds that are not words. Adding a word is an edit to those files, never here."""

from __future__ import annotations

import re

from transforms import lexicon
from transforms.events.definitions import (
    _AGREEMENT,
    _CONFLICT,
    _CORPORATE,
    _DATA,
    _DISASTER,
    _LEGAL,
    _MARKET,
    _MEETING,
    _POLICY,
    _PROTEST,
    _STATEMENT,
    EVENT_TYPES,
)


def _triggers(kind: str) -> dict[str, str]:
    """Trigger words of one kind (nouns, verbs, ...) -> event type, from event_triggers.toml."""
    return {
        word: event_type
        for event_type in EVENT_TYPES
        for word in lexicon.table("event_triggers", event_type).get(kind, [])
    }


def _pairs(words_to_type: dict[str, str]) -> dict[tuple[str, str], str]:
    """ "kick off" -> ("kick", "off"): two-word entries as the pairs the rules look up."""
    pairs: dict[tuple[str, str], str] = {}
    for words, event_type in words_to_type.items():
        first, second = words.split()
        pairs[(first, second)] = event_type
    return pairs


def _names(key: str) -> str:
    """Words of names from event_names.toml as a regex alternation, in the file's order."""
    return "|".join(re.escape(term) for term in lexicon.terms("event_names", key))


# --- event triggers by type: event_triggers.toml
EVENT_NOUNS: dict[str, str] = _triggers("nouns")
_COMPOUND_TYPES: dict[tuple[str, str], str] = _pairs(_triggers("compound_nouns"))
VERB_TYPES: dict[str, str] = _triggers("verbs")

PHRASAL_TYPES: dict[tuple[str, str], str] = {
    **_pairs(_triggers("phrasal_verbs")),
    **_pairs(dict.fromkeys(lexicon.terms("event_verbs", "phrasal_by_argument"), "")),
}

# --- reporting verbs: reporting_verbs.toml, the verbs marked `statement`
REPORTING_VERBS = frozenset(lexicon.reporting("statement"))
_SPEECH_ACTS = frozenset(lexicon.reporting("speech_act"))

# --- verb classes: event_verbs.toml
_SUBJECT_TYPED = lexicon.words("event_verbs", "subject_typed")
_LIGHT_VERBS = lexicon.words("event_verbs", "light")
_RESULT_VERBS = lexicon.words("event_verbs", "results")
_EARNING_VERBS = lexicon.words("event_verbs", "earning")
_HAVING_VERBS = lexicon.words("event_verbs", "having")
_DEPLOYMENT_VERBS = lexicon.words("event_verbs", "deployment")
_SESSION_VERBS = lexicon.words("event_verbs", "session")
_HAPPENING_VERBS = lexicon.words("event_verbs", "happening")
CHANGE_VERBS = lexicon.words("event_verbs", "change")
LEVEL_VERBS = lexicon.words("event_verbs", "level")
_DECISION_VERBS = lexicon.words("event_verbs", "decision")
_COURT_VERBS = lexicon.words("event_verbs", "court")
_GOVERNMENT_VERBS = lexicon.words("event_verbs", "government")
_COMPANY_VERBS = lexicon.words("event_verbs", "company")
_GATHERING_VERBS = lexicon.words("event_verbs", "gathering")
_VISIT_VERBS = lexicon.words("event_verbs", "visit")
_HARM_ACTS = lexicon.words("event_verbs", "harm_acts")
_ACCIDENT_VERBS = lexicon.words("event_verbs", "accident")
_BREAKDOWN_VERBS = lexicon.words("event_verbs", "breakdown")
_DISRUPTION_VERBS = lexicon.words("event_verbs", "disruption")
_FALLS = lexicon.words("event_verbs", "falls")
_HARM_VERBS = lexicon.words("event_verbs", "harm")
_HEDGES = lexicon.words("event_verbs", "hedges")
_FUTURE_HEADS = lexicon.words("event_verbs", "future_heads")
_POSTING_VERBS = lexicon.words("event_verbs", "posting")
_ORDER_VERBS = lexicon.words("event_verbs", "orders")
_RELEASING_VERBS = lexicon.words("event_verbs", "releasing")
_CONTRACT_VERBS = lexicon.words("event_verbs", "contracts")
_INVESTMENT_VERBS = lexicon.words("event_verbs", "investments")
_MEASURE_VERBS = lexicon.words("event_verbs", "measures")
_PUBLISHING_VERBS = lexicon.words("event_verbs", "publishing")
_ADDRESSING_VERBS = lexicon.words("event_verbs", "addressing")
_QUOTING_VERBS = lexicon.words("event_verbs", "quoting")
_WARNING_VERBS = lexicon.words("event_verbs", "warnings")
_WINNING_VERBS = lexicon.words("event_verbs", "winning")
_INTENT_VERBS = lexicon.words("event_verbs", "intentions")
_AIM_VERBS = lexicon.words("event_verbs", "aims")
_DECISIVE_GOVERNMENT_VERBS = lexicon.words("event_verbs", "government_decisions")
_EXECUTIVE_CHANGES = lexicon.words("event_verbs", "executive_changes")
_WORKER_ACTIONS = lexicon.words("event_verbs", "worker_actions")
_CONTEST_VERBS = lexicon.words("event_verbs", "contesting")
_TOLL_VERBS = lexicon.words("event_verbs", "toll")
_APPEAL_VERBS = lexicon.words("event_verbs", "appeals")
_POLICE_VERBS = lexicon.words("event_verbs", "police")
_COMPANY_PLANS = lexicon.words("event_verbs", "company_plans")
_ORGANIZING_VERBS = lexicon.words("event_verbs", "organizing")
_END_VERBS = lexicon.words("event_verbs", "end_forms")
_END_LEMMAS = lexicon.words("event_verbs", "end_lemmas")
_STATE_VERBS = lexicon.words("event_verbs", "states")

# --- noun classes: event_nouns.toml
_WEAK_NOUNS = lexicon.words("event_nouns", "weak")
_HYPOTHESIS_NOUNS = lexicon.words("event_nouns", "hypothesis")
_RATE_NOUNS = lexicon.words("event_nouns", "rates")
_FORECAST_NOUNS = lexicon.words("event_nouns", "forecasts")
_GAUGES = lexicon.words("event_nouns", "gauges")
_STRUCTURES = lexicon.words("event_nouns", "structures")
_PRICE_UNITS = lexicon.words("event_nouns", "price_units")
_SHARE_PRICE_WORDS = lexicon.words("event_nouns", "share_price_words")
_COMPANY_RESULTS = lexicon.words("event_nouns", "company_results")
_MARKET_NOUNS = lexicon.words("event_nouns", "market")
_COMMODITIES = lexicon.words("event_nouns", "commodities")
_MACRO_NOUNS = lexicon.words("event_nouns", "macro")
_MACRO_MODIFIERS = lexicon.words("event_nouns", "macro_modifiers")
_CORP_METRICS = lexicon.words("event_nouns", "corporate_metrics")
_VEHICLE_NOUNS = lexicon.words("event_nouns", "vehicles")
_DATA_NOUNS = lexicon.words("event_nouns", "data")
_LEGAL_WORDS = lexicon.words("event_nouns", "legal")
_TIME_UNITS = lexicon.words("event_nouns", "time_units")
# Number words the parser can tag as verbs ("2 lakh"): never a reporting verb.
_NUMBER_WORDS = frozenset(lexicon.table("numbers", "scales")) | frozenset(
    lexicon.table("numbers", "hundreds")
)
_NOT_MET = lexicon.words("event_nouns", "not_met")
_CONTAINER_NOUNS = lexicon.words("event_nouns", "containers")
_CHANGE_NOUNS = lexicon.words("event_nouns", "change")
_PRICE_NOUNS = lexicon.words("event_nouns", "prices")
_ECONOMIC_INDEX_MODIFIERS = lexicon.words("event_nouns", "economic_index_modifiers")
_PRODUCT_MODIFIERS = lexicon.words("event_nouns", "product_modifiers")
_PUBLIC_REVENUE_MODIFIERS = lexicon.words("event_nouns", "public_revenue_modifiers")
_REVENUE_NOUNS = lexicon.words("event_nouns", "revenue")
_COMPANY_FIGURES = lexicon.words("event_nouns", "company_figures")
_MACRO_RATES = lexicon.words("event_nouns", "macro_rates")
_MACRO_MEASURES = lexicon.words("event_nouns", "macro_measures")
_MACRO_TOTALS = lexicon.words("event_nouns", "macro_totals")
_PROTEST_TURNOUT = lexicon.words("event_nouns", "protest_turnout")
_RATE_CHANGES = lexicon.words("event_nouns", "rate_changes")
_LEVIES = lexicon.words("event_nouns", "levies")
# ECONOMIC_DATA nouns are that type only when released, published or issued (see `releasing`).
_RELEASED_NOUNS = lexicon.words("event_triggers", "ECONOMIC_DATA.nouns")
_SEATS = lexicon.words("event_nouns", "seats")
_GUESTS = lexicon.words("event_nouns", "guests")
_CHARGE_NOUNS = lexicon.words("event_nouns", "charges")
_TRADED_CONTRACTS = lexicon.words("event_nouns", "traded_contracts")
_STANDING_BODIES = lexicon.words("event_nouns", "standing_bodies")
_VERB_LED_NOUNS = lexicon.words("event_nouns", "verb_led")
_OUTINGS = lexicon.words("event_nouns", "outings")
_DATA_FORMS = lexicon.words("event_nouns", "data_forms")
_STRIKE_WEAPONS = lexicon.words("event_actors", "strike_weapons")
_HOLDING_VERBS = lexicon.words("event_verbs", "holding")
_COUNTED_VERBS = lexicon.words("event_verbs", "counted")
_SELF_DISASTERS = lexicon.words("event_verbs", "self_disasters")
_WRECK_VERBS = lexicon.words("event_verbs", "wrecks")
_COMPANY_DECISIONS = lexicon.words("event_verbs", "company_decisions")
_ATTENDING = lexicon.words("event_verbs", "attending")
_DATA_VERBS = frozenset(lexicon.reporting("by_data"))
_BALLOT_WORDS = lexicon.words("event_nouns", "ballot")
_FILINGS = lexicon.words("event_nouns", "filings")

# --- who acts, and titles: event_actors.toml
_COMPANY_NOUNS = lexicon.words("event_actors", "company")
_GOVERNMENT_NOUNS = lexicon.words("event_actors", "government")
_COURT_NOUNS = lexicon.words("event_actors", "court")
_POLICE_NOUNS = lexicon.words("event_actors", "police")
_MILITARY_NOUNS = lexicon.words("event_actors", "military")
_WORKER_NOUNS = lexicon.words("event_actors", "workers")
_VOTER_NOUNS = lexicon.words("event_actors", "voters")
_OFFICIAL_WORDS = lexicon.words("event_actors", "titles.official")
_NON_OFFICIAL_WORDS = lexicon.words("event_actors", "titles.non_official")
_CORPORATE_TITLES = lexicon.words("event_actors", "titles.corporate")
_BANK_MODIFIERS = lexicon.words("event_actors", "bank_modifiers")
_MILITARY_MODIFIERS = lexicon.words("event_actors", "military_modifiers")
_JUDGE_TITLES = lexicon.words("event_actors", "titles.judges")
_EXECUTIVE_TITLES = lexicon.words("event_actors", "titles.executives")

# --- function words: event_words.toml
_ANAPHORIC_DETERMINERS = lexicon.words("event_words", "anaphoric_determiners")
_STEADY_WORDS = lexicon.words("event_words", "steady")
# Pronoun speakers: "he said" takes the last named speaker.
_PRONOUNS = lexicon.words("entities", "subject_pronouns")
_PARTS = lexicon.words("event_words", "gathering_parts")
_HABITUAL = lexicon.words("event_words", "habitual")
_PARTICLES = lexicon.words("event_words", "particles")
_JOINING_PREPS = lexicon.words("event_words", "joining_preps")
_ARGUMENT_ROLES = lexicon.by_word("event_words", "argument_roles")
_LEVEL_WORDS = lexicon.words("event_words", "levels")
_FUTURE_AUXILIARIES = lexicon.words("event_words", "future_auxiliaries")
_MODALS = lexicon.words("event_words", "modals")
_PERFECT_AUXILIARIES = lexicon.words("event_words", "perfect_auxiliaries")
_HEDGING_MODALS = lexicon.words("event_words", "hedging_modals")
_NOMINAL_PREPS = lexicon.words("event_words", "nominal_preps")
_COMPARISON_WORDS = lexicon.words("event_words", "comparison")

# --- words of names, as patterns: event_names.toml (and event_words.toml for vague spans)
_INDEX_NAMES = re.compile(rf"\b(?:{_names('stock_indices')})")
_COMPANY_SUFFIX = re.compile(rf"\b(?:{_names('company_suffixes')})\b\.?")
_COMPANY_NAME = re.compile(rf"\b(?:{_names('company_words')})\b")
_GOVERNMENT_NAME = re.compile(rf"\b(?:{_names('government_words')})\b")
_CENTRAL_BANK = re.compile(rf"\b(?:{_names('central_banks')}|Bank of [A-Z]\w+)\b")

_VAGUE_SPAN = re.compile(
    r"\b(?:" + "|".join(map(re.escape, lexicon.terms("event_words", "vague_spans"))) + r")\b", re.I
)

# Names of gatherings and of votes ("the Eastern Economic Forum", "the 2025 general election").
_GATHERING_NAME = re.compile(rf"\b(?:{_names('gathering_words')}|COP\d+)\b")

# --- not words: parser labels, type groups, thresholds and patterns

# Dependency labels of clause heads (spaCy's English labels, not words).
_CLAUSE_DEPS = frozenset(
    "ROOT conj ccomp advcl xcomp relcl parataxis acl pcomp csubj csubjpass".split()
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_LOCATING_PREPS = ("in", "at", "near", "across", "outside", "inside", "off")
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
_ELECTION_NAME = re.compile(r"\b(?:[Ee]lection|[Vv]ote|[Rr]eferendum|[Pp]oll)s?\b")
