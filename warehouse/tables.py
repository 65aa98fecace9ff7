"""The warehouse's tables, declared once: what each holds and who uses it.

The loader, the pipeline, the expectations, the report and the export all take their lists
from here; `tests/warehouse/test_tables.py` checks the registry against the migrations, so a
table added there and not here (or the other way round) fails the suite. This module imports
nothing, so any layer may read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["article", "derived", "operations"]


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    kind: Kind  # article rows, rows derived from an article's text, or run bookkeeping
    validated: bool = False  # has a Great Expectations suite (expectations/suites/NAME.json)
    partitioned: bool = False  # exported by publication date
    reported: bool = False  # counted in the data quality report


# In load order: a batch's child tables are replaced per article, so events load before their
# participants, and the run record first.
TABLES: tuple[Table, ...] = (
    Table("etl_runs", "operations"),
    Table("articles", "article", validated=True, partitioned=True, reported=True),
    Table("article_bands", "article"),
    Table("entities", "derived", validated=True, reported=True),
    Table("mentions", "derived", validated=True, partitioned=True, reported=True),
    Table("time_expressions", "derived", validated=True, partitioned=True, reported=True),
    Table("events", "derived", validated=True, partitioned=True, reported=True),
    Table("event_participants", "derived", validated=True, partitioned=True, reported=True),
    Table("metrics", "derived", validated=True, partitioned=True, reported=True),
    Table("quotes", "derived", validated=True, partitioned=True, reported=True),
    Table("quarantine", "operations", reported=True),
    Table("rejected_documents", "operations", reported=True),
    Table("dq_results", "operations"),
    Table("raw_documents", "operations"),
    Table("source_state", "operations"),
)

LOAD_ORDER = tuple(t.name for t in TABLES)
DERIVED = tuple(t.name for t in TABLES if t.kind == "derived")  # what the analysis produces
VALIDATED = tuple(t.name for t in TABLES if t.validated)
PARTITIONED = tuple(t.name for t in TABLES if t.partitioned)
REPORTED = tuple(t.name for t in TABLES if t.reported)
