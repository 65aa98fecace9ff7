-- Wirehouse schema, version 1: the contract's tables (CONTRACT.md §3) and the operations tables.

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,
    url             VARCHAR,
    canonical_url   VARCHAR,
    source_name     VARCHAR,
    wire_agency     VARCHAR,
    source_chain    VARCHAR[],
    title           VARCHAR,
    author          VARCHAR,
    dateline        VARCHAR,
    published_at    TIMESTAMPTZ,
    published_date  DATE,
    language        VARCHAR,
    body_text       VARCHAR NOT NULL,
    word_count      INTEGER,
    content_hash    VARCHAR NOT NULL,
    duplicate_of    VARCHAR,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    run_id          VARCHAR NOT NULL
);

-- MinHash bands of each distinct article: near-duplicate candidates share a band.
CREATE TABLE IF NOT EXISTS article_bands (
    article_id  VARCHAR NOT NULL,
    band        INTEGER NOT NULL,
    band_hash   UBIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    entity_type   VARCHAR NOT NULL,
    country_code  VARCHAR,
    aliases       VARCHAR[],
    run_id        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id      VARCHAR NOT NULL,
    entity_id       VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS time_expressions (
    article_id   VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,
    value        VARCHAR,
    range_start  DATE,
    range_end    DATE,
    run_id       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_id            VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    event_type          VARCHAR NOT NULL,
    summary             VARCHAR,
    trigger             VARCHAR,
    date_start          DATE,
    date_end            DATE,
    date_precision      VARCHAR,
    location_entity_id  VARCHAR,
    country_code        VARCHAR,
    sentence            VARCHAR,
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    confidence          DOUBLE,
    run_id              VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id   VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS metrics (
    metric_id                VARCHAR PRIMARY KEY,
    article_id               VARCHAR NOT NULL,
    subject                  VARCHAR,
    value                    DOUBLE NOT NULL,
    unit                     VARCHAR NOT NULL,
    qualifier                VARCHAR,
    measure                  VARCHAR,
    direction                VARCHAR,
    period_start             DATE,
    period_end               DATE,
    period_label             VARCHAR,
    compared_with            VARCHAR,
    geography                VARCHAR,
    attributed_to_entity_id  VARCHAR,
    text                     VARCHAR NOT NULL,
    start_char               INTEGER NOT NULL,
    end_char                 INTEGER NOT NULL,
    sentence                 VARCHAR,
    run_id                   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id           VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    speaker_entity_id  VARCHAR,
    speaker_name       VARCHAR,
    text               VARCHAR NOT NULL,
    verb               VARCHAR,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL,
    run_id             VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL,
    command       VARCHAR,
    fetched       INTEGER DEFAULT 0,
    new           INTEGER DEFAULT 0,
    duplicate     INTEGER DEFAULT 0,
    quarantined   INTEGER DEFAULT 0,
    failed        INTEGER DEFAULT 0,
    loaded_rows   INTEGER DEFAULT 0,
    details       JSON
);

CREATE TABLE IF NOT EXISTS source_state (
    source_name      VARCHAR PRIMARY KEY,
    last_success_at  TIMESTAMPTZ,
    etag             VARCHAR,
    last_modified    VARCHAR,
    cursor           VARCHAR,
    run_id           VARCHAR
);

CREATE TABLE IF NOT EXISTS dq_results (
    run_id            VARCHAR NOT NULL,
    table_name        VARCHAR NOT NULL,
    expectation       VARCHAR NOT NULL,
    column_name       VARCHAR,
    success           BOOLEAN NOT NULL,
    unexpected_count  INTEGER NOT NULL,
    details           JSON
);

CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id   VARCHAR PRIMARY KEY,
    run_id          VARCHAR NOT NULL,
    table_name      VARCHAR NOT NULL,
    row             JSON NOT NULL,
    reasons         VARCHAR[] NOT NULL,
    quarantined_at  TIMESTAMPTZ NOT NULL
);

-- Documents that could not become articles (empty pages, broken JSON): kept with the reason.
CREATE TABLE IF NOT EXISTS rejected_documents (
    rejection_id  VARCHAR PRIMARY KEY,
    run_id        VARCHAR NOT NULL,
    source_name   VARCHAR NOT NULL,
    origin        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    rejected_at   TIMESTAMPTZ NOT NULL
);
