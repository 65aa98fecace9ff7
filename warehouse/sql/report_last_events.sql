-- Events the last run loaded, those of the most recently published articles first.
WITH last_run AS (
    SELECT run_id FROM etl_runs ORDER BY started_at DESC, run_id DESC LIMIT 1
)
SELECT
    e.event_type, e.summary, e.date_start, e.date_end, e.date_precision, e.country_code,
    e.confidence, a.title, a.source_name, a.published_at
FROM events AS e
JOIN last_run USING (run_id)
LEFT JOIN articles AS a USING (article_id)
ORDER BY a.published_at DESC NULLS LAST, e.article_id, e.start_char, e.event_id
LIMIT 10;
