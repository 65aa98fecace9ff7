INSERT INTO etl_runs (run_id, started_at, status, command) VALUES ($run_id, $started_at, 'running', $command);
