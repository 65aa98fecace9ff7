-- Stored original articles sharing MinHash bands with a candidate, and how many bands they share.
SELECT c.article_id AS candidate_id, b.article_id AS original_id, count(*) AS shared
FROM candidate_bands c
JOIN article_bands b ON b.band = c.band AND b.band_hash = c.band_hash
JOIN articles a ON a.article_id = b.article_id AND a.duplicate_of IS NULL
WHERE b.article_id <> c.article_id
GROUP BY ALL;
