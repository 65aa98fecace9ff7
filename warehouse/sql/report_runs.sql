SELECT run_id, command, status, started_at, finished_at, fetched, new, duplicate, quarantined, failed, loaded_rows
FROM etl_runs ORDER BY started_at DESC LIMIT 20;
