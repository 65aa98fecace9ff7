-- Per source: its last successful fetch, and the newest article it brought.
WITH seen AS (
    SELECT
        source_name,
        count(*) AS articles,
        max(first_seen_at) AS last_article_at,
        max(published_at) AS newest_published_at
    FROM articles
    WHERE source_name IS NOT NULL
    GROUP BY source_name
)
SELECT
    coalesce(s.source_name, a.source_name) AS source_name,
    s.last_success_at,
    a.last_article_at,
    a.newest_published_at,
    coalesce(a.articles, 0) AS articles
FROM source_state AS s
FULL JOIN seen AS a ON a.source_name = s.source_name
ORDER BY source_name;
