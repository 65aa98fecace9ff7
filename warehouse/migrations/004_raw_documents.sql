-- Version 4: the raw archive's index. Payload bytes live in raw/<aa>/<sha256>.gz beside the file.
CREATE TABLE IF NOT EXISTS raw_documents (
    raw_id         VARCHAR PRIMARY KEY,
    payload_hash   VARCHAR NOT NULL,
    source_name    VARCHAR NOT NULL,
    origin         VARCHAR NOT NULL,
    role           VARCHAR NOT NULL,   -- source: what the source location gave; linked: a page it linked
    content_type   VARCHAR,
    charset        VARCHAR,
    etag           VARCHAR,
    last_modified  VARCHAR,
    size           BIGINT,
    fetched_at     TIMESTAMPTZ NOT NULL,
    run_id         VARCHAR NOT NULL
);
