INSERT INTO rejected_documents BY NAME SELECT * FROM batch_rejected_documents
ON CONFLICT (rejection_id) DO UPDATE SET
    run_id = excluded.run_id,
    reason = excluded.reason,
    stage = excluded.stage,
    error_class = excluded.error_class,
    error_message = excluded.error_message,
    raised_in = excluded.raised_in;
