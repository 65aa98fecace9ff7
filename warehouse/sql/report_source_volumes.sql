-- Documents per source that earlier runs' volume checks observed, newest first: the history that
-- expectations/batch.py's check_volume compares a run against (at most 100 runs per source).
SELECT
    d.run_id,
    r.started_at,
    d.details ->> '$.source' AS source_name,
    CAST(d.details ->> '$.observed' AS INTEGER) AS documents
FROM dq_results AS d
JOIN etl_runs AS r USING (run_id)
WHERE starts_with(d.expectation, 'expect_source_volume_to_not_drop(')
QUALIFY row_number() OVER (
    PARTITION BY d.details ->> '$.source' ORDER BY r.started_at DESC
) <= 100
ORDER BY r.started_at DESC, source_name;
