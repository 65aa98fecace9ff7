-- Metrics the last run loaded, those of the most recently published articles first.
WITH last_run AS (
    SELECT run_id FROM etl_runs ORDER BY started_at DESC, run_id DESC LIMIT 1
)
SELECT
    m.subject, m.value, m.unit, m.qualifier, m.measure, m.direction, m.period_label,
    m.geography, m.text, a.title, a.source_name, a.published_at
FROM metrics AS m
JOIN last_run USING (run_id)
LEFT JOIN articles AS a USING (article_id)
ORDER BY a.published_at DESC NULLS LAST, m.article_id, m.start_char, m.metric_id
LIMIT 10;
