-- A run's record is written when it starts and again when it ends (or by a staged batch).
INSERT INTO etl_runs BY NAME SELECT * FROM batch_etl_runs
ON CONFLICT (run_id) DO UPDATE SET
    finished_at = coalesce(excluded.finished_at, etl_runs.finished_at),
    status = excluded.status,
    fetched = coalesce(excluded.fetched, etl_runs.fetched),
    new = coalesce(excluded.new, etl_runs.new),
    duplicate = coalesce(excluded.duplicate, etl_runs.duplicate),
    quarantined = coalesce(excluded.quarantined, etl_runs.quarantined),
    failed = coalesce(excluded.failed, etl_runs.failed),
    loaded_rows = coalesce(excluded.loaded_rows, etl_runs.loaded_rows),
    details = coalesce(excluded.details, etl_runs.details);
