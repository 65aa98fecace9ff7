-- The first (original) copy of each content hash already loaded.
SELECT content_hash, min_by(article_id, first_seen_at) AS article_id
FROM articles
WHERE duplicate_of IS NULL AND content_hash IN (SELECT content_hash FROM candidates)
GROUP BY content_hash;
