"""Table-driven tests for event extraction (transforms/events.py).

Each case is a sentence or a short story, its publication date, and the events it must give.
Inputs are built the way the pipeline builds them: the spaCy model, the entity mentions and the
time expressions of the same text.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pytest

from transforms.entities import extract_entities
from transforms.events import (
    EVENT_TYPE_DEFINITIONS,
    EVENT_TYPES,
    event_id_for,
    extract_events,
)
from transforms.model import Event
from transforms.timex import extract_time_expressions


class Case(NamedTuple):
    id: str
    text: str
    published: str
    # Each expected event: type, and optionally trigger (a word of it), start, end, precision,
    # roles (name, role) that must be among its participants, location, country.
    expected: list[dict[str, Any]]
    dateline: str | None = None
    exact: bool = True  # no other events than the expected ones


CASES: list[Case] = [
    # --- STATEMENT --------------------------------------------------------------------------
    Case(
        "statement-dated",
        "The Finance Ministry said on Monday that it remains committed to fiscal discipline.",
        "2025-03-11",
        [
            {
                "type": "STATEMENT",
                "trigger": "said",
                "start": "2025-03-10",
                "precision": "day",
                "roles": [("Finance Ministry", "speaker")],
            }
        ],
    ),
    Case(
        "statement-undated-past-takes-publication-date",
        "Central bank governor Maria Santos warned that the outlook for prices remains uncertain.",
        "2025-03-12",
        [
            {
                "type": "STATEMENT",
                "trigger": "warned",
                "start": "2025-03-12",
                "roles": [("Maria Santos", "speaker")],
            }
        ],
    ),
    Case(
        "analyst-quote-is-no-event",
        '"Growth is clearly losing steam this spring," said Mark Ellis, an economist at '
        "Harbour Research.",
        "2025-03-12",
        [],
    ),
    Case(
        "statement-same-speaker-merges",
        '"We will not back down on this reform," Energy Minister Sara Osei said. '
        '"It is fair to every household in the country," she added.',
        "2025-05-02",
        [{"type": "STATEMENT", "roles": [("Sara Osei", "speaker")], "start": "2025-05-02"}],
    ),
    Case(
        "press-conference-is-a-statement",
        "Health Minister Tomas Berg told a news conference in Oslo on Tuesday that hospital "
        "waiting lists were shrinking.",
        "2025-04-10",
        [
            {
                "type": "STATEMENT",
                "start": "2025-04-08",
                "location": "Oslo",
                "roles": [("Tomas Berg", "speaker")],
            }
        ],
    ),
    # --- reporting verbs that report something more specific --------------------------------
    Case(
        "said-it-will-ban-is-policy",
        "The agriculture ministry said it will ban exports of raw timber from June.",
        "2025-03-12",
        [{"type": "POLICY", "trigger": "ban"}],
    ),
    Case(
        "said-exports-rose-is-economic-data",
        "Chile's copper exports rose 5.2 percent in February, the central bank said on Tuesday.",
        "2025-03-12",
        [{"type": "ECONOMIC_DATA", "start": "2025-03-11", "precision": "day"}],
    ),
    Case(
        "figures-cited-by-a-minister-are-his-statement",
        "Trade Minister Oskar Lind said exports to Asia grew 12 percent last year.",
        "2025-03-12",
        [{"type": "STATEMENT", "roles": [("Oskar Lind", "speaker")]}],
    ),
    # --- ECONOMIC_DATA ----------------------------------------------------------------------
    Case(
        "data-release-and-its-elaboration-are-one-event",
        "Japan's industrial output fell 1.1 percent in January, government data showed on "
        "Friday. Shipments of machinery dropped 3 percent from a year earlier.",
        "2025-02-28",
        [{"type": "ECONOMIC_DATA", "trigger": "showed", "start": "2025-02-28"}],
    ),
    Case(
        "reference-period-is-not-the-release-date",
        "Kenya's annual inflation eased to 3.2 percent in March, the statistics office said.",
        "2025-04-01",
        [{"type": "ECONOMIC_DATA", "start": "2025-04-01", "precision": "day"}],
    ),
    # --- CORPORATE --------------------------------------------------------------------------
    Case(
        "quarterly-results",
        "Norvik Foods Ltd on Thursday reported a 9 percent rise in quarterly net profit.",
        "2025-07-25",
        [
            {
                "type": "CORPORATE",
                "trigger": "reported",
                "start": "2025-07-24",
                "roles": [("Norvik Foods Ltd", "actor")],
            }
        ],
    ),
    Case(
        "acquisition-agreed",
        "Brightline Logistics Inc said on Monday it had agreed to acquire rival Coastway "
        "Freight for $1.2 billion.",
        "2025-06-03",
        [{"type": "CORPORATE", "trigger": "agreed", "start": "2025-06-02"}],
    ),
    Case(
        "appointment-in-the-lead-takes-the-publication-date",
        "Aster Bank has appointed Leila Haddad as its chief executive.",
        "2025-06-03",
        [{"type": "CORPORATE", "trigger": "appointed", "start": "2025-06-03"}],
    ),
    Case(
        "undated-background-investment-stays-unknown",
        "Over the years, the group has invested heavily in solar farms across the region.",
        "2025-06-03",
        [{"type": "CORPORATE", "trigger": "invested", "start": None, "precision": "unknown"}],
    ),
    # --- MARKET -----------------------------------------------------------------------------
    Case(
        "index-close",
        "The benchmark Nikkei index closed 1.4 percent lower on Wednesday.",
        "2025-05-08",
        [{"type": "MARKET", "start": "2025-05-07"}],
    ),
    Case(
        "currency-move-undated-takes-publication-date",
        "The rupee weakened to a record low of 88.9 against the dollar.",
        "2025-05-08",
        [{"type": "MARKET", "trigger": "weakened", "start": "2025-05-08"}],
    ),
    # --- POLICY -----------------------------------------------------------------------------
    Case(
        "rate-decision",
        "The central bank kept its key interest rate unchanged at 6.5 percent on Thursday.",
        "2025-05-09",
        [{"type": "POLICY", "trigger": "kept", "start": "2025-05-08"}],
    ),
    Case(
        "cabinet-approval",
        "The cabinet on Tuesday approved a draft law on data protection.",
        "2025-05-09",
        [{"type": "POLICY", "trigger": "approved", "start": "2025-05-06"}],
    ),
    Case(
        "quarter-precision",
        "The government will unveil its new budget in the second quarter.",
        "2025-02-10",
        [
            {
                "type": "POLICY",
                "start": "2025-04-01",
                "end": "2025-06-30",
                "precision": "quarter",
            }
        ],
    ),
    Case(
        "dateline-gives-the-place",
        "NAIROBI, March 3 (Reuters) - The central bank cut its benchmark rate by 25 basis points "
        "on Monday.",
        "2025-03-03",
        [
            {
                "type": "POLICY",
                "start": "2025-03-03",
                "location": "Nairobi",
                "country": "KE",
            }
        ],
        dateline="Nairobi",
    ),
    Case(
        "hypothetical-rate-cut-is-no-event",
        "Investors increased bets that the central bank will cut interest rates.",
        "2025-05-09",
        [],
    ),
    # --- LEGAL ------------------------------------------------------------------------------
    Case(
        "court-blocks-a-law",
        "A federal court on Monday blocked a new state voting law.",
        "2025-05-13",
        [{"type": "LEGAL", "trigger": "blocked", "start": "2025-05-12"}],
    ),
    Case(
        "arrest",
        "Police arrested three men in connection with the robbery on Sunday.",
        "2025-05-13",
        [{"type": "LEGAL", "trigger": "arrested", "start": "2025-05-11"}],
    ),
    Case(
        "sentence",
        "A Nairobi court sentenced a former mayor to seven years in prison for fraud.",
        "2025-05-13",
        [{"type": "LEGAL", "trigger": "sentenced"}],
    ),
    # --- CONFLICT ---------------------------------------------------------------------------
    Case(
        "attack-by-armed-group",
        "Rebel fighters attacked an army base near the border on Saturday, killing four soldiers.",
        "2025-08-04",
        [{"type": "CONFLICT", "trigger": "attacked", "start": "2025-08-02"}],
    ),
    Case(
        "fighting-told-twice-is-one-event",
        "Clashes between rival militias killed at least 12 people in the north, officials said. "
        "The fighting erupted on Friday and spread to two nearby towns.",
        "2025-08-04",
        [{"type": "CONFLICT", "start": "2025-08-01"}],
    ),
    # --- PROTEST ----------------------------------------------------------------------------
    Case(
        "march",
        "Thousands of teachers marched through the capital on Saturday to demand higher pay.",
        "2025-09-08",
        [{"type": "PROTEST", "trigger": "marched", "start": "2025-09-06"}],
    ),
    Case(
        "strike-with-its-length",
        "Dock workers walked out on Monday at the start of a four-day strike over pay.",
        "2025-09-08",
        [
            {
                "type": "PROTEST",
                "trigger": "walked out",
                "start": "2025-09-08",
                "end": "2025-09-11",
            }
        ],
    ),
    # --- DISASTER ---------------------------------------------------------------------------
    Case(
        "train-derailment",
        "A passenger train derailed near the town of Kassala on Friday, injuring 30 people.",
        "2025-10-06",
        [{"type": "DISASTER", "trigger": "derailed", "start": "2025-10-03"}],
    ),
    Case(
        "flood-and-its-toll-are-one-event",
        "Floods swept through three districts on Sunday. At least nine people were killed and "
        "200 homes were destroyed.",
        "2025-10-06",
        [{"type": "DISASTER", "start": "2025-10-05"}],
    ),
    # --- ELECTION ---------------------------------------------------------------------------
    Case(
        "election-results-and-seats-are-one-event",
        "The Liberal Party won Sunday's parliamentary election, taking 61 of 120 seats. "
        "The party took 14 more seats than in the previous vote.",
        "2025-10-13",
        [{"type": "ELECTION", "start": "2025-10-12"}],
    ),
    Case(
        "re-election",
        "Mayor Ines Prado was re-elected with 55 percent of the vote.",
        "2025-10-13",
        [{"type": "ELECTION"}],
    ),
    # --- MEETING ----------------------------------------------------------------------------
    Case(
        "gathering-opens-and-is-described-again",
        "The Global Ports Forum opened in Lisbon on Monday. The three-day forum brings "
        "together shipping executives from 40 countries.",
        "2025-11-11",
        [
            {
                "type": "MEETING",
                "trigger": "opened",
                "start": "2025-11-10",
                "end": "2025-11-12",
                "location": "Lisbon",
            }
        ],
    ),
    Case(
        "future-meeting",
        "Foreign ministers of the bloc will meet in Brussels on March 20 to discuss the "
        "sanctions package.",
        "2025-03-12",
        [{"type": "MEETING", "trigger": "meet", "start": "2025-03-20", "location": "Brussels"}],
    ),
    Case(
        "hosted-by-is-the-organizer",
        "The summit, hosted by the African Union, will open in Addis Ababa on May 6.",
        "2025-04-28",
        [
            {
                "type": "MEETING",
                "start": "2025-05-06",
                "roles": [("African Union", "organizer")],
            }
        ],
    ),
    # --- AGREEMENT, and two events in one sentence -------------------------------------------
    Case(
        "agreement-signed-during-a-visit",
        "Kenya and Japan signed two trade agreements on Wednesday during a visit to Nairobi by "
        "Japan's foreign minister.",
        "2025-06-12",
        [
            {
                "type": "AGREEMENT",
                "trigger": "signed",
                "start": "2025-06-11",
                "roles": [("Kenya", "participant"), ("Japan", "participant")],
            },
            {"type": "MEETING", "trigger": "visit"},
        ],
    ),
    Case(
        "memorandum-with-place",
        "Egypt and Jordan signed a memorandum of understanding on energy cooperation in Cairo "
        "on Sunday.",
        "2025-06-16",
        [
            {
                "type": "AGREEMENT",
                "start": "2025-06-15",
                "location": "Cairo",
                "roles": [("Egypt", "participant"), ("Jordan", "participant")],
            }
        ],
    ),
    # --- what is not an event, and what belongs to another -----------------------------------
    Case(
        "negated-signing-is-no-event",
        "The two sides did not sign the agreement on Friday.",
        "2025-06-16",
        [],
    ),
    Case(
        "habitual-is-no-event",
        "Tropical storms usually hit the southern coast every autumn.",
        "2025-06-16",
        [],
    ),
    Case(
        "reaction-belongs-to-the-ruling",
        "A court on Tuesday struck down the city's rent law. The mayor's office called the "
        "ruling a setback for tenants.",
        "2025-06-18",
        [{"type": "LEGAL", "trigger": "struck down", "start": "2025-06-17"}],
    ),
    Case(
        "statement-at-a-new-gathering-is-the-gathering",
        "Speaking at a two-day logistics summit in Doha, Transport Minister Jassim Al-Sulaiti "
        "said port traffic grew 8 percent last year.",
        "2025-06-18",
        [{"type": "MEETING", "trigger": "summit", "location": "Doha"}],
    ),
    Case(
        "undated-follow-up-takes-the-story-day",
        "Thousands of farmers marched through the capital on Saturday. Police arrested 14 people "
        "near parliament.",
        "2025-06-16",
        [
            {"type": "PROTEST", "start": "2025-06-14"},
            {"type": "LEGAL", "trigger": "arrested", "start": "2025-06-14"},
        ],
    ),
    # --- OTHER ------------------------------------------------------------------------------
    Case(
        "evacuation",
        "Authorities evacuated more than 5,000 residents from low-lying villages on Thursday.",
        "2025-10-10",
        [{"type": "OTHER", "trigger": "evacuated", "start": "2025-10-09"}],
    ),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from transforms.pipeline import load_nlp

    return load_nlp()


def _extract(nlp, text: str, published: str, dateline: str | None = None) -> list[Event]:  # type: ignore[no-untyped-def]
    anchor = date.fromisoformat(published)
    doc = nlp(text)
    mentions = extract_entities(doc)
    times = extract_time_expressions(text, anchor)
    return extract_events(doc, "test", mentions, times, anchor, dateline)


def _check(event: Event, want: dict[str, Any]) -> None:
    assert event.event_type == want["type"]
    if "trigger" in want:
        assert want["trigger"] in event.trigger
    if "start" in want:
        expected = date.fromisoformat(want["start"]) if want["start"] else None
        assert event.date_start == expected
    if "end" in want:
        assert event.date_end == (date.fromisoformat(want["end"]) if want["end"] else None)
    if "precision" in want:
        assert event.date_precision == want["precision"]
    if "location" in want:
        assert event.location == want["location"]
    if "country" in want:
        assert event.country_code == want["country"]
    roles = {(p.name, p.role) for p in event.participants}
    for role in want.get("roles", []):
        assert tuple(role) in roles, f"{role} not in {sorted(roles)}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_events(nlp, case: Case) -> None:  # type: ignore[no-untyped-def]
    events = _extract(nlp, case.text, case.published, case.dateline)
    got = [e.event_type for e in events]
    if case.exact:
        assert got == [w["type"] for w in case.expected], [
            (e.event_type, e.trigger) for e in events
        ]
    for want in case.expected:
        matching = [e for e in events if e.event_type == want["type"]]
        assert matching, f"no {want['type']} in {got}"
        _check(matching[0], want)


def test_rows_keep_the_contract(nlp) -> None:  # type: ignore[no-untyped-def]
    """Offsets, vocabulary, precision and confidence as the warehouse validates them."""
    text = (
        "ROME, July 7 (Reuters) - Italy's cabinet approved a 2 billion euro flood relief package "
        "on Monday, the prime minister's office said.\n\nRescue teams searched for survivors "
        'in two valleys. "We are doing everything we can," Civil Protection chief Marco Neri said.'
    )
    events = _extract(nlp, text, "2025-07-07", "Rome")
    assert events
    for e in events:
        assert e.event_type in EVENT_TYPES
        assert text[e.start_char : e.end_char] == e.sentence
        assert e.date_precision in ("day", "week", "month", "quarter", "half", "year", "unknown")
        assert (e.date_start is None) == (e.date_precision == "unknown")
        assert 0.0 <= e.confidence <= 1.0
        assert len(e.summary) <= 200 and "\n" not in e.summary
        assert e.trigger
        assert all(
            p.role in ("actor", "target", "speaker", "organizer", "participant", "location")
            for p in e.participants
        )
    ids = [event_id_for("a", e.start_char, e.event_type) for e in events]
    assert len(ids) == len(set(ids))


def test_every_type_is_defined() -> None:
    assert set(EVENT_TYPE_DEFINITIONS) == set(EVENT_TYPES)
