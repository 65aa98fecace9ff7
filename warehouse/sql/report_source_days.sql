-- Articles first seen per source and UTC day, over the 30 days up to the latest such day.
WITH seen AS (
    SELECT
        coalesce(source_name, '(unknown source)') AS source_name,
        CAST(first_seen_at AT TIME ZONE 'UTC' AS DATE) AS day
    FROM articles
)
SELECT day, source_name, count(*) AS rows
FROM seen
WHERE day > (SELECT max(day) FROM seen) - 30
GROUP BY day, source_name
ORDER BY day, source_name;
