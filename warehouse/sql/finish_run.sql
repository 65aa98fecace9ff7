UPDATE etl_runs SET
    finished_at = $finished_at, status = $status, fetched = $fetched, new = $new,
    duplicate = $duplicate, quarantined = $quarantined, failed = $failed,
    loaded_rows = $loaded_rows, details = $details
WHERE run_id = $run_id;
