INSERT INTO source_state BY NAME SELECT * FROM batch_source_state
ON CONFLICT (source_name) DO UPDATE SET
    last_success_at = coalesce(excluded.last_success_at, source_state.last_success_at),
    etag = excluded.etag,
    last_modified = excluded.last_modified,
    cursor = coalesce(excluded.cursor, source_state.cursor),
    run_id = excluded.run_id;
