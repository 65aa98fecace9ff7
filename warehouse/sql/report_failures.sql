-- Expectations that failed in any of the last 20 runs: how often, and what the latest failure saw.
WITH recent AS (
    SELECT run_id, started_at FROM etl_runs ORDER BY started_at DESC, run_id DESC LIMIT 20
),
per_run AS (
    SELECT
        d.table_name, d.expectation, d.run_id, r.started_at,
        any_value(d.column_name) AS column_name,
        min(coalesce(d.severity, 'fail')) AS severity,
        sum(d.unexpected_count) AS unexpected_count,
        arg_max(d.details, d.unexpected_count) AS details
    FROM dq_results AS d
    JOIN recent AS r USING (run_id)
    WHERE NOT d.success
    GROUP BY d.table_name, d.expectation, d.run_id, r.started_at
)
SELECT
    table_name, expectation,
    any_value(column_name) AS column_name,
    min(severity) AS severity,  -- 'fail' sorts before 'warn': one fail makes the row a fail
    count(*) AS failed_runs,
    (SELECT count(*) FROM recent) AS recent_runs,
    arg_max(run_id, started_at) AS last_run_id,
    max(started_at) AS last_failed_at,
    arg_max(unexpected_count, started_at) AS unexpected_count,
    arg_max(details, started_at) AS details
FROM per_run
GROUP BY table_name, expectation
ORDER BY severity, last_failed_at DESC, unexpected_count DESC, table_name, expectation
LIMIT 50;
