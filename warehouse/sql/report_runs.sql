-- The last 500 runs, oldest first, with how many expectations each evaluated and passed.
WITH checks AS (
    SELECT run_id, count(*) AS evaluated, count(*) FILTER (WHERE success) AS passed
    FROM dq_results
    GROUP BY run_id
),
recent AS (
    SELECT
        r.run_id, r.command, r.status, r.started_at, r.finished_at, r.fetched, r.new,
        r.duplicate, r.quarantined, r.failed, r.loaded_rows, r.details,
        coalesce(c.evaluated, 0) AS evaluated,
        coalesce(c.passed, 0) AS passed,
        count(*) OVER () AS total_runs
    FROM etl_runs AS r
    LEFT JOIN checks AS c USING (run_id)
    ORDER BY r.started_at DESC, r.run_id DESC
    LIMIT 500
)
SELECT * FROM recent ORDER BY started_at, run_id;
