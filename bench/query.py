"""Query benchmark: the README's ad-hoc SQL on a warehouse of 100,000 articles' worth of rows.

    .venv/bin/python -m bench.query [--articles 100000] [--out bench/results/query.json]
                                    [--db FILE [--reuse]] [--repeat 5]

The rows are generated directly, not through NLP: DuckDB SQL over `range()`, with hash-based
pseudo-random choices (the same rows for the same size, every time), into a file created by
`warehouse.db.ensure_schema` (the real migrations and views). Cardinalities per article follow
what the pipeline extracts from wire copy: 14 mentions, 10 time expressions, 6 events with 1.2
participants each, 12 metrics and 1.5 quotes; 1.2 entities per article, mentioned with a
Zipf-like skew (a few names everywhere, most names rarely).

The queries are the ```sql blocks of README.md's "Ad-hoc SQL" section, each labelled with the
question above it; without that section, a built-in list over the same views. Each query runs
`--repeat` times through `warehouse.db.query` (a read-only connection per query, as
`wirehouse sql` opens) and on one open connection; the best time counts.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
TARGET_SECONDS = 0.5

# Rows per article (and entities per article) in the generated warehouse.
PER_ARTICLE = {
    "mentions": 14,
    "time_expressions": 10,
    "events": 6,
    "metrics": 12,
    "quotes": 1.5,
    "entities": 1.2,
}
PARTICIPANTS_PER_EVENT = 1.2

# Fallback when README.md has no "Ad-hoc SQL" section: the same kinds of question.
BUILT_IN_QUERIES = [
    (
        "Trade figures, newest first (v_metrics)",
        "select published_date, wire_agency, subject, value, unit, period_label, geography "
        "from v_metrics where subject ilike '%trade%' "
        "order by published_date desc, value desc limit 20",
    ),
    (
        "A series across periods (v_metric_series)",
        "select subject, unit, geography, period_label, value, reports from v_metric_series "
        "where measure = 'level' and unit in ('USD', 'CNY', 'AED', 'PKR', 'INR') "
        "order by subject, period_start limit 20",
    ),
    (
        "Events per country and type (v_events)",
        "select country_code, event_type, count(*) as events from v_events "
        "where country_code is not null group by all order by events desc, country_code limit 20",
    ),
    (
        "Organisations named most (v_entity_mentions)",
        "select name, count(*) as mentions, count(distinct article_id) as articles "
        "from v_entity_mentions where entity_type = 'ORG' group by all "
        "order by mentions desc, name limit 10",
    ),
    (
        "Most quoted speakers and their agencies (quotes)",
        "select q.speaker_name, count(*) as quotes, list(distinct a.wire_agency) as agencies "
        "from quotes q join articles a using (article_id) where q.speaker_name is not null "
        "group by q.speaker_name order by quotes desc, q.speaker_name limit 10",
    ),
    (
        "Monthly count of economic-data events for one country (v_events)",
        "select date_trunc('month', date_start) as month, count(*) from v_events "
        "where event_type = 'ECONOMIC_DATA' and country_code = 'CN' group by 1 order by 1",
    ),
]

# --------------------------------------------------------------------------------------------
# Generating the warehouse. `rnd(i, salt)` is a uniform number in [0, 1) fixed by (i, salt);
# `pick(list, u)` one element of a list. Entity j has type by j % 20, so a Zipf-skewed pick of
# a given type is `skewed(u, n, offset)`.
# --------------------------------------------------------------------------------------------

MACROS = """
CREATE OR REPLACE TEMP MACRO rnd(i, salt) AS ((hash(i, salt) % 1000003) / 1000003.0);
CREATE OR REPLACE TEMP MACRO pick(options, u) AS
    options[1 + least(len(options) - 1, floor(u * len(options)))::INTEGER];
CREATE OR REPLACE TEMP MACRO aid(i) AS substr(md5('article:' || i), 1, 16);
CREATE OR REPLACE TEMP MACRO eid(j) AS substr(md5('entity:' || j), 1, 16);
CREATE OR REPLACE TEMP MACRO skewed(u, n, offset_) AS
    (20 * floor(pow(u, 2.5) * greatest(1, n // 20))::BIGINT + offset_);
"""

ARTICLES = """
INSERT INTO articles (article_id, url, canonical_url, source_name, wire_agency, source_chain,
    title, author, dateline, published_at, published_date, language, body_text, word_count,
    content_hash, duplicate_of, first_seen_at, run_id)
SELECT
    aid(i),
    'https://' || site || '/news/' || i,
    'https://' || site || '/news/' || i,
    source,
    agency,
    [publisher, agency],
    'Story ' || i || ': ' || pick(['exports rise', 'ministers meet', 'index closes higher',
        'floods hit province', 'central bank holds rate', 'company reports profit'], rnd(i, 2)),
    agency,
    pick(['BEIJING', 'ABU DHABI', 'ISLAMABAD', 'LONDON', 'WASHINGTON', 'DUBAI', 'KARACHI',
        'SHANGHAI', 'NEW YORK', 'MUMBAI', 'TOKYO', 'FRANKFURT'], rnd(i, 3)),
    published,
    published::DATE,
    'en',
    repeat('Officials said the figures released on Monday showed a steady rise in output. ',
        5 + (hash(i, 4) % 25)::INTEGER),
    (5 + (hash(i, 4) % 25)::INTEGER) * 13,
    md5('body:' || i),
    CASE WHEN i > 100 AND rnd(i, 5) < 0.05 THEN aid(i - 1 - (hash(i, 6) % 100)) END,
    published + INTERVAL 1 HOUR,
    'bench-query'
FROM (
    SELECT
        i,
        pick(['Xinhua', 'Xinhua', 'WAM', 'WAM', 'Reuters', 'Reuters', 'AP', 'APP', 'APP',
            'AFP'], rnd(i, 1)) AS agency,
        pick(['meridiandaily.example', 'gulfledger.example', 'indusherald.example',
            'silkroadpost.example', 'capitalwire.example', 'pointnews.example'], rnd(i, 7))
            AS site,
        'feed-' || lpad((hash(i, 8) % 40)::VARCHAR, 3, '0') AS source,
        pick(['Meridian Daily', 'The Gulf Ledger', 'Indus Herald', 'Silk Road Post',
            'Capital Wire', 'Point News Network'], rnd(i, 7)) AS publisher,
        TIMESTAMPTZ '2024-06-01 00:00:00+00' + to_seconds((rnd(i, 9) * 540 * 86400)::BIGINT)
            AS published
    FROM range($articles) t(i)
)
"""

ENTITIES = """
INSERT INTO entities (entity_id, name, entity_type, country_code, aliases, run_id)
SELECT
    eid(j),
    CASE kind
        WHEN 'ORG' THEN list_element(['Jinhe', 'Qingshan', 'Sahra', 'Al Khor', 'Indus', 'Ravi',
            'Northgate', 'Bellhaven', 'Tristar', 'Halden', 'Rheinfeld', 'Valmont', 'Deccan',
            'Konkan', 'Tsubame', 'Kivu', 'Margalla', 'Potohar', 'Dhafra', 'Marjan'],
            1 + (r % 20)::INTEGER) || ' ' || list_element(['Logistics', 'Energy', 'Motors',
            'Foods', 'Steel', 'Textiles', 'Capital', 'Telecom', 'Cement', 'Shipping',
            'Pharmaceuticals', 'Holdings'], 1 + (r // 20 % 12)::INTEGER) || ' '
            || list_element(['Group', 'Co.', 'Company', 'Corporation', 'Ltd'],
            1 + (r // 240 % 5)::INTEGER) || CASE WHEN r >= 1200 THEN ' ' || (r // 1200 + 1)
            ELSE '' END
        WHEN 'PERSON' THEN list_element(['Ahmed', 'Fatima', 'Wang', 'Li', 'Imran', 'Sana',
            'Daniel', 'Laura', 'Kenji', 'Priya', 'Oliver', 'Elena', 'Joseph', 'Grace', 'Hamad',
            'Mariam', 'Zhang', 'Usman', 'Claire', 'Rahul'], 1 + (r % 20)::INTEGER) || ' '
            || CASE WHEN r >= 500 THEN chr(65 + (r // 500 % 26)::INTEGER) || '. ' ELSE '' END
            || list_element(['Al Mansoori', 'Qureshi', 'Jianguo', 'Whitcombe', 'Watanabe',
            'Sharma', 'Hargreaves', 'Moreau', 'Mwamba', 'Al Nuaimi', 'Malik', 'Haiyan',
            'Brennan', 'Nakamura', 'Iyer', 'Ashby', 'Lindqvist', 'Otieno', 'Al Shamsi',
            'Siddiqui', 'Okafor', 'Novak', 'Reddy', 'Fujita', 'Kowalski'],
            1 + (r // 20 % 25)::INTEGER) || CASE WHEN r >= 13000 THEN ' ' || (r // 13000 + 1)
            ELSE '' END
        WHEN 'GPE' THEN list_element(['China', 'UAE', 'Pakistan', 'United States', 'Britain',
            'India', 'Japan', 'Congo', 'Beijing', 'Abu Dhabi', 'Dubai', 'Karachi', 'Lahore',
            'London', 'Washington', 'Guangdong', 'Punjab', 'Sindh', 'Yunnan', 'Mumbai'],
            1 + (r % 20)::INTEGER) || CASE WHEN r >= 20 THEN ' district ' || (r // 20)
            ELSE '' END
        ELSE kind || ' ' || j
    END,
    kind,
    CASE WHEN kind IN ('ORG', 'GPE', 'PERSON', 'LOC') AND rnd(j, 17) < 0.8
        THEN pick(['CN', 'AE', 'PK', 'US', 'GB', 'IN', 'JP', 'CD', 'SA', 'DE'], rnd(j, 18)) END,
    CASE WHEN kind = 'ORG' AND rnd(j, 19) < 0.3
        THEN [upper(substr(md5('alias:' || j), 1, 4))] ELSE [] END,
    'bench-query'
FROM (
    -- r numbers the entities of one type 0, 1, 2...: their names are distinct
    SELECT j, CASE
        WHEN j % 20 < 6 THEN 'ORG'
        WHEN j % 20 < 12 THEN 'PERSON'
        WHEN j % 20 < 17 THEN 'GPE'
        WHEN j % 20 = 17 THEN 'LOC'
        WHEN j % 20 = 18 THEN 'NORP'
        ELSE pick(['FAC', 'EVENT', 'PRODUCT', 'LAW'], rnd(j, 10))
    END AS kind,
    CASE
        WHEN j % 20 < 6 THEN (j // 20) * 6 + j % 20
        WHEN j % 20 < 12 THEN (j // 20) * 6 + j % 20 - 6
        WHEN j % 20 < 17 THEN (j // 20) * 5 + j % 20 - 12
        ELSE j
    END AS r
    FROM range($entities) t(j)
)
"""

MENTIONS = """
INSERT INTO mentions (article_id, entity_id, text, start_char, end_char, sentence_index, run_id)
SELECT g.article_id, e.entity_id, e.name, g.start_char, g.start_char + length(e.name),
    g.sentence_index, 'bench-query'
FROM (
    SELECT
        aid(i // $per) AS article_id,
        eid(skewed(rnd(i, 21), $entities, (hash(i, 22) % 20)::BIGINT)) AS entity_id,
        ((i % $per) * 97)::INTEGER AS start_char,
        ((i % $per) // 3)::INTEGER AS sentence_index
    FROM range($rows) t(i)
) g
JOIN entities e USING (entity_id)
"""

TIME_EXPRESSIONS = """
INSERT INTO time_expressions (article_id, text, start_char, end_char, kind, value,
    range_start, range_end, run_id)
SELECT
    aid(i // $per),
    label,
    ((i % $per) * 89)::INTEGER,
    ((i % $per) * 89 + length(label))::INTEGER,
    kind,
    value,
    day,
    day + (hash(i, 33) % 31)::INTEGER,
    'bench-query'
FROM (
    SELECT i,
        pick(['date', 'date', 'date', 'date', 'date', 'date', 'duration', 'set', 'time'],
            rnd(i, 31)) AS kind,
        DATE '2024-01-01' + (rnd(i, 32) * 700)::INTEGER AS day,
        pick(['on Monday', 'last month', 'in the first half', 'in August', 'this year'],
            rnd(i, 34)) AS label,
        strftime(DATE '2024-01-01' + (rnd(i, 32) * 700)::INTEGER, '%Y-%m') AS value
    FROM range($rows) t(i)
)
"""

EVENTS = """
INSERT INTO events (event_id, article_id, event_type, summary, trigger, date_start, date_end,
    date_precision, location_entity_id, country_code, sentence, start_char, end_char,
    confidence, run_id)
SELECT
    substr(md5('event:' || i), 1, 16),
    aid(i // $per),
    kind,
    kind || ' reported in story ' || (i // $per),
    pick(['said', 'met', 'signed', 'rose', 'closed', 'ruled', 'hit', 'won'], rnd(i, 42)),
    day,
    day,
    pick(['day', 'day', 'day', 'month', 'quarter', 'year', 'unknown'], rnd(i, 43)),
    CASE WHEN rnd(i, 44) < 0.6 THEN eid(skewed(rnd(i, 45), $entities,
        12 + (hash(i, 46) % 5)::BIGINT)) END,
    CASE WHEN rnd(i, 47) < 0.85 THEN pick(['CN', 'CN', 'CN', 'AE', 'AE', 'PK', 'PK', 'US',
        'GB', 'IN', 'JP', 'CD', 'SA', 'DE', 'FR', 'KZ'], rnd(i, 48)) END,
    'The ministry said on Monday that the figures rose in the period.',
    ((i % $per) * 211)::INTEGER,
    ((i % $per) * 211 + 64)::INTEGER,
    round(0.4 + rnd(i, 49) * 0.6, 2),
    'bench-query'
FROM (
    SELECT i,
        pick(['STATEMENT', 'STATEMENT', 'STATEMENT', 'ECONOMIC_DATA', 'ECONOMIC_DATA',
            'MARKET', 'MARKET', 'POLICY', 'POLICY', 'MEETING', 'AGREEMENT', 'CORPORATE',
            'LEGAL', 'DISASTER', 'ELECTION', 'CONFLICT', 'PROTEST', 'OTHER'], rnd(i, 41))
            AS kind,
        DATE '2024-06-01' + (rnd(i, 40) * 540)::INTEGER AS day
    FROM range($rows) t(i)
)
"""

EVENT_PARTICIPANTS = """
INSERT INTO event_participants (event_id, entity_id, role, run_id)
SELECT
    substr(md5('event:' || ((i * 10) // 12)), 1, 16),
    eid(skewed(rnd(i, 51), $entities, (hash(i, 52) % 12)::BIGINT)),
    pick(['speaker', 'speaker', 'actor', 'participant', 'location', 'target', 'organizer'],
        rnd(i, 53)),
    'bench-query'
FROM range($rows) t(i)
"""

METRICS = """
INSERT INTO metrics (metric_id, article_id, subject, value, unit, qualifier, measure,
    direction, period_start, period_end, period_label, compared_with, geography,
    attributed_to_entity_id, text, start_char, end_char, sentence, run_id)
SELECT
    substr(md5('metric:' || i), 1, 16),
    aid(i // $per),
    subject,
    CASE WHEN unit IN ('percent', 'percentage_point') THEN round(rnd(i, 62) * 30, 1)
        ELSE round(pow(10, 3 + rnd(i, 62) * 9), 0) END,
    unit,
    pick(['exact', 'exact', 'exact', 'exact', 'exact', 'exact', 'approximately',
        'more_than', 'at_least', 'at_most', 'less_than'], rnd(i, 63)),
    measure,
    CASE WHEN measure = 'change' THEN pick(['up', 'up', 'down'], rnd(i, 64)) END,
    period_start,
    last_day(period_start + INTERVAL 2 MONTH),
    strftime(period_start, '%Y-%m'),
    CASE WHEN measure = 'change' THEN strftime(period_start - INTERVAL 1 YEAR, '%Y-%m') END,
    CASE WHEN rnd(i, 65) < 0.6 THEN pick(['CN', 'AE', 'PK', 'US', 'GB', 'IN', 'JP', 'world',
        'Dubai', 'Punjab'], rnd(i, 66)) END,
    CASE WHEN rnd(i, 67) < 0.4 THEN eid(skewed(rnd(i, 68), $entities,
        (hash(i, 69) % 6)::BIGINT)) END,
    'rose 5.3 percent to 1.2 billion',
    ((i % $per) * 151)::INTEGER,
    ((i % $per) * 151 + 31)::INTEGER,
    'Exports rose 5.3 percent to 1.2 billion dollars in the period, the ministry said.',
    'bench-query'
FROM (
    SELECT i,
        pick(['exports', 'imports', 'non-oil foreign trade', 'trade surplus', 'trade deficit',
            'foreign trade', 'retail sales', 'industrial output', 'remittances', 'tax revenue',
            'foreign direct investment', 'net profit', 'revenue', 'crude oil output',
            'container throughput', 'tourist arrivals', 'electricity consumption',
            'new energy vehicle sales', 'consumer prices', 'unemployment rate', 'budget',
            'projects', 'installed solar capacity', 'passenger traffic', 'housing starts',
            'gold price', 'brent crude futures', 'turnover', 'people employed',
            'applications received'], rnd(i, 60)) AS subject,
        pick(['percent', 'percent', 'percent', 'percent', 'USD', 'USD', 'CNY', 'AED', 'PKR',
            'INR', 'EUR', 'GBP', 'person', 't', 'vehicle', 'TEU', 'MW', 'percentage_point',
            'bbl/d', 'project'], rnd(i, 61)) AS unit,
        pick(['level', 'level', 'level', 'level', 'level', 'change', 'change', 'change',
            'share', 'rate'], rnd(i, 70)) AS measure,
        date_trunc('month', DATE '2023-01-01' + (rnd(i, 71) * 1000)::INTEGER)::DATE
            AS period_start
    FROM range($rows) t(i)
)
"""

QUOTES = """
INSERT INTO quotes (quote_id, article_id, speaker_entity_id, speaker_name, text, verb,
    start_char, end_char, run_id)
SELECT g.quote_id, g.article_id, e.entity_id, e.name, g.text, g.verb, g.start_char,
    g.start_char + length(g.text), 'bench-query'
FROM (
    SELECT
        substr(md5('quote:' || i), 1, 16) AS quote_id,
        aid((i * 2) // 3) AS article_id,
        CASE WHEN rnd(i, 81) < 0.95 THEN eid(skewed(rnd(i, 82), $entities,
            6 + (hash(i, 83) % 6)::BIGINT)) END AS entity_id,
        'We expect the momentum to carry into the next quarter' AS text,
        pick(['said', 'said', 'told reporters', 'added', 'noted'], rnd(i, 84)) AS verb,
        ((i % 3) * 300)::INTEGER AS start_char
    FROM range($rows) t(i)
) g
LEFT JOIN entities e USING (entity_id)
"""


def build(db_path: Path, articles: int) -> dict[str, Any]:
    """Create the warehouse file and fill it; seconds and rows per table."""
    import duckdb

    from warehouse.db import ensure_schema

    ensure_schema(db_path)
    entities = max(40, round(articles * PER_ARTICLE["entities"]))
    events = round(articles * PER_ARTICLE["events"])
    plan = [
        ("articles", ARTICLES, {"articles": articles}),
        ("entities", ENTITIES, {"entities": entities}),
        ("mentions", MENTIONS, _rows(articles, "mentions", entities)),
        ("time_expressions", TIME_EXPRESSIONS, _rows(articles, "time_expressions", entities)),
        ("events", EVENTS, _rows(articles, "events", entities)),
        (
            "event_participants",
            EVENT_PARTICIPANTS,
            {"rows": round(events * PARTICIPANTS_PER_EVENT), "entities": entities},
        ),
        ("metrics", METRICS, _rows(articles, "metrics", entities)),
        ("quotes", QUOTES, {"rows": round(articles * PER_ARTICLE["quotes"]), "entities": entities}),
    ]
    out: dict[str, Any] = {"articles": articles, "tables": {}}
    started = time.perf_counter()
    with duckdb.connect(str(db_path)) as con:
        con.execute(MACROS)
        for table, statement, params in plan:
            begun = time.perf_counter()
            used = {k: v for k, v in params.items() if f"${k}" in statement}
            con.execute(statement, used)
            count = con.execute(f"select count(*) from {table}").fetchone()
            out["tables"][table] = {
                "rows": count[0] if count else 0,
                "seconds": round(time.perf_counter() - begun, 3),
            }
        con.execute("CHECKPOINT")
    out["seconds"] = round(time.perf_counter() - started, 2)
    out["file_mb"] = round(db_path.stat().st_size / 1024 / 1024, 1)
    return out


def _rows(articles: int, table: str, entities: int) -> dict[str, int]:
    per = PER_ARTICLE[table]
    return {"rows": round(articles * per), "per": int(per), "entities": entities}


# --------------------------------------------------------------------------------------------
# The queries
# --------------------------------------------------------------------------------------------


def readme_queries(readme: Path = README) -> list[tuple[str, str]] | None:
    """(question, sql) for each ```sql block of the README's "Ad-hoc SQL" section."""
    if not readme.exists():
        return None
    text = readme.read_text(encoding="utf-8")
    section = re.search(r"^## Ad-hoc SQL\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    if not section:
        return None
    queries: list[tuple[str, str]] = []
    body = section.group(1)
    for block in re.finditer(r"```sql\s*\n(.*?)```", body, re.S):
        before = body[: block.start()].strip().splitlines()
        question = before[-1].strip() if before else f"query {len(queries) + 1}"
        queries.append((question, block.group(1).strip().rstrip(";")))
    return queries or None


def time_queries(
    db_path: Path, queries: list[tuple[str, str]], repeat: int
) -> list[dict[str, Any]]:
    """Best (and median) of `repeat` runs of each query, per-query connection and open one."""
    import duckdb

    from warehouse.db import query as warehouse_query

    results = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        for label, sql in queries:
            fresh: list[float] = []
            rows = 0
            for _ in range(repeat):
                started = time.perf_counter()
                rows = len(warehouse_query(db_path, sql).rows)
                fresh.append(time.perf_counter() - started)
            warm: list[float] = []
            for _ in range(repeat):
                started = time.perf_counter()
                con.execute(sql).fetchall()
                warm.append(time.perf_counter() - started)
            results.append(
                {
                    "question": label,
                    "sql": sql,
                    "rows": rows,
                    "first_seconds": round(fresh[0], 4),
                    "best_seconds": round(min(fresh), 4),
                    "median_seconds": round(statistics.median(fresh), 4),
                    "best_open_connection_seconds": round(min(warm), 4),
                    "ok": min(fresh) < TARGET_SECONDS,
                }
            )
    return results


def show(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 110)
    m = report["machine"]
    console.print(
        f"[bold]Machine[/]: {m['cpu_count']} × {m['cpu_model']}, {m['memory_gb']} GB, "
        f"Python {m['python']}, DuckDB {m['libraries'].get('duckdb')}; load average "
        f"{m['load_average'][0]:.2f}"
    )
    built = report["build"]
    tables = ", ".join(f"{t} {v['rows']:,}" for t, v in built["tables"].items())
    console.print(
        f"[bold]Warehouse[/]: {tables}; {built['file_mb']} MB, built in {built['seconds']} s "
        f"({report['source']})"
    )
    table = Table(
        "question",
        "rows",
        "best (s)",
        "median (s)",
        "first (s)",
        "open conn. (s)",
        f"< {TARGET_SECONDS} s",
        title=f"Queries, best of {report['repeat']}",
    )
    for q in report["queries"]:
        table.add_row(
            q["question"],
            str(q["rows"]),
            f"{q['best_seconds']:.3f}",
            f"{q['median_seconds']:.3f}",
            f"{q['first_seconds']:.3f}",
            f"{q['best_open_connection_seconds']:.3f}",
            "[green]yes[/]" if q["ok"] else "[red]no[/]",
        )
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the README's queries on a big warehouse.")
    parser.add_argument("--articles", type=int, default=100_000, help="articles (100000)")
    parser.add_argument("--out", type=Path, default=RESULTS / "query.json", help="JSON results")
    parser.add_argument("--db", type=Path, help="warehouse file to build (default: temporary)")
    parser.add_argument("--reuse", action="store_true", help="use --db as it is, if it exists")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (5)")
    parser.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    with tempfile.TemporaryDirectory(prefix="wirehouse-query-") as scratch:
        db_path = args.db or Path(scratch) / "bench.duckdb"
        if args.reuse and db_path.exists():
            built: dict[str, Any] = {"articles": None, "tables": {}, "seconds": 0, "reused": True}
            built["file_mb"] = round(db_path.stat().st_size / 1024 / 1024, 1)
        else:
            for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
                stale.unlink(missing_ok=True)
            built = build(db_path, args.articles)
        queries = readme_queries(args.readme)
        source = "README.md, section Ad-hoc SQL" if queries else "built-in queries"
        report = {
            "machine": machine(),
            "build": built,
            "source": source,
            "repeat": args.repeat,
            "target_seconds": TARGET_SECONDS,
            "queries": time_queries(db_path, queries or BUILT_IN_QUERIES, args.repeat),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    show(report)
    print(f"results: {args.out}")
    return 0 if all(q["ok"] for q in report["queries"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
