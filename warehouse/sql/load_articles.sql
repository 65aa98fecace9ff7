-- Upsert the batch's articles; first_seen_at keeps the first sighting.
INSERT INTO articles BY NAME SELECT * FROM batch_articles
ON CONFLICT (article_id) DO UPDATE SET
    url = excluded.url,
    canonical_url = excluded.canonical_url,
    source_name = excluded.source_name,
    wire_agency = excluded.wire_agency,
    source_chain = excluded.source_chain,
    title = excluded.title,
    author = excluded.author,
    dateline = excluded.dateline,
    published_at = excluded.published_at,
    published_date = excluded.published_date,
    language = excluded.language,
    body_text = excluded.body_text,
    word_count = excluded.word_count,
    content_hash = excluded.content_hash,
    duplicate_of = excluded.duplicate_of,
    run_id = excluded.run_id;
